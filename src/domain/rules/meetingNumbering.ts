import { defineRule, capitalize, describeMeeting, withoutWhatIfTwins } from "../findings";
import { numberingCause, renumbering } from "../numbering";
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
    const changes = renumbering(plan);
    return [...changes].map(([meeting, number]) => {
      const cause = numberingCause(plan, meeting, changes);
      const freed = [...new Set(withoutWhatIfTwins(cause.freed).map(freedMeeting))];
      const params = { meeting: capitalize(describeMeeting(meeting)), n: ordinal(number) };
      return {
        at: meeting.at.ordinal,
        meeting,
        message:
          freed.length > 0 || !cause.from
            ? sayCount("numbering", freed.length, { ...params, freed: listPhrase(freed) })
            : say("numbering.gap", { ...params, from: describeMeeting(cause.from) }),
      };
    });
  },
});
