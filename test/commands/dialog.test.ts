/** @jest-environment jsdom */
/**
 * The ribbon check's outcome window (dialog.html and its script): it shows what the function file
 * put in its address, focuses a button, and sends the buttons' choice (and Escape) to the function
 * file with messageParent, the one Office call a dialog may make besides isSetSupported.
 */
import "@testing-library/jest-dom";
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { startDialog } from "../../src/commands/dialog";
import { DIALOG_SAYS, dialogUrl, type DialogContent } from "../../src/commands/outcomeDialog";

const CHECKED: DialogContent = {
  heading: "Workplan checked",
  lines: ["Found 2 errors and 1 warning.", "To read each finding and what would fix it, open the pane."],
  failed: false,
  close: "Close",
  openPane: "Open the pane",
  colors: null,
};

/** The page as webpack writes it, at the address the function file opens, with Office.js ready. */
function open(content: DialogContent | string) {
  document.body.innerHTML = '<main id="outcome"><p>Workplan Checker: the outcome is on the Conflicts sheet.</p></main>';
  const search =
    typeof content === "string" ? content : new URL(dialogUrl("https://localhost:3000/taskpane.html", content)).search;
  window.history.replaceState(null, "", `/dialog.html${search}`);
  const said: string[] = [];
  const office = {
    onReady: (ready: () => void) => ready(),
    context: { ui: { messageParent: (m: string) => said.push(m) } },
  };
  startDialog(office);
  return said;
}

describe("the outcome window", () => {
  it("shows the heading and the lines, and focuses Open the pane", () => {
    open(CHECKED);
    expect(screen.getByRole("heading", { level: 1, name: "Workplan checked" })).toBeInTheDocument();
    expect(screen.getByText("Found 2 errors and 1 warning.")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "Open the pane" })).toHaveFocus();
    expect(document.title).toBe("Workplan checked");
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
  });

  it("sends what the buttons and Escape say to the function file", async () => {
    const said = open(CHECKED);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Open the pane" }));
    await user.click(screen.getByRole("button", { name: "Close" }));
    await user.keyboard("{Escape}");
    expect(said).toEqual([DIALOG_SAYS.openPane, DIALOG_SAYS.close, DIALOG_SAYS.close]);
  });

  it("shows an error as an alert, with Close alone (and focused) where the pane cannot be opened", () => {
    open({
      ...CHECKED,
      heading: "The workplan was not checked",
      lines: ["Could not check the workbook. The sheet is protected."],
      failed: true,
      openPane: null,
    });
    expect(screen.getByRole("alert")).toHaveTextContent("Could not check the workbook. The sheet is protected.");
    expect(screen.getAllByRole("button").map((b) => b.textContent)).toEqual(["Close"]);
    expect(screen.getByRole("button", { name: "Close" })).toHaveFocus();
  });

  it("takes Office's colours", () => {
    open({ ...CHECKED, colors: { background: "#292929", foreground: "#FFFFFF" } });
    expect(document.body).toHaveStyle({ background: "#292929", color: "#FFFFFF" });
  });

  it.each([
    ["no content", ""],
    ["broken JSON", "?outcome=%7Bnot-json"],
    ["lines that are not text", `?outcome=${encodeURIComponent(JSON.stringify({ ...CHECKED, lines: [3] }))}`],
    ["an empty heading", `?outcome=${encodeURIComponent(JSON.stringify({ ...CHECKED, heading: "" }))}`],
  ])("keeps the page's own line, without failing, on %s", (_, search) => {
    expect(() => open(search)).not.toThrow();
    expect(screen.getByText(/the outcome is on the Conflicts sheet/)).toBeInTheDocument();
    expect(screen.queryByRole("button")).not.toBeInTheDocument();
  });

  it("shows markup in a message as text, never as markup", () => {
    open({ ...CHECKED, lines: ['<img src=x onerror="alert(1)">'] });
    expect(screen.getByText('<img src=x onerror="alert(1)">')).toBeInTheDocument();
    expect(document.querySelector("img")).toBeNull();
  });
});
