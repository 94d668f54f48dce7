import type { Rule } from "../findings";
import { capitalize, describeTopic } from "../findings";

export const topicUnscheduled: Rule = {
  id: "topic-unscheduled",
  severity: "error",
  source: "P§3",
  summary: "A topic of the Topics table is at no meeting.",
  check(plan) {
    const scheduled = new Set(plan.meetings.map((m) => m.topic));
    return [...plan.topics.values()]
      .filter((topic) => !scheduled.has(topic.number))
      .map((topic) => ({
        at: topic.at,
        topic: topic.number,
        message: `${capitalize(describeTopic(plan, topic.number))} is not at any meeting: every topic needs a meeting so that the Working Group considers the full range of commitments under the Protocol.`,
      }));
  },
};
