/**
 * The add-in build: a production build weighs under the budget (every script taskpane.html
 * loads, gzipped, Office.js excepted), loads Office.js from Microsoft's CDN, has no source maps,
 * and holds everything a host needs with the manifest pointing at ADDIN_URL; a development build
 * serves Office.js from @microsoft/office-js; a bad ADDIN_URL is refused in one line.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";
import {
  BUNDLE_BUDGET_GZIP_BYTES,
  bundleFigures,
  productionBundleFigures,
  scriptSources,
  WORKER_SCRIPT,
  workerGzipBytes,
} from "../../src/bench/bundle";
import { WORKER_FILE } from "../../src/taskpane/solver";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const config = require("../../webpack.config.js") as (
  env: Record<string, unknown>,
  argv: { mode: string },
) => webpack.Configuration;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { addinUrl, rewriteManifest, DEV_URL } = require("../../scripts/addin-build.js") as {
  addinUrl(value: string | undefined): string;
  rewriteManifest(xml: string, url: string): string;
  DEV_URL: string;
};

const ROOT = join(__dirname, "..", "..");
const CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

function build(mode: "production" | "development", env: Record<string, string | undefined> = {}): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), `workplan-build-${mode}-`));
  const saved = { ADDIN_URL: process.env.ADDIN_URL, OFFICE_JS: process.env.OFFICE_JS };
  delete process.env.ADDIN_URL;
  delete process.env.OFFICE_JS;
  Object.assign(process.env, env);
  let options: webpack.Configuration;
  try {
    options = { ...config({ outDir, throwOnError: true }, { mode }), context: ROOT };
  } finally {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
  return new Promise((resolve, reject) =>
    webpack(options, (error, stats) => {
      if (error) reject(error);
      else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
      else resolve(outDir);
    }),
  );
}

function files(dir: string, prefix = ""): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

const built: string[] = [];
afterAll(() => {
  for (const dir of built) rmSync(dir, { recursive: true, force: true });
});

describe("the production build", () => {
  let dist = "";
  beforeAll(async () => {
    dist = await build("production", { ADDIN_URL: "https://example.org/workplan/" });
    built.push(dist);
  }, 180_000);

  it(`weighs under ${BUNDLE_BUDGET_GZIP_BYTES.toLocaleString("en")} bytes gzipped`, () => {
    const figures = bundleFigures(dist);
    process.stdout.write(`${JSON.stringify({ bundle_js_gzip_bytes: figures.bundle_js_gzip_bytes })}\n`);
    expect(figures.files.map((f) => f.file)).toEqual(["taskpane.js"]);
    expect(figures.bundle_js_gzip_bytes).toBeGreaterThan(10_000);
    expect(figures.bundle_js_gzip_bytes).toBeLessThan(BUNDLE_BUDGET_GZIP_BYTES);
  });

  it("is all a host needs: the pages, their scripts, the icons and the manifest, no source maps", () => {
    const all = files(dist);
    for (const file of [
      "taskpane.html",
      "dialog.html",
      "taskpane.js",
      "ribbon.js",
      "dialog.js",
      "proposeWorker.js",
      "propose-in-pane.js",
      "set-up.js",
      "diagnostics.js",
      "manifest.xml",
      ...[16, 32, 64, 80].map((n) => join("assets", `icon-${n}.png`)),
    ]) {
      expect(all).toContain(file);
    }
    // One page for the pane and the ribbon's function (the shared runtime of manifest.xml): no commands.html.
    expect(all.filter((f) => f.startsWith("commands."))).toEqual([]);
    expect(all.filter((f) => f.endsWith(".map"))).toEqual([]);
    expect(all.filter((f) => f.includes("office-js"))).toEqual([]);
  });

  it("holds the proposal solver in the worker's script (and the in-pane fallback's chunk), not in the pane's", () => {
    // Words only the solver says: why no clean plan exists, and its own last check.
    const solverWords = ["The best timeline found still has findings", "rescheduling topics cannot fix"];
    const script = (file: string) => readFileSync(join(dist, file), "utf8");
    for (const words of solverWords) {
      expect(script("proposeWorker.js")).toContain(words);
      expect(script("propose-in-pane.js")).toContain(words);
      expect(script("taskpane.js")).not.toContain(words);
    }
    // The worker runs on its own: no chunk to load, no page, no Office.js.
    expect(script("proposeWorker.js")).not.toMatch(/webpackChunk|importScripts|document\./);
    expect(script("taskpane.js")).toContain('"proposeWorker.js"');
    const gzip = (file: string) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
    process.stdout.write(`${JSON.stringify({ propose_in_pane_js_gzip_bytes: gzip("propose-in-pane.js") })}\n`);
  });

  it("keeps what only creating or setting up a workbook, or IT's diagnostics, need in chunks loaded when asked", () => {
    const script = (file: string) => readFileSync(join(dist, file), "utf8");
    // Words of the adopted Sources texts that "create workbook" and "Add the missing tables" write, and of the
    // refusal to create; the diagnostics' own note.
    const setUpWords = [
      "the Working Group has never dedicated a specific agenda item",
      "Operationalizing article 10: national transfer control systems",
    ];
    for (const words of setUpWords) {
      expect(script("set-up.js")).toContain(words);
      expect(script("taskpane.js")).not.toContain(words);
    }
    const diagnosticsWords = "Workplan Checker diagnostics: a note to read back and delete.";
    expect(script("diagnostics.js")).toContain(diagnosticsWords);
    expect(script("taskpane.js")).not.toContain(diagnosticsWords);
    // The pane's script names both chunks, to load them beside itself.
    expect(script("taskpane.js")).toMatch(/"set-up"/);
    expect(script("taskpane.js")).toMatch(/"diagnostics"/);
  });

  it("weighs the worker the pane starts for worker_js_gzip_bytes: its script, gzipped as the pane's", () => {
    expect(WORKER_SCRIPT).toBe(WORKER_FILE);
    const worker = readFileSync(join(dist, "proposeWorker.js"));
    process.stdout.write(`${JSON.stringify({ worker_js_gzip_bytes: workerGzipBytes(dist) })}\n`);
    expect(workerGzipBytes(dist)).toBe(gzipSync(worker, { level: 9 }).length);
    // The whole solver is in it: more than the dialog's few hundred bytes, less than the raw script.
    expect(workerGzipBytes(dist)).toBeGreaterThan(5_000);
    expect(workerGzipBytes(dist)).toBeLessThan(worker.length);
  });

  it("loads Office.js from Microsoft's CDN before the pane's script", () => {
    expect(scriptSources(readFileSync(join(dist, "taskpane.html"), "utf8"))).toEqual([CDN, "taskpane.js"]);
    expect(scriptSources(readFileSync(join(dist, "dialog.html"), "utf8"))).toEqual([CDN, "dialog.js"]);
  });

  it("keeps the ribbon's outcome window apart from the pane, with a script of its own that stays small", () => {
    const dialog = readFileSync(join(dist, "dialog.html"), "utf8");
    // The minimizer drops the quotes around attribute values where HTML allows it.
    expect(dialog).toMatch(/<main id="?outcome"?>/);
    expect(dialog).toMatch(/http-equiv="?Content-Security-Policy"?/);
    expect(bundleFigures(dist, "dialog.html").bundle_js_gzip_bytes).toBeLessThan(2_000);
    expect(readFileSync(join(dist, "taskpane.js"), "utf8")).not.toContain("open-pane");
  });

  it("associates the ribbon's button in the pane's script and loads the command's own code when it is pressed", () => {
    const pane = readFileSync(join(dist, "taskpane.js"), "utf8");
    const ribbon = readFileSync(join(dist, "ribbon.js"), "utf8");
    expect(pane).toContain('"checkWorkplan"');
    expect(pane).toMatch(/:"ribbon"/); // the chunk's name, to which webpack's loader adds ".js"
    // The outcome window's words and its address are in the chunk, not in the pane's first load.
    for (const words of ["Workplan checked", "dialog.html"]) {
      expect(ribbon).toContain(words);
      expect(pane).not.toContain(words);
    }
    expect(gzipSync(Buffer.from(ribbon), { level: 9 }).length).toBeLessThan(3_000);
  });

  it("points the manifest at ADDIN_URL", () => {
    const manifest = readFileSync(join(dist, "manifest.xml"), "utf8");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain('<SourceLocation DefaultValue="https://example.org/workplan/taskpane.html"/>');
    expect(manifest).toContain('<FunctionFile resid="Taskpane.Url"/>');
    expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://example.org/workplan/taskpane.html"/>');
    expect(manifest).toContain("https://example.org/workplan/assets/icon-80.png");
  });
});

describe("npm run bench", () => {
  it("builds the production bundle itself for the pane's and the worker's weights, leaving no folder", async () => {
    // Its own parent folder: other builds may run in the shared temporary folder meanwhile.
    const parent = mkdtempSync(join(tmpdir(), "workplan-bench-test-"));
    built.push(parent);
    const figures = await productionBundleFigures(parent);
    expect(figures.files.map((f) => f.file)).toEqual(["taskpane.js"]);
    expect(figures.bundle_js_gzip_bytes).toBeGreaterThan(10_000);
    expect(figures.bundle_js_gzip_bytes).toBeLessThan(BUNDLE_BUDGET_GZIP_BYTES);
    expect(figures.worker_js_gzip_bytes).toBeGreaterThan(5_000);
    // The chunks the pane loads when asked are weighed apart, each gzipped as the pane's script.
    expect(figures.lazy_files.map((f) => f.file)).toEqual([
      "diagnostics.js",
      "propose-in-pane.js",
      "ribbon.js",
      "set-up.js",
    ]);
    for (const file of figures.lazy_files) expect(file.gzip_bytes).toBeGreaterThan(1_000);
    expect(figures.pane_lazy_js_gzip_bytes).toBe(figures.lazy_files.reduce((sum, f) => sum + f.gzip_bytes, 0));
    expect(readdirSync(parent)).toEqual([]);
  }, 180_000);
});

describe("a development build", () => {
  it("serves Office.js from @microsoft/office-js, never the CDN, and keeps the localhost manifest", async () => {
    const dist = await build("development");
    built.push(dist);
    const names = ["taskpane.html", "dialog.html"];
    const pages = names.map((page) => readFileSync(join(dist, page), "utf8"));
    for (const html of pages) {
      expect(html).not.toContain("appsforoffice");
      expect(scriptSources(html)[0]).toBe("office-js/office.js");
    }
    expect(readFileSync(join(dist, "office-js", "office.js"))).toEqual(
      readFileSync(join(ROOT, "node_modules", "@microsoft", "office-js", "dist", "office.js")),
    );
    expect(existsSync(join(dist, "office-js", "en-us", "office_strings.js"))).toBe(true);
    expect(readFileSync(join(dist, "manifest.xml"), "utf8")).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
    // Office.js does not count towards the pane's weight.
    expect(bundleFigures(dist).files.map((f) => f.file)).toEqual(["taskpane.js"]);
  }, 180_000);
});

describe("ADDIN_URL", () => {
  it("must be https and end in a slash", () => {
    expect(addinUrl(undefined)).toBe(DEV_URL);
    expect(addinUrl("")).toBe(DEV_URL);
    expect(addinUrl("https://host.example/path/")).toBe("https://host.example/path/");
    for (const bad of [
      "http://host.example/path/",
      "https://host.example/path",
      "host.example/",
      "https://host.example/?a=1/",
    ]) {
      expect(() => addinUrl(bad)).toThrow(/^ADDIN_URL must be an https URL ending in "\/"/);
    }
  });

  it("rewrites every development URL of the manifest and nothing else", () => {
    const xml =
      '<a u="https://localhost:3000/taskpane.html"/><b u="https://localhost:3000/assets/icon-16.png"/><c ' +
      'u="https://other.example/"/>';
    expect(rewriteManifest(xml, "https://h.example/p/")).toBe(
      '<a u="https://h.example/p/taskpane.html"/><b u="https://h.example/p/assets/icon-16.png"/><c ' +
        'u="https://other.example/"/>',
    );
    expect(rewriteManifest(xml, DEV_URL)).toBe(xml);
  });

  it("is refused by npm run build in one clear line", () => {
    const run = spawnSync(
      process.execPath,
      [join(ROOT, "node_modules", "webpack-cli", "bin", "cli.js"), "--mode", "production"],
      {
        cwd: ROOT,
        env: { ...process.env, ADDIN_URL: "http://insecure.example/" },
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split("\n")).toEqual([
      'ADDIN_URL must be an https URL ending in "/", such as https://example.org/workplan/ (got ' +
        '"http://insecure.example/").',
    ]);
  }, 60_000);
});

describe("scriptSources", () => {
  it("reads quoted and unquoted src attributes and skips inline scripts", () => {
    expect(
      scriptSources(
        '<script src=a.js></script><script>var x</script><script defer src="b/c.js"></script><script ' +
          "src='d.js'></script>",
      ),
    ).toEqual(["a.js", "b/c.js", "d.js"]);
  });
});
