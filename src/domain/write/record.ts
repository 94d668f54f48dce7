/**
 * The product's record of what it wrote: its conditional-format rules, its notes and the cells it
 * filled outside its tables. It lives on the very-hidden lists sheet, in columns D to G, so that a
 * user's note or rule that looks like ours is never taken for ours (workbook.md).
 */
import { areaAddress, areaOfAddress, parseA1 } from "../areas";
import type { Area, CellPlace, ProductRecord, SheetOp, Written } from "../sheetOps";
import { a1, type CellValue } from "../tables";
import { LISTS_SHEET } from "../annotations";

export const RECORD_SHEET = LISTS_SHEET;
/** Column D: the lists take A and B. */
export const RECORD_LEFT = 4;
export const RECORD_WIDTH = 4;
export const RECORD_TITLE = "Workplan Checker record: what the add-in and the command line wrote. Do not edit.";

export const EMPTY_RECORD: ProductRecord = { rules: [], notes: [], cells: [] };

type Kind = "rule" | "note" | "cell" | "sheet";

function text(value: CellValue): string {
  return typeof value === "string" ? value : "";
}

function place(sheet: string, address: string): CellPlace | null {
  const at = parseA1(address);
  return sheet && at.row > 0 ? { sheet, row: at.row, column: at.column } : null;
}

function addEntry(record: ProductRecord, row: readonly CellValue[]): void {
  const [kind, sheet, address, formula] = row.map(text) as [string, string, string, string];
  if (kind === "rule") {
    const area = areaOfAddress(address);
    if (sheet && area && formula) record.rules.push({ sheet, area, formula });
  } else if (kind === "note") {
    const at = place(sheet, address);
    if (at) record.notes.push(at);
  } else if (kind === "cell") {
    const at = place(sheet, address);
    if (at) record.cells.push({ ...at, text: formula });
  } else if (kind === "sheet" && sheet) {
    record.sheets = [...(record.sheets ?? []), sheet];
  }
}

/**
 * The record in the lists sheet's values, given as a grid whose top-left cell is at `origin`; null
 * when the sheet holds no record (its title is not in D1).
 */
export function recordFromSheet(
  grid: readonly (readonly CellValue[])[],
  origin: { top: number; left: number },
): ProductRecord | null {
  const cell = (row: number, column: number): CellValue => grid[row - origin.top]?.[column - origin.left] ?? null;
  if (cell(1, RECORD_LEFT) !== RECORD_TITLE) return null;
  const record: ProductRecord = { rules: [], notes: [], cells: [] };
  for (let row = 2; row < origin.top + grid.length; row++) {
    addEntry(
      record,
      [0, 1, 2, 3].map((i) => cell(row, RECORD_LEFT + i)),
    );
  }
  return record;
}

function entry(kind: Kind, sheet: string, address: string, formula: string | null = null): Written[] {
  return [kind, sheet, address, formula];
}

function entries(record: ProductRecord): Written[][] {
  return [
    ...record.rules.map((r) => entry("rule", r.sheet, areaAddress(r.area), r.formula)),
    ...record.notes.map((n) => entry("note", n.sheet, a1(n.row, n.column))),
    ...record.cells.map((c) => entry("cell", c.sheet, a1(c.row, c.column), c.text ?? "")),
    ...(record.sheets ?? []).map((sheet) => entry("sheet", sheet, "")),
  ];
}

/**
 * Rewrites the record in place: the rows the record's columns held (`usedBottom`, the lists
 * sheet's last used row, 0 for none) emptied, the new entries written.
 */
export function writeRecord(record: ProductRecord, usedBottom: number): SheetOp[] {
  const rows: Written[][] = [[RECORD_TITLE, null, null, null], ...entries(record)];
  const ops: SheetOp[] = [];
  if (usedBottom > rows.length) {
    const stale: Area = { top: rows.length + 1, left: RECORD_LEFT, bottom: usedBottom, right: RECORD_LEFT + 3 };
    ops.push({ op: "clearValues", sheet: RECORD_SHEET, area: stale });
  }
  ops.push({ op: "setValues", sheet: RECORD_SHEET, top: 1, left: RECORD_LEFT, values: rows });
  return ops;
}

export function samePlace(a: CellPlace, b: CellPlace): boolean {
  return a.sheet.toLowerCase() === b.sheet.toLowerCase() && a.row === b.row && a.column === b.column;
}
