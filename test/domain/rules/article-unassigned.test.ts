/** article-unassigned (P§3): every article of the Articles table is in a topic. */
import { ARTICLES, Workbook, ofRule, single } from "../workbook";

const RULE = "article-unassigned";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags article 11 with a blank topic at its Topic cell (Articles D11)", () => {
    const findings = Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.topic, null).findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Articles",
      cell: "D11",
      meeting: null,
      year: null,
      source: "P§3",
    });
    expect(finding.message).toContain("Article 11");
    expect(finding.message).toContain("Security and preventive measures");
    expect(finding.message).toContain("Topic column");
  });

  it("flags an article added without a topic", () => {
    const wb = Workbook.adopted().addRow(ARTICLES.table, {
      [ARTICLES.article]: 16,
      [ARTICLES.title]: "Settlement of disputes",
    });
    expect(single(wb.findings(), RULE)).toMatchObject({ cell: "D16" });
  });

  it("does not repeat an unreadable topic, which is an invalid-value", () => {
    const findings = Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.topic, "nine").findings();
    expect(ofRule(findings, RULE)).toEqual([]);
    expect(single(findings, "invalid-value")).toMatchObject({ sheet: "Articles", cell: "D11" });
  });
});
