/** The pane's timeline chart as a pure model: what it draws for the adopted plan, its what-ifs and a proposal. */
import { checkWorkbook } from "../../src/domain/check";
import { tablesByName } from "../../src/domain/tables";
import { acceptableYears } from "../../src/domain/timeline";
import { chartAxis, firstConflictTopic, timelineChart, type ChartPlan } from "../../src/domain/timelineChart";
import { whatIf } from "../../src/domain/whatIf";
import { ARTICLES, Workbook } from "./workbook";

const NOW = { currentYear: 2026 };
const tables = tablesByName(Workbook.adopted().tables);
const baseline = checkWorkbook(tables, NOW);

function chartOf(options: Omit<Parameters<typeof whatIf>[1], "currentYear">, withProposal = false) {
  const preview = whatIf(tables, { ...NOW, ...options }, baseline);
  const plan = preview.check.plan;
  if (!plan) throw new Error("the adopted plan cannot be read");
  const plans: ChartPlan[] = [{ plan, findings: preview.check.findings }];
  if (withProposal && preview.proposal?.feasible) plans.push(preview.proposal);
  return { chart: timelineChart(plans), plan };
}

const marks = (row: { meeting: number | null; year: number; status: string }[] = []) =>
  row.map((m) => `${m.meeting}/${m.year}/${m.status}`);

describe("the timeline chart's model", () => {
  it("spans every review period, window and meeting, with each cluster's planned and expected end", () => {
    const { chart } = chartOf({});
    expect(chart).not.toBeNull();
    // From cluster 1's review start to the 19th meeting, the last.
    expect([chart?.from, chart?.to]).toEqual([2021, 2032]);
    expect(chart?.clusters.map((c) => [c.number, c.reviewStart, c.plannedEnd, c.expectedEnd])).toEqual([
      [1, 2021, 2024, 2024],
      [2, 2027, 2030, 2030],
      [3, 2025, 2028, 2028],
      [4, 2023, 2026, 2026],
    ]);
  });

  it("marks the meetings held before the as-of year and the planned ones, none in conflict as adopted", () => {
    const { chart } = chartOf({});
    expect(chart?.rows).toHaveLength(1);
    expect(marks(chart?.rows[0])).toEqual([
      "10/2023/held",
      "11/2024/held",
      "12/2025/held",
      ...[13, 14, 15, 16, 17, 18, 19].map((n) => `${n}/${2013 + n}/planned`),
    ]);
    expect(chart && firstConflictTopic(chart)).toBeNull();
  });

  it(
    "follows a slip: the expected end moves, the meetings it puts in conflict are marked, " +
      "the first one's topic shaded",
    () => {
      const { chart, plan } = chartOf({ expectedEnd: new Map([[2, 2032]]) });
      const two = chart?.clusters.find((c) => c.number === 2);
      expect([two?.plannedEnd, two?.expectedEnd]).toEqual([2030, 2032]);
      expect(chart?.rows[0]?.filter((m) => m.status === "conflict")).toEqual([
        { meeting: 15, year: 2028, topic: 6, status: "conflict" },
        { meeting: 16, year: 2029, topic: 7, status: "conflict" },
      ]);
      expect(chart && firstConflictTopic(chart)).toBe(6);
      // Topic 6 is in cluster 2 only: two years before its expected end to one after.
      expect(acceptableYears(plan, 6)).toEqual({ from: 2030, to: 2033 });
      // The chart stretches to the end of that window.
      expect(chart?.to).toBe(2033);
    },
  );

  it("follows a cancellation: the meeting stays on the chart, marked cancelled, in its year", () => {
    const { chart } = chartOf({ cancel: new Set([16]) });
    expect(chart?.rows[0]?.find((m) => m.meeting === 16)).toEqual({
      meeting: 16,
      year: 2029,
      topic: 7,
      status: "cancelled",
    });
  });

  it("shows the proposal as a second row: the same clusters, the meetings it appends, no conflict left", () => {
    const { chart } = chartOf({ expectedEnd: new Map([[2, 2032]]) }, true);
    expect(chart?.rows).toHaveLength(2);
    const after = chart?.rows[1] ?? [];
    expect(after.some((m) => m.status === "conflict")).toBe(false);
    expect(marks(after.slice(-2))).toEqual(["20/2033/planned", "21/2034/planned"]);
    expect(chart?.to).toBe(2034);
    expect(after.find((m) => m.meeting === 15)).toMatchObject({ topic: null, status: "open" });
  });

  it("labels an axis that covers every year shown: its first label at or before the first, its last after", () => {
    const { chart } = chartOf({ expectedEnd: new Map([[2, 2045]]) }, true);
    expect(chart?.to).toBeGreaterThanOrEqual(2047);
    const axis = chartAxis(chart ?? { from: 0, to: 0 }, 6);
    expect(axis.ticks.length).toBeLessThanOrEqual(7);
    expect(axis.ticks[0]).toBe(axis.from);
    expect(axis.ticks.at(-1)).toBe(axis.to);
    expect(axis.from).toBeLessThanOrEqual(chart?.from ?? 0);
    expect(axis.to).toBeGreaterThanOrEqual(chart?.to ?? 0);
    expect(chartAxis({ from: 2021, to: 2032 }, 6)).toEqual({
      from: 2020,
      to: 2032,
      ticks: [2020, 2022, 2024, 2026, 2028, 2030, 2032],
    });
  });

  it("shades nothing for a topic whose clusters' windows do not meet, nor for a topic without a cluster", () => {
    // Article 7 (topic 6) moved to cluster 1: topic 6 may be discussed in 2022–2025 for it, 2028–2031 for article 8.
    const moved = Workbook.adopted().set(ARTICLES.table, { Article: 7 }, ARTICLES.cluster, 1);
    const plan = checkWorkbook(tablesByName(moved.tables), NOW).plan;
    expect(plan && acceptableYears(plan, 6)).toBeNull();
    expect(plan && acceptableYears(plan, 8)).toEqual({ from: 2028, to: 2031 });
    // Topic 10 (article 14) is in no cluster.
    expect(plan && acceptableYears(plan, 10)).toBeNull();
  });

  it("draws nothing for a plan without any year it can read", () => {
    expect(timelineChart([])).toBeNull();
  });
});
