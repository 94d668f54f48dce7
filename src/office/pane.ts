/// <reference types="office-js" />
/**
 * What the task pane asks of Excel besides checking, clearing and creating: the caption lines the
 * last check left above the Conflicts table (queued in the pane's read, paneRead.ts), the set-up
 * chunks, and going to the cell of a finding (one sync).
 */
import { captionRows } from "../domain/annotations";
import { CONFLICTS } from "../domain/layout";
import { parseArea } from "./address";
import { errorCode, runBatch, userError, WorkbookError, type ExcelRun } from "./run";
import { officeText } from "./messages";

/** Queues the lines above the Conflicts table; after the sync, the non-blank ones (see lastCheck). */
export function queueLastCheck(
  context: Excel.RequestContext,
  exists: (table: string) => boolean = () => true,
): () => string[] {
  if (!exists(CONFLICTS.table)) return () => [];
  const conflicts = context.workbook.tables.getItemOrNullObject(CONFLICTS.table);
  const conflictsRange = conflicts.getRange();
  conflictsRange.load("address");
  const used = conflicts.worksheet.getUsedRangeOrNullObject(true);
  used.load("address, values");
  return () => {
    const lines: string[] = [];
    if (conflicts.isNullObject === true || used.isNullObject === true) return lines;
    const header = parseArea(conflictsRange.address);
    const area = parseArea(used.address);
    for (const row of captionRows(header.top)) {
      const value = used.values[row - area.top]?.[header.left - area.left];
      if (typeof value === "string" && value.trim() !== "") lines.push(value.trim());
    }
    return lines;
  };
}

/**
 * Setting a workbook up and creating one (setUp.ts, create.ts, the adopted tables and their source texts), loaded the
 * first time a workbook lacks an input table or the planner creates one: one chunk of its own in the pane's build, so
 * that opening a workbook that has its tables loads none of it.
 */
export const setUpModule = () => import(/* webpackChunkName: "set-up" */ "./setUp");
export const createModule = () => import(/* webpackChunkName: "set-up" */ "./create");

/** Activates the sheet and selects the cell, in one sync. */
export async function selectCell(excelRun: ExcelRun, sheet: string, cell: string): Promise<void> {
  try {
    await runBatch(excelRun, false, async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    if (errorCode(error) === "ItemNotFound") {
      throw new WorkbookError(officeText("refused.sheetGone", { sheet }));
    }
    throw userError(error, "action.goTo", "change", { sheet, cell });
  }
}
