/**
 * The smallest set of topics whose removal leaves a clean plan possible (domain.md §3), exactly.
 *
 * Which sets of topics can be planned together is a matching question: each topic needs a year of
 * its own inside its window, among the years that can take a fixed topic (the planned meetings,
 * and any year after the last meeting, where meetings are appended). Topics whose windows have no
 * year in common can never be planned and are always removed. The sets of the other topics that
 * can be matched are the independent sets of a transversal matroid, so keeping topics greedily in
 * topic order keeps the most, and of all largest sets the one that keeps the lower-numbered
 * topics (the matroid greedy algorithm). The topic that must be last (a cross-cutting article)
 * either goes too, or takes some year y after every held meeting with a fixed topic, and then all
 * the others must fit before y: one matroid per y. The answer is the best over these choices;
 * removing a topic never makes planning harder, so nothing smaller exists.
 */
import type { FreeTopic, Problem } from "./problem";

export interface Span {
  from: number;
  to: number;
}

export interface Removal {
  /** Topic numbers to leave out, ascending. */
  topics: number[];
  /** Topics whose windows have no year in common. */
  empty: FreeTopic[];
  /** The topic that must be last, when it is left out. */
  lastLeftOut: FreeTopic | null;
  /** Where the topic that must be last goes when it stays: the others must fit before this year. */
  lastYear: number | null;
  /** The other topics left out because the years cannot take them all. */
  crowdedOut: FreeTopic[];
  /** The topics that compete for years (neither empty nor last), with their spans as this choice clips them. */
  spans: Map<FreeTopic, Span>;
}

export function smallestRemoval(problem: Problem): Removal {
  const empty = problem.free.filter((t) => t.window !== null && t.window.from > t.window.to);
  const last = problem.free.find((t) => t.last && !empty.includes(t)) ?? null;
  const others = problem.free.filter((t) => !t.last && !empty.includes(t));
  const years = openYears(problem);
  const choice = (lastYear: number | null, lastLeftOut: FreeTopic | null): Removal => {
    const spans = new Map(others.map((t) => [t, clip(t, years, lastYear)]));
    const crowdedOut = greedyLeftOut(others, spans, years);
    const topics = [...empty, ...(lastLeftOut ? [lastLeftOut] : []), ...crowdedOut].map((t) => t.number);
    return { topics: topics.sort((a, b) => a - b), empty, lastLeftOut, lastYear, crowdedOut, spans };
  };
  if (last === null) return choice(null, null);
  // The latest year for the last topic clips the others least: when all fit before it, nothing is removed.
  const latest = lastYears(problem, last, years).pop();
  if (latest !== undefined && empty.length === 0) {
    const kept = choice(latest, null);
    if (kept.topics.length === 0) return kept;
  }
  let best = choice(null, last);
  for (const year of lastYears(problem, last, years)) {
    const kept = choice(year, null);
    if (better(kept.topics, best.topics)) best = kept;
  }
  return best;
}

/** Fewer topics first; then the set that keeps the lowest-numbered topic where the two differ. */
function better(a: number[], b: number[]): boolean {
  if (a.length !== b.length) return a.length < b.length;
  const inA = new Set(a);
  const inB = new Set(b);
  const first = [...a, ...b].filter((t) => inA.has(t) !== inB.has(t)).sort((x, y) => x - y)[0];
  return first !== undefined && inB.has(first);
}

/**
 * Years that can take a fixed topic: the planned meetings, then every year after the last meeting
 * up to a horizon past which no topic gains a year (the latest window end, one more per topic).
 */
export function openYears(problem: Problem): number[] {
  const ends = problem.free.map((t) => (t.window ? t.window.to : -Infinity));
  const horizon = Math.max(problem.lastYear, ...ends) + problem.free.length + 1;
  const years = new Set(problem.existing.map((s) => s.year));
  for (let y = problem.lastYear + 1; y <= horizon; y++) years.add(y);
  return [...years].sort((a, b) => a - b);
}

/** A topic's years (its window, or the open years), ending before the last topic's year when it has one. */
function clip(topic: FreeTopic, years: number[], lastYear: number | null): Span {
  const from = topic.window?.from ?? years[0] ?? 0;
  const to = Math.min(topic.window?.to ?? years[years.length - 1] ?? 0, lastYear === null ? Infinity : lastYear - 1);
  return { from, to };
}

/** The years where the topic that must be last can go: in its window, after every held meeting with a fixed topic. */
function lastYears(problem: Problem, last: FreeTopic, years: number[]): number[] {
  const held = problem.latestHeldYear ?? -Infinity;
  const window = last.window ?? { from: -Infinity, to: Infinity };
  return years.filter((y) => y > held && y >= window.from && y <= window.to);
}

/** Matroid greedy in topic order: the topics that do not fit with those kept before them. */
function greedyLeftOut(topics: FreeTopic[], spans: Map<FreeTopic, Span>, years: number[]): FreeTopic[] {
  // When they all fit, nothing is left out (the usual case, checked once).
  if (fits([...spans.values()], years)) return [];
  const kept: Span[] = [];
  const left: FreeTopic[] = [];
  for (const topic of topics) {
    const span = spans.get(topic) as Span;
    if (fits([...kept, span], years)) kept.push(span);
    else left.push(topic);
  }
  return left;
}

/** Earliest-deadline-first: whether every span gets an open year of its own. */
export function fits(spans: Span[], years: number[]): boolean {
  const waiting = [...spans].sort((a, b) => a.from - b.from);
  const ready: Span[] = [];
  let next = 0;
  for (const year of years) {
    while (next < waiting.length && (waiting[next] as Span).from <= year) ready.push(waiting[next++] as Span);
    if (ready.some((s) => s.to < year)) return false;
    if (ready.length === 0) continue;
    ready.sort((a, b) => a.to - b.to);
    ready.shift();
  }
  return next === waiting.length && ready.length === 0;
}
