/** meeting-sequence (P-annex table): meeting numbers increase with the years. */
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "meeting-sequence";

/** The 12th and 13th meetings' numbers swapped: 13th in 2025, 12th in 2026. */
function outOfSequence(): Workbook {
  return Workbook.adopted()
    .set(WORKPLAN.table, { Year: 2025 }, WORKPLAN.meeting, 13)
    .set(WORKPLAN.table, { Year: 2026 }, WORKPLAN.meeting, 12);
}

describe(RULE, () => {
  it("is silent on the adopted plan, and with the meeting numbers written '10th', '11th', …", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
    const wb = Workbook.adopted();
    for (let meeting = 10; meeting <= 19; meeting++)
      wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.meeting, `${meeting}th`);
    expect(wb.findings()).toEqual([]);
  });

  it("flags the 12th meeting in 2026 after the 13th in 2025 (Workplan A5)", () => {
    const findings = outOfSequence().findings();
    // The numbers out of order are also numbers a proposal would set again: meeting-numbering info, no other error.
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "A5",
      meeting: 12,
      year: 2026,
      source: "P-annex table",
    });
    expect(finding.message).toContain("12th meeting (2026)");
    expect(finding.message).toContain("13th meeting (2025)");
    expect(finding.message).toContain("higher than 13");
  });

  it("goes by year, not by row order", () => {
    const wb = Workbook.adopted();
    wb.table(WORKPLAN.table).rows.reverse();
    expect(wb.findings()).toEqual([]);
  });

  it("accepts gaps in the numbering (meeting-numbering says which number the meeting would take)", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.meeting, 21);
    expect(wb.findings().map((f) => [f.rule, f.severity, f.cell])).toEqual([["meeting-numbering", "info", "A11"]]);
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(outOfSequence().findings({ currentYear: 2030 }), RULE);
    expect(finding).toMatchObject({ severity: "info", held: true, cell: "A5" });
    expect(finding.message).toContain("already held");
  });
});
