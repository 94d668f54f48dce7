/**
 * The planner's tour of issue 12 end to end, in ONE page of Chromium (production bundle, fake
 * Excel, harness.ts): open a workbook a planner checked with the ribbon's button and see its
 * findings with no write; slip cluster 2; cancel a meeting and see the timeline follow; propose;
 * write the proposal for the Bureau; Apply (the confirmation opens on Cancel); Undo apply restores
 * the Workplan exactly; the ribbon's Check workplan, pressed with the pane open (one shared runtime):
 * its code loads on demand, the pane shows its check at once, and its window's Open the pane
 * (dialog.html in a page of its own) closes the window and shows the pane. At each key state,
 * screenshots at 320 and 450 px in light, dark and forced colours (test-results/e2e/tour-*.png) and
 * axe-core in each of the three.
 *
 * pane.e2e.test.ts and whatif.e2e.test.ts prove each step in detail; this file proves they follow
 * one another in one session as a planner takes them.
 */
import type { Page } from "playwright-core";
import { OFFICE_THEMES } from "../support/fakeExcel/office";
import type { GridState } from "../support/fakeExcel/grid";
import { e2eSuite, grid, idle, OFFICE_JS_TELEMETRY, sheetOf, e2eForSuite, syncs } from "./harness";

/** What Undo apply must give back exactly: the Workplan's and the Clusters' cells, fills, notes and tables. */
const cellsOf = (state: GridState) =>
  ["Workplan", "Clusters"].map((name) => {
    const { values, fills, fonts, notes, tables } = sheetOf(state, name);
    return { name, values, fills, fonts, notes, tables };
  });

e2eSuite()("the planner's tour in one page of Chromium (production bundle, fake Excel)", () => {
  const e2e = e2eForSuite();

  /** Office's theme switched as a planner would, then the pane regains focus and reads it again. */
  async function officeTheme(page: Page, theme: "light" | "dark") {
    await page.evaluate((colours) => {
      window.__workplanFake.office.context.officeTheme = { ...colours };
      window.dispatchEvent(new Event("focus"));
    }, OFFICE_THEMES[theme]);
    await page.locator(`[data-theme="${theme}"]`).waitFor();
    await idle(page);
  }

  /** The state as it is, at 320 and 450 px, in light, dark and forced colours; axe-core at 320 px in each. */
  async function look(page: Page, state: string) {
    for (const mode of ["light", "dark", "forced"] as const) {
      await officeTheme(page, mode === "dark" ? "dark" : "light");
      await page.emulateMedia({ forcedColors: mode === "forced" ? "active" : "none" });
      // The buttons change colour with a transition: shoot them as they settle, not halfway.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"));
      for (const width of [320, 450]) {
        await page.setViewportSize({ width, height: 800 });
        await e2e.shoot(page, `tour-${state}-${width}-${mode}`);
      }
      await page.setViewportSize({ width: 320, height: 800 });
      await e2e.audit(page, `tour ${state} (${mode})`);
    }
    await page.emulateMedia({ forcedColors: "none" });
    await officeTheme(page, "light");
  }

  /**
   * The ribbon's button pressed while the pane is open, as the shared runtime has it: the command's chunk loads in
   * the pane's page, the pane shows "Check done" while the window is open, and the window's page (dialog.html, with
   * a stand-in for Office.js that passes messageParent to the fake's dialog) sends Open the pane.
   */
  async function ribbonCheck(page: Page) {
    await page.evaluate(() => {
      (window as unknown as { pressed: Promise<void> }).pressed = window.__workplanFake.invokeCommand("checkWorkplan");
    });
    await page.waitForFunction(() => window.__workplanFake.office.dialogs.length === 1);
    await page
      .getByRole("status")
      .filter({ hasText: /^Check done: / })
      .waitFor();
    await idle(page);
    const url = await page.evaluate(() => window.__workplanFake.office.dialogs[0]?.url ?? "");
    expect(new URL(url).pathname).toBe("/dialog.html");

    const window2 = await page.context().newPage();
    await window2.exposeFunction("toParent", (said: string) =>
      page.evaluate((message) => window.__workplanFake.office.dialogs[0]?.messageParent(message), said),
    );
    const standIn =
      "window.Office = { onReady: function (ready) { ready(); }, " +
      "context: { ui: { messageParent: function (m) { window.toParent(m); } } } };";
    await window2.route("**/office-js/office.js", (route) =>
      route.fulfill({ contentType: "application/javascript", body: standIn }),
    );
    await window2.goto(url);
    await window2.getByRole("heading", { name: "Workplan checked" }).waitFor();
    const open = window2.getByRole("button", { name: "Open the pane" });
    expect(await open.evaluate((b) => b === document.activeElement)).toBe(true);
    await open.click();
    await page.evaluate(() => (window as unknown as { pressed: Promise<void> }).pressed);
    expect(await page.evaluate(() => window.__workplanFake.office.taskpane)).toEqual({ visible: true, shown: 1 });
    expect(await page.evaluate(() => window.__workplanFake.office.dialogs[0]?.closed)).toBe(true);
    await window2.close();
  }

  it(
    "opens a checked workbook with its findings and no write → slips cluster 2 → cancels a meeting, the timeline " +
      "follows → proposes → writes the proposal for the Bureau → applies from a confirmation on Cancel → undoes " +
      "the apply exactly → the ribbon's Check workplan, then Open the pane",
    async () => {
      // A planner slipped cluster 2 to 2031 and checked with the ribbon's button; then the pane opens.
      const { page, errors } = await e2e.open("seed=default&theme=light&checked=Clusters!E3:2031");
      const opened = await page.evaluate(() => window.__workplanFake.opened);
      if (!opened) throw new Error("the workbook was not checked before the pane opened");

      // Opening reads and writes nothing: the list is there at once, said to be highlighted. One sync: which
      // tables the workbook has, the tables and highlights, and the change events the pane listens to.
      const errorsGroup = page.getByRole("region", { name: /^Errors \(\d+\)$/ });
      await errorsGroup.waitFor();
      await idle(page);
      expect((await syncs(page)) - opened.syncs).toBe(1);
      expect(await grid(page)).toEqual(opened.grid);
      const listed = await errorsGroup.getByRole("listitem").count();
      expect(listed).toBeGreaterThan(0);
      // The last check's line says when the highlights were written; the counts are the summary's alone.
      const lastCheck = page.getByRole("group", { name: "Last check" });
      expect(await lastCheck.textContent()).toMatch(/^Highlights written on \d{1,2} \w+ \d{4} at \d\d:\d\d/);
      expect(await lastCheck.textContent()).not.toMatch(/error/);
      expect(await page.getByText(/ in the workbook as it stands\.$/).textContent()).toMatch(
        new RegExp(`^${listed} errors?,`),
      );
      expect(await lastCheck.textContent()).not.toMatch(/Not highlighted yet/);
      await look(page, "opened");

      // Slip cluster 2 one more year with its spin button: the what-if is worked out in the page.
      const beforeWhatIf = await syncs(page);
      const spin = page.getByRole("spinbutton", { name: "Expected review end of cluster 2" });
      expect(await spin.inputValue()).toBe("2031");
      await spin.focus();
      await page.keyboard.press("ArrowUp");
      await page.getByText("Planned 2030 · +2 years").waitFor();
      const timeline = page.locator("section", { has: page.getByRole("heading", { name: "Timeline", exact: true }) });
      await timeline
        .getByText("Cluster 2: review from 2027, planned end 2030, expected end 2032")
        .waitFor({ state: "attached" });

      // Cancel the 19th meeting for the what-if: the timeline marks it cancelled.
      const meetings = page.locator("section", { has: page.getByRole("heading", { name: "Meetings", exact: true }) });
      const cancel19 = meetings.getByRole("checkbox", { name: /^Cancel the 19th meeting/ });
      await cancel19.check();
      await timeline.getByText(/^19th meeting, \d{4}: .*, cancelled$/).waitFor({ state: "attached" });
      expect(await syncs(page)).toBe(beforeWhatIf);
      await look(page, "whatif");

      // The planner takes the cancellation back (it is not decided) and proposes for the slip alone.
      const beforePropose = await syncs(page);
      await cancel19.uncheck();
      await timeline.getByText(/^19th meeting, \d{4}: .*, cancelled$/).waitFor({ state: "detached" });
      await page.getByRole("button", { name: "Propose timeline" }).click();
      const changes = page.getByRole("table", { name: "Changes to the fixed topics" });
      await changes.waitFor();
      await timeline
        .getByText(/^Proposed: /)
        .first()
        .waitFor({ state: "attached" });
      expect(await syncs(page)).toBe(beforePropose);
      // One primary button in the view: the proposal's.
      const primaries = await page.getByRole("button").evaluateAll((buttons) => {
        const brand = getComputedStyle(
          buttons.find((b) => b.textContent === "Write proposal for the Bureau") ?? document.body,
        ).backgroundColor;
        return buttons.filter((b) => getComputedStyle(b).backgroundColor === brand).map((b) => b.textContent);
      });
      expect(primaries).toEqual(["Write proposal for the Bureau"]);
      await look(page, "proposal");

      // Write the proposal for the Bureau: a sheet of its own; the Workplan untouched.
      const beforeWrite = await grid(page);
      await page.getByRole("button", { name: "Write proposal for the Bureau" }).click();
      const wrote = page.getByText(/^Wrote the sheet “Proposal \d{4}-\d{2}-\d{2}” for the Bureau/);
      await wrote.waitFor();
      await idle(page);
      const name = /“(Proposal \d{4}-\d{2}-\d{2})”/.exec((await wrote.textContent()) ?? "")?.[1] ?? "";
      const written = await grid(page);
      expect(sheetOf(written, name).visibility).toBe("Visible");
      expect(cellsOf(written)).toEqual(cellsOf(beforeWrite));

      // Apply: the confirmation opens with focus on Cancel.
      const beforeApply = await grid(page);
      await page.getByRole("button", { name: "Apply to workplan" }).click();
      const dialog = page.getByRole("alertdialog", { name: "Apply the proposal to the workplan?" });
      await dialog.waitFor();
      // Focused, and seen to be, though the planner clicked: Enter would cancel.
      const cancel = dialog.getByRole("button", { name: "Cancel" });
      expect(await cancel.evaluate((b) => b === document.activeElement)).toBe(true);
      expect(await cancel.evaluate((b) => getComputedStyle(b).outlineStyle)).toBe("solid");
      await look(page, "confirmation");
      await dialog.getByRole("button", { name: "Apply", exact: true }).click();
      await page.getByRole("status").filter({ hasText: "Applied and checked: no conflicts." }).waitFor();
      await idle(page);
      expect(cellsOf(await grid(page))).not.toEqual(cellsOf(beforeApply));
      await page.getByText("No conflicts", { exact: true }).waitFor();
      await e2e.audit(page, "tour applied (light)");
      await e2e.shoot(page, "tour-applied-320-light");

      // Undo apply: the Workplan and the Clusters exactly as before Apply, and Undo apply gone.
      await page.getByRole("button", { name: "Undo apply" }).click();
      await page
        .getByRole("status")
        .filter({ hasText: /^Apply undone and checked/ })
        .waitFor();
      await idle(page);
      expect(cellsOf(await grid(page))).toEqual(cellsOf(beforeApply));
      expect(await page.getByRole("button", { name: "Undo apply" }).count()).toBe(0);
      await e2e.audit(page, "tour undone (light)");
      await e2e.shoot(page, "tour-undone-320-light");

      await ribbonCheck(page);
      expect(errors).toEqual([]);
    },
    240_000,
  );

  it("never leaves localhost", () => {
    expect(e2e.offHost.filter((url) => url !== OFFICE_JS_TELEMETRY)).toEqual([]);
  });
});
