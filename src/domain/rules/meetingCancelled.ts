import { defineRule, capitalize, describeMeeting, describeTopic, takesPlace } from "../findings";
import { say } from "../messages/findings";

export const meetingCancelled = defineRule({
  id: "meeting-cancelled",
  severity: "error",
  source: "P§49",
  summary: say("cancelled.rule"),
  check(plan) {
    return plan.meetings.flatMap((meeting) => {
      const { topic } = meeting;
      if (takesPlace(meeting) || topic === null) return [];
      return [
        {
          at: meeting.at.topic,
          meeting,
          topic,
          message: say(meeting.whatIfCancelled ? "cancelled.whatIf" : meeting.postponed ? "postponed" : "cancelled", {
            topic: capitalize(describeTopic(plan, topic)),
            meeting: describeMeeting(meeting),
          }),
        },
      ];
    });
  },
});
