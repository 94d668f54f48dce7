import { defineRule, capitalize, describeMeeting, takesPlace } from "../findings";
import { renumbering } from "../numbering";
import { ordinal } from "../parse";

export const meetingNumbering = defineRule({
  id: "meeting-numbering",
  severity: "info",
  source: "P-annex table",
  summary:
    "Among the meetings that take place, in year order, a planned meeting's number is not the one after the " +
    "previous meeting's: after a cancellation, the later meetings take the freed numbers.",
  check(plan) {
    const cancelled = plan.meetings.filter((m) => !takesPlace(m));
    return [...renumbering(plan)].map(([meeting, number]) => {
      const freed = cancelled.filter((m) => m.year !== null && meeting.year !== null && m.year <= meeting.year);
      return {
        at: meeting.at.ordinal,
        meeting,
        message:
          `${capitalize(describeMeeting(meeting))} would be the ${ordinal(number)} meeting: meetings are numbered ` +
          `as they are held, and ${freed.map(describeMeeting).join(", ")} ${freed.length === 1 ? "was" : "were"} ` +
          "cancelled. Renumber it, or leave the numbers for a proposal to set.",
      };
    });
  },
});
