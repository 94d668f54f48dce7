/**
 * A second, slower oracle for tiny plans: no model of the rules at all. Every way of giving the
 * topics that were not held distinct planned or appended meetings is written into the plan and
 * put to the checker (checkPlan); a plan is clean when it has no error and no planned topic after
 * its cluster window. It confirms that bruteForce's reading of the rules is the checker's.
 */
import { checkPlan } from "../../../src/domain/check";
import type { Meeting, Plan } from "../../../src/domain/model";
import { compare, type Objective } from "./bruteForce";

export function checkerOracle(plan: Plan, maxAppended: number): Objective | null {
  const dated = plan.meetings
    .filter((m) => m.year !== null && m.status !== "cancelled")
    .sort((a, b) => (a.year as number) - (b.year as number));
  const free = [...plan.topics.keys()]
    .filter((t) => !plan.meetings.some((m) => m.held && m.topic === t))
    .sort((a, b) => a - b);
  const lastYear = dated[dated.length - 1]?.year ?? plan.settings.asOf - 1;
  const lastOrdinal = Math.max(...plan.meetings.map((m) => m.ordinal as number));
  for (let appended = 0; appended <= maxAppended; appended++) {
    const added: Meeting[] = Array.from({ length: appended }, (_, k) => ({
      ...(plan.meetings[0] as Meeting),
      row: plan.meetings.length + k,
      ordinal: lastOrdinal + k + 1,
      year: lastYear + k + 1,
      status: "planned",
      held: false,
      flexible: null,
      topic: null,
    }));
    const open = [...plan.meetings, ...added].filter((m) => !m.held && m.status !== "cancelled");
    let best: Objective | null = null;
    for (const choice of injections(free.length, open.length)) {
      if (appended > 0 && !choice.includes(open.length - 1)) continue;
      const topicAt = new Map(choice.map((slot, i) => [open[slot] as Meeting, free[i] as number]));
      // Cancelled rows keep no fixed topic (§3); every other planned meeting takes what this choice puts there.
      const meetings = [...plan.meetings, ...added].map((m) => (m.held ? m : { ...m, topic: topicAt.get(m) ?? null }));
      const proposed: Plan = { ...plan, meetings };
      if (checkPlan(proposed).some((f) => f.severity === "error" || (f.rule === "cluster-too-late" && !f.held)))
        continue;
      const objective = objectiveOf(
        plan,
        proposed,
        free,
        choice.map((slot) => open[slot] as Meeting),
        appended,
      );
      if (!best || compare(objective, best, true) < 0) best = objective;
    }
    if (best) return best;
  }
  return null;
}

function objectiveOf(plan: Plan, proposed: Plan, free: number[], meetings: Meeting[], appended: number): Objective {
  const dated = (p: Plan) =>
    p.meetings.filter((m) => m.year !== null).sort((a, b) => (a.year as number) - (b.year as number));
  const yearOf = new Map<number, number>();
  for (const m of dated(proposed))
    if (m.topic !== null && plan.topics.has(m.topic) && !yearOf.has(m.topic)) yearOf.set(m.topic, m.year as number);
  let inversions = 0;
  for (const [a, ya] of yearOf) for (const [b, yb] of yearOf) if (a < b && ya > yb) inversions++;
  let yearsMoved = 0;
  let moved = 0;
  free.forEach((t, i) => {
    const now =
      dated(plan).find((m) => m.topic === t && m.status !== "cancelled") ?? dated(plan).find((m) => m.topic === t);
    const to = meetings[i] as Meeting;
    if (now) yearsMoved += Math.abs((to.year as number) - (now.year as number));
    if (now !== to) moved++;
  });
  return { appended, inversions, yearsMoved, moved, years: meetings.map((m) => m.year as number) };
}

/** Every way to give n items distinct places among k. */
function* injections(n: number, k: number, prefix: number[] = []): Generator<number[]> {
  if (prefix.length === n) {
    yield [...prefix];
    return;
  }
  for (let slot = 0; slot < k; slot++) {
    if (prefix.includes(slot)) continue;
    prefix.push(slot);
    yield* injections(n, k, prefix);
    prefix.pop();
  }
}
