/**
 * A clean plan built without search, for when the time budget runs out before the exact search
 * has completed one: the topic that must be last takes the first year after which all the others
 * still fit, and the others take years earliest-deadline-first. It satisfies every hard condition
 * of §3 (a year of its own inside each topic's windows, the last topic last) but is not proven
 * optimal. It exists exactly when a clean plan exists (removal.ts).
 */
import { heldInversions, type Solution } from "./solve";
import { appendedSlot, type FreeTopic, type Problem, type Slot } from "./problem";
import { openYears, type Span } from "./removal";

export function greedySolution(problem: Problem): Solution | null {
  const years = openYears(problem);
  const last = problem.free.find((t) => t.last) ?? null;
  const others = problem.free.filter((t) => !t.last);
  const lastYears = last ? yearsForLast(problem, last, years) : [null];
  for (const lastYear of lastYears) {
    const yearOf = earliestDeadlineFirst(others, years, lastYear);
    if (!yearOf) continue;
    if (last && lastYear !== null) yearOf.set(last, lastYear);
    return costed(problem, yearOf);
  }
  return null;
}

function yearsForLast(problem: Problem, last: FreeTopic, years: number[]): number[] {
  const held = problem.latestHeldYear ?? -Infinity;
  const window = last.window ?? { from: -Infinity, to: Infinity };
  return years.filter((y) => y > held && y >= window.from && y <= window.to);
}

/** Each topic a year of its own inside its span (before the last topic's year), or null when they do not fit. */
function earliestDeadlineFirst(
  topics: FreeTopic[],
  years: number[],
  before: number | null,
): Map<FreeTopic, number> | null {
  const spanOf = (t: FreeTopic): Span => ({
    from: t.window?.from ?? -Infinity,
    to: Math.min(t.window?.to ?? Infinity, before === null ? Infinity : before - 1),
  });
  const waiting = [...topics].sort((a, b) => spanOf(a).from - spanOf(b).from);
  const ready: FreeTopic[] = [];
  const yearOf = new Map<FreeTopic, number>();
  let next = 0;
  for (const year of years) {
    while (next < waiting.length && spanOf(waiting[next] as FreeTopic).from <= year)
      ready.push(waiting[next++] as FreeTopic);
    if (ready.some((t) => spanOf(t).to < year)) return null;
    ready.sort((a, b) => spanOf(a).to - spanOf(b).to || a.number - b.number);
    const topic = ready.shift();
    if (topic) yearOf.set(topic, year);
  }
  return yearOf.size === topics.length ? yearOf : null;
}

/** The plan's slots and its costs, counted as the search counts them. */
function costed(problem: Problem, yearOf: Map<FreeTopic, number>): Solution {
  const slotIn = new Map(problem.existing.map((s) => [s.year, s]));
  const slotOf = (year: number): Slot => slotIn.get(year) ?? appendedSlot(problem, year - problem.lastYear);
  const slots = problem.free.map((t) => slotOf(yearOf.get(t) ?? problem.lastYear + 1));
  let inversions = 0;
  let yearsMoved = 0;
  let moved = 0;
  problem.free.forEach((topic, i) => {
    const slot = slots[i] as Slot;
    inversions += heldInversions(problem, topic.number, slot.year);
    for (let j = i + 1; j < problem.free.length; j++) if (slot.year > (slots[j] as Slot).year) inversions++;
    const current = topic.current;
    if (current?.year != null) yearsMoved += Math.abs(slot.year - current.year);
    if (slot.meeting === null || slot.meeting !== current) moved++;
  });
  const appended = Math.max(0, ...slots.map((s) => s.year - problem.lastYear));
  return { proven: false, slots, appended, inversions, yearsMoved, moved };
}
