/**
 * What a check writes, and what clearing removes, as one list of sheet operations: the product's
 * old marks removed by the record, the flags and highlight rules, the notes, the Conflicts table,
 * the drop-down lists and the new record.
 */
import {
  FLAGS_SHEET,
  FLEXIBLE_LIST_NAME,
  LISTS_SHEET,
  TOPIC_LIST_NAME,
  type Annotations,
  type DropDownLists,
  type Highlights,
  type Note,
} from "../annotations";
import { SEVERITY_STYLE } from "../annotations";
import { areaOf, areaOfAddress, quoteSheet, type Area } from "../areas";
import { cellName } from "../cellRef";
import type { CellPlace, ProductRecord, SheetOp, WorkbookState } from "../sheetOps";
import { columnLetters } from "../tables";
import { describeConflicts, ownCaptions } from "./conflicts";
import { describeLegend, highlightsSomething, withoutLegends } from "./legend";
import { EMPTY_RECORD, writeRecord } from "./record";
import { describeTimelineSheet } from "./timeline";
import { ensureSheet, findSheet, values } from "./sheets";

export interface CheckWrite {
  ops: SheetOp[];
  notesWritten: number;
  /** Notes not written: on a cell that holds a note or comment of the user's, or where notes are not supported. */
  notesSkipped: Note[];
  /** Where the Conflicts table is, header row included ("Conflicts!A4:F9"); null when it was not written. */
  conflicts: string | null;
  /** Why the Conflicts table was not written (the user's cells in the way), or null. */
  blocked: string | null;
  /** Whether the lines above the Conflicts table were written (no free row above it: not). */
  captionWritten: boolean;
  /** Why the Timeline was not drawn (a sheet of the user's has its name), or null. */
  timelineBlocked: string | null;
}

export interface ClearWrite {
  ops: SheetOp[];
  rulesRemoved: number;
  notesRemoved: number;
}

/** The marks the product wrote before: by its record, or as a version without one made them. */
function previous(state: WorkbookState): ProductRecord {
  return state.record ?? state.legacyMarks;
}

function usedBottom(state: WorkbookState, sheet: string): number {
  return findSheet(state, sheet)?.used?.bottom ?? 0;
}

function removeMarks(state: WorkbookState, old: ProductRecord): SheetOp[] {
  const ops: SheetOp[] = old.rules.map(({ sheet, area, formula }) => ({ op: "removeRule", sheet, area, formula }));
  for (const { sheet, row, column } of old.notes) ops.push({ op: "removeNote", sheet, row, column });
  const flags = findSheet(state, FLAGS_SHEET);
  if (flags?.used) ops.push({ op: "clearValues", sheet: flags.name, area: flags.used });
  return ops;
}

function highlightOps(highlights: Highlights): { ops: SheetOp[]; rules: ProductRecord["rules"] } {
  const area = areaOfAddress(highlights.range) as Area;
  const width = highlights.flags[0]?.length ?? 0;
  const ops: SheetOp[] = [
    values(FLAGS_SHEET, highlights.top, highlights.left, highlights.flags),
    values(
      FLAGS_SHEET,
      highlights.top,
      highlights.left + width,
      highlights.rowFlags.map((flag) => [flag]),
    ),
  ];
  const rules = highlights.rules.map((rule) => ({ sheet: highlights.sheet, area, formula: rule.formula }));
  for (const rule of highlights.rules) {
    const format = {
      fill: rule.fill,
      fontColor: rule.font,
      ...(rule.border ? { border: rule.border, bold: true } : {}),
    };
    ops.push({ op: "addRule", sheet: highlights.sheet, area, formula: rule.formula, format });
  }
  return { ops, rules };
}

const ERROR_TAB = "C00000";

/** Points in a note's box: wide enough for about 45 characters a line, as tall as its lines. */
export function noteSize(text: string): { width: number; height: number } {
  const lines = text.split("\n").reduce((n, line) => n + Math.max(1, Math.ceil(line.length / 45)), 0);
  return { width: 260, height: Math.max(60, lines * 13 + 10) };
}

function noteOps(state: WorkbookState, notes: readonly Note[], old: ProductRecord) {
  const ours = new Set(old.notes.map((place) => cellName(place).toLowerCase()));
  const ops: SheetOp[] = [];
  const written: CellPlace[] = [];
  const skipped: Note[] = [];
  for (const note of notes) {
    const key = cellName(note.at).toLowerCase();
    if (!state.notesSupported || (state.noteCells.has(key) && !ours.has(key))) {
      skipped.push(note);
      continue;
    }
    const { sheet, row, column } = note.at;
    ops.push({ op: "addNote", sheet, row, column, text: note.text, ...noteSize(note.text) });
    written.push({ sheet, row, column });
  }
  return { ops, written, skipped };
}

function listReference(column: number, length: number): string {
  const letters = columnLetters(column);
  return `=${quoteSheet(LISTS_SHEET)}!$${letters}$1:$${letters}$${Math.max(1, length)}`;
}

function normalizeReference(formula: string): string {
  return formula.replace(/'/g, "").replace(/\s/g, "").toLowerCase();
}

/** The drop-down lists on the lists sheet (columns A and B) and the two names that reach them. */
export function listOps(state: WorkbookState, lists: DropDownLists): SheetOp[] {
  const ops: SheetOp[] = [];
  const bottom = usedBottom(state, LISTS_SHEET);
  if (bottom > 0) ops.push({ op: "clearValues", sheet: LISTS_SHEET, area: areaOf(1, 1, bottom, 2) });
  const columns: [string, string[]][] = [
    [TOPIC_LIST_NAME, lists.topics],
    [FLEXIBLE_LIST_NAME, lists.flexible],
  ];
  columns.forEach(([name, labels], i) => {
    if (labels.length > 0)
      ops.push(
        values(
          LISTS_SHEET,
          1,
          i + 1,
          labels.map((label) => [label]),
        ),
      );
    const reference = listReference(i + 1, labels.length);
    const current = state.names.get(name) ?? null;
    if (current === null || normalizeReference(current) !== normalizeReference(reference)) {
      ops.push({ op: "setName", name, reference });
    }
  });
  return ops;
}

/** The Conflicts sheet's tab is red while the check finds errors, and plain again when it finds none. */
function tabOp(address: string, conflicts: Annotations["conflicts"]): SheetOp {
  const sheet = address.slice(0, address.lastIndexOf("!"));
  const errors = conflicts.rows.some((row) => row[0] === SEVERITY_STYLE.error.label);
  return { op: "tabColor", sheet, color: errors ? ERROR_TAB : null };
}

export function describeCheck(state: WorkbookState, annotations: Annotations): CheckWrite {
  const old = previous(state);
  const added = new Set<string>();
  const ops: SheetOp[] = [...removeMarks(state, old)];
  if (annotations.highlights) ops.push(...ensureSheet(state, FLAGS_SHEET, "veryHidden", added));
  ops.push(...ensureSheet(state, LISTS_SHEET, "veryHidden", added));
  let rules: ProductRecord["rules"] = [];
  if (annotations.highlights) {
    const highlights = highlightOps(annotations.highlights);
    ops.push(...highlights.ops);
    rules = highlights.rules;
  }
  const notes = noteOps(state, annotations.notes, old);
  ops.push(...notes.ops);
  const legend = describeLegend(state, ownCaptions(state), highlightsSomething(annotations.highlights));
  const conflicts = describeConflicts(state, annotations.conflicts, added, legend.skipped);
  ops.push(...conflicts.ops, ...legend.ops);
  if (conflicts.address) ops.push(tabOp(conflicts.address, annotations.conflicts));
  if (annotations.lists) ops.push(...listOps(state, annotations.lists));
  const timeline = annotations.timeline ? describeTimelineSheet(state, annotations.timeline, added) : null;
  ops.push(...(timeline?.ops ?? []));
  const record = {
    rules: [...rules, ...conflicts.rules, ...(timeline?.rules ?? [])],
    notes: notes.written,
    cells: [...conflicts.captions, ...(legend.cell ? [legend.cell] : [])],
    sheets: timeline?.sheet ? [timeline.sheet] : (state.record?.sheets ?? []),
  };
  ops.push(...writeRecord(record, usedBottom(state, LISTS_SHEET)));
  return {
    ops,
    notesWritten: notes.written.length,
    notesSkipped: notes.skipped,
    conflicts: conflicts.address,
    blocked: conflicts.blocked,
    captionWritten: conflicts.captions.length > 0 && conflicts.blocked === null,
    timelineBlocked: timeline?.blocked ?? null,
  };
}

/** The rules that read the flags sheet: the highlights, which clearing removes (the Conflicts table's colours stay). */
function readsFlags(rule: { formula: string }): boolean {
  return rule.formula.toLowerCase().includes(`${quoteSheet(FLAGS_SHEET)}!`.toLowerCase());
}

/**
 * Removes the product's highlights, their legend and the notes, and empties the flags; the
 * Conflicts table and the lists stay.
 */
export function describeClear(state: WorkbookState): ClearWrite {
  const old = previous(state);
  const highlights = { ...old, rules: old.rules.filter(readsFlags) };
  const kept = old.rules.filter((rule) => !readsFlags(rule));
  const ops = removeMarks(state, highlights);
  const legend = describeLegend(state, ownCaptions(state), false);
  ops.push(...legend.ops);
  if (state.record || highlights.rules.length > 0 || old.notes.length > 0) {
    const added = new Set<string>();
    ops.push(...ensureSheet(state, LISTS_SHEET, "veryHidden", added));
    const record = {
      ...EMPTY_RECORD,
      rules: state.record ? kept : [],
      cells: withoutLegends(state, ownCaptions(state)),
      sheets: state.record?.sheets ?? [],
    };
    ops.push(...writeRecord(record, usedBottom(state, LISTS_SHEET)));
  }
  return { ops, rulesRemoved: highlights.rules.length, notesRemoved: old.notes.length };
}
