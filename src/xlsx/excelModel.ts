/**
 * Typed access to the parts of ExcelJS 4.4.0's worksheet model that its type declarations leave
 * out: loaded tables (whose model has `tableRef`, not `ref`), conditional formats, validation of a
 * whole range (set cell by cell, ExcelJS 4.4.0 writes overlapping ranges once a column passes row
 * 9, as it orders "D10" before "D2"), and removing a note (assigning `note = undefined` writes
 * an empty note).
 */
import type ExcelJS from "exceljs";

export interface TableModel {
  name: string;
  /** Set on loaded tables and by `validate()` on new ones: the whole range, header to totals. */
  tableRef?: string;
  headerRow?: boolean;
  totalsRow?: boolean;
  columns: { name: string }[];
  style?: { theme?: string | null };
}

export interface ConditionalFormat {
  ref: string;
  rules: { type: string; formulae?: unknown[]; priority?: number }[];
}

interface WorksheetInternals {
  tables: Record<string, { table: TableModel }>;
  conditionalFormattings: ConditionalFormat[];
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function internals(worksheet: ExcelJS.Worksheet): WorksheetInternals {
  return worksheet as unknown as WorksheetInternals;
}

export function tableModels(worksheet: ExcelJS.Worksheet): TableModel[] {
  return Object.values(internals(worksheet).tables).map((table) => table.table);
}

/** Removes a table by name, whatever its case; returns its model. */
export function removeTableModel(worksheet: ExcelJS.Worksheet, name: string): TableModel | undefined {
  const { tables } = internals(worksheet);
  const key = Object.keys(tables).find((k) => k.toLowerCase() === name.toLowerCase());
  if (key === undefined) return undefined;
  const model = tables[key]?.table;
  delete tables[key];
  return model;
}

export function conditionalFormats(worksheet: ExcelJS.Worksheet): ConditionalFormat[] {
  return internals(worksheet).conditionalFormattings;
}

export function setConditionalFormats(worksheet: ExcelJS.Worksheet, formats: ConditionalFormat[]): void {
  internals(worksheet).conditionalFormattings = formats;
}

export function validateRange(worksheet: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation): void {
  internals(worksheet).dataValidations.add(range, validation);
}

/** A loaded cell also keeps its note in the value's model, which is what ExcelJS writes. */
export function removeNote(cell: ExcelJS.Cell): void {
  const internal = cell as unknown as { _comment?: unknown; _value: { model: { comment?: unknown } } };
  internal._comment = undefined;
  delete internal._value.model.comment;
}

/** The note's text: ExcelJS holds a plain string or rich-text runs. */
export function noteText(cell: ExcelJS.Cell): string | null {
  const note = cell.note as string | { texts?: { text?: string }[] } | undefined;
  if (note === undefined || note === null) return null;
  return typeof note === "string" ? note : (note.texts ?? []).map((run) => run.text ?? "").join("");
}

/** The cells the sheet holds, without creating any (ExcelJS's `includeEmpty` creates them). */
export function existingCells(worksheet: ExcelJS.Worksheet): ExcelJS.Cell[] {
  const cells: ExcelJS.Cell[] = [];
  for (let r = 1; r <= worksheet.rowCount; r++) {
    const row = worksheet.findRow(r);
    for (let c = 1; row && c <= row.cellCount; c++) {
      const cell = row.findCell(c);
      if (cell) cells.push(cell);
    }
  }
  return cells;
}
