/**
 * The proposed plan: the same plan with the solution's topics at its meetings, planned meetings
 * renumbered after a cancellation, cancelled rows without a fixed topic, appended meetings added.
 */
import { rowsBelow } from "../cellRef";
import { takesPlace } from "../findings";
import { WORKPLAN } from "../layout";
import type { DatedMeeting, Meeting, Plan, Where } from "../model";
import type { Problem, Slot } from "./problem";
import type { Solution } from "./solve";

export interface Outcome {
  plan: Plan;
  /** The new meetings, in time order. */
  appended: DatedMeeting[];
  /** Proposed fixed topic of every meeting of the proposed plan. */
  topicAt: Map<Meeting, number | null>;
  /** The proposed meeting of each free topic, by topic number. */
  meetingOf: Map<number, DatedMeeting>;
}

export function buildOutcome(problem: Problem, solution: Solution): Outcome {
  const { plan } = problem;
  const appended = Array.from({ length: solution.appended }, (_, k) => appendedMeeting(problem, k + 1));
  const appendedIn = new Map(appended.map((m) => [m.year, m]));
  const meetingForSlot = (slot: Slot): DatedMeeting | undefined => slot.meeting ?? appendedIn.get(slot.year);
  const meetingOf = new Map<number, DatedMeeting>();
  problem.free.forEach((topic, i) => {
    const slot = solution.slots[i];
    const meeting = slot && meetingForSlot(slot);
    if (meeting) meetingOf.set(topic.number, meeting);
  });
  const placed = new Map<Meeting, number>([...meetingOf].map(([topic, meeting]) => [meeting, topic]));
  // Held meetings keep what they had; every other meeting takes what the solution puts there, or nothing.
  const rows = [...plan.meetings, ...appended].map((m): [Meeting, Meeting] => [
    m,
    proposedMeeting(problem, m, placed.get(m) ?? null),
  ]);
  const topicAt = new Map<Meeting, number | null>(rows.map(([m, proposed]) => [m, proposed.topic]));
  return { plan: { ...plan, meetings: rows.map(([, proposed]) => proposed) }, appended, topicAt, meetingOf };
}

function proposedMeeting(problem: Problem, meeting: Meeting, topic: number | null): Meeting {
  if (meeting.held) return meeting;
  if (!takesPlace(meeting)) return { ...meeting, topic: null };
  return { ...meeting, topic, ordinal: problem.numbers.get(meeting) ?? meeting.ordinal };
}

/** Appended meeting k: a planned row under the Workplan table, one a year after the last, numbered on. */
function appendedMeeting(problem: Problem, k: number): DatedMeeting {
  const rows = problem.plan.meetings;
  const below = rows.reduce<Meeting | null>((last, m) => (last === null || m.row > last.row ? m : last), null);
  const shift = (at: Where | undefined): Where =>
    at ? rowsBelow(at, k) : { sheet: WORKPLAN.sheet, row: 0, column: 0 };
  return {
    row: (below?.row ?? -1) + k,
    ordinal: problem.lastOrdinal + k,
    year: problem.lastYear + k,
    status: "planned",
    held: false,
    flexible: null,
    topic: null,
    at: {
      ordinal: shift(below?.at.ordinal),
      year: shift(below?.at.year),
      flexible: below?.at.flexible ? shift(below.at.flexible) : null,
      topic: shift(below?.at.topic),
    },
  };
}
