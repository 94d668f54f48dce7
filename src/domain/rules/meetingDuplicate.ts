import { cellAddress } from "../cellRef";
import { defineRule, type RuleHit, describeMeeting, meetingsTakingPlace } from "../findings";
import type { Meeting, Where } from "../model";

export const meetingDuplicate = defineRule({
  id: "meeting-duplicate",
  severity: "error",
  source: "R-rec 46, report §3",
  summary: "Two rows share a meeting number or a year (one meeting a year).",
  check(plan) {
    return [
      ...repeats(
        meetingsTakingPlace(plan),
        (m) => m.ordinal,
        (m) => m.at.ordinal,
        (m, first) =>
          `Meeting number ${m.ordinal} is used twice: here (${m.year ?? "no year"}) and ` +
          `at ${cellAddress(first.at.ordinal)} (${first.year ?? "no year"}); each meeting has its own number.`,
      ),
      ...repeats(
        meetingsTakingPlace(plan),
        (m) => m.year,
        (m) => m.at.year,
        (m, first) =>
          `Two meetings are planned in ${m.year}: ${describeMeeting(m)} and ${describeMeeting(first)} ` +
          `(${cellAddress(first.at.year)}); the Working Group meets once a year.`,
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
