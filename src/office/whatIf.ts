/// <reference types="office-js" />
/**
 * What the pane's slip what-if and proposal ask of Excel, each one read sync and at most one
 * write sync:
 * - `readWorkbook`: the input tables and the last check's lines, and the engine's findings,
 *   without writing anything (a co-author's change refreshes the pane this way);
 * - `saveExpectedEnds`: the expected review ends into the Clusters table;
 * - `applyProposal`: the proposed fixed topics into the Workplan table, appended meetings as
 *   new rows, and the expected review ends the proposal was made for, as one undo step, after
 *   checking that the plan is still the one the proposal was made from.
 * The proposal sheet is in proposalSheet.ts.
 */
import {
  describeApply,
  describeExpectedEnds,
  planSignature,
  type ExpectedEndsEdit,
  type WorkplanEdit,
} from "../domain/apply";
import { parseA1 } from "../domain/areas";
import { checkWorkbook as checkTables, type CheckResult } from "../domain/check";
import { CONFLICTS, INPUT_TABLES, WORKPLAN } from "../domain/layout";
import type { CellAt, Plan } from "../domain/model";
import type { ProposalBasis } from "../domain/proposalBasis";
import { readPlan, type ReadOptions } from "../domain/read";
import type { SheetOp, Written } from "../domain/sheetOps";
import { findTable, tablesByName, type CellValue, type SheetTable, type WorkbookTables } from "../domain/tables";
import { addingEachSheetOnce, cellEditOps, describeApplyWrite } from "../domain/write";
import { planCheck, writeReport, type CheckOptions, type CheckOutcome } from "./index";
import { applyOps, changesVisibility } from "./ops";
import { queueLastCheck } from "./pane";
import { fingerprint, queueInputTables } from "./tables";
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
import { readWorkbookState, syncOrProbe, type StateRead } from "./state";
import { officeText } from "./messages";

export interface WorkbookRead {
  /** The input tables as read, for what-ifs in memory. */
  tables: WorkbookTables;
  /** The engine's findings for the workbook as it stands. */
  result: CheckResult;
  /** The lines above the Conflicts table: when it was last checked (see paneRead.ts). */
  lastCheck: string[];
}

/** Reads the tables and runs the engine, in one sync; writes nothing. */
export async function readWorkbook(excelRun: ExcelRun, options: ReadOptions): Promise<WorkbookRead> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const { inputs, lastCheck } = await syncOrProbe(
        context,
        (exists) => ({ inputs: queueInputTables(context, exists), lastCheck: queueLastCheck(context, exists) }),
        [...INPUT_TABLES.map((t) => t.table), CONFLICTS.table],
      );
      const tables = tablesByName(inputs());
      return { tables, result: checkTables(tables, options), lastCheck: lastCheck() };
    });
  } catch (error) {
    throw userError(error, "action.read", "read");
  }
}

const UNREADABLE = officeText("refused.unreadable");

export const FILTERED = officeText("refused.filtered");

/** The tables as an edit leaves them: each cell's new value, and rows appended to the Workplan table. */
export function editedTables(
  tables: readonly SheetTable[],
  cells: readonly (CellAt & { value: Written })[],
  appended: readonly CellValue[][] = [],
): SheetTable[] {
  const copies = tables.map((t) => ({ ...t, rows: t.rows.map((row) => [...row]) }));
  for (const { sheet, cell, value } of cells) {
    const at = parseA1(cell);
    const table = copies.find(
      (t) =>
        t.sheet.toLowerCase() === sheet.toLowerCase() &&
        at.row > t.top &&
        at.row <= t.top + t.rows.length &&
        at.column >= t.left &&
        at.column < t.left + t.headers.length,
    );
    const row = table?.rows[at.row - table.top - 1];
    if (table && row) row[at.column - table.left] = value;
  }
  const workplan = copies.find((t) => t.name.toLowerCase() === WORKPLAN.table.toLowerCase());
  if (workplan) workplan.rows.push(...appended.map((row) => [...row]));
  return copies;
}

/** An edit, and the check that follows it when one was asked for, in the same write. */
interface Edited<T> {
  edit: T;
  check?: CheckOutcome;
}

/**
 * Writes the edit's ops, and the check of the tables as the edit leaves them when `check` is
 * given, in one write sync. The check comes back null when the tables changed between the read
 * and the write (the caller then runs a check of its own). A merged run whose check must add or hide a helper sheet
 * runs again
 * unmerged (Worksheet.visibility cannot join a merged undo group on Windows and Mac).
 */
async function writeEdit<T>(
  context: Excel.RequestContext,
  read: StateRead,
  support: Support,
  edit: { value: T; ops: SheetOp[]; tables: SheetTable[] },
  check: CheckOptions | undefined,
  merge: boolean,
): Promise<Edited<T> | typeof UNMERGED> {
  const checked = check ? planCheck(read, edit.tables, check) : null;
  const ops = addingEachSheetOnce([...edit.ops, ...(checked?.write.ops ?? [])]);
  if (merge && changesVisibility(ops)) return UNMERGED;
  if (ops.length === 0) return { edit: edit.value };
  // The tables as the write finds them (same batch, before any write): if someone changed them
  // since the read, the check written with the edit is stale, and the caller checks again.
  const present = new Set(read.state.tables.map((t) => t.name.toLowerCase()));
  const again = checked ? queueInputTables(context, (table) => present.has(table.toLowerCase())) : null;
  applyOps(context, ops, read.found, { support });
  await context.sync();
  if (!checked || !again || fingerprint(again()) !== fingerprint(read.state.tables)) return { edit: edit.value };
  const { result, annotations, checkedAt, tables } = checked;
  const written = writeReport(read, checked.write);
  return { edit: edit.value, check: { result, annotations, checkedAt, tables, written, reruns: 0 } };
}

function readPlanOf(read: StateRead, options: ReadOptions): { tables: WorkbookTables; plan: Plan | null } {
  const tables = tablesByName(read.state.tables);
  return { tables, plan: readPlan(tables, options).plan };
}

async function saveEnds(
  excelRun: ExcelRun,
  ends: ReadonlyMap<number, number>,
  options: ReadOptions,
  check: CheckOptions | undefined,
): Promise<Edited<ExpectedEndsEdit>> {
  const support = detectSupport();
  try {
    return await withUndoGroup(excelRun, support, (merge) =>
      runBatch(excelRun, merge, async (context) => {
        const read = await readWorkbookState(context, support, { noteCells: check !== undefined });
        const { plan } = readPlanOf(read, options);
        if (!plan) throw new WorkbookError(UNREADABLE);
        const unknown = [...ends.keys()].filter((cluster) => !plan.clusters.has(cluster));
        if (unknown.length > 0)
          throw new WorkbookError(officeText("refused.clusterGone", { clusters: unknown.join(", ") }));
        const edit = describeExpectedEnds(plan, ends);
        const tables = editedTables(read.state.tables, edit.cells);
        return writeEdit(context, read, support, { value: edit, ops: cellEditOps(edit.cells), tables }, check, merge);
      }),
    );
  } catch (error) {
    throw userError(error, "action.saveEnds");
  }
}

/**
 * Writes expected review ends (cluster number → year) into the Clusters table's "Review end
 * (expected)" cells: one read sync, and one write sync when anything changes; one undo step
 * where the client merges undo groups.
 */
export async function saveExpectedEnds(
  excelRun: ExcelRun,
  ends: ReadonlyMap<number, number>,
  options: ReadOptions,
): Promise<ExpectedEndsEdit> {
  return (await saveEnds(excelRun, ends, options, undefined)).edit;
}

/**
 * Save expected dates and the check that follows, in ONE `Excel.run`: one read sync, the engine on
 * the tables as the save leaves them, and one write sync holding both; one undo step where the
 * client merges undo groups (ExcelApi 1.20).
 */
export async function saveExpectedEndsAndCheck(
  excelRun: ExcelRun,
  ends: ReadonlyMap<number, number>,
  options: ReadOptions,
  check: CheckOptions,
): Promise<{ edit: ExpectedEndsEdit; check: CheckOutcome | null }> {
  const saved = await saveEnds(excelRun, ends, options, check);
  return { edit: saved.edit, check: saved.check ?? null };
}

export type { ProposalBasis };

export interface ApplyOutcome {
  edit: WorkplanEdit;
  expectedEnds: ExpectedEndsEdit;
}

export const PLAN_CHANGED = officeText("refused.planChanged");

async function applyEdit(
  excelRun: ExcelRun,
  basis: ProposalBasis,
  check: CheckOptions | undefined,
): Promise<Edited<ApplyOutcome>> {
  const support = detectSupport();
  try {
    return await withUndoGroup(excelRun, support, (merge) =>
      runBatch(excelRun, merge, async (context) => {
        const read = await readWorkbookState(context, support, { noteCells: check !== undefined });
        const { tables, plan } = readPlanOf(read, basis.options);
        const workplan = findTable(tables, WORKPLAN.table);
        if (!plan || !workplan) throw new WorkbookError(UNREADABLE);
        if (planSignature(plan) !== planSignature(basis.plan)) throw new WorkbookError(PLAN_CHANGED);
        const edit = describeApply(basis.proposal, plan, workplan);
        const expectedEnds = describeExpectedEnds(plan, basis.options.expectedEnd ?? new Map());
        if (edit.rows.length > 0 && read.filtered.some((name) => name.toLowerCase() === workplan.name.toLowerCase()))
          throw new WorkbookError(FILTERED);
        const described = describeApplyWrite(read.state, edit, expectedEnds, workplan);
        if ("refused" in described) throw new WorkbookError(described.refused);
        const { ops } = described;
        const cells = [...edit.cells, ...expectedEnds.cells];
        const after = editedTables(read.state.tables, cells, edit.rows);
        const value = { edit, expectedEnds };
        return writeEdit(context, read, support, { value, ops, tables: after }, check, merge);
      }),
    );
  } catch (error) {
    throw userError(error, "action.apply");
  }
}

/**
 * Applies a proposal: one read sync re-reads the workbook and refuses (PLAN_CHANGED) unless its
 * tables make the very plan the proposal was made from; one write sync writes the changed fixed-
 * topic cells, the new meetings in the rows below the Workplan table (which then grows over them,
 * as Microsoft's co-authoring guidance recommends instead of adding table rows), and the what-if
 * expected review ends into the Clusters table. Refused on a filtered Workplan table. One undo step
 * where the client merges undo groups (ExcelApi 1.20). Cells of other columns, and the planner's
 * own columns, are not touched.
 */
export async function applyProposal(excelRun: ExcelRun, basis: ProposalBasis): Promise<ApplyOutcome> {
  return (await applyEdit(excelRun, basis, undefined)).edit;
}

/**
 * Apply and the check that follows, in ONE `Excel.run` of one read and one write sync (see saveExpectedEndsAndCheck).
 */
export async function applyProposalAndCheck(
  excelRun: ExcelRun,
  basis: ProposalBasis,
  check: CheckOptions,
): Promise<ApplyOutcome & { check: CheckOutcome | null }> {
  const applied = await applyEdit(excelRun, basis, check);
  return { ...applied.edit, check: applied.check ?? null };
}
