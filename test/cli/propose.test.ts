import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { adoptedPackage, patchedBytes } from "../../src/xlsx";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-propose-"));
const file = (name: string) => path.join(dir, name);

describe("workplan propose", () => {
  it("says no change is needed for the adopted plan, exit 0", async () => {
    const run = await workplan("propose");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(/^embedded adopted plan \(as of .*\): No change is needed/);
    // Nothing changes, so nothing is said of "the change": the headline's counts are of the workplan as it stands.
    expect(run.stdout.split("\n")[0]).toMatch(/, and the check finds 0 errors and 0 warnings\.$/);
    expect(run.stdout).toContain("As it stands: 0 errors, 0 warnings, 0 info.");
    expect(run.stdout).not.toMatch(/with it|After the change/);
  });

  it(
    "shows the diff for a one-year slip of cluster 2: topics " +
      "6–10 move one meeting on, the 20th meeting is appended",
    async () => {
      const run = await workplan("propose", "--expected-end", "2=2031");
      expect(run.code).toBe(0);
      expect(run.stdout.split("\n")[0]).toMatch(
        /^embedded adopted plan \(as of .*\): The proposal moves topics 6, 7, 8, 9 and 10 and appends 1 meeting;/,
      );
      // The solver's vocabulary only as a detail, on the line after the outcome.
      expect(run.stdout.split("\n")[1]).toBe(
        "  In the solver's terms: 1 meeting appended, 0 inversions of the topic order, 5 years moved in all, " +
          "5 topics moved.",
      );
      const diff = run.stdout.split("\n").filter((line) => /^\d+(st|nd|rd|th)\s/.test(line));
      expect(
        diff.map((line) =>
          line
            .split(/\s{2,}/)
            .slice(0, 3)
            .join(" | "),
        ),
      ).toEqual([
        "15th | 2028 | 6 → no fixed topic",
        "16th | 2029 | 7 → 6",
        "17th | 2030 | 8 → 7",
        "18th | 2031 | 9 → 8",
        "19th | 2032 | 10 → 9",
        "20th | 2033 | no fixed topic → 10",
      ]);
      expect(diff[1]).toContain("so the earliest acceptable year is 2029");
      expect(diff.join("\n")).not.toMatch(/cluster-too-early|last-topic/);
      expect(diff[5]).toContain("(appended)");
    },
  );

  it("prints the documented JSON, listing every meeting of the proposed timeline in order", async () => {
    const run = await workplan("propose", "--json", "--expected-end", "2=2031");
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      feasible: true,
      appendedMeetings: 1,
      inversions: 0,
      yearsMoved: 5,
      moved: 5,
      after: { error: 0, warning: 0, info: 0 },
    });
    expect(doc.meetings.map((m: { meeting: number }) => m.meeting)).toEqual([
      10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20,
    ]);
    expect(doc.meetings[0]).toEqual({ meeting: 10, year: 2023, held: true, current: 1, proposed: 1, reason: null });
    expect(doc.meetings[10]).toMatchObject({ meeting: 20, year: 2033, held: false, current: null, proposed: 10 });
    expect(typeof doc.meetings[10].reason).toBe("string");
  });

  it("exits 1 when no clean plan exists, with the reason, the unplaced topics and the relaxations", async () => {
    const run = await workplan("propose", "--json", "--expected-end", "4=2031");
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc.feasible).toBe(false);
    expect(doc.unplaced).toEqual([9]);
    expect(doc.relaxations).toEqual([
      { setting: "earliest", value: 3 },
      { setting: "latest", value: 2 },
    ]);
    const human = await workplan("propose", "--expected-end", "4=2031");
    expect(human.stdout).toContain("no clean timeline exists");
    expect(human.stdout).toContain(
      "the setting “Earliest (years before review end)” at 3 (now 2), or the setting " +
        "“Latest (years after review end)” at 2 (now 1)",
    );
  });

  it("exits 2 on unusable input", async () => {
    const run = await workplan("propose", "--expected-end", "two=2031");
    expect(run.code).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it(
    "--out writes a Proposal sheet with the changed cells " +
      "marked, leaving the Workplan table and the input unchanged",
    async () => {
      const input = file("plan.xlsx");
      await workplan("init", input);
      const before = readFileSync(input);
      const out = file("proposal.xlsx");
      const run = await workplan("propose", input, "--expected-end", "2=2031", "--out", out);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('with the sheet "Proposal 2026-11-23"');
      expect(readFileSync(input).equals(before)).toBe(true);

      const copy = new ExcelJS.Workbook();
      await copy.xlsx.readFile(out);
      const sheet = copy.getWorksheet("Proposal 2026-11-23");
      expect(sheet).toBeDefined();
      const grid: ExcelJS.Row[] = [];
      sheet?.eachRow((row) => {
        if (/^\d+(st|nd|rd|th)$/.test(String(row.getCell(1).value))) grid.push(row);
      });
      expect(grid.map((row) => row.getCell(1).value)).toEqual([
        "10th",
        "11th",
        "12th",
        "13th",
        "14th",
        "15th",
        "16th",
        "17th",
        "18th",
        "19th",
        "20th",
      ]);
      const twentieth = grid[10];
      expect(twentieth?.getCell(2).value).toBe(2033);
      expect(twentieth?.getCell(5).value).toBe("10 — Training and technical assistance (art. 14)");
      const marked = grid.filter(
        (row) => (row.getCell(5).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === "FFFFEB9C",
      );
      expect(marked.map((row) => row.getCell(1).value)).toEqual(["15th", "16th", "17th", "18th", "19th", "20th"]);
      // The copy's Workplan is the input's: proposing changes nothing until the planner applies it.
      expect((await workplan("check", out, "--json")).stdout).toBe(
        (await workplan("check", input, "--json")).stdout.replace(JSON.stringify(input), JSON.stringify(out)),
      );

      // The copy shows the check the proposal starts from, not the input's "Not checked yet".
      const conflicts = copy.getWorksheet("Conflicts");
      expect([1, 2].map((row) => String(conflicts?.getCell(row, 1).value))).toEqual([
        "Last checked 23 November 2026, 09:30 UTC, as of 2026: 1 error, 0 warnings, 0 info.",
        "WHAT-IF CHECK: cluster 2's review end taken as 2031 (the Clusters table says 2030). The workbook's tables " +
          "are unchanged.",
      ]);
      expect(conflicts?.getCell(5, 8).value).toBe("Workplan!E8");
      const zip = await JSZip.loadAsync(readFileSync(out));
      const comments = await zip.file(/^xl\/comments\d*\.xml$/)[0]?.async("string");
      expect(comments).toMatch(/<comment ref="E8"[^>]*>.*?in this what-if check/s);
      expect(run.stdout).toContain("and the highlights, notes and Conflicts table of the check");

      const second = file("proposal2.xlsx");
      await workplan("propose", out, "--expected-end", "2=2031", "--out", second);
      const again = new ExcelJS.Workbook();
      await again.xlsx.readFile(second);
      expect(again.worksheets.map((w) => w.name)).toEqual(
        expect.arrayContaining(["Proposal 2026-11-23", "Proposal 2026-11-23 (2)"]),
      );
    },
  );
});

describe("workplan propose when only warnings are left", () => {
  it("says the workplan as it stands has no error, although no clean timeline exists", async () => {
    const check = await workplan("check", "--expected-end", "2=2029");
    expect(check.code).toBe(0);
    const run = await workplan("propose", "--expected-end", "2=2029");
    expect(run.stdout).toContain("no clean timeline exists");
    expect(run.stdout).toContain("The workplan as it stands has no error");
    const withErrors = await workplan("propose", "--expected-end", "2=2036", "--expected-end", "4=2035");
    expect(withErrors.stdout).not.toContain("has no error");
  });
});

describe("workplan propose after a long slip", () => {
  it("warns that it adds more than two meetings, up to which year, and lists every appended meeting", async () => {
    const run = await workplan("propose", "--expected-end", "2=2040");
    const warning = run.stdout.split("\n").find((line) => line.includes("Warning:"));
    expect(warning).toMatch(/adds 10 meetings, up to 2042, one a year after the last/);
    for (const meeting of ["20th", "25th", "29th"])
      expect(run.stdout).toMatch(new RegExp(`^${meeting}\\s+20\\d\\d`, "m"));
  });

  it("gives no such warning for a slip of two years", async () => {
    expect((await workplan("propose", "--expected-end", "2=2032")).stdout).not.toContain("Warning:");
  });
});

describe("workplan propose on a workbook that check finds wrong", () => {
  /** The adopted workbook with `value` typed into `cell` of the Workplan sheet. */
  async function withCell(name: string, cell: { row: number; column: number }, value: string): Promise<string> {
    const pkg = await adoptedPackage();
    const bytes = await patchedBytes(pkg, [
      { op: "setValues", sheet: "Workplan", top: cell.row, left: cell.column, values: [[value]] },
    ]);
    writeFileSync(file(name), bytes);
    return file(name);
  }

  it("proposes nothing from a year it cannot read, names the cell, and exits 1 as check does", async () => {
    const input = await withCell("bad-year.xlsx", { row: 6, column: 2 }, "twenty");
    const check = await workplan("check", input);
    const run = await workplan("propose", input);
    expect(check.code).toBe(1);
    expect(run.code).toBe(1);
    expect(run.stdout).not.toMatch(/No change is needed|no clean timeline exists/);
    expect(run.stdout.split("\n")[0]).toMatch(/: no timeline proposed, as the workbook cannot be read fully/);
    expect(run.stdout).toMatch(/no timeline is proposed from it: .*Workplan!?B6/s);
    const json = JSON.parse((await workplan("propose", input, "--json")).stdout) as { feasible: boolean };
    expect(json.feasible).toBe(false);
  });

  it("does not say the plan is fine when the check finds an error no move of topics can mend", async () => {
    // Two rows share a meeting number: an error of the table itself, not of the timeline.
    const input = await withCell("same-number.xlsx", { row: 10, column: 1 }, "16");
    const check = await workplan("check", input);
    const run = await workplan("propose", input);
    expect(check.code).toBe(1);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/meeting-duplicate/);
  });
});
