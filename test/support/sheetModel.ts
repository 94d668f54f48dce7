/**
 * A plain in-memory workbook that applies the domain's sheet operations literally: the test double
 * that lets the descriptions be tested without either adapter. It also reads itself back as a
 * WorkbookState, the way an adapter reads a workbook.
 */
import { FLAGS_SHEET, NOTE_MARK } from "../../src/domain/annotations";
import { inArea, quoteSheet, sameArea, type Area } from "../../src/domain/areas";
import { ALL_TABLES, CONFLICTS, INPUT_TABLES } from "../../src/domain/layout";
import { HEAD_ROWS, missingTables } from "../../src/domain/setUp";
import type { SheetOp, Visibility, WorkbookState, Written } from "../../src/domain/sheetOps";
import { a1, type CellValue, type SheetTable } from "../../src/domain/tables";
import { RECORD_SHEET, recordFromSheet } from "../../src/domain/write";

export interface ModelSheet {
  name: string;
  visibility: Visibility;
  cells: Map<string, Written>;
  formats: Map<string, Record<string, unknown>>;
  rules: { area: Area; formula: string; user?: boolean }[];
  notes: Map<string, { text: string; user?: boolean }>;
  validations: { area: Area; source: string }[];
  widths: Map<number, number>;
  merged: Area[];
  /** Rows above which a manual page break was added. */
  breaks: number[];
  heights: Map<number, number>;
  tab: string | null;
  frozen: number;
  page: Record<string, unknown> | null;
}

export interface ModelTable {
  name: string;
  sheet: string;
  area: Area;
}

const key = (row: number, column: number) => `${row},${column}`;

export class SheetModel {
  sheets: ModelSheet[] = [];
  tables: ModelTable[] = [];
  names = new Map<string, string>();
  active: string | null = null;
  notesSupported = true;

  sheet(name: string): ModelSheet {
    const found = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!found) throw new Error(`No sheet "${name}"`);
    return found;
  }

  addSheet(name: string, visibility: Visibility = "visible"): ModelSheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) throw new Error(`Sheet "${name}" exists`);
    const sheet: ModelSheet = {
      name,
      visibility,
      cells: new Map(),
      formats: new Map(),
      rules: [],
      notes: new Map(),
      validations: [],
      widths: new Map(),
      merged: [],
      breaks: [],
      heights: new Map(),
      tab: null,
      frozen: 0,
      page: null,
    };
    this.sheets.push(sheet);
    return sheet;
  }

  get(sheet: string, row: number, column: number): Written {
    return this.sheet(sheet).cells.get(key(row, column)) ?? null;
  }

  set(sheet: string, row: number, column: number, value: Written): void {
    const cells = this.sheet(sheet).cells;
    if (value === null || value === "") cells.delete(key(row, column));
    else cells.set(key(row, column), value);
  }

  /** A table of values written from (top, left) as a user would make it. */
  putTable(name: string, sheet: string, top: number, left: number, grid: Written[][]): void {
    grid.forEach((row, r) => row.forEach((value, c) => this.set(sheet, top + r, left + c, value)));
    const width = Math.max(...grid.map((row) => row.length));
    this.tables.push({ name, sheet, area: { top, left, bottom: top + grid.length - 1, right: left + width - 1 } });
  }

  apply(ops: readonly SheetOp[]): void {
    for (const op of ops) this.applyOne(op);
  }

  private applyOne(op: SheetOp): void {
    switch (op.op) {
      case "addSheet":
        this.addSheet(op.sheet, op.visibility);
        return;
      case "setVisibility":
        this.sheet(op.sheet).visibility = op.visibility;
        return;
      case "activate":
        this.active = this.sheet(op.sheet).name;
        return;
      case "setValues":
        op.values.forEach((row, r) => row.forEach((v, c) => this.set(op.sheet, op.top + r, op.left + c, v)));
        return;
      case "clearValues":
        for (let r = op.area.top; r <= op.area.bottom; r++)
          for (let c = op.area.left; c <= op.area.right; c++) this.set(op.sheet, r, c, null);
        return;
      case "addTable":
      case "convertToTable":
        if (this.tables.some((t) => t.name.toLowerCase() === op.table.toLowerCase())) throw new Error("table exists");
        this.tables.push({ name: op.table, sheet: this.sheet(op.sheet).name, area: op.area });
        return;
      case "resizeTable": {
        const table = this.tables.find((t) => t.name.toLowerCase() === op.table.toLowerCase());
        if (!table || table.area.top !== op.area.top || table.area.left !== op.area.left) throw new Error("bad resize");
        table.area = op.area;
        return;
      }
      case "addRule":
        this.sheet(op.sheet).rules.push({ area: op.area, formula: op.formula });
        return;
      case "removeRule": {
        const rules = this.sheet(op.sheet).rules;
        const at = rules.findIndex((r) => !r.user && r.formula === op.formula && sameArea(r.area, op.area));
        if (at >= 0) rules.splice(at, 1);
        return;
      }
      case "addNote": {
        const notes = this.sheet(op.sheet).notes;
        if (notes.has(key(op.row, op.column))) throw new Error("a note is there");
        notes.set(key(op.row, op.column), { text: op.text });
        return;
      }
      case "removeNote":
        this.sheet(op.sheet).notes.delete(key(op.row, op.column));
        return;
      case "listValidation":
        this.sheet(op.sheet).validations.push({ area: op.area, source: op.source });
        return;
      case "setName":
        this.names.set(op.name, op.reference);
        return;
      case "format":
        for (let r = op.area.top; r <= op.area.bottom; r++)
          for (let c = op.area.left; c <= op.area.right; c++) {
            const formats = this.sheet(op.sheet).formats;
            formats.set(key(r, c), { ...formats.get(key(r, c)), ...op.format });
          }
        return;
      case "merge": {
        const merged = this.sheet(op.sheet).merged;
        if (!merged.some((a) => JSON.stringify(a) === JSON.stringify(op.area))) merged.push(op.area);
        return;
      }
      case "pageBreak":
        this.sheet(op.sheet).breaks.push(op.row);
        return;
      case "unmerge": {
        const sheet = this.sheet(op.sheet);
        const meets = (a: Area) =>
          a.left <= op.area.right && op.area.left <= a.right && a.top <= op.area.bottom && op.area.top <= a.bottom;
        sheet.merged = sheet.merged.filter((a) => !meets(a));
        return;
      }
      case "columnWidth":
        this.sheet(op.sheet).widths.set(op.column, op.width);
        return;
      case "rowHeight":
        this.sheet(op.sheet).heights.set(op.row, op.height);
        return;
      case "freezeRows":
        this.sheet(op.sheet).frozen = op.rows;
        return;
      case "pageSetup":
        this.sheet(op.sheet).page = { ...op };
        return;
      case "tabColor":
        this.sheet(op.sheet).tab = op.color;
        return;
    }
  }

  private tableOf(name: string): SheetTable | null {
    const table = this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase());
    if (!table) return null;
    const row = (r: number): CellValue[] => {
      const values: CellValue[] = [];
      for (let c = table.area.left; c <= table.area.right; c++) values.push(this.get(table.sheet, r, c));
      return values;
    };
    const rows: CellValue[][] = [];
    for (let r = table.area.top + 1; r <= table.area.bottom; r++) rows.push(row(r));
    return {
      name: table.name,
      sheet: table.sheet,
      top: table.area.top,
      left: table.area.left,
      headers: row(table.area.top),
      rows,
    };
  }

  private used(sheet: ModelSheet): Area | null {
    const places = [...sheet.cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
    if (places.length === 0) return null;
    return {
      top: Math.min(...places.map((p) => p[0])),
      left: Math.min(...places.map((p) => p[1])),
      bottom: Math.max(...places.map((p) => p[0])),
      right: Math.max(...places.map((p) => p[1])),
    };
  }

  /** The first rows of each sheet's used cells, every table and every name, as readers read them when asked. */
  plainRead(): NonNullable<WorkbookState["plain"]> {
    const heads = this.sheets
      .filter((s) => s.visibility !== "veryHidden")
      .map((s) => {
        const used = this.used(s) ?? { top: 1, left: 1, bottom: 1, right: 1 };
        const rows: CellValue[][] = [];
        for (let r = used.top; r < used.top + HEAD_ROWS; r++) {
          const row: CellValue[] = [];
          for (let c = used.left; c <= used.right; c++) row.push(this.get(s.name, r, c) ?? "");
          rows.push(row);
        }
        return { sheet: s.name, top: used.top, left: used.left, rows, bottom: used.bottom };
      });
    return { heads, tables: this.tables.map((t) => ({ ...t, area: { ...t.area } })), names: [...this.names.keys()] };
  }

  /** What an adapter reads: the layout's tables, sheets, the record, the names, notes and filled cells. */
  state(options: { plain?: boolean } = {}): WorkbookState {
    const tables = INPUT_TABLES.map((t) => this.tableOf(t.table)).filter((t): t is SheetTable => t !== null);
    const conflicts = this.tables.find((t) => t.name.toLowerCase() === CONFLICTS.table.toLowerCase()) ?? null;
    const lists = this.sheets.find((s) => s.name === RECORD_SHEET);
    const listsUsed = lists ? this.used(lists) : null;
    const grid: CellValue[][] = [];
    if (lists && listsUsed) {
      for (let r = 1; r <= listsUsed.bottom; r++) {
        const row: CellValue[] = [];
        for (let c = 1; c <= listsUsed.right; c++) row.push(this.get(lists.name, r, c));
        grid.push(row);
      }
    }
    const watched = new Set(
      [conflicts?.sheet ?? CONFLICTS.sheet, ...tables.map((t) => t.sheet)].map((s) => s.toLowerCase()),
    );
    return {
      tables,
      sheets: this.sheets.map((s) => ({ name: s.name, visibility: s.visibility, used: this.used(s) })),
      conflicts: conflicts ? { ...conflicts } : null,
      filledCells: this.sheets
        .filter((s) => watched.has(s.name.toLowerCase()))
        .flatMap((s) =>
          [...s.cells].map(([k, value]) => {
            const [row, column] = k.split(",").map(Number) as [number, number];
            return { sheet: s.name, row, column, text: String(value) };
          }),
        ),
      names: new Map(["WorkplanTopicLabels", "WorkplanFlexibleLabels"].map((n) => [n, this.names.get(n) ?? null])),
      record: lists && listsUsed ? recordFromSheet(grid, { top: 1, left: 1 }) : null,
      legacyMarks: this.legacyMarks(),
      noteCells: new Set(
        this.sheets.flatMap((s) =>
          [...s.notes.keys()].map((k) => {
            const [row, column] = k.split(",").map(Number) as [number, number];
            return `${s.name}!${a1(row, column)}`.toLowerCase();
          }),
        ),
      ),
      notesSupported: this.notesSupported,
      ...(options.plain && missingTables({ tables }).length > 0 ? { plain: this.plainRead() } : {}),
    };
  }

  private legacyMarks(): WorkbookState["legacyMarks"] {
    const reads = `${quoteSheet(FLAGS_SHEET)}!`;
    return {
      rules: this.sheets.flatMap((s) =>
        s.rules
          .filter((r) => r.formula.includes(reads))
          .map((r) => ({ sheet: s.name, area: r.area, formula: r.formula })),
      ),
      notes: this.sheets.flatMap((s) =>
        [...s.notes]
          .filter(([, n]) => n.text.startsWith(NOTE_MARK))
          .map(([k]) => {
            const [row, column] = k.split(",").map(Number) as [number, number];
            return { sheet: s.name, row, column };
          }),
      ),
      cells: [],
    };
  }

  /** Every value on a sheet, as "A1=value" lines in row order: what a user would see. */
  dump(sheet: string): string[] {
    return [...this.sheet(sheet).cells]
      .map(([k, v]) => [k.split(",").map(Number) as [number, number], v] as const)
      .sort((a, b) => a[0][0] - b[0][0] || a[0][1] - b[0][1])
      .map(([[r, c], v]) => `${String.fromCharCode(64 + c)}${r}=${v}`);
  }
}

export function isInside(area: Area, row: number, column: number): boolean {
  return inArea(area, row, column);
}

export { ALL_TABLES };
