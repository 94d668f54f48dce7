/**
 * End to end in a real browser: the production bundle (built here with OFFICE_JS=local, so the
 * page loads Office.js from @microsoft/office-js) served on 127.0.0.1, the fake Excel of
 * src/devtools installed by its own script right after Office.js, driven with playwright-core
 * in Debian's Chromium (never a downloaded browser): create the workbook, slip cluster 2,
 * check, follow a finding to its cell, see the highlights in the grid, clear them, an error
 * from Excel; the syncs of a check counted in the page; axe-core on every state (no serious or
 * critical violation); screenshots at 320 px, light and dark, in test-results/e2e/.
 *
 * Without Chromium the suite is skipped with the reason printed, except under CI (CI set),
 * where it fails: .ci/run installs Chromium with apt-get.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, createReadStream } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize, sep } from "node:path";
import webpack from "webpack";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { scriptSources } from "../../src/bench/bundle";
import { SEVERITY_STYLE } from "../../src/domain/annotations";
import type { FakeOfficeHandle } from "../../src/devtools/harness";
import type { GridState, SheetGrid } from "../../src/devtools/fakeExcel/grid";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;

const ROOT = join(__dirname, "..", "..");
const SHOTS = join(ROOT, "test-results", "e2e");
const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
/**
 * Office.js itself (o15apptofilemappingtable.js, from the package) opens a hidden telemetry frame
 * on this page three seconds after it loads, in or out of Office. The test blocks it, like every
 * request that would leave 127.0.0.1, and allows no other.
 */
const OFFICE_JS_TELEMETRY = "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";
const ERROR_FILL = new RegExp(`^#?${SEVERITY_STYLE.error.fill}$`, "i");

const inCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM, "/usr/bin/chromium"];
  try {
    candidates.push(execFileSync("sh", ["-c", "command -v chromium"], { encoding: "utf8" }).trim());
  } catch {
    // not on PATH
  }
  return candidates.find((file): file is string => Boolean(file) && existsSync(file as string)) ?? null;
}

const CHROMIUM = findChromium();
if (!CHROMIUM && !inCi) {
  process.stdout.write("Skipping the end-to-end tests: no Chromium at /usr/bin/chromium or on PATH (sudo apt-get install chromium, or set CHROMIUM).\n");
}
const suite = CHROMIUM || inCi ? describe : describe.skip;

declare global {
  interface Window {
    __workplanFake: FakeOfficeHandle;
    axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: { id: string }[] }> };
    __officeJsReady?: { officeJs: boolean };
  }
}

interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** The production build with Office.js from the package, plus the fake's own script and a page that loads it. */
function build(outDir: string): Promise<void> {
  const saved = { ADDIN_URL: process.env.ADDIN_URL, OFFICE_JS: process.env.OFFICE_JS };
  delete process.env.ADDIN_URL;
  process.env.OFFICE_JS = "local";
  let options: webpack.Configuration;
  try {
    options = config({ outDir, throwOnError: true }, { mode: "production" });
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  options = { ...options, context: ROOT, entry: { ...(options.entry as Record<string, string>), "fake-office": "./src/devtools/install.ts" } };
  return new Promise((resolve, reject) =>
    webpack(options, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      const html = readFileSync(join(outDir, "taskpane.html"), "utf8");
      const officeTag = /<script src="?office-js\/office\.js"?><\/script>/;
      const paneTag = /<script src="?taskpane\.js"?><\/script>/;
      if (!officeTag.test(html) || !paneTag.test(html)) return reject(new Error("taskpane.html does not load office-js/office.js and taskpane.js"));
      writeFileSync(join(outDir, "harness.html"), html.replace(paneTag, "").replace(officeTag, `$&<script>${STAND_IN}</script>`));
      resolve();
    }),
  );
}

/**
 * The harness page is taskpane.html with one change: the pane's script starts once Office.js has
 * initialized, after the fake took the host's place. Outside an Office host, Office.js answers
 * onReady with no host, and until then it may still put its own namespace at window.Office
 * (o15apptofilemappingtable.js, which it loads itself, does).
 */
const STAND_IN = `Office.onReady(function () {
  function load(src, next) { var s = document.createElement("script"); s.src = src; s.onload = next; document.body.appendChild(s); }
  window.__officeJsReady = { officeJs: typeof OSF === "object" && typeof OSF.NamespaceManager === "object" };
  load("fake-office.js", function () { load("taskpane.js"); });
});`;

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".png": "image/png", ".xml": "application/xml" };

function serve(dir: string): Promise<Server> {
  const server = createServer((request, response) => {
    const file = join(dir, normalize(decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname)));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

function isLocal(url: string): boolean {
  const parsed = new URL(url);
  if (["data:", "blob:", "about:"].includes(parsed.protocol)) return true;
  return parsed.hostname === "127.0.0.1" || parsed.hostname === "localhost";
}

suite("the task pane in Chromium (production bundle, Office.js from the package, fake Excel)", () => {
  let dist = "";
  let server: Server | null = null;
  let base = "";
  let browser: Browser | null = null;
  const contexts: BrowserContext[] = [];
  /** Every request any page made, and the ones that would have left 127.0.0.1 (blocked). */
  const requests: string[] = [];
  const offHost: string[] = [];
  const audits: { state: string; violations: AxeViolation[]; rules: number }[] = [];

  beforeAll(async () => {
    if (!CHROMIUM) throw new Error("Chromium is missing: no /usr/bin/chromium and none on PATH. .ci/run installs it (apt-get install chromium); the end-to-end tests do not run without it in CI.");
    dist = mkdtempSync(join(tmpdir(), "workplan-e2e-"));
    await build(dist);
    server = await serve(dist);
    const address = server.address();
    base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    mkdirSync(SHOTS, { recursive: true });
  }, 240_000);

  afterAll(async () => {
    for (const context of contexts) await context.close().catch(() => undefined);
    await browser?.close();
    server?.close();
    if (dist) rmSync(dist, { recursive: true, force: true });
    const lines = audits.flatMap(({ state, violations }) =>
      violations.map((v) => `  ${state}: ${v.impact ?? "?"} ${v.id} (${v.help}) at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    );
    if (audits.length > 0) {
      const states = audits.map((a) => `${a.state} ${a.rules} rules`).join(", ");
      process.stdout.write(`axe-core on ${audits.length} states of the pane (${states}): ${lines.length === 0 ? "no violations" : `violations below serious:\n${lines.join("\n")}`}\n`);
    }
    process.stdout.write(`Requests that would have left 127.0.0.1 (blocked): ${offHost.length === 0 ? "none" : [...new Set(offHost)].join(", ")}\n`);
  });

  /** A fresh page at the 320 px default pane width, on the harness with these options. */
  async function open(query: string): Promise<{ page: Page; errors: string[] }> {
    if (!browser) throw new Error("no browser");
    const context = await browser.newContext({ viewport: { width: 320, height: 800 }, deviceScaleFactor: 1 });
    contexts.push(context);
    context.on("request", (request) => {
      requests.push(request.url());
      if (!isLocal(request.url())) offHost.push(request.url());
    });
    await context.route((url) => !isLocal(url.href), (route) => route.abort("blockedbyclient"));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    page.on("console", (message) => {
      if (message.type() === "error") errors.push(message.text());
    });
    await page.goto(`${base}/harness.html?${query}`);
    await idle(page);
    return { page, errors };
  }

  /** Waits until the pane is not busy (its main element says aria-busy="false"). */
  async function idle(page: Page): Promise<void> {
    await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
  }

  const grid = (page: Page): Promise<GridState> => page.evaluate(() => JSON.parse(JSON.stringify(window.__workplanFake.grid())) as GridState);
  const syncs = (page: Page): Promise<number> => page.evaluate(() => window.__workplanFake.syncs());
  const sheetOf = (state: GridState, name: string): SheetGrid => {
    const sheet = state.sheets.find((s) => s.name === name);
    if (!sheet) throw new Error(`no sheet ${name}`);
    return sheet;
  };
  /** What the user typed and formatted: every visible sheet but the Conflicts sheet the check writes. */
  const userData = (state: GridState) =>
    state.sheets
      .filter((s) => s.visibility === "Visible" && s.name !== "Conflicts")
      .map(({ name, values, fills, fonts, notes, tables }) => ({ name, values, fills, fonts, notes, tables }));

  /** axe-core on the page as it is; fails on serious or critical violations, keeps the rest for the report. */
  async function audit(page: Page, state: string): Promise<void> {
    if (!(await page.evaluate(() => typeof window.axe === "object"))) {
      await page.addScriptTag({ content: readFileSync(require.resolve("axe-core/axe.min.js"), "utf8") });
    }
    const { violations, passes } = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    audits.push({ state, violations, rules: violations.length + passes.length });
    expect(passes.length).toBeGreaterThan(10);
    const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(grave.map((v) => `${state}: ${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join("; ")}`)).toEqual([]);
  }

  async function shoot(page: Page, name: string): Promise<void> {
    await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
    // Nothing is wider than the 320 px pane.
    expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBe(0);
  }

  /** Cluster 2's review now ends in 2032: typed into "Review end (expected)" of the Clusters table. */
  const slipCluster2 = (page: Page) => page.evaluate(() => window.__workplanFake.setCell("Clusters", "E3", 2032));

  /** Selects Check and waits until the check is done: Excel was asked, and the pane is no longer busy. */
  async function check(page: Page): Promise<void> {
    const from = await syncs(page);
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.waitForFunction((n) => window.__workplanFake.syncs() > n && document.querySelector("main")?.getAttribute("aria-busy") === "false", from, { timeout: 20_000 });
    await page.getByRole("status").filter({ hasText: /^Check done/ }).waitFor();
  }

  it("builds a production page that loads Office.js from the package, on localhost", async () => {
    expect(scriptSources(readFileSync(join(dist, "taskpane.html"), "utf8"))).toEqual(["office-js/office.js", "taskpane.js"]);
    // Microsoft's files as the package has them, not minified again by the production build.
    for (const file of ["office.js", "o15apptofilemappingtable.js", "en-us/office_strings.js"]) {
      const served = readFileSync(join(dist, "office-js", file));
      expect(served.equals(readFileSync(join(ROOT, "node_modules", "@microsoft", "office-js", "dist", file)))).toBe(true);
    }
    const { page, errors } = await open("seed=default");
    // Office.js initialized (with the files it loads itself) before the fake took the host's place, and left it there.
    expect(await page.evaluate(() => window.__officeJsReady)).toEqual({ officeJs: true });
    expect(requests).toContain(`${base}/office-js/o15apptofilemappingtable.js`);
    expect(await page.evaluate(() => (window as unknown as { Office: unknown }).Office === window.__workplanFake.office)).toBe(true);
    expect(requests).toContain(`${base}/office-js/office.js`);
    expect(await page.getByRole("button", { name: "Check", exact: true }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
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
    expect(tables).toEqual(expect.arrayContaining(["Workplan", "Topics", "Articles", "Clusters", "FlexibleTopics", "Settings", "Conflicts"]));
    expect(sheetOf(await grid(page), "Workplan").values.A1).toBe("Meeting");

    await check(page);
    await page.getByText("No conflicts", { exact: true }).waitFor();
    await audit(page, "no conflicts (light)");
    await shoot(page, "pane-clean-light");
    expect(errors).toEqual([]);
  }, 90_000);

  it("checks a slip: two errors with sources, Go to selects the cell, the grid shows the fills, Clear removes only them; two syncs a check", async () => {
    const { page, errors } = await open("seed=default&theme=light");
    await slipCluster2(page);
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
      expect(text).toMatch(/before the review of cluster 2 "Prevention" is finalised or finalising: that review is now expected to end in 2032/);
      expect(text).toContain("Source: P§18, P§4, P§49 · cluster-too-early");
    }
    expect(await page.getByRole("region", { name: /^(Warnings|Info)/ }).count()).toBe(0);
    expect(await page.getByRole("group", { name: "Last check" }).textContent()).toContain("cluster 2 2032");
    await audit(page, "findings (light)");
    await shoot(page, "pane-findings-light");

    // A repeat check, once the helper sheets exist: one sync to read, one to write.
    const from = await syncs(page);
    await check(page);
    const perCheck = (await syncs(page)) - from;
    process.stdout.write(`${JSON.stringify({ syncs_first_check: firstCheck, syncs_per_check: perCheck })}\n`);
    expect(perCheck).toBe(2);

    // The highlights, as a person sees them in the grid: red on E7 and E8, nothing else.
    const workplan = sheetOf(await grid(page), "Workplan");
    expect(workplan.fills.E7).toMatch(ERROR_FILL);
    expect(workplan.fills.E8).toMatch(ERROR_FILL);
    expect(Object.keys(workplan.fills).sort()).toEqual(["E7", "E8"]);
    expect(Object.keys(workplan.notes).sort()).toEqual(["E7", "E8"]);

    await page.evaluate(() => {
      window.__workplanFake.excel.model.activeSheet = "Clusters";
    });
    await page.getByRole("button", { name: "Go to Workplan!E7" }).click();
    await page.getByRole("status").filter({ hasText: "Selected Workplan!E7." }).waitFor();
    expect(await page.evaluate(() => window.__workplanFake.excel.model.selection)).toBe("Workplan!E7");
    expect((await grid(page)).activeSheet).toBe("Workplan");

    await page.getByRole("button", { name: "Clear highlights" }).click();
    await page.getByText(/^Cleared the highlights: 3 highlight rules and 2 notes the add-in wrote\./).waitFor();
    await idle(page);
    const cleared = await grid(page);
    expect(sheetOf(cleared, "Workplan").fills).toEqual({});
    expect(sheetOf(cleared, "Workplan").notes).toEqual({});
    expect(userData(cleared)).toEqual(before);

    // Excel refuses the next request: the pane says so and what to do, and stays usable.
    await page.evaluate(() => window.__workplanFake.failNextSync("AccessDenied", "The requested operation is not allowed: the sheet is protected."));
    await page.getByRole("button", { name: "Check", exact: true }).click();
    const bar = page.getByRole("group", { name: "Could not check the workbook" });
    await bar.waitFor();
    await idle(page);
    expect(await bar.textContent()).toMatch(/Excel said: AccessDenied/);
    expect(await page.getByRole("button", { name: "Check", exact: true }).isEnabled()).toBe(true);
    await audit(page, "error (light)");
    await shoot(page, "pane-error-light");
    expect(errors).toEqual([]);
  }, 120_000);

  it("follows Office's dark theme", async () => {
    const { page, errors } = await open("seed=default&theme=dark");
    await slipCluster2(page);
    await check(page);
    await page.getByRole("region", { name: "Errors (2)" }).waitFor();
    expect(await page.locator("[data-theme]").getAttribute("data-theme")).toBe("dark");
    const background = await page.locator("[data-theme]").evaluate((element) => getComputedStyle(element).backgroundColor);
    const [r, g, b] = (background.match(/\d+/g) ?? ["255", "255", "255"]).map(Number) as [number, number, number];
    expect((0.2126 * r + 0.7152 * g + 0.0722 * b) / 255).toBeLessThan(0.3);
    await audit(page, "findings (dark)");
    await shoot(page, "pane-findings-dark");

    await page.evaluate(() => window.__workplanFake.failNextSync("AccessDenied", "The requested operation is not allowed: the sheet is protected."));
    await page.getByRole("button", { name: "Check", exact: true }).click();
    await page.getByRole("group", { name: "Could not check the workbook" }).waitFor();
    await idle(page);
    await audit(page, "error (dark)");
    await shoot(page, "pane-error-dark");
    expect(errors).toEqual([]);
  }, 90_000);

  it("never leaves localhost: no request to the CDN or any other host but Office.js's own telemetry frame, blocked", () => {
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((url) => /appsforoffice|microsoft\.com/i.test(url))).toEqual([]);
    expect(offHost.filter((url) => url !== OFFICE_JS_TELEMETRY)).toEqual([]);
  });
});
