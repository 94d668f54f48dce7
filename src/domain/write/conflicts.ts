/**
 * The Conflicts table and the two lines above it: rewritten on every check where they are, or
 * made below whatever the Conflicts sheet already holds. They never take a cell the user filled:
 * when they would, nothing of them is written and the message names the cells in the way.
 */
import { captionRows, type ConflictsTable } from "../annotations";
import { areaAddress, areaOf, inArea, sameArea, subtractArea, type Area } from "../areas";
import { CONFLICTS_HEADER_ROW } from "../defaults";
import { CONFLICTS } from "../layout";
import type { CellPlace, SheetOp, WorkbookState, Written } from "../sheetOps";
import { a1 } from "../tables";
import { samePlace } from "./record";
import { column, ensureSheet, findSheet, printedLandscape, TABLE_STYLE, values } from "./sheets";

/** Widths for Severity, Rule, Where, Meeting, Message, Source. */
const CONFLICTS_WIDTHS = [10, 20, 24, 10, 90, 14];
/** The Message column, counted from the table's first column. */
const MESSAGE_COLUMN = 4;

export interface ConflictsWrite {
  ops: SheetOp[];
  /** Where the table is, header row included, e.g. "Conflicts!A4:F9"; null when it was not written. */
  address: string | null;
  /** The cells the lines above the table now take (the product's, for the record). */
  captions: CellPlace[];
  /** Why the table was not written: the cells of the user's in the way. */
  blocked: string | null;
}

interface Place {
  sheet: string;
  top: number;
  left: number;
  /** The table as it is (header row included), or null when it is made now. */
  old: Area | null;
  newSheet: boolean;
}

function placeOf(state: WorkbookState): Place {
  if (state.conflicts) {
    const { sheet, area } = state.conflicts;
    return { sheet, top: area.top, left: area.left, old: area, newSheet: false };
  }
  const sheet = findSheet(state, CONFLICTS.sheet);
  const below = sheet?.used ? sheet.used.bottom + CONFLICTS_HEADER_ROW : CONFLICTS_HEADER_ROW;
  return { sheet: sheet?.name ?? CONFLICTS.sheet, top: below, left: 1, old: null, newSheet: !sheet };
}

/** The lines above a table whose header is at (top, left): where they go and what they say. */
function captionCells(place: Place, caption: readonly string[]): { at: CellPlace; text: string }[] {
  const rows = captionRows(place.top);
  const lines = rows.length === 2 ? caption : [caption.join(" ")];
  return rows.map((row, i) => ({ at: { sheet: place.sheet, row, column: place.left }, text: lines[i] ?? "" }));
}

/**
 * The lines above the Conflicts table that are the product's: by the record, or, in a workbook
 * checked before the record was kept, wherever captionRows put them above the table.
 */
export function ownCaptions(state: WorkbookState): CellPlace[] {
  const filled = (cell: CellPlace) => state.filledCells.find((f) => samePlace(f, cell));
  if (state.record) {
    return state.record.cells.filter((cell) => {
      const now = filled(cell);
      return !now || (now.text !== undefined && now.text === cell.text);
    });
  }
  if (!state.conflicts) return [];
  const { sheet, area } = state.conflicts;
  const legacy = captionRows(area.top).map((row) => ({ sheet, row, column: area.left }));
  return legacy.flatMap((cell) => {
    const text = filled(cell)?.text;
    return !filled(cell) || (text && LEGACY_CAPTION.test(text)) ? [{ ...cell, text: text ?? "" }] : [];
  });
}

/** The lines versions without a record wrote above the Conflicts table. */
const LEGACY_CAPTION = /^(Last checked|Not checked yet|Expected review ends used)/;

function inTheWay(
  state: WorkbookState,
  place: Place,
  area: Area,
  captions: CellPlace[],
  own: CellPlace[],
): CellPlace[] {
  const key = place.sheet.toLowerCase();
  return state.filledCells.filter((cell) => {
    if (cell.sheet.toLowerCase() !== key) return false;
    if (place.old && inArea(place.old, cell.row, cell.column)) return false;
    if (own.some((mine) => samePlace(mine, cell))) return false;
    return inArea(area, cell.row, cell.column) || captions.some((at) => samePlace(at, cell));
  });
}

function blockedMessage(sheet: string, cells: CellPlace[]): string {
  const names = cells.slice(0, 5).map((c) => a1(c.row, c.column));
  const more = cells.length > 5 ? ` and ${cells.length - 5} more` : "";
  return (
    `The Conflicts table was not updated: it would grow over cells of yours on the sheet "${sheet}" ` +
    `(${names.join(", ")}${more}). Move those cells, or the table, and check again.`
  );
}

function newSheetOps(state: WorkbookState, place: Place, added: Set<string>): SheetOp[] {
  const ops = ensureSheet(state, place.sheet, "visible", added);
  CONFLICTS_WIDTHS.forEach((width, i) => ops.push(...column(place.sheet, i + 1, width, false)));
  ops.push({ op: "freezeRows", sheet: place.sheet, rows: place.top });
  ops.push(printedLandscape(place.sheet, { top: place.top, bottom: place.top }));
  return ops;
}

function tableOps(place: Place, area: Area, grid: Written[][]): SheetOp[] {
  const ops: SheetOp[] = [];
  if (place.old && !sameArea(place.old, area)) {
    ops.push({ op: "resizeTable", sheet: place.sheet, table: CONFLICTS.table, area });
    for (const part of subtractArea(place.old, area)) ops.push({ op: "clearValues", sheet: place.sheet, area: part });
  }
  ops.push(values(place.sheet, area.top, area.left, grid));
  const message = { ...area, left: area.left + MESSAGE_COLUMN, right: area.left + MESSAGE_COLUMN };
  ops.push({ op: "format", sheet: place.sheet, area: message, format: { wrap: true, verticalTop: true } });
  if (!place.old) ops.push({ op: "addTable", sheet: place.sheet, table: CONFLICTS.table, area, style: TABLE_STYLE });
  return ops;
}

function gridOf(conflicts: Pick<ConflictsTable, "headers" | "rows">): Written[][] {
  const body = conflicts.rows.length > 0 ? conflicts.rows : [conflicts.headers.map(() => null)];
  return [[...conflicts.headers], ...body.map((row) => [...row])];
}

export function describeConflicts(
  state: WorkbookState,
  conflicts: Pick<ConflictsTable, "caption" | "headers" | "rows">,
  added: Set<string>,
): ConflictsWrite {
  const place = placeOf(state);
  const grid = gridOf(conflicts);
  const area = areaOf(place.top, place.left, grid.length, conflicts.headers.length);
  const captions = captionCells(place, conflicts.caption);
  const own = ownCaptions(state);
  const blockers = inTheWay(
    state,
    place,
    area,
    captions.map((c) => c.at),
    own,
  );
  if (blockers.length > 0) {
    return { ops: [], address: null, captions: own, blocked: blockedMessage(place.sheet, blockers) };
  }
  const ops = place.newSheet ? newSheetOps(state, place, added) : [];
  ops.push(...tableOps(place, area, grid));
  for (const { at, text } of captions) ops.push(values(at.sheet, at.row, at.column, [[text]]));
  const stale = own.filter(
    (mine) => !captions.some((c) => samePlace(c.at, mine)) && !inArea(area, mine.row, mine.column),
  );
  for (const cell of stale)
    ops.push({ op: "clearValues", sheet: cell.sheet, area: areaOf(cell.row, cell.column, 1, 1) });
  return {
    ops,
    address: `${place.sheet}!${areaAddress(area)}`,
    captions: captions.map((c) => ({ ...c.at, text: c.text })),
    blocked: null,
  };
}
