/**
 * The Timeline sheet, redrawn by every check: the grid of describeTimeline with its legend, its
 * colours as conditional-format rules of the product's. The sheet is wholly the product's, known
 * by the record: a sheet of that name the user made is never written.
 */
import { areaOf, type Area } from "../areas";
import type { ProductRecord, SheetOp, WorkbookState } from "../sheetOps";
import {
  CANCELLED_FORMAT,
  CANCELLED_LEGEND,
  CODES,
  LEGEND,
  showsCancelled,
  TIMELINE_SHEET,
  TIMELINE_TITLE,
  type TimelineGrid,
} from "../timeline";
import { a1 } from "../tables";
import {
  A4_LANDSCAPE_CHARACTERS,
  column,
  ensureSheet,
  findSheet,
  fittedHeight,
  printedAcross,
  printedSize,
  rowHeights,
  values,
} from "./sheets";
import { sheetText } from "../messages/sheets";

const LABEL_WIDTH = 50;
const YEAR_WIDTH = 6.5;
/** The label column gives way to the years, wrapping, so that the page prints at 8 pt or more. */
const SMALLEST_PRINT = 8;
const NARROWEST_LABEL = 24;
const TITLE_SIZE = 13;

/** The label column when the years run over several pages: wrapped, so that a page holds about ten years. */
const ACROSS_LABEL = 30;

/** Whether one page wide still prints at 8 pt or more with the narrowest label (up to about 18 years). */
function fitsOnePage(years: number): boolean {
  return printedSize([NARROWEST_LABEL, ...Array.from({ length: years }, () => YEAR_WIDTH)]) >= SMALLEST_PRINT;
}

function labelWidth(years: number): number {
  if (!fitsOnePage(years)) return ACROSS_LABEL;
  const room = Math.floor((A4_LANDSCAPE_CHARACTERS * 11) / SMALLEST_PRINT - YEAR_WIDTH * years);
  return Math.max(NARROWEST_LABEL, Math.min(LABEL_WIDTH, room));
}
/**
 * The grid's header row: above it the title, the what-if banner (or a blank row), the legend, the
 * line for a cancelled meeting (or a blank row) and a blank row.
 */
const HEADER_ROW = 3 + LEGEND.length + 2;
const BANNER_ROW = 2;
const BANNER = { bold: true, fontColor: "C00000" };
const ONE_LINE = 15;

export interface TimelineWrite {
  ops: SheetOp[];
  rules: ProductRecord["rules"];
  /** The sheet written, for the record; null when it was not. */
  sheet: string | null;
  /** Why not: a sheet of the user's has the name. */
  blocked: string | null;
}

/** The rules, most telling first: a conflict, a meeting in its window, the review ends, the review, the window. */
function colours(cell: string) {
  const bold = { bold: true };
  return [
    { formula: `RIGHT(${cell},1)="${CODES.conflict}"`, fill: "FF8B94", fontColor: "9C0006", border: "9C0006", ...bold },
    { formula: `RIGHT(${cell},1)="${CODES.cancelled}"`, ...CANCELLED_FORMAT },
    { formula: `LEN(${cell})>2`, fill: "548235", fontColor: "FFFFFF", ...bold },
    {
      formula: `OR(${cell}="${CODES.planned}",${cell}="${CODES.expected}",${cell}="${CODES.both}")`,
      fill: "1F4E79",
      fontColor: "FFFFFF",
      ...bold,
    },
    { formula: `${cell}="${CODES.review}"`, fill: "BDD7EE", fontColor: "1F4E79" },
    { formula: `${cell}="${CODES.window}"`, fill: "E2EFDA", fontColor: "375623" },
  ];
}

function owned(state: WorkbookState): boolean {
  const record = state.record;
  return (record?.sheets ?? []).some((s) => s.toLowerCase() === TIMELINE_SHEET.toLowerCase());
}

const legendLines = (legend: readonly (readonly [string, string])[]) =>
  legend.map(([code, meaning]) => [`${code}: ${meaning}`]);

/**
 * The WHAT-IF line, as on the Conflicts sheet. On one page it is one cell merged across the label
 * and the years, wrapped there: one or two lines, never past the grid (where LibreOffice widened the
 * printed page) nor down the narrow label column. Over several pages it wraps in the label column,
 * which every page repeats.
 */
function bannerOps(name: string, banner: string | null, years: number, label: number, onePage: boolean): SheetOp[] {
  const at = areaOf(BANNER_ROW, 1, 1, 1);
  if (banner === null) return [{ op: "rowHeight", sheet: name, row: BANNER_ROW, height: ONE_LINE }];
  const written = [values(name, BANNER_ROW, 1, [[banner]])];
  const format = { ...BANNER, wrap: true, verticalTop: true };
  if (!onePage) {
    const height = fittedHeight([banner], [{ width: label, wrap: true, bold: true }]);
    return [...written, { op: "format", sheet: name, area: at, format }, rowHeight(name, height)];
  }
  const across = { width: label + YEAR_WIDTH * years, wrap: true, bold: true };
  return [
    ...written,
    { op: "merge", sheet: name, area: areaOf(BANNER_ROW, 1, 1, years + 1) },
    { op: "format", sheet: name, area: at, format },
    rowHeight(name, Math.max(ONE_LINE, fittedHeight([banner], [across]))),
  ];
}

const rowHeight = (sheet: string, height: number): SheetOp => ({ op: "rowHeight", sheet, row: BANNER_ROW, height });

/**
 * Over several pages the label column is repeated on each, title and legend included: they wrap in
 * it, since a line running on over the years would print again, cut, over the next page's years.
 */
function wrappedInLabels(sheet: string, width: number, legend: readonly (readonly [string, string])[]): SheetOp[] {
  const column = [{ width, wrap: true }];
  const lines = legendLines(legend);
  return [
    { op: "format", sheet, area: areaOf(1, 1, 3 + legend.length, 1), format: { wrap: true, verticalTop: true } },
    { op: "rowHeight", sheet, row: 1, height: fittedHeight([TIMELINE_TITLE], column, TITLE_SIZE) },
    ...rowHeights(sheet, 3, lines, column),
  ];
}

export function describeTimelineSheet(state: WorkbookState, grid: TimelineGrid, added: Set<string>): TimelineWrite {
  const sheet = findSheet(state, TIMELINE_SHEET);
  if (sheet && !owned(state)) {
    return {
      ops: [],
      rules: [],
      sheet: null,
      blocked: sheetText("t.blocked", { sheet: sheet.name }),
    };
  }
  const name = sheet?.name ?? TIMELINE_SHEET;
  const ops: SheetOp[] = [...ensureSheet(state, name, "visible", added)];
  if (sheet?.used) {
    // The banner of an earlier check may be merged across another number of years.
    const row = areaOf(BANNER_ROW, 1, 1, Math.max(sheet.used.right, grid.years.length + 1));
    ops.push({ op: "clearValues", sheet: name, area: sheet.used }, { op: "unmerge", sheet: name, area: row });
  }
  ops.push(values(name, 1, 1, [[TIMELINE_TITLE]]));
  ops.push({ op: "format", sheet: name, area: areaOf(1, 1, 1, 1), format: { bold: true, size: TITLE_SIZE } });
  const legend = showsCancelled(grid) ? [...LEGEND, CANCELLED_LEGEND] : LEGEND;
  ops.push(values(name, 3, 1, legendLines(legend)));
  const label = labelWidth(grid.years.length);
  const onePage = fitsOnePage(grid.years.length);
  if (!onePage) ops.push(...wrappedInLabels(name, label, legend));
  ops.push(values(name, HEADER_ROW, 1, [[sheetText("t.header"), ...grid.years]]));
  const width = grid.years.length + 1;
  ops.push({ op: "format", sheet: name, area: areaOf(HEADER_ROW, 1, 1, width), format: { bold: true } });
  if (grid.rows.length > 0) ops.push(values(name, HEADER_ROW + 1, 1, grid.rows));
  ops.push(...bannerOps(name, grid.banner ?? null, grid.years.length, label, onePage));
  const wrap = label < LABEL_WIDTH && grid.rows.length > 0;
  ops.push(...column(name, 1, label, wrap, areaOf(HEADER_ROW + 1, 1, grid.rows.length, 1)));
  grid.years.forEach((_, i) => ops.push(...column(name, i + 2, YEAR_WIDTH, false)));
  if (wrap) {
    const columns = [{ width: label, wrap: true }, ...grid.years.map(() => ({ width: YEAR_WIDTH, wrap: false }))];
    ops.push(...rowHeights(name, HEADER_ROW + 1, grid.rows, columns));
  }
  ops.push({ op: "freezeRows", sheet: name, rows: HEADER_ROW });
  // A long span prints at full size over several pages, the labels repeated on each, rather than shrunk.
  const titles = { top: HEADER_ROW, bottom: HEADER_ROW };
  ops.push(printedAcross(name, titles, { left: 1, right: 1 }, fitsOnePage(grid.years.length)));
  const rules: ProductRecord["rules"] = [];
  if (grid.rows.length > 0 && grid.years.length > 0) {
    const area: Area = areaOf(HEADER_ROW + 1, 2, grid.rows.length, grid.years.length);
    for (const { formula, ...format } of colours(a1(area.top, area.left))) {
      ops.push({ op: "addRule", sheet: name, area, formula, format });
      rules.push({ sheet: name, area, formula });
    }
  }
  return { ops, rules, sheet: name, blocked: null };
}
