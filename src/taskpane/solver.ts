/**
 * The pane's proposal solver, a port: the proposal for a plan within a time budget (PANE_BUDGET_MS
 * for each what-if step), away from the pane's thread. `paneSolver` runs it in a Web Worker
 * (proposeWorker.js, beside taskpane.html); where there is no Worker (an old host, jsdom) or the
 * worker cannot start, the same solver runs in the pane with the same budget, loaded on demand.
 * A new request cancels the one still running: its worker is ended and its promise resolves to
 * null. Tests substitute their own solver (test/support/solver.ts).
 */
import type { Plan } from "../domain/model";
import type { Proposal } from "../domain/propose";
import type { SolveAnswer, SolveRequest } from "./solveRequest";

/** How long the pane lets the solver search for each what-if step, in milliseconds. */
export const PANE_BUDGET_MS = 250;

/** The worker's file, built beside taskpane.html (webpack.config.js). */
export const WORKER_FILE = "proposeWorker.js";

export interface ProposalSolver {
  /** The proposal for `plan` within `budgetMs`; null once a later request or `cancel` has cancelled it. */
  propose(plan: Plan, budgetMs: number): Promise<Proposal | null>;
  /** Cancels the running request, if any. */
  cancel(): void;
  /** Cancels, and ends the worker. */
  dispose(): void;
}

/** What the port uses of a Worker. */
export interface WorkerLike {
  onmessage: ((event: { data: SolveAnswer }) => void) | null;
  onerror: ((event: unknown) => void) | null;
  postMessage(request: SolveRequest): void;
  terminate(): void;
}

interface Running {
  id: number;
  plan: Plan;
  budgetMs: number;
  resolve(proposal: Proposal | null): void;
  reject(error: Error): void;
}

function settle(answer: SolveAnswer, running: Running): void {
  if ("error" in answer) running.reject(new Error(answer.error));
  else running.resolve(answer.proposal);
}

/** The solver on the pane's own thread, loaded when first asked: it blocks the pane for at most the budget. */
export function inPaneSolver(clock: () => number = () => performance.now()): ProposalSolver {
  let running: Running | null = null;
  let next = 0;
  const cancel = () => {
    running?.resolve(null);
    running = null;
  };
  return {
    propose(plan, budgetMs) {
      cancel();
      const id = ++next;
      return new Promise((resolve, reject) => {
        const mine: Running = { id, plan, budgetMs, resolve, reject };
        running = mine;
        import(/* webpackChunkName: "propose-in-pane" */ "./solveRequest").then(({ answerRequest }) => {
          if (running !== mine) return;
          running = null;
          settle(answerRequest({ id, plan, budgetMs }, clock), mine);
        }, reject);
      });
    },
    cancel,
    dispose: cancel,
  };
}

/**
 * The solver in a worker that `start` creates when first needed and ends to cancel a request. A
 * worker that fails to start (or dies) is not started again: `fallback` answers from then on.
 */
export function workerSolver(start: () => WorkerLike, fallback: ProposalSolver = inPaneSolver()): ProposalSolver {
  let worker: WorkerLike | null = null;
  let running: Running | null = null;
  let broken = false;
  let next = 0;

  const end = () => {
    worker?.terminate();
    worker = null;
  };
  const handOver = (request: Running) => fallback.propose(request.plan, request.budgetMs).then(request.resolve);
  function fail(): void {
    broken = true;
    end();
    const request = running;
    running = null;
    if (request) handOver(request).catch(request.reject);
  }
  function started(): WorkerLike {
    if (worker) return worker;
    const created = start();
    created.onmessage = ({ data }) => {
      const request = running;
      if (!request || data.id !== request.id) return;
      running = null;
      settle(data, request);
    };
    created.onerror = fail;
    worker = created;
    return created;
  }
  function cancel(): void {
    fallback.cancel();
    if (!running) return;
    running.resolve(null);
    running = null;
    // The search cannot be interrupted inside the worker: end it; the next request starts another.
    end();
  }
  return {
    propose(plan, budgetMs) {
      cancel();
      if (broken) return fallback.propose(plan, budgetMs);
      const id = ++next;
      return new Promise((resolve, reject) => {
        running = { id, plan, budgetMs, resolve, reject };
        try {
          started().postMessage({ id, plan, budgetMs });
        } catch {
          fail();
        }
      });
    },
    cancel,
    dispose() {
      cancel();
      end();
    },
  };
}

/** The pane's solver: in a Web Worker where the host has them, else in the pane. */
export function paneSolver(): ProposalSolver {
  if (typeof Worker !== "function") return inPaneSolver();
  return workerSolver(() => new Worker(WORKER_FILE) as unknown as WorkerLike);
}
