/**
 * Flexible-topic candidates (domain.md §3, P§48, P§50(a)): for every planned meeting of the
 * proposal whose agenda item 2 is blank, the flexible topics that could be taken there without
 * any finding. A code is left out when the FlexibleTopics table records the meeting where it was
 * discussed (taking it again is a flexible-repeat, whichever meeting that was), when a meeting
 * that takes place already takes it, or when it relates to an article of the fixed topic the
 * proposal puts at that meeting (a flexible-overlap). The choice stays with the extended Bureau.
 */
import { takesPlace, topicArticles } from "../findings";
import type { Meeting, Plan } from "../model";
import type { Outcome } from "./build";

/** Candidates by meeting (rows and appended meetings), for the planned meetings whose agenda item 2 is blank. */
export function flexibleCandidates(plan: Plan, outcome: Outcome): Map<Meeting, string[]> {
  const candidates = new Map<Meeting, string[]>();
  const flexible = [...(plan.flexibleTopics?.values() ?? [])];
  const taken = new Set(
    plan.meetings.flatMap((m) => (takesPlace(m) && m.flexible?.kind === "code" ? [m.flexible.code] : [])),
  );
  const open = flexible.filter((f) => f.discussedAt === null && !taken.has(f.code));
  for (const meeting of [...plan.meetings, ...outcome.appended]) {
    if (meeting.held || !takesPlace(meeting) || meeting.flexible !== null) continue;
    const topic = outcome.topicAt.get(meeting) ?? null;
    const fixed = new Set(topic === null ? [] : topicArticles(plan, topic));
    candidates.set(
      meeting,
      open.filter((f) => !f.related.some((a) => fixed.has(a))).map((f) => f.code),
    );
  }
  return candidates;
}
