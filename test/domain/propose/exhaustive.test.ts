/**
 * The solver against exhaustive search on many generated small plans: random windows (cluster
 * ends, settings), held meetings, slips, duplicates, unscheduled topics and a "last" topic.
 */
import fc from "fast-check";
import { checkPlan } from "../../../src/domain/check";
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
