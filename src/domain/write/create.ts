/**
 * "Create workbook" (`workplan init`, Create in the pane): every table of the adopted defaults on
 * its own sheet, the drop-down lists and their names, the very-hidden flags sheet and the record.
 * It never overwrites a sheet or a table: it refuses and names what is in the way.
 */
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, NOT_CHECKED_CAPTION, TOPIC_LIST_NAME } from "../annotations";
import { areaOf } from "../areas";
import { ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS, adoptedTables } from "../defaults";
import { ARTICLES, CONFLICTS, SOURCES, WORKPLAN } from "../layout";
import type { CellPlace, ProductRecord, SheetOp, WorkbookState, Written } from "../sheetOps";
import { readPlan } from "../read";
import { tablesByName, type SheetTable } from "../tables";
import { describeTimeline, TIMELINE_SHEET } from "../timeline";
import { listPhrase } from "../wording";
import { sourceInWords } from "../sources";
import { listOps } from "./check";
import { describeConflicts } from "./conflicts";
import { writeRecord } from "./record";
import { describeTimelineSheet } from "./timeline";
import {
  column,
  ensureSheet,
  findSheet,
  fittedWidth,
  printedLandscape,
  rowHeights,
  TABLE_STYLE,
  values,
} from "./sheets";
import { sheetCounted, sheetText } from "../messages/sheets";

/** Drop-downs: which column of which table offers which list. */
const DROP_DOWNS = [
  { table: WORKPLAN.table, column: WORKPLAN.fixed, list: TOPIC_LIST_NAME },
  { table: WORKPLAN.table, column: WORKPLAN.flexible, list: FLEXIBLE_LIST_NAME },
  { table: ARTICLES.table, column: ARTICLES.topic, list: TOPIC_LIST_NAME },
];

export type CreateWrite = { ops: SheetOp[]; sheets: string[]; tables: string[] } | { refused: string };

/** The refusal: what is in the way and what to do. */
export function inTheWayMessage(sheets: readonly string[], tables: readonly { name: string; sheet: string }[]): string {
  const things = [
    ...sheets.map((sheet) => sheetText("n.sheet", { sheet })),
    ...tables.map((t) => sheetText("n.table", { table: t.name, sheet: t.sheet })),
  ];
  return sheetCounted("n.refused", things.length, { things: listPhrase(things) });
}

/**
 * Row of the Workplan table's header in a workbook we create: row 1 is left free for the legend of
 * the highlights, which a check writes just above the table, where a reader and a printed page
 * meet it first. The adopted tables as embedded (adoptedTables) stay at A1; a workbook created by
 * an earlier version has its Workplan table there, and reads and checks the same.
 */
export const CREATED_WORKPLAN_ROW = 2;

/** The adopted tables where creating writes them: the Workplan table below the legend's row. */
export function createdTables(): SheetTable[] {
  return adoptedTables().map((t) =>
    t.name === WORKPLAN.table ? { ...t, top: CREATED_WORKPLAN_ROW } : t.name === SOURCES.table ? sourcesInWords(t) : t,
  );
}

/**
 * The Sources table as a Bureau member reads it: first the source in words ("Background paper,
 * para. 18"), then the document and the sentences, and last the id the rules cite (P§18), which
 * the checker reads by its header and a planner edits for another working group.
 */
function sourcesInWords(table: SheetTable): SheetTable {
  const order = [SOURCES.reference, SOURCES.document, SOURCES.text, SOURCES.source];
  const at = (header: string) => table.headers.indexOf(header);
  return {
    ...table,
    headers: order,
    rows: table.rows.map((row) => {
      const id = row[at(SOURCES.source)] ?? null;
      const words = typeof id === "string" ? sourceInWords(id) : null;
      return order.map((header) => (header === SOURCES.reference ? words : (row[at(header)] ?? null)));
    }),
  };
}

/**
 * Widths of the Sources table's columns: the quoted text wide enough to read on A4 landscape, and
 * all four no wider than the three were, so that a page fitted to its width prints at 8 pt or more.
 */
const SOURCES_WIDTHS: Readonly<Record<string, number>> = {
  [SOURCES.reference]: 20,
  [SOURCES.document]: 24,
  [SOURCES.text]: 80,
  [SOURCES.source]: 8,
};

export function columnsOf(table: SheetTable): { width: number; wrap: boolean }[] {
  return table.headers.map((header, i) => {
    const texts = [header, ...table.rows.map((row) => row[i])];
    const fixed = table.name === SOURCES.table ? SOURCES_WIDTHS[String(header)] : undefined;
    return fixed ? { width: fixed, wrap: true } : fittedWidth(texts);
  });
}

/** An input table laid out on its own new sheet, as creating the workbook writes it. */
export function inputSheetOps(table: SheetTable): SheetOp[] {
  const grid: Written[][] = [table.headers as Written[], ...table.rows.map((row) => row as Written[])];
  const area = areaOf(table.top, table.left, grid.length, table.headers.length);
  const ops: SheetOp[] = [values(table.sheet, table.top, table.left, grid)];
  ops.push({ op: "addTable", sheet: table.sheet, table: table.name, area, style: TABLE_STYLE });
  const columns = columnsOf(table);
  // A row a wrapped cell makes taller reads on one line only when every cell of it sits at the top.
  if (columns.some((c) => c.wrap)) ops.push({ op: "format", sheet: table.sheet, area, format: { verticalTop: true } });
  columns.forEach(({ width, wrap }, i) => {
    ops.push(
      ...column(table.sheet, table.left + i, width, wrap, { ...area, left: table.left + i, right: table.left + i }),
    );
  });
  ops.push(...rowHeights(table.sheet, table.top, grid, columns));
  ops.push({ op: "freezeRows", sheet: table.sheet, rows: table.top });
  ops.push(printedLandscape(table.sheet, { top: table.top, bottom: table.top }));
  for (const dropDown of DROP_DOWNS.filter((d) => d.table === table.name && table.rows.length > 0)) {
    const at = table.left + table.headers.indexOf(dropDown.column);
    const body = { top: table.top + 1, left: at, bottom: table.top + table.rows.length, right: at };
    ops.push({ op: "listValidation", sheet: table.sheet, area: body, source: `=${dropDown.list}` });
  }
  return ops;
}

/**
 * The Timeline sheet (the product's, by the record) drawn from the tables created, as a check
 * draws it, so that a Bureau member opening a new workbook reads it at once; no conflict is
 * marked before the first check. Which meetings are held does not change the grid, so the year
 * the plan is read as of does not matter here.
 */
function drawnTimeline(state: WorkbookState, tables: readonly SheetTable[], added: Set<string>) {
  const { plan } = readPlan(tablesByName(tables), { currentYear: 0 });
  const grid = plan ? describeTimeline(plan, []) : { years: [], rows: [] };
  return describeTimelineSheet(state, grid, added);
}

/** The sheets a planner will see that the ops add, in order: what "Create" says it created, Timeline included. */
function visibleSheetsAdded(ops: readonly SheetOp[]): string[] {
  return ops.flatMap((op) => (op.op === "addSheet" && op.visibility === "visible" ? [op.sheet] : []));
}

export function describeCreate(state: WorkbookState): CreateWrite {
  const tables = createdTables();
  const sheetNames = [...new Set(tables.map((t) => t.sheet))];
  const sheetsInTheWay = sheetNames.flatMap((name) => findSheet(state, name)?.name ?? []);
  const existing = [
    ...state.tables.map((t) => ({ name: t.name, sheet: t.sheet })),
    ...(state.conflicts ? [state.conflicts] : []),
  ];
  const names = new Set(tables.map((t) => t.name.toLowerCase()));
  const tablesInTheWay = existing.filter((t) => names.has(t.name.toLowerCase()));
  if (sheetsInTheWay.length > 0 || tablesInTheWay.length > 0) {
    return { refused: inTheWayMessage(sheetsInTheWay, tablesInTheWay) };
  }
  const added = new Set<string>();
  const ops: SheetOp[] = [];
  let captions: CellPlace[] = [];
  let rules: ProductRecord["rules"] = [];
  for (const table of tables) {
    if (table.name === CONFLICTS.table) {
      const conflicts = describeConflicts(
        state,
        { caption: NOT_CHECKED_CAPTION, headers: CONFLICTS.headers, rows: [] },
        added,
      );
      ops.push(...conflicts.ops);
      captions = conflicts.captions;
      rules = conflicts.rules;
      continue;
    }
    ops.push(...ensureSheet(state, table.sheet, "visible", added), ...inputSheetOps(table));
  }
  ops.push(...ensureSheet(state, LISTS_SHEET, "veryHidden", added));
  ops.push(...listOps(state, { topics: [...ADOPTED_TOPIC_LABELS], flexible: [...ADOPTED_FLEXIBLE_LABELS] }));
  // The flags sheet exists from the start, so that a check need not change a sheet's visibility.
  ops.push(...ensureSheet(state, FLAGS_SHEET, "veryHidden", added));
  const timeline = findSheet(state, TIMELINE_SHEET) ? null : drawnTimeline(state, tables, added);
  ops.push(...(timeline?.ops ?? []));
  const sheets = timeline?.sheet ? [timeline.sheet] : [];
  const lists = findSheet(state, LISTS_SHEET)?.used?.bottom ?? 0;
  ops.push(
    ...writeRecord({ rules: [...rules, ...(timeline?.rules ?? [])], notes: [], cells: captions, sheets }, lists),
  );
  ops.push({ op: "activate", sheet: WORKPLAN.sheet });
  return { ops, sheets: visibleSheetsAdded(ops), tables: tables.map((t) => t.name) };
}
