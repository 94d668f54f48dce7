/**
 * Every file of the hostile corpus (src/bench/hostileWorkbooks.ts) through the command line as a
 * user runs it, in its own process: it ends with exit 0, 1 or 2; exit 2 says why in one line that
 * names the file, with no stack trace; a reader that stops early (`| head -1`) changes neither; the
 * file is untouched. Exit 2 only for a file that openpyxl cannot open either.
 * How long each takes is the bench's `check_hostile_max_ms`, not a test's.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hostileWorkbooks } from "../../src/bench/hostileWorkbooks";
import { compileCli, type CompiledCli } from "../support/compiledCli";
import { requireTool, toolPath } from "../support/tools";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-hostile-cli-"));
const base = path.join(__dirname, "..", "fixtures", "default.xlsx");
const hostile = hostileWorkbooks(readFileSync(base));

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

/** Each corpus file written once, and checked once, for every suite below. */
const written = new Map<string, { file: string; before: string; checked: Ended }>();
async function corpusFile(name: string, make: () => Promise<Buffer>) {
  let entry = written.get(name);
  if (!entry) {
    const file = path.join(dir, `${name.replace(/[^a-z0-9]+/gi, "-")}.xlsx`);
    writeFileSync(file, await make());
    entry = { file, before: sha256(file), checked: check(file) };
    written.set(name, entry);
  }
  return entry;
}

/** What a user sees on the terminal's error stream: nothing, or for exit 2 one line of ours naming the file. */
function expectEnded(run: Ended, file: string): void {
  expect([0, 1, 2]).toContain(run.status);
  expect(run.stderr).not.toMatch(/^\s+at /m);
  if (run.status === 2) {
    expect(run.stderr).toMatch(/^workplan: [^\n]+\n$/);
    expect(run.stderr).toContain(file);
  } else expect(run.stderr).toBe("");
}

describe("a hostile file through the command line", () => {
  it.each(hostile)(
    "%s: exit 0, 1 or 2, one line naming the file for 2, also into a closed pipe; the file unchanged",
    async (name, make) => {
      const { file, before, checked: read } = await corpusFile(name, make);

      expectEnded(read, file);
      if (read.status !== 2) expect(read.stdout).not.toBe("");
      const closed = checkIntoClosedPipe(file);
      expectEnded(closed, file);
      expect(closed.status).toBe(read.status);
      expect(closed.stderr).toBe(read.stderr);

      expect(sha256(file)).toBe(before);
    },
    60_000,
  );
});

/** 1 GB of address space and 30 s: openpyxl inflates a part whole, so a bomb may need more. */
const OPENPYXL_LIMITS = "ulimit -v 1048576; exec timeout -s KILL 30";
const OPEN = [
  "import sys, openpyxl",
  "try:",
  "    openpyxl.load_workbook(sys.argv[1])",
  "except MemoryError:",
  "    print('limit'); sys.exit(3)",
  "except Exception as error:",
  "    print('refused:', type(error).__name__, error); sys.exit(3)",
  "print('opened')",
].join("\n");

type Opened = "opened" | "refused" | "limit";

/** Whether openpyxl opens the file (load_workbook, every sheet read), within the limits above. */
function openpyxlOpens(file: string): { verdict: Opened; said: string } {
  const python = toolPath("openpyxl") ?? "/usr/bin/python3";
  const run = spawnSync("bash", ["-c", `${OPENPYXL_LIMITS} "$0" -c "$1" "$2"`, python, OPEN, file], {
    encoding: "utf8",
  });
  const said = `${run.stdout}${run.stderr}`.trim().slice(0, 300);
  if (run.status === 0 && run.stdout.trim() === "opened") return { verdict: "opened", said };
  if (run.status === 3 && run.stdout.startsWith("refused")) return { verdict: "refused", said };
  // MemoryError, killed at the time limit (137) or by a signal: the limits stopped it.
  return { verdict: "limit", said };
}

/** The zip bombs: for them alone, openpyxl stopped by the limits counts as "cannot open". */
const isBomb = (name: string) => /zip bomb/i.test(name);

requireTool("openpyxl")("exit 2 only for a file that openpyxl cannot open either", () => {
  it("openpyxl opens the workbook the corpus is made from (the probe can say yes)", () => {
    expect(openpyxlOpens(base).verdict).toBe("opened");
  });

  it.each(hostile)(
    "%s",
    async (name, make) => {
      const { file, checked } = await corpusFile(name, make);
      const openpyxl = openpyxlOpens(file);
      const answer = { verdict: openpyxl.verdict, said: openpyxl.said };

      // On a file that is no bomb, openpyxl stopped by the limits leaves the question open.
      if (!isBomb(name)) expect(answer).not.toMatchObject({ verdict: "limit" });
      if (checked.status === 2) {
        expect(answer).toMatchObject({
          verdict: isBomb(name) ? expect.stringMatching(/^(refused|limit)$/) : "refused",
        });
      }
      if (openpyxl.verdict === "opened") {
        expect(checked.stderr).toBe("");
        expect([0, 1]).toContain(checked.status);
      }
    },
    90_000,
  );
});
