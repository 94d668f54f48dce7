/**
 * End to end in Chromium: slip cluster 2 by two years with the spin button, see the new findings,
 * propose, write the proposal sheet, apply, see the grid change and the check come back clean.
 * Screenshots at 320 px, light and dark, in test-results/e2e/.
 *
 * The same production bundle, Office.js from the package and fake Excel as pane.e2e.test.ts
 * (harness.ts). Everything is done as a user would: the spin button by its increment button and
 * the keyboard, the buttons by clicking them; the workbook is looked at through the fake's grid.
 */
import type { Page } from "playwright-core";
import { CHANGED_FILL, PROPOSAL_HEADERS, PROPOSED_COLUMN } from "../../src/domain/proposalSheet";
import { join } from "node:path";
import { e2eSuite, grid, idle, OFFICE_JS_TELEMETRY, sheetOf, SHOTS, e2eForSuite, syncs } from "./harness";
import type { SheetGrid } from "../support/fakeExcel/grid";

/** The planner's own notes in the Workplan table's Notes column, typed before the what-if. */
const NOTES: Record<string, string> = {
  F3: "Venue: Vienna",
  F7: "Bureau asked to keep topic 6 here if possible",
  F8: "Interpretation in six languages",
  F11: "Last meeting of the cycle",
};

const columnLetter = (index: number) => String.fromCharCode(65 + index);
const column = (sheet: SheetGrid, letter: string) =>
  Object.fromEntries(Object.entries(sheet.values).filter(([cell]) => new RegExp(`^${letter}\\d+$`).test(cell)));

e2eSuite()("the slip what-if, the proposal and Apply in Chromium (production bundle, fake Excel)", () => {
  const e2e = e2eForSuite();

  /**
   * Opens the pane, types the notes, and slips cluster 2 by two years with its spin button: once the increment button,
   * once ArrowUp.
   */
  async function slipWithSpinButton(theme: "light" | "dark"): Promise<{ page: Page; errors: string[] }> {
    const opened = await e2e.open(`seed=default&theme=${theme}`);
    const { page } = opened;
    for (const [cell, text] of Object.entries(NOTES))
      await page.evaluate(
        ([c, t]) => window.__workplanFake.setCell("Workplan", c as string, t as string),
        [cell, text],
      );
    const spin = page.getByRole("spinbutton", { name: "Expected review end of cluster 2" });
    expect(await spin.inputValue()).toBe("2030");
    const from = await syncs(page);
    // Fluent's SpinButton: the arrow buttons are beside the input, out of the tab order (the keyboard uses the arrow
    // keys).
    await page.locator("li", { has: spin }).locator(".fui-SpinButton__incrementButton").click();
    await page.getByText("Planned 2030 · +1 year").waitFor();
    await spin.focus();
    await page.keyboard.press("ArrowUp");
    await page.getByText("Planned 2030 · +2 years").waitFor();
    expect(await spin.inputValue()).toBe("2032");
    // The what-if is computed in the page: Excel is not asked.
    expect(await syncs(page)).toBe(from);
    return opened;
  }

  async function propose(page: Page) {
    await page.getByRole("button", { name: "Propose timeline" }).click();
    const table = page.getByRole("table", { name: "Changes to the fixed topics" });
    await table.waitFor();
    return table;
  }

  it(
    "spin cluster 2 to 2032 → two findings would appear → propose → write the proposal sheet → apply after " +
      "confirming → the grid changed, the notes kept, the check clean",
    async () => {
      const { page, errors } = await slipWithSpinButton("light");
      const before = await grid(page);
      const workplanBefore = sheetOf(before, "Workplan");
      expect(workplanBefore.tables).toEqual([{ name: "Workplan", range: "A1:F11" }]);

      // The findings the slip would make appear: cluster-too-early on the 15th and 16th meetings' fixed topics.
      const appear = page.getByRole("region", { name: "Would appear (2)" });
      await appear.waitFor();
      const appeared = await appear.getByRole("listitem").allTextContents();
      expect(appeared).toHaveLength(2);
      expect(appeared[0]).toMatch(
        /review of cluster 2 "Prevention".*expected to end in 2032.*error · cluster-too-early · Workplan!E7$/,
      );
      expect(appeared[1]).toMatch(
        /review of cluster 2 "Prevention".*expected to end in 2032.*error · cluster-too-early · Workplan!E8$/,
      );
      expect(await page.getByRole("region", { name: /^Would disappear/ }).count()).toBe(0);
      await e2e.audit(page, "what-if (light)");

      // Propose: the 20th and 21st meetings appended, nothing left to fix.
      const table = await propose(page);
      const appended = await table.getByRole("row").filter({ hasText: "appended" }).allTextContents();
      expect(appended).toEqual([
        "20thappended2033added, topic 9, Security and preventive measures",
        "21stappended2034added, topic 10, Training and technical assistance",
      ]);
      await page.getByText("After the change: 0 errors, 0 warnings, 0 info.").waitFor();
      // The meetings whose fixed topic changes, and those appended with one.
      const changedRows = (await table.getByRole("row").allTextContents()).filter((text) =>
        / → |added, topic/.test(text),
      ).length;
      // One primary button in the view: the proposal's "Write proposal for the Bureau" (Check steps back).
      const primaries = await page.getByRole("button").evaluateAll((buttons) => {
        const brand = getComputedStyle(
          buttons.find((b) => b.textContent === "Write proposal for the Bureau") ?? document.body,
        ).backgroundColor;
        return buttons.filter((b) => getComputedStyle(b).backgroundColor === brand).map((b) => b.textContent);
      });
      expect(primaries).toEqual(["Write proposal for the Bureau"]);
      await e2e.audit(page, "proposal (light)");
      const shot = await e2e.shoot(page, "whatif-proposal-light");
      process.stdout.write(`${shot}\n`);

      // Write the proposal sheet: a new sheet with the proposed grid, the changed proposed topics filled; the Workplan
      // table untouched.
      await page.getByRole("button", { name: "Write proposal for the Bureau" }).click();
      const wrote = page.getByText(/^Wrote the sheet “Proposal \d{4}-\d{2}-\d{2}” for the Bureau/);
      await wrote.waitFor();
      await idle(page);
      const name = /“(Proposal \d{4}-\d{2}-\d{2})”/.exec((await wrote.textContent()) ?? "")?.[1] ?? "";
      const today = await page.evaluate(() => new Date().toISOString().slice(0, 10));
      expect([
        `Proposal ${today}`,
        `Proposal ${new Date(Date.parse(today) - 86_400_000).toISOString().slice(0, 10)}`,
      ]).toContain(name);
      const written = await grid(page);
      const proposalSheet = sheetOf(written, name);
      expect(proposalSheet.visibility).toBe("Visible");
      expect(written.activeSheet).toBe(name);
      const headerCell =
        Object.entries(proposalSheet.values).find(([, value]) => value === PROPOSAL_HEADERS[0])?.[0] ?? "";
      const headerRow = Number(headerCell.slice(1));
      const letter = columnLetter(PROPOSED_COLUMN);
      expect(proposalSheet.values[`${letter}${headerRow}`]).toBe(PROPOSAL_HEADERS[PROPOSED_COLUMN]);
      // The proposed column's fills; the timeline under the grid fills the years' columns to its right.
      const filled = Object.keys(proposalSheet.fills).filter((cell) => new RegExp(`^${letter}\\d+$`).test(cell));
      expect(filled.length).toBe(changedRows);
      const conflict = Object.entries(proposalSheet.values).find(([, value]) => value === "15th!")?.[0] ?? "";
      expect(proposalSheet.fills[conflict]).toMatch(/^#?FF8B94$/i);
      for (const cell of filled) {
        expect(Number(cell.slice(1))).toBeGreaterThan(headerRow);
        expect(proposalSheet.fills[cell]).toMatch(new RegExp(`^#?${CHANGED_FILL}$`, "i"));
      }
      // Filled exactly where the proposed fixed topic differs from the current one.
      const current = columnLetter(PROPOSAL_HEADERS.indexOf("Fixed topic now"));
      // The grid's rows (a meeting's ordinal in column A), not the blocks below it.
      const bodyRows = Object.entries(column(proposalSheet, "A"))
        .filter(([, value]) => /^\d+(st|nd|rd|th)$/.test(String(value)))
        .map(([cell]) => Number(cell.slice(1)))
        .filter((row) => row > headerRow);
      expect(bodyRows).toHaveLength(12);
      const differing = bodyRows.filter(
        (row) =>
          (proposalSheet.values[`${current}${row}`] ?? null) !== (proposalSheet.values[`${letter}${row}`] ?? null),
      );
      expect(filled.map((cell) => Number(cell.slice(1))).sort((a, b) => a - b)).toEqual(differing);
      // The two appended meetings are on the sheet, their proposed topics filled.
      const row21 = Object.entries(proposalSheet.values).find(([, value]) => value === "21st")?.[0] ?? "";
      expect(proposalSheet.fills[`${letter}${row21.slice(1)}`]).toBeDefined();
      expect(sheetOf(written, "Workplan").values).toEqual(workplanBefore.values);
      expect(sheetOf(written, "Workplan").tables).toEqual(workplanBefore.tables);

      // Apply, after the confirmation that says what will change.
      await page.getByRole("button", { name: "Apply to workplan" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Apply the proposal to the workplan?" });
      await dialog.waitFor();
      const changes = await dialog.getByRole("listitem").allTextContents();
      // Seen with an arrow, heard as "becomes".
      expect(changes[0]).toBe('Cluster 2 "Prevention": expected review end 2030 → becomes 2032 (+2 years)');
      expect(changes).toContain("Add the 21st meeting (2034) with topic 10");
      // The confirmation opens with focus on Cancel.
      expect(await dialog.getByRole("button", { name: "Cancel" }).evaluate((b) => b === document.activeElement)).toBe(
        true,
      );
      await e2e.audit(page, "confirmation (light)");
      await e2e.shoot(page, "whatif-confirmation-light");
      await dialog.getByRole("button", { name: "Apply", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Applied and checked: no conflicts." }).waitFor();
      await idle(page);

      // The grid: 12 meetings in the Workplan table, E7 and E8 changed, the planner's notes where they were, no
      // highlight.
      const after = await grid(page);
      const workplan = sheetOf(after, "Workplan");
      expect(workplan.tables).toEqual([{ name: "Workplan", range: "A1:F13" }]);
      expect(Object.keys(column(workplan, "A")).length - 1).toBe(12);
      expect(workplan.values.E7).not.toBe(workplanBefore.values.E7);
      expect(workplan.values.E8).not.toBe(workplanBefore.values.E8);
      expect([workplan.values.A12, workplan.values.B12, workplan.values.A13, workplan.values.B13]).toEqual([
        20, 2033, 21, 2034,
      ]);
      expect(String(workplan.values.E12)).toMatch(/^9 — /);
      expect(String(workplan.values.E13)).toMatch(/^10 — /);
      expect(column(workplan, "F")).toEqual(column(workplanBefore, "F"));
      for (const [cell, text] of Object.entries(NOTES)) expect(workplan.values[cell]).toBe(text);
      // Only the fixed topics changed in the existing rows: meeting, year, status and flexible topic as they were.
      for (const letterBefore of ["A", "B", "C", "D"]) {
        const kept = Object.fromEntries(
          Object.entries(column(workplan, letterBefore)).filter(([cell]) => Number(cell.slice(1)) <= 11),
        );
        expect(kept).toEqual(column(workplanBefore, letterBefore));
      }
      expect(workplan.fills).toEqual({});
      expect(sheetOf(after, "Clusters").values.E3).toBe(2032);

      // The check after Apply is clean: no errors, no warnings.
      await page.getByText("No conflicts", { exact: true }).waitFor();
      expect(await page.getByRole("region", { name: /^(Errors|Warnings|Info)/ }).count()).toBe(0);
      expect(await page.getByRole("group", { name: "Last check" }).textContent()).toMatch(/^Highlights written on /);
      expect(await page.getByRole("spinbutton", { name: "Expected review end of cluster 2" }).inputValue()).toBe(
        "2032",
      );
      await page
        .getByText(
          /^Applied the proposal: \d+ fixed topics changed, 2 meetings appended, 1 expected review end saved\./,
        )
        .waitFor();
      await e2e.audit(page, "applied (light)");
      await e2e.shoot(page, "whatif-applied-light");

      // Undo apply restores the grid exactly: the Workplan and Clusters sheets as before Apply.
      await page.getByRole("button", { name: "Undo apply" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: /^Apply undone and checked/ })
        .waitFor();
      await idle(page);
      const undone = await grid(page);
      expect(sheetOf(undone, "Workplan").values).toEqual(workplanBefore.values);
      expect(sheetOf(undone, "Workplan").tables).toEqual(workplanBefore.tables);
      expect(sheetOf(undone, "Clusters").values.E3).toBe(2030);
      expect(await page.getByRole("button", { name: "Undo apply" }).count()).toBe(0);
      await e2e.audit(page, "undone (light)");
      expect(errors).toEqual([]);
    },
    120_000,
  );

  it("shows the proposal in Office's dark theme", async () => {
    const { page, errors } = await slipWithSpinButton("dark");
    await page.getByRole("region", { name: "Would appear (2)" }).waitFor();
    const table = await propose(page);
    expect(await table.getByRole("row").filter({ hasText: "appended" }).count()).toBe(2);
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    await e2e.audit(page, "proposal (dark)");
    const shot = await e2e.shoot(page, "whatif-proposal-dark");
    process.stdout.write(`${shot}\n`);
    expect(errors).toEqual([]);
  }, 90_000);

  it("draws the timeline: the slip, the keyboard, the proposal before and after (light, dark, forced)", async () => {
    for (const theme of ["light", "dark"] as const) {
      const { page, errors } = await slipWithSpinButton(theme);
      const heading = page.getByRole("heading", { name: "Timeline", exact: true });
      const timeline = page.locator("section", { has: heading });
      const said = timeline.locator('[aria-live="polite"]');
      await timeline.getByText("Cluster 2: review from 2027, planned end 2030, expected end 2032").waitFor({
        state: "attached",
      });
      await timeline.getByText("Shaded: acceptable years for topic 6, 2030 to 2033.").waitFor();
      // One tab stop after the page's last control before it; the arrow keys go from meeting to meeting.
      await page.getByRole("group", { name: "Timeline" }).focus();
      for (let i = 0; i < 6; i++) await page.keyboard.press("ArrowRight");
      expect(await said.textContent()).toBe("15th meeting, 2028: topic 6, in conflict. ");
      await timeline.screenshot({ path: join(SHOTS, `timeline-${theme}.png`) });
      await e2e.audit(page, `timeline (${theme})`);
      if (theme === "light") {
        // Windows high contrast: system colours, the shapes tell the statuses apart.
        await page.emulateMedia({ forcedColors: "active" });
        await timeline.screenshot({ path: join(SHOTS, "timeline-forced.png") });
        await e2e.audit(page, "timeline (forced colours)");
        await page.emulateMedia({ forcedColors: "none" });
      }

      await propose(page);
      await timeline.getByText("Proposed: 21st meeting, 2034: topic 10, planned").waitFor({ state: "attached" });
      await page.getByRole("group", { name: "Timeline" }).focus();
      await page.keyboard.press("End");
      expect(await said.textContent()).toBe("Proposed: 21st meeting, 2034: topic 10, planned. ");
      await timeline.screenshot({ path: join(SHOTS, `timeline-proposal-${theme}.png`) });
      await e2e.shoot(page, `timeline-pane-${theme}`);
      expect(errors).toEqual([]);
    }
  }, 120_000);

  it(
    "proposes in a Web Worker (proposeWorker.js): the solver never loads in the page, and the last step's " +
      "proposal is the one shown",
    async () => {
      const { page, errors } = await e2e.open("seed=default&theme=light");
      const workers: string[] = [];
      page.on("worker", (worker) => workers.push(worker.url()));
      await page.getByRole("button", { name: "Propose timeline" }).click();
      const panel = page.getByRole("region", { name: "Proposed timeline" });
      await panel
        .getByText("No change needed: every topic already sits inside its cluster windows.")
        .first()
        .waitFor({ timeout: 20_000 });
      expect(workers.length).toBeGreaterThan(0);

      // Two steps of the spin button in a row, the proposal open: each step asks again, and cancels the one before.
      const spin = page.getByRole("spinbutton", { name: "Expected review end of cluster 2" });
      await spin.focus();
      await page.keyboard.press("ArrowUp");
      await page.keyboard.press("ArrowUp");
      await page.getByText("Planned 2030 · +2 years").waitFor({ timeout: 20_000 });
      await panel
        .getByText("The workplan would end in 2034 instead of 2032: two more meetings")
        .waitFor({ timeout: 20_000 });
      expect(await panel.getByRole("row").filter({ hasText: "appended" }).count()).toBe(2);

      // Every solver ran in a worker of the host's proposeWorker.js (the page's policy allowed it); the solver's
      // chunk for hosts without workers was never loaded, and taskpane.js does not hold the solver.
      expect(new Set(workers)).toEqual(new Set([`${e2e.base}/proposeWorker.js`]));
      expect(e2e.requests.filter((url) => url.endsWith("/propose-in-pane.js"))).toEqual([]);
      expect(await page.evaluate(() => document.querySelectorAll('script[src$="propose-in-pane.js"]').length)).toBe(0);
      expect(errors).toEqual([]);
    },
    90_000,
  );

  it(
    "says a meeting appended in the year of a cancelled one takes its place, and, with no clean timeline but only " +
      "warnings, that the workplan may be kept",
    async () => {
      const { page, errors } = await e2e.open("seed=default&theme=light");
      const cancel19 = page.getByRole("checkbox", { name: "Cancel the 19th meeting (2032)" });
      await cancel19.check();
      await page.getByRole("button", { name: "Propose timeline" }).click();
      const panel = page.getByRole("region", { name: "Proposed timeline" });
      await panel
        .getByText(
          "The workplan would still end in 2032: one meeting appended in place of a cancelled one, and one topic " +
            "moves to another meeting.",
        )
        .waitFor({ timeout: 20_000 });
      expect(await panel.getByText(/would keep its meetings/).count()).toBe(0);
      await e2e.shoot(page, "proposal-replaced");

      // The cancellation taken back, cluster 2's review a year early: no clean timeline, only warnings.
      await cancel19.uncheck();
      const spin = page.getByRole("spinbutton", { name: "Expected review end of cluster 2" });
      await spin.focus();
      await page.keyboard.press("ArrowDown");
      await page.getByText("No clean timeline exists").waitFor({ timeout: 20_000 });
      await page
        .getByText("The workplan as it stands has no error: only its warnings cannot all be cleared by moving topics")
        .waitFor({ timeout: 20_000 });
      await e2e.shoot(page, "proposal-only-warnings");
      expect(errors).toEqual([]);
    },
    90_000,
  );

  it("never leaves localhost", () => {
    expect(e2e.requests.length).toBeGreaterThan(0);
    expect(e2e.offHost.filter((url) => url !== OFFICE_JS_TELEMETRY)).toEqual([]);
  });
});
