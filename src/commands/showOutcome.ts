/**
 * Shows the ribbon check's outcome in Office's dialog window (Office.context.ui.displayDialogAsync,
 * DialogApi 1.1) and waits until the window is closed: by its Close button, by "Open the pane", by
 * the user (Office reports 12006), or by us after a deadline. The function command's runtime ends
 * when the command calls `event.completed()`, and the window's buttons can only message that
 * runtime, so the command completes when this resolves, never before (docs/excel-behaviour.md).
 */
import { DIALOG_SAYS, dialogUrl, type DialogContent } from "./outcomeDialog";

interface AsyncResult<T> {
  status: string;
  value?: T;
  error?: { code?: number; message?: string };
}

export interface OfficeDialog {
  addEventHandler(eventType: unknown, handler: (arg: { message?: string; error?: number }) => void): void;
  close(): void;
}

/** What of Office.js the outcome window needs; every member is checked before use. */
export interface DialogHost {
  context?: {
    ui?: {
      displayDialogAsync?(
        url: string,
        options: { height: number; width: number; displayInIframe: boolean },
        callback: (result: AsyncResult<OfficeDialog>) => void,
      ): void;
    };
    requirements?: { isSetSupported?(name: string, minVersion?: string): boolean };
  };
  EventType?: { DialogMessageReceived?: unknown; DialogEventReceived?: unknown };
}

/** How the window went: shown and then closed, or never shown (no dialog API, refused, blocked). */
export type Shown = "closed" | "not shown";

export interface ShowOptions {
  /** The address dialog.html is served beside (the function file's own). */
  base: string;
  /** Opens the pane, where this runtime can (Office.addin.showAsTaskpane); absent where it cannot. */
  openPane?: () => Promise<unknown>;
  /** How long the window may stay open before it is closed for the command to complete. */
  deadlineMs?: number;
}

/** Office's runtime for a function command ends after five minutes: the window is closed before. */
export const DEADLINE_MS = 4 * 60 * 1000;

function dialogApi(office: DialogHost | undefined) {
  const ui = office?.context?.ui;
  const supported = office?.context?.requirements?.isSetSupported?.("DialogApi", "1.1") ?? false;
  return supported && typeof ui?.displayDialogAsync === "function" ? ui : null;
}

export function showOutcome(
  office: DialogHost | undefined,
  content: DialogContent,
  options: ShowOptions,
): Promise<Shown> {
  const ui = dialogApi(office);
  if (!ui?.displayDialogAsync) return Promise.resolve("not shown");
  const events = office?.EventType ?? {};
  return new Promise<Shown>((resolve) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (how: Shown) => {
      clearTimeout(timer);
      resolve(how);
    };
    const opened = (result: AsyncResult<OfficeDialog>) => {
      const dialog = result.value;
      if (result.status !== "succeeded" || !dialog) {
        console.error(
          `The outcome window could not be shown (${result.error?.code ?? "?"}: ${result.error?.message ?? ""})`,
        );
        done("not shown");
        return;
      }
      const close = () => {
        try {
          dialog.close();
        } catch {
          // Already closed by the user: nothing left to close.
        }
      };
      timer = setTimeout(() => (close(), done("closed")), options.deadlineMs ?? DEADLINE_MS);
      dialog.addEventHandler(events.DialogMessageReceived ?? "dialogMessageReceived", ({ message }) => {
        close();
        if (message === DIALOG_SAYS.openPane && options.openPane) {
          options.openPane().then(
            () => done("closed"),
            (error: unknown) => (console.error(error), done("closed")),
          );
        } else done("closed");
      });
      dialog.addEventHandler(events.DialogEventReceived ?? "dialogEventReceived", () => done("closed"));
    };
    try {
      ui.displayDialogAsync?.(
        dialogUrl(options.base, content),
        { height: 35, width: 30, displayInIframe: true },
        opened,
      );
    } catch (error) {
      console.error(error);
      done("not shown");
    }
  });
}
