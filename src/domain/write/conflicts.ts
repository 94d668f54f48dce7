/**
 * The Conflicts table and the two lines above it: rewritten on every check where they are, or
 * made below whatever the Conflicts sheet already holds. They never take a cell the user filled:
 * when they would, nothing of them is written and the message names the cells in the way.
 */
import { captionRows, SEVERITY_STYLE, type ConflictsTable } from "../annotations";
import { areaAddress, areaOf, inArea, sameArea, subtractArea, type Area } from "../areas";
import { DATA_RULES } from "../findings";
import { CONFLICTS, CONFLICTS_HEADER_ROW } from "../layout";
import { RULES } from "../rules";
import type { CellFormat, CellPlace, SheetOp, WorkbookState, Written } from "../sheetOps";
import { a1 } from "../tables";
import { withoutLegends } from "./legend";
import { samePlace } from "./record";
import {
  column,
  ensureSheet,
  filledIn,
  findSheet,
  fittedHeight,
  lineAcross,
  printedLandscape,
  TABLE_STYLE,
  values,
} from "./sheets";
import { sheetText } from "../messages/sheets";

/** The longest rule id, with a character to spare: the Rule column holds any id on one line. */
const RULE_WIDTH = Math.max(...[...RULES.map((r) => r.id), ...Object.keys(DATA_RULES)].map((id) => id.length)) + 1;
/** What the Rule column takes beyond its first width (9), given back by Problem and What would fix it. */
const RULE_EXTRA = Math.max(0, RULE_WIDTH - 9);

/**
 * Widths for Severity, Meeting, Agenda item, Problem, What would fix it, Source, Rule, Cell: 127
 * characters, which A4 landscape prints at 9 pt even where LibreOffice stands in a wider font for
 * Calibri (see printedSize); every column but the first and the last two wraps (a rule id does not break).
 */
export const CONFLICTS_COLUMNS: readonly { width: number; wrap: boolean }[] = [
  8,
  11,
  15,
  34 - Math.ceil(RULE_EXTRA / 2),
  26 - Math.floor(RULE_EXTRA / 2),
  12,
  9 + RULE_EXTRA,
  12,
].map((width, i, all) => ({ width, wrap: i > 0 && i < all.length - 2 }));
/** The height of a row of one line, for the rows a shorter table leaves. */
const ONE_LINE = 15;
const BANNER = { bold: true, fontColor: "C00000" };
const PLAIN = { bold: false, fontColor: "000000" };
const LEGEND_TEXT = sheetText("c.legend");

export interface ConflictsWrite {
  ops: SheetOp[];
  /** Where the table is, header row included, e.g. "Conflicts!A4:F9"; null when it was not written. */
  address: string | null;
  /** The cells the lines above the table now take (the product's, for the record). */
  captions: CellPlace[];
  /** Why the table was not written: the cells of the user's in the way. */
  blocked: string | null;
  /** The product's conditional-format rules on the table (the Severity column's colours), for the record. */
  rules: { sheet: string; area: Area; formula: string }[];
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

interface Caption {
  at: CellPlace;
  text: string;
  format?: CellFormat;
}

/** The lines above a table whose header is at (top, left): where they go and what they say. */
function captionCells(place: Place, caption: readonly string[], whatIf: boolean): Caption[] {
  const rows = captionRows(place.top);
  const lines = rows.length === 2 ? caption : [caption.join(" ")];
  return rows.map((row, i) => ({
    at: { sheet: place.sheet, row, column: place.left },
    text: lines[i] ?? "",
    format: i === lines.length - 1 && whatIf ? BANNER : PLAIN,
  }));
}

/** The width of the Conflicts table's columns together, in characters. */
const TABLE_WIDTH = CONFLICTS_COLUMNS.reduce((sum, c) => sum + c.width, 0);

/** A line above the table across its width (lineAcross), where the rest of the row is empty or ours. */
function acrossTheTable(state: WorkbookState, line: Caption, own: CellPlace[], width: number): SheetOp[] {
  const { sheet, row, column } = line.at;
  const area = areaOf(row, column + 1, 1, width - 1);
  const taken = filledIn(state, sheet, area).some((c) => !own.some((mine) => samePlace(mine, c)));
  if (taken) return [{ op: "rowHeight", sheet, row, height: ONE_LINE + 3 }];
  return lineAcross(sheet, line.at, line.text, width, TABLE_WIDTH);
}

/** The legend of the colours, in the row between the lines and the table, when that row is free. */
function legendCells(state: WorkbookState, place: Place, own: CellPlace[], lines: Caption[], text: string): Caption[] {
  const row = place.top - 1;
  if (lines.some((line) => line.at.row >= row)) return [];
  const labels = (["error", "warning", "info"] as const).map((severity) => ({
    text: SEVERITY_STYLE[severity].label,
    format: { fill: SEVERITY_STYLE[severity].strong, fontColor: SEVERITY_STYLE[severity].font, bold: true },
  }));
  const cells: Caption[] = [...labels, { text, format: { ...PLAIN, wrap: true, verticalTop: true } }].map(
    (cell, i) => ({ ...cell, at: { sheet: place.sheet, row, column: place.left + i } }),
  );
  const taken = state.filledCells.some(
    (filled) => cells.some((c) => samePlace(c.at, filled)) && !own.some((mine) => samePlace(mine, filled)),
  );
  return taken ? [] : cells;
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
  const more = cells.length > 5 ? sheetText("c.more", { count: cells.length - 5 }) : "";
  return sheetText("c.blocked", { sheet, cells: names.join(", "), more });
}

/** Whether the table's header row holds other texts than the layout's: a table of an earlier version. */
function earlierLayout(state: WorkbookState, place: Place, headers: readonly string[]): boolean {
  if (!place.old) return false;
  return headers.some((header, i) => {
    const cell = state.filledCells.find((c) =>
      samePlace(c, { sheet: place.sheet, row: place.top, column: place.left + i }),
    );
    return (cell?.text ?? "").trim().toLowerCase() !== header.toLowerCase();
  });
}

/** The sheet set up for the Conflicts table: new, or holding a table of an earlier layout. */
function sheetOps(place: Place): SheetOp[] {
  const ops = CONFLICTS_COLUMNS.flatMap(({ width }, i) => column(place.sheet, place.left + i, width, false));
  if (place.newSheet) ops.push({ op: "freezeRows", sheet: place.sheet, rows: place.top });
  ops.push(printedLandscape(place.sheet, { top: place.top, bottom: place.top }));
  return ops;
}

function severityRules(place: Place, area: Area): { ops: SheetOp[]; rules: ConflictsWrite["rules"] } {
  const body = { top: area.top + 1, left: area.left, bottom: area.bottom, right: area.left };
  const cell = `$${a1(body.top, body.left)}`;
  const rules = (["error", "warning", "info"] as const).map((severity) => ({
    sheet: place.sheet,
    area: body,
    formula: `${cell}="${SEVERITY_STYLE[severity].label}"`,
    format: { fill: SEVERITY_STYLE[severity].strong, fontColor: SEVERITY_STYLE[severity].font, bold: true },
  }));
  return {
    ops: rules.map(({ sheet, area: at, formula, format }) => ({ op: "addRule", sheet, area: at, formula, format })),
    rules: rules.map(({ sheet, area: at, formula }) => ({ sheet, area: at, formula })),
  };
}

function tableOps(place: Place, area: Area, grid: Written[][]): SheetOp[] {
  const ops: SheetOp[] = [];
  if (place.old && !sameArea(place.old, area)) {
    ops.push({ op: "resizeTable", sheet: place.sheet, table: CONFLICTS.table, area });
    for (const part of subtractArea(place.old, area)) ops.push({ op: "clearValues", sheet: place.sheet, area: part });
    for (let row = area.bottom + 1; row <= place.old.bottom; row++) {
      ops.push({ op: "rowHeight", sheet: place.sheet, row, height: ONE_LINE });
    }
  }
  ops.push(values(place.sheet, area.top, area.left, grid));
  ops.push({ op: "format", sheet: place.sheet, area, format: { wrap: true, verticalTop: true } });
  const heights = grid.map((row, i) => ({
    op: "rowHeight" as const,
    sheet: place.sheet,
    row: area.top + i,
    height: fittedHeight(row, CONFLICTS_COLUMNS),
  }));
  ops.push(...heights);
  if (!place.old) ops.push({ op: "addTable", sheet: place.sheet, table: CONFLICTS.table, area, style: TABLE_STYLE });
  return ops;
}

function gridOf(conflicts: Pick<ConflictsTable, "headers" | "rows">): Written[][] {
  const body = conflicts.rows.length > 0 ? conflicts.rows : [conflicts.headers.map(() => null)];
  return [[...conflicts.headers], ...body.map((row) => [...row])];
}

/**
 * The Conflicts table and the lines above it. `legendSkipped` says why the legend beside the
 * Workplan table was not written, when it was not: the legend here then says so.
 */
export function describeConflicts(
  state: WorkbookState,
  conflicts: Pick<ConflictsTable, "caption" | "headers" | "rows" | "whatIf">,
  added: Set<string>,
  legendSkipped: string | null = null,
): ConflictsWrite {
  const place = placeOf(state);
  const grid = gridOf(conflicts);
  const area = areaOf(place.top, place.left, grid.length, conflicts.headers.length);
  // The legend beside the Workplan table is the product's too; describeLegend looks after it.
  const own = withoutLegends(state, ownCaptions(state));
  const lines = captionCells(place, conflicts.caption, conflicts.whatIf ?? false);
  const legendText = legendSkipped ? `${LEGEND_TEXT} ${legendSkipped}` : LEGEND_TEXT;
  const captions = [...lines, ...legendCells(state, place, own, lines, legendText)];
  const blockers = inTheWay(
    state,
    place,
    area,
    captions.map((c) => c.at),
    own,
  );
  if (blockers.length > 0) {
    return { ops: [], address: null, captions: own, blocked: blockedMessage(place.sheet, blockers), rules: [] };
  }
  const ops = place.newSheet ? ensureSheet(state, place.sheet, "visible", added) : [];
  if (place.newSheet || earlierLayout(state, place, conflicts.headers)) ops.push(...sheetOps(place));
  ops.push(...tableOps(place, area, grid));
  const severity = severityRules(place, area);
  ops.push(...severity.ops);
  for (const { at, text, format } of captions) {
    ops.push(values(at.sheet, at.row, at.column, [[text]]));
    if (format) ops.push({ op: "format", sheet: at.sheet, area: areaOf(at.row, at.column, 1, 1), format });
  }
  for (const line of lines) ops.push(...acrossTheTable(state, line, own, conflicts.headers.length));
  const legend = captions.find((c) => c.text === legendText);
  if (legend) {
    const height = fittedHeight([legendText], [CONFLICTS_COLUMNS[3] as { width: number; wrap: boolean }]);
    ops.push({ op: "rowHeight", sheet: place.sheet, row: legend.at.row, height });
  }
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
    rules: severity.rules,
  };
}
