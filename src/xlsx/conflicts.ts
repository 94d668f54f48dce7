/** The Conflicts table: rewritten on every check, with two caption lines above it. */
import type ExcelJS from "exceljs";
import { captionRows, type ConflictsTable } from "../domain/annotations";
import { CONFLICTS_HEADER_ROW } from "../domain/defaults";
import { CONFLICTS } from "../domain/layout";
import { CONFLICTS_COLUMNS } from "../domain/write/conflicts";
import { fittedHeight } from "../domain/write/sheets";
import { removeTableModel, tableModels } from "./excelModel";
import { parseRange, type CellRange } from "./range";
import { freezeAbove, setColumn, TABLE_STYLE, printToPageWidth } from "./style";
import { forgetTable } from "./userParts";

/** A caption line's row: one line of 11 pt with room to spare, so that two lines never touch. */
const CAPTION_HEIGHT = 18;

type TableTheme = NonNullable<ExcelJS.TableStyleProperties["theme"]>;

interface Placement {
  sheet: ExcelJS.Worksheet;
  top: number;
  left: number;
  name: string;
  theme: string;
}

function writeCaption(place: Placement, caption: readonly [string, string]): void {
  const rows = captionRows(place.top);
  const lines = rows.length === 2 ? caption : [caption.join(" ")];
  rows.forEach((row, i) => {
    place.sheet.getCell(row, place.left).value = lines[i] ?? null;
    place.sheet.getRow(row).height = CAPTION_HEIGHT;
  });
}

export function addConflictsTable(place: Placement, conflicts: Omit<ConflictsTable, "sheet">): CellRange {
  forgetTable(place.sheet.workbook, place.name);
  writeCaption(place, conflicts.caption);
  const rows = conflicts.rows.length > 0 ? conflicts.rows : [conflicts.headers.map(() => null)];
  place.sheet.addTable({
    name: place.name,
    ref: place.sheet.getCell(place.top, place.left).address,
    headerRow: true,
    style: { theme: place.theme as TableTheme, showRowStripes: true },
    columns: conflicts.headers.map((name) => ({ name, filterButton: true })),
    rows,
  });
  [[...conflicts.headers], ...rows].forEach((row, i) => {
    place.sheet.getRow(place.top + i).height = fittedHeight(row, CONFLICTS_COLUMNS);
  });
  return {
    top: place.top,
    left: place.left,
    bottom: place.top + rows.length,
    right: place.left + conflicts.headers.length - 1,
  };
}

export function addConflictsSheet(workbook: ExcelJS.Workbook, sheetName: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(sheetName);
  CONFLICTS_COLUMNS.forEach(({ width, wrap }, i) => {
    setColumn(sheet, i + 1, width, wrap);
    sheet.getColumn(i + 1).alignment = { wrapText: wrap, vertical: "top" };
  });
  freezeAbove(sheet, CONFLICTS_HEADER_ROW);
  printToPageWidth(sheet, CONFLICTS_HEADER_ROW);
  return sheet;
}

function inside(range: CellRange, row: number, column: number): boolean {
  return row >= range.top && row <= range.bottom && column >= range.left && column <= range.right;
}

function clearOutside(sheet: ExcelJS.Worksheet, old: CellRange, kept: CellRange): void {
  for (let row = old.top; row <= old.bottom; row++) {
    for (let column = old.left; column <= old.right; column++) {
      const cell = sheet.findCell(row, column);
      if (cell && !inside(kept, row, column)) cell.value = null;
    }
  }
}

/** Replaces the Conflicts table where it is, or makes it (and its sheet) where the layout puts it. */
export function putConflicts(workbook: ExcelJS.Workbook, conflicts: ConflictsTable): void {
  for (const sheet of workbook.worksheets) {
    const model = tableModels(sheet).find((table) => table.name.toLowerCase() === CONFLICTS.table.toLowerCase());
    if (!model) continue;
    const old = parseRange(model.tableRef ?? "");
    removeTableModel(sheet, model.name);
    const place = { sheet, top: old.top, left: old.left, name: model.name, theme: model.style?.theme ?? TABLE_STYLE };
    clearOutside(sheet, old, addConflictsTable(place, conflicts));
    return;
  }
  const sheet = workbook.getWorksheet(conflicts.sheet) ?? addConflictsSheet(workbook, conflicts.sheet);
  addConflictsTable(
    { sheet, top: CONFLICTS_HEADER_ROW, left: 1, name: CONFLICTS.table, theme: TABLE_STYLE },
    conflicts,
  );
}
