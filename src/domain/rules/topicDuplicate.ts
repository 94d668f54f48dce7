import {
  defineRule,
  capitalize,
  describeMeeting,
  describeTopic,
  meetingsByYear,
  meetingsTakingPlace,
} from "../findings";
import type { Meeting } from "../model";

export const topicDuplicate = defineRule({
  id: "topic-duplicate",
  severity: "error",
  source: "P-annex",
  summary: "A topic is at more than one meeting.",
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
        message:
          `${capitalize(describeTopic(plan, topic))} is at ${describeMeeting(meeting)} and already ` +
          `at ${describeMeeting(first)}: each topic is discussed at one meeting.`,
      }));
    });
  },
});
