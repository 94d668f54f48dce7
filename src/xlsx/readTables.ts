/**
 * Every table of every sheet, read from the sheet's cells inside the table's range: what the user
 * sees after moving, sorting or widening a table, not ExcelJS's copy of the table's rows.
 */
import type ExcelJS from "exceljs";
import type { SheetTable } from "../domain/tables";
import { plainValue, type PlainValue } from "./cells";
import { tableModels, type TableModel } from "./excelModel";
import { parseRange } from "./range";

function rowValues(worksheet: ExcelJS.Worksheet, row: number, left: number, right: number): PlainValue[] {
  const values: PlainValue[] = [];
  for (let column = left; column <= right; column++) values.push(plainValue(worksheet.findCell(row, column)?.value));
  return values;
}

function readTable(worksheet: ExcelJS.Worksheet, model: TableModel): SheetTable {
  const { top, left, bottom, right } = parseRange(model.tableRef ?? "");
  const hasHeader = model.headerRow !== false;
  const bodyTop = hasHeader ? top + 1 : top;
  const bodyBottom = model.totalsRow ? bottom - 1 : bottom;
  const rows: PlainValue[][] = [];
  for (let row = bodyTop; row <= bodyBottom; row++) rows.push(rowValues(worksheet, row, left, right));
  return {
    name: model.name,
    sheet: worksheet.name,
    top: bodyTop - 1,
    left,
    headers: hasHeader ? rowValues(worksheet, top, left, right) : model.columns.map((column) => column.name),
    rows,
  };
}

export function readTables(workbook: ExcelJS.Workbook): SheetTable[] {
  return workbook.worksheets.flatMap((worksheet) => tableModels(worksheet).map((model) => readTable(worksheet, model)));
}
