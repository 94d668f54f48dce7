/**
 * How meetings are numbered (domain.md §2 meeting-numbering, §3): meetings are numbered as they
 * are held, so each planned meeting that takes place should carry the number after the previous
 * meeting that takes place, in year order, whether a cancelled row freed a number or the numbers
 * skip one. Held meetings keep their numbers; the first meeting keeps its own.
 */
import { meetingsByYear, takesPlace } from "./findings";
import type { Meeting, Plan } from "./model";

/** The number each meeting that takes place should carry, for those whose number would change. */
export function renumbering(plan: Plan): Map<Meeting, number> {
  const changes = new Map<Meeting, number>();
  // A meeting whose number or year cannot be read (an invalid-value) leaves the order unknown: no guess.
  if (plan.meetings.some((m) => takesPlace(m) && (m.ordinal === null || m.year === null))) return changes;
  let previous: number | null = null;
  for (const meeting of meetingsByYear(plan)) {
    if (meeting.held || previous === null) {
      previous = meeting.ordinal ?? previous;
      continue;
    }
    const number: number = previous + 1;
    if (meeting.ordinal !== number) changes.set(meeting, number);
    previous = number;
  }
  return changes;
}

/** Why a meeting is renumbered: the rows before it that do not take place, or the meeting its numbers run on from. */
export interface NumberingCause {
  /** Rows up to its year that do not take place (cancelled or postponed): they freed numbers. */
  freed: Meeting[];
  /** The latest earlier meeting that keeps its number: the numbers run on from it. */
  from: Meeting | null;
}

export function numberingCause(plan: Plan, meeting: Meeting, changes: Map<Meeting, number>): NumberingCause {
  const freed = plan.meetings.filter(
    (m) => !takesPlace(m) && m.year !== null && meeting.year !== null && m.year <= meeting.year,
  );
  const before = meetingsByYear(plan).filter((m) => m.year !== null && meeting.year !== null && m.year < meeting.year);
  const from = before.filter((m) => !changes.has(m)).pop() ?? null;
  return { freed, from };
}
