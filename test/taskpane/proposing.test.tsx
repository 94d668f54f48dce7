/** @jest-environment jsdom */
/**
 * The proposal while the what-if moves, in the task pane against the fake Excel: the pane asks the
 * solver port (here a test double that holds each request until the test answers it) at every step
 * once "Propose timeline" is selected, within the pane's 250 ms budget; a step cancels the request
 * before it, and an answer to a cancelled request is never shown, whatever order the answers come in.
 */
import "@testing-library/jest-dom";
import { act, screen, within } from "@testing-library/react";
import { officeWith, openPane, type PaneUser } from "../support/openPane";
import { HeldSolver } from "../support/solver";

function show() {
  const excel = officeWith();
  const solver = new HeldSolver();
  return { user: openPane(excel, { solver }).user, solver, excel };
}

async function spinUp(user: PaneUser, times: number): Promise<void> {
  await user.click(await screen.findByRole("spinbutton", { name: "Expected review end of cluster 2" }));
  for (let i = 0; i < times; i++) await user.keyboard("{ArrowUp}");
}

const appendedRows = () =>
  within(screen.getByRole("table", { name: "Changes to the fixed topics" }))
    .getAllByRole("row")
    .filter((row) => /appended/.test(row.textContent ?? ""))
    .map((row) => row.textContent);

describe("the proposal while the what-if moves", () => {
  it("a step while the solver works cancels its request: only the last step's proposal is shown", async () => {
    const { user, solver, excel } = show();
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    expect(await screen.findByText("Proposing a timeline…")).toBeInTheDocument();
    expect(solver.requests.map((r) => r.budgetMs)).toEqual([250]);
    const syncs = excel.syncs;

    // Two steps of the spin button (2031, then 2032) before the solver has answered the first request.
    await spinUp(user, 2);
    expect(solver.requests.map((r) => r.cancelled)).toEqual([true, true, false]);
    expect(screen.getByText("Proposing a timeline…")).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "Proposed timeline" })).toBeNull();

    await act(async () => void solver.answer(2));
    const panel = await screen.findByRole("region", { name: "Proposed timeline" });
    expect(panel).toHaveTextContent("The workplan would end in 2034 instead of 2032: two more meetings");
    expect(appendedRows()).toHaveLength(2);

    // The cancelled requests' answers arrive late (for the workbook as it stands, and for 2031): not shown.
    await act(async () => {
      solver.answer(0);
      solver.answer(1);
    });
    expect(screen.getByRole("region", { name: "Proposed timeline" })).toHaveTextContent(
      "The workplan would end in 2034 instead of 2032: two more meetings",
    );
    expect(screen.queryByText(/^No change needed/)).toBeNull();
    expect(appendedRows()).toHaveLength(2);
    // The solver works in memory: Excel was not asked.
    expect(excel.syncs).toBe(syncs);

    // One step back: the pane waits for the new answer rather than show the one for 2032.
    await user.keyboard("{ArrowDown}");
    expect(screen.queryByRole("region", { name: "Proposed timeline" })).toBeNull();
    expect(solver.requests).toHaveLength(4);
    await act(async () => void solver.answer(3));
    expect(await screen.findByRole("region", { name: "Proposed timeline" })).not.toHaveTextContent("2034");
  });

  it("a meeting cancelled for the what-if is a step too: the solver is asked for the plan without it", async () => {
    const { user, solver } = show();
    await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
    await act(async () => void solver.answer(0));
    expect(await screen.findByRole("region", { name: "Proposed timeline" })).toHaveTextContent(/^Proposed timeline/);
    expect(solver.requests.map((r) => r.plan.meetings.some((m) => m.status === "cancelled"))).toEqual([false]);

    const meetings = screen.getByRole("region", { name: "Meetings" });
    await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 19th meeting (2032)" }));
    expect(screen.queryByRole("region", { name: "Proposed timeline" })).toBeNull();
    expect(solver.requests).toHaveLength(2);
    expect(solver.requests[1]?.plan.meetings.find((m) => m.ordinal === 19)?.status).toBe("cancelled");
    await act(async () => void solver.answer(1));
    expect(await screen.findByRole("region", { name: "Proposed timeline" })).toHaveTextContent(
      /Apply is not offered for a what-if with cancelled meetings/,
    );
  });

  it("says in plain words when the search ran out of time: the timeline is clean, not proven the best", async () => {
    const { user, solver } = show();
    await spinUp(user, 2);
    await user.click(screen.getByRole("button", { name: "Propose timeline" }));
    await act(async () => void solver.answer(0, { outOfTime: true }));
    const panel = await screen.findByRole("region", { name: "Proposed timeline" });
    expect(panel).toHaveTextContent(
      "Not proven to be the best timeline: the pane gives the search a quarter of a second at each step",
    );
    expect(panel).toHaveTextContent("After the change: 0 errors");
    // With the time it needs, the same what-if's proposal is proven: no such line.
    await spinUp(user, 1);
    await user.keyboard("{ArrowDown}");
    expect(solver.requests).toHaveLength(3);
    await act(async () => void solver.answer(2));
    expect(await screen.findByRole("region", { name: "Proposed timeline" })).not.toHaveTextContent(/Not proven/);
  });
});
