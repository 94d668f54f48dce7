import { defineRule, capitalize, describeMeeting, describeTopic, takesPlace } from "../findings";

export const meetingCancelled = defineRule({
  id: "meeting-cancelled",
  severity: "error",
  source: "P§49",
  summary: "A fixed topic sits at a cancelled meeting: it will not be discussed there.",
  check(plan) {
    return plan.meetings.flatMap((meeting) => {
      const { topic } = meeting;
      if (takesPlace(meeting) || topic === null) return [];
      return [
        {
          at: meeting.at.topic,
          meeting,
          topic,
          message:
            `${capitalize(describeTopic(plan, topic))} is at ${describeMeeting(meeting)}, which is cancelled: ` +
            "it will not be discussed there. Move it to a meeting that takes place (a proposal finds one), " +
            "or clear agenda item 3 of the cancelled row.",
        },
      ];
    });
  },
});
