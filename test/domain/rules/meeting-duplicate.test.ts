/** meeting-duplicate (R-rec 46, report §3): one meeting a year, each with its own number. */
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "meeting-duplicate";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags two meetings in 2025: the 13th meeting's year (Workplan B5), naming the 12th", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.year, 2025).findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "B5",
      meeting: 13,
      year: 2025,
      source: "R-rec 46, report §3",
    });
    expect(finding.message).toContain("2025");
    expect(finding.message).toContain("13th meeting");
    expect(finding.message).toContain("12th meeting");
    expect(finding.message).toContain("B4");
  });

  it("flags a meeting number used twice at the Meeting cell (Workplan A5)", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.meeting, "12th").findings();
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({ cell: "A5", meeting: 12, year: 2026 });
    expect(finding.message).toContain("Meeting number 12 is used twice");
    expect(finding.message).toContain("2026");
    expect(finding.message).toContain("A4");
    expect(finding.message).toContain("2025");
  });

  it("compares years read from text and numbers alike", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.year, " 2025 ").findings();
    expect(single(findings, RULE)).toMatchObject({ cell: "B5", year: 2025 });
  });

  it("is info, 'already held', for held meetings", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.year, 2025);
    const finding = single(wb.findings({ currentYear: 2027 }), RULE);
    expect(finding).toMatchObject({ severity: "info", held: true });
    expect(finding.message).toContain("already held");
  });
});
