import { defineRule, type RuleHit, describeMeeting, meetingsByYear } from "../findings";
import type { Meeting } from "../model";
import { ordinal } from "../parse";
import { say } from "../messages/findings";

export const flexibleRepeat = defineRule({
  id: "flexible-repeat",
  severity: "warning",
  source: "P§10",
  summary: say("flexRep.rule"),
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
          message: say("flexRep", {
            flexible: say("flexible", { code }),
            meeting: describeMeeting(meeting),
            first: describeMeeting(first),
          }),
        });
      } else if (discussedAt !== null && meeting.ordinal !== null && meeting.ordinal > discussedAt) {
        hits.push({
          at: meeting.at.flexible,
          meeting,
          message: say("flexRep.done", {
            flexible: say("flexible", { code }),
            n: ordinal(discussedAt),
            meeting: describeMeeting(meeting),
          }),
        });
      }
      if (!first) firstAt.set(code, meeting);
    }
    return hits;
  },
});
