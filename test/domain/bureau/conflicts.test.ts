/**
 * The Conflicts sheet as the Bureau reads it, applied to the in-memory workbook: plain columns,
 * rows as tall as their wrapped text, the legend and the what-if banner above the table, the tab
 * red while errors exist, and a table of the earlier layout rewritten in its place.
 */
import { checkTime, describeAnnotations } from "../../../src/domain/annotations";
import { checkWorkbook } from "../../../src/domain/check";
import { CONFLICTS } from "../../../src/domain/layout";
import type { ReadOptions } from "../../../src/domain/read";
import { tablesByName } from "../../../src/domain/tables";
import { describeCheck, describeCreate } from "../../../src/domain/write";
import { CONFLICTS_COLUMNS } from "../../../src/domain/write/conflicts";
import { DATA_RULES } from "../../../src/domain/findings";
import { RULES } from "../../../src/domain/rules";
import { printedSize } from "../../../src/domain/write/sheets";
import { SheetModel } from "../../support/sheetModel";

const WHEN = checkTime(new Date(Date.UTC(2026, 11, 1, 15, 0)));

function created(): SheetModel {
  const model = new SheetModel();
  const write = describeCreate(model.state());
  if ("refused" in write) throw new Error(write.refused);
  model.apply(write.ops);
  return model;
}

function check(model: SheetModel, options: Partial<ReadOptions> = {}) {
  const state = model.state();
  const tables = tablesByName(state.tables);
  const result = checkWorkbook(tables, { currentYear: 2026, ...options });
  const write = describeCheck(state, describeAnnotations(tables, result, WHEN));
  model.apply(write.ops);
  return write;
}

const row = (model: SheetModel, r: number) => Array.from({ length: 8 }, (_, c) => model.get("Conflicts", r, c + 1));

describe("the Conflicts sheet of a check with cluster 2 slipping to 2032", () => {
  const model = created();
  check(model, { expectedEnd: new Map([[2, 2032]]) });

  it("has the plain columns first and the technical ones last", () => {
    expect(row(model, 4)).toEqual([...CONFLICTS.headers]);
    expect(row(model, 5)).toEqual([
      "Error",
      "15th meeting (2028)",
      "Agenda item 3 (fixed topic): 6 — Record-keeping; marking (arts. 7, 8)",
      expect.stringMatching(/^Topic 6 .* earliest acceptable year is 2030/),
      expect.stringMatching(/^Move topic 6 to a meeting held from 2030 to 2033/),
      "Background paper, paras. 4, 18 and 49",
      "cluster-too-early",
      "Workplan!E8",
    ]);
  });

  it("says when it was checked in UN style, the time in UTC for readers in every time zone", () => {
    expect(model.get("Conflicts", 1, 1)).toMatch(/^Last checked 1 December 2026, 15:00 UTC, as of 2026: /);
  });

  it("gives every row the height of its longest wrapped text, and wraps every cell at the top", () => {
    const sheet = model.sheet("Conflicts");
    const problem = String(model.get("Conflicts", 5, 4));
    expect(problem.length).toBeGreaterThan(200);
    // 40 characters a line: at least six lines of 15 pt.
    expect(sheet.heights.get(5)).toBeGreaterThanOrEqual(Math.ceil(problem.length / 40) * 15);
    expect(sheet.formats.get("5,5")).toMatchObject({ wrap: true, verticalTop: true });
  });

  it("shows the what-if banner in bold red instead of the expected ends, and the legend above the table", () => {
    expect(model.get("Conflicts", 2, 1)).toBe(
      "WHAT-IF CHECK: cluster 2's review end taken as 2032 (the Clusters table says 2030). " +
        "The workbook's tables are unchanged.",
    );
    expect(model.sheet("Conflicts").formats.get("2,1")).toMatchObject({ bold: true, fontColor: "C00000" });
    expect([1, 2, 3].map((c) => model.get("Conflicts", 3, c))).toEqual(["Error", "Warning", "Info"]);
    expect(model.sheet("Conflicts").formats.get("3,1")).toMatchObject({ fill: "FF8B94", bold: true });
  });

  it("colours its tab red while errors exist, and plain again when they are gone", () => {
    expect(model.sheet("Conflicts").tab).toBe("C00000");
    check(model);
    expect(model.sheet("Conflicts").tab).toBeNull();
    expect(model.get("Conflicts", 2, 1)).toMatch(/^Expected review ends used: cluster 1 2024/);
    expect(model.sheet("Conflicts").formats.get("2,1")).toMatchObject({ bold: false, fontColor: "000000" });
  });

  it("is set up for A4 landscape, header row repeated, page x of y", () => {
    expect(model.sheet("Conflicts").page).toMatchObject({
      landscape: true,
      paper: "A4",
      fitToWidth: true,
      titleRows: { top: 4, bottom: 4 },
      footer: "Page &P of &N",
    });
  });

  it("prints its smallest text at 9 pt on A4 even where LibreOffice stands in a wider font for Calibri", () => {
    // Fitted to the page width, 142 characters of columns printed at 8.1 pt; 127 print at 9 pt.
    const widths = Array.from({ length: 8 }, (_, c) => model.sheet("Conflicts").widths.get(c + 1) ?? 0);
    expect(printedSize(widths)).toBeGreaterThanOrEqual(9);
  });
});

describe("a long what-if banner (two slips and a cancelled meeting)", () => {
  const options = {
    expectedEnd: new Map([
      [2, 2034],
      [3, 2033],
    ]),
    cancel: new Set([17]),
  };

  it("is one cell merged across the table, wrapped and as tall as its text, so it never runs past the page", () => {
    const model = created();
    check(model, options);
    const banner = String(model.get("Conflicts", 2, 1));
    expect(banner.length).toBeGreaterThan(200);
    const sheet = model.sheet("Conflicts");
    expect(sheet.merged).toContainEqual({ top: 2, left: 1, bottom: 2, right: 8 });
    expect(sheet.formats.get("2,1")).toMatchObject({ wrap: true, bold: true, fontColor: "C00000" });
    expect(sheet.heights.get(2)).toBeGreaterThanOrEqual(31);
  });

  it("stays one cell where a cell of the user's is in its row, and that cell keeps its text", () => {
    const model = created();
    // A workbook made by a version that merged nothing, where the planner then typed beside the line.
    model.sheet("Conflicts").merged = [];
    model.set("Conflicts", 2, 6, "Checked by the secretariat");
    check(model, options);
    expect(model.sheet("Conflicts").merged).toEqual([{ top: 1, left: 1, bottom: 1, right: 8 }]);
    expect(model.get("Conflicts", 2, 6)).toBe("Checked by the secretariat");
    expect(String(model.get("Conflicts", 2, 1))).toMatch(/^WHAT-IF CHECK/);
  });
});

describe("a Conflicts table of the earlier layout (a workbook checked before)", () => {
  it("is rewritten in the new layout in place, with the new widths, keeping the user's cell beside it", () => {
    const model = created();
    const conflicts = model.tables.find((t) => t.name === CONFLICTS.table);
    if (!conflicts) throw new Error("no Conflicts table");
    for (let c = 1; c <= 8; c++) model.set("Conflicts", 4, c, null);
    ["Severity", "Rule", "Where", "Meeting", "Message", "Source"].forEach((h, i) =>
      model.set("Conflicts", 4, i + 1, h),
    );
    conflicts.area = { top: 4, left: 1, bottom: 5, right: 6 };
    model.sheet("Conflicts").widths.set(5, 90);
    model.set("Conflicts", 4, 10, "my note");
    const write = check(model, { expectedEnd: new Map([[2, 2031]]) });
    expect(write.blocked).toBeNull();
    expect(conflicts.area).toEqual({ top: 4, left: 1, bottom: 5, right: 8 });
    expect(row(model, 4)).toEqual([...CONFLICTS.headers]);
    expect(model.sheet("Conflicts").widths.get(5)).toBe(CONFLICTS_COLUMNS[4]?.width);
    expect(model.sheet("Conflicts").widths.get(5)).toBeLessThan(90);
    expect(model.get("Conflicts", 4, 10)).toBe("my note");
  });

  it("keeps the widths a planner set on a table already in the new layout", () => {
    const model = created();
    model.sheet("Conflicts").widths.set(4, 70);
    check(model);
    expect(model.sheet("Conflicts").widths.get(4)).toBe(70);
  });
});

describe("an invalid value on the Workplan (a year typed as a word, Workplan B5)", () => {
  const model = created();
  model.set("Workplan", 5, 2, "twenty");
  check(model);
  const rows = Array.from({ length: 10 }, (_, i) => row(model, 5 + i));
  const invalid = rows.find((r) => r[6] === "invalid-value");

  it("names the row's meeting, leaves the agenda item blank, and says in the Problem which cell it is", () => {
    expect(invalid?.[1]).toBe("12th meeting");
    expect(invalid?.[2]).toBeNull();
    expect(invalid?.[3]).toMatch(/^Workplan!B5: the year is "twenty"; expected a year/);
  });

  it("has a Rule column as wide as the longest rule id (no id breaks), the table as wide as before", () => {
    const ids = [...RULES.map((r) => r.id), ...Object.keys(DATA_RULES)];
    const longest = Math.max(...ids.map((id) => id.length));
    expect(ids).toContain("topic-unscheduled");
    const rule = model.sheet("Conflicts").widths.get(7) ?? 0;
    expect(rule).toBeGreaterThanOrEqual(longest);
    expect(CONFLICTS_COLUMNS.reduce((sum, c) => sum + c.width, 0)).toBe(127);
  });
});
