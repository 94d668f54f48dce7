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
import { cellValue, sheetCells, type RowEntry, type SheetCells } from "./sheetCells";
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
  private nextPriority: number | undefined;
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

  private renderRow(entry: RowEntry | undefined, row: number): string {
    const changes = this.changes.get(row) ?? new Map<number, CellChange>();
    const height = this.heights.get(row);
    const attrs = new Map<string, string | null>([["r", String(row)]]);
    if (height !== undefined) attrs.set("ht", String(height)).set("customHeight", "1");
    if (changes.size > 0) attrs.set("spans", null);
    const cells: string[] = [];
    const originals = [...(entry?.cells ?? [])].sort((a, b) => a.column - b.column);
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
      cells.push(
        change
          ? this.renderCell(cell.element, row, cell.column, change)
          : elementWith(this.text, cell.element, new Map([["r", cellName(row, cell.column)]])),
      );
    }
    emitChanged(Number.POSITIVE_INFINITY);
    const rest = (entry?.element.children ?? [])
      .filter((e) => e.local !== "c")
      .map((e) => this.text.slice(e.start, e.end));
    const content = cells.join("") + rest.join("");
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

  // ---- columns, views, page ----

  columnWidth(column: number, width: number): void {
    const found = this.doc.get("cols");
    const col = this.tag("col");
    const ours = ` width="${width}" customWidth="1"`;
    if (!found) {
      this.doc.set(
        "cols",
        `<${this.tag("cols")}><${col} min="${column}" max="${column}"${ours}/></${this.tag("cols")}>`,
      );
      return;
    }
    const { element, xml } = found;
    const out: string[] = [];
    let placed = false;
    for (const c of element.children) {
      const min = Number(attr(c, "min"));
      const max = Number(attr(c, "max"));
      const piece = (from: number, to: number, extra: [string, string][] = []): string =>
        startTagWith(c, new Map<string, string | null>([["min", String(from)], ["max", String(to)], ...extra]), true);
      if (!placed && column < min) {
        out.push(`<${col} min="${column}" max="${column}"${ours}/>`);
        placed = true;
      }
      if (column >= min && column <= max) {
        if (min < column) out.push(piece(min, column - 1));
        out.push(
          piece(column, column, [
            ["width", String(width)],
            ["customWidth", "1"],
          ]),
        );
        if (column < max) out.push(piece(column + 1, max));
        placed = true;
      } else out.push(xml.slice(c.start, c.end));
    }
    if (!placed) out.push(`<${col} min="${column}" max="${column}"${ours}/>`);
    this.doc.set("cols", `${startTagWith(element, new Map(), false)}${out.join("")}</${element.name}>`);
  }

  private firstView(): { views: XmlElement; view: XmlElement; xml: string } | undefined {
    const found = this.doc.get("sheetViews");
    const view = found?.element.children.find((c) => c.local === "sheetView");
    return found && view ? { views: found.element, view, xml: found.xml } : undefined;
  }

  /** Rewrites the first sheet view: its attributes changed, its children filtered and some put first. */
  private editView(changes: Map<string, string | null>, drop: readonly string[] = [], first = ""): void {
    const found = this.firstView();
    if (!found) {
      const attrs = [...changes].filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${escapeAttr(v ?? "")}"`);
      const [views, view] = [this.tag("sheetViews"), this.tag("sheetView")];
      this.doc.set(
        "sheetViews",
        `<${views}><${view}${attrs.join("")} workbookViewId="0">${first}</${view}></${views}>`,
      );
      return;
    }
    const { views, view, xml } = found;
    const kept = view.children.filter((c) => !drop.includes(c.local)).map((c) => xml.slice(c.start, c.end));
    const newView = `${startTagWith(view, changes, false)}${first}${kept.join("")}</${view.name}>`;
    const inner = xml.slice(views.openEnd, view.start) + newView + xml.slice(view.end, views.closeStart);
    this.doc.set("sheetViews", `${startTagWith(views, new Map(), false)}${inner}</${views.name}>`);
  }

  freezeRows(rows: number): void {
    if (rows <= 0) {
      this.editView(new Map(), ["pane", "selection"]);
      return;
    }
    const cell = cellName(rows + 1, 1);
    const pane =
      `<${this.tag("pane")} ySplit="${rows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/>` +
      `<${this.tag("selection")} pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`;
    this.editView(new Map(), ["pane", "selection"], pane);
  }

  tabSelected(selected: boolean): void {
    const found = this.firstView();
    const now = found ? attr(found.view, "tabSelected") : undefined;
    if (!selected && now !== "1" && now !== "true") return;
    this.editView(new Map([["tabSelected", selected ? "1" : null]]));
  }

  /** Sets children of sheetPr (tabColor, outlinePr, pageSetUpPr, in that order); null removes one. */
  private editSheetProperties(set: ReadonlyMap<string, string | null>): void {
    const order = ["tabColor", "outlinePr", "pageSetUpPr"];
    const found = this.doc.get("sheetPr");
    const kids = new Map<string, string>();
    const others: string[] = [];
    for (const c of found?.element.children ?? []) {
      const xml = found?.xml.slice(c.start, c.end) ?? "";
      if (order.includes(c.local)) kids.set(c.local, xml);
      else others.push(xml);
    }
    for (const [local, xml] of set) {
      if (xml === null) kids.delete(local);
      else kids.set(local, xml);
    }
    const inner = order.map((local) => kids.get(local) ?? "").join("") + others.join("");
    const name = found?.element.name ?? this.tag("sheetPr");
    const start = found ? startTagWith(found.element, new Map(), false) : `<${name}>`;
    this.doc.set("sheetPr", `${start}${inner}</${name}>`);
  }

  private sheetPropertyElement(local: string): XmlElement | undefined {
    return this.doc.get("sheetPr")?.element.children.find((c) => c.local === local);
  }

  tabColor(color: string | null): void {
    const xml = color === null ? null : `<${this.tag("tabColor")} rgb="FF${color.toUpperCase()}"/>`;
    this.editSheetProperties(new Map([["tabColor", xml]]));
  }

  pageSetup(landscape: boolean, fitToWidth: boolean, header?: string, footer?: string): void {
    const setup = new Map<string, string | null>([["orientation", landscape ? "landscape" : "portrait"]]);
    if (fitToWidth) setup.set("fitToWidth", "1").set("fitToHeight", "0");
    const found = this.doc.get("pageSetup");
    if (found) this.doc.set("pageSetup", startTagWith(found.element, setup, true));
    else {
      const attrs = [...setup].map(([k, v]) => ` ${k}="${v}"`).join("");
      this.doc.set("pageSetup", `<${this.tag("pageSetup")}${attrs}/>`);
    }
    if (!this.doc.has("pageMargins")) {
      this.doc.set(
        "pageMargins",
        `<${this.tag("pageMargins")} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
      );
    }
    const existing = this.sheetPropertyElement("pageSetUpPr");
    const fit = new Map<string, string | null>([["fitToPage", fitToWidth ? "1" : null]]);
    const pr = existing ? startTagWith(existing, fit, true) : `<${this.tag("pageSetUpPr")} fitToPage="1"/>`;
    if (existing || fitToWidth) this.editSheetProperties(new Map([["pageSetUpPr", pr]]));
    if (header !== undefined || footer !== undefined) this.headerFooter(header, footer);
  }

  private headerFooter(header?: string, footer?: string): void {
    const order = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"];
    const found = this.doc.get("headerFooter");
    const kids = new Map<string, string>();
    for (const c of found?.element.children ?? []) kids.set(c.local, found?.xml.slice(c.start, c.end) ?? "");
    const put = (local: string, text: string): void => {
      kids.set(local, `<${this.tag(local)}>${escapeText(`&C${text}`)}</${this.tag(local)}>`);
    };
    if (header !== undefined) put("oddHeader", header);
    if (footer !== undefined) put("oddFooter", footer);
    const inner = order.map((local) => kids.get(local) ?? "").join("");
    const name = found?.element.name ?? this.tag("headerFooter");
    const start = found ? startTagWith(found.element, new Map(), false) : `<${name}>`;
    this.doc.set("headerFooter", `${start}${inner}</${name}>`);
  }

  // ---- rules and validation ----

  private priorities(): number {
    let highest = 0;
    const visit = (element: XmlElement): void => {
      if (element.local === "cfRule") highest = Math.max(highest, Number(attr(element, "priority") ?? 0) || 0);
      for (const c of element.children) visit(c);
    };
    for (const { element } of this.doc.all("conditionalFormatting")) visit(element);
    const ext = this.doc.get("extLst");
    if (ext) visit(ext.element);
    return highest;
  }

  private priority(): number {
    this.nextPriority ??= this.priorities() + 1;
    return this.nextPriority++;
  }

  addRule(area: Area, formula: string, dxfId: number): void {
    const [cf, rule, f] = [this.tag("conditionalFormatting"), this.tag("cfRule"), this.tag("formula")];
    const text = escapeText(formula.replace(/^=/, ""));
    this.doc.insert(
      "conditionalFormatting",
      `<${cf} sqref="${areaName(area)}"><${rule} type="expression" dxfId="${dxfId}" ` +
        `priority="${this.priority()}"><${f}>${text}</${f}></${rule}></${cf}>`,
    );
  }

  /** Removes the rule on exactly this area with exactly this formula; returns whether one was found. */
  removeRule(area: Area, formula: string): boolean {
    const wanted = formula.replace(/^=/, "");
    const all = this.doc.all("conditionalFormatting");
    for (let i = 0; i < all.length; i++) {
      const { element, xml } = all[i] as { element: XmlElement; xml: string };
      const sqref = attr(element, "sqref") ?? "";
      const at = sqref.trim().includes(" ") ? undefined : parseArea(sqref);
      if (!at || areaName(at) !== areaName(area)) continue;
      const rules = element.children.filter((c) => c.local === "cfRule");
      const match = rules.find((r) =>
        r.children.some((c) => c.local === "formula" && c.text.replace(/^=/, "") === wanted),
      );
      if (!match) continue;
      if (rules.length === 1) this.doc.replaceNth("conditionalFormatting", i, null);
      else this.doc.replaceNth("conditionalFormatting", i, xml.slice(0, match.start) + xml.slice(match.end));
      return true;
    }
    return false;
  }

  listValidation(area: Area, source: string): void {
    const sqref = areaName(area);
    const formula = source.replace(/^=/, "");
    const existing = this.doc.get("dataValidations");
    const same = existing?.element.children.some(
      (c) =>
        attr(c, "sqref") === sqref &&
        c.children.some((f) => f.local === "formula1" && f.text === formula) &&
        attr(c, "type") === "list",
    );
    if (same) return;
    const [dv, f1] = [this.tag("dataValidation"), this.tag("formula1")];
    const xml =
      `<${dv} type="list" allowBlank="1" showInputMessage="0" showErrorMessage="0" sqref="${sqref}">` +
      `<${f1}>${escapeText(formula)}</${f1}></${dv}>`;
    appendInside(this.doc, "dataValidations", "dataValidation", xml);
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
    const xml = `<${this.tag("tablePart")} ${relIdAttribute(this.doc, relId)}/>`;
    appendInside(this.doc, "tableParts", "tablePart", xml);
  }

  /** The relationship id of the sheet's legacy drawing (notes' shapes), if it has one. */
  legacyDrawingId(): string | undefined {
    const found = this.doc.get("legacyDrawing");
    return found ? attrWhere(found.element, "id", isRel) : undefined;
  }

  setLegacyDrawing(relId: string): void {
    this.doc.set("legacyDrawing", `<${this.tag("legacyDrawing")} ${relIdAttribute(this.doc, relId)}/>`);
  }
}

/** A cell reference in a comment or an anchor, parsed (undefined when it is not one cell). */
export function cellOf(text: string): { row: number; column: number } | undefined {
  return parseCell(text);
}
