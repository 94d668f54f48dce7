/// <reference types="office-js" />
/**
 * Undo apply (domain/write/undo.ts): two read syncs (what the last Apply kept on the very-hidden
 * lists sheet, then the workbook's state) and one write sync putting it back.
 */
import { describeUndoApply, snapshotFromSheet, UNDO_SHEET, type ApplySnapshot } from "../domain/write";
import { parseArea } from "./address";
import { applyOps } from "./ops";
import { detectSupport, runBatch, userError, WorkbookError, type ExcelRun } from "./run";
import { readWorkbookState } from "./state";
import { officeText } from "./messages";

export interface UndoOutcome {
  /** The cells written back. */
  restored: number;
}

export const NOTHING_TO_UNDO = officeText("refused.nothingToUndo");

/** Queues the lists sheet's values; after the sync, what the last Apply kept there, or null. */
export function queueSnapshot(context: Excel.RequestContext): () => ApplySnapshot | null {
  const used = context.workbook.worksheets.getItemOrNullObject(UNDO_SHEET).getUsedRangeOrNullObject(true);
  used.load("address, values");
  return () => {
    if (used.isNullObject === true) return null;
    const area = parseArea(used.address);
    return snapshotFromSheet(used.values, area);
  };
}

/** Writes back what the last Apply changed, exactly, and empties the undo sheet. */
export async function undoApply(excelRun: ExcelRun): Promise<UndoOutcome> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, false, async (context) => {
      // Its own read sync: the state's read may sync again (a client refusing notes), losing a load queued with it.
      const snapshot = queueSnapshot(context);
      await context.sync();
      const kept = snapshot();
      const read = await readWorkbookState(context, support);
      if (!kept) throw new WorkbookError(NOTHING_TO_UNDO);
      const write = describeUndoApply(read.state, kept);
      if ("refused" in write) throw new WorkbookError(write.refused);
      applyOps(context, write.ops, read.found, { support });
      await context.sync();
      return { restored: write.restored };
    });
  } catch (error) {
    throw userError(error, "action.undo");
  }
}
