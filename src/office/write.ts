/// <reference types="office-js" />
/**
 * Applying the engine's Annotations in ONE `context.sync()`: the flags sheet and the highlight
 * rules, the notes, the Conflicts table and the drop-down lists. What the user made (values,
 * fills, fonts, borders, their own rules, notes, comments, data validation) is never touched:
 * the product's own marks are found by what identifies them (a rule reading the flags sheet, a
 * note starting with NOTE_MARK, the product's sheets, names and Conflicts table).
 */
import {
  captionRows,
  LISTS_SHEET,
  type Annotations,
  type ConflictsTable,
  type DropDownLists,
  type Highlights,
  type Note,
} from "../domain/annotations";
import { CONFLICTS } from "../domain/layout";
import { CONFLICTS_HEADER_ROW } from "../domain/defaults";
import { a1 } from "../domain/tables";
import { areaAddress, areaOf, parseArea, quoteSheet, sheetOfAddress, subtractArea, type Area } from "./address";
import { formatFor, writtenValue, type Written } from "./cells";
import type { HelperSheetState, Marks, NamedListState, ReadSnapshot } from "./read";
import type { Support } from "./run";

export interface WriteReport {
  /** Notes written (0 where the client has no notes). */
  notesWritten: number;
  /** Notes not written because the cell holds the user's own note or a comment. */
  notesSkipped: Note[];
  /** False where the client has no notes (ExcelApi 1.18); the Conflicts table still explains. */
  notesSupported: boolean;
  /** Where the Conflicts table is, header row included, e.g. "Conflicts!A4:F9". */
  conflicts: string;
  /** False when the Conflicts table sits so high on its sheet that no row above it is free. */
  captionWritten: boolean;
  /** Whether a check had to wait for a second read (to locate notes and comments). */
  locateSync: boolean;
  /** Why the Conflicts table was not updated (cells of the user's in the way), or null. */
  blocked?: string | null;
  /** Why notes were left out of this check (this Excel could not read or write them), or null. */
  notesWithheld?: string | null;
}

function sheetByName(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return context.workbook.worksheets.getItem(name);
}

/** The product's very-hidden sheet, added if missing and hidden if someone showed it. */
export function helperSheet(context: Excel.RequestContext, state: HelperSheetState): Excel.Worksheet {
  const sheet = state.exists ? sheetByName(context, state.name) : context.workbook.worksheets.add(state.name);
  if (!state.veryHidden) sheet.visibility = "VeryHidden";
  return sheet;
}

/** Whether writing would change a sheet's visibility (Worksheet.visibility cannot join a merged undo group on Windows and Mac). */
export function changesVisibility(snapshot: ReadSnapshot, annotations: Annotations): boolean {
  const flags = snapshot.marks.flags;
  const lists = snapshot.lists;
  return (
    (annotations.highlights !== null && (!flags.exists || !flags.veryHidden)) ||
    (annotations.lists !== null && (!lists.exists || !lists.veryHidden))
  );
}

/** Deletes the product's highlight rules and notes and empties the flags; keeps everything else. */
export function queueClearMarks(context: Excel.RequestContext, marks: Marks): void {
  // Delete from the last item back, so that no deletion moves an item still to be deleted.
  for (const rules of marks.rules) [...rules.items].reverse().forEach((rule) => rule.delete());
  if (marks.notes) [...marks.notes.ours].reverse().forEach((note) => note.delete());
  if (marks.flags.exists && marks.flags.used)
    sheetByName(context, marks.flags.name).getRange(areaAddress(marks.flags.used)).clear("Contents");
}

function queueHighlights(context: Excel.RequestContext, snapshot: ReadSnapshot, highlights: Highlights | null): void {
  if (!highlights) return;
  const flags = helperSheet(context, snapshot.marks.flags);
  flags.getRange(highlights.range).values = highlights.flags.map((row) => [...row]);
  const target = sheetByName(context, highlights.sheet).getRange(highlights.range);
  for (const rule of highlights.rules) {
    const format = target.conditionalFormats.add("Custom");
    format.custom.rule.formula = `=${rule.formula}`;
    format.custom.format.fill.color = `#${rule.fill}`;
    format.custom.format.font.color = `#${rule.font}`;
    // A new rule comes in first; moved last, below the user's rules, their order is left as it
    // was (as the ExcelJS adapter does). A priority past the end is set to the last one; the
    // proxy is stale afterwards, so this is the rule's last step.
    format.priority = LAST_PRIORITY;
  }
}

/** Past the end of any conditional-format collection: Excel sets it to the last priority. */
const LAST_PRIORITY = 1_000_000;

export function setCells(range: Excel.Range, rows: readonly (readonly Written[])[]): void {
  range.numberFormat = rows.map((row) => row.map(formatFor));
  range.values = rows.map((row) => [...row]);
}

function conflictsValues(conflicts: ConflictsTable): Written[][] {
  return [[...conflicts.headers], ...conflicts.rows.map((row) => row.map(writtenValue))];
}

function queueConflicts(
  context: Excel.RequestContext,
  snapshot: ReadSnapshot,
  conflicts: ConflictsTable,
): { address: string; caption: boolean } {
  const values = conflictsValues(conflicts);
  const width = conflicts.headers.length;
  const state = snapshot.conflicts;
  let sheet: Excel.Worksheet;
  let sheetName: string;
  let area: Area;
  if (state.table && state.sheet && state.area) {
    sheetName = state.sheet;
    sheet = sheetByName(context, sheetName);
    area = areaOf(state.area.top, state.area.left, values.length, width);
    const address = areaAddress(area);
    if (snapshot.support.resize) {
      state.table.resize(sheet.getRange(address));
    } else {
      state.table.convertToRange();
      sheet.tables.add(address, true).name = CONFLICTS.table;
    }
    // Rows and columns the table no longer covers: their text goes, their formats stay.
    for (const part of subtractArea(state.area, area)) sheet.getRange(areaAddress(part)).clear("Contents");
    setCells(sheet.getRange(address), values);
  } else {
    sheetName = conflicts.sheet;
    sheet = state.sheetExists ? sheetByName(context, sheetName) : context.workbook.worksheets.add(sheetName);
    // On a sheet of that name that already holds something, the table goes below it.
    const top = state.sheetUsed ? state.sheetUsed.bottom + CONFLICTS_HEADER_ROW : CONFLICTS_HEADER_ROW;
    area = areaOf(top, 1, values.length, width);
    setCells(sheet.getRange(areaAddress(area)), values);
    sheet.tables.add(areaAddress(area), true).name = CONFLICTS.table;
  }
  const rows = captionRows(area.top);
  const lines = rows.length === 1 ? [conflicts.caption.join(" ")] : conflicts.caption;
  rows.forEach((row, i) => setCells(sheet.getRange(a1(row, area.left)), [[lines[i] ?? ""]]));
  return { address: `${sheetName}!${areaAddress(area)}`, caption: rows.length > 0 };
}

function listReference(column: string, length: number): string {
  return `=${quoteSheet(LISTS_SHEET)}!$${column}$1:$${column}$${Math.max(1, length)}`;
}

function normalizeReference(formula: string): string {
  return formula.replace(/'/g, "").replace(/\s/g, "").toLowerCase();
}

function queueName(context: Excel.RequestContext, state: NamedListState, reference: string): void {
  if (!state.item) context.workbook.names.add(state.name, reference);
  else if (state.formula === null || normalizeReference(state.formula) !== normalizeReference(reference))
    state.item.formula = reference;
}

/** Rewrites the very-hidden lists sheet and points the two named lists at it. */
export function queueLists(
  context: Excel.RequestContext,
  state: HelperSheetState,
  names: { topics: NamedListState; flexible: NamedListState },
  lists: DropDownLists | null,
): void {
  if (!lists) return;
  const sheet = helperSheet(context, state);
  if (state.used) sheet.getRange(areaAddress(state.used)).clear("Contents");
  const columns: [string, string[]][] = [
    ["A", lists.topics],
    ["B", lists.flexible],
  ];
  for (const [column, labels] of columns) {
    if (labels.length > 0)
      setCells(
        sheet.getRange(`${column}1:${column}${labels.length}`),
        labels.map((label) => [label]),
      );
  }
  queueName(context, names.topics, listReference("A", lists.topics.length));
  queueName(context, names.flexible, listReference("B", lists.flexible.length));
}

/**
 * The cells where a new note would land on the user's own note or on a threaded comment. The
 * engine decides only after the read where notes go, and Excel gives a note's or a comment's
 * cell only through `getLocation()`, so this costs one more (read-only) sync, and only when a
 * sheet that receives notes holds notes or comments of the user's own.
 */
export async function locateOccupiedCells(
  context: Excel.RequestContext,
  snapshot: ReadSnapshot,
  notes: readonly Note[],
): Promise<Set<string> | null> {
  const state = snapshot.marks.notes;
  if (!state || notes.length === 0) return null;
  const targetSheets = new Set(notes.map((note) => note.sheet.toLowerCase()));
  const locations: Excel.Range[] = [];
  for (const key of targetSheets) {
    const sheet = state.sheets.get(key);
    for (const item of [...(sheet?.userNotes ?? []), ...(sheet?.comments ?? [])])
      locations.push(item.getLocation().load("address"));
  }
  if (locations.length === 0) return null;
  await context.sync();
  return new Set(locations.map((range) => cellKey(range.address)));
}

function cellKey(address: string): string {
  const area = parseArea(address);
  return `${sheetOfAddress(address) ?? ""}!${a1(area.top, area.left)}`.toLowerCase();
}

/** Notes that may be written: on a sheet whose notes were read, and on no cell of the user's. */
function writableNotes(
  snapshot: ReadSnapshot,
  notes: readonly Note[],
  occupied: Set<string> | null,
): { write: Note[]; skip: Note[] } {
  const state = snapshot.marks.notes;
  const write: Note[] = [];
  const skip: Note[] = [];
  for (const note of notes) {
    const known = state?.sheets.has(note.sheet.toLowerCase()) ?? false;
    if (known && !occupied?.has(`${note.sheet}!${note.cell}`.toLowerCase())) write.push(note);
    else skip.push(note);
  }
  return { write, skip };
}

/**
 * Writes the annotations in one sync (after at most one read-only sync that locates the user's
 * notes, see `locateOccupiedCells`). Running it twice with the same input leaves the workbook
 * as running it once. `beforeWrite` may queue loads that must see the workbook as the write
 * finds it: they run in the same batch, just before the first write.
 */
export async function writeAnnotations(
  context: Excel.RequestContext,
  snapshot: ReadSnapshot,
  annotations: Annotations,
  beforeWrite?: () => void,
): Promise<WriteReport> {
  const support: Support = snapshot.support;
  const occupied = support.notes ? await locateOccupiedCells(context, snapshot, annotations.notes) : null;
  const notes = support.notes ? writableNotes(snapshot, annotations.notes, occupied) : { write: [], skip: [] };

  // Whatever the caller queues here runs in the write batch before any write (see checkWorkbook).
  beforeWrite?.();
  queueClearMarks(context, snapshot.marks);
  queueHighlights(context, snapshot, annotations.highlights);
  queueLists(context, snapshot.lists, snapshot.names, annotations.lists);
  const conflicts = queueConflicts(context, snapshot, annotations.conflicts);
  for (const note of notes.write) sheetByName(context, note.sheet).notes.add(note.cell, note.text);

  await context.sync();
  return {
    notesWritten: notes.write.length,
    notesSkipped: notes.skip,
    notesSupported: support.notes,
    conflicts: conflicts.address,
    captionWritten: conflicts.caption,
    locateSync: occupied !== null,
  };
}
