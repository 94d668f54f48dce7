// Screenshots of the task pane for the README: builds the add-in (production) with the fake
// Office of test/support/fakeExcel in place of office.js, serves it on 127.0.0.1, and opens it at the
// 320 px default pane width in Debian's Chromium (never a downloaded browser), light and dark,
// after a check of the adopted workplan with cluster 2's review slipped to 2032.
//   node scripts/screenshots.js [OUT_DIR]          (default: assets/)
//   node scripts/screenshots.js --states OUT_DIR   also the other states of the pane (create,
//     no conflicts, progress, a write Excel refused, an error from Excel), light and dark, to look at
//     while developing; test/e2e/screenshots.e2e.test.ts goes through the same states, so they keep working
// Each state is found by its role and the pane's own words (scripts/catalogue.js), never a copy of them.
//   node scripts/screenshots.js --whatif OUT_DIR   also the slip what-if end to end: cluster 2
//     spun two years later, the findings that would appear, the proposal, the proposal sheet,
//     the confirmation and the workbook after Apply (it fails when a step does not show what it
//     should), light and dark
//   node scripts/screenshots.js --proposals OUT_DIR   also two proposals' outcomes: the last planned meeting
//     cancelled (a meeting appended in its place, the end unchanged) and cluster 2's review a year early (no
//     clean timeline, but only warnings: the workplan may be kept), light and dark
const fs = require("node:fs");
const http = require("node:http");
const os = require("node:os");
const path = require("node:path");
const webpack = require("webpack");
const { chromium } = require("playwright-core");
const config = require("../webpack.config.js");
const { message, startOf } = require("./catalogue.js");

const ROOT = path.resolve(__dirname, "..");
const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function build(outDir) {
  const options = config({ outDir, throwOnError: true }, { mode: "production" });
  options.entry = { ...options.entry, "fake-office": "./test/support/fakeExcel/install.ts" };
  options.context = ROOT;
  return new Promise((resolve, reject) =>
    webpack(options, (error, stats) => {
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      const html = fs.readFileSync(path.join(outDir, "taskpane.html"), "utf8");
      const harness = html.replace(
        /<script src=[^>]*office\.js[^>]*><\/script>/,
        '<script src="fake-office.js"></script>',
      );
      if (harness === html) return reject(new Error("taskpane.html loads no office.js to replace"));
      fs.writeFileSync(path.join(outDir, "harness.html"), harness);
      // axe-core served from the host, as a file: the page's policy (script-src 'self') refuses inline scripts,
      // and the shipped pages keep that policy.
      fs.copyFileSync(require.resolve("axe-core/axe.min.js"), path.join(outDir, "axe.min.js"));
      resolve();
    }),
  );
}

function serve(dir) {
  const types = {
    ".html": "text/html; charset=utf-8",
    ".js": "text/javascript",
    ".png": "image/png",
    ".xml": "application/xml",
  };
  const server = http.createServer((request, response) => {
    const file = path.join(
      dir,
      path.normalize(decodeURIComponent(new URL(request.url, "http://x").pathname)).replace(/^([/\\])+/, ""),
    );
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    fs.createReadStream(file).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

/** Types the slip into the fake workbook: cluster 2's review now ends in 2032. */
function slipCluster2() {
  const model = window.__workplanFake.excel.model;
  const table = model.table("Clusters");
  const { sheet, area } = table;
  let column = 0;
  for (let c = area.left; c <= area.right; c++)
    if (sheet.cell(area.top, c)?.value === "Review end (expected)") column = c;
  for (let r = area.top + 1; r <= area.bottom; r++)
    if (sheet.cell(r, area.left)?.value === 2) sheet.ensure(r, column).value = 2032;
}

async function shoot(browser, base, theme, file) {
  const page = await browser.newPage({
    viewport: { width: 320, height: 600 },
    colorScheme: theme,
    deviceScaleFactor: 1,
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.goto(`${base}/harness.html?seed=default&theme=${theme}`);
  await check(page).waitFor();
  await page.evaluate(slipCluster2);
  await check(page).click();
  await page.getByRole("heading", { name: message("findings.group.error", { count: 2 }) }).waitFor();
  await page.screenshot({ path: file, fullPage: true });
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  await page.close();
  if (errors.length > 0) throw new Error(`the page reported errors: ${errors.join("; ")}`);
  return { file, overflow };
}

const check = (page) => page.getByRole("button", { name: message("actions.check"), exact: true });
const create = (page) => page.getByRole("button", { name: message("create.button") });

/**
 * The other states: a blank workbook, a clean check, a check in progress, a write Excel refused (the
 * findings stay, with a warning), an error from Excel (an error bar, the only one with a Dismiss button).
 * Each opens the harness page with `query`; `act` brings the pane there and waits until it shows it.
 */
const STATES = {
  create: {
    query: "seed=empty",
    act: async (page) => create(page).waitFor(),
  },
  created: {
    query: "seed=empty",
    act: async (page) => {
      await create(page).click();
      await check(page).waitFor();
    },
  },
  clean: {
    query: "seed=default",
    act: async (page) => {
      await check(page).click();
      await page.getByRole("group", { name: message("findings.none") }).waitFor();
    },
  },
  progress: {
    query: "seed=default&latency=1500",
    act: async (page) => {
      await check(page).waitFor({ timeout: 20000 });
      await check(page).click();
      await page.getByRole("progressbar").waitFor();
    },
  },
  refused: {
    query: "seed=default",
    act: async (page) => {
      await check(page).waitFor();
      await page.evaluate(() => window.__workplanFake.refuseWrites("AccessDenied", "The sheet is protected."));
      await check(page).click();
      await page.getByRole("group", { name: message("notWritten.title") }).waitFor();
    },
  },
  error: {
    query: "seed=default",
    act: async (page) => {
      await check(page).waitFor();
      // The write and the read after it both fail: nothing to list, an error bar.
      await page.evaluate(() => {
        for (let i = 0; i < 2; i++) window.__workplanFake.failNextSync("AccessDenied", "The sheet is protected.");
      });
      await check(page).click();
      await page.getByRole("button", { name: message("problem.dismiss") }).waitFor();
    },
  },
};

async function shootStates(browser, base, theme, out) {
  const states = STATES;
  for (const [name, state] of Object.entries(states)) {
    const page = await browser.newPage({ viewport: { width: 320, height: 560 }, colorScheme: theme });
    await page.goto(`${base}/harness.html?${state.query}&theme=${theme}`);
    await state.act(page);
    const file = path.join(out, `pane-${name}-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(file);
    await page.close();
  }
}

/**
 * The Clusters panel's what-if, the proposal, its sheet and Apply, in the browser: each step checked, then
 * photographed.
 */
async function shootWhatIf(browser, base, theme, out) {
  const page = await browser.newPage({
    viewport: { width: 320, height: 640 },
    colorScheme: theme,
    deviceScaleFactor: 1,
  });
  const errors = [];
  page.on("pageerror", (error) => errors.push(error.message));
  const expect = (ok, what) => {
    if (!ok) throw new Error(`what-if in the browser (${theme}): ${what}`);
  };
  const save = async (name, locator) => {
    const file = path.join(out, `pane-${name}-${theme}.png`);
    if (locator) await locator.screenshot({ path: file });
    else await page.screenshot({ path: file, fullPage: true });
    console.log(path.relative(ROOT, file));
  };
  const audit = async (state) => {
    if (!(await page.evaluate(() => typeof window.axe === "object"))) {
      await page.addScriptTag({ url: `${base}/axe.min.js` });
    }
    // A button changing appearance (Check stepping back when the proposal shows) is audited once it has settled.
    await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== "running"), null, {
      timeout: 5000,
    });
    const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
    const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    for (const v of violations)
      console.log(
        `  axe ${state} (${theme}): ${v.impact} ${v.id}: ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`,
      );
    expect(serious.length === 0, `axe-core finds ${serious.map((v) => v.id).join(", ")} in the ${state} state`);
  };
  await page.goto(`${base}/harness.html?seed=default&theme=${theme}`);
  const spin = page.getByRole("spinbutton", { name: message("clusters.spin", { number: 2 }) });
  await spin.waitFor();
  const syncs = await page.evaluate(() => window.__workplanFake.syncs());
  await spin.click();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  const appear = page.getByRole("region", { name: message("diff.group", { title: message("diff.appear"), count: 2 }) });
  await appear.waitFor();
  expect((await spin.inputValue()) === "2032", "the spin button does not say 2032");
  expect((await page.evaluate(() => window.__workplanFake.syncs())) === syncs, "spinning asked Excel for something");
  const clusters = page.getByRole("region", { name: message("clusters.heading") });
  await clusters.scrollIntoViewIfNeeded();
  await audit("what-if");
  await save("whatif", page.locator("main"));

  await page.getByRole("button", { name: message("pane.propose") }).click();
  const table = page.getByRole("table", { name: message("proposal.table") });
  await table.waitFor();
  const appended = await table
    .getByRole("row")
    .filter({ hasText: message("proposal.appended") })
    .allTextContents();
  expect(appended.length === 2 && appended[1].startsWith("21st"), `appended rows: ${JSON.stringify(appended)}`);
  await audit("proposal");
  await save("proposal", page.getByRole("region", { name: message("proposal.heading") }));

  await page.getByRole("button", { name: message("proposal.write") }).click();
  await page.getByText(startOf("proposalWritten")).waitFor();
  const sheets = await page.evaluate(() => window.__workplanFake.grid().sheets.map((s) => s.name));
  expect(
    sheets.some((name) => name.startsWith("Proposal ")),
    `no proposal sheet among ${sheets.join(", ")}`,
  );

  await page.getByRole("button", { name: message("proposal.apply") }).click();
  const dialog = page.getByRole("alertdialog", { name: message("apply.title") });
  await dialog.waitFor();
  await audit("confirmation");
  await save("apply", null);
  await dialog.getByRole("button", { name: message("apply.confirm"), exact: true }).click();
  await page.getByRole("group", { name: message("findings.none") }).waitFor();
  const workplan = await page.evaluate(() => window.__workplanFake.grid().sheets.find((s) => s.name === "Workplan"));
  expect(workplan.tables[0].range === "A1:F13", `the Workplan table is ${workplan.tables[0].range}`);
  expect(
    workplan.values.A13 === 21 && /^10 — /.test(workplan.values.E13),
    `row 13 is ${workplan.values.A13} / ${workplan.values.E13}`,
  );
  expect(Object.keys(workplan.fills).length === 0, "highlights are left after the clean check");
  await page.evaluate(() => window.scrollTo(0, 0));
  await save("applied", null);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow <= 0, `the pane is ${overflow} px wider than 320 px`);
  expect(errors.length === 0, `the page reported errors: ${errors.join("; ")}`);
  await page.close();
}

/** Two proposals' outcomes in the Meetings and Clusters what-ifs, each checked by the pane's words, then photographed. */
const PROPOSALS = {
  replaced: async (page) => {
    const box = page.getByRole("checkbox", { name: message("meetings.cancelIn", { meeting: "19th", year: 2032 }) });
    await box.click();
    await page.getByRole("button", { name: message("pane.propose") }).click();
    await page.getByText(startOf("proposal.stillEnds")).waitFor({ timeout: 20000 });
  },
  onlyWarnings: async (page) => {
    await page.getByRole("spinbutton", { name: message("clusters.spin", { number: 2 }) }).press("ArrowDown");
    await page.getByRole("button", { name: message("pane.propose") }).click();
    await page.getByText(message("proposal.noError")).waitFor({ timeout: 20000 });
  },
};

async function shootProposals(browser, base, theme, out) {
  for (const [name, act] of Object.entries(PROPOSALS)) {
    const page = await browser.newPage({ viewport: { width: 320, height: 700 }, colorScheme: theme });
    await page.goto(`${base}/harness.html?seed=default&theme=${theme}`);
    await check(page).waitFor();
    await act(page);
    const file = path.join(out, `pane-proposal-${name}-${theme}.png`);
    // The proposal at the top of the shot: the part of the pane this state changes.
    await page
      .getByRole("heading", { name: message("timeline.title") })
      .first()
      .scrollIntoViewIfNeeded();
    await page.screenshot({ path: file, fullPage: true });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    console.log(`${file}: horizontal overflow ${overflow} px`);
    await page.close();
  }
}

async function main() {
  const all = process.argv[2] === "--states";
  const whatIf = process.argv[2] === "--whatif";
  const proposals = process.argv[2] === "--proposals";
  const out = path.resolve(
    (all || whatIf || proposals ? process.argv[3] : process.argv[2]) ?? path.join(ROOT, "assets"),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "workplan-pane-"));
  let server;
  let browser;
  try {
    await build(dir);
    server = await serve(dir);
    const base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS, headless: true });
    for (const theme of ["light", "dark"]) {
      if (whatIf) {
        await shootWhatIf(browser, base, theme, out);
        continue;
      }
      if (proposals) {
        await shootProposals(browser, base, theme, out);
        continue;
      }
      const shot = await shoot(browser, base, theme, path.join(out, `screenshot-pane-${theme}.png`));
      console.log(`${path.relative(ROOT, shot.file)}: horizontal overflow ${shot.overflow} px`);
      if (all) await shootStates(browser, base, theme, out);
    }
  } finally {
    await browser?.close();
    server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module)
  main().catch((error) => {
    console.error(error.message);
    process.exit(1);
  });

module.exports = { STATES };
