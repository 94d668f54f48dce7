/**
 * Test doubles of the pane's proposal solver (src/taskpane/solver.ts).
 *
 * - `HeldSolver`, the port itself: it holds each request until the test answers it, in any order,
 *   with the real solver run here and now (in process); a request the pane has cancelled can be
 *   answered all the same, as a worker that answered just before it was ended would.
 * - `FakeWorker`, what the worker port talks to: it answers with the worker's own handler
 *   (answerRequest) when the test says so, the request and the answer passed through a structured
 *   clone as a real worker's messages are; or it fails to start.
 */
import type { Plan } from "../../src/domain/model";
import { proposeTimeline, type Proposal } from "../../src/domain/propose";
import type { ProposalSolver, WorkerLike } from "../../src/taskpane/solver";
import { answerRequest, type SolveAnswer, type SolveRequest } from "../../src/taskpane/solveRequest";

export interface HeldRequest {
  plan: Plan;
  budgetMs: number;
  /** The pane cancelled it (a later step, or the pane closed) before it was answered. */
  cancelled: boolean;
  answered: boolean;
  resolve(proposal: Proposal | null): void;
}

export class HeldSolver implements ProposalSolver {
  readonly requests: HeldRequest[] = [];

  propose(plan: Plan, budgetMs: number): Promise<Proposal | null> {
    return new Promise((resolve) => this.requests.push({ plan, budgetMs, cancelled: false, answered: false, resolve }));
  }

  cancel(): void {
    for (const request of this.requests) if (!request.answered) request.cancelled = true;
  }

  dispose(): void {
    this.cancel();
  }

  /** Answers request `index` with the solver's proposal; `outOfTime`: as when the budget ran out at once. */
  answer(index: number, { outOfTime = false } = {}): Proposal {
    const request = this.requests[index];
    if (!request) throw new Error(`no request ${index} (${this.requests.length} asked)`);
    const proposal = proposeTimeline(request.plan, outOfTime ? { budget: { expired: () => true } } : {});
    request.answered = true;
    request.resolve(proposal);
    return proposal;
  }
}

export class FakeWorker implements WorkerLike {
  onmessage: ((event: { data: SolveAnswer }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly received: SolveRequest[] = [];
  terminated = false;

  postMessage(request: SolveRequest): void {
    this.received.push(structuredClone(request));
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers every request received so far, after the current task, as the worker's thread would. */
  async answerAll(clock: () => number = () => performance.now()): Promise<void> {
    const answers = this.received.splice(0).map((request) => structuredClone(answerRequest(request, clock)));
    await Promise.resolve();
    for (const data of answers) this.onmessage?.({ data });
  }

  /** The script could not be loaded or run (a missing file, a policy that refuses it). */
  failToStart(): void {
    this.onerror?.({ type: "error" });
  }
}
