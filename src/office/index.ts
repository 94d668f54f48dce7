/// <reference types="office-js" />
/**
 * The Office.js adapter: moves data between Excel and the engine, nothing more. A check reads
 * the workbook in one sync, runs the engine, and applies `describeAnnotations` in one sync, the
 * same description the command line's package patcher applies. The slip what-if, the proposal
 * and applying it are in whatIf.ts and proposalSheet.ts; change events in events.ts.
 */
import { checkTime, describeAnnotations, type Annotations } from "../domain/annotations";
import { checkWorkbook as checkTables, type CheckResult } from "../domain/check";
import type { SheetOp } from "../domain/sheetOps";
import { tablesByName, type SheetTable, type WorkbookTables } from "../domain/tables";
import { describeCheck, describeClear, type CheckWrite } from "../domain/write";
import { applyOps, changesVisibility, withoutNotes } from "./ops";
import { fingerprint, queueInputTables } from "./tables";
import {
  detectSupport,
  errorCode,
  runBatch,
  UNMERGED,
  userError,
  withUndoGroup,
  WorkbookError,
  type ExcelRun,
  type Support,
} from "./run";
import { NOTES_UNAVAILABLE, NOTES_REFUSALS, readWorkbookState, type StateRead } from "./state";
import type { Note } from "../domain/annotations";

export { detectSupport };
export { readWorkbookState, type StateRead, type Found } from "./state";
export { applyOps, changesVisibility } from "./ops";
export { createDefaultWorkbook, type CreateOutcome } from "./create";
export { setUpWorkbook, type SetUpDone, type SetUpFound } from "./setUp";
export { createModule, selectCell, setUpModule } from "./pane";
export {
  applyProposal,
  applyProposalAndCheck,
  PLAN_CHANGED,
  readWorkbook,
  saveExpectedEnds,
  saveExpectedEndsAndCheck,
  type ApplyOutcome,
  type ProposalBasis,
  type WorkbookRead,
} from "./whatIf";
export { runDiagnostics, type DiagnosticRow, type DiagnosticsReport } from "./diagnostics";
export { readFingerprint, readWorkbookMarked, tablesFingerprint, type MarkedRead } from "./paneRead";
export { NOTHING_TO_UNDO, undoApply, type UndoOutcome } from "./undoApply";
export { writeProposalSheet, widthInPoints, type ProposalSheetWritten } from "./proposalSheet";
export {
  isOutputOnly,
  OwnWrites,
  watchTables,
  type ChangeListener,
  type ChangeSource,
  type TableChange,
  type Unsubscribe,
} from "./events";
import { officeText } from "./messages";
export { WorkbookError, type Batch, type ExcelRun, type Support } from "./run";

export interface WriteReport {
  /** Notes written (0 where the client has no notes). */
  notesWritten: number;
  /** Notes not written because the cell holds the user's own note or a comment. */
  notesSkipped: Note[];
  /** False where the client has no notes (ExcelApi 1.18); the Conflicts table still explains. */
  notesSupported: boolean;
  /** Where the Conflicts table is, header row included, e.g. "Conflicts!A4:F9". */
  conflicts: string;
  /** False when the Conflicts table sits so high on its sheet that no row above it is free. */
  captionWritten: boolean;
  /** Whether a check had to wait for a second read (to locate notes and comments). */
  locateSync: boolean;
  /** Why the Conflicts table was not updated (cells of the user's in the way), or null. */
  blocked?: string | null;
  /** Why notes were left out of this check (this Excel could not read or write them), or null. */
  notesWithheld?: string | null;
}

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

/** What a check decided from what it read: the engine's result and the operations that write it. */
export interface CheckPlan {
  result: CheckResult;
  annotations: Annotations;
  checkedAt: string;
  tables: WorkbookTables;
  write: CheckWrite;
}

/** The engine and the description of the check's writes, for tables as read (or as an edit leaves them). */
export function planCheck(read: StateRead, tables: readonly SheetTable[], options: CheckOptions): CheckPlan {
  const byName = tablesByName(tables);
  const now = options.now();
  const result = checkTables(byName, {
    currentYear: now.getFullYear(),
    asOf: options.asOf,
    expectedEnd: options.expectedEnd,
  });
  const checkedAt = checkTime(now);
  const annotations = describeAnnotations(byName, result, checkedAt);
  return {
    result,
    annotations,
    checkedAt,
    tables: byName,
    write: describeCheck({ ...read.state, tables: [...tables] }, annotations),
  };
}

/** What the check wrote, in the words the pane reports. */
export function writeReport(read: StateRead, write: CheckWrite): WriteReport {
  return {
    notesWritten: write.notesWritten,
    notesSkipped: write.notesSkipped,
    notesSupported: read.state.notesSupported,
    conflicts: write.conflicts ?? "",
    captionWritten: write.captionWritten,
    locateSync: read.syncs > 1,
    blocked: write.blocked,
    notesWithheld: read.notesWithheld,
  };
}

/** Whether a failed write is one that notes caused (office-js issue 6198): the write runs again without notes. */
export function notesFailed(error: unknown, ops: readonly SheetOp[]): boolean {
  const code = errorCode(error);
  return code !== null && NOTES_REFUSALS.has(code) && withoutNotes(ops).length < ops.length;
}

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
  const read = await readWorkbookState(context, support);
  const plan = planCheck(read, read.state.tables, options);
  if (merge && changesVisibility(plan.write.ops)) return UNMERGED;
  const { result, annotations, checkedAt, tables } = plan;
  if (options.changes && options.changes() !== seen)
    return { outcome: { result, annotations, checkedAt, tables, written: NOT_WRITTEN }, stale: true };
  const present = new Set(read.state.tables.map((t) => t.name.toLowerCase()));
  const again = queueInputTables(context, (table) => present.has(table.toLowerCase()));
  applyOps(context, plan.write.ops, read.found, { support });
  try {
    await context.sync();
  } catch (error) {
    if (!notesFailed(error, plan.write.ops)) throw error;
    // Notes could not be written: the check runs again, from a new read, without notes.
    const retried = await checkOnce(context, { ...support, notes: false }, options, merge);
    if (retried === UNMERGED) return retried;
    const written = { ...retried.outcome.written, notesWithheld: NOTES_UNAVAILABLE };
    return { ...retried, outcome: { ...retried.outcome, written } };
  }
  return {
    outcome: { result, annotations, checkedAt, tables, written: writeReport(read, plan.write) },
    stale: fingerprint(again()) !== fingerprint(read.state.tables),
  };
}

const NOT_WRITTEN: WriteReport = {
  notesWritten: 0,
  notesSkipped: [],
  notesSupported: false,
  conflicts: "",
  captionWritten: false,
  locateSync: false,
  blocked: null,
  notesWithheld: null,
};

/**
 * Checks the open workbook: one `Excel.run` with one read sync, the engine, and one write sync
 * (plus one read-only sync only where the record cannot tell where notes are, see state.ts).
 * With ExcelApi 1.20 it is one undo step; a check that must add or hide a helper sheet runs
 * unmerged, because Worksheet.visibility cannot join a merged undo group on Windows and Mac. When
 * the workbook changes between the read and the write (see checkOnce) it runs again, up to
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
        throw new WorkbookError(officeText("refused.keptChanging", { count: CHECK_ATTEMPTS }));
      }
    }
  } catch (error) {
    throw userError(error, "action.check");
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
      const read = await readWorkbookState(context, support, { noteCells: false });
      const clear = describeClear(read.state);
      if (clear.ops.length > 0) {
        applyOps(context, clear.ops, read.found, { support });
        await context.sync();
      }
      return { rulesRemoved: clear.rulesRemoved, notesRemoved: clear.notesRemoved };
    });
  } catch (error) {
    throw userError(error, "action.clear");
  }
}
