/** topic-order (P§50(b)): the fixed topics follow the order of topics. */
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "topic-order";

/** Topics 3 and 4 swapped: topic 4 at the 12th meeting (2025), topic 3 at the 13th (2026). */
function outOfOrder(): Workbook {
  return Workbook.adopted()
    .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.fixed, "Topic 4")
    .set(WORKPLAN.table, { Meeting: 13 }, WORKPLAN.fixed, "Topic 3");
}

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("warns at topic 3 at the 13th meeting (Workplan E5), after topic 4 at the 12th", () => {
    const findings = outOfOrder().findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "warning",
      held: false,
      sheet: "Workplan",
      cell: "E5",
      meeting: 13,
      year: 2026,
      topic: 3,
      source: "P§50(b)",
    });
    expect(finding.message).toContain("Topic 3 at the 13th meeting (2026)");
    expect(finding.message).toContain("topic 4 at the 12th meeting (2025)");
  });

  it("skips meetings without a fixed topic", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.fixed, null)
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 20, [WORKPLAN.year]: 2033, [WORKPLAN.fixed]: 10 });
    expect(wb.findings()).toEqual([]);
  });

  it("goes by year, not by row order", () => {
    const wb = outOfOrder();
    wb.table(WORKPLAN.table).rows.reverse();
    expect(single(wb.findings(), RULE)).toMatchObject({ meeting: 13, topic: 3, cell: "E8" });
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(outOfOrder().findings({ currentYear: 2027 }), RULE);
    expect(finding).toMatchObject({ severity: "info", held: true });
    expect(finding.message).toContain("already held");
  });

  it("skips a topic the Topics table lacks: topic 99 at the 16th meeting is a topic-unknown error only", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.fixed, 99);
    const findings = wb.findings();
    expect(ofRule(findings, RULE)).toEqual([]);
    expect(ofRule(findings, "topic-unknown")).toHaveLength(1);
    expect(ofRule(findings, "last-topic")).toEqual([]);
  });

  it("and last-topic does not count it as the last topic (topic 99 at an appended 20th meeting)", () => {
    const wb = Workbook.adopted().addRow(WORKPLAN.table, {
      [WORKPLAN.meeting]: 20,
      [WORKPLAN.year]: 2033,
      [WORKPLAN.fixed]: 99,
    });
    expect(wb.findings().map((f) => f.rule)).toEqual(["topic-unknown"]);
  });
});
