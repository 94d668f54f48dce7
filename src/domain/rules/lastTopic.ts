import { defineRule, articleList, capitalize, describeMeeting, describeTopic, meetingsByYear } from "../findings";

export const lastTopic = defineRule({
  id: "last-topic",
  severity: "error",
  source: "P§18(d)",
  summary: 'A topic holding a cross-cutting "last" article (14) is not at the last meeting that has a fixed topic.',
  check(plan) {
    const lastArticles = plan.articles.filter((a) => a.last && a.topic !== null);
    const lastTopics = new Set(lastArticles.map((a) => a.topic as number));
    const withTopic = meetingsByYear(plan).filter((m) => m.topic !== null);
    const final = withTopic[withTopic.length - 1];
    if (!final) return [];
    return withTopic
      .filter((meeting) => lastTopics.has(meeting.topic as number) && (meeting.year as number) < (final.year as number))
      .map((meeting) => {
        const topic = meeting.topic as number;
        const crossCutting = articleList(lastArticles.filter((a) => a.topic === topic).map((a) => a.number));
        return {
          at: meeting.at.topic,
          meeting,
          topic,
          message:
            `${capitalize(describeTopic(plan, topic))} must be the last topic of the workplan (${crossCutting} is cross-cutting and relates to all the topics before it), ` +
            `but it is at ${describeMeeting(meeting)} and ${describeTopic(plan, final.topic as number)} comes after it, at ${describeMeeting(final)}.`,
        };
      });
  },
});
