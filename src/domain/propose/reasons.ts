/**
 * Why each topic moves, in the planners' words: the finding its move resolves, or the room it
 * makes for another topic, or the order of topics it keeps.
 */
import type { Meeting } from "../model";
import { articleList, describeMeeting, isDated, meetingsByYear, takesPlace } from "../findings";
import { describeCluster, describeReviewEnd } from "../windows";
import type { Outcome } from "./build";
import { flexibleCandidates } from "./flexible";
import type { FreeTopic, Problem } from "./problem";
import { meetingsInOrder } from "./problem";
import type { MeetingChange, TopicMove } from "./proposal";

interface Context {
  problem: Problem;
  outcome: Outcome;
  /** Proposed year of every topic with a known year, free or held. */
  yearOf: Map<number, number>;
}

export function topicMoves(problem: Problem, outcome: Outcome): TopicMove[] {
  const yearOf = new Map<number, number>();
  for (const held of problem.held) if (held.year !== null) yearOf.set(held.number, held.year);
  for (const [topic, meeting] of outcome.meetingOf) yearOf.set(topic, meeting.year);
  const context: Context = { problem, outcome, yearOf };
  return problem.free.flatMap((topic) => {
    const to = outcome.meetingOf.get(topic.number);
    const from = topic.current;
    if (!to || (from !== null && to === from)) return [];
    return [
      {
        topic: topic.number,
        from: from && { meeting: from.ordinal, year: from.year },
        to: { meeting: to.ordinal, year: to.year },
        reason: moveReason(context, topic),
      },
    ];
  });
}

function moveReason(context: Context, topic: FreeTopic): string {
  const from = topic.current;
  if (from === null) return "topic-unscheduled: it was at no meeting";
  if (from.year === null) return `it was at ${describeMeeting(from)}, whose year cannot be read`;
  if (!takesPlace(from)) return `meeting-cancelled: it was at ${describeMeeting(from)}, which is cancelled`;
  return (
    windowReason(topic, from.year, from) ??
    lastReason(context, topic) ??
    roomReason(context, from) ??
    orderReason(context, topic, from.year) ??
    "rescheduled with the other topics so that every topic keeps its cluster windows with the fewest changes"
  );
}

/** The cluster window it was outside of, if any. */
function windowReason(topic: FreeTopic, year: number, from: Meeting): string | null {
  const early = topic.windows.filter((w) => year < w.from).sort((a, b) => b.from - a.from)[0];
  if (early) {
    return (
      `cluster-too-early: the review of ${describeCluster(early.cluster)} ${describeReviewEnd(early.cluster)}, so ` +
      `the earliest acceptable year is ${early.from}; it was at ${describeMeeting(from)}`
    );
  }
  const late = topic.windows.filter((w) => year > w.to).sort((a, b) => a.to - b.to)[0];
  if (late) {
    return (
      `cluster-too-late: the review of ${describeCluster(late.cluster)} ${describeReviewEnd(late.cluster)}, so ` +
      `the latest acceptable year is ${late.to}; it was at ${describeMeeting(from)}`
    );
  }
  return null;
}

/** A "last" topic moves to stay at (or to get to) the last meeting with a fixed topic. */
function lastReason(context: Context, topic: FreeTopic): string | null {
  if (!topic.last) return null;
  const { plan } = context.problem;
  const crossCutting = articleList(
    plan.articles.filter((a) => a.last && a.topic === topic.number).map((a) => a.number),
  );
  const wasLast =
    meetingsByYear(plan)
      .filter((m) => m.topic !== null)
      .pop() === topic.current;
  if (!wasLast)
    return (
      `last-topic: ${crossCutting} is cross-cutting, so topic ${topic.number} must be at the last meeting with a ` +
      `fixed topic`
    );
  const before = latestOther(context, topic.number);
  return (
    `last-topic: topic ${topic.number} stays the last topic (${crossCutting} is ` +
    `cross-cutting)` +
    (before ? ` now that topic ${before.topic} is at ${proposedName(context.problem, before.meeting)}` : "")
  );
}

function latestOther(context: Context, topic: number): { topic: number; meeting: Meeting } | null {
  const others = [...context.outcome.topicAt].flatMap(([meeting, other]) =>
    other !== null && other !== topic && isDated(meeting) ? [{ topic: other, meeting }] : [],
  );
  return others.sort((a, b) => a.meeting.year - b.meeting.year).pop() ?? null;
}

/**
 * A meeting as the proposal numbers it: where a topic goes is named by its number in the proposed
 * timeline (after a cancellation the later meetings are renumbered); where it was, by the table's.
 */
function proposedName(problem: Problem, meeting: Meeting): string {
  const number = problem.numbers.get(meeting);
  return describeMeeting(number === undefined ? meeting : { ...meeting, ordinal: number });
}

/** Another topic now takes its meeting. */
function roomReason(context: Context, from: Meeting): string | null {
  const taker = context.outcome.topicAt.get(from);
  return taker == null ? null : `makes room for topic ${taker} at ${proposedName(context.problem, from)}`;
}

/** Staying would put it before a lower-numbered topic that had to move later (P§50(b)). */
function orderReason(context: Context, topic: FreeTopic, year: number): string | null {
  const before = [...context.yearOf].filter(([t, y]) => t < topic.number && y > year).sort(([a], [b]) => b - a)[0];
  if (!before) return null;
  const meeting = [...context.outcome.topicAt].find(([, t]) => t === before[0])?.[0];
  return (
    `topic-order: keeps the order of topics after ` +
    `topic ${before[0]}${meeting ? `, now at ${proposedName(context.problem, meeting)}` : ""}`
  );
}

/** Every meeting, current and proposed fixed topic, and why it changes. */
export function meetingChanges(problem: Problem, outcome: Outcome, moves: TopicMove[]): MeetingChange[] {
  const reasonOf = new Map(moves.map((m) => [m.topic, m.reason]));
  const rows = [...meetingsInOrder(problem.plan), ...outcome.appended];
  const candidates = flexibleCandidates(problem.plan, outcome);
  return rows.map((meeting) => {
    const appended = isAppended(outcome, meeting);
    const current = appended ? null : meeting.topic;
    const proposed = outcome.topicAt.get(meeting) ?? null;
    return {
      meeting: meeting.ordinal,
      year: meeting.year,
      held: meeting.held,
      appended,
      cancelled: !takesPlace(meeting),
      renumbered: problem.numbers.get(meeting) ?? null,
      current,
      proposed,
      reason: changeReason(problem, outcome, reasonOf, meeting, current, proposed),
      flexibleCandidates: candidates.get(meeting) ?? null,
    };
  });
}

function changeReason(
  problem: Problem,
  outcome: Outcome,
  reasonOf: Map<number, string>,
  meeting: Meeting,
  current: number | null,
  proposed: number | null,
): string | null {
  const appended = isAppended(outcome, meeting);
  if (proposed !== null) return current === proposed ? null : (reasonOf.get(proposed) ?? null);
  if (current !== null && !takesPlace(meeting)) return cancelledReason(problem, outcome, meeting, current);
  if (current !== null) return vacatedReason(problem, outcome, current);
  // An appended meeting without a fixed topic: the Working Group meets once a year.
  return appended ? "appended to keep one meeting a year; no fixed topic fits this year" : null;
}

/** A cancelled row loses its fixed topic: where that topic goes. */
function cancelledReason(problem: Problem, outcome: Outcome, meeting: Meeting, topic: number): string {
  const cancelled = `meeting-cancelled: ${describeMeeting(meeting)} is cancelled`;
  if (!problem.plan.topics.has(topic)) return `${cancelled}; topic ${topic} is not in the Topics table`;
  const held = problem.held.find((h) => h.number === topic);
  if (held) return `${cancelled}; topic ${topic} was already discussed at ${describeMeeting(held.meeting)}`;
  const to = outcome.meetingOf.get(topic);
  return to ? `${cancelled}; topic ${topic} moves to ${proposedName(problem, to)}` : cancelled;
}

/** Why a meeting loses its fixed topic and takes none. */
function vacatedReason(problem: Problem, outcome: Outcome, topic: number): string {
  const { plan } = problem;
  if (!plan.topics.has(topic)) return `topic-unknown: topic ${topic} is not in the Topics table`;
  const held = problem.held.find((h) => h.number === topic);
  if (held) return `topic-duplicate: topic ${topic} was already discussed at ${describeMeeting(held.meeting)}`;
  const to = outcome.meetingOf.get(topic);
  if (!to) return `topic ${topic} is left out`;
  // Its first meeting keeps it, so this meeting named it a second time.
  if (problem.free.find((t) => t.number === topic)?.current === to)
    return `topic-duplicate: topic ${topic} stays at ${proposedName(problem, to)}`;
  return `topic ${topic} moves to ${proposedName(problem, to)}`;
}

function isAppended(outcome: Outcome, meeting: Meeting): boolean {
  return outcome.appended.some((m) => m === meeting);
}
