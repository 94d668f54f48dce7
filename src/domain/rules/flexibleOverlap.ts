import { defineRule, articleList, describeMeeting, meetingsTakingPlace, topicArticles } from "../findings";
import { say } from "../messages/findings";
import { titled } from "../wording";

export const flexibleOverlap = defineRule({
  id: "flexible-overlap",
  severity: "info",
  source: "P§9, P§12, P§13, P§15, P§16",
  summary: say("overlap.rule"),
  check(plan) {
    const flexibleTopics = plan.flexibleTopics;
    if (flexibleTopics === null) return [];
    return meetingsTakingPlace(plan).flatMap((meeting) => {
      if (meeting.flexible?.kind !== "code" || meeting.topic === null || !meeting.at.flexible) return [];
      const flexible = flexibleTopics.get(meeting.flexible.code);
      const fixed = new Set(topicArticles(plan, meeting.topic));
      const shared = (flexible?.related ?? []).filter((a) => fixed.has(a));
      if (shared.length === 0) return [];
      return [
        {
          at: meeting.at.flexible,
          meeting,
          topic: meeting.topic,
          message: say("overlap", {
            flexible: titled(say("flexible", { code: meeting.flexible.code }), flexible?.title),
            meeting: describeMeeting(meeting),
            articles: articleList(shared),
            topic: meeting.topic,
          }),
        },
      ];
    });
  },
});
