/**
 * A what-if (domain.md §3): the check and the proposal with other expected review ends
 * (`expectedEnd`) or with planned meetings cancelled (`cancel`), and the findings that appear and
 * disappear compared with the workbook as it stands. Nothing is written; the task pane shows it
 * on every step of the expected-end spin buttons and of the Meetings what-if, the command line
 * for `--expected-end` and `--cancel`.
 */
import { checkWorkbook, type CheckResult } from "./check";
import { describeMeeting } from "./findings";
import type { Finding, Meeting, Plan } from "./model";
import { ordinal } from "./parse";
import { WHAT_IF_MESSAGES, sayer } from "./messages/proposal";
import { proposeTimeline, type Budget, type Proposal } from "./propose";
import type { ReadOptions } from "./read";
import type { WorkbookTables } from "./tables";

const say = /* @__PURE__ */ sayer(WHAT_IF_MESSAGES);

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

/** A what-if's check and what it changes, without the proposal (the task pane proposes in a Web Worker). */
export interface WhatIfCheck {
  check: CheckResult;
  /** Compared with the workbook as it stands (the baseline check, without what-ifs). */
  diff: FindingDiff;
}

export interface WhatIf extends WhatIfCheck {
  /** Null when the workbook cannot be read as a plan. */
  proposal: Proposal | null;
}

export function whatIfCheck(tables: WorkbookTables, options: ReadOptions, baseline: CheckResult): WhatIfCheck {
  const check = checkWorkbook(tables, options);
  return { check, diff: diffFindings(baseline.findings, check.findings) };
}

/** @param budget how long the proposal's search may run (the caller's clock); without one it is exact. */
export function whatIf(tables: WorkbookTables, options: ReadOptions, baseline: CheckResult, budget?: Budget): WhatIf {
  const { check, diff } = whatIfCheck(tables, options, baseline);
  return { check, proposal: check.plan ? proposeTimeline(check.plan, budget ? { budget } : {}) : null, diff };
}

/** A meeting a what-if cannot cancel: one that is not in the Workplan table, one already held, or already cancelled. */
export interface CancelRefusal {
  meeting: number;
  /** The held meeting; null when no row has that number. */
  held: Meeting | null;
  message: string;
}

/**
 * Checks the meeting numbers a what-if asks to cancel against the plan read with them: each must
 * be the number of a meeting in the Workplan table that is neither held nor already cancelled there.
 */
export function cancelRefusals(plan: Plan, requested: Iterable<number>): CancelRefusal[] {
  const numbers = plan.meetings.map((m) => m.ordinal).filter((n): n is number => n !== null);
  const known = [...new Set(numbers)].sort((a, b) => a - b);
  return [...new Set(requested)].flatMap((meeting) => {
    const rows = plan.meetings.filter((m) => m.ordinal === meeting);
    const held = rows.find((m) => m.held) ?? null;
    // A row cancelled in the table is not one the what-if cancels: it would change nothing.
    const already = rows.length > 0 && rows.every((m) => m.status === "cancelled" && !m.whatIfCancelled);
    if (rows.length > 0 && !held && !already) return [];
    const message = held
      ? say("held", { meeting: describeMeeting(held) })
      : already
        ? say(rows[0]?.postponed ? "alreadyPostponed" : "already", { meeting: describeMeeting(rows[0] as Meeting) })
        : say("unknown", { meeting: ordinal(meeting), range: meetingRange(known) });
    return [{ meeting, held, message: message.charAt(0).toUpperCase() + message.slice(1) }];
  });
}

/** "the 10th to 19th" / "none" */
function meetingRange(known: number[]): string {
  const [first] = known;
  const last = known[known.length - 1];
  if (first === undefined || last === undefined) return say("none");
  if (known.length === 1) return say("single", { meeting: ordinal(first) });
  const consecutive = last - first + 1 === known.length;
  return consecutive ? say("range", { first: ordinal(first), last: ordinal(last) }) : known.map(ordinal).join(", ");
}
