import type {
  Article,
  ArticleInCluster,
  ArticleInTopic,
  DatedMeeting,
  Finding,
  Meeting,
  Plan,
  ScheduledMeeting,
  Severity,
  Where,
} from "./model";
import type { PlanRuleId } from "./rules";
import { cellAddress, cellName, isCell } from "./cellRef";
import { capitalize, commaList, titled } from "./wording";
import { say, sayCount } from "./messages/findings";

export { capitalize, years } from "./wording";
import { ordinal } from "./parse";

/** One rule of docs/domain.md §2: its id, severity, source paragraph and check. */
export interface Rule<Id extends string = string> {
  id: Id;
  severity: Severity;
  /** Paragraph of the source document (P§ = background paper, R-rec = 2021 report). */
  source: string | null;
  /** The rule in one line, for the README and the add-in. */
  summary: string;
  check(plan: Plan): RuleHit[];
}

/** A rule with its id kept as a literal type, so that the registry gives the union of rule ids. */
export function defineRule<const Id extends string>(rule: Rule<Id>): Rule<Id> {
  return rule;
}

/** What a rule found: where, about which meeting and topic, in words a planner can read out. */
export interface RuleHit {
  at: Where | null;
  meeting?: Meeting | undefined;
  topic?: number | null | undefined;
  message: string;
}

export const DATA_RULES = {
  "invalid-value": { severity: "error", summary: say("invalid.rule") },
  "missing-table": { severity: "error", summary: say("missing.rule") },
} as const satisfies Record<string, { severity: Severity; summary: string }>;

export type DataRuleId = keyof typeof DATA_RULES;

/** A finding's cell, and the sheet and A1 text derived from it for output. */
export function findingPlace(at: Where | null): Pick<Finding, "at" | "sheet" | "cell"> {
  // A cell of a column the table does not have is row 0: its text is "", as the reader gave it.
  const cell = at && isCell(at) ? cellAddress(at) : at ? "" : null;
  return { at, sheet: at?.sheet ?? null, cell };
}

/** "Workplan!E7": a finding's cell as the command line, the Conflicts sheet and the pane name it; null without one. */
export function findingCellName(finding: Pick<Finding, "at">): string | null {
  return finding.at && isCell(finding.at) ? cellName(finding.at) : null;
}

export function dataFinding(rule: DataRuleId, at: Where | null, message: string): Finding {
  return {
    rule,
    severity: DATA_RULES[rule].severity,
    held: false,
    ...findingPlace(at),
    meeting: null,
    year: null,
    topic: null,
    message,
    source: null,
    quote: null,
    problem: message,
    fix: null,
  };
}

export function toFinding(rule: Rule<PlanRuleId>, hit: RuleHit): Finding {
  const held = hit.meeting?.held ?? false;
  const message =
    held && hit.meeting
      ? say("held", { message: hit.message, meeting: capitalize(describeMeeting(hit.meeting)) })
      : hit.message;
  return {
    rule: rule.id,
    severity: held ? "info" : rule.severity,
    held,
    ...findingPlace(hit.at),
    meeting: hit.meeting?.ordinal ?? null,
    year: hit.meeting?.year ?? null,
    topic: hit.topic ?? null,
    message,
    source: rule.source,
    quote: null,
    problem: message,
    fix: null,
  };
}

/** "the 15th meeting (2028)" */
export function describeMeeting(meeting: Meeting): string {
  const name = meeting.ordinal === null ? say("meeting") : say("meeting.n", { n: ordinal(meeting.ordinal) });
  return meeting.year === null ? name : say("meeting.year", { meeting: name, year: meeting.year });
}

/**
 * The meetings less those a what-if cancels whose twin (same number and year) the workbook already
 * cancels: a cancelled row and its replacement, both off, are one meeting that does not take place.
 */
export function withoutWhatIfTwins<M extends Meeting>(meetings: readonly M[]): M[] {
  const offInWorkbook = new Set(
    meetings.filter((m) => !takesPlace(m) && !m.whatIfCancelled).map((m) => describeMeeting(m)),
  );
  return meetings.filter((m) => !(m.whatIfCancelled && offInWorkbook.has(describeMeeting(m))));
}

/** Meetings as a planner names them, each once: a cancelled row and a what-if on its twin read alike. */
export function distinctNames(meetings: readonly Meeting[]): string[] {
  return [...new Set(meetings.map(describeMeeting))];
}

/** Article numbers by topic, worked out once per plan. */
const articlesByTopic = new WeakMap<Plan, Map<number | null, number[]>>();

/** Articles of a topic, from the Articles table, in ascending order. */
export function topicArticles(plan: Plan, topic: number): number[] {
  let index = articlesByTopic.get(plan);
  if (!index) {
    const sets = new Map<number | null, Set<number>>();
    for (const a of plan.articles) sets.set(a.topic, (sets.get(a.topic) ?? new Set()).add(a.number));
    index = new Map([...sets].map(([t, numbers]) => [t, [...numbers].sort((x, y) => x - y)]));
    articlesByTopic.set(plan, index);
  }
  return [...(index.get(topic) ?? [])];
}

/** "arts. 7, 8" / "art. 12" / "" */
export function articleList(articles: readonly number[]): string {
  if (articles.length === 0) return "";
  return sayCount("arts", articles.length, { list: commaList(articles) });
}

/** `topic 6 "Record-keeping; marking" (arts. 7, 8)` */
export function describeTopic(plan: Plan, topic: number): string {
  const name = titled(say("topic", { topic }), plan.topics.get(topic)?.title);
  const articles = articleList(topicArticles(plan, topic));
  return articles ? say("topic.arts", { topic: name, articles }) : name;
}

export function isDated(meeting: Meeting): meeting is DatedMeeting {
  return meeting.year !== null;
}

export function isScheduled(meeting: Meeting): meeting is ScheduledMeeting {
  return meeting.year !== null && meeting.topic !== null;
}

/**
 * Meetings that take place with a fixed topic of the Topics table, in time order: what the rules that
 * compare topics compare (a topic the table lacks is a topic-unknown error, not a place in the order).
 */
export function meetingsWithKnownTopic(plan: Plan): ScheduledMeeting[] {
  return meetingsByYear(plan)
    .filter(isScheduled)
    .filter((m) => plan.topics.has(m.topic));
}

export function inTopic(article: Article): article is ArticleInTopic {
  return article.topic !== null;
}

export function inCluster(article: Article): article is ArticleInCluster {
  return article.cluster !== null;
}

/** A cancelled (or postponed) row is kept for the record but is no meeting: it takes place in no year. */
export function takesPlace(meeting: Meeting): boolean {
  return meeting.status !== "cancelled";
}

/** The meetings that take place (held and planned), in row order. */
export function meetingsTakingPlace(plan: Plan): Meeting[] {
  return plan.meetings.filter(takesPlace);
}

/** Meetings that take place, in time order; those without a readable year are left out. */
export function meetingsByYear(plan: Plan): DatedMeeting[] {
  return plan.meetings.filter(isDated).filter(takesPlace).sort(byTimeThenContent);
}

/** Every row of the Workplan table in time order, cancelled rows included; rows without a year last. */
export function rowsByYear(plan: Plan): Meeting[] {
  return [...plan.meetings.filter(isDated).sort(byTimeThenContent), ...plan.meetings.filter((m) => m.year === null)];
}

/**
 * Year, then meeting number; rows that tie on both (already a meeting-duplicate) are ordered by
 * what they hold rather than by where they are, so that sorting the Workplan table never changes
 * what the timing rules report.
 */
function byTimeThenContent(a: DatedMeeting, b: DatedMeeting): number {
  return (
    a.year - b.year ||
    (a.ordinal ?? 0) - (b.ordinal ?? 0) ||
    (a.topic ?? 0) - (b.topic ?? 0) ||
    compareText(flexibleKey(a), flexibleKey(b)) ||
    Number(a.held) - Number(b.held)
  );
}

function flexibleKey(meeting: Meeting): string {
  const flexible = meeting.flexible;
  if (flexible === null) return "";
  const key = flexible.kind === "code" ? flexible.code : flexible.kind === "other" ? flexible.title : flexible.text;
  return `${flexible.kind}:${key}`;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
