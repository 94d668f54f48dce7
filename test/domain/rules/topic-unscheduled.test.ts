/** topic-unscheduled (P§3): every topic of the Topics table has a meeting. */
import { TOPICS, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "topic-unscheduled";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags topic 9 when the 18th meeting has no fixed topic, at the topic's row (Topics A10)", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, null).findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Topics",
      cell: "A10",
      meeting: null,
      year: null,
      topic: 9,
      source: "P§3",
    });
    expect(finding.message).toContain("Topic 9");
    expect(finding.message).toContain("Security and preventive measures");
    expect(finding.message).toContain("art. 11");
  });

  it("flags a topic added to the Topics table but not to the Workplan", () => {
    const wb = Workbook.adopted().addRow(TOPICS.table, { [TOPICS.topic]: 11, [TOPICS.title]: "Stocktaking" });
    expect(single(wb.findings(), RULE)).toMatchObject({ sheet: "Topics", cell: "A12", topic: 11 });
  });

  it("a topic twice leaves another one out", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, 8).findings();
    expect(single(findings, RULE)).toMatchObject({ topic: 9 });
  });
});
