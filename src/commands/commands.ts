/// <reference types="office-js" />
/**
 * The ribbon's "Check workplan" button: checks the workbook and refreshes the highlights, the
 * notes and the Conflicts table without opening the pane. Excel waits for `event.completed()`,
 * so it is called whatever happens.
 */
import { checkWorkbook, type ExcelRun } from "../office";

export async function checkWorkplan(
  event: { completed(): void },
  excelRun: ExcelRun,
  now: () => Date = () => new Date(),
): Promise<void> {
  try {
    await checkWorkbook(excelRun, { now });
  } catch (error) {
    // A function command has no pane to show this in; the Conflicts table keeps the last check.
    console.error(error instanceof Error ? error.message : error);
  } finally {
    event.completed();
  }
}

interface Hosts {
  Office?: {
    onReady(callback?: () => void): unknown;
    actions: { associate(id: string, action: (event: { completed(): void }) => unknown): void };
  };
  Excel?: { run: ExcelRun };
}

/** Associates the manifest's function id with the check once Office is ready. */
export function register(hosts: Hosts = globalThis as Hosts): void {
  const office = hosts.Office;
  if (!office) return;
  void office.onReady(() => {
    office.actions.associate("checkWorkplan", (event) => {
      const excel = hosts.Excel;
      if (excel) return checkWorkplan(event, excel.run);
      console.error("Excel is not available: the Check workplan command works only in Excel.");
      event.completed();
      return undefined;
    });
  });
}

register();
