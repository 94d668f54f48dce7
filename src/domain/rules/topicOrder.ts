import { defineRule, describeMeeting, isScheduled, meetingsByYear } from "../findings";

export const topicOrder = defineRule({
  id: "topic-order",
  severity: "warning",
  source: "P§50(b)",
  summary: "Fixed topics are not in ascending topic order over the meetings.",
  check(plan) {
    const meetings = meetingsByYear(plan).filter(isScheduled);
    return meetings.slice(1).flatMap((meeting, i) => {
      const before = meetings[i];
      if (!before || meeting.topic >= before.topic) return [];
      return [
        {
          at: meeting.at.topic,
          meeting,
          topic: meeting.topic,
          message:
            `Topic ${meeting.topic} at ${describeMeeting(meeting)} comes after topic ${before.topic} ` +
            `at ${describeMeeting(before)}: the workplan is to follow the order of topics.`,
        },
      ];
    });
  },
});
