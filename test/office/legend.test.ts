/**
 * The legend of the highlights above the Workplan table, through both interpreters of the one
 * description: the Office.js adapter on the fake Excel and the package patcher, on a workbook whose
 * Workplan table starts in row 3 under the planner's title. Both read the row above the table as
 * the user's or not, write the same legend, and Clear removes it from both; where a cell of the
 * user's is in that row, neither writes over it, and both Conflicts sheets say so.
 */
import { checkTime, describeAnnotations } from "../../src/domain/annotations";
import { areaOf } from "../../src/domain/areas";
import { checkWorkbook as engineCheck } from "../../src/domain/check";
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetOp, Written } from "../../src/domain/sheetOps";
import { tablesByName, type SheetTable } from "../../src/domain/tables";
import { describeCheck, describeClear } from "../../src/domain/write";
import { WORKPLAN_LEGEND } from "../../src/domain/write/legend";
import { checkWorkbook, clearHighlights } from "../../src/office";
import { applyOps, cellValueAt, emptyPackage, readWorkbookState, type XlsxPackage } from "../../src/xlsx";
import { createFakeExcel, put, sheet, valueAt, withOffice, type FakeExcel } from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");
const SLIP = new Map([[2, 2032]]);
const TITLE = "Multi-year workplan of the Working Group on Firearms";

/** The adopted tables, the Workplan table from row 3. */
function tables(): SheetTable[] {
  return adoptedTables().map((t) => (t.name === "Workplan" ? { ...t, top: 3 } : t));
}

async function packageOf(extra: [number, number, string][]): Promise<XlsxPackage> {
  const pkg = await emptyPackage();
  const ops: SheetOp[] = [];
  const sheets = new Set<string>();
  for (const t of tables()) {
    if (!sheets.has(t.sheet)) ops.push({ op: "addSheet", sheet: t.sheet, visibility: "visible" });
    sheets.add(t.sheet);
    const grid = [[...t.headers], ...t.rows] as Written[][];
    ops.push({ op: "setValues", sheet: t.sheet, top: t.top, left: t.left, values: grid });
    const area = areaOf(t.top, t.left, grid.length, t.headers.length);
    ops.push({ op: "addTable", sheet: t.sheet, table: t.name, area, style: "TableStyleMedium2" });
  }
  for (const [row, column, text] of extra)
    ops.push({ op: "setValues", sheet: "Workplan", top: row, left: column, values: [[text]] });
  applyOps(pkg, ops);
  return pkg;
}

function fakeOf(extra: [number, number, string][]): FakeExcel {
  const excel = createFakeExcel({ seed: tables() });
  for (const [row, column, text] of extra) put(sheet(excel.model, "Workplan"), row, column, text);
  return excel;
}

function checkPackage(pkg: XlsxPackage): void {
  const state = readWorkbookState(pkg);
  const byName = tablesByName(state.tables);
  const result = engineCheck(byName, { currentYear: 2026, expectedEnd: SLIP });
  applyOps(pkg, describeCheck(state, describeAnnotations(byName, result, checkTime(NOW))).ops);
}

/** Rows 1 and 2 of the Workplan sheet, and the Conflicts sheet's legend, in both. */
function seen(pkg: XlsxPackage, excel: FakeExcel) {
  const cells = [
    ["Workplan", 1, 1],
    ["Workplan", 2, 1],
    ["Workplan", 2, 4],
    ["Conflicts", 3, 4],
  ] as const;
  return {
    xlsx: cells.map(([name, row, column]) => cellValueAt(pkg, name, row, column) ?? null),
    office: cells.map(([name, row, column]) => valueAt(sheet(excel.model, name), row, column)),
  };
}

let restore: () => void = () => undefined;
afterEach(() => restore());

describe("the legend above a Workplan table that starts in row 3", () => {
  it("is written by both interpreters in the empty row above the table, and removed by Clear in both", async () => {
    const extra: [number, number, string][] = [[1, 1, TITLE]];
    const pkg = await packageOf(extra);
    const excel = fakeOf(extra);
    restore = withOffice(excel);
    checkPackage(pkg);
    await checkWorkbook(excel.run, { now: () => NOW, expectedEnd: SLIP });
    const checked = seen(pkg, excel);
    expect(checked.office).toEqual(checked.xlsx);
    expect(checked.xlsx.slice(0, 3)).toEqual([TITLE, WORKPLAN_LEGEND, null]);

    applyOps(pkg, describeClear(readWorkbookState(pkg)).ops);
    await clearHighlights(excel.run);
    const cleared = seen(pkg, excel);
    expect(cleared.office).toEqual(cleared.xlsx);
    expect(cleared.xlsx.slice(0, 3)).toEqual([TITLE, null, null]);
  });

  it("is written by neither over a cell of the user's in that row; both Conflicts sheets name the cell", async () => {
    const extra: [number, number, string][] = [
      [1, 1, TITLE],
      [2, 4, "Agenda items as adopted"],
    ];
    const pkg = await packageOf(extra);
    const excel = fakeOf(extra);
    restore = withOffice(excel);
    checkPackage(pkg);
    await checkWorkbook(excel.run, { now: () => NOW, expectedEnd: SLIP });
    const checked = seen(pkg, excel);
    expect(checked.office).toEqual(checked.xlsx);
    expect(checked.xlsx.slice(0, 3)).toEqual([TITLE, null, "Agenda items as adopted"]);
    expect(String(checked.xlsx[3])).toMatch(/No legend above the Workplan table: Workplan!D2 is yours\.$/);
  });
});
