import { capitalize, defineRule, describeMeeting, meetingsByYear } from "../findings";
import type { DatedMeeting } from "../model";
import { say } from "../messages/findings";

export const meetingSequence = defineRule({
  id: "meeting-sequence",
  severity: "error",
  source: "P-annex table",
  summary: say("seq.rule"),
  check(plan) {
    const meetings = meetingsByYear(plan).filter((m): m is DatedMeeting & { ordinal: number } => m.ordinal !== null);
    return meetings.slice(1).flatMap((meeting, i) => {
      const before = meetings[i];
      if (!before || before.year === meeting.year || meeting.ordinal > before.ordinal) return [];
      return [
        {
          at: meeting.at.ordinal,
          meeting,
          message: say("seq", {
            meeting: capitalize(describeMeeting(meeting)),
            before: describeMeeting(before),
            n: before.ordinal,
          }),
        },
      ];
    });
  },
});
