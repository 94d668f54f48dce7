/**
 * The fake Excel's workbooks: built from engine tables (the adopted workplan, a blank workbook,
 * or any tables), and readers of what a check left in them, for tests and end-to-end pages.
 */
import { captionRows, FLAGS_SHEET, LISTS_SHEET, NOT_CHECKED_CAPTION, NOTE_MARK } from "../../../src/domain/annotations";
import { adoptedTables, CONFLICTS_HEADER_ROW } from "../../../src/domain/defaults";
import { CONFLICTS, WORKPLAN } from "../../../src/domain/layout";
import type { CellValue, SheetTable } from "../../../src/domain/tables";
import { FakeExcel, type FakeContext, type FakeExcelOptions } from "./excel";
import {
  TableModel,
  WorkbookModel,
  areaName,
  parseAddress,
  type Area,
  type ErrorValue,
  type Scalar,
  type SheetModel,
} from "./model";

export function put(sheet: SheetModel, row: number, column: number, value: CellValue): void {
  if (value === null || value === undefined || value === "") return;
  const cell = sheet.ensure(row, column);
  if (typeof value === "object" && value !== null && "error" in value) cell.value = value as ErrorValue;
  else cell.value = value as Scalar;
}

/** A workbook holding the given tables where they say they are, as a planner would have it. */
export function workbookOf(tables: readonly SheetTable[]): WorkbookModel {
  const model = new WorkbookModel();
  for (const table of tables) {
    const sheet = model.sheet(table.sheet) ?? model.addSheet(table.sheet);
    const rows = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
    table.headers.forEach((header, c) => put(sheet, table.top, table.left + c, header));
    rows.forEach((row, r) => row.forEach((value, c) => put(sheet, table.top + 1 + r, table.left + c, value)));
    const area: Area = {
      top: table.top,
      left: table.left,
      bottom: table.top + rows.length,
      right: table.left + table.headers.length - 1,
    };
    model.tables.push(new TableModel(table.name, sheet, area));
  }
  return model;
}

export function fakeExcel(tables: readonly SheetTable[], options?: FakeExcelOptions): FakeExcel {
  return new FakeExcel(workbookOf(tables), options);
}

/**
 * What a fake workbook starts as: "default" is the adopted workplan as `workplan init` and
 * "Create workbook" lay it out (every table on its own sheet, the "not checked yet" lines above
 * the Conflicts table; the drop-down lists and helper sheets come with the first check);
 * "empty" is a new blank workbook (one empty sheet, Sheet1); "plain" the secretariat's workbook
 * (plainWorkbook); or any tables.
 */
export type Seed = "default" | "empty" | "plain" | readonly SheetTable[];

/** The secretariat's workbook: the adopted input tables as plain ranges (no Excel tables), header rows filled. */
export function plainWorkbook(): WorkbookModel {
  const model = workbookOf(adoptedTables().filter((t) => t.name !== CONFLICTS.table));
  for (const table of model.tables)
    for (let c = table.area.left; c <= table.area.right; c++)
      table.sheet.ensure(table.area.top, c).style = { fill: "#DDEBF7", bold: "true" };
  model.tables.length = 0;
  model.activeSheet = WORKPLAN.sheet;
  return model;
}

export function seededWorkbook(seed: Seed = "default"): WorkbookModel {
  if (seed === "plain") return plainWorkbook();
  if (seed === "empty") {
    const model = new WorkbookModel();
    model.addSheet("Sheet1");
    return model;
  }
  const model = workbookOf(seed === "default" ? adoptedTables() : seed);
  if (seed === "default") {
    const conflicts = model.table(CONFLICTS.table);
    if (conflicts)
      captionRows(CONFLICTS_HEADER_ROW).forEach((row, i) =>
        put(conflicts.sheet, row, conflicts.area.left, NOT_CHECKED_CAPTION[i]),
      );
    model.activeSheet = model.table(WORKPLAN.table)?.sheet.name ?? model.activeSheet;
  }
  return model;
}

export function createFakeExcel(options: FakeExcelOptions & { seed?: Seed } = {}): FakeExcel {
  return new FakeExcel(seededWorkbook(options.seed), options);
}

export type SyncKind = "read" | "write" | "empty";

/** Wraps every context's sync to record, per Excel.run, what each sync carried. */
export function recordSyncs(excel: FakeExcel): SyncKind[][] {
  const runs: SyncKind[][] = [];
  const previous = excel.onContext;
  excel.onContext = (context: FakeContext) => {
    previous?.(context);
    const syncs: SyncKind[] = [];
    runs.push(syncs);
    const sync = context.sync.bind(context);
    context.sync = async () => {
      syncs.push(context.pendingKind() ?? "empty");
      return sync();
    };
  };
  return runs;
}

export function valueAt(sheet: SheetModel, row: number, column: number): Scalar | ErrorValue | null {
  return sheet.cell(row, column)?.value ?? null;
}

export function valuesIn(sheet: SheetModel, address: string): (Scalar | ErrorValue | null)[][] {
  const { area } = parseAddress(address);
  const rows: (Scalar | ErrorValue | null)[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: (Scalar | ErrorValue | null)[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(valueAt(sheet, r, c));
    rows.push(row);
  }
  return rows;
}

export function sheet(model: WorkbookModel, name: string): SheetModel {
  const found = model.sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

/** The notes the product wrote, as the engine describes them. */
export function productNotes(model: WorkbookModel): { sheet: string; cell: string; text: string }[] {
  return model.sheets.flatMap((s) =>
    s
      .orderedNotes()
      .filter((n) => n.content.startsWith(NOTE_MARK))
      .map((n) => ({ sheet: s.name, cell: n.cell, text: n.content })),
  );
}

export function userNotes(model: WorkbookModel): { sheet: string; cell: string; text: string }[] {
  return model.sheets.flatMap((s) =>
    s
      .orderedNotes()
      .filter((n) => !n.content.startsWith(NOTE_MARK))
      .map((n) => ({ sheet: s.name, cell: n.cell, text: n.content })),
  );
}

/** The Conflicts table as written: caption lines, headers, body rows (blank cells as null). */
export function conflictsOf(model: WorkbookModel): {
  sheet: string;
  area: string;
  captions: (string | null)[];
  headers: unknown[];
  rows: unknown[][];
} {
  const table = model.table(CONFLICTS.table);
  if (!table) throw new Error("no Conflicts table");
  const s = table.sheet;
  const { top, left, bottom, right } = table.area;
  const at = (r: number, c: number) => {
    const v = valueAt(s, r, c);
    return v === null ? null : v;
  };
  const row = (r: number) => Array.from({ length: right - left + 1 }, (_, i) => at(r, left + i));
  return {
    sheet: s.name,
    area: areaName(table.area),
    captions: [Math.max(1, top - 3), Math.max(1, top - 3) + 1].map((r) =>
      r < top ? (at(r, left) as string | null) : null,
    ),
    headers: row(top),
    rows: Array.from({ length: bottom - top }, (_, i) => row(top + 1 + i)),
  };
}

export function flagsSheet(model: WorkbookModel): SheetModel {
  return sheet(model, FLAGS_SHEET);
}

export function listsSheet(model: WorkbookModel): SheetModel {
  return sheet(model, LISTS_SHEET);
}

/** Every string in the workbook (for "no error text of a mock reached the workbook"). */
export function allText(model: WorkbookModel): string[] {
  const texts: string[] = [];
  for (const s of model.sheets) {
    for (const cell of s.cells.values()) if (typeof cell.value === "string") texts.push(cell.value);
    for (const note of s.notes.values()) texts.push(note.content);
    for (const format of s.conditionalFormats) if (format.formula) texts.push(format.formula);
  }
  for (const name of model.names) texts.push(name.formula);
  return texts;
}

export { areaName };
