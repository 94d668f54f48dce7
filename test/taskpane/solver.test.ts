/**
 * The pane's proposal solver port (src/taskpane/solver.ts): in a worker, a new request ends a busy
 * worker and its answer is never delivered; a worker that cannot start hands over to the solver in
 * the pane, with the same budget; the solver's failure is a rejected request, never a silent one.
 * The worker's messages pass through a structured clone, as in a browser (test/support/solver.ts).
 */
import { checkWorkbook } from "../../src/domain/check";
import type { Plan } from "../../src/domain/model";
import { proposalToJson, proposeTimeline } from "../../src/domain/propose";
import { tablesByName } from "../../src/domain/tables";
import { inPaneSolver, PANE_BUDGET_MS, paneSolver, workerSolver } from "../../src/taskpane/solver";
import { answerRequest } from "../../src/taskpane/solveRequest";
import { Workbook } from "../domain/workbook";
import { FakeWorker } from "../support/solver";

/** The adopted plan with cluster 2's review expected to end in `expected`. */
function planFor(expected: number): Plan {
  const tables = tablesByName(
    Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", expected).tables,
  );
  const plan = checkWorkbook(tables, { currentYear: 2026 }).plan;
  if (!plan) throw new Error("the adopted workbook reads as a plan");
  return plan;
}

function workers() {
  const started: FakeWorker[] = [];
  const start = () => {
    const worker = new FakeWorker();
    started.push(worker);
    return worker;
  };
  return { started, start };
}

const appended = (proposal: unknown) =>
  (proposal as { feasible: boolean; appendedMeetings?: number } | null)?.appendedMeetings ?? null;

describe("the solver in a worker", () => {
  it("answers with the proposal for the plan as it crossed to the worker and back, in the pane's budget", async () => {
    const { started, start } = workers();
    const solver = workerSolver(start);
    const plan = planFor(2032);
    const asked = solver.propose(plan, PANE_BUDGET_MS);
    expect(started).toHaveLength(1);
    expect(started[0]?.received.map((r) => r.budgetMs)).toEqual([250]);
    await started[0]?.answerAll();
    const proposal = await asked;
    // (As JSON: the clone's Maps come from Node's realm, which jest's equality does not walk.)
    expect(proposal && proposalToJson(proposal)).toEqual(proposalToJson(proposeTimeline(plan)));
    expect(proposal?.feasible && [...proposal.plan.topics.keys()]).toEqual([...plan.topics.keys()]);
    expect(appended(proposal)).toBe(2);
  });

  it("a new request ends the busy worker: the first resolves to nothing, a new worker answers the second", async () => {
    const { started, start } = workers();
    const solver = workerSolver(start);
    const first = solver.propose(planFor(2030), PANE_BUDGET_MS);
    const second = solver.propose(planFor(2032), PANE_BUDGET_MS);
    expect(await first).toBeNull();
    expect(started.map((w) => w.terminated)).toEqual([true, false]);
    // An answer the first worker had already posted arrives all the same: it is not taken for the second's.
    await started[0]?.answerAll();
    await started[1]?.answerAll();
    expect(appended(await second)).toBe(2);
  });

  it("keeps an idle worker for the next request, and ends it when the pane closes", async () => {
    const { started, start } = workers();
    const solver = workerSolver(start);
    const first = solver.propose(planFor(2030), PANE_BUDGET_MS);
    await started[0]?.answerAll();
    expect(appended(await first)).toBe(0);
    const second = solver.propose(planFor(2032), PANE_BUDGET_MS);
    await started[0]?.answerAll();
    expect(appended(await second)).toBe(2);
    expect(started).toHaveLength(1);
    solver.cancel();
    expect(started[0]?.terminated).toBe(false);
    solver.dispose();
    expect(started[0]?.terminated).toBe(true);
  });

  it("a worker that cannot start hands over to the solver in the pane, and is not started again", async () => {
    const { started, start } = workers();
    const solver = workerSolver(start);
    const asked = solver.propose(planFor(2032), PANE_BUDGET_MS);
    started[0]?.failToStart();
    expect(appended(await asked)).toBe(2);
    expect(appended(await solver.propose(planFor(2030), PANE_BUDGET_MS))).toBe(0);
    expect(started).toHaveLength(1);
  });

  it("a host that refuses to create the worker: the solver runs in the pane", async () => {
    const solver = workerSolver(() => {
      throw new Error("SecurityError");
    });
    expect(appended(await solver.propose(planFor(2032), PANE_BUDGET_MS))).toBe(2);
  });

  it("the solver's failure is a rejected request with its message", async () => {
    const { started, start } = workers();
    const solver = workerSolver(start);
    const broken = { ...planFor(2032), settings: undefined } as unknown as Plan;
    const asked = solver.propose(broken, PANE_BUDGET_MS);
    await started[0]?.answerAll();
    await expect(asked).rejects.toThrow(/settings/);
  });
});

describe("the solver in the pane", () => {
  it("keeps to the budget: a clock past it at once gives a clean timeline marked not proven optimal", async () => {
    let now = 0;
    const late = inPaneSolver(() => (now += 1_000));
    const hurried = await late.propose(planFor(2032), PANE_BUDGET_MS);
    expect(hurried).toMatchObject({ feasible: true, proven: false, after: { error: 0 } });
    const timely = await inPaneSolver(() => 0).propose(planFor(2032), PANE_BUDGET_MS);
    expect(timely).toMatchObject({ feasible: true, proven: true, appendedMeetings: 2 });
  });

  it("a request cancelled before the solver ran resolves to nothing; the next is answered", async () => {
    const solver = inPaneSolver();
    const first = solver.propose(planFor(2030), PANE_BUDGET_MS);
    const second = solver.propose(planFor(2032), PANE_BUDGET_MS);
    expect(await first).toBeNull();
    expect(appended(await second)).toBe(2);
  });

  it("is the pane's solver where the host has no Worker (here, Node)", async () => {
    expect(typeof Worker).toBe("undefined");
    expect(appended(await paneSolver().propose(planFor(2032), PANE_BUDGET_MS))).toBe(2);
  });

  it("answers the worker's requests by id, an unexpected failure as its message", () => {
    const answer = answerRequest({ id: 7, plan: {} as Plan, budgetMs: PANE_BUDGET_MS }, () => 0);
    expect(answer).toMatchObject({ id: 7, error: expect.any(String) });
  });
});
