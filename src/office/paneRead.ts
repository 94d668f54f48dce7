/// <reference types="office-js" />
/**
 * What the pane reads on opening and on every refresh, in one sync and writing nothing: the
 * input tables, the last check's lines, the flags the last check left on the very-hidden flags
 * sheet (to tell whether the workbook's highlights show the findings as they stand), and whether
 * the last Apply kept the workplan from before it (Undo apply); and, lighter, only the input tables'
 * fingerprint, for the pane to tell whether they changed unheard (a drop-down pick on the web).
 */
import { FLAGS_SHEET } from "../domain/annotations";
import { checkWorkbook as checkTables } from "../domain/check";
import { markingOf, type FlagsRead, type Marking } from "../domain/marking";
import type { ReadOptions } from "../domain/read";
import { tablesByName, type WorkbookTables } from "../domain/tables";
import { parseArea } from "./address";
import { queueLastCheck } from "./pane";
import { fingerprint, queueInputTables } from "./read";
import { runBatch, userError, type ExcelRun } from "./run";
import { queueSnapshot } from "./undoApply";
import type { WorkbookRead } from "./whatIf";

export interface MarkedRead extends WorkbookRead {
  /** Whether the workbook's highlights show these findings. */
  marking: Marking;
  /** Whether the workbook keeps the workplan from before an Apply (Undo apply is offered). */
  canUndoApply: boolean;
}

function queueFlags(context: Excel.RequestContext): () => FlagsRead | null {
  const used = context.workbook.worksheets.getItemOrNullObject(FLAGS_SHEET).getUsedRangeOrNullObject(true);
  used.load("address, values");
  return () => {
    if (used.isNullObject === true) return null;
    const area = parseArea(used.address);
    return { top: area.top, left: area.left, values: used.values };
  };
}

/** Reads the tables, the last check's lines and its flags, and runs the engine, in one sync; writes nothing. */
export async function readWorkbookMarked(excelRun: ExcelRun, options: ReadOptions): Promise<MarkedRead> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const inputs = queueInputTables(context);
      const lastCheck = queueLastCheck(context);
      const flags = queueFlags(context);
      const kept = queueSnapshot(context);
      await context.sync();
      const tables = tablesByName(inputs());
      const result = checkTables(tables, options);
      const marking = markingOf(tables, result, flags());
      return { tables, result, lastCheck: lastCheck(), marking, canUndoApply: kept() !== null };
    });
  } catch (error) {
    throw userError(error, "read the workbook");
  }
}

/** The fingerprint (read.ts) of tables the pane holds, to compare with readFingerprint's. */
export function tablesFingerprint(tables: WorkbookTables): string {
  return fingerprint([...tables.values()]);
}

/**
 * The fingerprint of the input tables named (those the pane last saw, so none is reached through a
 * null object), in one sync writing nothing: the pane's light re-read when it regains focus.
 */
export function readFingerprint(excelRun: ExcelRun, names: readonly string[]): Promise<string> {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return runBatch(excelRun, false, async (context) => {
    const inputs = queueInputTables(context, (table) => wanted.has(table.toLowerCase()));
    await context.sync();
    return fingerprint(inputs());
  });
}
