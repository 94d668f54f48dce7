/**
 * The `Office` global beside the fake Excel: what the adapter and the pane ask of it and
 * nothing more. Requirement sets answer from the fake's ExcelApi version; the theme is Office's
 * light or dark one (or given colours); `onReady` resolves with host Excel; function commands
 * registered with `Office.actions.associate` can be invoked as the ribbon would; document
 * settings live in memory; `Office.context.ui.displayDialogAsync` opens dialog windows whose page
 * a test plays (messageParent, the user's X), or answers 12009, or is absent. `Office.addin.showAsTaskpane`
 * shows the pane where the client supports SharedRuntime 1.1 (FakeExcelOptions.sharedRuntime, by host profile) and
 * fails where it does not: without the shared runtime the method has nothing to show (docs/excel-behaviour.md).
 */
import type { FakeExcel } from "./excel";

export interface FakeOfficeTheme {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme: boolean;
}

/** Office's own colours for its light ("Colorful"/"White") and dark ("Black") themes. */
export const OFFICE_THEMES: Readonly<Record<"light" | "dark", FakeOfficeTheme>> = {
  light: {
    bodyBackgroundColor: "#FFFFFF",
    bodyForegroundColor: "#242424",
    controlBackgroundColor: "#FFFFFF",
    controlForegroundColor: "#242424",
    isDarkTheme: false,
  },
  dark: {
    bodyBackgroundColor: "#292929",
    bodyForegroundColor: "#FFFFFF",
    controlBackgroundColor: "#1F1F1F",
    controlForegroundColor: "#FFFFFF",
    isDarkTheme: true,
  },
};

export interface FakeOfficeOptions {
  theme?: "light" | "dark" | FakeOfficeTheme;
  /**
   * Office's dialog window (DialogApi 1.1): "open" (the default) opens it; "ignored" answers error
   * 12009 as Office on the web does when the user chooses Ignore; "absent" has no DialogApi at all.
   */
  dialog?: "open" | "ignored" | "absent";
}

/** A dialog window the fake opened: what the page at `url` would do, and what Office would report. */
export interface FakeDialog {
  url: string;
  options: unknown;
  /** Whether the host page closed it (Dialog.close) or the user did (closeByUser). */
  closed: boolean;
  /** The dialog page calls Office.context.ui.messageParent(message). */
  messageParent(message: string): void;
  /** The user closes the window with its X: Office raises DialogEventReceived with 12006. */
  closeByUser(): void;
}

/** The Office.Dialog the host page receives. */
interface FakeDialogHandle {
  addEventHandler(type: unknown, handler: (arg: { message?: string; error?: number }) => void): void;
  close(): void;
}

type DialogResult = {
  status: "succeeded" | "failed";
  value?: FakeDialogHandle;
  error?: { code: number; message: string };
};

/** The event a function command receives; `completed` must be called when it is done. */
export interface FakeCommandEvent {
  completed(options?: { allowEvent?: boolean }): void;
  source: { id: string };
}

type Handler = (event: FakeCommandEvent) => unknown;

export interface FakeSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: "succeeded" }) => void): void;
}

export interface FakeOffice {
  context: {
    host: "Excel";
    platform: string;
    displayLanguage: string;
    contentLanguage: string;
    diagnostics: { host: "Excel"; platform: string; version: string };
    requirements: { isSetSupported(name: string, minVersion?: string | number): boolean };
    officeTheme: FakeOfficeTheme;
    ui?: { displayDialogAsync(url: string, options: unknown, callback: (result: DialogResult) => void): void };
    document: { settings: FakeSettings };
  };
  HostType: { Excel: "Excel" };
  EventType: { DialogMessageReceived: "dialogMessageReceived"; DialogEventReceived: "dialogEventReceived" };
  /**
   * Office.js's own code, when it is on the page too (loaded before the fake), calls `new Office.Promise` on whatever
   * `Office` is.
   */
  Promise: PromiseConstructor;
  PlatformType: { PC: "PC"; Mac: "Mac"; OfficeOnline: "OfficeOnline" };
  onReady(callback?: (info: { host: "Excel"; platform: string }) => void): Promise<{ host: "Excel"; platform: string }>;
  /** Legacy entry point: called once, after the scripts of the page have run, when a page sets it. */
  initialize?: (reason: string) => void;
  actions: { associate(id: string, handler: Handler): void };
  addin: { showAsTaskpane(): Promise<void>; hide(): Promise<void> };
  /** Not Office's: whether the pane is shown, and how many times showAsTaskpane showed it. */
  taskpane: { visible: boolean; shown: number };
  /** Not Office's: runs a function command as the ribbon button would; resolves when it calls completed(). */
  invokeCommand(id: string): Promise<void>;
  /** Not Office's: the ids registered with `actions.associate`. */
  commands(): string[];
  /** Not Office's: the dialog windows opened so far, in order. */
  dialogs: FakeDialog[];
}

const EVENT_TYPE = {
  DialogMessageReceived: "dialogMessageReceived",
  DialogEventReceived: "dialogEventReceived",
} as const;

/** Office.context.ui.displayDialogAsync as the documentation describes it, asynchronous like Office's. */
function fakeDialogs(mode: FakeOfficeOptions["dialog"], dialogs: FakeDialog[]) {
  return {
    displayDialogAsync(url: string, options: unknown, callback: (result: DialogResult) => void) {
      if (mode === "ignored") {
        const error = { code: 12009, message: "The user chose to ignore the dialog box." };
        void Promise.resolve().then(() => callback({ status: "failed", error }));
        return;
      }
      const handlers = new Map<string, (arg: { message?: string; error?: number }) => void>();
      const dialog: FakeDialog = {
        url,
        options,
        closed: false,
        messageParent: (message) => {
          if (!dialog.closed) handlers.get(EVENT_TYPE.DialogMessageReceived)?.({ message });
        },
        closeByUser: () => {
          if (dialog.closed) return;
          dialog.closed = true;
          handlers.get(EVENT_TYPE.DialogEventReceived)?.({ error: 12006 });
        },
      };
      dialogs.push(dialog);
      const value: FakeDialogHandle = {
        addEventHandler: (type, handler: (arg: { message?: string; error?: number }) => void) =>
          void handlers.set(String(type), handler),
        close: () => void (dialog.closed = true),
      };
      void Promise.resolve().then(() => callback({ status: "succeeded", value }));
    },
  };
}

export function fakeOffice(excel: FakeExcel, options: FakeOfficeOptions = {}): FakeOffice {
  const theme = typeof options.theme === "object" ? options.theme : OFFICE_THEMES[options.theme ?? "light"];
  const handlers = new Map<string, Handler>();
  const settings = new Map<string, unknown>();
  // Office keeps settings as JSON; jsdom has no structuredClone.
  const copy = (value: unknown): unknown => (value === undefined ? null : JSON.parse(JSON.stringify(value)));
  const info = { host: "Excel" as const, platform: excel.platform };
  const dialogs: FakeDialog[] = [];
  const dialogApi = options.dialog !== "absent";
  const taskpane = { visible: false, shown: 0 };
  return {
    context: {
      host: "Excel",
      platform: excel.platform,
      displayLanguage: "en-US",
      contentLanguage: "en-US",
      diagnostics: { host: "Excel", platform: excel.platform, version: "16.0" },
      requirements: {
        isSetSupported: (name: string, minVersion?: string | number) =>
          (name === "ExcelApi" && excel.supports(minVersion === undefined ? "1.1" : String(minVersion))) ||
          (name === "DialogApi" && dialogApi && ["1.1", "1.2"].includes(String(minVersion ?? "1.1"))) ||
          (name === "SharedRuntime" && excel.sharedRuntime && ["1.1", "1.2"].includes(String(minVersion ?? "1.1"))),
      },
      officeTheme: { ...theme },
      ...(dialogApi ? { ui: fakeDialogs(options.dialog, dialogs) } : {}),
      document: {
        settings: {
          get: (name) => (settings.has(name) ? copy(settings.get(name)) : null),
          set: (name, value) => void settings.set(name, copy(value)),
          remove: (name) => void settings.delete(name),
          saveAsync: (callback) => void Promise.resolve().then(() => callback?.({ status: "succeeded" })),
        },
      },
    },
    HostType: { Excel: "Excel" },
    EventType: EVENT_TYPE,
    Promise,
    PlatformType: { PC: "PC", Mac: "Mac", OfficeOnline: "OfficeOnline" },
    onReady: async (callback) => {
      await Promise.resolve();
      callback?.(info);
      return info;
    },
    actions: {
      associate: (id, handler) => void handlers.set(id, handler),
    },
    addin: {
      showAsTaskpane: async () => {
        if (!excel.sharedRuntime)
          throw new Error("fake Office: showAsTaskpane needs the shared runtime (SharedRuntime 1.1)");
        taskpane.visible = true;
        taskpane.shown++;
      },
      hide: async () => {
        if (!excel.sharedRuntime) throw new Error("fake Office: hide needs the shared runtime (SharedRuntime 1.1)");
        taskpane.visible = false;
      },
    },
    taskpane,
    invokeCommand: (id) =>
      new Promise<void>((resolve, reject) => {
        const handler = handlers.get(id);
        if (!handler) {
          reject(new Error(`fake Office: no function command "${id}" was associated (Office.actions.associate)`));
          return;
        }
        try {
          const returned = handler({ completed: () => resolve(), source: { id } });
          if (returned instanceof Promise) returned.catch(reject);
        } catch (error) {
          reject(error);
        }
      }),
    commands: () => [...handlers.keys()],
    dialogs,
  };
}

/** Installs the fake `Office` on `globalThis` (for a test); returns the function that restores the previous one. */
export function withOffice(excel: FakeExcel, options?: FakeOfficeOptions): () => void {
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  holder.Office = fakeOffice(excel, options);
  return () => {
    holder.Office = before;
  };
}
