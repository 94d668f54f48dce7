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
import { column, filledIn, lineAcross, printedLandscape, rowHeights, values } from "./sheets";
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
 * The proposal as its own sheet, after the last one, shown: the title block, the grid before and
 * after, then the flexible-topic candidates and the quoted sources; A4 landscape at full size, the
 * header row repeated on every page, page numbers in the footer.
 */
export function describeProposalSheetOps(sheet: ProposalSheet): SheetOp[] {
  const name = sheet.name;
  const width = sheet.headers.length;
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
  ops.push(values(name, headerRow, 1, [[...sheet.headers]]));
  const header = { bold: true, ...TOP_WRAPPED };
  ops.push({ op: "format", sheet: name, area: areaOf(headerRow, 1, 1, width), format: header });
  const body = sheet.rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? null));
  if (body.length > 0) {
    ops.push(values(name, headerRow + 1, 1, body));
    const area = areaOf(headerRow + 1, 1, body.length, width);
    ops.push({ op: "format", sheet: name, area, format: TOP_WRAPPED });
    ops.push(...rowHeights(name, headerRow + 1, body, columns));
  }
  body.forEach((row, i) => {
    if (row[PROPOSED_COLUMN] !== EMPTIED) return;
    const cell = areaOf(headerRow + 1 + i, PROPOSED_COLUMN + 1, 1, 1);
    ops.push({ op: "format", sheet: name, area: cell, format: { italic: true } });
  });
  for (const i of sheet.changedRows) {
    const cell = areaOf(headerRow + 1 + i, PROPOSED_COLUMN + 1, 1, 1);
    ops.push({ op: "format", sheet: name, area: cell, format: { fill: CHANGED_FILL, bold: true } });
  }
  const span = whySpan(sheet);
  ops.push(...whyMerges(name, headerRow, body.length + 1, width, span));
  widths.forEach((w, c) => ops.push(...column(name, c + 1, w, false)));
  let bottom = headerRow + body.length;
  if (sheet.timeline) {
    const timeline = timelineOps(name, bottom, sheet.timeline, width);
    ops.push(...timeline.ops);
    bottom = timeline.bottom;
  }
  ops.push(...blockOps(name, bottom + 1, sheet.after ?? [], columns, widths));
  ops.push({ op: "freezeRows", sheet: name, rows: headerRow });
  ops.push(printedLandscape(name, { top: headerRow, bottom: headerRow }));
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
