/**
 * The secretariat's existing workbook (issue 12 item 7): plain ranges whose header row is one of
 * the layout's tables (docs/workbook.md: headers in any order and case, surrounding spaces
 * ignored, extra columns kept), on any sheet, and the input tables that are missing. A range
 * runs from its header row down to the sheet's last used row, or to just above the next header
 * row or table below it in the same columns.
 */
import type { Area } from "./areas";
import { INPUT_TABLES, REQUIRED_COLUMNS, type TableLayout } from "./layout";
import type { PlacedTable, SheetHead, WorkbookState } from "./sheetOps";
import { normalizeHeader } from "./tables";

/** How many of a sheet's first used rows are searched for a header row. */
export const HEAD_ROWS = 10;

/** A plain range that holds one of the layout's tables. */
export interface PlainRange {
  /** The layout's table name, which the range takes when converted. */
  table: string;
  sheet: string;
  /** Header row included. */
  area: Area;
}

/** The input tables the workbook lacks, in the layout's order. */
export function missingTables(state: Pick<WorkbookState, "tables">): string[] {
  const present = new Set(state.tables.map((t) => t.name.toLowerCase()));
  return INPUT_TABLES.map((layout) => layout.table).filter((name) => !present.has(name.toLowerCase()));
}

/** The headers a header row must hold to be the table's: those the engine reads (all, for a table it reads one of). */
function keyHeaders(layout: TableLayout): string[] {
  const required = REQUIRED_COLUMNS[layout.table] ?? layout.columns;
  return (required.length > 1 ? required : layout.columns).map((header) => header.toLowerCase());
}

/** The table a run of header cells is: the one whose key headers are all there, with the most of its columns there. */
function layoutOf(headers: readonly string[]): TableLayout | null {
  let best: TableLayout | null = null;
  let bestCount = 0;
  for (const layout of INPUT_TABLES) {
    if (!keyHeaders(layout).every((header) => headers.includes(header))) continue;
    const count = layout.columns.filter((column) => headers.includes(column.toLowerCase())).length;
    if (count > bestCount) [best, bestCount] = [layout, count];
  }
  return best;
}

/** Runs of adjacent text cells in a row, as column offsets (inclusive). */
function textRuns(row: readonly unknown[]): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  row.forEach((value, i) => {
    if (typeof value !== "string" || value.trim() === "") return;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  });
  return runs;
}

interface HeaderRow {
  table: string;
  sheet: string;
  row: number;
  left: number;
  right: number;
}

function overlapsColumns(a: { left: number; right: number }, b: { left: number; right: number }): boolean {
  return a.left <= b.right && b.left <= a.right;
}

function inTable(tables: readonly PlacedTable[], sheet: string, row: number, left: number, right: number): boolean {
  return tables.some(
    (t) =>
      t.sheet.toLowerCase() === sheet.toLowerCase() &&
      row >= t.area.top &&
      row <= t.area.bottom &&
      overlapsColumns(t.area, { left, right }),
  );
}

function headerRows(head: SheetHead, tables: readonly PlacedTable[]): HeaderRow[] {
  return head.rows.flatMap((values, r) =>
    textRuns(values).flatMap(({ from, to }) => {
      const layout = layoutOf(values.slice(from, to + 1).map(normalizeHeader));
      const at = { sheet: head.sheet, row: head.top + r, left: head.left + from, right: head.left + to };
      return layout && !inTable(tables, at.sheet, at.row, at.left, at.right) ? [{ table: layout.table, ...at }] : [];
    }),
  );
}

/** The last row of a range: above the next header row or table below it in the same columns, else the sheet's last. */
function bottomOf(header: HeaderRow, others: readonly HeaderRow[], tables: readonly PlacedTable[], last: number) {
  const below = [
    ...others.filter((o) => o.row > header.row && overlapsColumns(o, header)).map((o) => o.row),
    ...tables
      .filter((t) => t.sheet.toLowerCase() === header.sheet.toLowerCase())
      .filter((t) => t.area.top > header.row && overlapsColumns(t.area, header))
      .map((t) => t.area.top),
  ];
  // A table has at least one body row: a header row with nothing below takes the empty row under it.
  return Math.max(header.row + 1, Math.min(last, ...below.map((row) => row - 1)));
}

/** The plain ranges of the tables the workbook lacks, sheet by sheet, top to bottom. */
export function findPlainRanges(state: Pick<WorkbookState, "tables" | "plain">): PlainRange[] {
  if (!state.plain) return [];
  const missing = new Set(missingTables(state).map((name) => name.toLowerCase()));
  const { heads, tables } = state.plain;
  return heads.flatMap((head) => {
    const rows = headerRows(head, tables);
    return rows
      .filter((header) => missing.has(header.table.toLowerCase()))
      .map((header) => ({
        table: header.table,
        sheet: header.sheet,
        area: {
          top: header.row,
          left: header.left,
          bottom: bottomOf(header, rows, tables, head.bottom),
          right: header.right,
        },
      }));
  });
}
