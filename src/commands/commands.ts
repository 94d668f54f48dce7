/// <reference types="office-js" />
/**
 * The ribbon's "Check workplan" button: checks the workbook and refreshes the highlights, the
 * notes and the Conflicts table without opening the pane. Excel waits for `event.completed()`,
 * so it is called whatever happens.
 */
import { checkWorkbook, type ExcelRun } from "../office";

export async function checkWorkplan(event: { completed(): void }, excelRun: ExcelRun, now: () => Date = () => new Date()): Promise<void> {
  try {
    await checkWorkbook(excelRun, { now });
  } catch (error) {
    // A function command has no pane to show this in; the Conflicts table keeps the last check.
    console.error(error instanceof Error ? error.message : error);
  } finally {
    event.completed();
  }
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => {
    Office.actions.associate("checkWorkplan", (event: Office.AddinCommands.Event) => checkWorkplan(event, Excel.run));
  });
}
