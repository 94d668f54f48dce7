/** Human-readable output of a check: a summary line, then the findings grouped by severity. */
import { bySeverity, type CheckResult } from "../domain/check";
import { ordinal } from "../domain/parse";
import {
  NOT_PROVEN,
  proposalToJson,
  type CleanProposal,
  type MeetingChange,
  type NoProposal,
  type Proposal,
} from "../domain/propose";
import { manyAppended, outcomeSentence, plainReason, proposalTotals } from "../domain/proposalSheet";
import { findingCellName } from "../domain/findings";
import type { Finding, Severity } from "../domain/model";
import { listPhrase } from "../domain/wording";
import { sourceInWords } from "../domain/sources";
import { SETTING_NAMES } from "../domain/layout";
import { cliCounted, cliText } from "./messages";

const HEADINGS: Record<Severity, string> = {
  error: cliText("check.errors"),
  warning: cliText("check.warnings"),
  info: cliText("check.info"),
};

/** Control characters (C0, DEL, C1) and the bidi controls that reorder what a terminal shows. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
const NAMED: ReadonlyMap<string, string> = new Map([
  ["\n", "\\n"],
  ["\r", "\\r"],
  ["\t", "\\t"],
]);

function escapeCode(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
}

/** Text from a workbook as one printable line: every control and bidi character shown as an escape. */
export function printable(text: string): string {
  return text.replace(UNPRINTABLE, (char) => NAMED.get(char) ?? escapeCode(char));
}

/** One JSON document on one line; the characters JSON leaves as they are (C1, bidi) escaped too. */
export function jsonLine(value: unknown): string {
  return `${JSON.stringify(value).replace(UNPRINTABLE, escapeCode)}\n`;
}

export function expectedEndsText(result: CheckResult): string {
  const clusters = [...(result.plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
  return clusters
    .map(
      (c) => `${c.number}: ${c.expectedEnd}${c.expectedEnd !== c.expectedEndInWorkbook ? cliText("check.whatIf") : ""}`,
    )
    .join(", ");
}

export function summaryLine(name: string, result: CheckResult): string {
  const { error, warning, info } = result.summary;
  const counts = error + warning + info === 0 ? cliText("check.none") : countsText(error, warning, info);
  const context = contextText(result);
  return cliText("check.summary", { name, counts }) + (context ? cliText("check.context", { context }) : "");
}

function countsText(error: number, warning: number, info: number): string {
  return cliText("check.counts", {
    errors: cliCounted("count.error", error),
    warnings: cliCounted("count.warning", warning),
    info,
  });
}

/** "as of 2026; expected review ends 1: 2024, …; the 15th meeting cancelled for this run" */
function contextText(result: CheckResult): string {
  const cancelled = result.cancelled.map(ordinal);
  return [
    result.asOf !== null ? cliText("check.asOf", { year: result.asOf }) : "",
    result.plan ? cliText("check.expectedEnds", { ends: expectedEndsText(result) }) : "",
    cancelled.length > 0 ? cliCounted("check.cancelled", cancelled.length, { meetings: listPhrase(cancelled) }) : "",
  ]
    .filter(Boolean)
    .join("; ");
}

/** " (Background paper, paras. 4, 18 and 49)", or nothing for a finding without a source. */
function sourceNote(finding: Finding): string {
  const words = sourceInWords(finding.source);
  return words ? ` (${words})` : "";
}

function findingLines(finding: Finding): string[] {
  const where = findingCellName(finding) ?? finding.sheet ?? cliText("check.workbook");
  const fix = finding.fix ? [`    ${cliText("check.fix", { fix: finding.fix })}`] : [];
  return [`  ${where}  ${finding.rule}${sourceNote(finding)}`, `    ${finding.message}`, ...fix];
}

export function formatCheck(name: string, result: CheckResult): string {
  const lines = [summaryLine(name, result)];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", cliText("check.group", { heading: HEADINGS[severity], count: group.length }));
    lines.push(...group.flatMap(findingLines));
  }
  return `${lines.map(printable).join("\n")}\n`;
}

/** With `--cancel`, the JSON says which meetings the run cancelled (`cancelled`, after `expectedEnd`). */
export function checkJson(workbook: string | null, result: CheckResult, withCancel = false): string {
  const { asOf, expectedEnd, summary, findings } = result;
  const cancelled = withCancel ? { cancelled: result.cancelled } : {};
  // The documented shape: the cell as its sheet and A1 text (`sheet`, `cell`), not the engine's row and column.
  const shown = findings.map(({ at: _at, ...finding }) => finding);
  return jsonLine({ workbook, asOf, expectedEnd, ...cancelled, summary, findings: shown });
}

export function proposeJson(proposal: Proposal, result: CheckResult, withCancel: boolean): string {
  return jsonLine({ ...proposalToJson(proposal), ...(withCancel ? { cancelled: result.cancelled } : {}) });
}

function topicText(topic: number | null): string {
  return topic === null ? cliText("propose.none") : String(topic);
}

function meetingText(m: MeetingChange): string {
  const name = m.meeting === null ? "?" : ordinal(m.meeting);
  return m.renumbered === null ? name : `${name} → ${ordinal(m.renumbered)}`;
}

function renumberedReason(m: MeetingChange): string {
  return m.renumbered === null ? "" : cliText("propose.renumbered");
}

function proposalDiff(proposal: CleanProposal): string[] {
  const changed = proposal.meetings.filter((m) => m.current !== m.proposed || m.renumbered !== null || m.appended);
  if (changed.length === 0) return [];
  const rows = changed.map((m) => [
    meetingText(m),
    String(m.year ?? "?"),
    m.current === m.proposed && !m.appended
      ? cliText("propose.same", { topic: topicText(m.current) })
      : `${topicText(m.current)} → ${topicText(m.proposed)}`,
    (m.appended ? cliText("propose.appended") : "") +
      (m.cancelled ? cliText("propose.cancelled") : "") +
      (plainReason(m.reason) ?? renumberedReason(m)),
  ]);
  const table = [cliText("propose.headers").split("|"), ...rows];
  const widths = [0, 1, 2].map((i) => Math.max(...table.map((row) => (row[i] ?? "").length)));
  return table.map((row) =>
    row
      .map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell))
      .join("  ")
      .trimEnd(),
  );
}

/** Flexible-topic candidates of the planned meetings whose agenda item 2 is blank (P§48, P§50(a)). */
function flexibleLines(proposal: CleanProposal): string[] {
  const open = proposal.meetings.filter((m) => m.flexibleCandidates !== null);
  if (open.length === 0) return [];
  return [
    "",
    cliText("propose.flexible"),
    ...open.map((m) => {
      const number = m.renumbered ?? m.meeting;
      const codes = m.flexibleCandidates ?? [];
      const listed = codes.length > 0 ? codes.map((c) => `(${c})`).join(", ") : cliText("propose.noCandidate");
      return `  ${number === null ? "?" : ordinal(number)} (${m.year ?? "?"}): ${listed}`;
    }),
  ];
}

function appendedWarning(proposal: CleanProposal): string[] {
  const many = manyAppended(proposal);
  return many ? [cliText("propose.manyAppended", { count: many.count, year: many.lastYear ?? "?" })] : [];
}

const isRenumbered = (meeting: CleanProposal["meetings"][number]) => meeting.renumbered !== null;

function leftFindings(proposal: CleanProposal): string[] {
  const { error, warning, info } = proposal.after;
  const unchanged = proposal.moved === 0 && proposal.appendedMeetings === 0 && !proposal.meetings.some(isRenumbered);
  const lines = [
    cliText(unchanged ? "propose.asItStands" : "propose.after", {
      errors: cliCounted("count.error", error),
      warnings: cliCounted("count.warning", warning),
      info,
    }),
  ];
  for (const finding of bySeverity(proposal.findings))
    lines.push(`  ${HEADINGS[finding.severity]}: ${finding.rule}` + `${sourceNote(finding)}: ${finding.message}`);
  return lines;
}

function infeasibleLines(proposal: NoProposal, plan: CheckResult["plan"]): string[] {
  const lines = [`  ${proposal.reason}`];
  if (proposal.unplaced.length > 0) lines.push(cliText("propose.unplaced", { topics: proposal.unplaced.join(", ") }));
  const current = (setting: "earliest" | "latest") => plan?.settings[setting];
  if (proposal.relaxations.length > 0) {
    const relaxations = proposal.relaxations.map((r) =>
      cliText("propose.relaxation", {
        setting: SETTING_NAMES[r.setting],
        value: r.value,
        now: String(current(r.setting)),
      }),
    );
    lines.push(cliText("propose.relaxations", { relaxations: relaxations.join(cliText("propose.or")) }));
  }
  return lines;
}

export function formatProposal(
  name: string,
  result: CheckResult,
  proposal: Proposal,
  out: { file: string; sheet: string | null } | null,
  unreadable = false,
): string {
  const context = result.plan ? cliText("check.context", { context: contextText(result) }) : "";
  if (!proposal.feasible) {
    const headline = cliText(unreadable ? "propose.notProposed" : "propose.noClean", { name, context });
    const lines = [headline, ...infeasibleLines(proposal, result.plan)];
    if (!unreadable && result.summary.error === 0 && result.summary.warning > 0) lines.push(cliText("propose.noError"));
    if (out) lines.push(cliText("propose.nothingWritten", { file: out.file }));
    return `${lines.map(printable).join("\n")}\n`;
  }
  const lines = [`${name}${context}: ${outcomeSentence(proposal)}`];
  if (!proposal.proven) lines.push(NOT_PROVEN);
  if (proposal.moved > 0 || proposal.appendedMeetings > 0)
    lines.push(cliText("propose.details", { totals: proposalTotals(proposal) }));
  lines.push(...appendedWarning(proposal));
  const diff = proposalDiff(proposal);
  if (diff.length > 0) lines.push("", ...diff);
  lines.push(...flexibleLines(proposal), "", ...leftFindings(proposal));
  if (out?.sheet) lines.push(cliText("propose.wrote", { file: out.file, sheet: out.sheet }));
  return `${lines.map(printable).join("\n")}\n`;
}
