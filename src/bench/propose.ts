/**
 * Benchmark figures of the rescheduling proposal, for `npm run bench` (src/bench/bench.ts):
 * - propose_seed_ms: the adopted workplan with a two-year slip of cluster 2 (2026);
 * - propose_cancel_seed_ms: the same with the 16th meeting (2029) cancelled (goal < 5);
 * - propose_adversarial_ms: the plan built to defeat an exact search (adversarialPlan.ts: 320
 *   topics, windows three quarters of the horizon wide) with the command line's default time
 *   limit, and propose_adversarial_clean: whether the answer is a clean timeline (goal < 2,000, true);
 * - propose_large_ms: the generated plan of 40 topics, 60 meetings and 8 clusters (proposePlan.ts);
 * - propose_vs_highs: our time on the large plan over HiGHS's time on the same instance written
 *   as a mixed-integer program with the same lexicographic objective (highsProposal.ts);
 * - propose_objectives_equal: whether both reach the same (appended, inversions, years, moves).
 * Times are medians of repeated runs in this process; ours is the whole proposal (search,
 * reasons and the final check), HiGHS's is its model load and solve only.
 */
import loadHighs from "highs";
import { adoptedWorkbook } from "../domain/defaults";
import type { Plan } from "../domain/model";
import { blocks, budgetFor, proposeTimeline } from "../domain/propose";
import { checkPlan } from "../domain/check";
import { DEFAULT_TIME_LIMIT } from "../cli/args";
import { adversarialPlan } from "./adversarialPlan";
import { readPlan } from "../domain/read";
import { buildMip, solveMip, type MipObjective } from "./highsProposal";
import { medianMs } from "./measure";
import { proposalPlan } from "./proposePlan";

export interface ProposeFigures {
  propose_seed_ms: number;
  propose_cancel_seed_ms: number;
  propose_adversarial_ms: number;
  propose_adversarial_clean: boolean;
  propose_large_ms: number;
  propose_vs_highs: number;
  propose_objectives_equal: boolean;
}

/**
 * The paper's scenario: cluster 2 (prevention) expected to end in 2032 instead of 2030, with the
 * given meetings cancelled as a what-if.
 */
export function seedSlipPlan(cancel: readonly number[] = []): Plan {
  const { plan } = readPlan(adoptedWorkbook(), {
    currentYear: 2026,
    expectedEnd: new Map([[2, 2032]]),
    cancel: new Set(cancel),
  });
  if (!plan) throw new Error("the adopted workbook does not read");
  return plan;
}

/** The meeting the cancellation benchmark cancels: the 16th (2029), whose topic 7 is too early after the slip. */
export const CANCELLED_SEED_MEETING = 16;

function objectiveOf(plan: Plan): MipObjective | null {
  const proposal = proposeTimeline(plan);
  if (!proposal.feasible) return null;
  return {
    appended: proposal.appendedMeetings,
    inversions: proposal.inversions,
    yearsMoved: proposal.yearsMoved,
    moved: proposal.moved,
  };
}

export async function proposeFigures(): Promise<ProposeFigures> {
  const seed = seedSlipPlan();
  const cancelSeed = seedSlipPlan([CANCELLED_SEED_MEETING]);
  const large = proposalPlan();
  const highs = await loadHighs();
  const model = buildMip(large, highs.infinity);
  const ours = objectiveOf(large);
  const theirs = solveMip(highs, model);
  const largeMs = medianMs(() => proposeTimeline(large), 21);
  const highsMs = medianMs(() => solveMip(highs, model), 5, 1);
  return {
    propose_seed_ms: medianMs(() => proposeTimeline(seed), 201),
    propose_cancel_seed_ms: medianMs(() => proposeTimeline(cancelSeed), 201),
    ...adversarialFigures(),
    propose_large_ms: largeMs,
    propose_vs_highs: Number((largeMs / highsMs).toFixed(4)),
    propose_objectives_equal: JSON.stringify(ours) === JSON.stringify(theirs),
  };
}

/** The adversarial plan within the command line's default time limit: how long, and whether the answer is clean. */
function adversarialFigures(): Pick<ProposeFigures, "propose_adversarial_ms" | "propose_adversarial_clean"> {
  const plan = adversarialPlan();
  const run = () => proposeTimeline(plan, { budget: budgetFor(DEFAULT_TIME_LIMIT, () => performance.now()) });
  const proposal = run();
  return {
    propose_adversarial_ms: medianMs(run, 3),
    propose_adversarial_clean: proposal.feasible && checkPlan(proposal.plan).filter(blocks).length === 0,
  };
}
