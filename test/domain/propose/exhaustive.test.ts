/**
 * The solver against exhaustive search on many generated small plans: random windows (cluster
 * ends, settings), held meetings, slips, duplicates, unscheduled topics and a "last" topic.
 */
import fc from "fast-check";
import { checkPlan } from "../../../src/domain/check";
import type { Meeting, Plan } from "../../../src/domain/model";
import { blocks, proposeTimeline, type CleanProposal } from "../../../src/domain/propose";
import { bruteForce, type Objective } from "./bruteForce";
import { checkerOracle } from "./checkerOracle";
import { planSpecs } from "./generate";
import { planOf } from "./planBuilder";

/** Up to 8 topics and 10 meetings. */
const planSpec = planSpecs(8, 10);

function objectiveOf(proposal: CleanProposal): Objective {
  const free = [...proposal.plan.topics.keys()]
    .filter((t) => !proposal.plan.meetings.some((m) => m.held && m.topic === t))
    .sort((a, b) => a - b);
  const years = free.map((t) => proposal.plan.meetings.find((m) => !m.held && m.topic === t)?.year as number);
  return {
    appended: proposal.appendedMeetings,
    inversions: proposal.inversions,
    yearsMoved: proposal.yearsMoved,
    moved: proposal.moved,
    years,
  };
}

describe("the exhaustive search used as the oracle", () => {
  it("reads the rules as the checker does: on tiny plans it agrees with trying every plan on checkPlan", () => {
    fc.assert(
      fc.property(planSpecs(4, 5), (spec) => {
        const plan = planOf(spec);
        const best = bruteForce(plan);
        // Without a clean plan, try as many appended meetings as could ever help: past the last
        // meeting and the latest window end, one per topic.
        const lastYear = Math.max(...spec.meetings.map((m) => m.year));
        const windowEnd = Math.max(...Object.values(spec.expectedEnd)) + spec.latest;
        const enough = Math.max(0, windowEnd - lastYear) + spec.topics.length;
        expect(checkerOracle(plan, best ? best.appended : enough)).toEqual(best);
      }),
      { numRuns: 100, seed: 11 },
    );
  });
});

describe("the proposal on generated small plans", () => {
  it("is as good as the best found by exhaustive search, and exists exactly when one does", () => {
    let clean = 0;
    fc.assert(
      fc.property(planSpec, (spec) => {
        const plan = planOf(spec);
        const best = bruteForce(plan);
        const proposal = proposeTimeline(plan);
        expect(proposal.feasible).toBe(best !== null);
        if (proposal.feasible && best) {
          clean++;
          expect(objectiveOf(proposal)).toEqual(best);
        }
      }),
      { numRuns: 1000, seed: 20260514 },
    );
    // The generator must produce plenty of plans that have a clean proposal.
    expect(clean).toBeGreaterThan(300);
  });

  it("always checks with no error and no planned topic after its window, held meetings unchanged", () => {
    fc.assert(
      fc.property(planSpec, (spec) => {
        const plan = planOf(spec);
        const proposal = proposeTimeline(plan);
        if (!proposal.feasible) return;
        expect(checkPlan(proposal.plan).filter(blocks)).toEqual([]);
        plan.meetings.forEach((m, i) => {
          const after = proposal.plan.meetings[i];
          expect([after?.ordinal, after?.year]).toEqual([m.ordinal, m.year]);
          if (m.held) expect(after?.topic).toBe(m.topic);
        });
        const added = proposal.plan.meetings.slice(plan.meetings.length);
        const lastYear = Math.max(...plan.meetings.map((m) => m.year as number));
        const lastOrdinal = Math.max(...plan.meetings.map((m) => m.ordinal as number));
        expect(added.map((m) => [m.ordinal, m.year])).toEqual(
          added.map((_, k) => [lastOrdinal + k + 1, lastYear + k + 1]),
        );
        expect(added.length).toBe(proposal.appendedMeetings);
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it("without a clean plan, names topics and the smallest widening of each setting that gives one", () => {
    let explained = 0;
    fc.assert(
      fc.property(planSpec, (spec) => {
        const plan = planOf(spec);
        const proposal = proposeTimeline(plan);
        if (proposal.feasible) return;
        explained++;
        expect(proposal.reason.length).toBeGreaterThan(20);
        expect(proposal.unplaced.length).toBeGreaterThan(0);
        for (const setting of ["earliest", "latest"] as const) {
          const current = plan.settings[setting] as number;
          const found = proposal.relaxations.find((r) => r.setting === setting)?.value;
          const feasibleWith = (value: number) =>
            bruteForce({ ...plan, settings: { ...plan.settings, [setting]: value } }) !== null;
          // Exactly the first value above the current one, at most five above, that the exhaustive search can plan.
          const first = [1, 2, 3, 4, 5].map((k) => current + k).find(feasibleWith);
          expect(found).toBe(first);
        }
      }),
      { numRuns: 300, seed: 5 },
    );
    expect(explained).toBeGreaterThan(30);
  });

  it("gives the same proposal for the same plan", () => {
    fc.assert(
      fc.property(planSpec, (spec) => {
        expect(JSON.stringify(proposeTimeline(planOf(spec)))).toBe(JSON.stringify(proposeTimeline(planOf(spec))));
      }),
      { numRuns: 50, seed: 3 },
    );
  });
});

/** The same plan without some topics (and their articles): what "leaving them out" means. */
function without(plan: Plan, topics: readonly number[]): Plan {
  const left = new Set(topics);
  return {
    ...plan,
    topics: new Map([...plan.topics].filter(([n]) => !left.has(n))),
    articles: plan.articles.filter((a) => a.topic === null || !left.has(a.topic)),
  };
}

/** Every set of k topics out of the list. */
function* subsets(topics: readonly number[], k: number, from = 0, chosen: number[] = []): Generator<number[]> {
  if (chosen.length === k) {
    yield [...chosen];
    return;
  }
  for (let i = from; i < topics.length; i++) {
    chosen.push(topics[i] as number);
    yield* subsets(topics, k, i + 1, chosen);
    chosen.pop();
  }
}

function freeTopics(plan: Plan): number[] {
  return [...plan.topics.keys()]
    .filter((t) => !plan.meetings.some((m) => m.held && m.topic === t))
    .sort((a, b) => a - b);
}

/** `unplaced` is sufficient (without it a clean plan exists) and minimal (no smaller set is). */
function expectExactExplanation(plan: Plan, unplaced: readonly number[]): void {
  expect(unplaced.length).toBeGreaterThan(0);
  expect(bruteForce(without(plan, unplaced))).not.toBeNull();
  // Leaving out more topics never makes planning harder, so checking one topic fewer is enough.
  for (const smaller of subsets(freeTopics(plan), unplaced.length - 1))
    expect(bruteForce(without(plan, smaller))).toBeNull();
}

describe("the proposal on generated small plans with cancelled rows", () => {
  const withCancelled = planSpecs(7, 9, true);
  const cancelledRows = (plan: Plan) => plan.meetings.filter((m) => m.status === "cancelled");

  it("the oracle still reads the rules as the checker does", () => {
    fc.assert(
      fc.property(planSpecs(4, 5, true), (spec) => {
        const plan = planOf(spec);
        const best = bruteForce(plan);
        const dated = spec.meetings.filter((m) => !m.cancelled).map((m) => m.year);
        const lastYear = dated.length > 0 ? Math.max(...dated) : (plan.settings.asOf as number) - 1;
        const windowEnd = Math.max(...Object.values(spec.expectedEnd)) + spec.latest;
        const enough = Math.max(0, windowEnd - lastYear) + spec.topics.length;
        expect(checkerOracle(plan, best ? best.appended : enough)).toEqual(best);
      }),
      { numRuns: 100, seed: 13 },
    );
  });

  it("is as good as exhaustive search, re-checks clean, and numbers the meetings on after a cancellation", () => {
    let clean = 0;
    let withRows = 0;
    fc.assert(
      fc.property(withCancelled, (spec) => {
        const plan = planOf(spec);
        const best = bruteForce(plan);
        const proposal = proposeTimeline(plan);
        expect(proposal.feasible).toBe(best !== null);
        if (!proposal.feasible || !best) return;
        clean++;
        if (cancelledRows(plan).length > 0) withRows++;
        expect(objectiveOf(proposal)).toEqual(best);
        expect(checkPlan(proposal.plan).filter(blocks)).toEqual([]);
        expect(checkPlan(proposal.plan).filter((f) => f.rule === "meeting-numbering")).toEqual([]);
        plan.meetings.forEach((m, i) => {
          const after = proposal.plan.meetings[i] as Meeting;
          expect(after.year).toBe(m.year);
          if (m.held) expect([after.ordinal, after.topic]).toEqual([m.ordinal, m.topic]);
          if (m.status === "cancelled")
            expect([after.ordinal, after.status, after.topic]).toEqual([m.ordinal, "cancelled", null]);
        });
        // Held and planned meetings, then the appended ones, in year order: each planned meeting
        // after the first cancelled row is numbered on from the meeting before it.
        const firstCancelled = Math.min(...cancelledRows(plan).map((m) => m.year as number));
        const taking = proposal.plan.meetings
          .filter((m) => m.status !== "cancelled")
          .sort((a, b) => (a.year as number) - (b.year as number));
        taking.forEach((m, i) => {
          const before = taking[i - 1];
          if (before && !m.held && (m.year as number) >= firstCancelled)
            expect(m.ordinal).toBe((before.ordinal as number) + 1);
        });
      }),
      { numRuns: 600, seed: 20261201 },
    );
    expect(clean).toBeGreaterThan(150);
    expect(withRows).toBeGreaterThan(60);
  });
});

describe("the exact explanation when no clean plan exists", () => {
  it("names a smallest set of topics whose removal leaves a clean plan possible (plans without cancelled rows)", () => {
    let explained = 0;
    fc.assert(
      fc.property(planSpec, (spec) => {
        const plan = planOf(spec);
        const proposal = proposeTimeline(plan);
        if (proposal.feasible || /cannot fix|each hold a cross-cutting/.test(proposal.reason)) return;
        explained++;
        expectExactExplanation(plan, proposal.unplaced);
      }),
      { numRuns: 500, seed: 5 },
    );
    expect(explained).toBeGreaterThan(50);
  });

  it("and with cancelled rows", () => {
    let explained = 0;
    fc.assert(
      fc.property(planSpecs(7, 9, true), (spec) => {
        const plan = planOf(spec);
        const proposal = proposeTimeline(plan);
        if (proposal.feasible || /cannot fix|each hold a cross-cutting/.test(proposal.reason)) return;
        explained++;
        expectExactExplanation(plan, proposal.unplaced);
      }),
      { numRuns: 500, seed: 17 },
    );
    expect(explained).toBeGreaterThan(50);
  });
});
