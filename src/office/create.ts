/// <reference types="office-js" />
/**
 * "Create workbook": every table of the adopted defaults on its own sheet, the drop-down lists
 * and their named ranges, the very-hidden flags sheet and the record, as the core describes them
 * (describeCreate). One sync reads the workbook, one sync writes. It never overwrites a sheet or
 * a table: it stops and names what is there.
 */
import { describeCreate } from "../domain/write";
import { applyOps } from "./ops";
import { detectSupport, runBatch, userError, WorkbookError, type ExcelRun } from "./run";
import { readWorkbookState } from "./state";

export { inTheWayMessage } from "../domain/write";

export interface CreateOutcome {
  /** The sheets added, in order. */
  sheets: string[];
  tables: string[];
}

/**
 * Creates the workbook in one `Excel.run`, unmerged: adding the very-hidden helper sheets sets
 * Worksheet.visibility, which cannot join an undo group and clears the undo stack on Windows and
 * Mac; creating (and setting up) the workbook is the only time the product does that.
 */
export async function createDefaultWorkbook(excelRun: ExcelRun): Promise<CreateOutcome> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, false, async (context) => {
      const read = await readWorkbookState(context, support, { noteCells: false });
      const created = describeCreate(read.state);
      if ("refused" in created) throw new WorkbookError(created.refused);
      applyOps(context, created.ops, read.found, { support });
      await context.sync();
      return { sheets: created.sheets, tables: created.tables };
    });
  } catch (error) {
    throw userError(error, "action.create");
  }
}
