/**
 * Diagnostics end to end in Chromium against the fake Excel (issue 10 item 4): the planner's IT opens
 * the "Diagnostics (for IT)" fold and runs it. On a faithful host every behaviour passes (the typed
 * value is skipped: it needs a person); with the fake set to break one behaviour (the harness's
 * query options), exactly that row fails. The user's sheets are as they were afterwards. Screenshots
 * in test-results/e2e/.
 */
import type { Page } from "playwright-core";
import { e2eSuite, grid, e2eForSuite, userData } from "./harness";

const TYPED = "A change event for a typed value";

interface Row {
  /** The behaviour's name (the first line of its cell; the requirement set and the detail follow). */
  behaviour: string;
  result: string;
}

e2eSuite()("Diagnostics in Chromium (production bundle, fake Excel)", () => {
  const e2e = e2eForSuite();

  /** Opens the fold, runs the diagnostics and reads the results table: behaviour and result per row. */
  async function diagnose(page: Page): Promise<Row[]> {
    await page.getByText("Diagnostics (for IT)", { exact: true }).click();
    await page.getByRole("button", { name: "Run diagnostics" }).click();
    const table = page.getByRole("table", { name: "Diagnostics results" });
    await table.waitFor({ timeout: 30_000 });
    return table.evaluate((element) =>
      Array.from(element.querySelectorAll("tbody tr")).map((row) => ({
        behaviour: row.firstElementChild?.firstElementChild?.textContent?.trim() ?? "",
        result: row.lastElementChild?.textContent?.trim() ?? "",
      })),
    );
  }

  it("passes every behaviour on a faithful host (the web's profile); the user's sheets stay as they were", async () => {
    const { page, errors } = await e2e.open("seed=default&host=web");
    const before = userData(await grid(page));
    const rows = await diagnose(page);
    expect(rows).toHaveLength(9);
    expect(rows.filter((r) => r.result !== "Passed")).toEqual([{ behaviour: TYPED, result: "Skipped" }]);
    const statuses = await page.getByRole("status").allTextContents();
    expect(statuses).toContainEqual(expect.stringMatching(/^8 passed, 0 failed, 1 skipped\. Excel on OfficeOnline, /));
    expect(userData(await grid(page))).toEqual(before);
    expect((await grid(page)).sheets.map((s) => s.name)).not.toContain("WorkplanDiagnostics");
    await e2e.audit(page, "diagnostics passed (light)");
    await e2e.shoot(page, "pane-diagnostics-passed");
    expect(errors).toEqual([]);
  }, 90_000);

  it.each([
    ["nullChains=refuse", "windows", "Null-object chains in one batch"],
    ["notesBroken=true", "mac", "Notes added, read and deleted"],
  ])(
    "with ?%s (Excel %s), exactly that behaviour fails",
    async (breaks, host, behaviour) => {
      const { page, errors } = await e2e.open(`seed=default&host=${host}&${breaks}`);
      // The pane itself opens on such a host: its read probes, nothing fails (only the diagnostics' row).
      await page.getByText("Not checked yet.").waitFor();
      expect(await page.getByRole("group", { name: /^Could not/ }).count()).toBe(0);
      const before = userData(await grid(page));
      const rows = await diagnose(page);
      expect(rows).toHaveLength(9);
      expect(rows.filter((r) => r.result === "Failed").map((r) => r.behaviour)).toEqual([behaviour]);
      expect(rows.filter((r) => r.result === "Skipped").map((r) => r.behaviour)).toEqual([TYPED]);
      expect(userData(await grid(page))).toEqual(before);
      await e2e.shoot(page, `pane-diagnostics-${breaks.replace("=", "-")}`);
      expect(errors).toEqual([]);
    },
    90_000,
  );
});
