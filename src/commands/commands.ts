/// <reference types="office-js" />
/**
 * The ribbon's "Check workplan" button: checks the workbook and refreshes the highlights, the
 * notes and the Conflicts table without opening the pane, then shows the outcome (the counts, or
 * the error) in a small window (showOutcome.ts), with "Open the pane" where this Office runs the
 * pane and the command in one shared runtime. Excel waits for `event.completed()`, so it is called
 * whatever happens, once the window is closed or could not be shown. register.ts loads this file
 * when the button is pressed.
 */
import { checkWorkbook, type ExcelRun } from "../office";
import { COMMAND_ERROR_SETTING, keepCommandError, type DocumentSettings } from "../office/commandError";
import { ribbonChecked } from "../office/ribbonCheck";
import { checkedContent, failedContent, type Presentation } from "./outcomeText";
import { showOutcome, type DialogHost } from "./showOutcome";

export { COMMAND_ERROR_SETTING };

interface CommandHost extends DialogHost {
  context?: DialogHost["context"] & {
    document?: {
      settings?: DocumentSettings;
    };
    officeTheme?: { bodyBackgroundColor?: string; bodyForegroundColor?: string };
  };
  addin?: { showAsTaskpane?(): Promise<void> };
}

/** Keeps (or, with null, clears) the last ribbon check's error, and when, in the document's settings; never throws. */
function reportToDocument(office: CommandHost | undefined, message: string | null, at: Date): void {
  keepCommandError(office?.context?.document?.settings, message, at);
}

export interface CommandOptions {
  now?: () => Date;
  office?: CommandHost;
  /** Where dialog.html is served: beside the function file (taskpane.html). */
  base?: string;
  deadlineMs?: number;
}

/**
 * "Open the pane" only where it works: Office.addin.showAsTaskpane needs the shared runtime, which manifest.xml asks
 * for and which Office gives where it supports SharedRuntime 1.1 (elsewhere the pane and this command run apart).
 */
export function canOpenPane(office: CommandHost | undefined): boolean {
  const supported = office?.context?.requirements?.isSetSupported?.("SharedRuntime", "1.1") ?? false;
  return supported && typeof office?.addin?.showAsTaskpane === "function";
}

function presentation(office: CommandHost | undefined): Presentation {
  const theme = office?.context?.officeTheme;
  const colors =
    theme?.bodyBackgroundColor && theme.bodyForegroundColor
      ? { background: theme.bodyBackgroundColor, foreground: theme.bodyForegroundColor }
      : null;
  return { canOpenPane: canOpenPane(office), colors };
}

export interface CommandEvent {
  completed(): void;
}

export async function checkWorkplan(
  event: CommandEvent,
  excelRun: ExcelRun | undefined,
  options: CommandOptions = {},
): Promise<void> {
  if (!excelRun) {
    console.error("Excel is not available: the Check workplan command works only in Excel.");
    event.completed();
    return;
  }
  const office = "office" in options ? options.office : (globalThis as unknown as { Office?: CommandHost }).Office;
  const shown = presentation(office);
  // The check's clock: the time it writes, and the time its error is kept with.
  const now = options.now ?? (() => new Date());
  try {
    let content;
    try {
      content = checkedContent(await checkWorkbook(excelRun, { now }), shown);
      reportToDocument(office, null, now());
    } catch (error) {
      // The console has it, the document's settings keep it for the pane, and the window shows it.
      const message = error instanceof Error ? error.message : String(error);
      console.error(message);
      reportToDocument(office, message, now());
      content = failedContent(message, shown);
    }
    // Where the pane is open in this runtime (shared), it reads what the check wrote, or shows its error, at once.
    ribbonChecked();
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
