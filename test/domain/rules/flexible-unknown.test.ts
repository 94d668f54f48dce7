/** flexible-unknown (P§48, P§50(a)): agenda item 2 comes from the list or is an approved additional topic. */
import { FLEXIBLE, WORKPLAN, Workbook, single } from "../workbook";

const RULE = "flexible-unknown";

describe(RULE, () => {
  it("is silent for codes of the list in every written form, 'Other: <title>' and blank", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.flexible, "a")
      .set(WORKPLAN.table, { Meeting: 11 }, WORKPLAN.flexible, "(b)")
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "c — The Firearms Protocol and the 2030 Agenda")
      .set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.flexible, "F")
      .set(WORKPLAN.table, { Meeting: 14 }, WORKPLAN.flexible, "Other: Firearms and new technologies")
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.flexible, "  ");
    expect(wb.findings()).toEqual([]);
  });

  it("warns at an agenda item 2 that is not on the list (Workplan D4), quoting it and the list", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "Drones").findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "warning",
      held: false,
      sheet: "Workplan",
      cell: "D4",
      meeting: 12,
      year: 2025,
      source: "P§48, P§50(a)",
    });
    expect(finding.message).toContain('"Drones"');
    expect(finding.message).toContain("12th meeting (2025)");
    expect(finding.message).toContain("(a)");
    expect(finding.message).toContain("(k)");
    expect(finding.message).toContain("Other: <title>");
  });

  it("warns at a code not on the list, such as (l)", () => {
    expect(
      single(Workbook.adopted().set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "(l)").findings(), RULE)
        .message,
    ).toContain('"(l)"');
  });

  it("takes the list from the FlexibleTopics table: adding (l) makes it known", () => {
    const wb = Workbook.adopted()
      .addRow(FLEXIBLE.table, { [FLEXIBLE.code]: "(l)", [FLEXIBLE.title]: "Drones" })
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "l — Drones");
    expect(wb.findings()).toEqual([]);
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(
      Workbook.adopted()
        .set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.flexible, "Drones")
        .findings({ currentYear: 2024 }),
      RULE,
    );
    expect(finding).toMatchObject({ severity: "info", held: true });
    expect(finding.message).toContain("already held");
  });
});
