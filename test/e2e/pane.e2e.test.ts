/**
 * End to end in a real browser: the production bundle (built with OFFICE_JS=local, so the
 * page loads Office.js from @microsoft/office-js) served on 127.0.0.1, the fake Excel of
 * test/support/fakeExcel installed by its own script right after Office.js, driven with playwright-core
 * in Debian's Chromium (never a downloaded browser): create the workbook, slip cluster 2,
 * check, follow a finding to its cell, see the highlights in the grid, clear them, an error
 * from Excel; the syncs of a check counted in the page; axe-core on every state (no serious or
 * critical violation); screenshots at 320 px, light and dark, in test-results/e2e/.
 *
 * The build, the server, the browser and the audits are in harness.ts, shared with
 * whatif.e2e.test.ts. Without Chromium the suite is skipped with the reason printed, except under
 * CI (CI set), where it fails: .ci/run installs Chromium with apt-get.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { scriptSources } from "../../src/bench/bundle";
import { SEVERITY_STYLE } from "../../src/domain/annotations";
import {
  check,
  e2eSuite,
  grid,
  idle,
  OFFICE_JS_TELEMETRY,
  ROOT,
  sheetOf,
  e2eForSuite,
  syncs,
  userData,
} from "./harness";

const ERROR_FILL = new RegExp(`^#?${SEVERITY_STYLE.error.strong}$`, "i");
const ERROR_TINT = new RegExp(`^#?${SEVERITY_STYLE.error.fill}$`, "i");

e2eSuite()("the task pane in Chromium (production bundle, Office.js from the package, fake Excel)", () => {
  const e2e = e2eForSuite();

  const open = (query: string) => e2e.open(query);
  const audit = (page: Page, state: string) => e2e.audit(page, state);
  const shoot = async (page: Page, name: string) => {
    await e2e.shoot(page, name);
  };

  /** Cluster 2's review now ends in 2032: typed into "Review end (expected)" of the Clusters table. */
  const slipCluster2 = (page: Page) => page.evaluate(() => window.__workplanFake.setCell("Clusters", "E3", 2032));

  it("builds a production page that loads Office.js from the package, on localhost", async () => {
    expect(scriptSources(readFileSync(join(e2e.dist, "taskpane.html"), "utf8"))).toEqual([
      "office-js/office.js",
      "taskpane.js",
    ]);
    // Microsoft's files as the package has them, not minified again by the production build.
    for (const file of ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js"]) {
      const served = readFileSync(join(e2e.dist, "office-js", file));
      expect(served.equals(readFileSync(join(ROOT, "node_modules", "@microsoft", "office-js", "dist", file)))).toBe(
        true,
      );
    }
    const { page, errors } = await open("seed=default");
    // Office.js initialized (with the files it loads itself) before the fake took the host's place, and left it there.
    expect(await page.evaluate(() => window.__officeJsReady)).toEqual({ officeJs: true });
    expect(e2e.requests).toContain(`${e2e.base}/office-js/o15apptofilemappingtable.js`);
    expect(
      await page.evaluate(() => (window as unknown as { Office: unknown }).Office === window.__workplanFake.office),
    ).toBe(true);
    expect(e2e.requests).toContain(`${e2e.base}/office-js/office.js`);
    expect(await page.getByRole("button", { name: "Check", exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
  }, 60_000);

  it("carries a Content-Security-Policy: the browser refuses inline scripts and requests off the host", async () => {
    const { page } = await open("seed=default");
    const policy = await page.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute("content"),
    );
    expect(policy).toMatch(/(^|; )script-src 'self'(;|$)/);
    const refused = await page.evaluate(async () => {
      const seen: string[] = [];
      document.addEventListener("securitypolicyviolation", (event) =>
        seen.push(`${event.effectiveDirective} ${event.blockedURI}`),
      );
      await fetch("https://example.org/data.json").catch(() => undefined);
      const script = document.createElement("script");
      script.textContent = "window.__inlineRan = true;";
      document.head.appendChild(script);
      await new Promise((resolve) => setTimeout(resolve, 200));
      return { seen, ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan ?? false };
    });
    expect(refused.seen).toEqual(
      expect.arrayContaining(["connect-src https://example.org/data.json", "script-src-elem inline"]),
    );
    expect(refused.ran).toBe(false);
    // Refused by the page itself: it never reached the network (the last test counts every request).
    expect(e2e.requests.filter((url) => url.startsWith("https://example.org/"))).toEqual([]);
  }, 60_000);

  it("creates the workbook in a blank one, then checks it clean", async () => {
    const { page, errors } = await open("seed=empty");
    const create = page.getByRole("button", { name: "Create the workplan workbook" });
    await create.waitFor();
    expect((await grid(page)).sheets.flatMap((s) => s.tables)).toEqual([]);
    await audit(page, "create (light)");
    await shoot(page, "pane-create-light");

    await create.click();
    await page.getByText(/^Created the sheets Workplan, Topics, Articles, Clusters/).waitFor();
    await idle(page);
    const tables = (await grid(page)).sheets.flatMap((s) => s.tables.map((t) => t.name));
    expect(tables).toEqual(
      expect.arrayContaining(["Workplan", "Topics", "Articles", "Clusters", "FlexibleTopics", "Settings", "Conflicts"]),
    );
    // Row 1 is left free for the legend of the highlights, above the table's header.
    expect(sheetOf(await grid(page), "Workplan").values.A1).toBeUndefined();
    expect(sheetOf(await grid(page), "Workplan").values.A2).toBe("Meeting");

    await check(page);
    await page.getByText("No conflicts", { exact: true }).waitFor();
    await audit(page, "no conflicts (light)");
    await shoot(page, "pane-clean-light");
    expect(errors).toEqual([]);
  }, 90_000);

  it("converts the secretariat's plain ranges to tables, keeping their cells, then checks them", async () => {
    const { page, errors } = await open("seed=plain");
    const convert = page.getByRole("button", { name: "Convert to tables" });
    await convert.waitFor();
    await page.getByText(/^Found as plain ranges: Workplan \(Workplan!A1:F\d+\)/).waitFor();
    const before = await grid(page);
    expect(before.sheets.flatMap((s) => s.tables)).toEqual([]);
    await audit(page, "convert (light)");
    await shoot(page, "pane-convert-light");

    const opened = await syncs(page);
    await convert.click();
    await page.getByText(/^Converted to tables: Workplan, Topics, Articles/).waitFor();
    await idle(page);
    const after = await grid(page);
    expect(after.sheets.map((s) => [s.name, s.values, s.fills])).toEqual(
      before.sheets.map((s) => [s.name, s.values, s.fills]),
    );
    expect(after.sheets.flatMap((s) => s.tables.map((t) => t.name))).toEqual(
      expect.arrayContaining(["Workplan", "Topics", "Articles", "Clusters", "FlexibleTopics", "Settings", "Sources"]),
    );
    // Convert (a read, the plain ranges, a write) and the pane's opening read again.
    expect((await syncs(page)) - opened).toBeGreaterThanOrEqual(3);

    await check(page);
    await page.getByText("No conflicts", { exact: true }).waitFor();
    await audit(page, "converted and checked (light)");
    expect(errors).toEqual([]);
  }, 90_000);

  it(
    "checks a slip: two errors with sources, Go to selects the cell, the grid shows the fills, Clear removes only " +
      "them; two syncs a check",
    async () => {
      const { page, errors } = await open("seed=default&theme=light");
      await idle(page);
      // A co-author slips cluster 2: the pane reads the workbook again and lists the findings at once,
      // not highlighted yet, in one read and no write.
      const beforeSlip = await syncs(page);
      await page.evaluate(() => window.__workplanFake.coAuthorEdit("Clusters", "E3", 2032));
      await page.getByRole("region", { name: "Errors (2)" }).waitFor();
      await page
        .getByRole("group", { name: "Last check" })
        .getByText(/^Not highlighted yet: the findings below are not marked in the workbook\./)
        .waitFor();
      await idle(page);
      expect((await syncs(page)) - beforeSlip).toBe(1);
      expect((await grid(page)).sheets.map((sheet) => sheet.name)).not.toContain("WorkplanChecker");
      const before = userData(await grid(page));
      expect(sheetOf(await grid(page), "Workplan").fills).toEqual({});

      const firstCheckFrom = await syncs(page);
      await check(page);
      const firstCheck = (await syncs(page)) - firstCheckFrom;
      const errorsGroup = page.getByRole("region", { name: "Errors (2)" });
      await errorsGroup.waitFor();
      const items = errorsGroup.getByRole("listitem");
      expect(await items.count()).toBe(2);
      for (const text of await items.allTextContents()) {
        expect(text).toMatch(
          /too early for the review of cluster 2 "Prevention": that review is now expected to end in 2032/,
        );
        expect(text).toContain("Source: Background paper, paras. 4, 18 and 49 · rule cluster-too-early");
      }
      expect(await page.getByRole("region", { name: /^(Warnings|Info)/ }).count()).toBe(0);
      // The expected end the check used is the Clusters panel's; the last check's line says only when.
      expect(await page.getByRole("spinbutton", { name: "Expected review end of cluster 2" }).inputValue()).toBe(
        "2032",
      );
      expect(await page.getByRole("group", { name: "Last check" }).textContent()).toMatch(/^Highlights written on /);
      await audit(page, "findings (light)");
      await shoot(page, "pane-findings-light");

      // Windows high contrast (forced colours): the Go to links look like links (underlined, in LinkText),
      // and the severity groups keep a border of their own.
      await page.emulateMedia({ forcedColors: "active" });
      const goTo = page.getByRole("button", { name: "Go to the 15th meeting, agenda item 3" });
      expect(await goTo.evaluate((link) => getComputedStyle(link).textDecorationLine)).toContain("underline");
      expect(await errorsGroup.evaluate((group) => getComputedStyle(group).borderLeftStyle)).toBe("double");
      await audit(page, "findings (forced colours)");
      await shoot(page, "pane-findings-forced");
      await page.emulateMedia({ forcedColors: "none" });

      // A repeat check, once the helper sheets exist: one sync to read, one to write.
      const from = await syncs(page);
      await check(page);
      const perCheck = (await syncs(page)) - from;
      process.stdout.write(`${JSON.stringify({ syncs_first_check: firstCheck, syncs_per_check: perCheck })}\n`);
      expect(perCheck).toBe(2);

      // The highlights, as a person sees them in the grid: red on E7 and E8, their rows (7, 8) tinted, nothing else.
      const workplan = sheetOf(await grid(page), "Workplan");
      expect(workplan.fills.E7).toMatch(ERROR_FILL);
      expect(workplan.fills.E8).toMatch(ERROR_FILL);
      const tinted = Object.keys(workplan.fills).filter((cell) => ERROR_TINT.test(workplan.fills[cell] ?? ""));
      expect(tinted.sort()).toEqual(["A7", "A8", "B7", "B8", "C7", "C8", "D7", "D8", "F7", "F8"]);
      expect(Object.keys(workplan.notes).sort()).toEqual(["E7", "E8"]);

      await page.evaluate(() => {
        window.__workplanFake.excel.model.activeSheet = "Clusters";
      });
      await page.getByRole("button", { name: "Go to the 15th meeting, agenda item 3" }).click();
      await page.getByRole("status").filter({ hasText: "Selected Workplan!E7." }).waitFor();
      expect(await page.evaluate(() => window.__workplanFake.excel.model.selection)).toBe("Workplan!E7");
      expect((await grid(page)).activeSheet).toBe("Workplan");

      await page.getByRole("button", { name: "Clear highlights" }).click();
      await page.getByText(/^Cleared the highlights: 6 highlight rules and 2 notes the add-in wrote\./).waitFor();
      await idle(page);
      const cleared = await grid(page);
      expect(sheetOf(cleared, "Workplan").fills).toEqual({});
      expect(sheetOf(cleared, "Workplan").notes).toEqual({});
      expect(userData(cleared)).toEqual(before);
      // The findings stay (they are still true), said to be the last check's and no longer marked.
      expect(await page.getByRole("region", { name: "Errors (2)" }).getByRole("listitem").count()).toBe(2);
      await page
        .getByRole("group", { name: "Last check" })
        .getByText(/^Highlights cleared since: the findings below are from this check/)
        .waitFor();

      // Excel refuses the write (a protected sheet): the list stays, with one line saying why, and no error bar.
      await page.evaluate(() =>
        window.__workplanFake.refuseWrites(
          "AccessDenied",
          "The requested operation is not allowed: the sheet is protected.",
        ),
      );
      await page.getByRole("button", { name: "Check", exact: true }).click();
      await page
        .getByRole("group", { name: "Check could not write to the workbook." })
        .getByText(/The highlights are not written; the findings below are read from it\. Excel refused/)
        .waitFor();
      await idle(page);
      expect(await page.getByRole("region", { name: "Errors (2)" }).getByRole("listitem").count()).toBe(2);
      expect(await page.getByRole("group", { name: /^Could not/ }).count()).toBe(0);
      await audit(page, "write refused (light)");
      await shoot(page, "pane-write-refused-light");
      await page.evaluate(() => window.__workplanFake.refuseWrites(null));

      // Excel fails even to read: the pane says so and what to do, and stays usable.
      await page.evaluate(() => {
        for (let i = 0; i < 2; i++) window.__workplanFake.failNextSync("RequestAborted", "The request was aborted.");
      });
      await page.getByRole("button", { name: "Check", exact: true }).click();
      const bar = page.getByRole("group", { name: "Could not check the workbook" });
      await bar.waitFor();
      await idle(page);
      expect(await bar.textContent()).toMatch(/Excel said: RequestAborted/);
      expect(await page.getByText(/^Cleared the highlights/).count()).toBe(0);
      expect(await page.getByRole("button", { name: "Check", exact: true }).isEnabled()).toBe(true);
      await audit(page, "error (light)");
      await shoot(page, "pane-error-light");
      expect(errors).toEqual([]);
    },
    120_000,
  );

  it("follows Office's dark theme", async () => {
    const { page, errors } = await open("seed=default&theme=dark");
    await slipCluster2(page);
    await check(page);
    await page.getByRole("region", { name: "Errors (2)" }).waitFor();
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    const background = await page
      .locator("[data-theme]")
      .evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number) as [number, number, number];
    expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255).toBeLessThan(0.3);
    await audit(page, "findings (dark)");
    await shoot(page, "pane-findings-dark");

    await page.evaluate(() => {
      for (let i = 0; i < 2; i++) window.__workplanFake.failNextSync("RequestAborted", "The request was aborted.");
    });
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByRole("group", { name: "Could not check the workbook" }).waitFor();
    await idle(page);
    await audit(page, "error (dark)");
    await shoot(page, "pane-error-dark");
    expect(errors).toEqual([]);
  }, 90_000);

  it(
    "never leaves localhost: no request to the CDN or any " + "other host but Office.js's own telemetry frame, blocked",
    () => {
      expect(e2e.requests.length).toBeGreaterThan(0);
      expect(e2e.requests.filter((url) => /appsforoffice|microsoft\.com/i.test(url))).toEqual([]);
      expect(e2e.offHost.filter((url) => url !== OFFICE_JS_TELEMETRY)).toEqual([]);
    },
  );
});
