import { defineRule, capitalize, describeTopic, meetingsTakingPlace, takesPlace } from "../findings";
import { say } from "../messages/findings";

export const topicUnscheduled = defineRule({
  id: "topic-unscheduled",
  severity: "error",
  source: "P§3",
  summary: say("unsched.rule"),
  check(plan) {
    const scheduled = new Set(meetingsTakingPlace(plan).map((m) => m.topic));
    // A topic left at a cancelled row is already a meeting-cancelled error: reporting it here too would say it twice.
    const atCancelled = new Set(plan.meetings.filter((m) => !takesPlace(m)).map((m) => m.topic));
    return [...plan.topics.values()]
      .filter((topic) => !scheduled.has(topic.number) && !atCancelled.has(topic.number))
      .map((topic) => ({
        at: topic.at,
        topic: topic.number,
        message: say("unsched", { topic: capitalize(describeTopic(plan, topic.number)) }),
      }));
  },
});
