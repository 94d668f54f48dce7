/**
 * Test oracle: the best proposal by exhaustive search, written from docs/domain.md §3
 * without any code of src/domain/propose. It tries every way of giving each topic that was not
 * held a distinct planned or appended meeting, keeps those that satisfy the hard conditions, and
 * takes the least by (appended meetings, inversions, years moved, topics moved, years of the
 * topics in topic order). The only pruning is "a partial plan already worse than the best", which
 * is safe because every cost only grows as topics are added.
 *
 * Conventions shared with the solver (decisions of the model, not of the algorithm):
 * - a topic is held when a held meeting names it; it stays there, and counts in inversions at the
 *   year of the first held meeting that names it; held topics are never "moved";
 * - a topic's current meeting is the first meeting (in time) that names it; a topic at no meeting
 *   moves 0 years but counts as moved;
 * - appended meetings are the years after the last meeting, one a year, and a plan appends up to
 *   the last of them that takes a topic;
 * - a cancelled row is no meeting (§3): it takes no topic and has no year for the rules, so the
 *   last meeting is the last one that takes place; a topic named only at a cancelled row is now
 *   there (its years moved count from that row's year), and it can never stay.
 */
import type { Meeting, Plan } from "../../../src/domain/model";

export interface Objective {
  appended: number;
  inversions: number;
  yearsMoved: number;
  moved: number;
  /** Proposed year of each topic not held, in topic order. */
  years: number[];
}

interface Free {
  number: number;
  from: number;
  to: number;
  last: boolean;
  current: Meeting | null;
}

interface Option {
  year: number;
  meeting: Meeting | null;
}

export function bruteForce(plan: Plan): Objective | null {
  const rows = plan.meetings.filter((m) => m.year !== null).sort((a, b) => (a.year as number) - (b.year as number));
  const dated = rows.filter((m) => m.status !== "cancelled");
  const heldYear = new Map<number, number>();
  for (const m of dated)
    if (m.held && m.topic !== null && plan.topics.has(m.topic) && !heldYear.has(m.topic))
      heldYear.set(m.topic, m.year as number);
  const latestHeld = Math.max(
    -Infinity,
    ...dated.filter((m) => m.held && m.topic !== null).map((m) => m.year as number),
  );
  const free = [...plan.topics.keys()]
    .filter((t) => !heldYear.has(t) && !plan.meetings.some((m) => m.held && m.topic === t))
    .sort((a, b) => a - b)
    .map((t) => freeTopic(plan, t, dated, rows));
  if (free.filter((t) => t.last).length > 1) return null;
  const lastYear = dated.length > 0 ? (dated[dated.length - 1]?.year as number) : plan.settings.asOf - 1;
  const planned: Option[] = dated.filter((m) => !m.held).map((m) => ({ year: m.year as number, meeting: m }));
  const maxTo = Math.max(lastYear, ...free.map((t) => (Number.isFinite(t.to) ? t.to : -Infinity)));
  const maxAppended = maxTo - lastYear + free.length;
  const appendedOptions = (n: number): Option[] =>
    Array.from({ length: n }, (_, k) => ({ year: lastYear + k + 1, meeting: null }));
  // More appended meetings only add options, so if even the most cannot match every topic to its
  // own meeting (Hall's condition fails for some set of topics), no number of them can.
  if (!hall(free, [...planned, ...appendedOptions(maxAppended)])) return null;
  for (let appended = 0; appended <= maxAppended; appended++) {
    const best = search(free, [...planned, ...appendedOptions(appended)], heldYear, latestHeld, appended, lastYear);
    if (best) return best;
  }
  return null;
}

/** Every set of topics has at least as many meetings inside their windows as it has topics. */
function hall(free: Free[], options: Option[]): boolean {
  for (let set = 1; set < 1 << free.length; set++) {
    const topics = free.filter((_, i) => set & (1 << i));
    const years = new Set(
      options.filter((o) => topics.some((t) => o.year >= t.from && o.year <= t.to)).map((o) => o.year),
    );
    if (years.size < topics.length) return false;
  }
  return true;
}

function freeTopic(plan: Plan, number: number, dated: Meeting[], rows: Meeting[]): Free {
  const { earliest, latest } = plan.settings;
  let from = -Infinity;
  let to = Infinity;
  for (const article of plan.articles) {
    if (article.topic !== number || article.cluster === null) continue;
    const cluster = plan.clusters.get(article.cluster);
    if (!cluster) continue;
    from = Math.max(from, cluster.expectedEnd - (earliest as number));
    to = Math.min(to, cluster.expectedEnd + (latest as number));
  }
  const last = plan.articles.some((a) => a.topic === number && a.last);
  const undated = plan.meetings.filter((m) => m.year === null);
  const current =
    [...dated, ...undated.filter((m) => m.status !== "cancelled")].find((m) => m.topic === number) ??
    [...rows, ...undated].find((m) => m.topic === number) ??
    null;
  return { number, from, to, last, current };
}

function search(
  free: Free[],
  options: Option[],
  heldYear: Map<number, number>,
  latestHeld: number,
  appended: number,
  lastYear: number,
): Objective | null {
  let best: Objective | null = null;
  // Visit the "last" topic first, then the narrowest windows: the same plans, found sooner.
  const order = free
    .map((_, i) => i)
    .sort(
      (a, b) =>
        Number((free[b] as Free).last) - Number((free[a] as Free).last) ||
        width(free[a] as Free) - width(free[b] as Free) ||
        a - b,
    );
  const chosen: (Option | undefined)[] = free.map(() => undefined);
  const used = new Set<Option>();
  let lastYearOfPlan = Infinity;
  const visit = (k: number): void => {
    const partial = cost(free, chosen, heldYear, appended);
    if (best && compare(partial, best, false) > 0) return;
    if (k === order.length) {
      if (appended > 0 && !chosen.some((o) => o?.year === lastYear + appended)) return;
      if (!best || compare(partial, best, true) < 0) best = partial;
      return;
    }
    const i = order[k] as number;
    const topic = free[i] as Free;
    for (const option of options) {
      if (used.has(option) || option.year < topic.from || option.year > topic.to) continue;
      // The topic with a "last" article: after every held meeting with a fixed topic and every other topic.
      if (topic.last ? option.year <= latestHeld : option.year >= lastYearOfPlan) continue;
      used.add(option);
      chosen[i] = option;
      if (topic.last) lastYearOfPlan = option.year;
      visit(k + 1);
      if (topic.last) lastYearOfPlan = Infinity;
      chosen[i] = undefined;
      used.delete(option);
    }
  };
  visit(0);
  return best;
}

function width(topic: Free): number {
  return topic.to - topic.from;
}

/** Costs of the topics placed so far (a partial plan's costs only grow as topics are added). */
function cost(
  free: Free[],
  chosen: (Option | undefined)[],
  heldYear: Map<number, number>,
  appended: number,
): Objective {
  const yearOf = new Map(heldYear);
  let yearsMoved = 0;
  let moved = 0;
  free.forEach((t, i) => {
    const option = chosen[i];
    if (!option) return;
    yearOf.set(t.number, option.year);
    if (t.current?.year != null) yearsMoved += Math.abs(option.year - t.current.year);
    if (option.meeting === null || option.meeting !== t.current) moved++;
  });
  let inversions = 0;
  for (const [a, ya] of yearOf) for (const [b, yb] of yearOf) if (a < b && ya > yb) inversions++;
  return { appended, inversions, yearsMoved, moved, years: chosen.map((o) => o?.year ?? 0) };
}

/** Lexicographic; without the year vector when comparing a partial plan against the best. */
export function compare(a: Objective, b: Objective, withYears: boolean): number {
  const d = a.appended - b.appended || a.inversions - b.inversions || a.yearsMoved - b.yearsMoved || a.moved - b.moved;
  if (d !== 0 || !withYears) return d;
  for (let i = 0; i < a.years.length; i++) {
    const e = (a.years[i] as number) - (b.years[i] as number);
    if (e !== 0) return e;
  }
  return 0;
}
