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
import { checkWorkbook as checkTables, type CheckResult } from "../domain/check";
import { WORKPLAN } from "../domain/layout";
import type { Plan } from "../domain/model";
import type { ProposalBasis } from "../domain/proposalBasis";
import { readPlan, type ReadOptions } from "../domain/read";
import { findTable, tablesByName, type WorkbookTables } from "../domain/tables";
import { writtenValue } from "./cells";
import { queueLastCheck } from "./pane";
import { queueInputTables } from "./read";
import { detectSupport, runBatch, userError, withUndoGroup, WorkbookError, type ExcelRun } from "./run";

export interface WorkbookRead {
  /** The input tables as read, for what-ifs in memory. */
  tables: WorkbookTables;
  /** The engine's findings for the workbook as it stands. */
  result: CheckResult;
  /** The lines above the Conflicts table: when it was last checked (see findTables). */
  lastCheck: string[];
}

/** Reads the tables and runs the engine, in one sync; writes nothing. */
export async function readWorkbook(excelRun: ExcelRun, options: ReadOptions): Promise<WorkbookRead> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const inputs = queueInputTables(context);
      const lastCheck = queueLastCheck(context);
      await context.sync();
      const tables = tablesByName(inputs());
      return { tables, result: checkTables(tables, options), lastCheck: lastCheck() };
    });
  } catch (error) {
    throw userError(error, "read the workbook");
  }
}

function queueCells(
  context: Excel.RequestContext,
  cells: readonly { sheet: string; cell: string; value: string | number | null }[],
): void {
  for (const { sheet, cell, value } of cells)
    context.workbook.worksheets.getItem(sheet).getRange(cell).values = [[writtenValue(value)]];
}

/** Reads the input tables in one sync and turns them into a plan (null when they cannot make one). */
async function readCurrentPlan(
  context: Excel.RequestContext,
  options: ReadOptions,
): Promise<{ tables: WorkbookTables; plan: Plan | null }> {
  const inputs = queueInputTables(context);
  await context.sync();
  const tables = tablesByName(inputs());
  return { tables, plan: readPlan(tables, options).plan };
}

const UNREADABLE =
  "The workplan's tables cannot be read as a plan (a table or a column is missing). Check the workbook to see what is missing.";

/**
 * Writes expected review ends (cluster number → year) into the Clusters table's "Review end
 * (expected)" cells: one read sync, and one write sync when anything changes; one undo step
 * where the client merges undo groups. The caller then runs the normal check.
 */
export async function saveExpectedEnds(
  excelRun: ExcelRun,
  ends: ReadonlyMap<number, number>,
  options: ReadOptions,
): Promise<ExpectedEndsEdit> {
  const support = detectSupport();
  try {
    return await withUndoGroup(excelRun, support, (merge) =>
      runBatch(excelRun, merge, async (context) => {
        const { plan } = await readCurrentPlan(context, options);
        if (!plan) throw new WorkbookError(UNREADABLE);
        const unknown = [...ends.keys()].filter((cluster) => !plan.clusters.has(cluster));
        if (unknown.length > 0)
          throw new WorkbookError(
            `The Clusters table has no cluster ${unknown.join(", ")} any more. Check the workbook, then set the dates again.`,
          );
        const edit = describeExpectedEnds(plan, ends);
        if (edit.cells.length === 0) return edit;
        queueCells(context, edit.cells);
        await context.sync();
        return edit;
      }),
    );
  } catch (error) {
    throw userError(error, "save the expected review ends");
  }
}

export type { ProposalBasis };

export interface ApplyOutcome {
  edit: WorkplanEdit;
  expectedEnds: ExpectedEndsEdit;
}

export const PLAN_CHANGED =
  "The workplan changed since this proposal was made (someone edited the Workplan, Topics, Articles, Clusters or Settings table), so it was not applied. Propose the timeline again and apply the new proposal.";

/**
 * Applies a proposal: one read sync re-reads the tables and refuses (PLAN_CHANGED) unless they
 * make the very plan the proposal was made from; one write sync writes the changed fixed-topic
 * cells, appends the new meetings with `table.rows.add`, and writes the what-if expected review
 * ends into the Clusters table. One undo step where the client merges undo groups (ExcelApi
 * 1.20). Cells of other columns, and the planner's own columns, are not touched. The caller then
 * runs the normal check.
 */
export async function applyProposal(excelRun: ExcelRun, basis: ProposalBasis): Promise<ApplyOutcome> {
  const support = detectSupport();
  try {
    return await withUndoGroup(excelRun, support, (merge) =>
      runBatch(excelRun, merge, async (context) => {
        const { tables, plan } = await readCurrentPlan(context, basis.options);
        const workplan = findTable(tables, WORKPLAN.table);
        if (!plan || !workplan) throw new WorkbookError(UNREADABLE);
        if (planSignature(plan) !== planSignature(basis.plan)) throw new WorkbookError(PLAN_CHANGED);
        const edit = describeApply(basis.proposal, plan, workplan);
        const expectedEnds = describeExpectedEnds(plan, basis.options.expectedEnd ?? new Map());
        if (edit.cells.length === 0 && edit.rows.length === 0 && expectedEnds.cells.length === 0)
          return { edit, expectedEnds };
        queueCells(context, edit.cells);
        const rows = edit.rows.map((row) => row.map((value) => writtenValue(value as string | number | null)));
        if (rows.length > 0) context.workbook.tables.getItem(workplan.name).rows.add(undefined, rows);
        queueCells(context, expectedEnds.cells);
        await context.sync();
        return { edit, expectedEnds };
      }),
    );
  } catch (error) {
    throw userError(error, "apply the proposal");
  }
}
