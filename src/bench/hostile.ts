/**
 * `check_hostile_max_ms`: the slowest `workplan check FILE` over the hostile corpus
 * (hostileWorkbooks.ts, from test/fixtures/default.xlsx), each in its own Node process as a user
 * runs it, from start to exit (median of three runs per file); goal < 2,000. With it,
 * `check_hostile_max_rss_mb`, the largest resident memory of those processes; goal < 500.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
// Type only, so that tsconfig.bench.json compiles the command line into build/ alongside the bench.
import type {} from "../cli/main";
import { hostileWorkbooks } from "./hostileWorkbooks";

const ROOT = path.join(__dirname, "..", "..", "..");
const RUNS = 3;

/** The compiled command line (build/src/cli/main.js), run as bin/workplan.js runs lib/cli/main.js. */
const CLI: string = require.resolve("../cli/main");
/**
 * Reports the process's peak resident memory (kilobytes) on file descriptor 3. On Linux, from
 * /proc/self/status (VmHWM): `maxRSS` there keeps the peak of the process it was forked from, so
 * it would report the bench's own memory (the bench at 700 MB made every check "748 MB").
 */
const RUNNER =
  `require(${JSON.stringify(CLI)}).main(process.argv.slice(1)).then((code) => {` +
  ' const fs = require("node:fs"); let kb = process.resourceUsage().maxRSS;' +
  ' try { kb = Number(/^VmHWM:\\s*(\\d+)/m.exec(fs.readFileSync("/proc/self/status", "utf8"))[1]) || kb; } catch {}' +
  " fs.writeSync(3, String(kb)); process.exitCode = code; });";

interface Run {
  ms: number;
  rssMb: number;
}

function checkOnce(file: string): Run {
  const start = performance.now();
  const run = spawnSync(process.execPath, ["-e", RUNNER, "check", file], {
    stdio: ["ignore", "pipe", "pipe", "pipe"],
    encoding: "utf8",
  });
  const ms = performance.now() - start;
  if (run.status === null || run.status > 2) {
    throw new Error(`bench: check of a hostile file ended with ${run.status ?? run.signal}: ${run.stderr}`);
  }
  return { ms, rssMb: Number(run.output[3]) / 1024 };
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;
}

export async function hostileFigures(): Promise<{ check_hostile_max_ms: number; check_hostile_max_rss_mb: number }> {
  const dir = mkdtempSync(path.join(tmpdir(), "workplan-hostile-"));
  try {
    let slowest = 0;
    let largest = 0;
    const base = readFileSync(path.join(ROOT, "test", "fixtures", "default.xlsx"));
    for (const [index, [, make]] of hostileWorkbooks(base).entries()) {
      const file = path.join(dir, `hostile-${index}.xlsx`);
      writeFileSync(file, await make());
      const runs = Array.from({ length: RUNS }, () => checkOnce(file));
      slowest = Math.max(slowest, median(runs.map((r) => r.ms)));
      largest = Math.max(largest, ...runs.map((r) => r.rssMb));
    }
    return { check_hostile_max_ms: Math.round(slowest), check_hostile_max_rss_mb: Math.round(largest) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
