/** topic-unknown (data): a meeting (or an article) names a topic the Topics table does not have. */
import { ARTICLES, TOPICS, WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "topic-unknown";

describe(RULE, () => {
  it("is silent on the adopted plan", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
  });

  it("flags topic 11 at the 18th meeting (Workplan E10), listing the topics there are", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 18 }, WORKPLAN.fixed, "11 — Drones").findings();
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "E10",
      meeting: 18,
      year: 2031,
      topic: 11,
      source: null,
    });
    expect(finding.message).toContain("18th meeting (2031)");
    expect(finding.message).toContain("topic 11");
    expect(finding.message).toContain("1, 2, 3, 4, 5, 6, 7, 8, 9, 10");
    // Topic 9 lost its meeting.
    expect(single(findings, "topic-unscheduled")).toMatchObject({ topic: 9 });
  });

  it("flags a topic removed from the Topics table, at the meeting and at its articles", () => {
    const findings = Workbook.adopted().removeRow(TOPICS.table, { Topic: 3 }).findings();
    expect(ofRule(findings, RULE).map((f) => `${f.sheet}!${f.cell}`)).toEqual([
      "Workplan!E4",
      "Articles!D6",
      "Articles!D9",
    ]);
    expect(ofRule(findings, RULE)[1]?.message).toContain("Article 6");
  });

  it("flags an article put in an unknown topic (Articles D12)", () => {
    const finding = single(
      Workbook.adopted().set(ARTICLES.table, { Article: 12 }, ARTICLES.topic, 12).findings(),
      RULE,
    );
    expect(finding).toMatchObject({ sheet: "Articles", cell: "D12", topic: 12, meeting: null });
    expect(finding.message).toContain("Article 12");
  });

  it("is info, 'already held', for a held meeting", () => {
    const finding = single(
      Workbook.adopted()
        .set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.fixed, 0.5 + 10.5)
        .findings({ currentYear: 2024 }),
      RULE,
    );
    expect(finding).toMatchObject({ severity: "info", held: true, cell: "E2", topic: 11 });
    expect(finding.message).toContain("already held");
  });
});
