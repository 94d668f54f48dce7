/** `--cancel MEETING`: a meeting cancelled for one run of check or propose, never written; and `--time-limit`. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { main } from "../../src/cli/main";
import { NOT_PROVEN } from "../../src/domain/propose";
import { NOW, workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-cancel-"));
const file = (name: string) => path.join(dir, name);

describe("workplan check --cancel", () => {
  it(
    "cancels the 15th meeting for this run:" +
      " its topic is a meeting-cancelled error, the later meetings are renumbered",
    async () => {
      const run = await workplan("check", "--cancel", "15th");
      expect(run.code).toBe(1);
      expect(run.stdout.split("\n")[0]).toBe(
        "embedded adopted plan: 1 error, 0 warnings, 4 info (as of 2026; expected review ends 1: 2024, 2: 2030, " +
          "3: 2028, 4: 2026; the 15th meeting cancelled for this run)",
      );
      expect(run.stdout).toContain("Workplan!E8  meeting-cancelled (Background paper, para. 49)");
      expect(run.stdout).toContain("Workplan!A9  meeting-numbering (Background paper, annex, table of meetings)");
      expect(run.stdout).toContain("The 16th meeting (2029) would be the 15th meeting");
    },
  );

  it("says in the JSON which meetings the run cancelled, and is repeatable", async () => {
    const run = await workplan("check", "--json", "--cancel", "16", "--cancel", "15");
    const doc = JSON.parse(run.stdout);
    expect(Object.keys(doc)).toEqual(["workbook", "asOf", "expectedEnd", "cancelled", "summary", "findings"]);
    expect(doc.cancelled).toEqual([15, 16]);
    expect(doc.findings.filter((f: { rule: string }) => f.rule === "meeting-cancelled")).toHaveLength(2);
  });

  it.each([
    [["--cancel", "25"], "--cancel: The Workplan table has no 25th meeting (it has the 10th to 19th)."],
    [
      ["--cancel", "11"],
      "--cancel: The 11th meeting (2024) was already held: only a planned meeting can be cancelled.",
    ],
    [["--cancel", "fifteen"], '--cancel takes a meeting number such as 15 or 15th, not "fifteen".'],
  ])("refuses %p with exit 2 and one line", async (args, line) => {
    for (const command of ["check", "propose"]) {
      const run = await workplan(command, ...args);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe("");
      expect(run.stderr).toBe(`workplan: ${line}\n`);
    }
  });

  it("never writes the cancellation: the --out copy and the input keep their statuses", async () => {
    const input = file("plan.xlsx");
    await workplan("init", input);
    const before = readFileSync(input);
    const out = file("checked.xlsx");
    expect((await workplan("check", input, "--cancel", "15", "--out", out)).code).toBe(1);
    expect(readFileSync(input).equals(before)).toBe(true);
    const copy = JSON.parse((await workplan("check", out, "--json")).stdout);
    expect(copy.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(Object.keys(copy)).not.toContain("cancelled");
  });
});

describe("workplan propose --cancel", () => {
  it("proposes around the cancelled meeting with a slip of cluster 2, renumbering the later meetings", async () => {
    const run = await workplan("propose", "--cancel", "15", "--expected-end", "2=2031");
    expect(run.code).toBe(0);
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
      "16th → 15th | 2029 | 7 → 6",
      "17th → 16th | 2030 | 8 → 7",
      "18th → 17th | 2031 | 9 → 8",
      "19th → 18th | 2032 | 10 → 9",
      "19th | 2033 | no fixed topic → 10",
    ]);
    expect(diff[0]).toContain("(cancelled) The 15th meeting (2028) is cancelled");
    expect(run.stdout).toContain("flexible topics that could be taken there without a finding");
    expect(run.stdout).toMatch(/^ {2}13th \(2026\): \(a\), \(b\), /m);
  });

  it("after cancelling the last meeting, says the meeting it appends takes the cancelled one's place", async () => {
    const run = await workplan("propose", "--cancel", "19");
    expect(run.code).toBe(0);
    expect(run.stdout.split("\n")[0]).toMatch(
      /: The proposal moves topic 10 and appends 1 meeting in place of the cancelled 19th meeting \(2032\); with it /,
    );
  });

  it("prints the cancelled row, the renumbering, the candidates and the cancelled meetings in the JSON", async () => {
    const run = await workplan("propose", "--json", "--cancel", "15", "--expected-end", "2=2031");
    const doc = JSON.parse(run.stdout);
    expect(doc.cancelled).toEqual([15]);
    const at = (year: number) => doc.meetings.find((m: { year: number }) => m.year === year);
    expect(at(2028)).toMatchObject({ meeting: 15, cancelled: true, current: 6, proposed: null });
    expect(at(2028).flexibleCandidates).toBeUndefined();
    expect(at(2029)).toMatchObject({ meeting: 16, renumbered: 15, current: 7, proposed: 6 });
    expect(at(2029).flexibleCandidates).toEqual(expect.arrayContaining(["a", "b"]));
    expect(at(2023).flexibleCandidates).toBeUndefined();
  });

  it("without a clean plan, names the topics and the relaxations, exit 1", async () => {
    const run = await workplan("propose", "--json", "--cancel", "15");
    expect(run.code).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({ feasible: false, unplaced: [9], relaxations: [{ setting: "latest", value: 2 }] });
    expect(doc.reason).toContain("the 15th meeting (2028) is taken as cancelled in this what-if check");
    expect(doc.cancelled).toEqual([15]);
  });
});

describe("workplan propose --time-limit", () => {
  it.each(["0", "-1", "two", "4000"])("refuses --time-limit %p with exit 2 and one line", async (value) => {
    const run = await workplan("propose", `--time-limit=${value}`);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `workplan: --time-limit takes a number of seconds such as 2 or 0.5 (at most 3600), not "${value}".\n`,
    );
  });

  it("past the limit, shows the clean timeline found, marked not proven optimal, in both outputs", async () => {
    let clock = 0;
    const io = (out: string[]) => ({
      stdout: (t: string) => out.push(t),
      stderr: (t: string) => out.push(t),
      now: () => NOW,
      // Each look at the clock is a second later: the search runs out at its first check.
      elapsed: () => (clock += 1000),
    });
    const human: string[] = [];
    expect(await main(["propose", "--expected-end", "2=2032", "--time-limit", "1"], io(human))).toBe(0);
    expect(human.join("").split("\n")[1]).toBe(NOT_PROVEN);
    const json: string[] = [];
    expect(await main(["propose", "--json", "--expected-end", "2=2032", "--time-limit", "1"], io(json))).toBe(0);
    expect(JSON.parse(json.join(""))).toMatchObject({ feasible: true, proven: false, note: NOT_PROVEN });
    const unhurried = JSON.parse((await workplan("propose", "--json", "--expected-end", "2=2032")).stdout);
    expect(Object.keys(unhurried)).not.toContain("proven");
  });
});
