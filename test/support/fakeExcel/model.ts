/**
 * The workbook behind the fake Excel: sheets of cells (values, formulas, number formats and the
 * user's own formatting), tables, conditional formats, notes, threaded comments, data
 * validation and defined names. Only what the adapter touches, kept independent of the adapter's
 * own helpers so that the tests do not check the adapter against itself.
 */
export type Scalar = string | number | boolean;
export interface ErrorValue {
  error: string;
}

export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROW = 1048576;
export const MAX_COLUMN = 16384;
export const WHOLE_SHEET: Area = { top: 1, left: 1, bottom: MAX_ROW, right: MAX_COLUMN };

export interface Cell {
  value?: Scalar | ErrorValue;
  formula?: string;
  numberFormat?: string;
  /** The user's own formatting (fill, font, borders): the adapter must never change it. */
  style?: Record<string, string>;
  /** Written with Excel's quote prefix (a leading apostrophe): shown and kept as text. */
  quotePrefix?: boolean;
}

export interface ConditionalFormatModel {
  id: number;
  type: string;
  area: Area;
  formula?: string;
  fill?: string;
  font?: string;
  bold?: boolean;
  border?: string;
}

export interface NoteModel {
  cell: string;
  content: string;
  author: string;
  /** Size in points, where the add-in set one. */
  width?: number;
  height?: number;
}

export interface CommentModel {
  id: string;
  cell: string;
  content: string;
}

export interface ValidationModel {
  area: Area;
  rule?: unknown;
  errorAlert?: unknown;
  ignoreBlanks?: boolean;
}

export class FakeError extends Error {
  readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function columnName(n: number): string {
  let s = "";
  for (let m = n; m > 0; m = Math.floor((m - 1) / 26)) s = String.fromCharCode(65 + ((m - 1) % 26)) + s;
  return s;
}

export function cellName(row: number, column: number): string {
  return `${columnName(column)}${row}`;
}

/** "B2", "$B$2", "B2:D5", "Sheet!B2:D5", "'It''s'!B2" → sheet (or null) and area. */
export function parseAddress(address: string): { sheet: string | null; area: Area } {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
  }
  const local = address.slice(bang + 1).replace(/\$/g, "");
  const parts = local.split(":");
  const corners = parts.map((part) => {
    const match = /^([A-Za-z]{1,3})(\d+)$/.exec(part);
    if (!match) throw new FakeError("InvalidArgument", `The address "${address}" is not valid.`);
    return { row: Number(match[2]), column: columnNumber(match[1] as string) };
  });
  const [a, b = a] = corners as [{ row: number; column: number }, { row: number; column: number }?];
  if (!a || !b || parts.length > 2) throw new FakeError("InvalidArgument", `The address "${address}" is not valid.`);
  return {
    sheet,
    area: {
      top: Math.min(a.row, b.row),
      left: Math.min(a.column, b.column),
      bottom: Math.max(a.row, b.row),
      right: Math.max(a.column, b.column),
    },
  };
}

export function areaName(area: Area): string {
  const start = cellName(area.top, area.left);
  const end = cellName(area.bottom, area.right);
  return start === end ? start : `${start}:${end}`;
}

/** A sheet name as Excel shows it in an address: quoted only when it must be. */
export function sheetPrefix(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Excel stores formulas without quotes a sheet name does not need. */
export function normalizeFormula(formula: string): string {
  return formula.replace(/'((?:[^']|'')+)'!/g, (whole, name: string) => {
    const plain = name.replace(/''/g, "'");
    return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(plain) ? `${plain}!` : whole;
  });
}

export function intersects(a: Area, b: Area): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

export function contains(outer: Area, inner: Area): boolean {
  return (
    outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right
  );
}

export function cellsOf(area: Area): number {
  return (area.bottom - area.top + 1) * (area.right - area.left + 1);
}

let nextId = 1;
export function newId(): number {
  return nextId++;
}

/** Print settings a sheet may be given (Worksheet.pageLayout, ExcelApi 1.9). */
export interface PageLayoutModel {
  titleRows?: string;
  titleColumns?: string;
  printOrder?: string;
  footer?: string;
  header?: string;
  orientation?: string;
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
}

export class SheetModel {
  /** Excel's id of the sheet (Worksheet.id), as events name it. */
  readonly id = `{sheet-${newId()}}`;
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  readonly cells = new Map<string, Cell>();
  /** In priority order: index 0 is applied first. */
  conditionalFormats: ConditionalFormatModel[] = [];
  readonly notes = new Map<string, NoteModel>();
  readonly comments = new Map<string, CommentModel>();
  validations: ValidationModel[] = [];
  /** Rows frozen at the top (the view, not the cells). */
  frozenRows = 0;
  /** Ranges whose column widths were fitted to their content. */
  fittedColumns: string[] = [];
  /** Merged areas (Range.merge), as "F8:N8"; the top-left cell keeps its value, the others are emptied. */
  merged: string[] = [];
  /** Column number → width in points, where one was set. */
  readonly columnWidths = new Map<number, number>();
  /** Row number → height in points, where one was set. */
  readonly rowHeights = new Map<number, number>();
  tabColor?: string;
  pageLayout: PageLayoutModel = {};
  /** Rows above which a manual page break was added (Worksheet.horizontalPageBreaks). */
  pageBreaks: number[] = [];

  constructor(public name: string) {}

  cell(row: number, column: number): Cell | undefined {
    return this.cells.get(`${row},${column}`);
  }

  ensure(row: number, column: number): Cell {
    const key = `${row},${column}`;
    let cell = this.cells.get(key);
    if (!cell) {
      cell = {};
      this.cells.set(key, cell);
    }
    return cell;
  }

  prune(row: number, column: number): void {
    const cell = this.cell(row, column);
    if (
      cell &&
      cell.value === undefined &&
      cell.formula === undefined &&
      cell.numberFormat === undefined &&
      cell.style === undefined
    ) {
      this.cells.delete(`${row},${column}`);
    }
  }

  /** The cells holding values (and, unless valuesOnly, formats too), or null. */
  usedArea(valuesOnly: boolean): Area | null {
    let area: Area | null = null;
    for (const [key, cell] of this.cells) {
      const used =
        cell.value !== undefined ||
        cell.formula !== undefined ||
        (!valuesOnly && (cell.numberFormat !== undefined || cell.style !== undefined));
      if (!used) continue;
      const [row, column] = key.split(",").map(Number) as [number, number];
      area = area
        ? {
            top: Math.min(area.top, row),
            left: Math.min(area.left, column),
            bottom: Math.max(area.bottom, row),
            right: Math.max(area.right, column),
          }
        : { top: row, left: column, bottom: row, right: column };
    }
    return area;
  }

  /** Notes in Excel's order: by row, then by column. */
  orderedNotes(): NoteModel[] {
    return [...this.notes.values()].sort((a, b) => compareCells(a.cell, b.cell));
  }

  orderedComments(): CommentModel[] {
    return [...this.comments.values()].sort((a, b) => compareCells(a.cell, b.cell));
  }
}

function compareCells(a: string, b: string): number {
  const x = parseAddress(a).area;
  const y = parseAddress(b).area;
  return x.top - y.top || x.left - y.left;
}

export class TableModel {
  /** Excel's id of the table (Table.id), as events name it. */
  readonly id = `{table-${newId()}}`;
  showHeaders = true;
  showTotals = false;
  /** The column names when the header row is not shown (the area then starts at the body). */
  hiddenHeaders?: string[];
  /** The table style, where the add-in set one. */
  style?: string;
  /** Whether a filter hides some of the table's rows. */
  filtered?: boolean;
  constructor(
    public name: string,
    public sheet: SheetModel,
    public area: Area,
  ) {}
}

export interface NameModel {
  name: string;
  formula: string;
}

export class WorkbookModel {
  readonly sheets: SheetModel[] = [];
  readonly tables: TableModel[] = [];
  readonly names: NameModel[] = [];
  activeSheet: string | null = null;
  /** The cells Range.select() last selected, as "Sheet!A1". */
  selection: string | null = null;

  sheet(name: string): SheetModel | null {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  table(name: string): TableModel | null {
    return this.tables.find((t) => t.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  name(name: string): NameModel | null {
    return this.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? null;
  }

  addSheet(name: string): SheetModel {
    if (this.sheet(name)) throw new FakeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`);
    if (!/^[^\\/?*[\]:]{1,31}$/.test(name) || name.startsWith("'"))
      throw new FakeError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    const sheet = new SheetModel(name);
    this.sheets.push(sheet);
    this.activeSheet ??= name;
    return sheet;
  }

  /** Everything a person could see or Excel would save, as plain data, for comparing states. */
  state(): unknown {
    return {
      sheets: this.sheets.map((sheet) => ({
        name: sheet.name,
        visibility: sheet.visibility,
        cells: [...sheet.cells.entries()]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([key, cell]) => [key, { ...cell }]),
        conditionalFormats: sheet.conditionalFormats.map(({ id: _id, ...rest }) => rest),
        notes: sheet.orderedNotes(),
        comments: sheet.orderedComments(),
        validations: sheet.validations,
        frozenRows: sheet.frozenRows,
        fittedColumns: sheet.fittedColumns,
        columnWidths: [...sheet.columnWidths].sort((a, b) => a[0] - b[0]),
        merged: sheet.merged,
        pageLayout: sheet.pageLayout,
        pageBreaks: sheet.pageBreaks,
      })),
      tables: this.tables.map((t) => ({
        name: t.name,
        sheet: t.sheet.name,
        area: areaName(t.area),
        showHeaders: t.showHeaders,
        showTotals: t.showTotals,
      })),
      names: [...this.names].sort((a, b) => a.name.localeCompare(b.name)),
      activeSheet: this.activeSheet,
    };
  }
}
