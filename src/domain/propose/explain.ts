/**
 * Why no clean plan exists, in words a planner can use: which topics cannot be placed, and the
 * windows and meetings that leave no room for them.
 */
import { articleList, capitalize as capital, describeMeeting } from "../findings";
import { describeCluster, type ClusterWindow } from "../windows";
import type { FreeTopic, Problem } from "./problem";

export interface Explanation {
  reason: string;
  unplaced: number[];
}

interface Span {
  from: number;
  to: number;
}

export function explain(problem: Problem): Explanation {
  return (
    emptyWindows(problem) ??
    tooFewMeetings(problem) ??
    lastTopicBlocked(problem) ?? { reason: "No clean plan exists for these windows and meetings.", unplaced: [] }
  );
}

/** Two or more free topics hold a cross-cutting "last" article: only one can be last. */
export function severalLast(problem: Problem): Explanation | null {
  const last = problem.free.filter((t) => t.last);
  if (last.length < 2) return null;
  const articles = last.map((t) =>
    articleList(problem.plan.articles.filter((a) => a.last && a.topic === t.number).map((a) => a.number)),
  );
  return {
    reason: `${capital(topicsPhrase(last.map((t) => t.number)))} each hold a cross-cutting article that must be discussed last (${articles.join("; ")}), but only one topic can be at the last meeting with a fixed topic: put those articles in one topic.`,
    unplaced: last.map((t) => t.number),
  };
}

/** A topic whose cluster windows do not overlap can be at no meeting. */
function emptyWindows(problem: Problem): Explanation | null {
  const empty = problem.free.filter((t) => t.window !== null && t.window.from > t.window.to);
  if (empty.length === 0) return null;
  const parts = empty.map(
    (t) => `topic ${t.number} must be discussed ${windowsPhrase(t)}, and no year is in all of them`,
  );
  return { reason: `${capital(parts.join("; "))}.`, unplaced: empty.map((t) => t.number) };
}

/** More topics must be discussed within some years than meetings in those years can take. */
function tooFewMeetings(problem: Problem): Explanation | null {
  const bounded = problem.free.filter((t) => !t.last && t.window !== null && t.window.from <= t.window.to);
  const accepted: FreeTopic[] = [];
  const unplaced: number[] = [];
  // Greedy in topic order over a matroid (sets of topics that fit together): it keeps the most
  // topics, preferring lower-numbered ones, so the unplaced are the fewest and highest-numbered.
  for (const topic of bounded) {
    if (fits(problem, [...accepted, topic].map(spanOf))) accepted.push(topic);
    else unplaced.push(topic.number);
  }
  if (unplaced.length === 0) return null;
  const span = tightestSpan(problem, bounded);
  const crowded = bounded.filter((t) => inside(spanOf(t), span));
  const open = openYears(problem, span);
  const byCluster = new Map(crowded.flatMap((t) => t.windows).map((w) => [w.cluster.number, w]));
  const windows = [...byCluster.values()].map(windowPhrase).join("; ");
  return {
    reason:
      `${capital(topicsPhrase(crowded.map((t) => t.number)))} must all be discussed ${yearsPhrase(span.from, span.to)} (${windows}), ` +
      `but only ${meetingsPhrase(problem, span, open)}. ${unplacedPhrase(unplaced)}`,
    unplaced,
  };
}

/** The topic that must be last cannot come after all the others within its own window. */
function lastTopicBlocked(problem: Problem): Explanation | null {
  const last = problem.free.find((t) => t.last);
  if (!last?.window) return null;
  const held = problem.latestHeldYear;
  const intro = `Topic ${last.number} must be at the last meeting with a fixed topic (its ${articleList(problem.plan.articles.filter((a) => a.last && a.topic === last.number).map((a) => a.number))} is cross-cutting) and must be discussed ${windowsPhrase(last)}`;
  if (held !== null && last.window.to <= held) {
    const meeting = problem.plan.meetings.find((m) => m.held && m.topic !== null && m.year === held);
    return {
      reason: `${intro}, but ${meeting ? describeMeeting(meeting) : `the meeting of ${held}`} was already held with a fixed topic.`,
      unplaced: [last.number],
    };
  }
  const end = last.window.to;
  const after = problem.free.filter((t) => !t.last && t.window !== null && t.window.from >= end).map((t) => t.number);
  const blocker =
    after.length > 0
      ? `${topicsPhrase(after)} cannot be discussed before ${end}`
      : `the other topics cannot all be discussed before ${end}`;
  return { reason: `${intro}, but ${blocker}.`, unplaced: [last.number] };
}

function spanOf(topic: FreeTopic): Span {
  return topic.window as Span;
}

function inside(a: Span, b: Span): boolean {
  return a.from >= b.from && a.to <= b.to;
}

/** Years that can take a fixed topic: existing planned meetings, and any year after the last meeting. */
function openYears(problem: Problem, span: Span): number[] {
  const existing = problem.existing.map((s) => s.year).filter((y) => y >= span.from && y <= span.to);
  const appended: number[] = [];
  for (let y = Math.max(span.from, problem.lastYear + 1); y <= span.to; y++) appended.push(y);
  return [...new Set([...existing, ...appended])].sort((a, b) => a - b);
}

/** Earliest-deadline-first: whether every span gets an open year of its own. */
function fits(problem: Problem, spans: Span[]): boolean {
  if (spans.length === 0) return true;
  const all = { from: Math.min(...spans.map((s) => s.from)), to: Math.max(...spans.map((s) => s.to)) };
  const waiting = [...spans].sort((a, b) => a.from - b.from);
  const ready: Span[] = [];
  for (const year of openYears(problem, all)) {
    while (waiting.length > 0 && (waiting[0] as Span).from <= year) ready.push(waiting.shift() as Span);
    if (ready.some((s) => s.to < year)) return false;
    ready.sort((a, b) => a.to - b.to);
    ready.shift(); // the topic whose window closes first takes this year
    if (waiting.length === 0 && ready.length === 0) return true;
  }
  return false;
}

/** The span of years with the largest shortfall of meetings (Hall's condition), tightest first. */
function tightestSpan(problem: Problem, topics: FreeTopic[]): Span {
  const froms = [...new Set(topics.map((t) => spanOf(t).from))];
  const tos = [...new Set(topics.map((t) => spanOf(t).to))];
  let best: { span: Span; shortfall: number } | null = null;
  for (const from of froms) {
    for (const to of tos) {
      if (to < from) continue;
      const span = { from, to };
      const shortfall = topics.filter((t) => inside(spanOf(t), span)).length - openYears(problem, span).length;
      const better =
        !best ||
        shortfall > best.shortfall ||
        (shortfall === best.shortfall && to - from < best.span.to - best.span.from);
      if (better) best = { span, shortfall };
    }
  }
  return (best as { span: Span }).span;
}

/** "5 meetings in those years can take a fixed topic: the 15th (2028), …; the 12th meeting (2025) was already held" */
function meetingsPhrase(problem: Problem, span: Span, open: number[]): string {
  const existing = problem.existing.flatMap((s) =>
    s.meeting && s.year >= span.from && s.year <= span.to ? [describeMeeting(s.meeting)] : [],
  );
  const appended = open.filter((y) => y > problem.lastYear);
  const parts = [
    ...existing,
    ...(appended.length > 0
      ? [`${appended.length === 1 ? "a meeting" : "meetings"} appended in ${appended.join(", ")}`]
      : []),
  ];
  const held = problem.plan.meetings.filter(
    (m) => m.held && m.year !== null && m.year >= span.from && m.year <= span.to,
  );
  const heldText =
    held.length > 0
      ? `; ${held.map(describeMeeting).join(", ")} ${held.length === 1 ? "was" : "were"} already held`
      : "";
  return `${open.length} ${open.length === 1 ? "meeting" : "meetings"} in those years can take a fixed topic${parts.length > 0 ? `: ${parts.join(", ")}` : ""}${heldText}`;
}

/** `between 2029 and 2032 for cluster 4 "…", whose review is expected to end in 2031 and in 2030 for cluster 2 "…", …` */
function windowsPhrase(topic: FreeTopic): string {
  return topic.windows.map(windowPhrase).join(" and ");
}

function windowPhrase(window: ClusterWindow): string {
  return `${yearsPhrase(window.from, window.to)} for ${describeCluster(window.cluster)}, whose review is expected to end in ${window.cluster.expectedEnd}`;
}

/** "between 2029 and 2032" / "in 2030" */
function yearsPhrase(from: number, to: number): string {
  return from === to ? `in ${from}` : `between ${from} and ${to}`;
}

/** "So one of them cannot be placed: the last of them in topic order, topic 9." */
function unplacedPhrase(unplaced: number[]): string {
  const count = unplaced.length === 1 ? "one of them" : `${unplaced.length} of them`;
  return `So ${count} cannot be placed: the last of them in topic order, ${topicsPhrase(unplaced)}.`;
}

/** "topic 4" / "topics 4 and 5" / "topics 4, 5 and 6" */
export function topicsPhrase(topics: readonly number[]): string {
  if (topics.length === 1) return `topic ${topics[0]}`;
  return `topics ${topics.slice(0, -1).join(", ")} and ${topics[topics.length - 1]}`;
}
