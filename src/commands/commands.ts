/// <reference types="office-js" />
/**
 * The ribbon's "Check workplan" button: checks the workbook and refreshes the highlights, the
 * notes and the Conflicts table without opening the pane, then shows the outcome (the counts, or
 * the error) in a small window (showOutcome.ts). Excel waits for `event.completed()`, so it is
 * called whatever happens, once the window is closed or could not be shown.
 */
import { checkWorkbook, type ExcelRun } from "../office";
import { COMMAND_ERROR_SETTING, keepCommandError, type DocumentSettings } from "../office/commandError";
import { checkedContent, failedContent, type Presentation } from "./outcomeText";
import { showOutcome, type DialogHost } from "./showOutcome";

export { COMMAND_ERROR_SETTING };

/**
 * Whether the pane and this function file share one runtime: they do not (manifest.xml has no
 * <Runtimes>), and `Office.addin.showAsTaskpane` works only in a shared runtime, so the outcome
 * window says where the pane is instead of offering to open it. test/commands checks the manifest.
 */
export const SHARED_RUNTIME = false;

interface CommandHost extends DialogHost {
  context?: DialogHost["context"] & {
    document?: {
      settings?: DocumentSettings;
    };
    officeTheme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string };
  };
  addin?: { showAsTaskpane?(): Promise<void> };
}

/** Keeps (or, with null, clears) the last ribbon check's error in the document's settings; never throws. */
function reportToDocument(office: CommandHost | undefined, message: string | null): void {
  keepCommandError(office?.context?.document?.settings, message);
}

export interface CommandOptions {
  now?: () => Date;
  office?: CommandHost;
  /** Where dialog.html is served: beside the function file. */
  base?: string;
  /** Whether this runtime is shared with the pane (SHARED_RUNTIME, or a test's). */
  sharedRuntime?: boolean;
  deadlineMs?: number;
}

function presentation(office: CommandHost | undefined, sharedRuntime: boolean): Presentation {
  const theme = office?.context?.officeTheme;
  const canOpenPane = sharedRuntime && typeof office?.addin?.showAsTaskpane === "function";
  const colors =
    theme?.bodyBackgroundColor && theme.bodyForegroundColor
      ? { background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor }
      : null;
  return { canOpenPane, colors };
}

export async function checkWorkplan(
  event: { completed(): void },
  excelRun: ExcelRun,
  options: CommandOptions = {},
): Promise<void> {
  const office = "office" in options ? options.office : (globalThis as unknown as { Office?: CommandHost }).Office;
  const shown = presentation(office, options.sharedRuntime ?? SHARED_RUNTIME);
  try {
    let content;
    try {
      content = checkedContent(await checkWorkbook(excelRun, { now: options.now ?? (() => new Date()) }), shown);
      reportToDocument(office, null);
    } catch (error) {
      // The console has it, the document's settings keep it for the pane, and the window shows it.
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      reportToDocument(office, message);
      content = failedContent(message, shown);
    }
    const addin = office?.addin;
    await showOutcome(office, content, {
      base: options.base ?? globalThis.location?.href ?? "https://localhost/",
      openPane: shown.canOpenPane && addin?.showAsTaskpane ? () => addin.showAsTaskpane!() : undefined,
      deadlineMs: options.deadlineMs,
    });
  } catch (error) {
    console.error(error);
  } finally {
    event.completed();
  }
}

interface Hosts {
  Office?: {
    onReady(callback?: () => void): unknown;
    actions?: { associate(id: string, action: (event: { completed(): void }) => unknown): void };
  };
  Excel?: { run: ExcelRun };
}

/**
 * Associates the manifest's function id with the check, at the top level of the script as
 * Microsoft's function-command samples do (not inside Office.onReady). Where Office.js is not
 * ready yet to take it, it is associated once Office is ready. A failure to associate is written
 * to the console, the only place a function file can show it.
 */
export function register(hosts: Hosts = globalThis as Hosts): void {
  const office = hosts.Office;
  if (!office) return;
  const associate = (): boolean => {
    if (!office.actions) return false;
    try {
      office.actions.associate("checkWorkplan", (event) => {
        const excel = hosts.Excel;
        if (excel) return checkWorkplan(event, excel.run, { office: office as CommandHost });
        console.error("Excel is not available: the Check workplan command works only in Excel.");
        event.completed();
        return undefined;
      });
      return true;
    } catch (error) {
      console.error(`The Check workplan button could not be set up: ${error instanceof Error ? error.message : error}`);
      return true;
    }
  };
  if (!associate()) void office.onReady(() => void associate());
}

register();
