import { defineRule, capitalize, describeMeeting, takesPlace } from "../findings";
import { renumbering } from "../numbering";
import { ordinal } from "../parse";
import { say, sayCount } from "../messages/findings";
import { listPhrase } from "../wording";
import type { Meeting } from "../model";

/** A meeting that does not take place; one cancelled by a what-if says so. */
function freedMeeting(meeting: Meeting): string {
  const described = describeMeeting(meeting);
  return meeting.whatIfCancelled ? say("numbering.whatIf", { meeting: described }) : described;
}

export const meetingNumbering = defineRule({
  id: "meeting-numbering",
  severity: "info",
  source: "P-annex table",
  summary: say("numbering.rule"),
  check(plan) {
    const cancelled = plan.meetings.filter((m) => !takesPlace(m));
    return [...renumbering(plan)].map(([meeting, number]) => {
      const freed = cancelled.filter((m) => m.year !== null && meeting.year !== null && m.year <= meeting.year);
      return {
        at: meeting.at.ordinal,
        meeting,
        message: sayCount("numbering", freed.length, {
          meeting: capitalize(describeMeeting(meeting)),
          n: ordinal(number),
          freed: listPhrase(freed.map(freedMeeting)),
        }),
      };
    });
  },
});
