import {
  defineRule,
  articleList,
  capitalize,
  describeMeeting,
  describeTopic,
  inTopic,
  isScheduled,
  meetingsByYear,
} from "../findings";

export const lastTopic = defineRule({
  id: "last-topic",
  severity: "error",
  source: "P§18(d)",
  summary: 'A topic holding a cross-cutting "last" article (14) is not at the last meeting that has a fixed topic.',
  check(plan) {
    const lastArticles = plan.articles.filter(inTopic).filter((a) => a.last);
    const lastTopics = new Set(lastArticles.map((a) => a.topic));
    const withTopic = meetingsByYear(plan).filter(isScheduled);
    const final = withTopic[withTopic.length - 1];
    if (!final) return [];
    return withTopic
      .filter((meeting) => lastTopics.has(meeting.topic) && meeting.year < final.year)
      .map((meeting) => {
        const topic = meeting.topic;
        const crossCutting = articleList(lastArticles.filter((a) => a.topic === topic).map((a) => a.number));
        return {
          at: meeting.at.topic,
          meeting,
          topic,
          message:
            `${capitalize(describeTopic(plan, topic))} must be the last topic of the workplan (${crossCutting} ` +
            `is cross-cutting and relates to all the topics before it), ` +
            `but it is at ${describeMeeting(meeting)} and ${describeTopic(plan, final.topic)} comes after it, ` +
            `at ${describeMeeting(final)}.`,
        };
      });
  },
});
