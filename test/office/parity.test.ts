/**
 * The same check through both adapters: the command line's ExcelJS adapter (src/xlsx) on an
 * ExcelJS workbook, and the Office.js adapter on the fake Excel holding the same tables. Both
 * apply the one description describeAnnotations computes, so the flags, the notes, the Conflicts
 * sheet, the lists and the rules' formulas must come out the same.
 */
import type ExcelJS from "exceljs";
import {
  checkTime,
  describeAnnotations,
  FLAGS_SHEET,
  FLEXIBLE_LIST_NAME,
  LISTS_SHEET,
  NOTE_MARK,
  TOPIC_LIST_NAME,
} from "../../src/domain/annotations";
import { checkWorkbook as engineCheck } from "../../src/domain/check";
import { ADOPTED_TOPIC_LABELS } from "../../src/domain/defaults";
import { tablesByName } from "../../src/domain/tables";
import { checkWorkbook } from "../../src/office";
import { applyAnnotations, buildDefaultWorkbook, readTables as readXlsx } from "../../src/xlsx";
import { conditionalFormats, existingCells, noteText } from "../../src/xlsx/excelModel";
import { areaName, fakeExcel, productNotes, sheet, valuesIn, withOffice } from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");

function grid(worksheet: ExcelJS.Worksheet | undefined, rows: number, columns: number): unknown[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: columns }, (_, c) => {
      const value = worksheet?.findCell(r + 1, c + 1)?.value;
      return value === undefined || value === "" ? null : value;
    }),
  );
}

function plainFormula(formula: string): string {
  return formula.replace(/^=/, "").replace(/'/g, "");
}

describe("the Office.js adapter and the ExcelJS adapter", () => {
  it("write the same flags, notes, Conflicts sheet, lists and rules for the same workbook", async () => {
    const book = buildDefaultWorkbook();
    const plan = book.getWorksheet("Workplan");
    if (!plan) throw new Error("no Workplan sheet");
    plan.getCell("E4").value = ADOPTED_TOPIC_LABELS[9] ?? null;
    plan.getCell("E11").value = ADOPTED_TOPIC_LABELS[2] ?? null;
    plan.getCell("B8").value = "20x9";
    plan.getCell("D5").value = "z";
    const tables = readXlsx(book);
    const byName = tablesByName(tables);
    const annotations = describeAnnotations(
      byName,
      engineCheck(byName, { currentYear: NOW.getFullYear() }),
      checkTime(NOW),
    );
    applyAnnotations(book, annotations);

    const excel = fakeExcel(tables);
    const restore = withOffice(excel);
    try {
      const outcome = await checkWorkbook(excel.run, { now: () => NOW });
      expect(outcome.annotations).toEqual(annotations);
    } finally {
      restore();
    }
    const model = excel.model;

    const range = annotations.highlights?.range ?? "";
    const [, lastRow = "0"] = /(\d+)$/.exec(range) ?? [];
    expect(grid(book.getWorksheet(FLAGS_SHEET), Number(lastRow), 6)).toEqual(
      valuesIn(sheet(model, FLAGS_SHEET), `A1:F${lastRow}`),
    );

    const xlsxNotes = book.worksheets.flatMap((ws) =>
      existingCells(ws)
        .filter((cell) => noteText(cell)?.startsWith(NOTE_MARK))
        .map((cell) => ({ sheet: ws.name, cell: cell.address, text: noteText(cell) })),
    );
    const sortNotes = (notes: { sheet: string; cell: string }[]) =>
      [...notes].sort((a, b) => `${a.sheet}!${a.cell}`.localeCompare(`${b.sheet}!${b.cell}`));
    expect(sortNotes(productNotes(model))).toEqual(sortNotes(xlsxNotes));
    expect(xlsxNotes.length).toBeGreaterThan(0);

    const height = 4 + annotations.conflicts.rows.length;
    // The colour legend (row 3) comes from the one description; the ExcelJS writer, which the
    // command line is leaving for the package patcher, predates it.
    const withoutLegend = (rows: unknown[][]) => rows.filter((_, i) => i !== 2);
    expect(withoutLegend(valuesIn(sheet(model, "Conflicts"), `A1:H${height + 2}`))).toEqual(
      withoutLegend(grid(book.getWorksheet("Conflicts"), height + 2, 8)),
    );
    expect(valuesIn(sheet(model, "Conflicts"), "A3:C3")).toEqual([["Error", "Warning", "Info"]]);

    const lists = annotations.lists;
    const listRows = Math.max(lists?.topics.length ?? 0, lists?.flexible.length ?? 0);
    expect(valuesIn(sheet(model, LISTS_SHEET), `A1:B${listRows}`)).toEqual(
      grid(book.getWorksheet(LISTS_SHEET), listRows, 2),
    );
    for (const name of [TOPIC_LIST_NAME, FLEXIBLE_LIST_NAME]) {
      const xlsxName = book.definedNames.model.find((n) => n.name === name);
      expect(plainFormula(model.name(name)?.formula ?? "")).toBe(plainFormula(xlsxName?.ranges[0] ?? ""));
    }

    const xlsxRules = conditionalFormats(plan).flatMap((format) =>
      format.rules.map((rule) => ({ ref: format.ref, formula: plainFormula(String(rule.formulae?.[0])) })),
    );
    const officeRules = sheet(model, "Workplan").conditionalFormats.map((f) => ({
      ref: areaName(f.area),
      formula: plainFormula(f.formula ?? ""),
    }));
    expect(officeRules).toEqual(xlsxRules);
  });
});
