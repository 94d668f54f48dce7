/** invalid-value (data): a cell that cannot be read names itself and what was expected. */
import { CLUSTERS, SETTING_NAMES, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "invalid-value";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags a year that is not a whole number (Workplan B7), quoting it and saying what was expected", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.year, "2028/29").findings();
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({ severity: "error", held: false, sheet: "Workplan", cell: "B7", source: null });
    expect(finding.message).toContain("Workplan!B7");
    expect(finding.message).toContain('"2028/29"');
    expect(finding.message).toContain("a year as a whole number, such as 2028");
  });

  it("flags an expected review end that is not a year (Clusters E3) and checks no timing against it", () => {
    const findings = Workbook.adopted()
      .set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, "end of 2031")
      .findings();
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["invalid-value Clusters!E3"]);
  });

  it("an unreadable window setting (Settings B2) is one error, and no timing rule guesses a window", () => {
    const findings = Workbook.adopted()
      .setting(SETTING_NAMES.earliest, "two")
      .findings({ expectedEnd: new Map([[2, 2032]]) });
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["invalid-value Settings!B2"]);
    expect(findings[0]?.message).toContain("a whole number of years");
  });

  it("a negative window setting (Settings B2 = -3) is one error naming the cell, and counts as unset", () => {
    const wb = Workbook.adopted().setting(SETTING_NAMES.earliest, -3);
    const findings = wb.findings({ expectedEnd: new Map([[2, 2032]]) });
    expect(findings.map((f) => `${f.rule} ${f.sheet}!${f.cell}`)).toEqual(["invalid-value Settings!B2"]);
    expect(findings[0]?.message).toBe(
      'Settings!B2: the setting "Earliest (years before review end)" is "-3"; expected a whole number of years, 0 or ' +
        "more.",
    );
    expect(wb.check().plan?.settings.earliest).toBeNull();
    // 0 is allowed: the window then ends at the review end itself.
    expect(
      Workbook.adopted()
        .setting(SETTING_NAMES.latest, 0)
        .findings()
        .map((f) => f.rule),
    ).not.toContain("invalid-value");
  });
});
