/**
 * The legend of the highlights above the Workplan table: one line in the row just above it, which
 * runs on over the empty cells of that row as wide as the table and so never widens the printed
 * page. Written while the check highlights a finding, and only where that row is empty across the
 * table (or holds the product's legend): the record keeps it as the product's, so that the next
 * check rewrites it and Clear removes it. Beside the table it would widen the sheet's printed page;
 * below it, it would stand where Apply appends meetings and where a table grows as the user types.
 * A table in row 1 has no row above it: then there is no legend on the Workplan sheet, the
 * Conflicts sheet's legend tells the colours, and says so when a cell of the user's is in the way.
 */
import type { Highlights } from "../annotations";
import { areaOf, inArea } from "../areas";
import { CONFLICTS, WORKPLAN } from "../layout";
import type { CellPlace, SheetOp, WorkbookState } from "../sheetOps";
import { a1, findTable, tablesByName } from "../tables";
import { samePlace } from "./record";
import { filledIn, values } from "./sheets";
import { sheetText } from "../messages/sheets";

export const WORKPLAN_LEGEND = sheetText("w.legend");

export interface LegendWrite {
  ops: SheetOp[];
  /** The legend's cell, for the record; null when it is not written. */
  cell: CellPlace | null;
  /** Why not: the user's cell in its place (for the Conflicts sheet's legend); null otherwise. */
  skipped: string | null;
}

/** The sheet of the lines above the Conflicts table: every other cell of the record's is a legend. */
function onConflictsSheet(state: WorkbookState, cell: CellPlace): boolean {
  return cell.sheet.toLowerCase() === (state.conflicts?.sheet ?? CONFLICTS.sheet).toLowerCase();
}

/**
 * Of the product's cells (by the record, text unchanged: ownCaptions), the legends beside the
 * Workplan table: known by their place, off the Conflicts sheet, not by their wording, which may
 * change from one version to the next.
 */
export function ownLegends(state: WorkbookState, own: readonly CellPlace[]): CellPlace[] {
  return own.filter((cell) => !onConflictsSheet(state, cell));
}

/** Of the product's cells, those other than the legends (the lines above the Conflicts table). */
export function withoutLegends(state: WorkbookState, own: readonly CellPlace[]): CellPlace[] {
  return own.filter((cell) => onConflictsSheet(state, cell));
}

function clearOps(cells: readonly CellPlace[]): SheetOp[] {
  return cells.map((c) => ({ op: "clearValues", sheet: c.sheet, area: areaOf(c.row, c.column, 1, 1) }));
}

/** Whether the check highlights anything: a legend of nothing would only be in the way. */
export function highlightsSomething(highlights: Highlights | null): boolean {
  return (highlights?.flags ?? []).some((row) => row.some((flag) => flag > 0));
}

/**
 * The legend for this check, and the product's old legends cleared where they no longer belong.
 * `own` are the product's cells by the record whose text is unchanged (ownCaptions); a legend the
 * table has since grown over is the table's, and is left alone.
 */
export function describeLegend(state: WorkbookState, own: readonly CellPlace[], wanted: boolean): LegendWrite {
  const table = findTable(tablesByName(state.tables), WORKPLAN.table);
  const width = table?.headers.length ?? 0;
  const body = table && areaOf(table.top, table.left, table.rows.length + 1, width);
  const mine = ownLegends(state, own).filter((c) => !body || c.sheet !== table.sheet || !inArea(body, c.row, c.column));
  // The row above the table, across its width; a table in row 1 has none.
  const row = wanted && table && width > 0 && table.top > 1 ? areaOf(table.top - 1, table.left, 1, width) : null;
  const place = row && table ? { sheet: table.sheet, row: row.top, column: row.left } : null;
  const stale = mine.filter((cell) => !place || !samePlace(cell, place));
  if (!place || !row) return { ops: clearOps(stale), cell: null, skipped: null };
  const yours = filledIn(state, place.sheet, row).find((cell) => !mine.some((m) => samePlace(m, cell)));
  if (yours) {
    const skipped = sheetText("w.noLegend", { cell: `${place.sheet}!${a1(yours.row, yours.column)}` });
    return { ops: clearOps(stale), cell: null, skipped };
  }
  const ops = [...clearOps(stale), values(place.sheet, place.row, place.column, [[WORKPLAN_LEGEND]])];
  return { ops, cell: { ...place, text: WORKPLAN_LEGEND }, skipped: null };
}
