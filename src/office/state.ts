/// <reference types="office-js" />
/**
 * Reading the workbook as the core's WorkbookState, in ONE `context.sync()` as a rule, with the
 * Office proxies the interpreter (ops.ts) needs to change what is already there: the product's
 * conditional formats, the product's notes, the tables and the named items.
 *
 * Null objects (docs/excel-behaviour.md, "Null objects"): Microsoft documents only that a null
 * object's own `isNullObject` is loaded, nothing about what is reached through it. Existence is
 * therefore read from collections (sheets, tables, names), which are never null, and a value
 * read through a `*OrNullObject` proxy is used only when its root exists. Should a host refuse
 * the whole batch because something was reached through a null object, the read runs again as
 * a probe (one read-only sync of the collections) and a read that reaches only what exists: the
 * extra round trip is paid only there, so a repeat check in a set-up workbook stays at 2 syncs.
 */
import { FLAGS_SHEET, LISTS_SHEET, NOTE_MARK, FLEXIBLE_LIST_NAME, TOPIC_LIST_NAME } from "../domain/annotations";
import { CONFLICTS, INPUT_TABLES, WORKPLAN } from "../domain/layout";
import { TIMELINE_SHEET } from "../domain/timeline";
import {
  formulaKey,
  type CellPlace,
  type PlacedTable,
  type PlainRead,
  type ProductRecord,
  type SheetState,
  type Visibility,
  type WorkbookState,
} from "../domain/sheetOps";
import { recordFromSheet } from "../domain/write";
import type { SheetTable } from "../domain/tables";
import { a1 } from "../domain/tables";
import { parseArea, sheetOfAddress, type Area } from "./address";
import { errorCode } from "./run";
import type { Support } from "./run";
import { queueCellsOf, sheetTableOf } from "./tables";
import { officeText } from "./messages";

/** The Office proxies of what exists, for the interpreter; keys are lower case. */
export interface Found {
  /**
   * Formula rules on the Workplan table's sheet, by `ruleKey(sheet, formula)`; the record says which
   * are the product's. A rule's own range would cost a sync per rule, so a removeRule op is matched
   * by sheet and formula (the formula names the flags sheet's cell, which is the product's own).
   */
  rules: Map<string, Excel.ConditionalFormat[]>;
  /** Notes by `cellKey(sheet, row, column)`, where their cells were located (see locateNotes). */
  notes: Map<string, Excel.Note>;
  /** Every note of the product's (text starting with NOTE_MARK), located or not. */
  ownNotes: Excel.Note[];
  tables: Map<string, Excel.Table>;
  names: Map<string, Excel.NamedItem>;
}

export interface StateRead {
  state: WorkbookState;
  found: Found;
  /** How many read syncs the read took (1 as a rule; see the module comment). */
  syncs: number;
  /** Why notes are left out of this check, when they are: the message the pane shows. */
  notesWithheld: string | null;
  /** Input tables whose rows a filter hides (Table.autoFilter, ExcelApi 1.9): Apply refuses them. */
  filtered: string[];
}

/** `sheet|formula`, the formula without "=", quotes, spaces and case: how Excel may store our formula. */
export function ruleKey(sheet: string, formula: string): string {
  return `${sheet.toLowerCase()}|${formulaKey(formula)}`;
}

export function cellKey(sheet: string, row: number, column: number): string {
  return `${sheet}!${a1(row, column)}`.toLowerCase();
}

const VISIBILITY: Readonly<Record<string, Visibility>> = {
  Visible: "visible",
  Hidden: "hidden",
  VeryHidden: "veryHidden",
};

function flagsReference(): RegExp {
  const name = FLAGS_SHEET.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(?:'${name}'|(?<![\\w.'])${name})!`, "i");
}

/**
 * A legacy mark: a formula rule that reads the flags sheet, which is how a version that kept no
 * record wrote its highlights (with a record, the record says which rules are the product's).
 */
export function isLegacyRule(format: Excel.ConditionalFormat): boolean {
  const formula = customFormula(format);
  return formula !== null && flagsReference().test(formula);
}

/** A formula rule's formula, or null for any other kind of conditional format. */
function customFormula(format: Excel.ConditionalFormat): string | null {
  if (format.type !== "Custom") return null;
  const custom = format.customOrNullObject;
  if (custom.isNullObject === true) return null;
  const formula = custom.rule.formula;
  return typeof formula === "string" ? formula : null;
}

type Deferred<T> = () => T;

/** Which sheets, tables and names exist: loaded from collections, which are never null objects. */
export interface Existence {
  sheets: Excel.WorksheetCollection;
  tables: Excel.TableCollection;
  names: Excel.NamedItemCollection;
}

function queueExistence(context: Excel.RequestContext): Existence {
  const sheets = context.workbook.worksheets;
  sheets.load("items/name, items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name, items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name, items/formula");
  return { sheets, tables, names };
}

/** What exists, known either before the read (probed) or only after it (optimistic). */
interface Known {
  sheet(name: string): boolean;
  table(name: string): boolean;
}

const OPTIMISTIC: Known = { sheet: () => true, table: () => true };

function probed(existence: Existence): Known {
  return knownOf({
    sheets: existence.sheets.items.map((s) => s.name),
    tables: existence.tables.items.map((t) => t.name),
  });
}

function knownOf(names: { sheets: readonly string[]; tables: readonly string[] }): Known {
  const sheets = new Set(names.sheets.map((name) => name.toLowerCase()));
  const tables = new Set(names.tables.map((name) => name.toLowerCase()));
  return { sheet: (name) => sheets.has(name.toLowerCase()), table: (name) => tables.has(name.toLowerCase()) };
}

/** A sheet's cells that hold values: address, and values when asked. Null when the sheet is missing or empty. */
function queueUsed(
  sheet: Excel.Worksheet,
  values: boolean,
  root: { isNullObject: boolean } = sheet,
): Deferred<{ area: Area; values: unknown[][] } | null> {
  const used = sheet.getUsedRangeOrNullObject(true);
  used.load(values ? "address, values" : "address");
  return () => {
    if (root.isNullObject === true || used.isNullObject === true) return null;
    return { area: parseArea(used.address), values: values ? used.values : [] };
  };
}

function queueSheet(context: Excel.RequestContext, known: Known, name: string, values = false) {
  if (!known.sheet(name)) return () => null;
  const sheet = context.workbook.worksheets.getItemOrNullObject(name);
  return queueUsed(sheet, values);
}

interface QueuedRules {
  sheet: string;
  formats: Excel.ConditionalFormatCollection;
  owner: Excel.Worksheet;
}

/** Sheets besides the Workplan's where the product's record may list rules. */
const RULED_SHEETS: readonly string[] = [CONFLICTS.sheet, TIMELINE_SHEET];

function queueRules(owner: Excel.Worksheet, sheet: string): QueuedRules {
  const formats = owner.getRange().conditionalFormats;
  formats.load("items/type, items/customOrNullObject/rule/formula");
  return { sheet, formats, owner };
}

interface Queued {
  existence: Existence;
  inputs: { name: string; table: Excel.Table; read: Deferred<SheetTable | null>; filter: Excel.AutoFilter | null }[];
  conflicts: { table: Excel.Table; range: Excel.Range; used: Deferred<{ area: Area; values: unknown[][] } | null> };
  conflictsSheet: Deferred<{ area: Area; values: unknown[][] } | null>;
  used: Map<string, Deferred<{ area: Area; values: unknown[][] } | null>>;
  belowWorkplan: Deferred<{ area: Area; values: unknown[][] } | null>;
  rules: QueuedRules[];
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection | null;
}

/** Every sheet whose used cells the core may need: the layout's, the helper sheets and the Conflicts sheet. */
function namedSheets(): string[] {
  return [...new Set([...INPUT_TABLES.map((t) => t.sheet), CONFLICTS.sheet, FLAGS_SHEET, LISTS_SHEET])];
}

function queueRead(context: Excel.RequestContext, support: Support, known: Known): Queued {
  const existence = queueExistence(context);
  const inputs = INPUT_TABLES.filter((layout) => known.table(layout.table)).map((layout) => {
    const cells = queueCellsOf(context, layout.table);
    const filter = support.autoFilter ? cells.table.autoFilter.load("isDataFiltered") : null;
    return { name: layout.table, table: cells.table, read: () => sheetTableOf(cells), filter };
  });
  const conflictsTable = context.workbook.tables.getItemOrNullObject(CONFLICTS.table);
  const conflicts = known.table(CONFLICTS.table)
    ? {
        table: conflictsTable,
        range: conflictsTable.getRange().load("address"),
        used: queueUsed(conflictsTable.worksheet, true, conflictsTable),
      }
    : { table: conflictsTable, range: null as unknown as Excel.Range, used: () => null };
  // Values of the lists sheet (the record) and of the Conflicts sheet: where it has no table yet,
  // the user's text there, which the table goes below and never over (known only after the sync).
  const withValues = (name: string) => name === LISTS_SHEET || name === CONFLICTS.sheet;
  const used = new Map(
    namedSheets().map((name) => [name.toLowerCase(), queueSheet(context, known, name, withValues(name))]),
  );
  const rules: QueuedRules[] = [];
  const workplan = inputs.find((input) => input.name === WORKPLAN.table);
  if (workplan) rules.push(queueRules(workplan.table.worksheet, ""));
  // What lies below the Workplan table, where Apply's rows go: the sheet's values (the table's
  // own cells are left out after the sync).
  const belowWorkplan = workplan ? queueUsed(workplan.table.worksheet, true, workplan.table) : () => null;
  if (known.sheet(WORKPLAN.sheet))
    rules.push(queueRules(context.workbook.worksheets.getItemOrNullObject(WORKPLAN.sheet), WORKPLAN.sheet));
  // The product's sheets hold rules of the record too (the Conflicts table's severity colours).
  for (const name of RULED_SHEETS.filter((sheet) => known.sheet(sheet)))
    rules.push(queueRules(context.workbook.worksheets.getItemOrNullObject(name), name));
  const notes = support.notes ? context.workbook.notes.load("items/content") : null;
  const comments = support.notes ? context.workbook.comments.load("items/id") : null;
  return {
    existence,
    inputs,
    conflicts,
    conflictsSheet: used.get(CONFLICTS.sheet.toLowerCase()) ?? (() => null),
    used,
    belowWorkplan,
    rules,
    notes,
    comments,
  };
}

/**
 * Queues a read and syncs it; where the host refuses the batch because something was reached
 * through a null object, loads the workbook's tables (a collection, never null) in one more
 * read-only sync and queues the read again with only the tables that exist.
 */
export async function syncOrProbe<T>(
  context: Excel.RequestContext,
  queue: (exists: (table: string) => boolean) => T,
  /** The tables `queue` reads through; when none exists, the probed read queues nothing and needs no sync. */
  through: readonly string[],
): Promise<T> {
  const optimistic = queue(() => true);
  try {
    await context.sync();
    return optimistic;
  } catch (error) {
    if (!refusedNullChain(error)) throw error;
  }
  const tables = context.workbook.tables;
  tables.load("items/name");
  await context.sync();
  const names = new Set(tables.items.map((t) => t.name.toLowerCase()));
  const exists = (table: string) => names.has(table.toLowerCase());
  const probed = queue(exists);
  if (through.some(exists)) await context.sync();
  return probed;
}

/** Codes with which a host may refuse a batch that reaches through a null object. */
// Only the codes that name an object that is not there: a general failure is reported, not probed.
const NULL_CHAIN_REFUSALS = new Set(["InvalidObjectPath", "ItemNotFound"]);

/** Whether the host refused a batch because it reached through a null object. */
export function refusedNullChain(error: unknown): boolean {
  const code = errorCode(error);
  return code !== null && NULL_CHAIN_REFUSALS.has(code);
}

/** Codes with which loading notes fails where the notes API is missing or broken (office-js 6198). */
export const NOTES_REFUSALS = new Set(["ApiNotFound", "NotImplemented", "UnsupportedFeature", "GeneralException"]);

export const NOTES_UNAVAILABLE = officeText("notes.unavailable");

/**
 * Reads the workbook as the core's WorkbookState in one sync (see the module comment for the
 * two cases that take more), with the proxies applyOps needs. Notes that cannot be read make a
 * state without notes and a message, never a failed read.
 */
export interface ReadStateOptions {
  /**
   * Whether the writes to come need every cell that holds a note or a comment (a check does, to
   * put no note on the user's); false spares the sync that locates them (clear, create, edits).
   */
  noteCells?: boolean;
  /**
   * Reads where plain ranges of the layout may be (setting up a workbook, setUp.ts): one more
   * read-only sync, only when an input table is missing. Checks never ask.
   */
  plain?: (context: Excel.RequestContext, existence: Existence) => Promise<PlainRead>;
  /** The sheets and tables that exist, when the batch has read them already: no probe is then needed. */
  known?: { sheets: readonly string[]; tables: readonly string[] };
}

export async function readWorkbookState(
  context: Excel.RequestContext,
  support: Support,
  options: ReadStateOptions = {},
): Promise<StateRead> {
  let syncs = 0;
  let notesWithheld: string | null = null;
  let known = options.known ? knownOf(options.known) : OPTIMISTIC;
  let effective = support;
  for (;;) {
    const queued = queueRead(context, effective, known);
    syncs++;
    try {
      await context.sync();
    } catch (error) {
      const code = errorCode(error);
      if (effective.notes && code !== null && NOTES_REFUSALS.has(code)) {
        effective = { ...effective, notes: false };
        notesWithheld = NOTES_UNAVAILABLE;
        continue;
      }
      if (known !== OPTIMISTIC || code === null || !NULL_CHAIN_REFUSALS.has(code)) throw error;
      const existence = queueExistence(context);
      syncs++;
      await context.sync();
      known = probed(existence);
      continue;
    }
    const read = await finish(context, queued, effective, options.noteCells !== false);
    const missing = read.state.tables.length < INPUT_TABLES.length;
    const plain = options.plain && missing ? await options.plain(context, queued.existence) : null;
    return {
      ...read,
      syncs: syncs + read.locateSyncs + (plain ? 1 : 0),
      notesWithheld,
      state: { ...read.state, notesSupported: effective.notes, ...(plain ? { plain } : {}) },
    };
  }
}

async function finish(
  context: Excel.RequestContext,
  queued: Queued,
  support: Support,
  noteCells: boolean,
): Promise<Omit<StateRead, "syncs" | "notesWithheld"> & { locateSyncs: number }> {
  const present = queued.inputs.filter((input) => input.table.isNullObject !== true);
  const tables = present.map((input) => input.read()).filter((t): t is SheetTable => t !== null);
  const filtered = present.filter((input) => input.filter?.isDataFiltered === true).map((input) => input.name);
  const sheets: SheetState[] = queued.existence.sheets.items.map((sheet) => ({
    name: sheet.name,
    visibility: VISIBILITY[sheet.visibility] ?? "visible",
    used: queued.used.get(sheet.name.toLowerCase())?.()?.area ?? null,
  }));
  const conflicts = placedConflicts(queued);
  const conflictsCells = conflicts ? queued.conflicts.used() : queued.conflictsSheet();
  const conflictsSheet =
    conflicts?.sheet ?? sheets.find((s) => s.name.toLowerCase() === CONFLICTS.sheet.toLowerCase())?.name;
  const workplan = tables.find((t) => t.name.toLowerCase() === WORKPLAN.table.toLowerCase());
  const filledCells = [
    ...nonEmptyCells(conflictsSheet ?? CONFLICTS.sheet, conflictsCells),
    ...(workplan ? nonEmptyCells(workplan.sheet, queued.belowWorkplan(), aboveOrBelow(workplan)) : []),
  ];
  const lists = queued.used.get(LISTS_SHEET.toLowerCase())?.() ?? null;
  const record = lists ? recordFromSheet(lists.values, lists.area) : null;
  const rules = customRules(queued, workplan);
  const notes = await locateNotes(context, queued, support, record, noteCells);
  return {
    state: {
      tables,
      sheets,
      conflicts,
      filledCells,
      names: namedLists(queued.existence.names),
      record,
      legacyMarks: { rules: rules.legacy, notes: notes.own, cells: [] },
      noteCells: notes.cells,
      notesSupported: support.notes,
    },
    found: {
      rules: rules.found,
      notes: notes.byCell,
      ownNotes: notes.ownProxies,
      tables: new Map(queued.existence.tables.items.map((item) => [item.name.toLowerCase(), item])),
      names: new Map(queued.existence.names.items.map((item) => [item.name.toLowerCase(), item])),
    },
    filtered,
    locateSyncs: notes.syncs,
  };
}

function namedLists(items: Excel.NamedItemCollection): Map<string, string | null> {
  const names = new Map<string, string | null>();
  for (const wanted of [TOPIC_LIST_NAME, FLEXIBLE_LIST_NAME]) {
    const item = items.items.find((i) => i.name.toLowerCase() === wanted.toLowerCase());
    names.set(wanted, typeof item?.formula === "string" ? item.formula : null);
  }
  return names;
}

function placedConflicts(queued: Queued): PlacedTable | null {
  const { table, range } = queued.conflicts;
  if (!range || table.isNullObject === true) return null;
  const sheet = sheetOfAddress(range.address);
  const item = queued.existence.tables.items.find((t) => t.name.toLowerCase() === CONFLICTS.table.toLowerCase());
  return {
    name: CONFLICTS.table,
    sheet: item?.worksheet.name ?? sheet ?? CONFLICTS.sheet,
    area: parseArea(range.address),
  };
}

/** The cells holding a value, below row `after` when given. */
/**
 * On the Workplan table's sheet, the cells where the product may write: below the table (Apply's
 * rows) and in the row above it, across its width (the legend of the highlights).
 */
function aboveOrBelow(table: SheetTable): (row: number, column: number) => boolean {
  const bottom = table.top + table.rows.length;
  const right = table.left + table.headers.length - 1;
  return (row, column) => row > bottom || (row === table.top - 1 && column >= table.left && column <= right);
}

function nonEmptyCells(
  sheet: string,
  used: { area: Area; values: unknown[][] } | null,
  keep: (row: number, column: number) => boolean = () => true,
): CellPlace[] {
  if (!used) return [];
  const cells: CellPlace[] = [];
  used.values.forEach((row, r) =>
    row.forEach((value, c) => {
      const at = { sheet, row: used.area.top + r, column: used.area.left + c };
      if (keep(at.row, at.column) && value !== "" && value !== null && value !== undefined)
        cells.push({ ...at, text: String(value) });
    }),
  );
  return cells;
}

/**
 * Every formula rule on the Workplan table's sheet (and the sheet named Workplan), by formula: the
 * record says which are the product's. Without a record (a workbook checked by a version that kept
 * none), the rules that read the flags sheet are the legacy marks.
 */
function customRules(
  queued: Queued,
  workplan: SheetTable | undefined,
): { legacy: ProductRecord["rules"]; found: Map<string, Excel.ConditionalFormat[]> } {
  const found = new Map<string, Excel.ConditionalFormat[]>();
  const legacy: ProductRecord["rules"] = [];
  const seen = new Set<string>();
  for (const rules of queued.rules) {
    if (rules.owner.isNullObject === true) continue;
    const sheet = rules.sheet || workplan?.sheet || WORKPLAN.sheet;
    if (seen.has(sheet.toLowerCase())) continue;
    seen.add(sheet.toLowerCase());
    for (const format of rules.formats.items) {
      const formula = customFormula(format);
      if (formula === null) continue;
      const key = ruleKey(sheet, formula);
      found.set(key, [...(found.get(key) ?? []), format]);
      // A rule's own range costs a sync per rule; versions before the record wrote their rules
      // on the Workplan table's body, so that is where the legacy marks place them.
      if (!flagsReference().test(formula) || !workplan) continue;
      if (!legacy.some((r) => ruleKey(r.sheet, r.formula) === key))
        legacy.push({ sheet, area: bodyArea(workplan), formula });
    }
  }
  return { legacy, found };
}

function bodyArea(table: SheetTable): Area {
  return {
    top: table.top + 1,
    left: table.left,
    bottom: table.top + Math.max(1, table.rows.length),
    right: table.left + Math.max(1, table.headers.length) - 1,
  };
}

interface LocatedNotes {
  /** Every cell with a note or a comment, as `sheet!a1`. */
  cells: Set<string>;
  /** Where the notes starting with NOTE_MARK are (legacy marks; empty when not located). */
  own: CellPlace[];
  byCell: Map<string, Excel.Note>;
  ownProxies: Excel.Note[];
  syncs: number;
}

/**
 * Where notes and threaded comments are. Excel gives a note's or a comment's cell only through
 * `getLocation()`, so this costs one more read-only sync, and only when the record cannot tell:
 * when the workbook holds a comment, a note that is not the product's, or notes of a version
 * that kept no record. A set-up workbook whose only notes are the product's needs none.
 */
async function locateNotes(
  context: Excel.RequestContext,
  queued: Queued,
  support: Support,
  record: ProductRecord | null,
  wanted: boolean,
): Promise<LocatedNotes> {
  const none: LocatedNotes = { cells: new Set(), own: [], byCell: new Map(), ownProxies: [], syncs: 0 };
  if (!support.notes || !queued.notes || !queued.comments) return none;
  const notes = queued.notes.items;
  const own = notes.filter((note) => isOwnNote(note.content));
  const comments = queued.comments.items;
  const recorded = (record?.notes ?? []).map((n) => cellKey(n.sheet, n.row, n.column));
  // With a record the product's notes are known without their cells being looked up.
  if (!wanted && record) return { ...none, cells: new Set(recorded), ownProxies: own };
  if (
    comments.length === 0 &&
    (notes.length === 0 || (record && own.length === notes.length && own.length === recorded.length))
  )
    return { ...none, cells: new Set(recorded), ownProxies: own };
  const locate = <T extends Excel.Note | Excel.Comment>(items: T[]) =>
    items.map((item) => ({ item, range: item.getLocation().load("address") }));
  const located = { notes: locate(notes), comments: locate(comments) };
  await context.sync();
  const at = (range: Excel.Range) => {
    const area = parseArea(range.address);
    const sheet = sheetOfAddress(range.address) ?? "";
    return { sheet, row: area.top, column: area.left, key: cellKey(sheet, area.top, area.left) };
  };
  const byCell = new Map<string, Excel.Note>();
  for (const { item, range } of located.notes) byCell.set(at(range).key, item);
  return {
    cells: new Set([...located.notes, ...located.comments].map(({ range }) => at(range).key)),
    own: located.notes
      .filter(({ item }) => isOwnNote(item.content))
      .map(({ range }) => {
        const { sheet, row, column } = at(range);
        return { sheet, row, column };
      }),
    byCell,
    ownProxies: own,
    syncs: 1,
  };
}

export function isOwnNote(content: unknown): boolean {
  return typeof content === "string" && content.startsWith(NOTE_MARK);
}
