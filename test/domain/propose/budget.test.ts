/**
 * The solver's time budget (issue 9): the domain has no clock, so the budget is injected. When it
 * runs out, the proposal is still clean, marked not proven optimal; without a budget it is exact.
 */
import fc from "fast-check";
import { checkPlan } from "../../../src/domain/check";
import { blocks, NOT_PROVEN, proposalToJson, proposeTimeline, type Budget } from "../../../src/domain/propose";
import { bruteForce, compare } from "./bruteForce";
import { planSpecs } from "./generate";
import { planOf } from "./planBuilder";
import { adoptedWorkbook } from "../../../src/domain/defaults";
import { readPlan } from "../../../src/domain/read";

const expiredAlready: Budget = { expired: () => true };

/** A budget that runs out after the search has asked it n times. */
function after(n: number): Budget {
  let asked = 0;
  return { expired: () => ++asked > n };
}

function slipOfClusterTwo(end: number) {
  const { plan } = readPlan(adoptedWorkbook(), { currentYear: 2026, expectedEnd: new Map([[2, end]]) });
  if (!plan) throw new Error("the adopted workbook must read");
  return plan;
}

describe("a proposal within a time budget", () => {
  it("is proven optimal when the budget does not run out", () => {
    const proposal = proposeTimeline(slipOfClusterTwo(2032), { budget: { expired: () => false } });
    expect(proposal).toMatchObject({ feasible: true, proven: true, appendedMeetings: 2, yearsMoved: 10 });
    expect(Object.keys(proposalToJson(proposal))).not.toContain("proven");
  });

  it("when the budget has run out before the search starts, is a clean timeline marked not proven optimal", () => {
    const proposal = proposeTimeline(slipOfClusterTwo(2032), { budget: expiredAlready });
    if (!proposal.feasible) throw new Error(proposal.reason);
    expect(proposal.proven).toBe(false);
    expect(checkPlan(proposal.plan).filter(blocks)).toEqual([]);
    expect(proposalToJson(proposal)).toMatchObject({ proven: false, note: NOT_PROVEN });
  });

  it("needs no search, so is proven optimal, when the plan needs no change, however short the time", () => {
    const proposal = proposeTimeline(slipOfClusterTwo(2030), { budget: expiredAlready });
    expect(proposal).toMatchObject({ feasible: true, proven: true, moved: 0, appendedMeetings: 0, yearsMoved: 0 });
    expect(Object.keys(proposalToJson(proposal))).not.toContain("note");
  });

  it(
    "on generated small plans, whenever it runs out:" +
      " clean exactly when a clean plan exists, never better than the optimum",
    () => {
      let stopped = 0;
      fc.assert(
        fc.property(planSpecs(7, 9, true), fc.integer({ min: 0, max: 6 }), (spec, checks) => {
          const plan = planOf(spec);
          const best = bruteForce(plan);
          const proposal = proposeTimeline(plan, { budget: after(checks) });
          expect(proposal.feasible).toBe(best !== null);
          if (!proposal.feasible || !best) return;
          if (!proposal.proven) stopped++;
          expect(checkPlan(proposal.plan).filter(blocks)).toEqual([]);
          const found = {
            appended: proposal.appendedMeetings,
            inversions: proposal.inversions,
            yearsMoved: proposal.yearsMoved,
            moved: proposal.moved,
            years: [],
          };
          expect(compare(found, best, false)).toBeGreaterThanOrEqual(0);
          if (proposal.proven) expect(compare(found, best, false)).toBe(0);
        }),
        { numRuns: 400, seed: 9 },
      );
      expect(stopped).toBeGreaterThan(50);
    },
  );
});
