import { defineRule, describeMeeting } from "../findings";

export const flexibleUnknown = defineRule({
  id: "flexible-unknown",
  severity: "warning",
  source: "P§48, P§50(a)",
  summary:
    "Agenda item 2 is neither a code of the flexible list nor marked as an additional topic approved by the " +
    "extended Bureau.",
  check(plan) {
    if (plan.flexibleTopics === null) return [];
    const codes = [...plan.flexibleTopics.keys()].map((c) => `(${c})`).join(", ");
    return plan.meetings.flatMap((meeting) =>
      meeting.flexible?.kind === "unknown" && meeting.at.flexible
        ? [
            {
              at: meeting.at.flexible,
              meeting,
              message:
                `Agenda item 2 of ${describeMeeting(meeting)}, "${meeting.flexible.text}", is not on the list of ` +
                `flexible topics (${codes}). Use one of those codes, or write "Other: <title>" for an additional ` +
                `topic approved by the extended Bureau.`,
            },
          ]
        : [],
    );
  },
});
