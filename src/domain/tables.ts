/**
 * The workbook as the engine sees it: Excel tables found by name, each with its sheet, its
 * position and its raw cell values. Adapters (.xlsx, Office.js) produce this; nothing here
 * knows where it came from.
 */
export type CellValue = unknown;

/**
 * A formula cell whose file keeps no result (written by a program that does not calculate): the
 * .xlsx adapter gives this for a table's body cell, so that a finding says so rather than "blank".
 */
export const UNSAVED_FORMULA: Readonly<{ unsavedFormula: true }> = Object.freeze({ unsavedFormula: true });

export function isUnsavedFormula(value: CellValue): boolean {
  return value === UNSAVED_FORMULA;
}

export interface SheetTable {
  /** Table (ListObject) name as the workbook spells it. */
  name: string;
  sheet: string;
  /** 1-based row of the header row. */
  top: number;
  /** 1-based column of the first column. */
  left: number;
  headers: CellValue[];
  /** Data body, one array per row, in sheet order. */
  rows: CellValue[][];
}

/** Tables keyed by lower-case name (Excel table names are case-insensitive). */
export type WorkbookTables = ReadonlyMap<string, SheetTable>;

export function tablesByName(tables: Iterable<SheetTable>): WorkbookTables {
  const map = new Map<string, SheetTable>();
  for (const table of tables) map.set(table.name.toLowerCase(), table);
  return map;
}

export function findTable(tables: WorkbookTables, name: string): SheetTable | undefined {
  return tables.get(name.toLowerCase());
}

export function columnLetters(column: number): string {
  let letters = "";
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

export function a1(row: number, column: number): string {
  return `${columnLetters(column)}${row}`;
}

/** Header text for matching: case and spacing ignored; a header that is not text or a number matches nothing. */
export function normalizeHeader(header: CellValue): string {
  if (typeof header === "number" && Number.isFinite(header)) return String(header);
  return typeof header === "string" ? header.trim().replace(/\s+/g, " ").toLowerCase() : "";
}

/** A located cell of one table: its value and where it is. */
export interface TableCell {
  sheet: string;
  row: number;
  column: number;
  value: CellValue;
}

/** Column positions of one table, by the header texts the layout contract names. */
export interface ColumnIndex {
  table: SheetTable;
  /** Index into a row for each found column; missing columns are absent. */
  positions: Map<string, number>;
  missing: string[];
}

export function indexColumns(
  table: SheetTable,
  required: readonly string[],
  optional: readonly string[] = [],
): ColumnIndex {
  const normalized = table.headers.map(normalizeHeader);
  const positions = new Map<string, number>();
  const missing: string[] = [];
  for (const header of [...required, ...optional]) {
    const at = normalized.indexOf(header.toLowerCase());
    if (at >= 0) positions.set(header, at);
    else if (required.includes(header)) missing.push(header);
  }
  return { table, positions, missing };
}

export function cellOf(index: ColumnIndex, rowIndex: number, header: string): TableCell | undefined {
  const column = index.positions.get(header);
  if (column === undefined) return undefined;
  const { table } = index;
  return {
    sheet: table.sheet,
    row: table.top + 1 + rowIndex,
    column: table.left + column,
    value: table.rows[rowIndex]?.[column] ?? null,
  };
}
