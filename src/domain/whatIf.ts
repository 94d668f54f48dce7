/**
 * A what-if slip (domain.md §3): the check and the proposal with other expected review ends,
 * and the findings that appear and disappear compared with the workbook as it stands. Nothing
 * is written; the task pane shows it on every step of the expected-end spin buttons.
 */
import { checkWorkbook, type CheckResult } from "./check";
import type { Finding } from "./model";
import { proposeTimeline, type Proposal } from "./propose";
import type { ReadOptions } from "./read";
import type { WorkbookTables } from "./tables";

export interface FindingDiff {
  appeared: Finding[];
  disappeared: Finding[];
}

/** The same finding before and after: same rule, cell, topic and severity (its numbers may differ). */
function findingKey(finding: Finding): string {
  return [finding.rule, finding.severity, finding.sheet, finding.cell, finding.topic].join("|");
}

export function diffFindings(before: readonly Finding[], after: readonly Finding[]): FindingDiff {
  const beforeKeys = new Set(before.map(findingKey));
  const afterKeys = new Set(after.map(findingKey));
  return {
    appeared: after.filter((f) => !beforeKeys.has(findingKey(f))),
    disappeared: before.filter((f) => !afterKeys.has(findingKey(f))),
  };
}

export interface WhatIf {
  check: CheckResult;
  /** Null when the workbook cannot be read as a plan. */
  proposal: Proposal | null;
  /** Compared with the workbook as it stands (the baseline check, without what-ifs). */
  diff: FindingDiff;
}

export function whatIf(tables: WorkbookTables, options: ReadOptions, baseline: CheckResult): WhatIf {
  const check = checkWorkbook(tables, options);
  return {
    check,
    proposal: check.plan ? proposeTimeline(check.plan) : null,
    diff: diffFindings(baseline.findings, check.findings),
  };
}
