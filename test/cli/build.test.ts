/**
 * The command line's build (`npm run build:cli`, tsconfig.build.json, into lib/) ships no test
 * double: the fake Excel lives in test/support and is compiled only for the tests, the pane's
 * end-to-end page and the bench (tsconfig.bench.json, into build/).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
/** Names only the fake Excel and its page harness define. */
const FAKE = /\b(createFakeExcel|FakeExcel|fakeOffice|installFakeOffice|__workplanFake)\b/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/** The files of `dir` that hold the fake Excel, by path or by what they define. */
function fakeExcelFiles(dir: string): string[] {
  return filesUnder(dir).filter(
    (file) =>
      /fakeExcel|devtools|[\\/]test[\\/]/i.test(path.relative(dir, file)) || FAKE.test(readFileSync(file, "utf8")),
  );
}

describe("the command line's build", () => {
  let outDir = "";
  beforeAll(() => {
    outDir = mkdtempSync(path.join(tmpdir(), "workplan-cli-build-"));
    // What `npm run build:cli` runs, into a folder of its own.
    const tsc = path.join(root, "node_modules/typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json", "--outDir", outDir], {
      cwd: root,
      encoding: "utf8",
    });
    if (run.status !== 0) throw new Error(`tsc failed: ${run.stdout}${run.stderr}`);
  }, 120_000);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it("holds the command line and no fake Excel", () => {
    expect(filesUnder(outDir).map((f) => path.relative(outDir, f))).toContain(path.join("cli", "main.js"));
    expect(fakeExcelFiles(outDir)).toEqual([]);
  });

  it("would see the fake Excel if it were there", () => {
    expect(fakeExcelFiles(path.join(root, "test/support")).length).toBeGreaterThan(3);
  });
});
