/**
 * What a proposal was made from, and everything applying it will change, one line each, for the
 * planner to confirm before anything is written (the adapters then re-read the workbook and apply
 * the same description, refusing when the plan changed meanwhile).
 */
import { describeApply, describeExpectedEnds } from "./apply";
import { WORKPLAN } from "./layout";
import type { Plan } from "./model";
import type { CleanProposal } from "./propose";
import type { ReadOptions } from "./read";
import { findTable, type WorkbookTables } from "./tables";

/** What a proposal was made from: the plan (with its what-if expected ends) and how it was read. */
export interface ProposalBasis {
  proposal: CleanProposal;
  /** The plan the proposal was made from. */
  plan: Plan;
  /** The read options it was made with; `expectedEnd` holds the what-if ends, written with the proposal. */
  options: ReadOptions;
}

/** Everything "Apply to workplan" will change, one line each, for the confirmation. */
export function describeApplyChanges(basis: ProposalBasis, tables: WorkbookTables): string[] {
  const workplan = findTable(tables, WORKPLAN.table);
  if (!workplan) return [];
  const ends = describeExpectedEnds(basis.plan, basis.options.expectedEnd ?? new Map());
  return [...ends.changes, ...describeApply(basis.proposal, basis.plan, workplan).changes];
}
