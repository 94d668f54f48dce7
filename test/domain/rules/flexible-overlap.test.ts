/** flexible-overlap (P§9, P§12, P§13, P§15, P§16): agenda item 2 could go under agenda item 3. */
import { FLEXIBLE, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "flexible-overlap";

describe(RULE, () => {
  it("is silent when the flexible topic relates to no article of the fixed topic", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.flexible, "j")
      .set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.flexible, "g");
    expect(ofRule(wb.findings(), RULE)).toEqual([]);
  });

  it("notes (j) with topic 7 (art. 10) at the 16th meeting (Workplan D8)", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.flexible, "(j)").findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "info",
      held: false,
      sheet: "Workplan",
      cell: "D8",
      meeting: 16,
      year: 2029,
      topic: 7,
    });
    expect(finding.source).toContain("P§15");
    expect(finding.message).toContain("(j)");
    expect(finding.message).toContain("art. 10");
    expect(finding.message).toContain("topic 7");
    expect(finding.message).toContain("16th meeting (2029)");
  });

  it("names only the shared articles: (g) (arts. 8, 12) with topic 6 (arts. 7, 8) shares art. 8", () => {
    const finding = single(
      Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.flexible, "g").findings(),
      RULE,
    );
    expect(finding).toMatchObject({ cell: "D7", topic: 6 });
    expect(finding.message).toContain("art. 8,");
    expect(finding.message).not.toContain("12");
  });

  it("reads ranges in Related articles: a new (l) on arts. 6–9 overlaps topic 6 on arts. 7, 8", () => {
    const wb = Workbook.adopted()
      .addRow(FLEXIBLE.table, { [FLEXIBLE.code]: "l", [FLEXIBLE.title]: "Stockpiles", [FLEXIBLE.related]: "6–9" })
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.flexible, "l");
    expect(single(wb.findings(), RULE).message).toContain("arts. 7, 8");
  });

  it("stays info and says 'already held' for a held meeting", () => {
    const finding = single(
      Workbook.adopted().set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.flexible, "j").findings({ currentYear: 2030 }),
      RULE,
    );
    expect(finding).toMatchObject({ severity: "info", held: true });
    expect(finding.message).toContain("already held");
  });
});
