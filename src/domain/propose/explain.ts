/**
 * Why no clean plan exists, in words a planner can use: which topics cannot be placed, and the
 * windows and meetings that leave no room for them.
 */
import {
  articleList,
  capitalize as capital,
  describeMeeting,
  distinctNames,
  isDated,
  takesPlace,
  withoutWhatIfTwins,
} from "../findings";
import type { Meeting } from "../model";
import { describeCluster, type ClusterWindow } from "../windows";
import type { FreeTopic, Problem } from "./problem";
import { openYears, smallestRemoval, type Removal, type Span } from "./removal";
import { listPhrase } from "../wording";
import { COUNT_MESSAGES, counter, sayer } from "../messages/proposal";
import { SOLVER_MESSAGES } from "../messages/solver";

const countOf = /* @__PURE__ */ counter(COUNT_MESSAGES);
const say = /* @__PURE__ */ sayer(SOLVER_MESSAGES);
const sayCounted = /* @__PURE__ */ counter(SOLVER_MESSAGES);

export interface Explanation {
  reason: string;
  unplaced: number[];
}

export function explain(problem: Problem): Explanation {
  const removal = smallestRemoval(problem);
  const parts = [
    emptyWindows(removal),
    crowded(problem, removal),
    lastTopicBlocked(problem, removal),
    leaveOut(removal.topics),
    ...removal.crowdedOut.map((t) => occupied(problem, t, removal.spans.get(t) as Span)),
  ];
  return { reason: parts.filter((p): p is string => p !== null).join(" "), unplaced: removal.topics };
}

/** Two or more free topics hold a cross-cutting "last" article: only one can be last. */
export function severalLast(problem: Problem): Explanation | null {
  const last = problem.free.filter((t) => t.last);
  if (last.length < 2) return null;
  const articles = last.map((t) =>
    articleList(problem.plan.articles.filter((a) => a.last && a.topic === t.number).map((a) => a.number)),
  );
  return {
    reason: say("severalLast", {
      topics: capital(topicsPhrase(last.map((t) => t.number))),
      articles: articles.join("; "),
    }),
    unplaced: last.map((t) => t.number),
  };
}

/** A topic whose cluster windows do not overlap can be at no meeting. */
function emptyWindows(removal: Removal): string | null {
  if (removal.empty.length === 0) return null;
  const parts = removal.empty.map((t) => say("noYear", { topic: t.number, windows: windowsPhrase(t) }));
  return `${capital(parts.join("; "))}.`;
}

/** More topics must be discussed within some years than the meetings in those years can take. */
function crowded(problem: Problem, removal: Removal): string | null {
  if (removal.crowdedOut.length === 0) return null;
  const topics = [...removal.spans.keys()];
  const tight = tightestSpan(problem, topics, removal.spans);
  if (!tight) return null;
  const { span, crowd, open } = tight;
  const byCluster = new Map(crowd.flatMap((t) => t.windows).map((w) => [w.cluster.number, w]));
  // A window that is the span itself is named without its years, which the sentence has just said.
  const windows = [...byCluster.values()]
    .map((w) => (w.from === span.from && w.to === span.to ? windowOfPhrase(w) : windowPhrase(w)))
    .join("; ");
  // The last topic's year is one the search tried, not a rule: only the rule is said.
  const beforeLast =
    removal.lastYear !== null && span.to === removal.lastYear - 1
      ? say("beforeLast", { topic: String(lastNumber(problem)) })
      : "";
  return say("crowded", {
    topics: capital(topicsPhrase(crowd.map((t) => t.number))),
    all: crowd.length === 2 ? say("both") : crowd.length > 2 ? say("all") : "",
    years: yearsPhrase(span.from, span.to),
    windows: windows ? ` (${windows})` : "",
    beforeLast,
    meetings: meetingsPhrase(problem, span, open),
  });
}

function lastNumber(problem: Problem): number | null {
  return problem.free.find((t) => t.last)?.number ?? null;
}

/** The topic that must be last cannot come after all the others within its own window. */
function lastTopicBlocked(problem: Problem, removal: Removal): string | null {
  const last = removal.lastLeftOut;
  if (!last) return null;
  const held = problem.latestHeldYear;
  const crossCutting = articleList(
    problem.plan.articles.filter((a) => a.last && a.topic === last.number).map((a) => a.number),
  );
  const window = last.window ? say("lastWindow", { windows: windowsPhrase(last) }) : "";
  const intro = say("last", { topic: last.number, articles: crossCutting, window });
  if (held !== null && (last.window === null || last.window.to <= held)) {
    const meeting = problem.plan.meetings.find((m) => m.held && m.topic !== null && m.year === held);
    const which = meeting ? describeMeeting(meeting) : say("meetingOf", { year: held });
    return say("lastHeld", { intro, meeting: which });
  }
  const end = last.window?.to ?? Infinity;
  const after = problem.free.filter((t) => !t.last && t.window !== null && t.window.from >= end).map((t) => t.number);
  const blocker =
    after.length > 0
      ? say("cannotBefore", { topics: topicsPhrase(after), year: end })
      : say("othersBefore", { year: end });
  return say("but", { intro, blocker });
}

/** "Topic 9 is the topic that does not fit: with every other topic, a clean plan is possible." */
function leaveOut(topics: number[]): string {
  return sayCounted("leaveOut", topics.length, { Topics: capital(topicsPhrase(topics)) });
}

/** A topic left out for want of years: its years, and the meetings in them with what the workbook puts there now. */
function occupied(problem: Problem, topic: FreeTopic, span: Span): string {
  const rows = withoutWhatIfTwins(problem.plan.meetings)
    .filter(isDated)
    .filter((m) => m.year >= span.from && m.year <= span.to)
    .sort((a, b) => a.year - b.year);
  const said = rows.map((m) => {
    const now =
      m.topic === null
        ? say("noTopic")
        : m.topic === topic.number
          ? say("thisTopic", { topic: m.topic })
          : topicsPhrase([m.topic]);
    const meeting = describeMeeting(m);
    if (!takesPlace(m))
      return say(m.whatIfCancelled ? "cancelledWhatIf" : m.postponed ? "postponed" : "cancelled", { meeting });
    if (m.held) return say("heldWith", { meeting, now });
    return say("nowHas", { meeting, now });
  });
  const appended = openYears(problem).filter((y) => y > problem.lastYear && y >= span.from && y <= span.to);
  if (appended.length > 0) said.push(sayCounted("canAppend", appended.length, { years: listYears(appended) }));
  // A cancelled row and its what-if twin read alike: each is said once.
  const distinct = [...new Set(said)];
  const where = distinct.length > 0 ? say("asItStands", { meetings: listPhrase(distinct) }) : say("noMeeting");
  return say("span", { topic: topic.number, years: yearsPhrase(span.from, span.to), where });
}

function listYears(years: number[]): string {
  return years.length <= 3 ? listPhrase(years.map(String)) : `${years[0]}–${years[years.length - 1]}`;
}

/**
 * The span of years with the largest shortfall of meetings (Hall's condition), tightest first;
 * null when none falls short.
 */
function tightestSpan(
  problem: Problem,
  topics: FreeTopic[],
  spans: Map<FreeTopic, Span>,
): { span: Span; crowd: FreeTopic[]; open: number[] } | null {
  const years = openYears(problem);
  const all = topics.map((t) => spans.get(t) as Span).filter((s) => s.from <= s.to);
  const froms = [...new Set(all.map((s) => s.from))];
  const tos = [...new Set(all.map((s) => s.to))];
  let best: { span: Span; crowd: FreeTopic[]; open: number[]; shortfall: number } | null = null;
  for (const from of froms) {
    for (const to of tos) {
      if (to < from) continue;
      const span = { from, to };
      const crowd = topics.filter((t) => inside(spans.get(t) as Span, span));
      const open = years.filter((y) => y >= from && y <= to);
      const shortfall = crowd.length - open.length;
      const better =
        !best ||
        shortfall > best.shortfall ||
        (shortfall === best.shortfall && to - from < best.span.to - best.span.from);
      if (better) best = { span, crowd, open, shortfall };
    }
  }
  return best && best.shortfall > 0 ? best : null;
}

function inside(a: Span, b: Span): boolean {
  return a.from >= b.from && a.to <= b.to;
}

/** "only 5 meetings in those years can take a fixed topic: the 15th (2028), …; the 12th (2025) was already held" */
function meetingsPhrase(problem: Problem, span: Span, open: number[]): string {
  const within = (m: Meeting) => m.year !== null && m.year >= span.from && m.year <= span.to;
  const existing = problem.existing.flatMap((s) =>
    s.meeting && within(s.meeting) ? [describeMeeting(s.meeting)] : [],
  );
  const appended = open.filter((y) => y > problem.lastYear);
  const parts = [
    ...existing,
    ...(appended.length > 0 ? [sayCounted("appended", appended.length, { years: appended.join(", ") })] : []),
  ];
  const held = problem.plan.meetings.filter((m) => m.held && within(m));
  const away = withoutWhatIfTwins(problem.plan.meetings).filter((m) => !takesPlace(m) && within(m));
  const heldText =
    held.length > 0 ? sayCounted("held", held.length, { meetings: listPhrase(held.map(describeMeeting)) }) : "";
  const cancelledText =
    awayPhrase(
      "isCancelled",
      away.filter((m) => !m.postponed && !m.whatIfCancelled),
    ) +
    awayPhrase(
      "whatIfCancelled",
      away.filter((m) => m.whatIfCancelled),
    );
  const postponedText = awayPhrase(
    "isPostponed",
    away.filter((m) => m.postponed && !m.whatIfCancelled),
  );
  const count = open.length === 0 ? say("noOpen") : say("open", { meetings: countOf("meeting", open.length) });
  return `${count}${parts.length > 0 ? `: ${listPhrase(parts)}` : ""}${heldText}${cancelledText}${postponedText}`;
}

/** "; the 15th meeting (2028) is cancelled": each meeting named once, in the word of its Status cell. */
function awayPhrase(id: "isCancelled" | "isPostponed" | "whatIfCancelled", meetings: Meeting[]): string {
  const names = distinctNames(meetings);
  return names.length > 0 ? sayCounted(id, names.length, { meetings: listPhrase(names) }) : "";
}

/**
 * `between 2029 and 2032 for cluster 4 "…", whose review is expected to end in 2031 and in 2030 for cluster 2 "…", …`
 */
function windowsPhrase(topic: FreeTopic): string {
  return topic.windows.map(windowPhrase).join(say("and"));
}

function windowPhrase(window: ClusterWindow): string {
  return say("window", {
    years: yearsPhrase(window.from, window.to),
    cluster: describeCluster(window.cluster),
    end: reviewEnd(window),
  });
}

/** `the window of cluster 2 "Prevention", whose review is expected to end in 2030` */
function windowOfPhrase(window: ClusterWindow): string {
  return say("windowOf", { cluster: describeCluster(window.cluster), end: reviewEnd(window) });
}

/** "2032", or under a what-if "2032 in this what-if check": the workbook says otherwise. */
function reviewEnd({ cluster }: ClusterWindow): string {
  const year = cluster.expectedEnd;
  return year === cluster.expectedEndInWorkbook ? String(year) : say("whatIfEnd", { year });
}

/** "between 2029 and 2032" / "in 2030" */
function yearsPhrase(from: number, to: number): string {
  return from === to ? say("in", { year: from }) : say("between", { from, to });
}

/** "topic 4" / "topics 4 and 5" / "topics 4, 5 and 6" */
export function topicsPhrase(topics: readonly number[]): string {
  if (topics.length === 1) return say("topic", { topic: topics[0] ?? "" });
  return say("topics", {
    topics: topics.slice(0, -1).join(", "),
    last: topics[topics.length - 1] ?? "",
  });
}
