/// <reference types="office-js" />
/**
 * The Office.js adapter: moves data between Excel and the engine, nothing more. A check reads
 * the workbook in one sync, runs the engine, and applies `describeAnnotations` in one sync, the
 * same description the command line's ExcelJS adapter applies. The slip what-if, the proposal
 * and applying it are in whatIf.ts and proposalSheet.ts; change events in events.ts.
 */
import { checkTime, describeAnnotations, type Annotations } from "../domain/annotations";
import { checkWorkbook as checkTables, type CheckResult } from "../domain/check";
import { tablesByName, type SheetTable, type WorkbookTables } from "../domain/tables";
import { WORKPLAN } from "../domain/layout";
import { fingerprint, queueInputTables, queueMarks, readTables, type ReadSnapshot } from "./read";
import {
  detectSupport,
  runBatch,
  UNMERGED,
  userError,
  withUndoGroup,
  WorkbookError,
  type ExcelRun,
  type Support,
} from "./run";
import { changesVisibility, queueClearMarks, writeAnnotations, type WriteReport } from "./write";

export { readTables, writeAnnotations, detectSupport };
export { createDefaultWorkbook, type CreateOutcome } from "./create";
export { findTables, selectCell, type TableFound, type WorkbookTablesFound } from "./pane";
export {
  applyProposal,
  PLAN_CHANGED,
  readWorkbook,
  saveExpectedEnds,
  type ApplyOutcome,
  type ProposalBasis,
  type WorkbookRead,
} from "./whatIf";
export { writeProposalSheet, widthInPoints, type ProposalSheetWritten } from "./proposalSheet";
export { isOutputOnly, OwnWrites, watchTables, type ChangeSource, type TableChange, type Unsubscribe } from "./events";
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
  /**
   * How many changes to the tables, other than the add-in's own writes, the pane's event watcher
   * has seen so far (see events.ts). A check whose count moves between its read and its write
   * skips the write and runs again.
   */
  changes?: () => number;
}

export interface CheckOutcome {
  result: CheckResult;
  annotations: Annotations;
  /** The check's time as written above the Conflicts table. */
  checkedAt: string;
  written: WriteReport;
  /** The tables the check read, for what-ifs in memory. */
  tables: WorkbookTables;
  /** How many times the check ran again because the workbook changed between its read and its write. */
  reruns: number;
}

export interface ClearOutcome {
  rulesRemoved: number;
  notesRemoved: number;
}

/** How many times a check runs, at most, while the workbook keeps changing under it. */
export const CHECK_ATTEMPTS = 3;

type Attempt = { outcome: Omit<CheckOutcome, "reruns">; stale: boolean };

/**
 * One read, the engine, one write. Stale-write protection, within the same two syncs:
 * - if the event watcher saw a change (a co-author's, or the user's) after the read was sent,
 *   the write is skipped: the attempt is stale before anything is written;
 * - otherwise the write batch first loads the input tables again (the same batch, so exactly as
 *   the write finds them); if they differ from what was read, the highlights just written are
 *   stale and the attempt says so, and the caller runs the check again at once, whose write
 *   replaces them. Office.js has no conditional write: an extra read-only sync before the write
 *   would only move the race (a change can still land between it and the write), so none is made.
 */
async function checkOnce(
  context: Excel.RequestContext,
  support: Support,
  options: CheckOptions,
  merge: boolean,
): Promise<Attempt | typeof UNMERGED> {
  const seen = options.changes?.();
  const snapshot: ReadSnapshot = await readTables(context, support);
  const tables = tablesByName(snapshot.tables);
  const now = options.now();
  const result = checkTables(tables, {
    currentYear: now.getFullYear(),
    asOf: options.asOf,
    expectedEnd: options.expectedEnd,
  });
  const checkedAt = checkTime(now);
  const annotations = describeAnnotations(tables, result, checkedAt);
  if (merge && changesVisibility(snapshot, annotations)) return UNMERGED;
  const skipped = { result, annotations, checkedAt, tables, written: NOT_WRITTEN };
  if (options.changes && options.changes() !== seen) return { outcome: skipped, stale: true };
  let again: (() => SheetTable[]) | null = null;
  const written = await writeAnnotations(context, snapshot, annotations, () => (again = queueInputTables(context)));
  const found = (again as (() => SheetTable[]) | null)?.() ?? snapshot.tables;
  return {
    outcome: { result, annotations, checkedAt, tables, written },
    stale: fingerprint(found) !== fingerprint(snapshot.tables),
  };
}

const NOT_WRITTEN: WriteReport = {
  notesWritten: 0,
  notesSkipped: [],
  notesSupported: false,
  conflicts: "",
  captionWritten: false,
  locateSync: false,
};

/**
 * Checks the open workbook: one `Excel.run` with one read sync, the engine, and one write sync
 * (plus one read-only sync only when a sheet that gets notes holds notes of the user's own).
 * With ExcelApi 1.20 it is one undo step; a first check that must add or hide a helper sheet runs
 * unmerged, because hiding a sheet cannot join a merged undo group on Windows and Mac. When the
 * workbook changes between the read and the write (see checkOnce) it runs again, up to
 * CHECK_ATTEMPTS times in all.
 */
export async function checkWorkbook(excelRun: ExcelRun, options: CheckOptions): Promise<CheckOutcome> {
  const support = detectSupport();
  try {
    for (let attempt = 1; ; attempt++) {
      const { outcome, stale } = await withUndoGroup(excelRun, support, (merge) =>
        runBatch(excelRun, merge, (context) => checkOnce(context, support, options, merge)),
      );
      if (!stale) return { ...outcome, reruns: attempt - 1 };
      if (attempt >= CHECK_ATTEMPTS) {
        throw new WorkbookError(
          `The workplan kept changing while the add-in checked it (${CHECK_ATTEMPTS} times in a row), so the highlights may not match the latest edits. Check again when the editing has stopped.`,
        );
      }
    }
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
