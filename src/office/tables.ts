/// <reference types="office-js" />
/**
 * The input tables' cells, queued before a sync and read after it, as the engine expects them:
 * text as text, numbers as numbers, blanks as null, errors as their text; a hidden header row's
 * column names; no totals row.
 */
import { INPUT_TABLES } from "../domain/layout";
import type { CellValue, SheetTable } from "../domain/tables";
import { parseArea } from "./address";
import { engineValue } from "./cells";

type Deferred<T> = () => T;

export interface QueuedCells {
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
}

/** Queues a table's name, sheet, cells and column names. */
export function queueCellsOf(context: Excel.RequestContext, name: string): QueuedCells {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name, showHeaders, showTotals");
  table.worksheet.load("name");
  const range = table.getRange();
  range.load("address, values, valueTypes");
  const columns = table.columns;
  columns.load("items/name");
  return { table, range, columns };
}

export function sheetTableOf({ table, range, columns }: QueuedCells): SheetTable {
  const area = parseArea(range.address);
  const types = range.valueTypes as unknown as (string | undefined)[][];
  const cells: CellValue[][] = range.values.map((row, r) => row.map((value, c) => engineValue(value, types[r]?.[c])));
  const headers = table.showHeaders === false ? columns.items.map((column) => column.name) : (cells.shift() ?? []);
  if (table.showTotals === true) cells.pop();
  return {
    name: table.name,
    sheet: table.worksheet.name,
    top: table.showHeaders === false ? area.top - 1 : area.top,
    left: area.left,
    headers,
    rows: cells,
  };
}

/** Queues every input table of the layout; after the sync, those that exist, in the layout's order. */
export function queueInputTables(
  context: Excel.RequestContext,
  exists: (table: string) => boolean = () => true,
): Deferred<SheetTable[]> {
  // Tables known to be missing are not asked for: nothing is reached through a null object.
  const queued = INPUT_TABLES.filter((layout) => exists(layout.table)).map((layout) =>
    queueCellsOf(context, layout.table),
  );
  return () => queued.filter((cells) => cells.table.isNullObject !== true).map(sheetTableOf);
}

/**
 * The input tables as one string: where each is and every value it holds. Two reads with the same
 * fingerprint saw the same tables; the check compares the one it read with one taken in its
 * write batch to tell whether the workbook changed in between.
 */
export function fingerprint(tables: readonly SheetTable[]): string {
  return JSON.stringify(tables.map((t) => [t.name, t.sheet, t.top, t.left, t.headers, t.rows]));
}
