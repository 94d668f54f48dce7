/**
 * Undo apply: Apply keeps, in the same write, the cells it changes as they were (and the Workplan
 * table's size) on the product's very-hidden sheet `WorkplanLists`, columns I:M (the drop-down
 * lists take A:B, the record D:G); Undo apply writes them back exactly, shrinks the table to its
 * size before Apply and empties those columns, so it is offered until the next Apply replaces
 * what it keeps. Excel's own undo cannot always do this (a merged
 * undo step needs ExcelApi 1.20, and any later edit ends it).
 *
 * Undo never writes over the planner's work: when a cell Apply wrote holds another value since, or
 * the table has another size, it is refused with one line naming what changed.
 */
import { LISTS_SHEET } from "../annotations";
import { areaAddress, areaOfAddress, parseA1, type Area } from "../areas";
import type { CellAt } from "../model";
import type { SheetOp, WorkbookState, Written } from "../sheetOps";
import { a1, type CellValue, type SheetTable } from "../tables";
import { listPhrase } from "../wording";
import { ensureSheet, findSheet, values } from "./sheets";
import { sheetCounted, sheetText } from "../messages/sheets";

export const UNDO_SHEET = LISTS_SHEET;
/** Column I: what Apply keeps takes columns I:M. */
export const UNDO_LEFT = 9;
const UNDO_WIDTH = 5;
export const UNDO_TITLE = "Workplan Checker: the workplan before the last Apply, for Undo apply. Do not edit.";

/** One cell Apply wrote: what it held before, and what Apply put there. */
export interface CellKept {
  sheet: string;
  row: number;
  column: number;
  before: Written;
  after: Written;
}

/** What Apply keeps for Undo apply. */
export interface ApplySnapshot {
  sheet: string;
  table: string;
  /** The Workplan table's cells (header row included) before and after Apply. */
  before: Area;
  after: Area;
  cells: CellKept[];
}

export type UndoWrite = { ops: SheetOp[]; restored: number } | { refused: string };

function written(value: CellValue): Written {
  if (value === undefined || value === "") return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value === null)
    return value;
  return String(value);
}

function same(a: CellValue, b: CellValue): boolean {
  return String(written(a) ?? "") === String(written(b) ?? "");
}

/** The value of a cell inside one of the tables read (its data body), or null. */
function valueIn(tables: readonly SheetTable[], sheet: string, row: number, column: number): CellValue {
  for (const table of tables) {
    if (table.sheet.toLowerCase() !== sheet.toLowerCase()) continue;
    const r = row - table.top - 1;
    const c = column - table.left;
    if (r >= 0 && r < table.rows.length && c >= 0 && c < table.headers.length) return table.rows[r]?.[c] ?? null;
  }
  return null;
}

function tableArea(table: SheetTable, extraRows = 0): Area {
  return {
    top: table.top,
    left: table.left,
    bottom: table.top + table.rows.length + extraRows,
    right: table.left + table.headers.length - 1,
  };
}

/** Empties columns I:M of the lists sheet (what an earlier Apply kept). */
function emptied(state: WorkbookState): SheetOp[] {
  const sheet = findSheet(state, UNDO_SHEET);
  if (!sheet?.used || sheet.used.right < UNDO_LEFT) return [];
  const area = { top: 1, left: UNDO_LEFT, bottom: sheet.used.bottom, right: UNDO_LEFT + UNDO_WIDTH - 1 };
  return [{ op: "clearValues", sheet: sheet.name, area }];
}

/**
 * What Apply writes to keep the workplan as it was: the cells it changes with their values before
 * and after, the appended rows' cells (empty before), and the Workplan table's size before and after.
 */
export function describeApplySnapshot(
  state: WorkbookState,
  workplan: SheetTable,
  cells: readonly (CellAt & { value: Written })[],
  appended: readonly CellValue[][],
): SheetOp[] {
  const kept: CellKept[] = cells.map(({ sheet, cell, value }) => {
    const at = parseA1(cell);
    return {
      sheet,
      row: at.row,
      column: at.column,
      before: written(valueIn(state.tables, sheet, at.row, at.column)),
      after: value,
    };
  });
  const first = workplan.top + 1 + workplan.rows.length;
  appended.forEach((row, r) =>
    workplan.headers.forEach((_, c) =>
      kept.push({
        sheet: workplan.sheet,
        row: first + r,
        column: workplan.left + c,
        before: null,
        after: written(row[c]),
      }),
    ),
  );
  const rows: Written[][] = [
    [UNDO_TITLE],
    [
      "table",
      workplan.sheet,
      workplan.name,
      areaAddress(tableArea(workplan)),
      areaAddress(tableArea(workplan, appended.length)),
    ],
    ...kept.map((k) => ["cell", k.sheet, a1(k.row, k.column), k.before, k.after]),
  ];
  return [
    ...ensureSheet(state, UNDO_SHEET, "veryHidden", new Set()),
    ...emptied(state),
    values(UNDO_SHEET, 1, UNDO_LEFT, rows),
  ];
}

/** What Apply kept, from the lists sheet's values (top-left cell at `origin`); null when it keeps nothing. */
export function snapshotFromSheet(
  grid: readonly (readonly unknown[])[],
  origin: { top: number; left: number },
): ApplySnapshot | null {
  const at = (row: number, column: number): unknown =>
    grid[row - origin.top]?.[column + UNDO_LEFT - 1 - origin.left] ?? null;
  if (at(1, 1) !== UNDO_TITLE || at(2, 1) !== "table") return null;
  const before = areaOfAddress(String(at(2, 4) ?? ""));
  const after = areaOfAddress(String(at(2, 5) ?? ""));
  if (!before || !after) return null;
  const cells: CellKept[] = [];
  for (let row = 3; at(row, 1) === "cell"; row++) {
    const place = parseA1(String(at(row, 3) ?? ""));
    if (place.row < 1) return null;
    const sheet = String(at(row, 2) ?? "");
    cells.push({
      sheet,
      row: place.row,
      column: place.column,
      before: written(at(row, 4)),
      after: written(at(row, 5)),
    });
  }
  return { sheet: String(at(2, 2) ?? ""), table: String(at(2, 3) ?? ""), before, after, cells };
}

/** Undo apply: the kept values back, the table at its size before Apply, the undo sheet emptied. */
export function describeUndoApply(state: WorkbookState, snapshot: ApplySnapshot): UndoWrite {
  const table = state.tables.find((t) => t.name.toLowerCase() === snapshot.table.toLowerCase());
  if (!table || areaAddress(tableArea(table)) !== areaAddress(snapshot.after))
    return {
      refused: sheetText("u.resized"),
    };
  const changed = snapshot.cells.filter((k) => !same(valueIn(state.tables, k.sheet, k.row, k.column), k.after));
  if (changed.length > 0) {
    const names = listPhrase(changed.slice(0, 5).map((k) => `${k.sheet}!${a1(k.row, k.column)}`));
    return {
      refused: sheetCounted("u.changed", changed.length, { cells: names }),
    };
  }
  const ops: SheetOp[] = snapshot.cells.map((k) => values(k.sheet, k.row, k.column, [[k.before]]));
  if (areaAddress(snapshot.before) !== areaAddress(snapshot.after))
    ops.push({ op: "resizeTable", sheet: table.sheet, table: table.name, area: snapshot.before });
  ops.push(...emptied(state));
  return { ops, restored: snapshot.cells.length };
}
