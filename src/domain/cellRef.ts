/** How a cell the engine knows (sheet, row, column) is named in what users read: "Workplan!E7". */
import type { CellRef } from "./model";
import { a1 } from "./tables";

/** "E7" */
export function cellAddress(ref: CellRef): string {
  return a1(ref.row, ref.column);
}

/** "Workplan!E7": the command line, the Conflicts sheet and the pane's go-to name a cell so. */
export function cellName(ref: CellRef): string {
  return `${ref.sheet}!${cellAddress(ref)}`;
}

/** False for the place a reader gives a column the table does not have (row and column 0). */
export function isCell(ref: CellRef): boolean {
  return ref.row > 0 && ref.column > 0;
}

/** The cell of the sheet's row moved by `rows` (the same column). */
export function rowsBelow(ref: CellRef, rows: number): CellRef {
  return { ...ref, row: ref.row + rows };
}
