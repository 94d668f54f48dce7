/**
 * The ribbon's "Check workplan" function command: it checks and refreshes the highlights without
 * the pane, shows the outcome (the counts, or the error) in Office's dialog window, with "Open the
 * pane" where the client gives the shared runtime (SharedRuntime 1.1) and never where it does not,
 * and always tells Excel it is done, once the window is closed or could not be shown.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { checkWorkplan, COMMAND_ERROR_SETTING } from "../../src/commands/commands";
import { register } from "../../src/commands/register";
import { contentOf, DIALOG_SAYS, type DialogContent } from "../../src/commands/outcomeDialog";
import { RIBBON_LABELS } from "../../src/commands/outcomeText";
import type { ExcelRun } from "../../src/office";
import { conflicted } from "../office/conflicted";
import {
  conflictsOf,
  createFakeExcel,
  FakeError,
  fakeExcel,
  fakeOffice,
  hostOptions,
  withOffice,
  type FakeDialog,
  type FakeOffice,
  type FakeOfficeOptions,
} from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");
const BASE = "https://localhost:3000/taskpane.html";
const MANIFEST = readFileSync(path.join(__dirname, "../../manifest.xml"), "utf8");

const failing = (async () => {
  throw new FakeError("AccessDenied", "protected");
}) as unknown as ExcelRun;

/** Resolves once the fake Office has opened `n` dialog windows. */
async function dialogOpened(office: FakeOffice, n = 1): Promise<FakeDialog> {
  for (let i = 0; i < 200 && office.dialogs.length < n; i++) await new Promise((resolve) => setTimeout(resolve, 5));
  const dialog = office.dialogs[n - 1];
  if (!dialog) throw new Error("no dialog window was opened");
  return dialog;
}

function shown(dialog: FakeDialog): DialogContent {
  const content = contentOf(new URL(dialog.url).search);
  if (!content) throw new Error(`the window's address holds no content: ${dialog.url}`);
  return content;
}

/**
 * Runs the command with a fake Office (by default a client with the shared runtime; `sharedRuntime: false` as
 * Microsoft 365 on Windows before version 2002); `completed` is observed, the window left for the test to close.
 */
function run(options: FakeOfficeOptions = {}, excelRun?: ExcelRun, sharedRuntime = true) {
  const excel = fakeExcel(conflicted(), sharedRuntime ? {} : hostOptions("windows-1908"));
  const office = fakeOffice(excel, options);
  const completed = jest.fn();
  const done = checkWorkplan({ completed }, excelRun ?? excel.run, { now: () => NOW, office, base: BASE });
  return { excel, office, completed, done };
}

function manifestString(id: string): string {
  const found = new RegExp(`<bt:String id="${id.replace(".", "\\.")}" DefaultValue="([^"]*)"`).exec(MANIFEST);
  if (!found?.[1]) throw new Error(`manifest.xml has no string ${id}`);
  return found[1];
}

describe("the Check workplan button", () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    jest.restoreAllMocks();
  });

  it("is associated with Office under the manifest's id, checks the workbook and shows the outcome", async () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    restore = withOffice(excel);
    register({ Office: office, Excel: { run: excel.run } });
    expect(office.commands()).toContain("checkWorkplan");
    const invoked = office.invokeCommand("checkWorkplan");
    (await dialogOpened(office)).messageParent(DIALOG_SAYS.close);
    await invoked;
    expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked \d\d? [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC/);
    expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(6);
  });

  it("is associated at once, before Office is ready, as Microsoft's function-command samples do", () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    const onReady = jest.spyOn(office, "onReady");
    register({ Office: office, Excel: { run: excel.run } });
    expect(office.commands()).toContain("checkWorkplan");
    expect(onReady).not.toHaveBeenCalled();
  });

  it("shows the counts of the check it wrote, in a window of dialog.html beside the function file", async () => {
    const { excel, office, completed, done } = run();
    const dialog = await dialogOpened(office);
    const url = new URL(dialog.url);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/dialog.html");
    const { rows, headers } = conflictsOf(excel.model);
    const severity = headers.indexOf("Severity");
    const n = (word: string) => rows.filter((row) => String(row[severity]).toLowerCase() === word).length;
    expect(n("error") + n("warning")).toBeGreaterThan(0);
    const content = shown(dialog);
    expect(content.heading).toBe("Workplan checked");
    const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
    const parts = [plural(n("error"), "error"), plural(n("warning"), "warning")];
    if (n("info") > 0) parts.push(plural(n("info"), "info finding"));
    expect(content.lines[0]).toBe(`Found ${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}.`);
    expect(content.lines[1]).toBe("The highlights, the notes and the Conflicts table now show this check.");
    expect(content.failed).toBe(false);
    expect(content.close).toBe("Close");
    expect(completed).not.toHaveBeenCalled();
    dialog.messageParent(DIALOG_SAYS.close);
    await done;
    expect(dialog.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("says where the pane is, in the ribbon's own words, where the client has no shared runtime", async () => {
    expect(RIBBON_LABELS).toEqual({
      button: manifestString("PaneButton.Label"),
      group: manifestString("WorkplanGroup.Label"),
    });
    const { office, done } = run({}, undefined, false);
    expect(office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(false);
    const dialog = await dialogOpened(office);
    const content = shown(dialog);
    expect(content.openPane).toBeNull();
    expect(content.lines.at(-1)).toBe(
      "To read each finding and what would fix it, select Workplan in the Workplan Checker group on the Home tab.",
    );
    // Even a page that sent "open-pane" anyway would not make the command call a method known to fail.
    const showAsTaskpane = jest.spyOn(office.addin, "showAsTaskpane");
    dialog.messageParent(DIALOG_SAYS.openPane);
    await done;
    expect(showAsTaskpane).not.toHaveBeenCalled();
    expect(dialog.closed).toBe(true);
  });

  it("offers Open the pane in a shared runtime: closes the window, opens the pane, then completes", async () => {
    const { office, completed, done } = run();
    const dialog = await dialogOpened(office);
    const content = shown(dialog);
    expect(content.openPane).toBe("Open the pane");
    expect(content.lines.at(-1)).toBe("To read each finding and what would fix it, open the pane.");
    expect(office.taskpane).toEqual({ visible: false, shown: 0 });
    const closedWhenShown: boolean[] = [];
    const showAsTaskpane = office.addin.showAsTaskpane;
    office.addin.showAsTaskpane = () => (closedWhenShown.push(dialog.closed), showAsTaskpane());
    dialog.messageParent(DIALOG_SAYS.openPane);
    await done;
    expect(closedWhenShown).toEqual([true]);
    expect(office.taskpane).toEqual({ visible: true, shown: 1 });
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("does not offer Open the pane where Office.js lacks Office.addin, whatever the host answers", async () => {
    const excel = fakeExcel(conflicted());
    const office = fakeOffice(excel);
    (office as { addin?: unknown }).addin = undefined;
    expect(office.context.requirements.isSetSupported("SharedRuntime", "1.1")).toBe(true);
    const done = checkWorkplan({ completed: () => undefined }, excel.run, { now: () => NOW, office, base: BASE });
    const dialog = await dialogOpened(office);
    expect(shown(dialog).openPane).toBeNull();
    dialog.closeByUser();
    await done;
  });

  it("completes, and says so on the console, when showing the pane fails", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { office, completed, done } = run();
    office.addin.showAsTaskpane = () => Promise.reject(new Error("the pane could not be shown"));
    const dialog = await dialogOpened(office);
    dialog.messageParent(DIALOG_SAYS.openPane);
    await done;
    expect(dialog.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.objectContaining({ message: "the pane could not be shown" }));
  });

  it("shows the error when the check fails, keeps it for the pane, and completes when the window closes", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { office, completed, done } = run({}, failing);
    const dialog = await dialogOpened(office);
    const content = shown(dialog);
    expect(content.heading).toBe("The workplan was not checked");
    expect(content.failed).toBe(true);
    expect(content.lines[0]).toMatch(/^Could not check the workbook\. .*AccessDenied/);
    expect(office.context.document.settings.get(COMMAND_ERROR_SETTING)).toMatchObject({
      message: content.lines[0],
    });
    expect(error).toHaveBeenCalledWith(expect.stringContaining("Could not check the workbook"));
    dialog.closeByUser();
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("clears a failed check's message from the document's settings after a good one", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const excel = createFakeExcel();
    const office = fakeOffice(excel, { dialog: "absent" });
    await checkWorkplan({ completed: () => undefined }, failing, { now: () => NOW, office, base: BASE });
    expect(office.context.document.settings.get(COMMAND_ERROR_SETTING)).not.toBeNull();
    await checkWorkplan({ completed: () => undefined }, excel.run, { now: () => NOW, office, base: BASE });
    expect(office.context.document.settings.get(COMMAND_ERROR_SETTING)).toBeNull();
  });

  it.each([
    ["the user ignores the window (Office on the web, 12009)", "ignored"],
    ["this Office has no dialog API", "absent"],
  ] as const)("completes at once when %s", async (_, dialog) => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const { office, completed, done, excel } = run({ dialog });
    await done;
    expect(completed).toHaveBeenCalledTimes(1);
    expect(office.dialogs).toHaveLength(0);
    expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked 23 November 2026, 17:50 UTC/);
    if (dialog === "ignored") expect(error).toHaveBeenCalledWith(expect.stringContaining("12009"));
  });

  it("closes a window left open before Office's five-minute limit, and completes", async () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    const completed = jest.fn();
    const done = checkWorkplan({ completed }, excel.run, { now: () => NOW, office, base: BASE, deadlineMs: 20 });
    const dialog = await dialogOpened(office);
    await done;
    expect(dialog.closed).toBe(true);
    expect(completed).toHaveBeenCalledTimes(1);
  });

  it("completes without Office at all (no window, no settings)", async () => {
    const excel = createFakeExcel();
    restore = withOffice(excel);
    const completed = jest.fn();
    await checkWorkplan({ completed }, excel.run, { now: () => NOW, office: undefined });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked 23 November 2026, 17:50 UTC/);
  });

  it("completes when Office's dialog API throws", async () => {
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    office.context.ui = {
      displayDialogAsync: () => {
        throw new Error("no window today");
      },
    };
    const completed = jest.fn();
    await checkWorkplan({ completed }, excel.run, { now: () => NOW, office, base: BASE });
    expect(completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalled();
  });

  it("passes Office's body colours to the window", async () => {
    const { office, done } = run({ theme: "dark" });
    const dialog = await dialogOpened(office);
    expect(shown(dialog).colors).toEqual({ background: "#292929", foreground: "#FFFFFF" });
    dialog.closeByUser();
    await done;
  });
});
