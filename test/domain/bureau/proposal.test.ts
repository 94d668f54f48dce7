/**
 * The proposal ready to send: the title block, the outcome in one sentence, the grid before and
 * after with topic titles and plain reasons, emptied meetings named, the flexible-topic
 * candidates and the quoted sources, printed on A4 at full size with the header row repeated.
 */
import { checkWorkbook } from "../../../src/domain/check";
import {
  dateInWords,
  describeProposalSheet,
  EMPTIED,
  plainReason,
  PROPOSAL_HEADERS,
  proposalColumns,
  proposalWidths,
  TIMELINE_HEADING,
} from "../../../src/domain/proposalSheet";
import { proposeTimeline, type CleanProposal } from "../../../src/domain/propose";
import { readSources } from "../../../src/domain/sources";
import type { SheetOp } from "../../../src/domain/sheetOps";
import { tablesByName } from "../../../src/domain/tables";
import { describeProposalSheetOps } from "../../../src/domain/write";
import { gridPlacement } from "../../../src/domain/write/edits";
import { printedSize } from "../../../src/domain/write/sheets";
import { SheetModel } from "../../support/sheetModel";
import { CLUSTERS, SOURCES_TABLE, Workbook } from "./support";

function proposalOf(workbook: Workbook) {
  const tables = tablesByName(workbook.tables);
  const plan = checkWorkbook(tables, { currentYear: 2026 }).plan;
  if (!plan) throw new Error("no plan");
  const proposal = proposeTimeline(plan) as CleanProposal;
  if (!proposal.feasible) throw new Error("no proposal");
  const when = { date: "2026-12-01", time: "2026-12-01 15:00 UTC" };
  return describeProposalSheet(proposal, plan, when, [], readSources(tables));
}

const slipped = () => Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2032);

describe("the proposal sheet for a two-year slip of cluster 2", () => {
  const sheet = proposalOf(slipped());

  it("opens with the title block, what prompted it and the outcome in one sentence", () => {
    expect(sheet.caption).toEqual([
      "Proposed amendment of the timeline of the multi-year workplan",
      "Draft for consideration by the extended Bureau",
      "1 December 2026",
      'Prompted by: the review of cluster 2 "Prevention" is now expected to end in 2032, 2 years later than ' +
        "planned (2030).",
      expect.stringMatching(
        /^The proposal moves topics .* and appends .*; with it the check finds 0 errors and 0 warnings\.$/,
      ),
      "The Workplan table is unchanged until the proposal is applied.",
    ]);
  });

  it("shows the grid before and after with topic titles and plain reasons, without rule ids", () => {
    expect(sheet.headers).toEqual(PROPOSAL_HEADERS);
    const fifteenth = sheet.rows.find((row) => row[0] === "15th");
    expect(fifteenth?.[3]).toBe("6 — Record-keeping; marking (arts. 7, 8)");
    for (const row of sheet.rows) {
      const why = row[5];
      if (why === null) continue;
      expect(String(why)).not.toMatch(/^[a-z]+-[a-z-]+:/);
      expect(String(why)).toMatch(/^[A-Z].*[.]$/);
    }
  });

  it("lists the candidates' codes in the key in the order of the FlexibleTopics table, not of first appearance", () => {
    const key = String(sheet.after?.[0]?.rows.at(-1)?.[5]);
    const codes = [...key.matchAll(/\(([a-z])\) /g)].map((m) => m[1]);
    expect(codes.length).toBeGreaterThan(5);
    expect(codes).toEqual([...codes].sort());
  });

  it("ends with the flexible-topic candidates and the sources quoted from the Sources table", () => {
    const [candidates, sources] = sheet.after ?? [];
    expect(candidates?.title).toMatch(/^Agenda item 2: flexible topics/);
    expect(candidates?.rows.at(-1)?.[5]).toMatch(/\(a\) Gender perspectives/);
    // The key says what it is in the first column, where the meetings' names stand above it.
    expect(candidates?.rows.at(-1)?.[0]).toBe("What the codes stand for");
    expect(sources?.title).toBe("Sources");
    expect(sources?.rows[0]?.[0]).toBe("Background paper, para. 49");
    expect(sources?.rows[0]?.[5]).toMatch(/^“In contrast, the agenda item on the scope/);
  });

  it("quotes the edited text when a planner changes the Sources table, and the ids alone without it", () => {
    const edited = proposalOf(slipped().set(SOURCES_TABLE, { Source: "P§49" }, "Text", "Our own rule."));
    expect(edited.after?.at(-1)?.rows[0]?.[5]).toBe("“Our own rule.”");
    const without = proposalOf(slipped().removeTable(SOURCES_TABLE));
    expect(without.after?.at(-1)?.rows.map((row) => row[5])).toEqual(["P§49", "P§4", "P§18", "P§50(b)"]);
  });

  it("prints on A4 landscape at 9 pt or more: columns of about 125 characters, page numbers", () => {
    const total = proposalColumns(sheet).reduce((sum, c) => sum + c.width, 0);
    // 7 pixels a character and 5 of padding a column, at 0.75 pt a pixel: within the 742 pt of the page.
    expect((total * 7 + 5 * sheet.headers.length) * 0.75).toBeLessThanOrEqual(742);
    const model = new SheetModel();
    model.apply(describeProposalSheetOps(sheet));
    const page = model.sheet(sheet.name).page;
    expect(page).toMatchObject({
      landscape: true,
      paper: "A4",
      footer: "Page &P of &N",
    });
    // Print titles would print the grid's header on every page, above the timeline and the sources too.
    expect(page?.titleRows).toBeUndefined();
    expect(model.get(sheet.name, 1, 1)).toBe("Proposed amendment of the timeline of the multi-year workplan");
    const sizes = describeProposalSheetOps(sheet).flatMap((op: SheetOp) =>
      op.op === "format" && op.format.size !== undefined ? [op.format.size] : [],
    );
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(9);
    expect(model.sheet(sheet.name).heights.size).toBeGreaterThan(5);
  });
});

describe("the proposal's printed pages", () => {
  const sheet = proposalOf(slipped());
  const model = new SheetModel();
  model.apply(describeProposalSheetOps(sheet));
  const rowWith = (text: string) =>
    Number([...model.sheet(sheet.name).cells].find(([, v]) => v === text)?.[0].split(",")[0] ?? NaN);

  it("starts the timeline and the sources each on a new page, the grid's header above neither", () => {
    const breaks = model.sheet(sheet.name).breaks;
    expect(breaks).toContain(rowWith(TIMELINE_HEADING));
    expect(breaks).toContain(rowWith("Sources"));
    for (const row of breaks.filter((r) => r < rowWith(TIMELINE_HEADING)))
      expect(model.get(sheet.name, row, 1)).toBe(PROPOSAL_HEADERS[0]);
  });

  it("puts a page break and the header row again where the meetings run on to another page", () => {
    const heights = Array.from({ length: 30 }, () => 46);
    const { rows, headers } = gridPlacement(9, 150, heights);
    expect(headers.length).toBeGreaterThanOrEqual(2);
    // Every page, from its header row to the next, holds at most a page's 480 pt of rows.
    const pages = [8, ...headers].map((top, i) => rows.filter((r) => r > top && r < ([...headers, 1e9][i] ?? 1e9)));
    expect(pages.map((page) => page.length).reduce((a, b) => a + b)).toBe(30);
    pages.forEach((page, i) => expect((i === 0 ? 150 : 15) + page.length * 46).toBeLessThanOrEqual(480));
    expect(new Set([...rows, ...headers]).size).toBe(rows.length + headers.length);
  });
});

describe("the timeline on the proposal sheet, now and as proposed", () => {
  const sheet = proposalOf(slipped());
  const row = (rows: (string | null)[][] | undefined, topic: number) =>
    rows?.find((r) => r[0]?.startsWith(`Topic ${topic} —`)) ?? [];
  const at = (rows: (string | null)[][] | undefined, topic: number, year: number) =>
    row(rows, topic)[(sheet.timeline?.years.indexOf(year) ?? -1) + 1] ?? null;

  it("spans the years of the meetings to come, one row per topic that has a year among them", () => {
    expect(sheet.timeline?.years).toEqual([2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034]);
    // Topics 1 and 2 were discussed before 2026 and have no year left: they are not shown.
    expect(sheet.timeline?.before.map((r) => r[0]?.split(" —")[0])).toEqual(
      [3, 4, 5, 6, 7, 8, 9, 10].map((t) => `Topic ${t}`),
    );
  });

  it("marks topic 6 at the 15th meeting as outside its years now, and at the 17th inside them as proposed", () => {
    expect(at(sheet.timeline?.before, 6, 2028)).toBe("15th!");
    expect(at(sheet.timeline?.before, 6, 2030)).toBe("w");
    expect(at(sheet.timeline?.after, 6, 2028)).toBeNull();
    expect(at(sheet.timeline?.after, 6, 2030)).toBe("17th");
    expect(sheet.timeline?.after.flat().some((code) => code?.endsWith("!"))).toBe(false);
  });

  it("writes both under the grid, filled and framed, the Why cells merged over the years' columns", () => {
    const model = new SheetModel();
    model.apply(describeProposalSheetOps(sheet));
    const page = model.sheet(sheet.name);
    const rows = [...page.cells].filter(([, v]) => v === TIMELINE_HEADING).map(([k]) => Number(k.split(",")[0]));
    expect(rows).toHaveLength(1);
    const heading = rows[0] ?? 0;
    expect(model.get(sheet.name, heading + 2, 1)).toBe("Now");
    expect(model.get(sheet.name, heading + 2, 6)).toBe(2026);
    const conflict = [...page.cells].find(([, v]) => v === "15th!")?.[0] ?? "";
    expect(page.formats.get(conflict)).toMatchObject({ bold: true, border: "9C0006" });
    expect(page.merged).toContainEqual({ top: 8, left: 6, bottom: 8, right: 14 });
    const widths = proposalWidths(sheet);
    expect(widths.map((_, c) => page.widths.get(c + 1))).toEqual(widths);
    // As wide as before: the years share the Why column's width, so the page still prints at 9 pt.
    expect(printedSize(widths)).toBeGreaterThanOrEqual(9);
  });
});

describe("the timeline of a proposal for a long slip (cluster 2 to 2045)", () => {
  const sheet = proposalOf(Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2045));
  const timeline = sheet.timeline;

  it("spans every year either plan uses, so that no topic moved past the tenth year reads as dropped", () => {
    const placed = sheet.rows.filter((r) => typeof r[1] === "number" && r[2] !== "Held" && r[4] !== EMPTIED);
    expect(Math.max(...placed.map((r) => Number(r[1])))).toBeGreaterThan(2036);
    for (const [meeting, year, , , proposed] of placed) {
      const topic = String(proposed).split(" —")[0];
      const row = timeline?.after.find((r) => r[0]?.startsWith(`Topic ${topic} —`)) ?? [];
      expect({ topic, year, code: row[(timeline?.years.indexOf(Number(year)) ?? -1) + 1] }).toEqual({
        topic,
        year,
        code: String(meeting).split(" ")[0],
      });
    }
  });

  it("writes the years in bands of ten under the Why column, each now and as proposed, the page as wide", () => {
    const model = new SheetModel();
    model.apply(describeProposalSheetOps(sheet));
    const page = model.sheet(sheet.name);
    const nows = [...page.cells].filter(([, v]) => v === "Now").map(([k]) => Number(k.split(",")[0]));
    expect(nows.length).toBeGreaterThanOrEqual(2);
    const last = Math.max(...sheet.rows.flatMap((r) => (typeof r[1] === "number" ? [r[1]] : [])));
    const yearsWritten = [...page.cells].flatMap(([k, v]) =>
      Number(k.split(",")[0]) > (nows[0] ?? 0) - 3 && typeof v === "number" ? [v] : [],
    );
    expect(Math.max(...yearsWritten)).toBe(last);
    expect(printedSize(proposalWidths(sheet))).toBeGreaterThanOrEqual(9);
  });
});

describe("a proposal prompted by two slips", () => {
  it("wraps its long 'Prompted by' line across the page instead of running past it and shrinking the print", () => {
    const workbook = slipped().set(CLUSTERS.table, { Cluster: 3 }, CLUSTERS.expectedEnd, 2033);
    const sheet = proposalOf(workbook);
    expect(sheet.caption[3]?.length).toBeGreaterThan(200);
    const model = new SheetModel();
    model.apply(describeProposalSheetOps(sheet));
    const page = model.sheet(sheet.name);
    const last = proposalWidths(sheet).length;
    expect(page.merged).toContainEqual({ top: 4, left: 1, bottom: 4, right: last });
    expect(page.formats.get("4,1")).toMatchObject({ wrap: true });
    expect(page.heights.get(4)).toBeGreaterThanOrEqual(31);
  });
});

describe("a meeting left without a fixed topic", () => {
  it("reads 'No fixed topic (flexible topic only)' and not an empty cell", () => {
    // Cluster 2 three years late: its topics leave 2028 and 2029, which no other topic can take.
    const sheet = proposalOf(Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2033));
    const emptied = sheet.rows.filter((row) => row[4] === EMPTIED);
    expect(emptied.length).toBeGreaterThan(0);
    expect(sheet.rows.every((row) => row[4] !== null)).toBe(true);
  });
});

it("writes dates in the UN style and reasons as sentences", () => {
  expect(dateInWords("2026-12-01")).toBe("1 December 2026");
  expect(
    plainReason("cluster-too-early: the review of cluster 2 ends in 2032; it was at the 15th meeting (2028)"),
  ).toBe("The review of cluster 2 ends in 2032; it was at the 15th meeting (2028).");
});
