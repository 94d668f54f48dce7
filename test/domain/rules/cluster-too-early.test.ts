/**
 * cluster-too-early (P§18, P§4, P§49): the paper's scenario of the review of cluster 2
 * ("prevention", planned to end in 2030) slipping one and two years.
 */
import { CLUSTERS, SETTING_NAMES, WORKPLAN, Workbook, facts, ofRule, single, where } from "../workbook";

const RULE = "cluster-too-early";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("is silent when the expected end equals the planned end", () => {
    expect(ofRule(Workbook.adopted().findings({ expectedEnd: new Map([[2, 2030]]) }), RULE)).toEqual([]);
  });

  describe("cluster 2 slips one year, to 2031", () => {
    const viaOption = Workbook.adopted().findings({ expectedEnd: new Map([[2, 2031]]) });
    const viaCell = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2031).findings();

    it("flags topic 6 at the 15th meeting (2028), Workplan E7, and nothing else", () => {
      expect(where(viaOption)).toEqual([`${RULE} Workplan!E7`]);
      const finding = single(viaOption, RULE);
      expect(finding).toMatchObject({
        severity: "error",
        held: false,
        sheet: "Workplan",
        cell: "E7",
        meeting: 15,
        year: 2028,
        topic: 6,
        source: "P§18, P§4, P§49",
      });
    });

    it(
      "says which topic and articles, which meeting and year, which cluster, the expected and planned end and the " +
        "earliest acceptable year",
      () => {
        const { message } = single(viaCell, RULE);
        expect(message).toContain("Topic 6");
        expect(message).toContain("arts. 7, 8");
        expect(message).toContain("15th meeting (2028)");
        expect(message).toContain("cluster 2");
        expect(message).toContain("is now expected to end in 2031");
        expect(message).toContain("planned (2030)");
        expect(message).toContain("earliest acceptable year is 2029");
        expect(message).toContain("2029, 1 year after this meeting");
      },
    );

    it("says a what-if end is the check's assumption, next to what the Clusters table says", () => {
      const { message, problem } = single(viaOption, RULE);
      for (const words of [message, problem]) {
        expect(words).toContain(
          "that review is expected to end in 2031 in this what-if check, 1 year later than planned (the Clusters " +
            "table says 2030), so the earliest acceptable year is 2029",
        );
        expect(words).not.toContain("now expected");
      }
    });

    it("reads the same from the Clusters table's expected-end cell (Clusters E3)", () => {
      expect(Workbook.adopted().address(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd)).toBe("E3");
      expect(facts(viaCell)).toEqual(facts(viaOption));
    });

    it("reads an expected end typed as text", () => {
      const asText = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, "2031").findings();
      expect(asText).toEqual(viaCell);
    });
  });

  describe("cluster 2 slips two years, to 2032", () => {
    const viaOption = Workbook.adopted().findings({ expectedEnd: new Map([[2, 2032]]) });
    const viaCell = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2032).findings();

    it("flags topics 6 and 7 at the 15th and 16th meetings (Workplan E7, E8)", () => {
      expect(where(viaOption)).toEqual([`${RULE} Workplan!E7`, `${RULE} Workplan!E8`]);
      const [e7, e8] = viaOption;
      expect(e7).toMatchObject({ severity: "error", meeting: 15, year: 2028, topic: 6 });
      expect(e8).toMatchObject({ severity: "error", meeting: 16, year: 2029, topic: 7, cell: "E8" });
    });

    it("gives the numbers: 2 years late for topic 6, 1 year for topic 7, earliest 2030", () => {
      const [e7, e8] = viaCell;
      expect(e7?.message).toContain("expected to end in 2032, 2 years later than planned (2030)");
      expect(e7?.message).toContain("earliest acceptable year is 2030, 2 years after this meeting");
      expect(e8?.message).toContain("Topic 7");
      expect(e8?.message).toContain("art. 10");
      expect(e8?.message).toContain("16th meeting (2029)");
      expect(e8?.message).toContain("earliest acceptable year is 2030, 1 year after this meeting");
    });

    it("is the same whether the slip is a what-if or typed in the Clusters table, but for the what-if's words", () => {
      expect(facts(viaCell)).toEqual(facts(viaOption));
    });

    it("the what-if overrides the cell for this check only", () => {
      const wb = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2032);
      expect(ofRule(wb.findings({ expectedEnd: new Map([[2, 2030]]) }), RULE)).toEqual([]);
      expect(wb.check({ expectedEnd: new Map([[2, 2030]]) }).expectedEnd["2"]).toBe(2030);
      expect(wb.check().expectedEnd["2"]).toBe(2032);
    });
  });

  it("takes the window from the Settings table: earliest 4 years absorbs a two-year slip", () => {
    const wb = Workbook.adopted().setting(SETTING_NAMES.earliest, 4);
    expect(ofRule(wb.findings({ expectedEnd: new Map([[2, 2032]]) }), RULE)).toEqual([]);
  });

  it(
    "takes the window from the Settings table: earliest 1 " + "year makes topic 6 (2028) too early without any slip",
    () => {
      const finding = single(Workbook.adopted().setting(SETTING_NAMES.earliest, 1).findings(), RULE);
      expect(finding).toMatchObject({ cell: "E7", topic: 6 });
      expect(finding.message).toContain("earliest acceptable year is 2029");
    },
  );

  it(
    "checks every cluster of a topic's articles: article " + "7 moved into topic 3 (2025) is too early for cluster 2",
    () => {
      const wb = Workbook.adopted().set("Articles", { Article: 7 }, "Topic", 3);
      const finding = single(wb.findings(), RULE);
      expect(finding).toMatchObject({ cell: "E4", meeting: 12, year: 2025, topic: 3 });
      expect(finding.message).toContain("arts. 6, 7, 9");
      expect(finding.message).toContain("cluster 2");
      expect(finding.message).not.toContain("cluster 4");
      expect(finding.message).toContain("earliest acceptable year is 2028, 3 years after this meeting");
    },
  );

  describe("held meetings", () => {
    it("turns the error into info, keeps the rule and says 'already held' (15th meeting marked Held)", () => {
      const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Held");
      const findings = ofRule(wb.findings({ expectedEnd: new Map([[2, 2032]]) }), RULE);
      const e7 = findings.find((f) => f.cell === "E7");
      const e8 = findings.find((f) => f.cell === "E8");
      expect(findings).toHaveLength(2);
      expect(e7).toMatchObject({ rule: RULE, severity: "info", held: true, cell: "E7", meeting: 15 });
      expect(e7?.message).toContain("already held");
      expect(e7?.message).toContain("15th meeting (2028)");
      expect(e8).toMatchObject({ severity: "error", held: false, cell: "E8" });
      expect(e8?.message).not.toContain("already held");
    });

    it("a blank status before the As of year is held: As of 2029 holds 2028, not 2029", () => {
      const wb = Workbook.adopted().setting(SETTING_NAMES.asOf, 2029);
      const findings = ofRule(wb.findings({ expectedEnd: new Map([[2, 2032]]) }), RULE);
      expect(findings.map((f) => [f.cell, f.severity])).toEqual([
        ["E8", "error"],
        ["E7", "info"],
      ]);
    });

    it("a meeting marked Planned stays an error even before the As of year", () => {
      const wb = Workbook.adopted()
        .setting(SETTING_NAMES.asOf, 2030)
        .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "planned");
      const finding = ofRule(wb.findings({ expectedEnd: new Map([[2, 2032]]) }), RULE).find((f) => f.cell === "E7");
      expect(finding).toMatchObject({ severity: "error", held: false });
    });
  });
});
