/// <reference types="office-js" />
/**
 * Reading the workbook in ONE `context.sync()`: every table the layout names, where the
 * product's own marks are (highlight rules, notes, helper sheets, named lists, the Conflicts
 * table), and nothing else. Table names are known in advance, so every proxy is queued before
 * the single sync; a table that is missing comes back as a null object.
 */
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, NOTE_MARK, TOPIC_LIST_NAME } from "../domain/annotations";
import { CONFLICTS, INPUT_TABLES, WORKPLAN } from "../domain/layout";
import type { CellValue, SheetTable } from "../domain/tables";
import { parseArea, type Area } from "./address";
import { engineValue } from "./cells";
import type { Support } from "./run";

export interface HelperSheetState {
  name: string;
  exists: boolean;
  veryHidden: boolean;
  /** The cells holding values, or null when it holds none. */
  used: Area | null;
}

/** The product's highlight rules on one sheet, in the collection's order. */
export interface OwnedRules {
  sheet: string;
  items: Excel.ConditionalFormat[];
}

export interface SheetNotes {
  sheet: string;
  /** Notes on the sheet that are not the product's. */
  userNotes: Excel.Note[];
  /** Threaded comments on the sheet: a cell with one cannot take a note. */
  comments: Excel.Comment[];
}

export interface NoteState {
  /** Every note of the product's in the workbook (its text starts with NOTE_MARK), in order. */
  ours: Excel.Note[];
  /** Keyed by lower-case sheet name: the sheets of the tables, where notes may be written. */
  sheets: Map<string, SheetNotes>;
}

/** What the product wrote last time and clearing removes. */
export interface Marks {
  rules: OwnedRules[];
  /** Null where the client has no notes (ExcelApi 1.18). */
  notes: NoteState | null;
  flags: HelperSheetState;
}

export interface NamedListState {
  name: string;
  item: Excel.NamedItem | null;
  formula: string | null;
}

export interface ConflictsState {
  table: Excel.Table | null;
  /** The table's sheet and cells (header row included), when the table exists. */
  sheet: string | null;
  area: Area | null;
  /** Whether a sheet named "Conflicts" exists, and the cells that hold values on it. */
  sheetExists: boolean;
  sheetUsed: Area | null;
}

export interface ReadSnapshot {
  /** The layout's input tables that exist, for the engine. */
  tables: SheetTable[];
  support: Support;
  marks: Marks;
  lists: HelperSheetState;
  names: { topics: NamedListState; flexible: NamedListState };
  conflicts: ConflictsState;
}

type Deferred<T> = () => T;

/** True only for a proxy that Excel reported missing (never for an unloaded property). */
function missing(object: { isNullObject: boolean }): boolean {
  return object.isNullObject === true;
}

export function queueHelperSheet(context: Excel.RequestContext, name: string): Deferred<HelperSheetState> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  sheet.load("name, visibility");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  return () => {
    if (missing(sheet)) return { name, exists: false, veryHidden: false, used: null };
    return {
      name: sheet.name,
      exists: true,
      veryHidden: sheet.visibility === "VeryHidden",
      used: missing(used) ? null : parseArea(used.address),
    };
  };
}

const RULE_LOAD = "items/type, items/customOrNullObject/rule/formula";

function flagsReference(): RegExp {
  const name = FLAGS_SHEET.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:'${name}'|(?<![\\w.'])${name})!`, "i");
}

/** A conditional format is the product's when it is a formula rule that reads the flags sheet. */
export function isOwnRule(format: Excel.ConditionalFormat): boolean {
  if (format.type !== "Custom") return false;
  const custom = format.customOrNullObject;
  if (missing(custom)) return false;
  const formula = custom.rule.formula;
  return typeof formula === "string" && flagsReference().test(formula);
}

export function isOwnNote(content: unknown): boolean {
  return typeof content === "string" && content.startsWith(NOTE_MARK);
}

/** Queues the sheet's conditional formats; after the sync, the product's among them. */
function queueRules(sheet: Excel.Worksheet): Deferred<OwnedRules | null> {
  sheet.load("name");
  const formats = sheet.getRange().conditionalFormats;
  formats.load(RULE_LOAD);
  return () => (missing(sheet) ? null : { sheet: sheet.name, items: formats.items.filter(isOwnRule) });
}

/**
 * Queues what clearing and re-writing the product's marks needs to know: the highlight rules on
 * the Workplan table's sheet (and on the sheet named Workplan, should the table have moved), the
 * product's notes, and the flags sheet.
 */
export function queueMarks(
  context: Excel.RequestContext,
  support: Support,
  workplanSheet: Excel.Worksheet,
): Deferred<Marks> {
  const rules = [
    queueRules(workplanSheet),
    queueRules(context.workbook.worksheets.getItemOrNullObject(WORKPLAN.sheet)),
  ];
  const notes = support.notes ? context.workbook.notes : null;
  notes?.load("items/content");
  const flags = queueHelperSheet(context, FLAGS_SHEET);
  return () => {
    const bySheet = new Map<string, OwnedRules>();
    for (const found of rules.map((read) => read())) {
      if (found && !bySheet.has(found.sheet.toLowerCase())) bySheet.set(found.sheet.toLowerCase(), found);
    }
    return {
      rules: [...bySheet.values()],
      notes: notes ? { ours: notes.items.filter((note) => isOwnNote(note.content)), sheets: new Map() } : null,
      flags: flags(),
    };
  };
}

interface QueuedTable {
  table: Excel.Table;
  range: Excel.Range;
  columns: Excel.TableColumnCollection;
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection | null;
}

/** Queues a table's name, sheet, cells and column names. */
export function queueCellsOf(
  context: Excel.RequestContext,
  name: string,
): Pick<QueuedTable, "table" | "range" | "columns"> {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load("name, showHeaders, showTotals");
  table.worksheet.load("name");
  const range = table.getRange();
  range.load("address, values, valueTypes");
  const columns = table.columns;
  columns.load("items/name");
  return { table, range, columns };
}

function queueTable(context: Excel.RequestContext, name: string, support: Support): QueuedTable {
  const cells = queueCellsOf(context, name);
  const notes = support.notes ? cells.table.worksheet.notes : null;
  notes?.load("items/content");
  const comments = support.notes ? cells.table.worksheet.comments : null;
  comments?.load("items/id");
  return { ...cells, notes, comments };
}

export function sheetTableOf({ table, range, columns }: Pick<QueuedTable, "table" | "range" | "columns">): SheetTable {
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

/** Queues one table's name, sheet, cells and column names; after the sync, the table, or null when it is missing. */
export function queueTableValues(context: Excel.RequestContext, name: string): Deferred<SheetTable | null> {
  const cells = queueCellsOf(context, name);
  return () => (missing(cells.table) ? null : sheetTableOf(cells));
}

/** Queues every input table of the layout; after the sync, those that exist, in the layout's order. */
export function queueInputTables(
  context: Excel.RequestContext,
  exists: (table: string) => boolean = () => true,
): Deferred<SheetTable[]> {
  // Tables known to be missing are not asked for: nothing is reached through a null object.
  const queued = INPUT_TABLES.filter((layout) => exists(layout.table)).map((layout) =>
    queueTableValues(context, layout.table),
  );
  return () => queued.map((read) => read()).filter((table): table is SheetTable => table !== null);
}

/**
 * The input tables as one string: where each is and every value it holds. Two reads with the same
 * fingerprint saw the same tables; the check compares the one it read with one taken in its
 * write batch to tell whether the workbook changed in between.
 */
export function fingerprint(tables: readonly SheetTable[]): string {
  return JSON.stringify(tables.map((t) => [t.name, t.sheet, t.top, t.left, t.headers, t.rows]));
}

export function queueNamedList(context: Excel.RequestContext, name: string): Deferred<NamedListState> {
  const item = context.workbook.names.getItemOrNullObject(name);
  item.load("name, formula");
  return () =>
    missing(item)
      ? { name, item: null, formula: null }
      : { name, item, formula: typeof item.formula === "string" ? item.formula : null };
}

function queueConflicts(context: Excel.RequestContext): Deferred<ConflictsState> {
  const table = context.workbook.tables.getItemOrNullObject(CONFLICTS.table);
  table.load("name");
  table.worksheet.load("name");
  const range = table.getRange();
  range.load("address");
  const sheet = context.workbook.worksheets.getItemOrNullObject(CONFLICTS.sheet);
  sheet.load("name");
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load("address");
  return () => {
    const found = !missing(table);
    return {
      table: found ? table : null,
      sheet: found ? table.worksheet.name : null,
      area: found ? parseArea(range.address) : null,
      sheetExists: !missing(sheet),
      sheetUsed: !missing(sheet) && !missing(used) ? parseArea(used.address) : null,
    };
  };
}

/**
 * Reads every input table and what the write step needs, in exactly one `context.sync()`.
 * Missing tables are left out of `tables`; the engine reports them.
 */
export async function readTables(context: Excel.RequestContext, support: Support): Promise<ReadSnapshot> {
  const queued = INPUT_TABLES.map((layout) => queueTable(context, layout.table, support));
  const workplan = queued[INPUT_TABLES.findIndex((layout) => layout.table === WORKPLAN.table)];
  if (!workplan) throw new Error("The layout has no Workplan table.");
  const marks = queueMarks(context, support, workplan.table.worksheet);
  const lists = queueHelperSheet(context, LISTS_SHEET);
  const topics = queueNamedList(context, TOPIC_LIST_NAME);
  const flexible = queueNamedList(context, FLEXIBLE_LIST_NAME);
  const conflicts = queueConflicts(context);

  await context.sync();

  const present = queued.filter((q) => !missing(q.table));
  const snapshot: ReadSnapshot = {
    tables: present.map(sheetTableOf),
    support,
    marks: marks(),
    lists: lists(),
    names: { topics: topics(), flexible: flexible() },
    conflicts: conflicts(),
  };
  const notes = snapshot.marks.notes;
  if (notes) {
    for (const q of present) {
      const sheet = q.table.worksheet.name;
      if (notes.sheets.has(sheet.toLowerCase()) || !q.notes || !q.comments) continue;
      notes.sheets.set(sheet.toLowerCase(), {
        sheet,
        userNotes: q.notes.items.filter((note) => !isOwnNote(note.content)),
        comments: q.comments.items,
      });
    }
  }
  return snapshot;
}
