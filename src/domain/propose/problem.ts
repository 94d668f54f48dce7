/**
 * The rescheduling problem read off a plan (docs/domain.md §3): which topics may still be
 * moved, the years each may take, the meetings that can take a fixed topic, and where every topic
 * is now. Nothing here decides; solve.ts does.
 */
import type { DatedMeeting, Meeting, Plan } from "../model";
import { inTopic, isDated, rowsByYear, takesPlace } from "../findings";
import { renumbering } from "../numbering";
import { topicWindows, type ClusterWindow } from "../windows";

/** A topic the proposal may place: one not discussed at a held meeting. */
export interface FreeTopic {
  number: number;
  /** Intersection of its cluster windows; null when no article of it has a cluster. */
  window: { from: number; to: number } | null;
  /** The windows it was intersected from, for explanations. */
  windows: ClusterWindow[];
  /** Holds a cross-cutting "last" article: it must be at the last meeting with a fixed topic. */
  last: boolean;
  /**
   * Where it is now: the first meeting (in time) that takes place and names it, else the first
   * cancelled row that names it, or null if no row does.
   */
  current: Meeting | null;
}

/** A topic already discussed: it stays where it was held. */
export interface HeldTopic {
  number: number;
  meeting: Meeting;
  /** Null when the held meeting's year cannot be read. */
  year: number | null;
}

/** A meeting that can take a fixed topic: an existing planned meeting or one appended. */
export interface Slot {
  year: number;
  ordinal: number | null;
  /** The existing meeting; null for a meeting the proposal appends. */
  meeting: DatedMeeting | null;
}

export interface Problem {
  plan: Plan;
  /** In topic order. */
  free: FreeTopic[];
  held: HeldTopic[];
  /** Existing planned meetings with a readable year, in time order. */
  existing: Slot[];
  /** Year and (proposed) number of the last meeting that takes place; appended meetings follow them. */
  lastYear: number;
  lastOrdinal: number;
  /** The new number of each planned meeting that a cancellation renumbers (numbering.ts). */
  numbers: Map<Meeting, number>;
  /** Latest year of a held meeting that has a fixed topic (a "last" topic must come after it). */
  latestHeldYear: number | null;
}

/** Every row in time order (cancelled rows included), then those whose year cannot be read, in row order. */
export function meetingsInOrder(plan: Plan): Meeting[] {
  return rowsByYear(plan);
}

export function readProblem(plan: Plan): Problem {
  const ordered = meetingsInOrder(plan);
  const held = heldTopics(plan, ordered);
  const heldNumbers = new Set(held.map((h) => h.number));
  const lastTopics = new Set(
    plan.articles
      .filter(inTopic)
      .filter((a) => a.last)
      .map((a) => a.topic),
  );
  const free = [...plan.topics.keys()]
    .filter((n) => !heldNumbers.has(n))
    .sort((a, b) => a - b)
    .map((number) => freeTopic(plan, number, lastTopics.has(number), ordered));
  const dated = ordered.filter(isDated).filter(takesPlace);
  const last = dated[dated.length - 1];
  const numbers = renumbering(plan);
  const numberOf = (m: Meeting) => numbers.get(m) ?? m.ordinal;
  const heldYears = plan.meetings
    .filter(isDated)
    .filter((m) => m.held && m.topic !== null)
    .map((m) => m.year);
  return {
    plan,
    free,
    held,
    existing: dated
      .filter((m) => !m.held)
      .map((meeting) => ({ year: meeting.year, ordinal: numberOf(meeting), meeting })),
    // With no dated meeting at all, the first appended meeting is in the "As of" year.
    lastYear: last?.year ?? plan.settings.asOf - 1,
    lastOrdinal: lastOrdinal(plan, numberOf),
    numbers,
    latestHeldYear: heldYears.length > 0 ? Math.max(...heldYears) : null,
  };
}

/** The highest number of a meeting that takes place; with none, the number before the first freed one. */
function lastOrdinal(plan: Plan, numberOf: (m: Meeting) => number | null): number {
  const taking = plan.meetings.filter(takesPlace).map(numberOf);
  const numbers = taking.filter((o): o is number => o !== null);
  if (numbers.length > 0) return Math.max(...numbers);
  const freed = plan.meetings.map((m) => m.ordinal).filter((o): o is number => o !== null);
  return freed.length > 0 ? Math.min(...freed) - 1 : 0;
}

/** Topics of the Topics table at a held meeting, each at the first held meeting that names it. */
function heldTopics(plan: Plan, ordered: Meeting[]): HeldTopic[] {
  const held = new Map<number, HeldTopic>();
  for (const meeting of ordered) {
    const topic = meeting.topic;
    if (!meeting.held || topic === null || !plan.topics.has(topic) || held.has(topic)) continue;
    held.set(topic, { number: topic, meeting, year: meeting.year });
  }
  return [...held.values()].sort((a, b) => a.number - b.number);
}

function freeTopic(plan: Plan, number: number, last: boolean, ordered: Meeting[]): FreeTopic {
  const windows = topicWindows(plan, number);
  const window =
    windows.length === 0
      ? null
      : { from: Math.max(...windows.map((w) => w.from)), to: Math.min(...windows.map((w) => w.to)) };
  const current =
    ordered.find((m) => m.topic === number && takesPlace(m)) ?? ordered.find((m) => m.topic === number) ?? null;
  return { number, window, windows, last, current };
}

/** Appended meeting k (1-based): one a year after the last meeting, numbered on. */
export function appendedSlot(problem: Problem, k: number): Slot {
  return { year: problem.lastYear + k, ordinal: problem.lastOrdinal + k, meeting: null };
}
