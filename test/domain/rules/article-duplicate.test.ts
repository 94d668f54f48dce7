/** article-duplicate (P§17): an article belongs to one topic. */
import { ARTICLES, Workbook, ofRule, single } from "../workbook";

const RULE = "article-duplicate";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags article 13 put in topic 4 as well as topic 5, at the second row (Articles A16)", () => {
    const wb = Workbook.adopted().addRow(ARTICLES.table, {
      [ARTICLES.article]: 13,
      [ARTICLES.title]: "Cooperation",
      [ARTICLES.cluster]: 4,
      [ARTICLES.topic]: 4,
    });
    const findings = wb.findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Articles",
      cell: "A16",
      topic: 4,
      source: "P§17",
    });
    expect(finding.message).toContain("Article 13");
    expect(finding.message).toContain("topic 4");
    expect(finding.message).toContain("topic 5");
    expect(finding.message).toContain("A13");
  });

  it("says 'listed twice' when the same article and topic are typed twice", () => {
    const wb = Workbook.adopted().addRow(ARTICLES.table, {
      [ARTICLES.article]: "Art. 12",
      [ARTICLES.cluster]: 4,
      [ARTICLES.topic]: 4,
    });
    const finding = single(wb.findings(), RULE);
    expect(finding.message).toContain("Article 12 is listed twice");
    expect(finding.message).toContain("A12");
  });
});
