/**
 * applyOps against the fake Excel: each sheet operation queued as Office.js has it, all of them in
 * the one sync the caller makes; text stays text without the Text format; rules and notes of the
 * product's go by what the state found.
 */
import { FLAGS_SHEET } from "../../src/domain/annotations";
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetOp } from "../../src/domain/sheetOps";
import { detectSupport } from "../../src/office";
import { applyOps, cellValue, changesVisibility, mayBeParsed, withoutNotes } from "../../src/office/ops";
import { readWorkbookState } from "../../src/office/state";
import {
  createFakeExcel,
  fakeExcel,
  recordSyncs,
  sheet,
  sheetGrid,
  valueAt,
  valuesIn,
  withOffice,
  type FakeExcel,
} from "../support/fakeExcel";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function excelFor(excel: FakeExcel): FakeExcel {
  restore = withOffice(excel);
  return excel;
}

/** Reads the state, applies the ops and syncs once, as every writer of the adapter does. */
async function apply(excel: FakeExcel, ops: SheetOp[]) {
  return excel.run(async (context) => {
    const support = detectSupport();
    const { found } = await readWorkbookState(context, support);
    const applied = applyOps(context, ops, found, { support });
    await context.sync();
    return applied;
  });
}

const RULE = { fill: "FFC7CE", fontColor: "9C0006" };
const BODY = { top: 2, left: 1, bottom: 11, right: 6 };

describe("applyOps", () => {
  it("queues a check's writes for one sync after the read", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const syncs = recordSyncs(excel);
    await apply(excel, [
      { op: "addSheet", sheet: FLAGS_SHEET, visibility: "veryHidden" },
      { op: "setValues", sheet: FLAGS_SHEET, top: 2, left: 1, values: [[3, 0]] },
      { op: "addRule", sheet: "Workplan", area: BODY, formula: `'${FLAGS_SHEET}'!A2=3`, format: RULE },
      { op: "addNote", sheet: "Workplan", row: 2, column: 1, text: "Workplan Checker:\nError", width: 240, height: 90 },
      { op: "setName", name: "WorkplanTopicLabels", reference: "='WorkplanLists'!$A$1:$A$3" },
      { op: "listValidation", sheet: "Workplan", area: { ...BODY, left: 5, right: 5 }, source: "=WorkplanTopicLabels" },
    ]);
    expect(syncs).toEqual([["read", "write"]]);
    const flags = sheet(excel.model, FLAGS_SHEET);
    expect(flags.visibility).toBe("VeryHidden");
    expect(valuesIn(flags, "A2:B2")).toEqual([[3, 0]]);
    const rules = sheet(excel.model, "Workplan").conditionalFormats;
    expect(rules).toEqual([
      expect.objectContaining({ type: "Custom", area: BODY, formula: `=${FLAGS_SHEET}!A2=3`, fill: "#FFC7CE" }),
    ]);
    expect(sheet(excel.model, "Workplan").notes.get("A2")).toMatchObject({ width: 240, height: 90 });
    expect(excel.model.name("WorkplanTopicLabels")?.formula).toBe("=WorkplanLists!$A$1:$A$3");
    expect(sheet(excel.model, "Workplan").validations).toHaveLength(1);
  });

  it("writes text as text, with no Text format: 300 characters stay readable, formulas stay words", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const long = `Topic 10 is held too late: ${"the review of article 14 must come first. ".repeat(7)}`;
    expect(long.length).toBeGreaterThan(255);
    const texts = [long, "=SUM(A1)", "+1 meeting", "- none", "@home", "12", "1-3", "TRUE", "Dec-1", "'quoted", "#N/A"];
    await apply(excel, [{ op: "setValues", sheet: "Conflicts", top: 10, left: 1, values: texts.map((t) => [t]) }]);
    const conflicts = sheet(excel.model, "Conflicts");
    texts.forEach((text, i) => {
      const cell = conflicts.cell(10 + i, 1);
      expect(cell?.value).toBe(text);
      expect(cell?.formula).toBeUndefined();
      expect(cell?.numberFormat).toBeUndefined();
    });
    // Plain words carry no quote prefix at all.
    expect(conflicts.cell(10, 1)?.quotePrefix).toBeUndefined();
    // As a person sees it: readable, where the Text format would show "####" on Excel desktop.
    expect(sheetGrid(excel.model, conflicts).values.A10).toBe(long);
    conflicts.ensure(30, 1).numberFormat = "@";
    await apply(excel, [{ op: "setValues", sheet: "Conflicts", top: 30, left: 1, values: [[long]] }]);
    expect(sheetGrid(excel.model, conflicts).values.A30).toBe("####");
  });

  it("empties cells for null and leaves the rest of a shorter row as it is", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const conflicts = sheet(excel.model, "Conflicts");
    conflicts.ensure(20, 3).value = "kept";
    conflicts.ensure(21, 1).value = "gone";
    await apply(excel, [
      {
        op: "setValues",
        sheet: "Conflicts",
        top: 20,
        left: 1,
        values: [
          ["a", "b"],
          [null, "c", "d"],
        ],
      },
    ]);
    expect(valuesIn(conflicts, "A20:C21")).toEqual([
      ["a", "b", "kept"],
      [null, "c", "d"],
    ]);
  });

  it("removes the product's rules named, from the last back, and leaves the user's", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const workplan = sheet(excel.model, "Workplan");
    workplan.conditionalFormats.push(
      { id: 9001, type: "CellValue", area: BODY, fill: "#00FF00" },
      { id: 1, type: "Custom", area: BODY, formula: `=${FLAGS_SHEET}!A2=3` },
      { id: 9002, type: "Custom", area: BODY, formula: "=$B2>2030" },
      { id: 2, type: "Custom", area: BODY, formula: `=${FLAGS_SHEET}!A2=2` },
    );
    const applied = await apply(excel, [
      { op: "removeRule", sheet: "Workplan", area: BODY, formula: `'${FLAGS_SHEET}'!A2=3` },
      { op: "removeRule", sheet: "Workplan", area: BODY, formula: `'${FLAGS_SHEET}'!A2=2` },
      { op: "removeRule", sheet: "Workplan", area: BODY, formula: `'${FLAGS_SHEET}'!A2=1` },
    ]);
    expect(workplan.conditionalFormats.map((f) => f.id)).toEqual([9001, 9002]);
    expect(applied.rulesMissing).toBe(1);
  });

  it("adds rules after the user's own", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const workplan = sheet(excel.model, "Workplan");
    workplan.conditionalFormats.push({ id: 9001, type: "CellValue", area: BODY, fill: "#00FF00" });
    await apply(excel, [
      { op: "addRule", sheet: "Workplan", area: BODY, formula: `${FLAGS_SHEET}!A2=3`, format: RULE },
      { op: "addRule", sheet: "Workplan", area: BODY, formula: `${FLAGS_SHEET}!A2=2`, format: { ...RULE, bold: true } },
    ]);
    expect(workplan.conditionalFormats.map((f) => f.formula ?? f.id)).toEqual([
      9001,
      `=${FLAGS_SHEET}!A2=3`,
      `=${FLAGS_SHEET}!A2=2`,
    ]);
    expect(workplan.conditionalFormats[2]?.bold).toBe(true);
  });

  it("removes the product's note by its cell and leaves the user's", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const workplan = sheet(excel.model, "Workplan");
    workplan.notes.set("B3", { cell: "B3", content: "Workplan Checker:\nError", author: "add-in" });
    workplan.notes.set("A2", { cell: "A2", content: "Venue?", author: "Planner" });
    await apply(excel, [{ op: "removeNote", sheet: "Workplan", row: 3, column: 2 }]);
    expect([...workplan.notes.keys()]).toEqual(["A2"]);
  });

  it("grows a table over rows written below it (Apply, as the co-authoring guidance has it)", async () => {
    const excel = excelFor(fakeExcel(adoptedTables()));
    const workplan = excel.model.table("Workplan");
    if (!workplan) throw new Error("no Workplan table");
    const bottom = workplan.area.bottom;
    const area = { ...workplan.area, bottom: bottom + 1 };
    await apply(excel, [
      {
        op: "setValues",
        sheet: "Workplan",
        top: bottom + 1,
        left: 1,
        values: [["21st", 2034, "Planned", null, "Topic 3", null]],
      },
      { op: "resizeTable", sheet: "Workplan", table: "Workplan", area },
    ]);
    expect(workplan.area).toEqual(area);
    expect(valueAt(workplan.sheet, bottom + 1, 1)).toBe("21st");
    expect(valueAt(workplan.sheet, bottom + 1, 2)).toBe(2034);
  });

  it("makes the table again over the new area where Table.resize is missing (ExcelApi 1.12)", async () => {
    const excel = excelFor(fakeExcel(adoptedTables(), { version: "1.12" }));
    const conflicts = excel.model.table("Conflicts");
    if (!conflicts) throw new Error("no Conflicts table");
    const area = { ...conflicts.area, bottom: conflicts.area.bottom + 2 };
    await apply(excel, [{ op: "resizeTable", sheet: "Conflicts", table: "Conflicts", area }]);
    expect(excel.model.table("Conflicts")?.area).toEqual(area);
  });

  it("adds a table with its style, and lays out a sheet for print", async () => {
    const excel = excelFor(createFakeExcel({ seed: "empty" }));
    const area = { top: 3, left: 1, bottom: 4, right: 2 };
    await apply(excel, [
      { op: "addSheet", sheet: "Proposal 2026-12-01", visibility: "visible" },
      {
        op: "setValues",
        sheet: "Proposal 2026-12-01",
        top: 3,
        left: 1,
        values: [
          ["Meeting", "Year"],
          ["20th", 2033],
        ],
      },
      { op: "addTable", sheet: "Proposal 2026-12-01", table: "Proposal", area, style: "TableStyleLight9" },
      {
        op: "format",
        sheet: "Proposal 2026-12-01",
        area,
        format: { bold: true, italic: true, fontColor: "1F4E79", border: "808080" },
      },
      { op: "columnWidth", sheet: "Proposal 2026-12-01", column: 1, width: 12 },
      { op: "rowHeight", sheet: "Proposal 2026-12-01", row: 1, height: 20 },
      { op: "freezeRows", sheet: "Proposal 2026-12-01", rows: 3 },
      {
        op: "pageSetup",
        sheet: "Proposal 2026-12-01",
        landscape: true,
        fitToWidth: true,
        titleRows: { top: 3, bottom: 3 },
        titleColumns: { left: 1, right: 2 },
        overThenDown: true,
        footer: "Page &P of &N",
        paper: "A4",
      },
      { op: "tabColor", sheet: "Proposal 2026-12-01", color: "1F4E79" },
      { op: "activate", sheet: "Proposal 2026-12-01" },
    ]);
    const added = sheet(excel.model, "Proposal 2026-12-01");
    expect(excel.model.table("Proposal")).toMatchObject({ style: "TableStyleLight9", area });
    expect(added.cell(3, 1)?.style).toMatchObject({ bold: "true", italic: "true", fontColor: "#1F4E79" });
    expect(added.columnWidths.get(1)).toBe(widthOf(12));
    expect(added.rowHeights.get(1)).toBe(20);
    expect(added.frozenRows).toBe(3);
    expect(added.pageLayout).toMatchObject({
      orientation: "Landscape",
      paperSize: "A4",
      titleRows: "$3:$3",
      titleColumns: "$A:$B",
      printOrder: "OverThenDown",
      footer: "Page &P of &N",
    });
    expect(added.tabColor).toBe("#1F4E79");
    expect(excel.model.activeSheet).toBe("Proposal 2026-12-01");
  });
});

function widthOf(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

describe("cell values", () => {
  it("quote only text that Excel could read as something else", () => {
    expect(cellValue("Topic 3")).toBe("Topic 3");
    expect(cellValue("Error")).toBe("Error");
    expect(cellValue("=1+1")).toBe("'=1+1");
    expect(cellValue("2028")).toBe("'2028");
    expect(cellValue(2028)).toBe(2028);
    expect(cellValue(null)).toBe("");
    expect(mayBeParsed("Jan 2027")).toBe(true);
    expect(mayBeParsed("January meeting")).toBe(false);
    expect(mayBeParsed("Topic 3")).toBe(false);
  });

  it("tell ops that change a sheet's visibility, and drop notes when notes cannot be written", () => {
    const ops: SheetOp[] = [
      { op: "addSheet", sheet: "A", visibility: "visible" },
      { op: "addNote", sheet: "A", row: 1, column: 1, text: "x", width: 1, height: 1 },
    ];
    expect(changesVisibility(ops)).toBe(false);
    expect(changesVisibility([{ op: "setVisibility", sheet: "A", visibility: "veryHidden" }])).toBe(true);
    expect(withoutNotes(ops)).toEqual([ops[0]]);
  });
});
