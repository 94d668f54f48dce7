/**
 * Edits of the planner's tables, each only on request: the expected review ends (Save expected
 * dates), the proposed fixed topics and the appended meetings (Apply), and the proposal sheet
 * for the Bureau.
 */
import type { ExpectedEndsEdit, WorkplanEdit } from "../apply";
import { areaOf, parseA1 } from "../areas";
import type { CellAt } from "../model";
import {
  CHANGED_FILL,
  EMPTIED,
  PROPOSED_COLUMN,
  proposalColumns,
  proposalWidths,
  TIMELINE_HEADING,
  TIMELINE_KEY,
  TIMELINE_YEARS,
  timelineBands,
  whySpan,
  type ProposalBlock,
  type ProposalColumn,
  type ProposalSheet,
  type ProposalTimeline,
} from "../proposalSheet";
import { codeFormat } from "../timeline";
import type { SheetOp, WorkbookState, Written } from "../sheetOps";
import { a1, type SheetTable } from "../tables";
import { listPhrase } from "../wording";
import { column, filledIn, fittedHeight, lineAcross, printedLandscape, rowHeights, values } from "./sheets";
import { describeApplySnapshot } from "./undo";
import { sheetText } from "../messages/sheets";
import { PROPOSAL_SHEET_MESSAGES, sayer } from "../messages/proposal";

const say = /* @__PURE__ */ sayer(PROPOSAL_SHEET_MESSAGES);

export type EditWrite = { ops: SheetOp[] } | { refused: string };

/** One value into each cell (the Clusters table's expected ends, the Workplan table's fixed topics). */
export function cellEditOps(cells: readonly (CellAt & { value: Written })[]): SheetOp[] {
  return cells.map(({ sheet, cell, value }) => {
    const at = parseA1(cell);
    return values(sheet, at.row, at.column, [[value]]);
  });
}

/**
 * Apply: the changed fixed topics, and the appended meetings written in the rows below the
 * Workplan table, which then grows over them (Microsoft's co-authoring guidance prefers this to
 * adding table rows). Refused when a cell of the user's is in those rows.
 */
export function describeApplyEdit(state: WorkbookState, edit: WorkplanEdit, table: SheetTable): EditWrite {
  const ops = cellEditOps(edit.cells);
  if (edit.rows.length === 0) return { ops };
  const first = table.top + 1 + table.rows.length;
  const width = table.headers.length;
  const rows = areaOf(first, table.left, edit.rows.length, width);
  const inTheWay = filledIn(state, table.sheet, rows);
  if (inTheWay.length > 0) {
    const cells = listPhrase(inTheWay.slice(0, 5).map((c) => a1(c.row, c.column)));
    return {
      refused: sheetText("a.blocked", { sheet: table.sheet, cells }),
    };
  }
  ops.push(values(table.sheet, first, table.left, edit.rows as Written[][]));
  const area = { top: table.top, left: table.left, bottom: rows.bottom, right: rows.right };
  ops.push({ op: "resizeTable", sheet: table.sheet, table: table.name, area });
  return { ops };
}

/**
 * The blocks below the grid (flexible-topic candidates, sources): a bold title, then rows wrapped as tall as their
 * text.
 */
function blockOps(
  name: string,
  top: number,
  blocks: readonly ProposalBlock[],
  columns: ProposalColumn[],
  widths: readonly number[],
): SheetOp[] {
  const span = widths.length - columns.length + 1;
  const ops: SheetOp[] = [];
  const width = columns.length;
  // The first columns' texts (a meeting, a source) run on into the empty cells beside them.
  const wrapped = columns.map((c, i) => ({ width: c.width, wrap: i >= LABEL_COLUMNS }));
  let row = top;
  for (const block of blocks) {
    row += 1;
    if (block.newPage) ops.push({ op: "pageBreak", sheet: name, row });
    ops.push(values(name, row, 1, [[block.title]]), ...acrossThePage(name, row, block.title, widths));
    ops.push({ op: "format", sheet: name, area: areaOf(row, 1, 1, 1), format: { bold: true } });
    row += 1;
    if (block.rows.length === 0) continue;
    const grid = block.rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null));
    ops.push(values(name, row, 1, grid));
    const labels = areaOf(row, 1, grid.length, LABEL_COLUMNS);
    ops.push({ op: "format", sheet: name, area: labels, format: { wrap: false, verticalTop: true } });
    const texts = areaOf(row, LABEL_COLUMNS + 1, grid.length, width - LABEL_COLUMNS);
    ops.push({ op: "format", sheet: name, area: texts, format: TOP_WRAPPED });
    ops.push(...rowHeights(name, row, grid, wrapped));
    ops.push(...whyMerges(name, row, grid.length, width, span));
    row += grid.length;
  }
  return ops;
}

function acrossThePage(name: string, row: number, text: string, widths: readonly number[]): SheetOp[] {
  const characters = widths.reduce((sum, w) => sum + w, 0);
  return lineAcross(name, { sheet: name, row, column: 1 }, text, widths.length, characters);
}

/** The Why cells of `count` rows from `top`, each merged across the years of the timeline below. */
function whyMerges(name: string, top: number, count: number, width: number, span: number): SheetOp[] {
  if (span <= 1) return [];
  return Array.from({ length: count }, (_, i) => ({ op: "merge", sheet: name, area: areaOf(top + i, width, 1, span) }));
}

/**
 * The timeline now and as proposed: each topic's label runs on over the empty cells beside it,
 * the years sit in the columns under the Why column, and each cell is filled as on the Timeline
 * sheet, its code written in it so that greyscale print reads the same; a long timeline in bands
 * of TIMELINE_YEARS years, each now and as proposed. Returns the last row.
 */
function timelineOps(name: string, top: number, timeline: ProposalTimeline, yearColumn: number) {
  const ops: SheetOp[] = [];
  let row = top + 2;
  ops.push(values(name, row, 1, [[TIMELINE_HEADING]]));
  ops.push({ op: "format", sheet: name, area: areaOf(row, 1, 1, 1), format: { bold: true } });
  ops.push(values(name, (row += 1), 1, [[TIMELINE_KEY]]));
  for (const [band, years] of timelineBands(timeline.years).entries()) {
    const from = band * TIMELINE_YEARS + 1;
    const parts = [
      [say("now"), timeline.before],
      [say("asProposed"), timeline.after],
    ] as const;
    parts.forEach(([title, rows], part) => {
      row += part === 0 && band === 0 ? 1 : 2;
      ops.push(values(name, row, 1, [[title]]), values(name, row, yearColumn, [years]));
      const header = areaOf(row, 1, 1, yearColumn - 1 + years.length);
      ops.push({ op: "format", sheet: name, area: header, format: { bold: true } });
      for (const [label, ...all] of rows) {
        const codes = all.slice(from - 1, from - 1 + years.length);
        row += 1;
        ops.push(values(name, row, 1, [[label ?? null]]), values(name, row, yearColumn, [codes]));
        codes.forEach((code, i) => {
          const format = codeFormat(code ?? null);
          if (format) ops.push({ op: "format", sheet: name, area: areaOf(row, yearColumn + i, 1, 1), format });
        });
      }
    });
  }
  return { ops, bottom: row };
}

const TOP_WRAPPED = { wrap: true, verticalTop: true };
/** Columns of a block below the grid whose text does not wrap (Meeting, Year, Status). */
const LABEL_COLUMNS = 3;

/**
 * Points of rows that a printed page holds: A4 landscape is 595 pt tall, less the margins of 0.75
 * inch above and below (the sheet's pageMargins), less a margin. Excel prints the proposal at full
 * size (its columns fit the page's width); LibreOffice, shrinking it to the width, holds more.
 */
const PAGE_HEIGHT = 480;
/** A row whose height is not set: Excel's default for Calibri 11. */
const DEFAULT_ROW = 15;

/** The height a row prints at: the last rowHeight the ops give it, else the default. */
function heightIn(ops: readonly SheetOp[], sheet: string, row: number): number {
  const set = ops.filter((op) => op.op === "rowHeight" && op.sheet === sheet && op.row === row);
  const last = set.at(-1);
  return last?.op === "rowHeight" ? last.height : DEFAULT_ROW;
}

/**
 * Where the grid's meetings go, from `first`: on the page where the rows above took `used` points,
 * then on pages of their own, each started by a page break and a copy of the header row (its row
 * in `headers`), so that every page of the grid, and only those, shows what its columns are.
 */
export function gridPlacement(first: number, used: number, heights: readonly number[]) {
  const rows: number[] = [];
  const headers: number[] = [];
  let row = first;
  let taken = used;
  for (const height of heights) {
    if (taken + height > PAGE_HEIGHT && taken > DEFAULT_ROW) {
      headers.push(row);
      row += 1;
      taken = DEFAULT_ROW;
    }
    rows.push(row);
    taken += height;
    row += 1;
  }
  return { rows, headers };
}

function headerOps(name: string, row: number, headers: readonly string[], span: number): SheetOp[] {
  const width = headers.length;
  return [
    values(name, row, 1, [[...headers]]),
    { op: "format", sheet: name, area: areaOf(row, 1, 1, width), format: { bold: true, ...TOP_WRAPPED } },
    ...whyMerges(name, row, 1, width, span),
  ];
}

/**
 * The grid, meeting by meeting, on as many pages as it takes, the header row above the meetings of
 * each (see gridPlacement). Returns the last row.
 */
function gridOps(sheet: ProposalSheet, ops: SheetOp[], headerRow: number): number {
  const name = sheet.name;
  const width = sheet.headers.length;
  const columns = proposalColumns(sheet);
  const span = whySpan(sheet);
  const body = sheet.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  let used = 0;
  for (let row = 1; row <= headerRow; row++) used += heightIn(ops, name, row);
  // Only a changed proposed topic is bold: the other rows' lines are counted in the regular font.
  const regular = columns.map((c) => ({ ...c, bold: false }));
  const columnsOf = (i: number) => (sheet.changedRows.includes(i) ? columns : regular);
  const heights = body.map((row, i) => Math.max(DEFAULT_ROW, fittedHeight(row, columnsOf(i))));
  const placed = gridPlacement(headerRow + 1, used, heights);
  ops.push(...headerOps(name, headerRow, sheet.headers, span));
  for (const row of placed.headers) {
    ops.push({ op: "pageBreak", sheet: name, row }, ...headerOps(name, row, sheet.headers, span));
  }
  body.forEach((row, i) => {
    const at = placed.rows[i] ?? headerRow + 1 + i;
    ops.push(values(name, at, 1, [row]));
    ops.push({ op: "format", sheet: name, area: areaOf(at, 1, 1, width), format: TOP_WRAPPED });
    ops.push(...rowHeights(name, at, [row], columnsOf(i)), ...whyMerges(name, at, 1, width, span));
    const proposed = areaOf(at, PROPOSED_COLUMN + 1, 1, 1);
    if (row[PROPOSED_COLUMN] === EMPTIED)
      ops.push({ op: "format", sheet: name, area: proposed, format: { italic: true } });
    if (sheet.changedRows.includes(i)) {
      ops.push({ op: "format", sheet: name, area: proposed, format: { fill: CHANGED_FILL, bold: true } });
    }
  });
  return placed.rows.at(-1) ?? headerRow;
}

/**
 * The proposal as its own sheet, after the last one, shown: the title block and the grid before
 * and after, then, from a new page, the timeline and the flexible-topic candidates, and the quoted
 * sources on a page of their own; A4 landscape, page numbers in the footer. No print titles: Excel
 * repeats them on every page of the sheet, where the grid's header would print above the timeline
 * and the sources; the grid's header row is written again at the top of each page it runs on to.
 */
export function describeProposalSheetOps(sheet: ProposalSheet): SheetOp[] {
  const name = sheet.name;
  const headerRow = sheet.caption.length + 2;
  const columns = proposalColumns(sheet);
  const ops: SheetOp[] = [{ op: "addSheet", sheet: name, visibility: "visible" }];
  ops.push(
    values(
      name,
      1,
      1,
      sheet.caption.map((line) => [line]),
    ),
  );
  ops.push({ op: "format", sheet: name, area: areaOf(1, 1, 1, 1), format: { bold: true, size: 14 } });
  ops.push({ op: "rowHeight", sheet: name, row: 1, height: 21 });
  if (sheet.caption.length > 1)
    ops.push({ op: "format", sheet: name, area: areaOf(2, 1, 1, 1), format: { italic: true } });
  const widths = proposalWidths(sheet);
  sheet.caption.slice(1).forEach((line, i) => ops.push(...acrossThePage(name, 2 + i, line, widths)));
  let bottom = gridOps(sheet, ops, headerRow);
  widths.forEach((w, c) => ops.push(...column(name, c + 1, w, false)));
  const after = sheet.after ?? [];
  // What follows the grid starts a page: the timeline, or the first block.
  const first = after[0];
  if (sheet.timeline || (first && !first.newPage)) ops.push({ op: "pageBreak", sheet: name, row: bottom + 2 });
  if (sheet.timeline) {
    const timeline = timelineOps(name, bottom, sheet.timeline, sheet.headers.length);
    ops.push(...timeline.ops);
    bottom = timeline.bottom;
  }
  ops.push(...blockOps(name, bottom + 1, after, columns, widths));
  ops.push({ op: "freezeRows", sheet: name, rows: headerRow });
  ops.push(printedLandscape(name));
  ops.push({ op: "activate", sheet: name });
  return ops;
}

/**
 * Everything Apply writes, in one write: the proposed fixed topics and appended meetings, the
 * expected review ends the proposal was made for, and the cells as they were, for Undo apply.
 */
export function describeApplyWrite(
  state: WorkbookState,
  edit: WorkplanEdit,
  expectedEnds: ExpectedEndsEdit,
  workplan: SheetTable,
): EditWrite {
  const described = describeApplyEdit(state, edit, workplan);
  if ("refused" in described) return described;
  const cells = [...edit.cells, ...expectedEnds.cells];
  const ops = [...described.ops, ...cellEditOps(expectedEnds.cells)];
  ops.push(...describeApplySnapshot(state, workplan, cells, edit.rows));
  return { ops };
}
