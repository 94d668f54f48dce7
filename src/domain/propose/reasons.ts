/**
 * Why each topic moves, in the planners' words: the finding its move resolves, or the room it
 * makes for another topic, or the order of topics it keeps.
 */
import type { Cluster, Meeting } from "../model";
import { articleList, describeMeeting, distinctNames, isDated, meetingsByYear, takesPlace } from "../findings";
import { numberingCause } from "../numbering";
import { ordinal } from "../parse";
import { listPhrase } from "../wording";
import { describeCluster, describeReviewEnd } from "../windows";
import type { Outcome } from "./build";
import { flexibleCandidates } from "./flexible";
import type { FreeTopic, Problem } from "./problem";
import { meetingsInOrder } from "./problem";
import type { MeetingChange, TopicMove } from "./proposal";
import { counter, sayer } from "../messages/proposal";
import { SOLVER_MESSAGES } from "../messages/solver";

const say = /* @__PURE__ */ sayer(SOLVER_MESSAGES);
const sayCounted = /* @__PURE__ */ counter(SOLVER_MESSAGES);

/** A reason the solver gives under a rule's id: "cluster-too-early: …" (the id stays as it is in every language). */
function ruled(rule: string, reason: string): string {
  return `${rule}: ${reason}`;
}

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
  if (from === null) return ruled("topic-unscheduled", say("atNoMeeting"));
  if (from.year === null) return say("yearUnread", { meeting: describeMeeting(from) });
  if (!takesPlace(from)) return ruled("meeting-cancelled", say("wasCancelled", { meeting: describeMeeting(from) }));
  return (
    windowReason(topic, from.year, from) ??
    lastReason(context, topic) ??
    roomReason(context, from) ??
    orderReason(context, topic, from.year) ??
    say("rescheduled")
  );
}

/** The cluster window it was outside of, if any. */
function windowReason(topic: FreeTopic, year: number, from: Meeting): string | null {
  const early = topic.windows.filter((w) => year < w.from).sort((a, b) => b.from - a.from)[0];
  if (early) {
    return ruled("cluster-too-early", say("early", windowParams(early.cluster, early.from, from)));
  }
  const late = topic.windows.filter((w) => year > w.to).sort((a, b) => a.to - b.to)[0];
  if (late) {
    return ruled("cluster-too-late", say("late", windowParams(late.cluster, late.to, from)));
  }
  return null;
}

function windowParams(cluster: Cluster, year: number, from: Meeting) {
  return {
    cluster: describeCluster(cluster),
    reviewEnd: describeReviewEnd(cluster),
    year,
    meeting: describeMeeting(from),
  };
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
  if (!wasLast) return ruled("last-topic", say("mustBeLast", { articles: crossCutting, topic: topic.number }));
  const before = latestOther(context, topic.number);
  const now = before
    ? say("nowThat", { topic: before.topic, meeting: proposedName(context.problem, before.meeting) })
    : "";
  return ruled("last-topic", say("staysLast", { topic: topic.number, articles: crossCutting, now }));
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
  return taker == null ? null : say("room", { topic: taker, meeting: proposedName(context.problem, from) });
}

/** Staying would put it before a lower-numbered topic that had to move later (P§50(b)). */
function orderReason(context: Context, topic: FreeTopic, year: number): string | null {
  const before = [...context.yearOf].filter(([t, y]) => t < topic.number && y > year).sort(([a], [b]) => b - a)[0];
  if (!before) return null;
  const meeting = [...context.outcome.topicAt].find(([, t]) => t === before[0])?.[0];
  const now = meeting ? say("nowAt", { meeting: proposedName(context.problem, meeting) }) : "";
  return ruled("topic-order", say("order", { topic: before[0], now }));
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
  if (proposed !== null && current === proposed) return numberingReason(problem, meeting);
  if (proposed !== null) return reasonOf.get(proposed) ?? null;
  if (current !== null && !takesPlace(meeting)) return cancelledReason(problem, outcome, meeting, current);
  if (current !== null) return vacatedReason(problem, outcome, current);
  // An appended meeting without a fixed topic: the Working Group meets once a year.
  return appended ? say("appendedRow") : numberingReason(problem, meeting);
}

/** A meeting that keeps its topic but takes another number: the cancelled rows or the numbers it follows. */
function numberingReason(problem: Problem, meeting: Meeting): string | null {
  const number = problem.numbers.get(meeting);
  if (number === undefined) return null;
  const cause = numberingCause(problem.plan, meeting, problem.numbers);
  const freed = distinctNames(cause.freed);
  const n = ordinal(number);
  const reason =
    freed.length > 0 || !cause.from
      ? sayCounted("numberedOn", freed.length, { n, freed: listPhrase(freed) })
      : say("numberedFrom", { n, from: describeMeeting(cause.from) });
  return ruled("meeting-numbering", reason);
}

/** A cancelled row loses its fixed topic: where that topic goes. */
function cancelledReason(problem: Problem, outcome: Outcome, meeting: Meeting, topic: number): string {
  const cancelled = ruled("meeting-cancelled", say("cancelled", { meeting: describeMeeting(meeting) }));
  if (!problem.plan.topics.has(topic)) return `${cancelled}; ${say("notInTopics", { topic })}`;
  const held = problem.held.find((h) => h.number === topic);
  if (held) return `${cancelled}; ${say("discussed", { topic, meeting: describeMeeting(held.meeting) })}`;
  const to = outcome.meetingOf.get(topic);
  return to ? `${cancelled}; ${say("movesTo", { topic, meeting: proposedName(problem, to) })}` : cancelled;
}

/** Why a meeting loses its fixed topic and takes none. */
function vacatedReason(problem: Problem, outcome: Outcome, topic: number): string {
  const { plan } = problem;
  if (!plan.topics.has(topic)) return ruled("topic-unknown", say("notInTopics", { topic }));
  const held = problem.held.find((h) => h.number === topic);
  if (held) return ruled("topic-duplicate", say("discussed", { topic, meeting: describeMeeting(held.meeting) }));
  const to = outcome.meetingOf.get(topic);
  if (!to) return say("leftOut", { topic });
  // Its first meeting keeps it, so this meeting named it a second time.
  if (problem.free.find((t) => t.number === topic)?.current === to)
    return ruled("topic-duplicate", say("stays", { topic, meeting: proposedName(problem, to) }));
  return say("movesTo", { topic, meeting: proposedName(problem, to) });
}

function isAppended(outcome: Outcome, meeting: Meeting): boolean {
  return outcome.appended.some((m) => m === meeting);
}
