/**
 * The task pane's weight: the gzipped size of every script taskpane.html loads from the build,
 * Office.js excepted (it comes from Microsoft's CDN, or from @microsoft/office-js in development);
 * and apart, the weight of the proposal solver's Web Worker, which the pane starts by its name.
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
 * `bundle_js_gzip_bytes` and `worker_js_gzip_bytes` of `npm run bench`: builds the add-in for
 * production as `npm run build` does (webpack.config.js, ADDIN_URL and OFFICE_JS as set), into a
 * temporary folder (in `parent`) that is removed afterwards, and measures the scripts there.
 */
export async function productionBundleFigures(
  parent = tmpdir(),
): Promise<BundleFigures & { worker_js_gzip_bytes: number }> {
  const root = repositoryRoot();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const config = require(join(root, "webpack.config.js")) as WebpackConfig;
  const outDir = mkdtempSync(join(parent, "workplan-bench-build-"));
  try {
    const options = { ...config({ outDir, throwOnError: true }, { mode: "production" }), context: root };
    await new Promise<void>((resolve, reject) =>
      webpack(options, (error, stats) => {
        if (error) reject(error);
        else if (stats?.hasErrors()) reject(new Error(stats.toString("errors-only")));
        else resolve();
      }),
    );
    return { ...bundleFigures(outDir), worker_js_gzip_bytes: workerGzipBytes(outDir) };
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
