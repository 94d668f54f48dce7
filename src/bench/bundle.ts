/**
 * The task pane's weight: the gzipped size of every script taskpane.html loads from the build,
 * Office.js excepted (it comes from Microsoft's CDN, or from @microsoft/office-js in development);
 * and apart, the weight of the chunks the pane's script loads when asked (setting a workbook up,
 * the diagnostics, the solver where no worker runs) and of the proposal solver's Web Worker, which
 * the pane starts by its name.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, posix } from "node:path";
import { gzipSync } from "node:zlib";
import webpack from "webpack";

/** The budget: Microsoft's Yeoman template, which only writes one cell, weighs 167,537 bytes. */
export const BUNDLE_BUDGET_GZIP_BYTES = 150_000;

export interface BundleFile {
  file: string;
  bytes: number;
  gzip_bytes: number;
}

export interface BundleFigures {
  bundle_js_gzip_bytes: number;
  files: BundleFile[];
}

export interface ProductionBundleFigures extends BundleFigures {
  /** Every chunk the pane's script loads when asked, gzipped: outside bundle_js_gzip_bytes and its budget. */
  pane_lazy_js_gzip_bytes: number;
  lazy_files: BundleFile[];
  worker_js_gzip_bytes: number;
}

/** The worker's script, built beside taskpane.html (webpack.config.js; src/taskpane/solver.ts's WORKER_FILE). */
export const WORKER_SCRIPT = "proposeWorker.js";

/** gzip at level 9, as every figure of this file. */
const gzipBytes = (content: Buffer): number => gzipSync(content, { level: 9 }).length;

/** The `src` of every `<script>` of a page, in order (quoted or not, as a minifier leaves them). */
export function scriptSources(html: string): string[] {
  const sources: string[] = [];
  for (const tag of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(tag[0]);
    const value = src?.[1] ?? src?.[2] ?? src?.[3];
    if (value) sources.push(value);
  }
  return sources;
}

/** Scripts of the build itself: not absolute URLs, not Office.js. */
function isOwnScript(src: string): boolean {
  if (/^(?:[a-z]+:)?\/\//i.test(src)) return false;
  return posix.basename(src.split(/[?#]/)[0] ?? "").toLowerCase() !== "office.js";
}

export function bundleFigures(distDir: string, page = "taskpane.html"): BundleFigures {
  const html = readFileSync(join(distDir, page), "utf8");
  const files = scriptSources(html)
    .filter(isOwnScript)
    .map((src) => {
      const file = src.split(/[?#]/)[0] ?? src;
      const content = readFileSync(join(distDir, ...file.split("/")));
      return { file, bytes: content.length, gzip_bytes: gzipBytes(content) };
    });
  return { bundle_js_gzip_bytes: files.reduce((sum, f) => sum + f.gzip_bytes, 0), files };
}

/**
 * The scripts of the chunks the entry's script loads on demand (`import()`), at any depth, as the build named them;
 * not the entry's own scripts, and not another entry's (the worker's).
 */
export function lazyScripts(compilation: webpack.Compilation, entry = "taskpane"): string[] {
  const entrypoint = compilation.entrypoints.get(entry);
  if (!entrypoint) throw new Error(`The build has no entry "${entry}".`);
  const initial = new Set(entrypoint.getFiles());
  const seen = new Set<webpack.ChunkGroup>();
  const files = new Set<string>();
  const visit = (group: webpack.ChunkGroup) => {
    if (seen.has(group)) return;
    seen.add(group);
    for (const file of group.getFiles()) if (file.endsWith(".js") && !initial.has(file)) files.add(file);
    for (const child of group.getChildren()) visit(child);
  };
  for (const child of entrypoint.getChildren()) visit(child);
  return [...files].sort();
}

/** `pane_lazy_js_gzip_bytes`: the pane's chunks loaded on demand, each gzipped as the pane's script. */
export function lazyFigures(distDir: string, scripts: readonly string[]): BundleFile[] {
  return scripts.map((file) => {
    const content = readFileSync(join(distDir, ...file.split("/")));
    return { file, bytes: content.length, gzip_bytes: gzipBytes(content) };
  });
}

/** `worker_js_gzip_bytes`: the worker's script, gzipped; the pane loads it only when it proposes. */
export function workerGzipBytes(distDir: string): number {
  return gzipBytes(readFileSync(join(distDir, WORKER_SCRIPT)));
}

/** The repository: the nearest folder above `from` with a package.json (src/bench, or its build in build/). */
export function repositoryRoot(from = __dirname): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json"))) return dir;
    if (dirname(dir) === dir) throw new Error(`No package.json above ${from}.`);
  }
}

type WebpackConfig = (env: Record<string, unknown>, argv: { mode: string }) => webpack.Configuration;

/**
 * `bundle_js_gzip_bytes`, `pane_lazy_js_gzip_bytes` and `worker_js_gzip_bytes` of `npm run bench`: builds the add-in
 * for production as `npm run build` does (webpack.config.js, ADDIN_URL and OFFICE_JS as set), into a temporary folder
 * (in `parent`) that is removed afterwards, and measures the scripts there.
 */
export async function productionBundleFigures(parent = tmpdir()): Promise<ProductionBundleFigures> {
  const root = repositoryRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, "webpack.config.js")) as WebpackConfig;
  const outDir = mkdtempSync(join(parent, "workplan-bench-build-"));
  try {
    const options = { ...config({ outDir, throwOnError: true }, { mode: "production" }), context: root };
    const lazy = await new Promise<string[]>((resolve, reject) =>
      webpack(options, (error, stats) => {
        if (error || !stats) reject(error ?? new Error("webpack gave no stats."));
        else if (stats.hasErrors()) reject(new Error(stats.toString("errors-only")));
        else resolve(lazyScripts(stats.compilation));
      }),
    );
    const lazyFiles = lazyFigures(outDir, lazy);
    return {
      ...bundleFigures(outDir),
      pane_lazy_js_gzip_bytes: lazyFiles.reduce((sum, f) => sum + f.gzip_bytes, 0),
      lazy_files: lazyFiles,
      worker_js_gzip_bytes: workerGzipBytes(outDir),
    };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
