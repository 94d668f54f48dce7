import { checkWorkbook } from "../../src/domain/check";
import { cancelRefusals, diffFindings, whatIf } from "../../src/domain/whatIf";
import { tablesByName } from "../../src/domain/tables";
import { Workbook, CLUSTERS, WORKPLAN } from "./workbook";

const NOW = { currentYear: 2026 };

describe("a what-if slip", () => {
  const tables = tablesByName(Workbook.adopted().tables);
  const baseline = checkWorkbook(tables, NOW);

  it(
    "shows the findings a two-year slip of cluster 2 makes " +
      "appear, and the proposal for it, without touching the tables",
    () => {
      const before = JSON.stringify(Workbook.adopted().tables);
      const preview = whatIf(tables, { ...NOW, expectedEnd: new Map([[2, 2032]]) }, baseline);
      expect(preview.diff.appeared.map((f) => `${f.rule} ${f.cell}`)).toEqual([
        "cluster-too-early E7",
        "cluster-too-early E8",
      ]);
      expect(preview.diff.disappeared).toEqual([]);
      expect(preview.proposal).toMatchObject({ feasible: true, appendedMeetings: 2 });
      expect(JSON.stringify([...tables.values()])).toBe(before);
    },
  );

  it("shows what disappears when the spin button brings a slipped cluster back", () => {
    const slipped = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2032);
    const slippedTables = tablesByName(slipped.tables);
    const stands = checkWorkbook(slippedTables, NOW);
    const preview = whatIf(slippedTables, { ...NOW, expectedEnd: new Map([[2, 2031]]) }, stands);
    expect(preview.diff.appeared).toEqual([]);
    expect(preview.diff.disappeared.map((f) => `${f.rule} ${f.cell}`)).toEqual(["cluster-too-early E8"]);
    expect(preview.check.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual(["cluster-too-early E7"]);
  });

  it(
    "treats a finding whose numbers change but which stays " + "on the same cell as neither appearing nor disappearing",
    () => {
      const one = whatIf(tables, { ...NOW, expectedEnd: new Map([[2, 2031]]) }, baseline).check.findings;
      const two = whatIf(tables, { ...NOW, expectedEnd: new Map([[2, 2032]]) }, baseline).check.findings;
      const diff = diffFindings(one, two);
      expect(diff.appeared.map((f) => f.cell)).toEqual(["E8"]);
      expect(diff.disappeared).toEqual([]);
    },
  );
});

describe("a what-if cancellation (the pane's Meetings what-if and --cancel use the same call)", () => {
  const tables = tablesByName(Workbook.adopted().tables);
  const baseline = checkWorkbook(tables, NOW);

  it("cancels the 16th meeting for this run: its topic is a meeting-cancelled, the proposal works around it", () => {
    const before = JSON.stringify([...tables.values()]);
    const preview = whatIf(tables, { ...NOW, expectedEnd: new Map([[2, 2032]]), cancel: new Set([16]) }, baseline);
    expect(preview.check.cancelled).toEqual([16]);
    expect(preview.diff.appeared.filter((f) => f.severity !== "info").map((f) => `${f.rule} ${f.cell}`)).toEqual([
      "cluster-too-early E7",
      "meeting-cancelled E8",
    ]);
    expect(preview.proposal).toMatchObject({ feasible: true, appendedMeetings: 2, yearsMoved: 10, moved: 5 });
    expect(JSON.stringify([...tables.values()])).toBe(before);
  });

  it("names what it cannot cancel: a meeting not in the table, or one already held", () => {
    const plan = whatIf(tables, { ...NOW, cancel: new Set([11, 16, 25]) }, baseline).check.plan;
    if (!plan) throw new Error("no plan");
    expect(cancelRefusals(plan, [11, 16, 25]).map((r) => [r.meeting, r.held?.year ?? null, r.message])).toEqual([
      [11, 2024, "The 11th meeting (2024) was already held: only a planned meeting can be cancelled."],
      [25, null, "The Workplan table has no 25th meeting (it has the 10th to 19th)."],
    ]);
    // The held 11th stays held: a what-if never cancels it.
    expect(plan.meetings.find((m) => m.ordinal === 11)).toMatchObject({ held: true, status: null });
  });

  it("names a meeting already cancelled or postponed in the table: cancelling it again would change nothing", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
      .set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.status, "Postponed");
    const plan = checkWorkbook(tablesByName(wb.tables), { ...NOW, cancel: new Set([15, 16, 17]) }).plan;
    if (!plan) throw new Error("no plan");
    expect(cancelRefusals(plan, [15, 16, 17]).map((r) => r.message)).toEqual([
      "The 15th meeting (2028) is already cancelled in the Workplan table: only a planned meeting can be cancelled.",
      "The 16th meeting (2029) is already postponed in the Workplan table: only a planned meeting can be cancelled.",
    ]);
  });

  it("cancels the replacement of a cancelled row (same number, planned): nothing to refuse", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 15, [WORKPLAN.year]: 2029, [WORKPLAN.status]: "Planned" });
    const result = checkWorkbook(tablesByName(wb.tables), { ...NOW, cancel: new Set([15]) });
    if (!result.plan) throw new Error("no plan");
    expect(cancelRefusals(result.plan, [15])).toEqual([]);
    expect(result.cancelled).toEqual([15]);
  });
});

describe("a what-if within a time budget (the pane's 250 ms a step)", () => {
  it("passes the budget to the proposal: a spent budget gives a clean proposal marked not proven optimal", () => {
    const tables = tablesByName(Workbook.adopted().tables);
    const baseline = checkWorkbook(tables, NOW);
    const options = { ...NOW, expectedEnd: new Map([[2, 2032]]) };
    expect(whatIf(tables, options, baseline).proposal).toMatchObject({ feasible: true, proven: true });
    expect(whatIf(tables, options, baseline, { expired: () => true }).proposal).toMatchObject({
      feasible: true,
      proven: false,
    });
  });
});
