import {
  defineRule,
  articleList,
  capitalize,
  describeMeeting,
  describeTopic,
  inTopic,
  meetingsWithKnownTopic,
} from "../findings";
import { say } from "../messages/findings";

export const lastTopic = defineRule({
  id: "last-topic",
  severity: "error",
  source: "P§18(d)",
  summary: say("last.rule"),
  check(plan) {
    const lastArticles = plan.articles.filter(inTopic).filter((a) => a.last);
    const lastTopics = new Set(lastArticles.map((a) => a.topic));
    const withTopic = meetingsWithKnownTopic(plan);
    const final = withTopic[withTopic.length - 1];
    if (!final) return [];
    return withTopic
      .filter((meeting) => lastTopics.has(meeting.topic) && meeting.year < final.year)
      .map((meeting) => {
        const topic = meeting.topic;
        const articles = articleList(lastArticles.filter((a) => a.topic === topic).map((a) => a.number));
        return {
          at: meeting.at.topic,
          meeting,
          topic,
          message: say("last", {
            topic: capitalize(describeTopic(plan, topic)),
            articles,
            meeting: describeMeeting(meeting),
            final: describeTopic(plan, final.topic),
            finalMeeting: describeMeeting(final),
          }),
        };
      });
  },
});
