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
import { proposalTotals } from "../domain/proposalSheet";
import { findingCellName } from "../domain/findings";
import type { Finding, Severity } from "../domain/model";
import { listPhrase, plural } from "../domain/wording";

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

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
    .map((c) => `${c.number}: ${c.expectedEnd}${c.expectedEnd !== c.expectedEndInWorkbook ? " (what-if)" : ""}`)
    .join(", ");
}

export function summaryLine(name: string, result: CheckResult): string {
  const { error, warning, info } = result.summary;
  const counts =
    error + warning + info === 0
      ? "no conflicts"
      : `${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info`;
  const context = contextText(result);
  return `${name}: ${counts}${context ? ` (${context})` : ""}`;
}

/** "as of 2026; expected review ends 1: 2024, …; the 15th meeting cancelled for this run" */
function contextText(result: CheckResult): string {
  const cancelled = result.cancelled.map(ordinal);
  return [
    result.asOf !== null ? `as of ${result.asOf}` : "",
    result.plan ? `expected review ends ${expectedEndsText(result)}` : "",
    cancelled.length > 0
      ? `the ${listPhrase(cancelled)} ${cancelled.length === 1 ? "meeting" : "meetings"} cancelled for this run`
      : "",
  ]
    .filter(Boolean)
    .join("; ");
}

function findingLines(finding: Finding): string[] {
  const where = findingCellName(finding) ?? finding.sheet ?? "workbook";
  const source = finding.source ? ` [${finding.source}]` : "";
  return [`  ${where}  ${finding.rule}${source}`, `    ${finding.message}`];
}

export function formatCheck(name: string, result: CheckResult): string {
  const lines = [summaryLine(name, result)];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${HEADINGS[severity]} (${group.length})`, ...group.flatMap(findingLines));
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
  return topic === null ? "none" : String(topic);
}

function meetingText(m: MeetingChange): string {
  const name = m.meeting === null ? "?" : ordinal(m.meeting);
  return m.renumbered === null ? name : `${name} → ${ordinal(m.renumbered)}`;
}

function renumberedReason(m: MeetingChange): string {
  return m.renumbered === null ? "" : "renumbered: meetings are numbered as they are held";
}

function proposalDiff(proposal: CleanProposal): string[] {
  const changed = proposal.meetings.filter((m) => m.current !== m.proposed || m.renumbered !== null);
  if (changed.length === 0) return [];
  const rows = changed.map((m) => [
    meetingText(m),
    String(m.year ?? "?"),
    `${topicText(m.current)} → ${topicText(m.proposed)}`,
    `${m.appended ? "(appended) " : ""}${m.cancelled ? "(cancelled) " : ""}${m.reason ?? renumberedReason(m)}`,
  ]);
  const table = [["Meeting", "Year", "Fixed topic", "Reason"], ...rows];
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
    "Agenda item 2 is blank at these planned meetings; flexible topics that could be taken there without a finding " +
      "(the choice is the extended Bureau's, para. 48):",
    ...open.map((m) => {
      const number = m.renumbered ?? m.meeting;
      const codes = m.flexibleCandidates ?? [];
      const listed = codes.length > 0 ? codes.map((c) => `(${c})`).join(", ") : "none";
      return `  ${number === null ? "?" : ordinal(number)} (${m.year ?? "?"}): ${listed}`;
    }),
  ];
}

function leftFindings(proposal: CleanProposal): string[] {
  const { error, warning, info } = proposal.after;
  const lines = [`After the change: ${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info.`];
  for (const finding of bySeverity(proposal.findings))
    lines.push(
      `  ${HEADINGS[finding.severity]}: ${finding.rule}` +
        `${finding.source ? ` [${finding.source}]` : ""}: ${finding.message}`,
    );
  return lines;
}

function infeasibleLines(proposal: NoProposal, plan: CheckResult["plan"]): string[] {
  const lines = [`  ${proposal.reason}`];
  if (proposal.unplaced.length > 0) lines.push(`  Topics that cannot be placed: ${proposal.unplaced.join(", ")}.`);
  const current = (setting: "earliest" | "latest") => plan?.settings[setting];
  if (proposal.relaxations.length > 0) {
    const relaxations = proposal.relaxations.map((r) => `${r.setting} = ${r.value} (now ${current(r.setting)})`);
    lines.push(`  A clean timeline becomes possible with ${relaxations.join(", or ")}.`);
  }
  return lines;
}

export function formatProposal(
  name: string,
  result: CheckResult,
  proposal: Proposal,
  out: { file: string; sheet: string | null } | null,
): string {
  const context = result.plan ? ` (${contextText(result)})` : "";
  if (!proposal.feasible) {
    const lines = [`${name}: no clean timeline exists${context}`, ...infeasibleLines(proposal, result.plan)];
    if (out) lines.push(`Nothing written to ${out.file}: there is no proposal to put to the Bureau.`);
    return `${lines.map(printable).join("\n")}\n`;
  }
  const lines = [`${name}: ${proposalTotals(proposal).replace(/\.$/, "")}${context}`];
  if (!proposal.proven) lines.push(NOT_PROVEN);
  const diff = proposalDiff(proposal);
  if (diff.length > 0) lines.push("", ...diff);
  lines.push(...flexibleLines(proposal), "", ...leftFindings(proposal));
  if (out?.sheet) lines.push(`Wrote ${out.file} with the sheet "${out.sheet}"; its Workplan table is unchanged.`);
  return `${lines.map(printable).join("\n")}\n`;
}
