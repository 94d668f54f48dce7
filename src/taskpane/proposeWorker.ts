/**
 * The proposal solver's Web Worker (webpack builds it as proposeWorker.js, an entry of its own):
 * it answers each request the pane's solver port (solver.ts) posts, so that a long search never
 * blocks the pane. One request at a time; the port ends the worker to cancel one.
 */
import { answerRequest, type SolveAnswer, type SolveRequest } from "./solveRequest";

/** What the worker uses of its global scope (the DOM library types `self` as a window). */
interface WorkerScope {
  onmessage: ((event: MessageEvent<SolveRequest>) => void) | null;
  postMessage(answer: SolveAnswer): void;
}

const scope = self as unknown as WorkerScope;
scope.onmessage = (event) => scope.postMessage(answerRequest(event.data, () => performance.now()));
