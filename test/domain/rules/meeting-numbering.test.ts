/**
 * meeting-numbering (P-annex table): meetings are numbered as they are held, so after a cancellation the later
 * meetings take the freed numbers, and a gap in the numbers is closed.
 */
import { UNSAVED_FORMULA } from "../../../src/domain/tables";
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "meeting-numbering";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags a gap in the numbers with no cancellation: the 13th (2026), then the 15th (2027), as info", () => {
    const wb = Workbook.adopted();
    for (const meeting of [19, 18, 17, 16, 15, 14])
      wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.meeting, meeting + 1);
    const findings = ofRule(wb.findings({ currentYear: 2026 }), RULE);
    expect(findings.map((f) => [f.meeting, f.cell, f.severity])).toEqual([
      [15, "A6", "info"],
      [16, "A7", "info"],
      [17, "A8", "info"],
      [18, "A9", "info"],
      [19, "A10", "info"],
      [20, "A11", "info"],
    ]);
    expect(findings[0]?.message).toBe(
      "The 15th meeting (2027) would be the 14th meeting: meetings are numbered as they are held, one after " +
        "another from the 13th meeting (2026). Renumber it, or leave the numbers for a proposal to set.",
    );
    expect(findings[1]?.message).toContain("would be the 15th meeting");
    expect(findings[1]?.message).toContain("from the 13th meeting (2026)");
  });

  it("names a cancelled row once when a what-if cancels its replacement of the same number and year", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 15, [WORKPLAN.year]: 2028, [WORKPLAN.status]: "Planned" });
    const finding = ofRule(wb.findings({ currentYear: 2026, cancel: new Set([15]) }), RULE)[0];
    expect(finding?.message).toBe(
      "The 16th meeting (2029) would be the 15th meeting: meetings are numbered as they are held, and the 15th " +
        "meeting (2028) does not take place. Renumber it, or leave the numbers for a proposal to set.",
    );
  });

  it("after the cancelled 18th (2031), the 19th meeting (2032) would be the 18th (Workplan A11), as info", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.status, "Cancelled")
      .set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, null)
      .set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.fixed, 9);
    const findings = wb.findings();
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "info",
      sheet: "Workplan",
      cell: "A11",
      meeting: 19,
      year: 2032,
      source: "P-annex table",
    });
    expect(finding.message).toBe(
      "The 19th meeting (2032) would be the 18th meeting: meetings are numbered as they are held, and the 18th " +
        "meeting (2031) does not take place. Renumber it, or leave the numbers for a proposal to set.",
    );
  });

  it("flags every later planned meeting whose number is not the next one, and none once they are renumbered", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled");
    expect(ofRule(wb.findings(), RULE).map((f) => [f.meeting, f.cell])).toEqual([
      [16, "A8"],
      [17, "A9"],
      [18, "A10"],
      [19, "A11"],
    ]);
    for (const meeting of [16, 17, 18, 19])
      wb.set(WORKPLAN.table, { Year: 2013 + meeting }, WORKPLAN.meeting, meeting - 1);
    expect(ofRule(wb.findings(), RULE)).toEqual([]);
    // The replacement takes the freed number: no meeting-duplicate with the cancelled row.
    expect(ofRule(wb.findings(), "meeting-duplicate")).toEqual([]);
  });

  it("keeps held meetings' numbers: a held meeting is never flagged", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled");
    for (const meeting of [16, 17]) wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.status, "Held");
    expect(ofRule(wb.findings(), RULE).map((f) => f.meeting)).toEqual([]);
  });

  it("guesses no numbers while a meeting's number or year cannot be read (the invalid-value says which)", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.year, "2025.5")
      .set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.meeting, "thirteen");
    const findings = wb.findings({ currentYear: 2026 });
    expect(ofRule(findings, RULE)).toEqual([]);
    expect(ofRule(findings, "invalid-value")).toHaveLength(2);
  });

  it("does not call a formula with no saved value blank", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.meeting, UNSAVED_FORMULA);
    expect(single(wb.findings(), "invalid-value").message).toBe(
      "Workplan!A5: the meeting number is a formula with no saved value (open and save the file in Excel); " +
        'expected a meeting number such as 10 or "10th".',
    );
  });
});
