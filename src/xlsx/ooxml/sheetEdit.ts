/**
 * One worksheet being patched: cell values and formats kept as changes over the cells as read and
 * written into `sheetData` once, row by row (rows and cells nobody changed are copied as they
 * were); the other children of the worksheet (columns, views, rules, validation, page setup…)
 * replaced or inserted in the schema's order.
 */
import type { Area, Written } from "../../domain/sheetOps";
import { WorkbookFileError } from "../errors";
import { appendInside, WORKSHEET_ORDER, type DocEditor } from "./docEditor";
import { areaName, cellName, parseArea, parseCell } from "./cellRefs";
import { isMain, isRel, type SheetEntry } from "./package";
import { relIdAttribute, type Session } from "./session";
import { cellValue, sheetCells, type CellEntry, type RowEntry, type SheetCells } from "./sheetCells";
import { valueContext } from "./state";
import { attr, attrWhere, elementWith, escapeAttr, escapeText, startTagWith, type XmlElement } from "./xmlTree";

interface CellChange {
  value?: Written;
  style?: number;
}

/** Excel keeps at most this many characters in a cell. */
const CELL_TEXT_LIMIT = 32_767;

/** Text as a stored string: Excel's `_xHHHH_` escapes for what XML cannot carry, and for `_x` itself. */
export function storedText(text: string): string {
  const escaped = text.slice(0, CELL_TEXT_LIMIT).replace(/_(x[0-9A-Fa-f]{4}_)/g, "_x005F_$1");
  const out: string[] = [];
  for (let i = 0; i < escaped.length; i++) {
    const code = escaped.charCodeAt(i);
    const control = (code < 0x20 && code !== 0x09 && code !== 0x0a) || code === 0xfffe || code === 0xffff;
    out.push(control ? `_x${code.toString(16).toUpperCase().padStart(4, "0")}_` : (escaped[i] ?? ""));
  }
  return out.join("");
}

export class SheetEdit {
  readonly doc: DocEditor;
  readonly part: string;
  private readonly text: string;
  private readonly cells: SheetCells;
  private readonly changes = new Map<number, Map<number, CellChange>>();
  private readonly heights = new Map<number, number>();
  private columnStyles: { min: number; max: number; style: number }[] | undefined;
  private rowsByNumber: Map<number, RowEntry> | undefined;
  /** Whether a formula was replaced by a value (the calculation chain then goes). */
  removedFormula = false;

  constructor(
    private readonly session: Session,
    readonly sheet: SheetEntry,
  ) {
    if (sheet.part === undefined || sheet.kind !== "worksheet") {
      throw new WorkbookFileError(`The sheet "${sheet.name}" is not a worksheet; the product cannot write on it.`);
    }
    this.part = sheet.part;
    this.text = session.pkg.text(sheet.part);
    this.cells = sheetCells(session.pkg, sheet.part);
    this.doc = session.editor(sheet.part, WORKSHEET_ORDER);
    if (!this.doc.has("sheetData")) this.doc.set("sheetData", `<${this.doc.name("sheetData")}/>`);
    this.doc.setRendered("sheetData", () => this.renderSheetData());
    session.onFinish(() => this.updateDimension());
  }

  private tag(local: string): string {
    return this.doc.name(local);
  }

  // ---- cells ----

  private change(row: number, column: number): CellChange {
    let inRow = this.changes.get(row);
    if (!inRow) this.changes.set(row, (inRow = new Map()));
    let change = inRow.get(column);
    if (!change) inRow.set(column, (change = {}));
    return change;
  }

  private original(row: number, column: number): XmlElement | undefined {
    return this.cells.byRow.get(row)?.get(column);
  }

  private setValue(row: number, column: number, value: Written): void {
    const formula = this.original(row, column)?.children.find((e) => e.local === "f");
    if (formula) {
      if (attr(formula, "t") === "shared" && attr(formula, "ref") !== undefined) {
        throw new WorkbookFileError(
          `${this.sheet.name}!${cellName(row, column)} holds a formula that other cells share; ` +
            "the product cannot write over it (copy the formula into each cell first).",
        );
      }
      this.removedFormula = true;
    }
    this.change(row, column).value = value;
  }

  setValues(top: number, left: number, values: readonly (readonly Written[])[]): void {
    values.forEach((line, i) => line.forEach((value, j) => this.setValue(top + i, left + j, value)));
  }

  clearValues(area: Area): void {
    this.rowsByNumber ??= new Map(this.cells.rows.map((r) => [r.row, r]));
    const rows =
      area.bottom - area.top < this.cells.rows.length
        ? Array.from({ length: area.bottom - area.top + 1 }, (_, i) => this.rowsByNumber?.get(area.top + i))
        : this.cells.rows;
    for (const entry of rows) {
      if (!entry || entry.row < area.top || entry.row > area.bottom) continue;
      for (const { column } of entry.cells) {
        if (column >= area.left && column <= area.right) this.setValue(entry.row, column, null);
      }
    }
    for (const [row, inRow] of this.changes) {
      if (row < area.top || row > area.bottom) continue;
      for (const [column, change] of inRow) if (column >= area.left && column <= area.right) change.value = null;
    }
  }

  /** The value Excel would show after the changes so far. */
  valueAt(row: number, column: number): unknown {
    const change = this.changes.get(row)?.get(column);
    if (change?.value !== undefined) return change.value;
    const cell = this.original(row, column);
    return cell ? cellValue(cell, valueContext(this.session.pkg)) : null;
  }

  private styleOf(row: number, column: number): number | undefined {
    const change = this.changes.get(row)?.get(column);
    if (change?.style !== undefined) return change.style;
    const cell = this.original(row, column);
    if (cell) {
      const s = attr(cell, "s");
      return s === undefined ? undefined : Number(s);
    }
    return this.defaultStyle(row, column);
  }

  /** A new cell takes its row's format, or else its column's (as Excel does when one types into it). */
  private defaultStyle(row: number, column: number): number | undefined {
    this.rowsByNumber ??= new Map(this.cells.rows.map((r) => [r.row, r]));
    const entry = this.rowsByNumber.get(row);
    if (entry && attr(entry.element, "customFormat") === "1" && attr(entry.element, "s") !== undefined) {
      return Number(attr(entry.element, "s"));
    }
    this.columnStyles ??= this.readColumnStyles();
    return this.columnStyles.find((c) => column >= c.min && column <= c.max)?.style;
  }

  private readColumnStyles(): { min: number; max: number; style: number }[] {
    const cols = this.cells.root.children.find((c) => c.local === "cols" && isMain(c.uri));
    return (cols?.children ?? [])
      .filter((c) => c.local === "col" && attr(c, "style") !== undefined)
      .map((c) => ({ min: Number(attr(c, "min")), max: Number(attr(c, "max")), style: Number(attr(c, "style")) }));
  }

  format(area: Area, style: (base: number) => number): void {
    const cells = (area.bottom - area.top + 1) * (area.right - area.left + 1);
    if (cells > 2_000_000) throw new WorkbookFileError(`Cannot format ${areaName(area)}: the area is too large.`);
    for (let row = area.top; row <= area.bottom; row++) {
      for (let column = area.left; column <= area.right; column++) {
        const next = style(this.styleOf(row, column) ?? 0);
        this.change(row, column).style = next;
      }
    }
  }

  /** The `dimension` hint grown to take in the cells written (readers such as openpyxl's read-only mode trust it). */
  updateDimension(): void {
    let written: Area | undefined;
    for (const [row, inRow] of this.changes) {
      for (const [column, change] of inRow) {
        if (change.value === undefined || change.value === null) continue;
        if (!written) written = { top: row, left: column, bottom: row, right: column };
        else {
          if (row < written.top) written.top = row;
          if (row > written.bottom) written.bottom = row;
          if (column < written.left) written.left = column;
          if (column > written.right) written.right = column;
        }
      }
    }
    if (!written) return;
    const found = this.doc.get("dimension");
    const was = found ? parseArea(attr(found.element, "ref") ?? "") : undefined;
    const area = was
      ? {
          top: Math.min(was.top, written.top),
          left: Math.min(was.left, written.left),
          bottom: Math.max(was.bottom, written.bottom),
          right: Math.max(was.right, written.right),
        }
      : written;
    if (found) this.doc.set("dimension", startTagWith(found.element, new Map([["ref", areaName(area)]]), true));
  }

  rowHeight(row: number, height: number): void {
    this.heights.set(row, height);
  }

  private renderSheetData(): string {
    const original = this.cells.sheetData;
    if (this.changes.size === 0 && this.heights.size === 0 && original) {
      return this.text.slice(original.start, original.end);
    }
    const rows = [...this.cells.rows].sort((a, b) => a.row - b.row);
    const touched = [...new Set([...this.changes.keys(), ...this.heights.keys()])].sort((a, b) => a - b);
    const out: string[] = [];
    let t = 0;
    const seen = new Set<number>();
    const emitTouched = (upTo: number): void => {
      for (; t < touched.length && (touched[t] ?? 0) < upTo; t++) {
        const row = touched[t] ?? 0;
        if (!seen.has(row)) out.push(this.renderRow(undefined, row));
      }
    };
    for (const entry of rows) {
      emitTouched(entry.row);
      if (seen.has(entry.row)) {
        out.push(this.withRowNumber(entry));
        continue;
      }
      seen.add(entry.row);
      const changed = this.changes.has(entry.row) || this.heights.has(entry.row);
      out.push(changed ? this.renderRow(entry, entry.row) : this.withRowNumber(entry));
    }
    emitTouched(Number.POSITIVE_INFINITY);
    const name = original?.name ?? this.tag("sheetData");
    const start = original ? startTagWith(original, new Map(), false) : `<${name}>`;
    return `${start}${out.join("")}</${name}>`;
  }

  /** A row copied as it was, with an `r` added if it had none (rows around it may have been added). */
  private withRowNumber(entry: RowEntry): string {
    const { element } = entry;
    if (attr(element, "r") !== undefined) return this.text.slice(element.start, element.end);
    return elementWith(this.text, element, new Map([["r", String(entry.row)]]));
  }

  /** A cell copied as it was; one without an `r` gets the one it had by position (cells may be added before it). */
  private withCellRef(cell: CellEntry, row: number): string {
    const { element } = cell;
    if (attr(element, "r") !== undefined) return this.text.slice(element.start, element.end);
    return elementWith(this.text, element, new Map([["r", cellName(row, cell.column)]]));
  }

  private renderRow(entry: RowEntry | undefined, row: number): string {
    const changes = this.changes.get(row) ?? new Map<number, CellChange>();
    const height = this.heights.get(row);
    const attrs = new Map<string, string | null>([["r", String(row)]]);
    if (height !== undefined) attrs.set("ht", String(height)).set("customHeight", "1");
    if (changes.size > 0) attrs.set("spans", null);
    const cells: string[] = [];
    const originals = (entry?.cells ?? []).filter((cell) => cell.column > 0).sort((a, b) => a.column - b.column);
    const outside = (entry?.cells ?? []).filter((cell) => cell.column === 0).map((cell) => this.withCellRef(cell, row));
    const columns = [...changes.keys()].sort((a, b) => a - b);
    let c = 0;
    const emitChanged = (upTo: number): void => {
      for (; c < columns.length && (columns[c] ?? 0) < upTo; c++) {
        const column = columns[c] ?? 0;
        cells.push(this.renderCell(undefined, row, column, changes.get(column) ?? {}));
      }
    };
    for (const cell of originals) {
      emitChanged(cell.column);
      const change = changes.get(cell.column);
      if (change && columns[c] === cell.column) c++;
      cells.push(change ? this.renderCell(cell.element, row, cell.column, change) : this.withCellRef(cell, row));
    }
    emitChanged(Number.POSITIVE_INFINITY);
    const rest = (entry?.element.children ?? [])
      .filter((e) => e.local !== "c")
      .map((e) => this.text.slice(e.start, e.end));
    const content = cells.join("") + outside.join("") + rest.join("");
    if (!entry && content === "" && height === undefined) return "";
    const name = entry?.element.name ?? this.tag("row");
    const start = entry ? startTagWith(entry.element, attrs, false) : this.newRowStart(name, attrs);
    return `${start}${content}</${name}>`;
  }

  private newRowStart(name: string, attrs: Map<string, string | null>): string {
    const written = [...attrs].filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${escapeAttr(v ?? "")}"`);
    return `<${name}${written.join("")}>`;
  }

  private renderCell(original: XmlElement | undefined, row: number, column: number, change: CellChange): string {
    const ref = cellName(row, column);
    const style = change.style ?? this.styleOf(row, column);
    const name = original?.name ?? this.tag("c");
    if (change.value === undefined) {
      if (original)
        return elementWith(
          this.text,
          original,
          new Map([
            ["r", ref],
            ["s", String(style ?? 0)],
          ]),
        );
      return `<${name} r="${ref}" s="${style ?? 0}"/>`;
    }
    const s = style === undefined ? "" : ` s="${style}"`;
    const value = change.value;
    if (value === null || (typeof value === "number" && !Number.isFinite(value))) {
      return style === undefined ? "" : `<${name} r="${ref}"${s}/>`;
    }
    const v = this.tag("v");
    if (typeof value === "number") return `<${name} r="${ref}"${s}><${v}>${value}</${v}></${name}>`;
    if (typeof value === "boolean") return `<${name} r="${ref}"${s} t="b"><${v}>${value ? 1 : 0}</${v}></${name}>`;
    const [is, t] = [this.tag("is"), this.tag("t")];
    const text = escapeText(storedText(value));
    return `<${name} r="${ref}"${s} t="inlineStr"><${is}><${t} xml:space="preserve">${text}</${t}></${is}></${name}>`;
  }

  /** Merged cells and the sheet's own filter, which no table may overlap: [what, ref]. */
  occupiedAreas(): [string, string][] {
    const found: [string, string][] = [];
    for (const merge of this.doc.get("mergeCells")?.element.children ?? []) {
      if (merge.local === "mergeCell") found.push(["the merged cells", attr(merge, "ref") ?? ""]);
    }
    const filter = this.doc.get("autoFilter");
    if (filter) found.push(["the sheet's filter", attr(filter.element, "ref") ?? ""]);
    return found;
  }

  // ---- parts related to the sheet ----

  addTablePart(relId: string): void {
    const xml = `<${this.tag("tablePart")} ${relIdAttribute(this.doc, relId, this.session.relNs)}/>`;
    appendInside(this.doc, "tableParts", "tablePart", xml);
  }

  /** The relationship id of the sheet's legacy drawing (notes' shapes), if it has one. */
  legacyDrawingId(): string | undefined {
    const found = this.doc.get("legacyDrawing");
    return found ? attrWhere(found.element, "id", isRel) : undefined;
  }

  setLegacyDrawing(relId: string): void {
    const attribute = relIdAttribute(this.doc, relId, this.session.relNs);
    this.doc.set("legacyDrawing", `<${this.tag("legacyDrawing")} ${attribute}/>`);
  }
}

/** A cell reference in a comment or an anchor, parsed (undefined when it is not one cell). */
export function cellOf(text: string): { row: number; column: number } | undefined {
  return parseCell(text);
}
