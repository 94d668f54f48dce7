/** @jest-environment jsdom */
/**
 * The one summary line above the findings always matches what the pane shows: under a what-if it
 * says what the what-if brings, never a green "No conflicts" beside the conflicts it makes appear;
 * and a Check that Excel refuses to write is a warning bar under the Check button.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { officeWorkbook } from "../../src/taskpane/workbook";
import { createFakeExcel, withOffice, type FakeExcel } from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");
let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function open(): { excel: FakeExcel; user: ReturnType<typeof userEvent.setup> } {
  const excel = createFakeExcel({ seed: "default" });
  restore = withOffice(excel);
  const user = userEvent.setup();
  render(<App theme="light" workbook={officeWorkbook(excel.run, () => NOW)} />);
  return { excel, user };
}

const idle = () => waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));

describe("the summary line under a what-if", () => {
  it("says the workbook has no conflicts and the what-if two errors, with no green 'No conflicts'", async () => {
    const { user } = open();
    const spin = await screen.findByRole("spinbutton", { name: "Expected review end of cluster 2" });
    await idle();
    expect(screen.getByRole("group", { name: "No conflicts" })).toBeInTheDocument();
    await user.click(spin);
    await user.keyboard("{ArrowUp}{ArrowUp}");
    await screen.findByRole("region", { name: "Would appear (2)" });
    expect(screen.queryByRole("group", { name: "No conflicts" })).toBeNull();
    expect(screen.getByText("No conflicts in the workbook as it stands.")).toBeInTheDocument();
    expect(screen.getByText("With this what-if (not written): 2 errors, 0 warnings, 0 info.")).toBeInTheDocument();

    await user.click(screen.getByRole("button", { name: "Reset" }));
    await waitFor(() => expect(screen.getByRole("group", { name: "No conflicts" })).toBeInTheDocument());
    expect(screen.queryByText(/^With this what-if/)).toBeNull();
  });

  it("counts the workbook's findings and the what-if's when both have some", async () => {
    const { excel, user } = open();
    excel.editCell("Clusters", "E3", 2032);
    const meetings = await screen.findByRole("region", { name: "Meetings" });
    await screen.findByRole("region", { name: "Errors (2)" });
    expect(screen.queryByText(/^With this what-if/)).toBeNull();
    await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 19th meeting (2032)" }));
    await screen.findByRole("group", { name: "What the slip changes" });
    expect(screen.getByText("2 errors, 0 warnings, 0 info in the workbook as it stands.")).toBeInTheDocument();
    expect(screen.getByText(/^With this what-if \(not written\): \d+ errors?, /)).toBeInTheDocument();
  });
});

describe("a Check that Excel refuses to write", () => {
  it("is a warning bar under the Check button, above the last check and 'No conflicts'", async () => {
    const { excel, user } = open();
    await screen.findByRole("group", { name: "No conflicts" });
    await idle();
    excel.refuseWrites("AccessDenied", "The sheet is protected.");
    await user.click(screen.getByRole("button", { name: "Check" }));
    const bar = await screen.findByRole("group", { name: "Check could not write to the workbook." });
    expect(bar).toHaveTextContent(
      /The highlights are not written; the findings below are read from it\. Excel refused/,
    );
    expect(screen.getByRole("group", { name: "Last check" })).not.toHaveTextContent(/could not/);
    const order = (a: Element, b: Element) => a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING;
    expect(order(screen.getByRole("button", { name: "Check" }), bar)).toBeTruthy();
    expect(order(bar, screen.getByRole("group", { name: "Last check" }))).toBeTruthy();
    expect(order(bar, screen.getByRole("group", { name: "No conflicts" }))).toBeTruthy();
  });
});
