/// <reference types="office-js" />
/**
 * The Office.js adapter: moves data between Excel and the engine, nothing more. A check reads
 * the workbook in one sync, runs the engine, and applies `describeAnnotations` in one sync, the
 * same description the command line's ExcelJS adapter applies.
 */
import { checkTime, describeAnnotations, type Annotations } from "../domain/annotations";
import { checkWorkbook as checkTables, type CheckResult } from "../domain/check";
import { tablesByName } from "../domain/tables";
import { WORKPLAN } from "../domain/layout";
import { queueMarks, readTables, type ReadSnapshot } from "./read";
import { detectSupport, errorCode, runBatch, userError, type ExcelRun, type Support } from "./run";
import { changesVisibility, queueClearMarks, writeAnnotations, type WriteReport } from "./write";

export { readTables, writeAnnotations, detectSupport };
export { createDefaultWorkbook, type CreateOutcome } from "./create";
export { findTables, selectCell, type TableFound, type WorkbookTablesFound } from "./pane";
export { WorkbookError, type Batch, type ExcelRun, type Support } from "./run";
export type { ReadSnapshot, Marks, HelperSheetState, ConflictsState, NoteState } from "./read";
export type { WriteReport } from "./write";

export interface CheckOptions {
  /** The clock: the check's time is written above the Conflicts table; its year is the default "As of year". */
  now(): Date;
  /** What-if expected review ends by cluster number, for this check only. */
  expectedEnd?: Map<number, number>;
  /** Overrides the "As of year" setting for this check only. */
  asOf?: number;
}

export interface CheckOutcome {
  result: CheckResult;
  annotations: Annotations;
  /** The check's time as written above the Conflicts table. */
  checkedAt: string;
  written: WriteReport;
}

export interface ClearOutcome {
  rulesRemoved: number;
  notesRemoved: number;
}

const UNMERGED = Symbol("run again without merging undo");

async function withUndoGroup<T>(excelRun: ExcelRun, support: Support, attempt: (merge: boolean) => Promise<T | typeof UNMERGED>): Promise<T> {
  if (support.mergeUndo) {
    try {
      const merged = await attempt(true);
      if (merged !== UNMERGED) return merged;
    } catch (error) {
      // Some client refused to put a step in the merged group: the same work, unmerged, is safe
      // to repeat because writing is idempotent.
      if (errorCode(error) !== "UndoNotSupported") throw error;
    }
  }
  const result = await attempt(false);
  if (result === UNMERGED) throw new Error("unreachable: an unmerged run asked to run unmerged");
  return result;
}

/**
 * Checks the open workbook: one `Excel.run` with one read sync, the engine, and one write sync
 * (plus one read-only sync only when a sheet that gets notes holds notes of the user's own).
 * With ExcelApi 1.20 it is one undo step; a first check that must add or hide a helper sheet runs
 * unmerged, because hiding a sheet cannot join a merged undo group on Windows and Mac.
 */
export async function checkWorkbook(excelRun: ExcelRun, options: CheckOptions): Promise<CheckOutcome> {
  const support = detectSupport();
  try {
    return await withUndoGroup(excelRun, support, (merge) =>
      runBatch(excelRun, merge, async (context): Promise<CheckOutcome | typeof UNMERGED> => {
        const snapshot: ReadSnapshot = await readTables(context, support);
        const tables = tablesByName(snapshot.tables);
        const now = options.now();
        const result = checkTables(tables, { currentYear: now.getFullYear(), asOf: options.asOf, expectedEnd: options.expectedEnd });
        const checkedAt = checkTime(now);
        const annotations = describeAnnotations(tables, result, checkedAt);
        if (merge && changesVisibility(snapshot, annotations)) return UNMERGED;
        const written = await writeAnnotations(context, snapshot, annotations);
        return { result, annotations, checkedAt, written };
      }),
    );
  } catch (error) {
    throw userError(error, "check the workbook");
  }
}

/**
 * Removes what the product wrote for the highlights: its rules, its notes and the flags. The
 * user's own rules, notes and everything else stay. One read sync, one write sync.
 */
export async function clearHighlights(excelRun: ExcelRun): Promise<ClearOutcome> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, support.mergeUndo, async (context) => {
      const workplan = context.workbook.tables.getItemOrNullObject(WORKPLAN.table);
      const marks = queueMarks(context, support, workplan.worksheet);
      await context.sync();
      const found = marks();
      const rulesRemoved = found.rules.reduce((n, r) => n + r.items.length, 0);
      const notesRemoved = found.notes?.ours.length ?? 0;
      if (rulesRemoved > 0 || notesRemoved > 0 || found.flags.used) {
        queueClearMarks(context, found);
        await context.sync();
      }
      return { rulesRemoved, notesRemoved };
    });
  } catch (error) {
    throw userError(error, "clear the highlights");
  }
}
