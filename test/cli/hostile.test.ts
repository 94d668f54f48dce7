/**
 * Every file of the hostile corpus (src/bench/hostileWorkbooks.ts) through the command line as a
 * user runs it, in its own process: it ends with exit 0, 1 or 2; exit 2 says why in one line, with
 * no stack trace; a reader that stops early (`| head -1`) changes neither; the file is untouched.
 * How long each takes is the bench's `check_hostile_max_ms`, not a test's.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostileWorkbooks } from "../../src/bench/hostileWorkbooks";
import { compileCli, type CompiledCli } from "../support/compiledCli";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-hostile-cli-"));
const hostile = hostileWorkbooks(readFileSync(path.join(__dirname, "..", "fixtures", "default.xlsx")));

let cli: CompiledCli;
beforeAll(() => {
  cli = compileCli();
});
afterAll(() => {
  cli.remove();
  rmSync(dir, { recursive: true, force: true });
});

const sha256 = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

interface Ended {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `workplan check FILE`, its output read to the end. */
function check(file: string): Ended {
  return spawnSync(process.execPath, [cli.bin, "check", file], { encoding: "utf8" });
}

/** `workplan check FILE | true`: the reader is gone at once, so every write meets a closed pipe. */
function checkIntoClosedPipe(file: string): Ended {
  const script = '"$0" "$1" check "$2" | true; exit "${PIPESTATUS[0]}"';
  return spawnSync("bash", ["-c", script, process.execPath, cli.bin, file], { encoding: "utf8" });
}

/** What a user sees on the terminal's error stream: nothing, or for exit 2 one line of ours. */
function expectEnded(run: Ended): void {
  expect([0, 1, 2]).toContain(run.status);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (run.status === 2) expect(run.stderr).toMatch(/^workplan: [^\n]+\n$/);
  else expect(run.stderr).toBe("");
}

describe("a hostile file through the command line", () => {
  it.each(hostile)(
    "%s: exit 0, 1 or 2, one line for 2, also into a closed pipe; the file unchanged",
    async (name, make) => {
      const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
      writeFileSync(file, await make());
      const before = sha256(file);

      const read = check(file);
      expectEnded(read);
      if (read.status !== 2) expect(read.stdout).not.toBe("");
      const closed = checkIntoClosedPipe(file);
      expectEnded(closed);
      expect(closed.status).toBe(read.status);
      expect(closed.stderr).toBe(read.stderr);

      expect(sha256(file)).toBe(before);
    },
    60_000,
  );
});
