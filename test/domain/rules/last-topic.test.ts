/** last-topic (P§18(d)): article 14, training and technical assistance, is discussed last. */
import { ARTICLES, TOPICS, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "last-topic";

/** Topics 9 and 10 swapped: article 14 at the 18th meeting (2031), topic 9 last. */
function fourteenNotLast(): Workbook {
  return Workbook.adopted()
    .set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, 10)
    .set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.fixed, 9);
}

describe(RULE, () => {
  it("is silent on the adopted plan (topic 10 at the 19th meeting, 2032)", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags article 14 not last: topic 10 at the 18th meeting (2031), Workplan E10", () => {
    const finding = single(fourteenNotLast().findings(), RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "E10",
      meeting: 18,
      year: 2031,
      topic: 10,
      source: "P§18(d)",
    });
    expect(finding.message).toContain("Topic 10");
    expect(finding.message).toContain("art. 14");
    expect(finding.message).toContain("18th meeting (2031)");
    expect(finding.message).toContain("topic 9");
    expect(finding.message).toContain("19th meeting (2032)");
  });

  it("flags topic 10 when a new topic is added at a 20th meeting after it", () => {
    const wb = Workbook.adopted()
      .addRow(TOPICS.table, { [TOPICS.topic]: 11, [TOPICS.title]: "Stocktaking" })
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 20, [WORKPLAN.year]: 2033, [WORKPLAN.fixed]: 11 });
    const finding = single(wb.findings(), RULE);
    expect(finding).toMatchObject({ cell: "E11", meeting: 19, year: 2032, topic: 10 });
    expect(finding.message).toContain("topic 11");
    expect(finding.message).toContain("20th meeting (2033)");
  });

  it("ignores later meetings without a fixed topic", () => {
    const wb = Workbook.adopted().addRow(WORKPLAN.table, {
      [WORKPLAN.meeting]: 20,
      [WORKPLAN.year]: 2033,
      [WORKPLAN.flexible]: "a",
    });
    expect(wb.findings()).toEqual([]);
  });

  it("follows the years, not the row order", () => {
    const wb = Workbook.adopted();
    wb.table(WORKPLAN.table).rows.reverse();
    expect(wb.findings()).toEqual([]);
    const swapped = fourteenNotLast();
    swapped.table(WORKPLAN.table).rows.reverse();
    expect(single(swapped.findings(), RULE)).toMatchObject({ meeting: 18, year: 2031, topic: 10, cell: "E3" });
  });

  it("takes 'last' from the Articles table's Rule column", () => {
    const noRule = fourteenNotLast().set(ARTICLES.table, { Article: 14 }, ARTICLES.rule, null);
    expect(ofRule(noRule.findings(), RULE)).toEqual([]);
    const eleven = Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.rule, "Last");
    const finding = single(eleven.findings(), RULE);
    expect(finding).toMatchObject({ cell: "E10", topic: 9 });
    expect(finding.message).toContain("art. 11");
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(fourteenNotLast().findings({ currentYear: 2032 }), RULE);
    expect(finding).toMatchObject({ severity: "info", held: true, cell: "E10" });
    expect(finding.message).toContain("already held");
  });
});
