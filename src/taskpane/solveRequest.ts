/**
 * One request to the proposal solver and its answer, as they cross to the Web Worker and back
 * (structured clone: the plan's Maps and Sets survive it). The worker (proposeWorker.ts) and the
 * in-pane fallback (solver.ts) both answer with `answerRequest`; the pane's script loads this
 * module only on demand, so the solver stays out of the bundle taskpane.html loads.
 */
import type { Plan } from "../domain/model";
import { budgetFor, proposeTimeline, type Proposal } from "../domain/propose";

export interface SolveRequest {
  id: number;
  plan: Plan;
  /** How long the proposal may take, in milliseconds of `clock`. */
  budgetMs: number;
}

export type SolveAnswer = { id: number; proposal: Proposal } | { id: number; error: string };

/** The proposal within the request's budget; an unexpected failure becomes its message, never a silent worker. */
export function answerRequest(request: SolveRequest, clock: () => number): SolveAnswer {
  try {
    const budget = budgetFor(request.budgetMs / 1000, clock);
    return { id: request.id, proposal: proposeTimeline(request.plan, { budget }) };
  } catch (error) {
    return { id: request.id, error: error instanceof Error && error.message ? error.message : String(error) };
  }
}
