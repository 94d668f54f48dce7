/// <reference types="office-js" />
/**
 * The ribbon's "Check workplan" button: checks the workbook and refreshes the highlights, the
 * notes and the Conflicts table without opening the pane. Excel waits for `event.completed()`,
 * so it is called whatever happens.
 */
import { checkWorkbook, type ExcelRun } from "../office";

/** Where a failed ribbon check leaves its message, in the document's settings, for the pane to show. */
export const COMMAND_ERROR_SETTING = "workplanChecker.commandError";

interface SettingsHost {
  context?: {
    document?: {
      settings?: { set(name: string, value: unknown): void; remove(name: string): void; saveAsync(): void };
    };
  };
}

/** Keeps (or, with null, clears) the last ribbon check's error in the document's settings; never throws. */
function reportToDocument(office: SettingsHost | undefined, message: string | null): void {
  try {
    const settings = office?.context?.document?.settings;
    if (!settings) return;
    if (message === null) settings.remove(COMMAND_ERROR_SETTING);
    else settings.set(COMMAND_ERROR_SETTING, { message, at: new Date().toISOString() });
    settings.saveAsync();
  } catch {
    // The settings are a convenience for the pane; the console still has the message.
  }
}

export async function checkWorkplan(
  event: { completed(): void },
  excelRun: ExcelRun,
  now: () => Date = () => new Date(),
  office: SettingsHost | undefined = (globalThis as { Office?: SettingsHost }).Office,
): Promise<void> {
  try {
    await checkWorkbook(excelRun, { now });
    reportToDocument(office, null);
  } catch (error) {
    // A function command has no pane to show this in: the console has it, and the document's
    // settings keep it for the pane to show when it opens; the Conflicts table keeps the last check.
    const message = error instanceof Error ? error.message : String(error);
    console.error(message);
    reportToDocument(office, message);
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
        if (excel) return checkWorkplan(event, excel.run, undefined, office as SettingsHost);
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
