/** cluster-unknown (data): an article names a cluster the Clusters table does not have. */
import { ARTICLES, CLUSTERS, Workbook, ofRule, single } from "../workbook";

const RULE = "cluster-unknown";

describe(RULE, () => {
  it("is silent on the adopted plan, where article 14 has no cluster", () => {
    expect(Workbook.adopted().get(ARTICLES.table, { Article: 14 }, ARTICLES.cluster)).toBeNull();
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags article 11 in cluster 5, at its Cluster cell (Articles C11), listing the known clusters", () => {
    const findings = Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.cluster, "Cluster 5").findings();
    expect(findings.map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Articles",
      cell: "C11",
      topic: 9,
      meeting: null,
      source: null,
    });
    expect(finding.message).toContain("Article 11");
    expect(finding.message).toContain("cluster 5");
    expect(finding.message).toContain("1, 2, 3, 4");
  });

  it("flags every article of a cluster removed from the Clusters table", () => {
    const wb = Workbook.adopted().removeRow(CLUSTERS.table, { Cluster: 2 });
    const findings = wb.findings();
    expect(findings.map((f) => f.rule)).toEqual(Array(5).fill(RULE));
    expect(findings.map((f) => f.cell)).toEqual(["C7", "C8", "C10", "C11", "C15"]);
    expect(findings[0]?.message).toContain("it has 1, 3, 4");
  });

  it("a cluster no article names may go: removing cluster 3 leaves the plan clean", () => {
    expect(Workbook.adopted().removeRow(CLUSTERS.table, { Cluster: 3 }).findings()).toEqual([]);
  });
});

describe("a cluster whose review years cannot be read", () => {
  it("is one invalid-value on that cell, not a cluster-unknown on every article of the cluster", () => {
    const findings = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.plannedEnd, "soon").findings();
    expect(findings.filter((f) => f.rule === "cluster-unknown")).toEqual([]);
    expect(findings.filter((f) => f.rule === "invalid-value").map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Clusters!D3",
    ]);
  });
});
