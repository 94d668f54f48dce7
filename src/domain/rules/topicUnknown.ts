import { defineRule, type RuleHit, describeMeeting, capitalize } from "../findings";

export const topicUnknown = defineRule({
  id: "topic-unknown",
  severity: "error",
  source: null,
  summary: "A meeting (or an article) names a fixed topic that the Topics table does not have.",
  check(plan) {
    const known = `the Topics table has ${[...plan.topics.keys()].sort((a, b) => a - b).join(", ") || "none"}`;
    const atMeetings: RuleHit[] = plan.meetings
      .filter((m) => m.topic !== null && !plan.topics.has(m.topic))
      .map((meeting) => ({
        at: meeting.at.topic,
        meeting,
        topic: meeting.topic,
        message:
          `${capitalize(describeMeeting(meeting))} names topic ${meeting.topic}, ` +
          `which is not in the Topics table (${known}).`,
      }));
    const atArticles: RuleHit[] = plan.articles
      .filter((a) => a.topic !== null && !plan.topics.has(a.topic))
      .map((article) => ({
        at: article.at.topic,
        topic: article.topic,
        message:
          `Article ${article.number} is put in topic ${article.topic}, which is not in the Topics table ` +
          `(${known}).`,
      }));
    return [...atMeetings, ...atArticles];
  },
});
