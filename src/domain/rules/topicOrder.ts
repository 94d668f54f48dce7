import { defineRule, describeMeeting, meetingsWithKnownTopic } from "../findings";
import { say } from "../messages/findings";

export const topicOrder = defineRule({
  id: "topic-order",
  severity: "warning",
  source: "P§50(b)",
  summary: say("order.rule"),
  check(plan) {
    const meetings = meetingsWithKnownTopic(plan);
    return meetings.slice(1).flatMap((meeting, i) => {
      const before = meetings[i];
      if (!before || meeting.topic >= before.topic) return [];
      return [
        {
          at: meeting.at.topic,
          meeting,
          topic: meeting.topic,
          message: say("order", {
            topic: meeting.topic,
            meeting: describeMeeting(meeting),
            before: before.topic,
            beforeMeeting: describeMeeting(before),
          }),
        },
      ];
    });
  },
});
