/**
 * How meetings are numbered after a cancellation (domain.md §3): meetings are numbered as they
 * are held, so once a cancelled row has freed a number, each later planned meeting takes the
 * number after the previous meeting that takes place. Held meetings keep their numbers, and
 * meetings before the first cancelled row keep theirs: a gap with no cancellation is the planners'
 * own numbering, not ours to change.
 */
import { isDated, meetingsByYear, takesPlace } from "./findings";
import type { Meeting, Plan } from "./model";

/** The number each meeting that takes place should carry, for those whose number would change. */
export function renumbering(plan: Plan): Map<Meeting, number> {
  const changes = new Map<Meeting, number>();
  const cancelledYears = plan.meetings
    .filter(isDated)
    .filter((m) => !takesPlace(m))
    .map((m) => m.year);
  if (cancelledYears.length === 0) return changes;
  const firstCancelled = Math.min(...cancelledYears);
  let previous: number | null = null;
  for (const meeting of meetingsByYear(plan)) {
    const afterCancellation = meeting.year >= firstCancelled;
    if (meeting.held || !afterCancellation || previous === null) {
      previous = meeting.ordinal ?? previous;
      continue;
    }
    const number: number = previous + 1;
    if (meeting.ordinal !== number) changes.set(meeting, number);
    previous = number;
  }
  return changes;
}
