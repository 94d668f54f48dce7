/**
 * No named parameter is left unfilled in what a user reads: the command line's output and the
 * proposal sheet over the seed workbook (the adopted plan), on time and with a review that slips,
 * with a cancelled meeting, and where no clean timeline exists.
 */
import { checkWorkbook } from "../../src/domain/check";
import { adoptedTables } from "../../src/domain/defaults";
import { describeProposalSheet } from "../../src/domain/proposalSheet";
import { proposeTimeline } from "../../src/domain/propose";
import { tablesByName } from "../../src/domain/tables";
import { describeTimeline } from "../../src/domain/timeline";
import { workplan } from "../cli/run";

const UNFILLED = /\{\w+\}/;

const RUNS: string[][] = [
  ["check"],
  ["check", "--expected-end", "2=2032", "--cancel", "15"],
  ["check", "--cancel", "10"],
  ["propose"],
  ["propose", "--expected-end", "2=2031"],
  ["propose", "--expected-end", "2=2032", "--cancel", "15"],
  ["propose", "--expected-end", "4=2031"],
  ["propose", "--json", "--expected-end", "4=2031"],
  ["propose", "--as-of", "20x6"],
  ["propose", "--expected-end", "9=2031"],
  ["frobnicate"],
  ["--help"],
];

describe("what the user reads", () => {
  it.each(RUNS.map((argv) => [argv.join(" "), argv]))("has no {name} left: workplan %s", async (_, argv) => {
    const run = await workplan(...(argv as string[]));
    expect(run.stdout + run.stderr).not.toMatch(UNFILLED);
    expect(run.stdout + run.stderr).not.toBe("");
  });

  it.each([
    ["on time", new Map<number, number>(), new Set<number>()],
    ["with cluster 2 slipped to 2032", new Map([[2, 2032]]), new Set<number>()],
    ["with cluster 2 slipped and the 15th meeting cancelled", new Map([[2, 2032]]), new Set([15])],
  ])("the proposal sheet and the Timeline %s have no {name} left", (_, expectedEnd, cancel) => {
    const result = checkWorkbook(tablesByName(adoptedTables()), { currentYear: 2026, expectedEnd, cancel });
    if (!result.plan) throw new Error("the seed workbook has a plan");
    const proposal = proposeTimeline(result.plan);
    if (!proposal.feasible) throw new Error(proposal.reason);
    const sheet = describeProposalSheet(proposal, result.plan, { date: "2026-12-01", time: "10:00" }, []);
    const texts = [
      sheet.name,
      ...sheet.caption,
      ...sheet.headers,
      ...sheet.rows.flat(),
      ...(sheet.after ?? []).flatMap((block) => [block.title, ...block.rows.flat()]),
      ...describeTimeline(result.plan, result.findings).rows.flat(),
    ].filter((text): text is string => typeof text === "string");
    expect(texts.filter((text) => UNFILLED.test(text))).toEqual([]);
    expect(sheet.caption).toContain("1 December 2026");
  });
});
