/**
 * The proposal as a sheet for the Bureau (`Proposal YYYY-MM-DD`): the proposed grid, the changed
 * cells marked and the reasons. A plain description that the .xlsx and Office.js adapters apply.
 */
import { checkPlan } from "./check";
import { topicArticles } from "./findings";
import { topicLabel } from "./labels";
import type { Plan } from "./model";
import { ordinal } from "./parse";
import { NOT_PROVEN, type CleanProposal, type MeetingChange } from "./propose";
import { sourceInWords, type SourceTexts } from "./sources";
import { topicRows } from "./timeline";
import { describeCluster, describeReviewEnd } from "./windows";
import { capitalize, dateInWords, listPhrase } from "./wording";
import { COUNT_MESSAGES, PROPOSAL_SHEET_MESSAGES, counter, sayer } from "./messages/proposal";

export { dateInWords } from "./wording";

const countOf = /* @__PURE__ */ counter(COUNT_MESSAGES);
const say = /* @__PURE__ */ sayer(PROPOSAL_SHEET_MESSAGES);
const sayCounted = /* @__PURE__ */ counter(PROPOSAL_SHEET_MESSAGES);

export const PROPOSAL_HEADERS: readonly string[] = say("headers").split("|");
/** Column (0-based) of the proposed topic: the cell highlighted where it changes. */
export const PROPOSED_COLUMN = 4;
export const CHANGED_FILL = "FFEB9C";
const MAX_SHEET_NAME = 31;

export const TITLE = say("title");
export const SUBTITLE = say("subtitle");
export const EMPTIED = say("emptied");

/**
 * Widths in characters (of the default font's digits): about 125 in all, which A4 landscape
 * prints at no less than 9 pt even where a wider font stands in for Calibri; the topics and the
 * reasons wrap.
 */
const WIDTHS = [8, 6, 9, 25, 25, 52];

export interface ProposalColumn {
  /** Width in characters (of the default font's digits). */
  width: number;
  wrap: boolean;
  /** Bold in some rows (a changed proposed topic): its lines are counted as bold. */
  bold?: boolean;
}

/** How wide each column of the proposal sheet is, and whether its text wraps; the same for every adapter. */
export function proposalColumns(sheet: Pick<ProposalSheet, "headers" | "rows">): ProposalColumn[] {
  return sheet.headers.map((_, i) => ({ width: WIDTHS[i] ?? 12, wrap: i >= 3, bold: i === PROPOSED_COLUMN }));
}

/** Columns the Why column spans: one for each year of the timeline, whose years sit under it. */
export function whySpan(sheet: Pick<ProposalSheet, "timeline">): number {
  return Math.max(1, Math.min(TIMELINE_YEARS, sheet.timeline?.years.length ?? 0));
}

/** The width of every column of the sheet: the Why column's shared among the years of the timeline. */
export function proposalWidths(sheet: Pick<ProposalSheet, "headers" | "rows" | "timeline">): number[] {
  const columns = proposalColumns(sheet).map((c) => c.width);
  const why = columns.pop() ?? 0;
  const span = whySpan(sheet);
  return [...columns, ...Array.from({ length: span }, () => Math.round((why / span) * 10) / 10)];
}

/** A block below the grid: its title, then rows written from column 1 (the long texts in the last column). */
export interface ProposalBlock {
  title: string;
  /** Printed from the top of a new page (the sources, an annex to the proposal). */
  newPage?: boolean;
  rows: (string | number | null)[][];
}

/**
 * The timeline before and after, years across and one row per topic (the Timeline sheet's codes):
 * every year of the meetings still to come in either plan (written in bands of TIMELINE_YEARS),
 * and the topics that have a year or a meeting among them.
 */
export interface ProposalTimeline {
  years: number[];
  /** The topic's label, then one cell per year: now, and as proposed. */
  before: (string | null)[][];
  after: (string | null)[][];
}

/** Years a band of the proposal's timeline shows: on A4, ten narrow columns take the width of the Why column. */
export const TIMELINE_YEARS = 10;

export const TIMELINE_HEADING = say("timeline");
export const TIMELINE_KEY = say("key");

export interface ProposalSheet {
  name: string;
  /** Lines above the grid: title, subtitle, date, what prompted it, the outcome. */
  caption: string[];
  headers: readonly string[];
  rows: (string | number | null)[][];
  /** Rows (0-based into rows) whose proposed topic differs from the current one. */
  changedRows: number[];
  /** Below the grid: the timeline now and as proposed (absent: no meeting to come has a year). */
  timeline?: ProposalTimeline;
  /** Then the flexible-topic candidates and the quoted sources (absent: none). */
  after?: ProposalBlock[];
}

/** `Proposal 2026-11-23`, or `Proposal 2026-11-23 (2)` … when that name is taken (any case). */
export function proposalSheetName(date: string, existing: readonly string[]): string {
  return uniqueSheetName(say("name", { date }), existing);
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
  const renumbered = proposal.meetings.filter((m) => m.renumbered !== null).length;
  if (proposal.moved === 0 && proposal.appendedMeetings === 0 && renumbered > 0)
    return say("renumberedTotals", { meetings: countOf("meeting", renumbered) });
  if (proposal.moved === 0 && proposal.appendedMeetings === 0) return say("noChange");
  return say("totals", {
    appended: countOf("meeting", proposal.appendedMeetings),
    inversions: countOf("inversion", proposal.inversions),
    years: countOf("year", proposal.yearsMoved),
    topics: countOf("topic", proposal.moved),
  });
}

/** What prompted the proposal: the clusters whose review end slips and the cancelled meetings. */
export function promptedBy(plan: Plan): string {
  const slips = [...plan.clusters.values()]
    .filter((c) => c.expectedEnd !== c.plannedEnd)
    .sort((a, b) => a.number - b.number)
    .map((c) => say("slip", { cluster: describeCluster(c), reviewEnd: describeReviewEnd(c) }));
  const cancelled = plan.meetings
    .flatMap((m) => (m.status === "cancelled" && m.ordinal !== null ? [{ ...m, ordinal: m.ordinal }] : []))
    .map((m) =>
      m.year === null
        ? say("cancelled", { meeting: ordinal(m.ordinal) })
        : say("cancelledIn", { meeting: ordinal(m.ordinal), year: m.year }),
    );
  const causes = [...slips, ...cancelled];
  return causes.length === 0 ? say("checkOnly") : say("prompted", { causes: listPhrase(causes) });
}

/**
 * Meetings a proposal appends when there are more than two, and the year of the last: a slip that long deserves a
 * second look before it goes to the Bureau (the pane and the command line warn). Null for two or fewer.
 */
export function manyAppended(proposal: CleanProposal): { count: number; lastYear: number | null } | null {
  if (proposal.appendedMeetings <= 2) return null;
  const years = proposal.meetings.flatMap((m) => (m.appended && m.year !== null ? [m.year] : []));
  return { count: proposal.appendedMeetings, lastYear: years.length > 0 ? Math.max(...years) : null };
}

/**
 * The cancelled meetings whose year an appended meeting takes (a replacement may fall in the same
 * year, docs/domain.md §3), when every appended meeting does so: then the proposal appends in
 * their place and the workplan ends no later. Empty otherwise.
 */
export function replacedMeetings(proposal: CleanProposal): MeetingChange[] {
  const appended = proposal.meetings.filter((m) => m.appended);
  const cancelled = proposal.meetings.filter((m) => m.cancelled && !m.appended);
  const replaces = (m: MeetingChange) => m.year !== null && cancelled.some((c) => c.year === m.year);
  if (appended.length === 0 || !appended.every(replaces)) return [];
  return cancelled.filter((c) => appended.some((m) => m.year === c.year));
}

function appendedText(proposal: CleanProposal): string {
  if (proposal.appendedMeetings === 0) return say("appendsNone");
  const meetings = countOf("meeting", proposal.appendedMeetings);
  const replaced = replacedMeetings(proposal);
  if (replaced.length === 0) return say("appends", { meetings });
  const names = replaced.map((m) =>
    say("meetingIn", { meeting: m.meeting === null ? "?" : ordinal(m.meeting), year: m.year ?? "?" }),
  );
  return say("appendsFor", { meetings, cancelled: listPhrase(names) });
}

/** The outcome in one sentence. */
export function outcomeSentence(proposal: CleanProposal): string {
  const { error, warning } = proposal.after;
  const counts = { errors: countOf("error", error), warnings: countOf("warning", warning) };
  const after = say("after", counts);
  if (proposal.moved === 0 && proposal.appendedMeetings === 0)
    return renumberedOnly(proposal, after) ?? say("unchanged", counts);
  const topics = proposal.moves.map((m) => String(m.topic));
  const moved = sayCounted("topics", proposal.moved, { topics: listPhrase(topics) });
  return say("outcome", { moved, appended: appendedText(proposal), after });
}

/**
 * No topic moves but meetings take new numbers: how many, and why (the rows that do not take place,
 * or the meeting the numbers run on from). Null when no meeting is renumbered.
 */
function renumberedOnly(proposal: CleanProposal, after: string): string | null {
  const renumbered = proposal.meetings.filter((m) => m.renumbered !== null && m.year !== null);
  const first = renumbered[0];
  if (!first) return null;
  const lastYear = Math.max(...renumbered.map((m) => m.year as number));
  const away = [
    ...new Set(
      proposal.meetings
        .filter((m) => m.cancelled && m.year !== null && m.year <= lastYear)
        .map((m) => meetingIn(m.meeting, m.year)),
    ),
  ];
  const from = proposal.meetings
    .filter((m) => !m.cancelled && m.renumbered === null && m.year !== null && m.year < (first.year as number))
    .pop();
  const cause =
    away.length > 0
      ? sayCounted("away", away.length, { meetings: listPhrase(away) })
      : say("runOn", { from: from ? meetingIn(from.meeting, from.year) : "" });
  return say("renumbersOnly", { meetings: countOf("meeting", renumbered.length), cause, after });
}

/** "the 15th meeting (2028)" */
function meetingIn(meeting: number | null, year: number | null): string {
  return say("theMeeting", { meeting: meeting === null ? "" : ordinal(meeting), year: year ?? "" });
}

/** A solver's reason in plain words: without the rule id, as a sentence. */
export function plainReason(reason: string | null): string | null {
  if (!reason) return null;
  const text = capitalize(reason.replace(/^[a-z]+(?:-[a-z]+)+: /, "").replace(/; ([a-z]+(?:-[a-z]+)+): /g, "; "));
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

function statusText(m: MeetingChange): string {
  return say(m.held ? "held" : m.appended ? "appended" : m.cancelled ? "cancelledStatus" : "planned");
}

function meetingText(m: MeetingChange): string | null {
  if (m.meeting === null) return m.renumbered === null ? null : ordinal(m.renumbered);
  return m.renumbered === null
    ? ordinal(m.meeting)
    : say("renumbered", { meeting: ordinal(m.renumbered), was: ordinal(m.meeting) });
}

function proposedText(plan: Plan, m: MeetingChange): string | null {
  if (m.proposed !== null) return label(plan, m.proposed);
  return m.cancelled ? say("noneCancelled") : EMPTIED;
}

function candidateBlock(proposal: CleanProposal, plan: Plan): ProposalBlock | null {
  const meetings = proposal.meetings.filter((m) => m.flexibleCandidates !== null);
  if (meetings.length === 0) return null;
  const titles = new Map([...(plan.flexibleTopics?.values() ?? [])].map((f) => [f.code, f.title]));
  // In the order of the FlexibleTopics table (domain.md §3), not of first appearance.
  const offered = new Set(meetings.flatMap((m) => m.flexibleCandidates ?? []));
  const codes = [...new Set([...titles.keys(), ...offered])].filter((code) => offered.has(code));
  const rows: (string | number | null)[][] = meetings.map((m) => [
    say(m.year === null ? "meetingName" : "meetingIn", {
      meeting: meetingText(m) ?? say("meeting"),
      year: m.year ?? "",
    }),
    null,
    null,
    null,
    null,
    m.flexibleCandidates?.length ? m.flexibleCandidates.map((c) => `(${c})`).join(", ") : say("noneFits"),
  ]);
  const key = codes.map((code) => `(${code}) ${titles.get(code) ?? ""}`.trim()).join("; ");
  if (key) rows.push([say("candidateKey"), null, null, null, null, `${key}.`]);
  return {
    title: say("candidates"),
    rows,
  };
}

/** The sources that ground a proposal: rescheduling (P§49, P§4), the cluster windows (P§18), the order (P§50(b)). */
const PROPOSAL_SOURCES = ["P§49", "P§4", "P§18", "P§50(b)"];

function sourcesBlock(sources: SourceTexts | null): ProposalBlock {
  const rows = PROPOSAL_SOURCES.map((id) => {
    const text = sources?.get(id.replace(/\s+/g, "").toLowerCase());
    return [sourceInWords(id), null, null, null, text?.document ?? null, text ? `“${text.text}”` : id];
  });
  return { title: say("sources"), rows, newPage: true };
}

/** The years of the meetings to come, in either plan: from the first to the last, however far a slip takes them. */
function timelineYears(proposal: CleanProposal): number[] {
  const years = proposal.meetings.flatMap((m) => (!m.held && !m.cancelled && m.year !== null ? [m.year] : []));
  if (years.length === 0) return [];
  const from = Math.min(...years);
  return Array.from({ length: Math.max(...years) - from + 1 }, (_, i) => from + i);
}

/** The years of the timeline in bands of TIMELINE_YEARS, each printed under the Why column in turn. */
export function timelineBands(years: readonly number[]): number[][] {
  return Array.from({ length: Math.ceil(years.length / TIMELINE_YEARS) }, (_, i) =>
    years.slice(i * TIMELINE_YEARS, (i + 1) * TIMELINE_YEARS),
  );
}

function proposalTimeline(proposal: CleanProposal, plan: Plan): ProposalTimeline | undefined {
  const years = timelineYears(proposal);
  if (years.length === 0) return undefined;
  const before = topicRows(plan, checkPlan(plan), years);
  const after = topicRows(proposal.plan, checkPlan(proposal.plan), years);
  // A topic with no year and no meeting in these years in either plan (one discussed already) is left out.
  const shown = (i: number) => [before[i], after[i]].some((row) => row?.slice(1).some((code) => code !== null));
  return { years, before: before.filter((_, i) => shown(i)), after: after.filter((_, i) => shown(i)) };
}

export function describeProposalSheet(
  proposal: CleanProposal,
  plan: Plan,
  when: { date: string; time: string },
  existingSheets: readonly string[],
  sources: SourceTexts | null = null,
): ProposalSheet {
  const rows = proposal.meetings.map((m) => [
    meetingText(m),
    m.year,
    statusText(m),
    label(plan, m.current) ?? say(m.appended ? "newMeeting" : "none"),
    proposedText(proposal.plan, m),
    plainReason(m.reason),
  ]);
  const candidates = candidateBlock(proposal, plan);
  return {
    name: proposalSheetName(when.date, existingSheets),
    caption: [
      TITLE,
      SUBTITLE,
      dateInWords(when.date),
      promptedBy(plan),
      outcomeSentence(proposal),
      ...(proposal.proven ? [] : [NOT_PROVEN]),
      say("notApplied"),
    ],
    headers: PROPOSAL_HEADERS,
    rows,
    changedRows: proposal.meetings.flatMap((m, i) => (m.current !== m.proposed ? [i] : [])),
    timeline: proposalTimeline(proposal, plan),
    after: [...(candidates ? [candidates] : []), sourcesBlock(sources)],
  };
}
