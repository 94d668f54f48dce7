import { cellAddress } from "../cellRef";
import { defineRule, type RuleHit, describeMeeting, meetingsTakingPlace } from "../findings";
import type { Meeting, Where } from "../model";
import { say } from "../messages/findings";

export const meetingDuplicate = defineRule({
  id: "meeting-duplicate",
  severity: "error",
  source: "R-rec 46, report §3",
  summary: say("meetDup.rule"),
  check(plan) {
    return [
      ...repeats(
        meetingsTakingPlace(plan),
        (m) => m.ordinal,
        (m) => m.at.ordinal,
        (m, first) =>
          say("meetDup", {
            n: m.ordinal ?? "",
            year: m.year ?? say("noYear"),
            cell: cellAddress(first.at.ordinal),
            firstYear: first.year ?? say("noYear"),
          }),
      ),
      ...repeats(
        meetingsTakingPlace(plan),
        (m) => m.year,
        (m) => m.at.year,
        (m, first) =>
          say("meetDup.year", {
            year: m.year ?? "",
            meeting: describeMeeting(m),
            first: describeMeeting(first),
            cell: cellAddress(first.at.year),
          }),
      ),
    ];
  },
});

function repeats(
  meetings: Meeting[],
  key: (m: Meeting) => number | null,
  at: (m: Meeting) => Where,
  message: (m: Meeting, first: Meeting) => string,
): RuleHit[] {
  const seen = new Map<number, Meeting>();
  const hits: RuleHit[] = [];
  for (const meeting of meetings) {
    const value = key(meeting);
    if (value === null) continue;
    const first = seen.get(value);
    if (first) hits.push({ at: at(meeting), meeting, message: message(meeting, first) });
    else seen.set(value, meeting);
  }
  return hits;
}
