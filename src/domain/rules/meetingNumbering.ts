import { defineRule, capitalize, describeMeeting, distinctNames } from "../findings";
import { numberingCause, renumbering } from "../numbering";
import { ordinal } from "../parse";
import { say, sayCount } from "../messages/findings";
import { listPhrase } from "../wording";

export const meetingNumbering = defineRule({
  id: "meeting-numbering",
  severity: "info",
  source: "P-annex table",
  summary: say("numbering.rule"),
  check(plan) {
    const changes = renumbering(plan);
    return [...changes].map(([meeting, number]) => {
      const cause = numberingCause(plan, meeting, changes);
      const freed = distinctNames(cause.freed);
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
