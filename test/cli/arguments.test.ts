/**
 * Arguments a new user may get wrong: an option given twice with two values, and an --out or init
 * target named with an extension Excel would not open as the workbook written to it.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-args-"));
const file = (name: string) => path.join(dir, name);

/** The adopted workbook made macro-enabled, as Excel saves an .xlsm: only the workbook's content type differs. */
async function macroEnabled(target: string): Promise<void> {
  const plain = path.join(mkdtempSync(path.join(tmpdir(), "workplan-xlsm-")), "plain.xlsx");
  expect((await workplan("init", plain)).code).toBe(0);
  const zip = await JSZip.loadAsync(readFileSync(plain));
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  const main = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
  expect(types).toContain(main);
  zip.file("[Content_Types].xml", types.replace(main, "application/vnd.ms-excel.sheet.macroEnabled.main+xml"));
  writeFileSync(target, await zip.generateAsync({ type: "nodebuffer" }));
}

async function refused(argv: string[], message: RegExp): Promise<void> {
  const run = await workplan(...argv);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe("");
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr.trimEnd()).toMatch(message);
}

describe("an option given twice", () => {
  it("refuses two expected ends for one cluster, naming the cluster", async () => {
    await refused(
      ["check", "--expected-end", "2=2032", "--expected-end", "2=2033"],
      /^workplan: --expected-end names cluster 2 twice \(2032 and 2033\); give it once\.$/,
    );
    await refused(
      ["propose", "--expected-end", "2=2032", "--expected-end", " 2 = 2031"],
      /^workplan: --expected-end names cluster 2 twice \(2032 and 2031\)/,
    );
  });

  it("accepts the same expected end twice, as given once", async () => {
    const twice = await workplan("check", "--json", "--expected-end", "2=2032", "--expected-end", "2=2032");
    const once = await workplan("check", "--json", "--expected-end", "2=2032");
    expect(twice.code).toBe(1);
    expect(twice.stdout).toBe(once.stdout);
  });

  it("takes a meeting cancelled twice (17, 17th) as cancelled once", async () => {
    const run = await workplan("check", "--json", "--cancel", "17", "--cancel", "17th");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).cancelled).toEqual([17]);
  });

  it.each([
    [
      ["check", "--out", file("a.xlsx"), "--out", file("b.xlsx")],
      /^workplan: --out is given twice \(".*a\.xlsx" and ".*b\.xlsx"\)/,
    ],
    [["check", "--as-of", "2026", "--as-of", "2027"], /^workplan: --as-of is given twice \("2026" and "2027"\)/],
    [["propose", "--time-limit", "1", "--time-limit", "5"], /^workplan: --time-limit is given twice/],
  ])("refuses %j: which value was meant cannot be guessed", async (argv, message) => {
    await refused(argv, message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("accepts the same --as-of twice", async () => {
    const run = await workplan("check", "--as-of", "2026", "--as-of", "2026");
    expect(run.code).toBe(0);
  });
});

describe("the extension of the workbook written", () => {
  afterEach(() => {
    for (const name of readdirSync(dir)) unlinkSync(file(name));
  });

  it.each([
    [["check", "--out", file("checked.csv")], /--out .*checked\.csv: .*extension \.xlsx.*checked\.xlsx/],
    [["propose", "--expected-end", "2=2032", "--out", file("proposal")], /extension \.xlsx.*proposal\.xlsx/],
    [["init", file("plan.csv")], /^workplan: init .*plan\.csv: .*extension \.xlsx/],
  ])("refuses %j with one line naming the extension, and writes nothing", async (argv, message) => {
    await refused(argv, message);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("accepts .xlsx in any case", async () => {
    const run = await workplan("check", "--out", file("Checked.XLSX"));
    expect(run.code).toBe(0);
    expect(existsSync(file("Checked.XLSX"))).toBe(true);
  });

  it("asks for .xlsm when the input is a macro-enabled workbook, which Excel will not open as .xlsx", async () => {
    const input = path.join(mkdtempSync(path.join(tmpdir(), "workplan-xlsm-")), "plan.xlsm");
    await macroEnabled(input);
    await refused(["check", input, "--out", file("macros.xlsx")], /extension \.xlsm.*macros\.xlsm/);
    expect(existsSync(file("macros.xlsx"))).toBe(false);
    const run = await workplan("check", input, "--out", file("macros.xlsm"));
    expect(run.code).toBe(0);
    expect(existsSync(file("macros.xlsm"))).toBe(true);
  });
});

describe("asking for help after the command", () => {
  it.each([
    ["check", "--help"],
    ["propose", "-h"],
    ["init", "--help"],
    ["check", "plan.xlsx", "--json", "--help"],
  ])("workplan %s %s prints the usage and exits 0", async (...argv) => {
    const run = await workplan(...argv);
    expect(run).toMatchObject({ code: 0, stderr: "" });
    expect(run.stdout).toMatch(/^workplan — checks the multi-year workplan/);
  });
});

describe("--force without --out", () => {
  it("is refused: there is no file for it to replace", async () => {
    await refused(
      ["check", "--force"],
      /^workplan: --force only lets --out replace an existing file, and there is no --out/,
    );
  });
});
