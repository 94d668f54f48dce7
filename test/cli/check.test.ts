import { mkdtempSync, readFileSync, writeFileSync, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { spawnSync } from "node:child_process";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { FLAGS_SHEET, NOTE_MARK } from "../../src/domain/annotations";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-cli-"));
const file = (name: string) => path.join(dir, name);

describe("workplan check on the embedded adopted plan", () => {
  it("finds no conflicts and exits 0", async () => {
    const run = await workplan("check");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toBe(
      "embedded adopted plan: no conflicts (as of 2026; expected review ends 1: 2024, 2: 2030, 3: 2028, 4: 2026)",
    );
    expect(run.stderr).toBe("");
  });

  it("reports a two-year slip of cluster 2 as errors on the cells of topics 6 and 7, exit 1", async () => {
    const run = await workplan("check", "--expected-end", "2=2032");
    expect(run.code).toBe(1);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toBe(
      "embedded adopted plan: 2 errors, 0 warnings, 0 info (as of 2026; expected review ends 1: 2024, 2: 2032 " +
        "(what-if), 3: 2028, 4: 2026)",
    );
    expect(lines).toContain("Errors (2)");
    expect(run.stdout).toContain("Workplan!E8  cluster-too-early (Background paper, paras. 4, 18 and 49)");
    expect(run.stdout).toContain("Workplan!E9  cluster-too-early (Background paper, paras. 4, 18 and 49)");
    expect(run.stdout).toMatch(
      /Topic 6 "Record-keeping; marking" \(arts\. 7, 8\) is at the 15th meeting \(2028\).*2032.*2030/,
    );
    // What would fix each one, on the line under its explanation, as the notes and the pane say it.
    const topic6 = lines.findIndex((line) => line.startsWith("  Workplan!E8"));
    expect(lines[topic6 + 2]).toMatch(/^ {4}What would fix it: Move topic 6 to a meeting held from 2030 to 2033/);
  });

  it("prints one JSON document with the documented shape", async () => {
    const run = await workplan("check", "--json", "--expected-end", "2=2032", "--as-of", "2027");
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(["workbook", "asOf", "expectedEnd", "summary", "findings"]);
    expect(doc.workbook).toBeNull();
    expect(doc.asOf).toBe(2027);
    expect(doc.expectedEnd).toEqual({ "1": 2024, "2": 2032, "3": 2028, "4": 2026 });
    expect(doc.summary).toEqual({ error: 2, warning: 0, info: 0 });
    expect(doc.findings[0]).toEqual({
      rule: "cluster-too-early",
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "E8",
      meeting: 15,
      year: 2028,
      topic: 6,
      message: expect.stringContaining("earliest acceptable year is 2030"),
      source: "P§18, P§4, P§49",
      quote: expect.stringContaining("Background paper, para. 49: “In contrast, the agenda item on the scope"),
      problem: expect.stringContaining("earliest acceptable year is 2030"),
      fix: expect.stringContaining("Move topic 6 to a meeting held from 2030 to 2033"),
    });
  });

  it("turns a finding on a held meeting into info with held: true", async () => {
    // With cluster 4 slipping to 2028, topic 3 at the 12th meeting (2025, held before 2026) is too early.
    const run = await workplan("check", "--json", "--expected-end", "4=2028");
    const doc = JSON.parse(run.stdout);
    const onTwelfth = doc.findings.find((f: { meeting: number }) => f.meeting === 12);
    expect(onTwelfth).toMatchObject({ rule: "cluster-too-early", severity: "info", held: true, cell: "E5" });
    expect(onTwelfth.message).toContain("already held");
    expect(doc.summary.info).toBeGreaterThanOrEqual(1);
  });
});

describe("unusable input: exit 2 and one line on stderr, no stack trace", () => {
  it.each([
    [["check", "--frobnicate"], /^workplan: There is no option --frobnicate\. Run "workplan --help"/],
    [["check", "--cancel"], /^workplan: --cancel needs a value\. Run "workplan --help" for the options\.$/],
    [["check", "--time-limit", "-1"], /^workplan: --time-limit takes a value that does not begin with "-"\. Run/],
    [
      ["init", "no-such-folder/a.xlsx"],
      /^workplan: Cannot write .*\(the folder no-such-folder does not exist\); nothing/,
    ],
    [
      ["check", "--expected-end", "2-2032"],
      /^workplan: --expected-end takes CLUSTER=YEAR, a cluster number and a year from 1000 to 9999, such as 2=2032, not "2-2032"\.$/,
    ],
    [
      ["check", "--expected-end", "9=2032"],
      /^workplan: --expected-end names cluster 9, which the Clusters table does not have \(it has 1, 2, 3, 4\)\.$/,
    ],
    [["check", "--as-of", "soon"], /^workplan: --as-of takes a year such as 2026, not "soon"\.$/],
    [["check", "no-such-file.xlsx"], /^workplan: .*no-such-file\.xlsx/],
    [["frobnicate"], /^workplan: Unknown command "frobnicate"/],
  ])("workplan %j", async (argv, message) => {
    const run = await workplan(...(argv as string[]));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr.trimEnd()).toMatch(message);
  });

  it("refuses a file that is not an .xlsx workbook", async () => {
    writeFileSync(file("notes.xlsx"), "just some text\n");
    const run = await workplan("check", file("notes.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toMatch(/not an \.xlsx/);
  });

  it("refuses --out equal to the checked file and leaves it unchanged", async () => {
    expect((await workplan("init", file("same.xlsx"))).code).toBe(0);
    const before = readFileSync(file("same.xlsx"));
    const run = await workplan("check", file("same.xlsx"), "--out", path.join(dir, ".", "same.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/is the workbook being checked/);
    expect(readFileSync(file("same.xlsx")).equals(before)).toBe(true);
  });
});

describe("init", () => {
  it("writes a workbook that checks clean, and refuses to overwrite it without --force", async () => {
    const target = file("workplan.xlsx");
    expect((await workplan("init", target)).code).toBe(0);
    expect((await workplan("check", target)).stdout).toMatch(/: no conflicts/);
    const mtime = statSync(target).mtimeMs;
    const again = await workplan("init", target);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; use --force/);
    expect(statSync(target).mtimeMs).toBe(mtime);
    expect((await workplan("init", target, "--force")).code).toBe(0);
  });
});

describe("check --out", () => {
  it("writes a highlighted copy that checks the same when opened again, leaving the input untouched", async () => {
    const input = file("input.xlsx");
    const out = file("checked.xlsx");
    await workplan("init", input);
    const before = readFileSync(input);
    const run = await workplan("check", input, "--expected-end", "2=2032", "--out", out, "--json");
    expect(run.code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(existsSync(out)).toBe(true);
    const again = JSON.parse((await workplan("check", out, "--json", "--expected-end", "2=2032")).stdout);
    expect(again.findings).toEqual(JSON.parse(run.stdout).findings);
    // Without the what-if the copy is clean: the product wrote nothing that the checker reads.
    expect((await workplan("check", out)).code).toBe(0);
  });

  it(
    "the copy carries the very-hidden flags sheet, the highlight " +
      "rules, the notes and the Conflicts table of the check",
    async () => {
      const out = file("annotated.xlsx");
      await workplan("check", "--expected-end", "2=2032", "--out", out);
      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      expect(copy.getWorksheet(FLAGS_SHEET)?.state).toBe("veryHidden");
      expect(copy.getWorksheet(FLAGS_SHEET)?.getCell("E8").value).toBe(3);
      const workplanSheet = copy.getWorksheet("Workplan");
      const formats =
        (workplanSheet as unknown as { conditionalFormattings?: ExcelJS.ConditionalFormattingOptions[] })
          .conditionalFormattings ?? [];
      const formulas = formats.flatMap((cf) =>
        cf.rules.map((rule) => ("formulae" in rule ? String(rule.formulae?.[0]) : "")),
      );
      expect(formulas.filter((f) => f.includes(FLAGS_SHEET))).toHaveLength(6);
      // ExcelJS reads a note's text only from runs (<r>); the file's comments part is read as it is.
      const zip = await JSZip.loadAsync(readFileSync(out));
      const comments = await zip.file(/^xl\/comments\d*\.xml$/)[0]?.async("string");
      expect(comments).toMatch(new RegExp(`<comment ref="E8"[^>]*>.*?${NOTE_MARK}`, "s"));
      const conflicts = copy.getWorksheet("Conflicts");
      expect(String(conflicts?.getCell("A1").value)).toBe(
        "Last checked 23 November 2026, 09:30 UTC, as of 2026: 2 errors, 0 warnings, 0 info.",
      );
      expect(String(conflicts?.getCell("A2").value)).toContain(
        "WHAT-IF CHECK: cluster 2's review end taken as 2032 (the Clusters table says 2030)",
      );
      expect([5, 6].map((row) => [conflicts?.getCell(row, 1).value, conflicts?.getCell(row, 8).value])).toEqual([
        ["Error", "Workplan!E8"],
        ["Error", "Workplan!E9"],
      ]);
    },
  );

  it("says in each note of a what-if check that the review end and the cancellation are the what-if's", async () => {
    const out = file("what-if-notes.xlsx");
    expect((await workplan("check", "--expected-end", "2=2032", "--cancel", "17", "--out", out)).code).toBe(1);
    const zip = await JSZip.loadAsync(readFileSync(out));
    const comments = (await zip.file(/^xl\/comments\d*\.xml$/)[0]?.async("string")) ?? "";
    const notes = new Map(
      [...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>(.*?)<\/comment>/gs)].map(([, cell, xml]) => [
        cell,
        (xml ?? "")
          .replace(/<[^>]+>/g, "")
          .replace(/&quot;/g, '"')
          .replace(/&apos;/g, "'"),
      ]),
    );
    for (const cell of ["E8", "E9"]) {
      expect(notes.get(cell)).toContain(
        'review of cluster 2 "Prevention": that review is expected to end in 2032 in this what-if check, 2 years ' +
          "later than planned (the Clusters table says 2030)",
      );
      expect(notes.get(cell)).not.toMatch(/now expected to end in 2032/);
    }
    expect(notes.get("E10")).toContain("which this what-if check takes as cancelled (its Status cell does not say so)");
  });

  it("writes the embedded plan's checked copy when no FILE is given (the demo)", async () => {
    const out = file("demo-checked.xlsx");
    const run = await workplan("check", "--expected-end", "2=2032", "--out", out);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(`Wrote ${out}`);
    expect((await workplan("check", out, "--expected-end", "2=2032", "--json")).stdout).toContain('"error":2');
  });
});

describe("the installed executable", () => {
  it("runs as `workplan` from bin/ with the same exit codes", () => {
    const bin = path.resolve(__dirname, "../../bin/workplan.js");
    const clean = spawnSync(process.execPath, [bin, "check", "--json"], { encoding: "utf8" });
    expect(clean.status).toBe(0);
    expect(JSON.parse(clean.stdout).summary).toEqual({ error: 0, warning: 0, info: 0 });
    const bad = spawnSync(process.execPath, [bin, "check", "--expected-end", "x"], { encoding: "utf8" });
    expect(bad.status).toBe(2);
    expect(bad.stderr).not.toMatch(/\bat \w+ \(/);
  });
});
