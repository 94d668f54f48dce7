/**
 * What a reviewer found the command line left unsaid or said wrongly: a cancellation that would
 * change nothing, --force with nothing to replace, a year out of range, "Correct these" for several
 * problems, the add-in's button by its name, and a proposal that only renumbers meetings. Each
 * workbook is the adopted one with the cells a planner would type.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { adoptedPackage, patchedBytes } from "../../src/xlsx";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-review-"));

/** The adopted workbook (Workplan header in row 2, the 10th meeting in row 3) with these cells typed in. */
async function withCells(name: string, cells: { row: number; column: number; value: string | number }[]) {
  const pkg = await adoptedPackage();
  const bytes = await patchedBytes(
    pkg,
    cells.map(({ row, column, value }) => ({
      op: "setValues" as const,
      sheet: "Workplan",
      top: row,
      left: column,
      values: [[value]],
    })),
  );
  const file = path.join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

const STATUS = 3;

describe("--cancel on a meeting the table already cancels", () => {
  it("is refused with exit 2 and one line, as for a held meeting", async () => {
    const input = await withCells("cancelled.xlsx", [{ row: 8, column: STATUS, value: "Cancelled" }]);
    for (const command of ["check", "propose"]) {
      const run = await workplan(command, input, "--cancel", "15");
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(
        "workplan: --cancel: The 15th meeting (2028) is already cancelled in the Workplan table: only a planned " +
          "meeting can be cancelled.\n",
      );
    }
  });
});

describe("options that say why they are refused", () => {
  it("refuses --force without --out: nothing would be replaced", async () => {
    for (const command of ["check", "propose"]) {
      const run = await workplan(command, "--force");
      expect(run.code).toBe(2);
      expect(run.stderr).toBe(
        "workplan: --force only lets --out replace an existing file, and there is no --out: add --out OUT, or " +
          "leave out --force.\n",
      );
    }
  });

  it("says the years --expected-end takes", async () => {
    const run = await workplan("check", "--expected-end", "2=99999");
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("a year from 1000 to 9999");
    expect(run.stderr).toContain('not "2=99999"');
  });
});

describe("words", () => {
  it('ends a list of several problems that stop a proposal with "Correct these"', async () => {
    const input = await withCells("two-bad.xlsx", [
      { row: 4, column: 2, value: "twenty" },
      { row: 5, column: 2, value: "2025.5" },
    ]);
    const run = await workplan("propose", input);
    expect(run.stdout).toContain("Correct these and propose again.");
    const one = await withCells("one-bad.xlsx", [{ row: 4, column: 2, value: "twenty" }]);
    expect((await workplan("propose", one)).stdout).toContain("Correct this and propose again.");
  });

  it("names the add-in's button as the pane shows it, in a finding's fix", async () => {
    const run = await workplan("check", "--json", "--expected-end", "2=2032");
    const fixes = (JSON.parse(run.stdout) as { findings: { fix: string | null }[] }).findings.map((f) => f.fix);
    expect(fixes.some((fix) => fix?.includes('"workplan propose" ("Propose timeline" in the add-in)'))).toBe(true);
    expect(run.stdout).not.toContain("Propose in the add-in");
  });
});

describe("propose when only the meeting numbers change (the 13th in 2026, then the 15th in 2027)", () => {
  it("says meetings would be renumbered and why, each row with its reason, and no '6 → 6'", async () => {
    const input = await withCells(
      "gap.xlsx",
      [14, 15, 16, 17, 18, 19].map((meeting) => ({ row: meeting - 7, column: 1, value: meeting + 1 })),
    );
    const run = await workplan("propose", input, "--as-of", "2026");
    expect(run.code).toBe(0);
    const lines = run.stdout.split("\n");
    expect(lines[0]).toContain(": No topic needs to move, but 6 meetings would be renumbered:");
    expect(lines[0]).toContain("from the 13th meeting (2026)");
    expect(run.stdout).not.toMatch(/\b(\d+) → \1\b/);
    expect(run.stdout).toContain("16th → 15th  2028  6 (unchanged)");
    const json = JSON.parse((await workplan("propose", input, "--as-of", "2026", "--json")).stdout) as {
      meetings: { renumbered?: number; reason: string | null }[];
    };
    const renumbered = json.meetings.filter((m) => m.renumbered !== undefined);
    expect(renumbered).toHaveLength(6);
    for (const m of renumbered) expect(m.reason).toMatch(/^meeting-numbering: becomes the \d+th meeting/);
  });
});
