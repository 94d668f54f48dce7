/**
 * A worksheet's cells as Excel shows them: shared and inline strings (rich text joined), cached
 * formula results, booleans, errors as their text, and numbers in a date format as dates (in the
 * workbook's date system). Rows and cells without an `r` follow the one before, as the schema says.
 */
import type { PlainValue } from "../cells";
import { MAX_ROW, parseCell } from "./cellRefs";
import { isMain, type XlsxPackage } from "./package";
import { attr, type XmlElement } from "./xmlTree";

export interface CellEntry {
  element: XmlElement;
  column: number;
}

export interface RowEntry {
  element: XmlElement;
  row: number;
  cells: CellEntry[];
}

export interface SheetCells {
  root: XmlElement;
  sheetData: XmlElement | undefined;
  rows: RowEntry[];
  byRow: Map<number, Map<number, XmlElement>>;
  /** The last row that stores a cell, 0 when none. */
  lastRow: number;
}

const cellsCache = new WeakMap<XmlElement, SheetCells>();

function mainChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local && isMain(c.uri));
}

function readRow(element: XmlElement, row: number): RowEntry {
  const cells: CellEntry[] = [];
  let column = 0;
  for (const cell of element.children) {
    if (cell.local !== "c" || !isMain(cell.uri)) continue;
    const ref = attr(cell, "r");
    const at = ref === undefined ? undefined : parseCell(ref);
    if (ref !== undefined && !at) {
      // a reference outside the grid: kept (and copied when its row is rewritten), never read or written over
      cells.push({ element: cell, column: 0 });
      continue;
    }
    column = at ? at.column : column + 1;
    cells.push({ element: cell, column });
  }
  return { element, row, cells };
}

export function sheetCells(pkg: XlsxPackage, part: string): SheetCells {
  const root = pkg.tree(part);
  const cached = cellsCache.get(root);
  if (cached) return cached;
  const sheetData = mainChild(root, "sheetData");
  const rows: RowEntry[] = [];
  const byRow = new Map<number, Map<number, XmlElement>>();
  let row = 0;
  for (const element of sheetData?.children ?? []) {
    if (element.local !== "row" || !isMain(element.uri)) continue;
    const written = Number(attr(element, "r"));
    row = Number.isInteger(written) && written >= 1 && written <= MAX_ROW ? written : row + 1;
    const entry = readRow(element, row);
    rows.push(entry);
    let cells = byRow.get(row);
    if (!cells) byRow.set(row, (cells = new Map()));
    for (const cell of entry.cells) if (cell.column > 0) cells.set(cell.column, cell.element);
  }
  const lastRow = rows.reduce((last, entry) => (entry.cells.length > 0 ? Math.max(last, entry.row) : last), 0);
  const result = { root, sheetData, rows, byRow, lastRow };
  cellsCache.set(root, result);
  return result;
}

/** Excel's `_xHHHH_` escapes in stored strings, as the text they stand for. */
export function unescapeStored(text: string): string {
  if (!text.includes("_x")) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The text of a string item (`si` or `is`): its `t`, or its runs' `t`s; phonetic runs left out. */
export function stringItemText(item: XmlElement): string {
  const parts: string[] = [];
  for (const c of item.children) {
    if (!isMain(c.uri)) continue;
    if (c.local === "t") parts.push(c.text);
    else if (c.local === "r") for (const t of c.children) if (t.local === "t" && isMain(t.uri)) parts.push(t.text);
  }
  return unescapeStored(parts.join(""));
}

export interface ValueContext {
  sharedStrings: readonly string[];
  dateStyles: ReadonlySet<number>;
  date1904: boolean;
}

/** The same conversion ExcelJS makes, so both readers give the engine the same date. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

function isoDate(text: string): Date | null {
  const trimmed = text.trim();
  const zoned = /(Z|[+-]\d\d:?\d\d)$/.test(trimmed) || !trimmed.includes("T") ? trimmed : `${trimmed}Z`;
  const date = new Date(zoned);
  return Number.isNaN(date.getTime()) ? null : date;
}

function numberValue(text: string, cell: XmlElement, context: ValueContext): PlainValue {
  if (text.trim() === "") return null;
  const n = Number(text);
  if (!Number.isFinite(n)) return null;
  const style = Number(attr(cell, "s") ?? 0);
  return context.dateStyles.has(style) ? serialToDate(n, context.date1904) : n;
}

function childText(cell: XmlElement, local: string): string | undefined {
  const found = cell.children.find((c) => c.local === local && isMain(c.uri));
  return found?.text;
}

export function cellValue(cell: XmlElement, context: ValueContext): PlainValue {
  const type = attr(cell, "t") ?? "n";
  if (type === "inlineStr") {
    const item = cell.children.find((c) => c.local === "is" && isMain(c.uri));
    return item ? stringItemText(item) : (childText(cell, "v") ?? null);
  }
  const v = childText(cell, "v");
  if (v === undefined) return null;
  switch (type) {
    case "s":
      return context.sharedStrings[Number(v)] ?? null;
    case "str":
      return unescapeStored(v);
    case "b":
      return v.trim() === "1" || v.trim() === "true";
    case "e":
      return v;
    case "d":
      return isoDate(v);
    default:
      return numberValue(v, cell, context);
  }
}

/** Whether the cell holds a value or a formula (a cell with only a format does not). */
export function holdsValue(cell: XmlElement): boolean {
  for (const c of cell.children) {
    if (!isMain(c.uri)) continue;
    if (c.local === "f" || c.local === "is") return true;
    if (c.local === "v" && c.text !== "") return true;
  }
  return false;
}
