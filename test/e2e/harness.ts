/**
 * What the end-to-end tests share: the production bundle (built with OFFICE_JS=local, so the page
 * loads Office.js from @microsoft/office-js, plus the fake Excel of test/support/fakeExcel and a harness page
 * that installs it once Office.js is ready), served on 127.0.0.1, and Debian's Chromium driven by
 * playwright-core (never a downloaded browser), with every request recorded and those that would
 * leave 127.0.0.1 blocked; axe-core audits and 320 px screenshots in test-results/e2e/.
 *
 * The bundle is built once for all the e2e files and kept in node_modules/.cache/workplan-e2e/
 * under a hash of everything that goes into it (src/, the fake Excel, the webpack config and its
 * scripts, the manifest, the icons, package-lock.json, this file): files running at the same time wait for the
 * one that builds, and the next `npm test` with the same sources builds nothing.
 *
 * Without Chromium the suites go the way of every test that needs a program (test/support/tools):
 * installed with apt-get where it can be, else skipped with one line, and failed under CI.
 */
import { createHash } from "node:crypto";
import {
  createReadStream,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, relative, sep } from "node:path";
import webpack from "webpack";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import type { FakeOfficeHandle } from "../support/fakeExcel/harness";
import type { GridState, SheetGrid } from "../support/fakeExcel/grid";
import { inCi, requireTool, toolPath } from "../support/tools";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => webpack.Configuration;

export const ROOT = join(__dirname, "..", "..");
export const SHOTS = join(ROOT, "test-results", "e2e");
const CACHE = join(ROOT, "node_modules", ".cache", "workplan-e2e");
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
/**
 * Office.js itself (o15apptofilemappingtable.js, from the package) opens a hidden telemetry frame
 * on the page three seconds after it loads, in or out of Office. The tests block it, like every
 * request that would leave 127.0.0.1, and allow no other.
 */
export const OFFICE_JS_TELEMETRY =
  "https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html";

export { inCi };

/** `describe` when Chromium (CHROMIUM, /usr/bin/chromium or on PATH) is there or could be installed. */
export function e2eSuite(): jest.Describe {
  return requireTool("chromium");
}

declare global {
  interface Window {
    __workplanFake: FakeOfficeHandle;
    axe: { run(context: Document, options: object): Promise<{ violations: AxeViolation[]; passes: { id: string }[] }> };
    __officeJsReady?: { officeJs: boolean };
  }
}

export interface AxeViolation {
  id: string;
  impact: "minor" | "moderate" | "serious" | "critical" | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * The harness page is taskpane.html with one change: the pane's script starts once Office.js has
 * initialized, after the fake took the host's place (a script file of its own, harness-start.js:
 * the page's Content-Security-Policy refuses inline scripts). Loaded from the head, it waits for
 * the body the pane renders into: Office.js may be ready before the page is parsed. Outside an
 * Office host, Office.js answers onReady with no host, and until then it may still put its own
 * namespace at window.Office (o15apptofilemappingtable.js, which it loads itself, does).
 */
const STAND_IN =
  `Office.onReady(function () {
  function load(src, next) { var s = document.createElement("script"); s.src = src; s.onload = next; ` +
  `document.body.appendChild(s); }
  window.__officeJsReady = { officeJs: typeof OSF === "object" && typeof OSF.NamespaceManager === "object" };
  function start() {
    load("fake-office.js", function () {
      Promise.resolve(window.__workplanFake.ready).then(function () { load("taskpane.js"); });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
});`;

/**
 * The page's Content-Security-Policy refuses Office.js's telemetry frame (the one request the
 * tests expect, OFFICE_JS_TELEMETRY) and Chromium says so on the console: the policy at work,
 * not an error of the pane.
 */
const TELEMETRY_REFUSED =
  `Framing '${new URL(OFFICE_JS_TELEMETRY).origin}/' ` + "violates the following Content Security Policy";

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
  options = {
    ...options,
    context: ROOT,
    entry: { ...(options.entry as Record<string, string>), "fake-office": "./test/support/fakeExcel/install.ts" },
  };
  return new Promise((resolve, reject) =>
    webpack(options, (error, stats) => {
      if (error) return reject(error);
      if (stats?.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      const html = readFileSync(join(outDir, "taskpane.html"), "utf8");
      const officeTag = /<script src="?office-js\/office\.js"?><\/script>/;
      const paneTag = /<script src="?taskpane\.js"?><\/script>/;
      if (!officeTag.test(html) || !paneTag.test(html))
        return reject(new Error("taskpane.html does not load office-js/office.js and taskpane.js"));
      writeFileSync(join(outDir, "harness-start.js"), STAND_IN);
      // axe-core from the host too: the policy refuses the inline script addScriptTag would make of it.
      writeFileSync(join(outDir, "axe.min.js"), readFileSync(require.resolve("axe-core/axe.min.js")));
      writeFileSync(
        join(outDir, "harness.html"),
        html.replace(paneTag, "").replace(officeTag, '$&<script src="harness-start.js"></script>'),
      );
      resolve();
    }),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]))
    .sort();
}

/** A hash of everything the bundle is built from. */
function sourceHash(): string {
  const hash = createHash("sha256");
  const files = [
    ...filesUnder(join(ROOT, "src")),
    // The fake Excel is bundled too (fake-office.js): a change to it must build again.
    ...filesUnder(join(ROOT, "test", "support", "fakeExcel")),
    ...readdirSync(join(ROOT, "assets"))
      .filter((name) => /^icon-\d+\.png$/.test(name))
      .map((name) => join(ROOT, "assets", name)),
    ...[
      "webpack.config.js",
      "scripts/addin-build.js",
      "manifest.xml",
      "package-lock.json",
      "tsconfig.json",
      "test/e2e/harness.ts",
    ].map((file) => join(ROOT, file)),
  ];
  for (const file of files) {
    hash.update(relative(ROOT, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex").slice(0, 16);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The built bundle's folder, built once per source hash: the first file to get here builds into
 * a folder of its own and renames it into place; files that arrive meanwhile wait for it (a lock
 * left by a build that died is taken over after ten minutes).
 */
export async function builtBundle(): Promise<string> {
  const dir = join(CACHE, sourceHash());
  const lock = `${dir}.lock`;
  mkdirSync(CACHE, { recursive: true });
  for (const started = Date.now(); !existsSync(dir);) {
    try {
      mkdirSync(lock);
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? Date.now();
      if (Date.now() - since > 600_000) rmSync(lock, { recursive: true, force: true });
      else if (Date.now() - started > 600_000) throw new Error(`waited ten minutes for the e2e build at ${lock}`);
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(dir)) break;
      const building = `${dir}.building-${process.pid}`;
      rmSync(building, { recursive: true, force: true });
      await build(building);
      // Builds for other sources are of no further use.
      for (const name of readdirSync(CACHE))
        if (/^[0-9a-f]{16}$/.test(name)) rmSync(join(CACHE, name), { recursive: true, force: true });
      renameSync(building, dir);
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
  return dir;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".png": "image/png",
  ".xml": "application/xml",
};

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

export interface E2e {
  /** The built bundle's folder. */
  dist: string;
  /** http://127.0.0.1:PORT */
  base: string;
  /** Every request any page made, and the ones that would have left 127.0.0.1 (blocked). */
  requests: string[];
  offHost: string[];
  /** A fresh page at the 320 px default pane width on the harness page with this query, once the pane is idle. */
  open(query: string, options?: { height?: number }): Promise<{ page: Page; errors: string[] }>;
  /** axe-core on the page as it is; fails on serious or critical violations, keeps the rest for the report. */
  audit(page: Page, state: string): Promise<void>;
  /** A full-page screenshot in test-results/e2e/NAME.png; fails when anything is wider than the page. */
  shoot(page: Page, name: string): Promise<string>;
  /** Closes everything and prints the axe-core report and the blocked requests. */
  close(): Promise<void>;
}

/**
 * The browser and the served bundle for the enclosing describe: started before its first test
 * (the returned object is filled in then), closed after its last.
 */
export function e2eForSuite(): E2e {
  const e2e = {} as E2e;
  beforeAll(async () => {
    Object.assign(e2e, await startE2e());
  }, 240_000);
  afterAll(async () => {
    await e2e.close?.();
  });
  return e2e;
}

/** Builds (or finds) the bundle, serves it and launches Chromium; for beforeAll. */
export async function startE2e(): Promise<E2e> {
  const CHROMIUM = toolPath("chromium");
  if (!CHROMIUM)
    throw new Error(
      "Chromium is missing: no /usr/bin/chromium and none on PATH. .ci/run installs it (apt-get install " +
        "chromium); the end-to-end tests do not run without it in CI.",
    );
  const dist = await builtBundle();
  const server = await serve(dist);
  const address = server.address();
  const base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  let browser: Browser;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
  } catch (error) {
    server.close();
    throw error;
  }
  mkdirSync(SHOTS, { recursive: true });
  const contexts: BrowserContext[] = [];
  const requests: string[] = [];
  const offHost: string[] = [];
  const audits: { state: string; violations: AxeViolation[]; rules: number }[] = [];

  return {
    dist,
    base,
    requests,
    offHost,

    async open(query, options = {}) {
      const context = await browser.newContext({
        viewport: { width: 320, height: options.height ?? 800 },
        deviceScaleFactor: 1,
      });
      contexts.push(context);
      context.on("request", (request) => {
        requests.push(request.url());
        if (!isLocal(request.url())) offHost.push(request.url());
      });
      await context.route(
        (url) => !isLocal(url.href),
        (route) => route.abort("blockedbyclient"),
      );
      const page = await context.newPage();
      const errors: string[] = [];
      page.on("pageerror", (error) => errors.push(error.message));
      page.on("console", (message) => {
        if (message.type() === "error" && !message.text().startsWith(TELEMETRY_REFUSED)) errors.push(message.text());
      });
      await page.goto(`${base}/harness.html?${query}`);
      await idle(page);
      return { page, errors };
    },

    async audit(page, state) {
      if (!(await page.evaluate(() => typeof window.axe === "object"))) {
        await page.addScriptTag({ url: `${base}/axe.min.js` });
      }
      // Colours mid-transition (a button changing appearance, forced colours switched on) are not what a
      // person sees once they settle: audit the settled page.
      await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, {
        timeout: 5_000,
      });
      const { violations, passes } = await page.evaluate(() =>
        window.axe.run(document, { resultTypes: ["violations"] }),
      );
      audits.push({ state, violations, rules: violations.length + passes.length });
      expect(passes.length).toBeGreaterThan(10);
      const grave = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
      expect(
        grave.map(
          (v) =>
            `${state}: ${v.impact} ${v.id}: ${v.help} ` +
            `at ${v.nodes.map((n) => `${n.target.join(" ")} (${n.failureSummary ?? ""})`).join("; ")}`,
        ),
      ).toEqual([]);
    },

    async shoot(page, name) {
      const file = join(SHOTS, `${name}.png`);
      await page.screenshot({ path: file, fullPage: true });
      // Nothing is wider than the 320 px pane.
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
      ).toBe(0);
      return file;
    },

    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      server.close();
      const lines = audits.flatMap(({ state, violations }) =>
        violations.map(
          (v) =>
            `  ${state}: ${v.impact ?? "?"} ${v.id} (${v.help}) ` +
            `at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
        ),
      );
      if (audits.length > 0) {
        const states = audits.map((a) => `${a.state} ${a.rules} rules`).join(", ");
        process.stdout.write(
          `axe-core on ${audits.length} states of the pane ` +
            `(${states}): ${lines.length === 0 ? "no violations" : `violations below serious:\n${lines.join("\n")}`}\n`,
        );
      }
      process.stdout.write(
        `Requests that would have left 127.0.0.1 ` +
          `(blocked): ${offHost.length === 0 ? "none" : [...new Set(offHost)].join(", ")}\n`,
      );
    },
  };
}

/** Waits until the pane is not busy (its main element says aria-busy="false"). */
export async function idle(page: Page): Promise<void> {
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 20_000 });
}

/** The fake workbook as a person would see it. */
export const grid = (page: Page): Promise<GridState> =>
  page.evaluate(() => JSON.parse(JSON.stringify(window.__workplanFake.grid())) as GridState);

/** The number of context.sync() calls so far. */
export const syncs = (page: Page): Promise<number> => page.evaluate(() => window.__workplanFake.syncs());

export function sheetOf(state: GridState, name: string): SheetGrid {
  const sheet = state.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  return sheet;
}

/** What the user typed and formatted: every visible sheet but the Conflicts and Timeline sheets the check writes. */
export const userData = (state: GridState) =>
  state.sheets
    .filter((s) => s.visibility === "Visible" && s.name !== "Conflicts" && s.name !== "Timeline")
    .map(({ name, values, fills, fonts, notes, tables }) => ({ name, values, fills, fonts, notes, tables }));

/** Selects Check and waits until the check is done: Excel was asked, and the pane is no longer busy. */
export async function check(page: Page): Promise<void> {
  const from = await syncs(page);
  await page.getByRole("button", { name: "Check", exact: true }).click();
  await page.waitForFunction(
    (n) => window.__workplanFake.syncs() > n && document.querySelector("main")?.getAttribute("aria-busy") === "false",
    from,
    { timeout: 20_000 },
  );
  await page
    .getByRole("status")
    .filter({ hasText: /^Check done/ })
    .waitFor();
}
