import { defineRule, type RuleHit, describeMeeting, meetingsByYear } from "../findings";
import type { Meeting } from "../model";
import { ordinal } from "../parse";

export const flexibleRepeat = defineRule({
  id: "flexible-repeat",
  severity: "warning",
  source: "P§10",
  summary: "A flexible topic is taken at two meetings, or again after the meeting where it was already discussed.",
  check(plan) {
    if (plan.flexibleTopics === null) return [];
    const firstAt = new Map<string, Meeting>();
    const hits: RuleHit[] = [];
    for (const meeting of meetingsByYear(plan)) {
      if (meeting.flexible?.kind !== "code" || !meeting.at.flexible) continue;
      const { code } = meeting.flexible;
      const discussedAt = plan.flexibleTopics.get(code)?.discussedAt ?? null;
      const first = firstAt.get(code);
      if (first) {
        hits.push({
          at: meeting.at.flexible,
          meeting,
          message:
            `Flexible topic (${code}) is taken at ${describeMeeting(meeting)} and already ` +
            `at ${describeMeeting(first)}.`,
        });
      } else if (discussedAt !== null && meeting.ordinal !== null && meeting.ordinal > discussedAt) {
        hits.push({
          at: meeting.at.flexible,
          meeting,
          message:
            `Flexible topic (${code}) was already discussed at the ${ordinal(discussedAt)} meeting; taking it ` +
            `again at ${describeMeeting(meeting)} repeats it.`,
        });
      }
      if (!first) firstAt.set(code, meeting);
    }
    return hits;
  },
});
