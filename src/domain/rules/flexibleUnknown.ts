import { defineRule, describeMeeting } from "../findings";
import { say } from "../messages/findings";
import { commaList } from "../wording";

export const flexibleUnknown = defineRule({
  id: "flexible-unknown",
  severity: "warning",
  source: "P§48, P§50(a)",
  summary: say("flexUnk.rule"),
  check(plan) {
    if (plan.flexibleTopics === null) return [];
    const codes = commaList([...plan.flexibleTopics.keys()].map((c) => `(${c})`));
    return plan.meetings.flatMap((meeting) =>
      meeting.flexible?.kind === "unknown" && meeting.at.flexible
        ? [
            {
              at: meeting.at.flexible,
              meeting,
              message: say("flexUnk", { meeting: describeMeeting(meeting), text: meeting.flexible.text, codes }),
            },
          ]
        : [],
    );
  },
});
