import { defineRule, articleList, describeMeeting, meetingsTakingPlace, topicArticles } from "../findings";

export const flexibleOverlap = defineRule({
  id: "flexible-overlap",
  severity: "info",
  source: "P§9, P§12, P§13, P§15, P§16",
  summary:
    "The flexible topic relates to an article of the same meeting's fixed topic: it could be discussed under " +
    "agenda item 3 instead.",
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
          message:
            `Flexible topic (${meeting.flexible.code})${flexible?.title ? ` "${flexible.title}"` : ""} ` +
            `at ${describeMeeting(meeting)} relates to ${articleList(shared)}, which topic ${meeting.topic} covers ` +
            `under agenda item 3 at the same meeting: it could be discussed there instead, freeing agenda item 2.`,
        },
      ];
    });
  },
});
