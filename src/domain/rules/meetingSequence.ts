import { capitalize, defineRule, describeMeeting, meetingsByYear } from "../findings";
import type { DatedMeeting } from "../model";

export const meetingSequence = defineRule({
  id: "meeting-sequence",
  severity: "error",
  source: "P-annex table",
  summary: "Meeting numbers do not increase with the years.",
  check(plan) {
    const meetings = meetingsByYear(plan).filter((m): m is DatedMeeting & { ordinal: number } => m.ordinal !== null);
    return meetings.slice(1).flatMap((meeting, i) => {
      const before = meetings[i];
      if (!before || before.year === meeting.year || meeting.ordinal > before.ordinal) return [];
      return [
        {
          at: meeting.at.ordinal,
          meeting,
          message:
            `${capitalize(describeMeeting(meeting))} comes after ${describeMeeting(before)} in time, ` +
            `so its number should be higher than ${before.ordinal}.`,
        },
      ];
    });
  },
});
