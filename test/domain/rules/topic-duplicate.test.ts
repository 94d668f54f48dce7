/** topic-duplicate (P-annex): a topic is taken at one meeting. */
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "topic-duplicate";

/** Topic 8 (brokers) at the 17th and again at the 18th meeting. */
function topicTwice(): Workbook {
  return Workbook.adopted().set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, "8 — Brokers and brokering (art. 15)");
}

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags the later meeting (18th, 2031, Workplan E10) and names the earlier one", () => {
    const finding = single(topicTwice().findings(), RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "E10",
      meeting: 18,
      year: 2031,
      topic: 8,
      source: "P-annex",
    });
    expect(finding.message).toContain("Topic 8");
    expect(finding.message).toContain("art. 15");
    expect(finding.message).toContain("18th meeting (2031)");
    expect(finding.message).toContain("17th meeting (2030)");
  });

  it("goes by year, not by row: with the rows reversed the 18th meeting is still the repeat", () => {
    const wb = topicTwice();
    wb.table(WORKPLAN.table).rows.reverse();
    expect(single(wb.findings(), RULE)).toMatchObject({ meeting: 18, year: 2031, cell: "E3" });
  });

  it("flags each extra meeting once", () => {
    const wb = topicTwice().set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.fixed, "Topic 8");
    expect(ofRule(wb.findings(), RULE).map((f) => f.meeting)).toEqual([17, 18]);
  });

  it("is info, 'already held', when the repeat was held", () => {
    const finding = single(topicTwice().findings({ currentYear: 2035 }), RULE);
    expect(finding).toMatchObject({ severity: "info", held: true });
    expect(finding.message).toContain("already held");
  });
});
