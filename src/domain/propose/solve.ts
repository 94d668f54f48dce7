/**
 * The exact search for the best proposal (docs/domain.md §3).
 *
 * Meetings that can take a topic are visited in time order: the existing planned meetings, then
 * meetings appended one a year. A state is the set of topics already placed; from each state the
 * next meeting either stays without a fixed topic or takes one more topic. Costs are kept as
 * (inversions, years moved, topics moved, years of the topics in topic order) and compared in that
 * order; the number of appended meetings is fixed by the meeting at which the last topic is placed,
 * and the search stops at the first appended meeting that completes a plan.
 *
 * Why this is exact:
 * - Every cost is known the moment a topic is placed. Years moved and topics moved depend on the
 *   topic and the meeting only. An inversion is a pair (a < b) with a later than b: for a pair of
 *   topics both still to be placed it is counted when the later of them is placed, as
 *   "placed-before topics with a higher number", which the state determines; pairs with a held
 *   topic depend on the meeting's year only.
 * - So two partial plans that reach the same state at the same meeting have the same completions,
 *   and the one with the smaller cost so far stays smaller after any completion. For the final
 *   tie-break (lower-numbered topics earlier), the two partial plans place the same topics, so the
 *   first topic (in topic order) whose year differs is one they both placed: comparing their
 *   partial year vectors decides the full comparison too. Keeping the best partial plan per state
 *   therefore loses no optimum.
 * - States are compressed without loss: topics whose windows are identical are placed in topic
 *   order. If a < b had the same window and a were placed after b, swapping them keeps every
 *   window, the meetings used (so the appended meetings) and the last topic, and strictly lowers
 *   the inversions (swapping an inverted pair of a sequence removes 2k + 1 inversions, k ≥ 0).
 *   Inversions outrank years and moves, so no optimal plan has such a pair: a state is how many
 *   topics of each window group are placed, not which.
 * - The topic holding a "last" article is placed only when every other free topic is placed, at a
 *   meeting after the last held meeting with a fixed topic: it is then at the last meeting with
 *   a fixed topic, as the last-topic rule asks.
 * - Appended meetings beyond max(last existing year, latest window end) + (topics without a
 *   window) + 1 cannot be needed: past the window ends only topics without a window (and the last
 *   topic) can go, and a gap there could be closed, appending fewer meetings.
 *
 * The search checks an injected time budget (the domain has no clock) between layers and every
 * few hundred states. When it expires, the best complete plan found so far is returned marked
 * not proven optimal; without one, the caller falls back to a clean plan built greedily.
 */
import type { FreeTopic, Problem, Slot } from "./problem";
import { appendedSlot } from "./problem";

/** How long the search may run: asked now and then, never a clock of the domain's own. */
export interface Budget {
  expired(): boolean;
}

/** A budget that never runs out: the search is exact. */
export const UNLIMITED: Budget = { expired: () => false };

/** Share of a time limit the search may take: the rest is for the final check, the reasons and the output. */
export const SEARCH_SHARE = 0.8;

/**
 * The budget for a proposal that must be done within `seconds` on the caller's clock (milliseconds
 * that only move forward): the search stops at SEARCH_SHARE of the limit.
 */
export function budgetFor(seconds: number, clock: () => number): Budget {
  const deadline = clock() + seconds * 1000 * SEARCH_SHARE;
  return { expired: () => clock() > deadline };
}

/** Where each free topic goes, and what it costs. */
export interface Solution {
  /** False when the time budget ran out before the search could prove this plan the best. */
  proven: boolean;
  /** Meeting of each free topic, in the order of problem.free. */
  slots: Slot[];
  appended: number;
  /** Inversions involving at least one free topic (pairs of held topics are not counted here). */
  inversions: number;
  yearsMoved: number;
  moved: number;
}

interface Group {
  /** Indices into problem.free, in topic order. */
  members: number[];
  from: number;
  to: number;
  radix: number;
}

interface Node {
  key: number | string;
  counts: number[];
  placed: number;
  inversions: number;
  yearsMoved: number;
  moved: number;
  /** Year of each free topic placed so far (0 = not yet), in topic order: the tie-break. */
  years: Int32Array;
  parent: Node | null;
  topic: number;
  slot: Slot | null;
}

interface Candidate {
  parent: Node;
  group: number;
  topic: number;
  slot: Slot;
  inversions: number;
  yearsMoved: number;
  moved: number;
}

const ANY_YEAR = { from: -Infinity, to: Infinity };

export function solve(problem: Problem, budget: Budget = UNLIMITED): Solution | null {
  return new Search(problem, budget).run();
}

/** Budget checks inside a layer: every this many states. */
const CHECK_EVERY = 256;

class Search {
  private readonly free: FreeTopic[];
  private readonly groups: Group[];
  private readonly last: number | null;
  private readonly others: number;
  private readonly numericKeys: boolean;
  /** lessOrEqual[i][g]: members of group g whose number is at most topic i's. */
  private readonly lessOrEqual: number[][];
  private best: { node: Node; appended: number } | null = null;
  /** The budget ran out: the search stopped before it was exhaustive. */
  stopped = false;

  constructor(
    private readonly problem: Problem,
    private readonly budget: Budget,
  ) {
    this.free = problem.free;
    const lastTopics = this.free.flatMap((t, i) => (t.last ? [i] : []));
    if (lastTopics.length > 1) throw new Error("solve: more than one topic must be last");
    this.last = lastTopics[0] ?? null;
    this.groups = windowGroups(this.free);
    this.others = this.free.length - (this.last === null ? 0 : 1);
    let radix = 1;
    for (const group of this.groups) {
      group.radix = radix;
      radix *= group.members.length + 1;
    }
    this.numericKeys = radix <= Number.MAX_SAFE_INTEGER;
    this.lessOrEqual = this.free.map((t) =>
      this.groups.map((g) => g.members.filter((m) => (this.free[m] as FreeTopic).number <= t.number).length),
    );
  }

  run(): Solution | null {
    const root: Node = {
      key: this.numericKeys ? 0 : this.groups.map(() => 0).join(","),
      counts: this.groups.map(() => 0),
      placed: 0,
      inversions: 0,
      yearsMoved: 0,
      moved: 0,
      years: new Int32Array(this.free.length),
      parent: null,
      topic: -1,
      slot: null,
    };
    if (this.free.length === 0) return this.solution(root, 0);
    let layer: Node[] = [root];
    const slots = this.slots();
    for (let s = 0; s < slots.length && layer.length > 0 && !this.stopped; s++) {
      const slot = slots[s] as Slot;
      const appended = Math.max(0, slot.year - this.problem.lastYear);
      if (this.best && appended > this.best.appended) break;
      const next = new Map<number | string, Node>();
      for (let n = 0; n < layer.length && !this.outOfTime(n); n++) this.expand(layer[n] as Node, slot, appended, next);
      layer = this.alive([...next.values()], slots[s + 1]?.year ?? Infinity);
    }
    return this.best ? this.solution(this.best.node, this.best.appended) : null;
  }

  private outOfTime(n: number): boolean {
    if (n % CHECK_EVERY === 0 && this.budget.expired()) this.stopped = true;
    return this.stopped;
  }

  /** Existing planned meetings, then appended ones up to the horizon explained above. */
  private slots(): Slot[] {
    const ends = this.free.map((t) => t.window?.to ?? -Infinity);
    const unbounded = this.free.filter((t) => t.window === null).length;
    const horizon = Math.max(this.problem.lastYear, ...ends) + unbounded + 1;
    const appended = Array.from({ length: horizon - this.problem.lastYear }, (_, k) =>
      appendedSlot(this.problem, k + 1),
    );
    return [...this.problem.existing, ...appended];
  }

  private expand(node: Node, slot: Slot, appended: number, next: Map<number | string, Node>): void {
    this.offer(next, node);
    for (let g = 0; g < this.groups.length; g++) {
      const group = this.groups[g] as Group;
      const count = node.counts[g] as number;
      if (count === group.members.length || slot.year < group.from || slot.year > group.to) continue;
      const candidate = this.place(node, g, group.members[count] as number, slot);
      if (this.last === null && node.placed + 1 === this.others) this.complete(this.child(candidate), appended);
      else this.offerCandidate(next, candidate);
    }
    if (this.last !== null && node.placed === this.others && this.lastFits(slot)) {
      this.complete(this.child(this.place(node, -1, this.last, slot)), appended);
    }
  }

  private lastFits(slot: Slot): boolean {
    const topic = this.free[this.last as number] as FreeTopic;
    const window = topic.window ?? ANY_YEAR;
    const held = this.problem.latestHeldYear;
    return slot.year >= window.from && slot.year <= window.to && (held === null || slot.year > held);
  }

  /** The cost of putting free topic i at the slot, after the topics the node has placed. */
  private place(node: Node, group: number, i: number, slot: Slot): Candidate {
    const topic = this.free[i] as FreeTopic;
    let later = 0;
    const below = this.lessOrEqual[i] as number[];
    for (let g = 0; g < this.groups.length; g++)
      later += Math.max(0, (node.counts[g] as number) - (below[g] as number));
    const current = topic.current;
    return {
      parent: node,
      group,
      topic: i,
      slot,
      inversions: node.inversions + later + heldInversions(this.problem, topic.number, slot.year),
      yearsMoved: node.yearsMoved + (current?.year == null ? 0 : Math.abs(slot.year - current.year)),
      moved: node.moved + (slot.meeting !== null && slot.meeting === current ? 0 : 1),
    };
  }

  private child(c: Candidate): Node {
    const counts = c.parent.counts.slice();
    let key = c.parent.key;
    if (c.group >= 0) {
      counts[c.group] = (counts[c.group] as number) + 1;
      key = this.numericKeys ? (key as number) + (this.groups[c.group] as Group).radix : counts.join(",");
    }
    const years = c.parent.years.slice();
    years[c.topic] = c.slot.year;
    return {
      key,
      counts,
      placed: c.parent.placed + 1,
      inversions: c.inversions,
      yearsMoved: c.yearsMoved,
      moved: c.moved,
      years,
      parent: c.parent,
      topic: c.topic,
      slot: c.slot,
    };
  }

  private offer(next: Map<number | string, Node>, node: Node): void {
    const held = next.get(node.key);
    if (!held || compareNodes(node, held) < 0) next.set(node.key, node);
  }

  private offerCandidate(next: Map<number | string, Node>, c: Candidate): void {
    const key = this.numericKeys ? (c.parent.key as number) + (this.groups[c.group] as Group).radix : null;
    const held = key === null ? undefined : next.get(key);
    if (held && !candidateBeats(c, held)) return;
    const node = this.child(c);
    this.offer(next, node);
  }

  private complete(node: Node, appended: number): void {
    const best = this.best;
    if (!best || appended < best.appended || (appended === best.appended && compareNodes(node, best.node) < 0)) {
      this.best = { node, appended };
    }
  }

  /** Drops states that left a topic unplaced past the end of its window. */
  private alive(nodes: Node[], nextYear: number): Node[] {
    const closing = this.groups.flatMap((g, i) => (g.to < nextYear ? [i] : []));
    const lastTopic = this.last === null ? null : (this.free[this.last] as FreeTopic);
    if (lastTopic?.window && lastTopic.window.to < nextYear) return [];
    return nodes.filter((node) => closing.every((g) => node.counts[g] === (this.groups[g] as Group).members.length));
  }

  private solution(node: Node, appended: number): Solution {
    const slots: Slot[] = new Array<Slot>(this.free.length);
    for (let n: Node | null = node; n && n.slot; n = n.parent) slots[n.topic] = n.slot;
    return {
      proven: !this.stopped,
      slots,
      appended,
      inversions: node.inversions,
      yearsMoved: node.yearsMoved,
      moved: node.moved,
    };
  }
}

/** Topics other than the last one, grouped by identical window, each group in topic order. */
function windowGroups(free: FreeTopic[]): Group[] {
  const groups = new Map<string, Group>();
  free.forEach((topic, i) => {
    if (topic.last) return;
    const window = topic.window ?? ANY_YEAR;
    const key = `${window.from}:${window.to}`;
    const group = groups.get(key) ?? { members: [], from: window.from, to: window.to, radix: 0 };
    group.members.push(i);
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Inversions between a topic at a year and the topics already held. */
export function heldInversions(problem: Problem, topic: number, year: number): number {
  let count = 0;
  for (const held of problem.held) {
    if (held.year === null) continue;
    if ((held.number < topic && held.year > year) || (held.number > topic && held.year < year)) count++;
  }
  return count;
}

function compareNodes(a: Node, b: Node): number {
  return (
    a.inversions - b.inversions || a.yearsMoved - b.yearsMoved || a.moved - b.moved || compareYears(a.years, b.years)
  );
}

function compareYears(a: Int32Array, b: Int32Array): number {
  for (let i = 0; i < a.length; i++) {
    const d = (a[i] as number) - (b[i] as number);
    if (d !== 0) return d;
  }
  return 0;
}

/** Whether a candidate beats the node already kept for its state, without building it. */
function candidateBeats(c: Candidate, held: Node): boolean {
  const d = c.inversions - held.inversions || c.yearsMoved - held.yearsMoved || c.moved - held.moved;
  if (d !== 0) return d < 0;
  const years = c.parent.years;
  for (let i = 0; i < years.length; i++) {
    const a = i === c.topic ? c.slot.year : (years[i] as number);
    const b = held.years[i] as number;
    if (a !== b) return a < b;
  }
  return false;
}
