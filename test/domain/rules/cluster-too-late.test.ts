/** cluster-too-late (P§18): a topic discussed no longer "when, or shortly after" its cluster's review. */
import { CLUSTERS, SETTING_NAMES, WORKPLAN, Workbook, facts, ofRule, single, where } from "../workbook";

const RULE = "cluster-too-late";

describe(RULE, () => {
  it("is silent on the adopted plan, though topics 5 and 9 sit at the last acceptable year", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it(
    "warns when the review of cluster 2 is expected to end " +
      "a year early (2029): topic 9 at the 18th meeting (2031)",
    () => {
      const findings = Workbook.adopted().findings({ expectedEnd: new Map([[2, 2029]]) });
      expect(where(findings)).toEqual([`${RULE} Workplan!E10`]);
      const finding = single(findings, RULE);
      expect(finding).toMatchObject({
        severity: "warning",
        held: false,
        sheet: "Workplan",
        cell: "E10",
        meeting: 18,
        year: 2031,
        topic: 9,
        source: "P§18",
      });
      expect(finding.message).toContain("Topic 9");
      expect(finding.message).toContain("art. 11");
      expect(finding.message).toContain("18th meeting (2031)");
      expect(finding.message).toContain("cluster 2");
      expect(finding.message).toContain(
        "expected to end in 2029 in this what-if check, 1 year earlier than planned (the Clusters table says 2030)",
      );
      expect(finding.message).toContain("latest acceptable year is 2030, 1 year before this meeting");
    },
  );

  it("is the same when the earlier end is typed in the Clusters table", () => {
    const viaCell = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2029).findings();
    expect(facts(viaCell)).toEqual(facts(Workbook.adopted().findings({ expectedEnd: new Map([[2, 2029]]) })));
    expect(single(viaCell, RULE).message).toContain(
      "is now expected to end in 2029, 1 year earlier than planned (2030)",
    );
  });

  it("takes the window from the Settings table: latest 0 years flags topics 5 (2027) and 9 (2031)", () => {
    const findings = ofRule(Workbook.adopted().setting(SETTING_NAMES.latest, 0).findings(), RULE);
    expect(findings.map((f) => [f.cell, f.meeting, f.year, f.topic])).toEqual([
      ["E6", 14, 2027, 5],
      ["E10", 18, 2031, 9],
    ]);
    expect(findings[0]?.message).toContain("cluster 4");
    expect(findings[0]?.message).toContain("latest acceptable year is 2026");
    expect(findings[1]?.message).toContain("latest acceptable year is 2030");
  });

  it("flags a topic pushed past its window: topic 2 (cluster 1, ends 2024) moved to a 20th meeting in 2033", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 11 }, WORKPLAN.fixed, null)
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 20, [WORKPLAN.year]: 2033, [WORKPLAN.fixed]: 2 });
    const finding = single(wb.findings(), RULE);
    expect(finding).toMatchObject({ cell: "E12", meeting: 20, year: 2033, topic: 2 });
    expect(finding.message).toContain("arts. 1, 5");
    expect(finding.message).toContain("cluster 1");
    expect(finding.message).toContain("latest acceptable year is 2025, 8 years before this meeting");
  });

  it("is info, 'already held', for a held meeting", () => {
    const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.status, "HELD");
    const finding = single(wb.findings({ expectedEnd: new Map([[2, 2029]]) }), RULE);
    expect(finding).toMatchObject({ rule: RULE, severity: "info", held: true, cell: "E10" });
    expect(finding.message).toContain("already held");
  });
});
