/** meeting-numbering (P-annex table): after a cancellation the later meetings take the freed numbers. */
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "meeting-numbering";

describe(RULE, () => {
  it("is silent on the adopted plan, and on a gap in the numbers with no cancellation", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.meeting, 21);
    expect(ofRule(wb.findings(), RULE)).toEqual([]);
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
});
