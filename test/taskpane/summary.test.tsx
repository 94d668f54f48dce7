/** @jest-environment jsdom */
/**
 * The one summary line above the findings always matches what the pane shows: under a what-if it
 * says what the what-if brings, never a green "No conflicts" beside the conflicts it makes appear;
 * and a Check that Excel refuses to write is a warning bar under the Check button.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { officeWith, openPane, paneIdle } from "../support/openPane";

function open() {
  const excel = officeWith();
  return { excel, user: openPane(excel).user };
}

describe("the summary line under a what-if", () => {
  it("says the workbook has no conflicts and the what-if two errors, with no green 'No conflicts'", async () => {
    const { user } = open();
    const spin = await screen.findByRole("spinbutton", { name: "Expected review end of cluster 2" });
    await paneIdle();
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
    await paneIdle();
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
