import {
  defineRule,
  capitalize,
  describeMeeting,
  describeTopic,
  meetingsByYear,
  meetingsTakingPlace,
} from "../findings";
import type { Meeting } from "../model";
import { say } from "../messages/findings";

export const topicDuplicate = defineRule({
  id: "topic-duplicate",
  severity: "error",
  source: "P-annex",
  summary: say("topicDup.rule"),
  check(plan) {
    const byTopic = new Map<number, Meeting[]>();
    for (const meeting of [...meetingsByYear(plan), ...meetingsTakingPlace(plan).filter((m) => m.year === null)]) {
      if (meeting.topic === null) continue;
      byTopic.set(meeting.topic, [...(byTopic.get(meeting.topic) ?? []), meeting]);
    }
    return [...byTopic].flatMap(([topic, meetings]) => {
      const [first, ...again] = meetings;
      if (!first) return [];
      return again.map((meeting) => ({
        at: meeting.at.topic,
        meeting,
        topic,
        message: say("topicDup", {
          topic: capitalize(describeTopic(plan, topic)),
          meeting: describeMeeting(meeting),
          first: describeMeeting(first),
        }),
      }));
    });
  },
});
