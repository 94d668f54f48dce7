/** Shared pieces of the descriptions: the product's sheets, their look, and who holds which cell. */
import { areaOf, inArea, type Area } from "../areas";
import type { CellPlace, SheetOp, SheetState, Visibility, WorkbookState, Written } from "../sheetOps";
import { sheetText } from "../messages/sheets";
import { textWidth } from "./textWidth";

export const TABLE_STYLE = "TableStyleMedium2";
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export function findSheet(state: Pick<WorkbookState, "sheets">, name: string): SheetState | undefined {
  return state.sheets.find((sheet) => sheet.name.toLowerCase() === name.toLowerCase());
}

/**
 * A sheet of the product's, added when missing and given the visibility it must have. `added`
 * collects the sheets this description adds, so that no sheet is added twice.
 */
export function ensureSheet(state: WorkbookState, name: string, visibility: Visibility, added: Set<string>): SheetOp[] {
  const key = name.toLowerCase();
  if (added.has(key)) return [];
  const sheet = findSheet(state, name);
  added.add(key);
  if (!sheet) return [{ op: "addSheet", sheet: name, visibility }];
  return sheet.visibility === visibility ? [] : [{ op: "setVisibility", sheet: sheet.name, visibility }];
}

/** A width in characters that shows the longest text, up to a limit past which the text wraps. */
export function fittedWidth(texts: readonly unknown[]): { width: number; wrap: boolean } {
  const longest = Math.max(0, ...texts.map((text) => String(text ?? "").length)) + 2;
  return { width: Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, longest)), wrap: longest > MAX_WIDTH };
}

export function column(sheet: string, index: number, width: number, wrap: boolean, rows?: Area): SheetOp[] {
  const ops: SheetOp[] = [{ op: "columnWidth", sheet, column: index, width }];
  if (wrap && rows) ops.push({ op: "format", sheet, area: rows, format: { wrap: true, verticalTop: true } });
  return ops;
}

/**
 * Characters of column width that A4 landscape (margins of 0.7 inch) holds at full size where
 * LibreOffice stands in DejaVu Sans for Calibri. Measured from the word boxes of its PDF: 125
 * characters printed 11 pt text at 9.2 pt, 142 at 8.1 pt and 134.5 at 8.6 pt (fitted to the page
 * width, the scale is this over the sheet's width). Excel with Calibri prints the same sheet larger.
 */
export const A4_LANDSCAPE_CHARACTERS = 104;

/** The size in points that text of `size` prints at on a sheet of columns this wide, fitted to A4 landscape. */
export function printedSize(widths: readonly number[], size = 11): number {
  const total = widths.reduce((sum, width) => sum + width, 0);
  return total <= A4_LANDSCAPE_CHARACTERS ? size : (size * A4_LANDSCAPE_CHARACTERS) / total;
}

/** Printed landscape, as wide as the page: how Bureau members read the product's sheets on paper. */
export function printedLandscape(
  sheet: string,
  titleRows?: { top: number; bottom: number },
): Extract<SheetOp, { op: "pageSetup" }> {
  return {
    op: "pageSetup",
    sheet,
    landscape: true,
    paper: "A4",
    fitToWidth: true,
    titleRows,
    footer: sheetText("p.footer"),
  };
}

/**
 * Printed landscape at full size, as many pages across as the columns take, the `titleColumns`
 * (the labels) repeated at the left of every page and the pages numbered across, then down: for a
 * sheet too wide to fit one page at a legible size.
 */
export function printedAcross(
  sheet: string,
  titleRows: { top: number; bottom: number },
  titleColumns: { left: number; right: number },
  fitToWidth: boolean,
): SheetOp {
  return { ...printedLandscape(sheet, titleRows), fitToWidth, titleColumns, overThenDown: true };
}

export function values(sheet: string, top: number, left: number, rows: Written[][]): SheetOp {
  return { op: "setValues", sheet, top, left, values: rows };
}

export function blockOf(top: number, left: number, rows: readonly (readonly unknown[])[]): Area {
  return areaOf(top, left, rows.length, Math.max(1, ...rows.map((row) => row.length)));
}

/** The filled cells of `sheet` inside `area`. */
export function filledIn(state: WorkbookState, sheet: string, area: Area): CellPlace[] {
  const key = sheet.toLowerCase();
  return state.filledCells.filter((c) => c.sheet.toLowerCase() === key && inArea(area, c.row, c.column));
}

/**
 * Points a line of the default font (11 pt) takes, and the padding of a row. Excel's own pitch:
 * its default row for Calibri 11 is 15 pt (20 pixels), and a wrapped cell adds a line of that height
 * per line; LibreOffice needs about 13.5 pt a line (13.45 n + 1.5 for n lines, its optimal height
 * with DejaVu Sans or Carlito). A row is never made tighter than Excel's pitch: 15 n + 1 leaves
 * LibreOffice about a tenth to spare, where Excel would cut the last line of a tighter row.
 */
const LINE_HEIGHT = 15;
const ROW_PADDING = 1;

/**
 * The share of a column's width that a wrapped line fills, measured in DejaVu Sans digits
 * (textWidth). LibreOffice makes a column `w` digits of its font wide and fills a line to about
 * w − 0.5 (measured: 23.95 digits fitted a 25-wide column, 25.1 did not; 49.4 fitted 52, 54.4 did
 * not). Excel makes it 7w + 5 pixels while Calibri's digit is 7.4 pixels at 11 pt, and Calibri's
 * letters are some 4 % wider than DejaVu's beside their digit: a line there holds about 0.91 w of
 * these digits. 0.9 counts the lines Excel breaks into, so that no text is cut there either.
 */
const LINE_FILL = 0.9;

/**
 * Lines a text takes in a column `width` characters wide when it wraps: word by word, as the
 * spreadsheet breaks it (a word longer than a line broken where the line ends).
 */
export function wrappedLines(text: string, width: number, size = 11, bold = false): number {
  const room = Math.max(1, width * LINE_FILL * (11 / size));
  const space = textWidth(" ", bold);
  return text.split("\n").reduce((lines, paragraph) => {
    let count = 1;
    let used = 0;
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const length = textWidth(word, bold);
      if (used > 0 && used + space + length <= room) {
        used += space + length;
        continue;
      }
      if (used > 0) count += 1;
      count += Math.max(0, Math.ceil(length / room) - 1);
      used = length - Math.max(0, Math.ceil(length / room) - 1) * room;
    }
    return lines + count;
  }, 0);
}

/** A column of a sheet the product writes: its width in characters, whether it wraps, whether its text is bold. */
export interface WrappedColumn {
  width: number;
  wrap: boolean;
  bold?: boolean;
}

/** The height of a row whose cells hold `texts` in columns of these widths (wrapped where `wrap`). */
export function fittedHeight(texts: readonly unknown[], columns: readonly WrappedColumn[], size = 11) {
  const lines = texts.map((text, i) => {
    const column = columns[i];
    const wraps = column?.wrap && text !== null && text !== undefined;
    return wraps ? wrappedLines(String(text), column.width, size, column.bold) : 1;
  });
  return Math.max(1, ...lines) * LINE_HEIGHT * (size / 11) + ROW_PADDING;
}

/** A rowHeight op for every row of `grid` written from `top` that needs more than one line. */
export function rowHeights(
  sheet: string,
  top: number,
  grid: readonly (readonly unknown[])[],
  columns: readonly WrappedColumn[],
  size = 11,
): SheetOp[] {
  return grid.flatMap((row, i) => {
    const height = fittedHeight(row, columns, size);
    return height > LINE_HEIGHT * (size / 11) + ROW_PADDING
      ? [{ op: "rowHeight", sheet, row: top + i, height } as SheetOp]
      : [];
  });
}

/**
 * A line longer than a table is wide (a caption, a what-if banner, a block's title): one cell
 * merged across the table's `columns` (`characters` wide), wrapped and as tall as its text, so that
 * it never runs past the last column, where LibreOffice widened the printed page and shrank it all.
 */
export function lineAcross(sheet: string, at: CellPlace, text: string, columns: number, characters: number) {
  const height = Math.max(LINE_HEIGHT + ROW_PADDING, fittedHeight([text], [{ width: characters, wrap: true }]));
  return [
    { op: "merge", sheet, area: areaOf(at.row, at.column, 1, columns) },
    { op: "format", sheet, area: areaOf(at.row, at.column, 1, 1), format: { wrap: true, verticalTop: true } },
    { op: "rowHeight", sheet, row: at.row, height },
  ] as SheetOp[];
}

/** The ops with every sheet added once: two descriptions written together (an edit and its check) may both add it. */
export function addingEachSheetOnce(ops: readonly SheetOp[]): SheetOp[] {
  const added = new Set<string>();
  return ops.filter((op) => {
    if (op.op !== "addSheet") return true;
    const key = op.sheet.toLowerCase();
    if (added.has(key)) return false;
    added.add(key);
    return true;
  });
}
