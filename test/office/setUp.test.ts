/**
 * The secretariat's workbook in Excel (issue 12 item 7): the pane's opening read finds the plain
 * ranges, "Convert to tables" makes them the layout's tables keeping every value and format, and
 * "Add the missing tables" adds the others on new sheets; syncs counted.
 */
import { adoptedTables } from "../../src/domain/defaults";
import { INPUT_TABLES } from "../../src/domain/layout";
import { readWorkbookMarked, type ExcelRun } from "../../src/office";
import { setUpWorkbook } from "../../src/office/setUp";

const convertPlainRanges = (run: ExcelRun) => setUpWorkbook(run, false);
const addMissingTables = (run: ExcelRun) => setUpWorkbook(run, true);
/** What the pane reads on opening (the shipped path): the tables, and what setting up would do. */
const paneOpens = (run: ExcelRun) => readWorkbookMarked(run, { currentYear: 2026 });
import { FakeExcel, plainWorkbook, recordSyncs, sheet, withOffice, type WorkbookModel } from "../support/fakeExcel";

let restore: (() => void) | null = null;
function excelOn(model: WorkbookModel): FakeExcel {
  const excel = new FakeExcel(model, { version: "1.20" });
  restore = withOffice(excel);
  return excel;
}
afterEach(() => {
  restore?.();
  restore = null;
});

/** Every cell's value and format, sheet by sheet. */
function cells(model: WorkbookModel): string {
  return JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells].sort()]));
}

describe("the secretariat's workbook of plain ranges", () => {
  it("is found on opening: which ranges convert, in three read-only syncs", async () => {
    const excel = excelOn(plainWorkbook());
    const syncs = recordSyncs(excel);
    const found = await paneOpens(excel.run);
    expect(syncs).toEqual([["read", "read", "read"]]);
    expect(found.hasTables).toBe(false);
    const workplan = adoptedTables()[0]!;
    expect(found.setUp?.convert[0]).toBe(`Workplan (Workplan!A1:F${1 + workplan.rows.length})`);
    expect(found.setUp?.convert.map((c) => c.split(" ")[0])).toEqual(INPUT_TABLES.map((t) => t.table));
    expect(found.setUp?.add).toEqual([]);
    // Create would meet the sheets of the same names: the pane is told why rather than offered it.
    expect(found.setUp?.notCreated).toMatch(/^Cannot create the workbook: the sheet "Workplan"/);
  });

  it("converts them in place, keeping values and formats, under the layout's names, in three syncs", async () => {
    const excel = excelOn(plainWorkbook());
    const before = cells(excel.model);
    const syncs = recordSyncs(excel);
    const done = await convertPlainRanges(excel.run);
    expect(syncs).toEqual([["read", "read", "write"]]);
    expect(done.tables).toEqual(INPUT_TABLES.map((t) => t.table));
    expect(cells(excel.model)).toBe(before);
    expect(sheet(excel.model, "Workplan").cell(1, 1)?.style).toEqual({ fill: "#DDEBF7", bold: "true" });
    expect(excel.model.tables.map((t) => [t.name, t.sheet.name])).toEqual(INPUT_TABLES.map((t) => [t.table, t.sheet]));
    const { tables, result } = await readWorkbookMarked(excel.run, { currentYear: 2026 });
    const read = adoptedTables().filter((t) => t.name !== "Conflicts");
    expect([...tables.values()].map((t) => [t.name, t.headers, t.rows])).toEqual(
      read.map((t) => [t.name, t.headers, t.rows]),
    );
    expect(result.findings.filter((f) => f.rule === "missing-table")).toEqual([]);
    // Nothing is left to set up: opening again finds every table and reads nothing more.
    const again = await paneOpens(excel.run);
    expect(again.setUp).toBeNull();
  });

  it("adds the missing tables on new sheets and never offers what a name in the way would refuse", async () => {
    const model = plainWorkbook();
    model.sheets.splice(
      model.sheets.findIndex((s) => s.name === "Sources"),
      1,
    );
    const excel = excelOn(model);
    await convertPlainRanges(excel.run);
    const found = await paneOpens(excel.run);
    expect(found.setUp).toMatchObject({ missing: ["Sources"], convert: [], add: ["Sources"], why: [] });
    const before = cells(excel.model);
    const syncs = recordSyncs(excel);
    await addMissingTables(excel.run);
    expect(syncs).toEqual([["read", "read", "write"]]);
    expect(cells(excel.model).startsWith(before.slice(0, -1))).toBe(true);
    expect(excel.model.table("Sources")?.sheet.name).toBe("Sources");
  });

  it("refuses to convert a range whose name is taken, naming it, and writes nothing", async () => {
    const model = plainWorkbook();
    model.names.push({ name: "Workplan", formula: "=Workplan!$A$1" });
    const excel = excelOn(model);
    const found = await paneOpens(excel.run);
    expect(found.setUp?.convert.map((c) => c.split(" ")[0])).not.toContain("Workplan");
    expect(found.setUp?.why).toEqual([expect.stringMatching(/as the name "Workplan" is taken/)]);
  });
});
