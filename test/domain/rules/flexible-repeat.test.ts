/** flexible-repeat (P§10): a flexible topic is taken once; ammunition (e) was taken at the 9th meeting. */
import { FLEXIBLE, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "flexible-repeat";

describe(RULE, () => {
  it("is silent when each flexible topic is taken once", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.flexible, "a")
      .set(WORKPLAN.table, { Meeting: 11 }, WORKPLAN.flexible, "b")
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "Other: Drones")
      .set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.flexible, "k");
    expect(ofRule(wb.findings(), RULE)).toEqual([]);
  });

  it("warns at ammunition (e) again at the 12th meeting (Workplan D4), after the 9th meeting took it", () => {
    const findings = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "e — Ammunition")
      .findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "warning",
      held: false,
      sheet: "Workplan",
      cell: "D4",
      meeting: 12,
      year: 2025,
      source: "P§10",
    });
    expect(finding.message).toContain("(e)");
    expect(finding.message).toContain("9th meeting");
    expect(finding.message).toContain("12th meeting (2025)");
  });

  it("does not flag the 9th meeting itself when the Workplan lists it", () => {
    const wb = Workbook.adopted().addRow(WORKPLAN.table, {
      [WORKPLAN.meeting]: "9th",
      [WORKPLAN.year]: 2022,
      [WORKPLAN.status]: "Held",
      [WORKPLAN.flexible]: "(e)",
    });
    expect(wb.findings()).toEqual([]);
  });

  it("names both meetings when the 9th meeting is listed and (e) comes again", () => {
    const wb = Workbook.adopted()
      .addRow(WORKPLAN.table, {
        [WORKPLAN.meeting]: 9,
        [WORKPLAN.year]: 2022,
        [WORKPLAN.status]: "Held",
        [WORKPLAN.flexible]: "e",
      })
      .set(WORKPLAN.table, { Meeting: 14 }, WORKPLAN.flexible, "(e)");
    const finding = single(wb.findings(), RULE);
    expect(finding).toMatchObject({ cell: "D6", meeting: 14, year: 2027 });
    expect(finding.message).toContain("14th meeting (2027)");
    expect(finding.message).toContain("9th meeting (2022)");
  });

  it("warns at the later of two meetings taking the same topic, by year not by row", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.flexible, "a")
      .set(WORKPLAN.table, { Meeting: 11 }, WORKPLAN.flexible, "(a)");
    wb.table(WORKPLAN.table).rows.reverse();
    const finding = single(wb.findings(), RULE);
    expect(finding).toMatchObject({ meeting: 16, year: 2029 });
    expect(finding.message).toContain("(a)");
    expect(finding.message).toContain("16th meeting (2029)");
    expect(finding.message).toContain("11th meeting (2024)");
  });

  it("takes 'Discussed at meeting' from the FlexibleTopics table", () => {
    const cleared = Workbook.adopted()
      .set(FLEXIBLE.table, { Code: "e" }, FLEXIBLE.discussedAt, null)
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "e");
    expect(cleared.findings()).toEqual([]);
    const b = Workbook.adopted()
      .set(FLEXIBLE.table, { Code: "b" }, FLEXIBLE.discussedAt, "10th")
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "b");
    expect(single(b.findings(), RULE).message).toContain("10th meeting");
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(
      Workbook.adopted().set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.flexible, "e").findings({ currentYear: 2024 }),
      RULE,
    );
    expect(finding).toMatchObject({ severity: "info", held: true, meeting: 10 });
    expect(finding.message).toContain("already held");
  });
});
