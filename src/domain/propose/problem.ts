/**
 * The rescheduling problem read off a plan (docs/domain.md §3): which topics may still be
 * moved, the years each may take, the meetings that can take a fixed topic, and where every topic
 * is now. Nothing here decides; solve.ts does.
 */
import type { Meeting, Plan } from "../model";
import { meetingsByYear } from "../findings";
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
  /** Where it is now: the first meeting (in time) that names it, or null if none does. */
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
  meeting: Meeting | null;
}

export interface Problem {
  plan: Plan;
  /** In topic order. */
  free: FreeTopic[];
  held: HeldTopic[];
  /** Existing planned meetings with a readable year, in time order. */
  existing: Slot[];
  /** Year and number of the last existing meeting; appended meetings follow them. */
  lastYear: number;
  lastOrdinal: number;
  /** Latest year of a held meeting that has a fixed topic (a "last" topic must come after it). */
  latestHeldYear: number | null;
}

/** Meetings in time order, then those whose year cannot be read, in row order. */
export function meetingsInOrder(plan: Plan): Meeting[] {
  return [...meetingsByYear(plan), ...plan.meetings.filter((m) => m.year === null)];
}

export function readProblem(plan: Plan): Problem {
  const ordered = meetingsInOrder(plan);
  const held = heldTopics(plan, ordered);
  const heldNumbers = new Set(held.map((h) => h.number));
  const lastTopics = new Set(plan.articles.filter((a) => a.last && a.topic !== null).map((a) => a.topic as number));
  const free = [...plan.topics.keys()]
    .filter((n) => !heldNumbers.has(n))
    .sort((a, b) => a - b)
    .map((number) => freeTopic(plan, number, lastTopics.has(number), ordered));
  const dated = ordered.filter((m) => m.year !== null);
  const last = dated[dated.length - 1];
  const ordinals = plan.meetings.map((m) => m.ordinal).filter((o): o is number => o !== null);
  const heldYears = plan.meetings
    .filter((m) => m.held && m.topic !== null && m.year !== null)
    .map((m) => m.year as number);
  return {
    plan,
    free,
    held,
    existing: dated
      .filter((m) => !m.held)
      .map((meeting) => ({ year: meeting.year as number, ordinal: meeting.ordinal, meeting })),
    // With no dated meeting at all, the first appended meeting is in the "As of" year.
    lastYear: last?.year ?? plan.settings.asOf - 1,
    lastOrdinal: ordinals.length > 0 ? Math.max(...ordinals) : 0,
    latestHeldYear: heldYears.length > 0 ? Math.max(...heldYears) : null,
  };
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
  return { number, window, windows, last, current: ordered.find((m) => m.topic === number) ?? null };
}

/** Appended meeting k (1-based): one a year after the last meeting, numbered on. */
export function appendedSlot(problem: Problem, k: number): Slot {
  return { year: problem.lastYear + k, ordinal: problem.lastOrdinal + k, meeting: null };
}
