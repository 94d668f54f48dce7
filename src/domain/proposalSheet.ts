/**
 * The proposal as a sheet for the Bureau (`Proposal YYYY-MM-DD`): the proposed grid, the changed
 * cells marked and the reasons. A plain description that the ExcelJS and Office.js adapters apply.
 */
import { topicArticles } from "./findings";
import { topicLabel } from "./labels";
import type { Plan } from "./model";
import { ordinal } from "./parse";
import type { CleanProposal, MeetingChange } from "./propose";
import { plural } from "./wording";

export const PROPOSAL_HEADERS = [
  "Meeting",
  "Year",
  "Status",
  "Current fixed topic",
  "Proposed fixed topic",
  "Change",
  "Reason",
] as const;
/** Column (0-based) of the proposed topic: the cell highlighted where it changes. */
export const PROPOSED_COLUMN = 4;
export const CHANGED_FILL = "FFEB9C";
const MAX_SHEET_NAME = 31;

/** Column widths, in characters as a .xlsx file stores them: fitted to the text within limits; the reasons wide and wrapped. */
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;
const REASON_WIDTH = 120;

export interface ProposalColumn {
  /** Width in characters (of the default font's digits). */
  width: number;
  wrap: boolean;
}

/** How wide each column of the proposal sheet is, and whether its text wraps; the same for every adapter. */
export function proposalColumns(sheet: Pick<ProposalSheet, "headers" | "rows">): ProposalColumn[] {
  return sheet.headers.map((title, i) => {
    if (i === sheet.headers.length - 1) return { width: REASON_WIDTH, wrap: true };
    const longest =
      Math.max(0, ...[title, ...sheet.rows.map((row) => row[i])].map((text) => String(text ?? "").length)) + 2;
    return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest)), wrap: longest > MAX_WIDTH };
  });
}

export interface ProposalSheet {
  name: string;
  /** Lines above the grid: title, totals, what the check used. */
  caption: string[];
  headers: readonly string[];
  rows: (string | number | null)[][];
  /** Rows (0-based into rows) whose proposed topic differs from the current one. */
  changedRows: number[];
}

/** `Proposal 2026-11-23`, or `Proposal 2026-11-23 (2)` … when that name is taken (any case). */
export function proposalSheetName(date: string, existing: readonly string[]): string {
  return uniqueSheetName(`Proposal ${date}`, existing);
}

/** `base`, or `base (2)`, `base (3)` … the first that no existing sheet has (any case). */
export function uniqueSheetName(base: string, existing: readonly string[]): string {
  const taken = new Set(existing.map((name) => name.toLowerCase()));
  const first = base.slice(0, MAX_SHEET_NAME);
  if (!taken.has(first.toLowerCase())) return first;
  for (let n = 2; ; n++) {
    const name = `${first} (${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

function label(plan: Plan, topic: number | null): string | null {
  if (topic === null) return null;
  return topicLabel(topic, plan.topics.get(topic)?.title ?? "", topicArticles(plan, topic));
}

export function proposalTotals(proposal: CleanProposal): string {
  if (proposal.moved === 0 && proposal.appendedMeetings === 0)
    return "No change needed: every topic already sits inside its cluster windows.";
  return `${plural(proposal.appendedMeetings, "meeting")} appended, ${plural(proposal.inversions, "inversion")} of the topic order, ${plural(proposal.yearsMoved, "year")} moved in all, ${plural(proposal.moved, "topic")} moved.`;
}

export function describeProposalSheet(
  proposal: CleanProposal,
  plan: Plan,
  when: { date: string; time: string },
  existingSheets: readonly string[],
): ProposalSheet {
  const rows = proposal.meetings.map((m) => {
    const number = m.renumbered ?? m.meeting;
    return [
      number === null ? null : ordinal(number),
      m.year,
      m.held ? "Held" : m.appended ? "Appended" : m.cancelled ? "Cancelled" : "Planned",
      label(plan, m.current),
      label(proposal.plan, m.proposed),
      changeText(m),
      reasonText(m),
    ];
  });
  const { error, warning, info } = proposal.after;
  return {
    name: proposalSheetName(when.date, existingSheets),
    caption: [
      `Proposed amended timeline of the workplan (P§49), made ${when.time}. ` +
        "Flexible topics named for agenda item 2 are candidates only: the choice stays with the extended Bureau " +
        "(P§48, P§50(a)).",
      proposalTotals(proposal),
      `After the change the check finds ${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info. The Workplan table is unchanged until the proposal is applied.`,
    ],
    headers: PROPOSAL_HEADERS,
    rows,
    changedRows: proposal.meetings.flatMap((m, i) => (m.current !== m.proposed ? [i] : [])),
  };
}

/** "changed", "appended meeting", "renumbered (was the 17th)", or nothing. */
function changeText(m: MeetingChange): string | null {
  if (m.appended) return "appended meeting";
  const renumbered = m.renumbered !== null && m.meeting !== null ? `renumbered (was the ${ordinal(m.meeting)})` : null;
  const changed = m.current === m.proposed ? null : "changed";
  return [changed, renumbered].filter(Boolean).join(", ") || null;
}

/**
 * The reason for the fixed topic, then, for a planned meeting whose agenda item 2 is blank, the
 * flexible topics it could take without a finding (in the Reason column, so that the grid keeps
 * its columns for both adapters).
 */
function reasonText(m: MeetingChange): string | null {
  if (m.flexibleCandidates === null) return m.reason;
  const codes = m.flexibleCandidates.map((c) => `(${c})`).join(", ");
  const candidates = codes
    ? `Agenda item 2 is blank; flexible topics it could take: ${codes}.`
    : "Agenda item 2 is blank; no flexible topic fits it without a finding.";
  return m.reason ? `${m.reason}. ${candidates}` : candidates;
}
