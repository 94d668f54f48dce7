/** Findings in the planners' words: headline, what would fix it, and the go-to action's name. */
import { checkWorkbook } from "../../src/domain/check";
import type { Finding } from "../../src/domain/model";
import { tablesByName } from "../../src/domain/tables";
import { findingText, goToLabel } from "../../src/taskpane/findingText";
import { Workbook } from "../domain/workbook";

function checked(workbook: Workbook) {
  const tables = tablesByName(workbook.tables);
  return { tables, result: checkWorkbook(tables, { currentYear: 2026 }) };
}

describe("findingText", () => {
  it("says which meeting, which topic and the earliest acceptable year for a topic too early", () => {
    const { tables, result } = checked(
      Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", 2032),
    );
    const [first] = result.findings;
    // The engine's own fix sentence and the Sources table's quote (the adopted workbook has one).
    expect(findingText(first as Finding, result.plan)).toEqual({
      headline: "15th meeting (2028): topic 6 is too early — earliest 2030",
      // The pane names its own way to the fewest changes, not the command line's.
      fix:
        "Move topic 6 to a meeting held from 2030 to 2033, its acceptable years; “Propose timeline” below finds " +
        "the timeline with the fewest changes.",
      detail: first?.message,
      quote: expect.stringMatching(/^Background paper, para. 18: “Furthermore, the workplan takes into account/),
    });
    expect(goToLabel(first as Finding, tables)).toBe("Go to the 15th meeting, agenda item 3");
  });

  it("gives the latest acceptable year for a topic too late", () => {
    const { result } = checked(Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", 2026));
    const late = result.findings.find((f) => f.rule === "cluster-too-late");
    expect(late).toBeDefined();
    expect(findingText(late as Finding, result.plan).headline).toMatch(
      /^\d+th meeting \(\d{4}\): topic \d+ is too late — latest 2027$/,
    );
  });

  it("uses the engine's problem, fix and quote where the finding carries them", () => {
    const finding = {
      rule: "cluster-too-early",
      severity: "error",
      held: false,
      at: { sheet: "Workplan", row: 7, column: 5 },
      sheet: "Workplan",
      cell: "E7",
      meeting: 15,
      year: 2028,
      topic: 6,
      message: "Topic 6 … (cluster-too-early)",
      source: "P§18",
      problem: "Topic 6 comes before its cluster's review ends.",
      fix: "Move it to 2030.",
      quote: "Each article is to be discussed when, or shortly after…",
    } as Finding;
    expect(findingText(finding, null)).toEqual({
      headline: "15th meeting (2028): topic 6 is too early",
      fix: "Move it to 2030.",
      detail: "Topic 6 comes before its cluster's review ends.",
      quote: "Each article is to be discussed when, or shortly after…",
    });
  });

  it("offers no fix for a meeting already held, and says it is held", () => {
    const finding = {
      rule: "cluster-too-early",
      severity: "info",
      held: true,
      at: null,
      sheet: null,
      cell: null,
      meeting: 12,
      year: 2025,
      topic: 3,
      message: "…",
      source: null,
    } as Finding;
    expect(findingText(finding, null)).toMatchObject({
      headline: "12th meeting (2025): topic 3 is too early (already held)",
      fix: null,
    });
    expect(goToLabel(finding, null)).toBeNull();
  });

  it("names a cell outside the Workplan table by its sheet and address", () => {
    const finding = {
      rule: "invalid-value",
      severity: "error",
      held: false,
      at: { sheet: "Articles", row: 5, column: 3 },
      sheet: "Articles",
      cell: "C5",
      meeting: null,
      year: null,
      topic: null,
      message: "Articles!C5: expected a cluster number. More.",
      source: null,
    } as Finding;
    expect(goToLabel(finding, null)).toBe("Go to Articles!C5");
    expect(findingText(finding, null).headline).toBe("Articles!C5: expected a cluster number");
  });
});
