import { defineRule, type RuleHit, describeMeeting, capitalize } from "../findings";
import { say } from "../messages/findings";
import { commaList } from "../wording";

export const topicUnknown = defineRule({
  id: "topic-unknown",
  severity: "error",
  source: null,
  summary: say("topicUnk.rule"),
  check(plan) {
    const topics = commaList([...plan.topics.keys()].sort((a, b) => a - b));
    const known = say("topicUnk.known", { topics: topics || say("none") });
    const atMeetings: RuleHit[] = plan.meetings
      .filter((m) => m.topic !== null && !plan.topics.has(m.topic))
      .map((meeting) => ({
        at: meeting.at.topic,
        meeting,
        topic: meeting.topic,
        message: say("topicUnk", { meeting: capitalize(describeMeeting(meeting)), topic: meeting.topic ?? "", known }),
      }));
    const atArticles: RuleHit[] = plan.articles
      .filter((a) => a.topic !== null && !plan.topics.has(a.topic))
      .map((article) => ({
        at: article.at.topic,
        topic: article.topic,
        message: say("topicUnk.article", { article: article.number, topic: article.topic ?? "", known }),
      }));
    return [...atMeetings, ...atArticles];
  },
});
