/** @jest-environment jsdom */
/**
 * What a reviewer found in the pane, against the fake Excel through the real adapter: the what-if's
 * appearing findings tell their severities apart; a check or read that fails leaves no "No conflicts"
 * that looks current, and a refused read is not called a refused change; the create text and the
 * notice after Create name the sheets Create adds, Timeline included; one visually hidden h1.
 */
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
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

function show(seed: "default" | "empty" = "default"): { excel: FakeExcel; user: ReturnType<typeof userEvent.setup> } {
  const excel = createFakeExcel({ seed });
  restore = withOffice(excel);
  const user = userEvent.setup();
  render(<App theme="light" workbook={officeWorkbook(excel.run, () => NOW)} />);
  return { excel, user };
}

describe("the what-if's findings that would appear", () => {
  it("each say their severity, icon and word, as the findings list does: one error and four info", async () => {
    const { user } = show();
    const meetings = await screen.findByRole("region", { name: "Meetings" });
    await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 15th meeting (2028)" }));
    const appear = await screen.findByRole("region", { name: /^Would appear/ });
    const items = within(appear).getAllByRole("listitem");
    // The cancelled meeting's topic (an error) and the four meetings that would be renumbered (info), told apart.
    expect(items.map((li) => li.textContent?.replace(/:.*/s, ""))).toEqual(["Error", "Info", "Info", "Info", "Info"]);
    for (const item of items) expect(item.querySelector("svg[aria-hidden]")).not.toBeNull();
  });
});

describe("a check or a read that fails", () => {
  const check = () => screen.getByRole("button", { name: "Check", exact: true } as never);

  it("leaves no 'No conflicts' that looks current, and calls a refused read no refused change", async () => {
    const { excel, user } = show();
    await screen.findByRole("group", { name: "No conflicts" });
    // The check and the read after it are both refused.
    excel.failNextSync("AccessDenied", "The sheet is protected.");
    excel.failNextSync("AccessDenied", "The sheet is protected.");
    await user.click(check());
    const bar = await screen.findByRole("group", { name: "Could not check the workbook" });
    expect(bar).toHaveTextContent(/Could not read the workbook\. Excel refused the add-in access/);
    expect(bar).not.toHaveTextContent(/refused the change/);
    expect(screen.queryByRole("group", { name: "No conflicts" })).toBeNull();
    expect(screen.getByText("No conflicts the last time the workbook could be read.")).toBeInTheDocument();
    expect(within(screen.getByRole("group", { name: "Last check" })).getByText(/^Not up to date:/)).toBeInTheDocument();

    // The next check that succeeds is current again.
    await user.click(check());
    expect(await screen.findByRole("group", { name: "No conflicts" })).toBeInTheDocument();
    expect(screen.queryByText(/^Not up to date:/)).toBeNull();
  });

  it("marks the findings listed as the last read's when a co-author's changes cannot be read", async () => {
    const { excel } = show();
    await screen.findByRole("group", { name: "No conflicts" });
    // A co-author moves cluster 2's expected end to 2032: two errors, listed on the refresh.
    excel.editCell("Clusters", "E3", 2032, "Remote");
    await screen.findByRole("region", { name: "Errors (2)" }, { timeout: 3000 });
    excel.failNextSync("GeneralException", "Excel could not complete the request.");
    excel.editCell("Workplan", "F6", "Geneva", "Remote");
    await screen.findByRole("group", { name: "Could not read a co-author's changes" }, { timeout: 3000 });
    expect(screen.getByRole("region", { name: "Errors (2)" })).toBeInTheDocument();
    expect(screen.getByText(/^Not up to date: the workbook could not be read just now/)).toBeInTheDocument();
  });
});

describe("Create", () => {
  it("names the sheets it adds in the same words before and after, Timeline included", async () => {
    const { excel, user } = show("empty");
    const sheets = "Workplan, Topics, Articles, Clusters, FlexibleTopics, Settings, Sources, Conflicts and Timeline";
    expect(await screen.findByText(new RegExp(`with the adopted workplan: the sheets ${sheets}, with`))).toBeVisible();
    await user.click(screen.getByRole("button", { name: "Create the workplan workbook" }));
    expect(
      await screen.findByText(`Created the sheets ${sheets} with the adopted workplan. Select Check to check it.`),
    ).toBeInTheDocument();
    const visible = excel.model.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);
    for (const name of sheets.split(/, | and /)) expect(visible).toContain(name);
  });
});
