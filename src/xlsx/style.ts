/** How the product's sheets look: table style, column widths, frozen headers. */
import type ExcelJS from "exceljs";
import type { SheetOp } from "../domain/sheetOps";
import { a1 } from "../domain/tables";

export const TABLE_STYLE = "TableStyleMedium2";
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export function setColumn(worksheet: ExcelJS.Worksheet, column: number, width: number, wrap: boolean): void {
  const sheetColumn = worksheet.getColumn(column);
  sheetColumn.width = width;
  if (wrap) sheetColumn.alignment = { wrapText: true, vertical: "top" };
}

/** A width that shows the longest text, up to a limit beyond which the text wraps. */
export function fitColumn(worksheet: ExcelJS.Worksheet, column: number, texts: readonly unknown[]): void {
  const longest = Math.max(0, ...texts.map((text) => String(text ?? "").length)) + 2;
  setColumn(worksheet, column, Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest)), longest > MAX_WIDTH);
}

export function freezeAbove(worksheet: ExcelJS.Worksheet, row: number): void {
  worksheet.views = [
    { state: "frozen", xSplit: 0, ySplit: row, topLeftCell: a1(row + 1, 1), activeCell: a1(row + 1, 1) },
  ];
}

/** Printed landscape, as wide as the page: how Bureau members read the product's sheets on paper. */
export function printToPageWidth(worksheet: ExcelJS.Worksheet, headerRow?: number): void {
  Object.assign(worksheet.pageSetup, {
    orientation: "landscape",
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(headerRow ? { printTitlesRow: `${headerRow}:${headerRow}` } : {}),
  });
  worksheet.headerFooter.oddFooter = "&CPage &P of &N";
}

/** The row heights the core's description gives (rowHeight ops), as this writer applies them. */
export function applyHeights(worksheet: ExcelJS.Worksheet, ops: readonly SheetOp[]): void {
  for (const op of ops) if (op.op === "rowHeight") worksheet.getRow(op.row).height = op.height;
}
