/// <reference types="office-js" />
/**
 * The Office.js interpreter of the core's one description of what to write: a switch over
 * SheetOp that queues each operation on the request context, in order, and never syncs; the
 * caller syncs once. See docs/excel-behaviour.md for what each step relies on.
 */
import type { Area, CellFormat, RuleFormat, SheetOp, Visibility, Written } from "../domain/sheetOps";
import { a1, columnLetters } from "../domain/tables";
import { areaAddress } from "./address";
import { noteWrite } from "./events";
import type { Support } from "./run";
import { ruleKey, type Found } from "./state";

const VISIBILITY: Readonly<Record<Visibility, Excel.SheetVisibility>> = {
  visible: "Visible" as Excel.SheetVisibility,
  hidden: "Hidden" as Excel.SheetVisibility,
  veryHidden: "VeryHidden" as Excel.SheetVisibility,
};

/** Past the end of any conditional-format collection: Excel sets it to the last priority. */
const LAST_PRIORITY = 1_000_000;

/**
 * A value as Range.values takes it. Range.values reads a string that starts with "=", "+" or "-"
 * as a formula (Excel.Range.values, ExcelApi 1.1), and Excel's entry parsing may turn other text
 * into a number, a date, a boolean or an error value; such text gets a leading apostrophe,
 * Excel's quote prefix, which keeps it as the text it is (the apostrophe is not part of the
 * value). Plain words are written as they are, with no Text format ("@"), so that text longer than
 * 255 characters never shows as "####" (see docs/excel-behaviour.md).
 */
export function cellValue(value: Written): string | number | boolean {
  if (value === null) return "";
  if (typeof value !== "string" || value === "") return value;
  return mayBeParsed(value) ? `'${value}` : value;
}

const MONTH_DATE = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[\s\-/.,]*\d{1,4}([\s\-/.,]+\d{1,4})?$/i;

/** Text that Excel could take as a formula, a number, a date, a boolean or an error if typed. */
export function mayBeParsed(text: string): boolean {
  if (/^[=+\-@'#\s\d.,$€£¥(%]/.test(text)) return true;
  const trimmed = text.trim();
  return /^(true|false)$/i.test(trimmed) || MONTH_DATE.test(trimmed);
}

/** The sheets added by this batch, by lower-case name: later ops use the same proxy. */
const ADDED = new WeakMap<Excel.RequestContext, Map<string, Excel.Worksheet>>();

function sheetOf(context: Excel.RequestContext, name: string): Excel.Worksheet {
  return ADDED.get(context)?.get(name.toLowerCase()) ?? context.workbook.worksheets.getItem(name);
}

function addSheet(context: Excel.RequestContext, name: string): Excel.Worksheet {
  const sheet = context.workbook.worksheets.add(name);
  const added = ADDED.get(context) ?? new Map<string, Excel.Worksheet>();
  added.set(name.toLowerCase(), sheet);
  ADDED.set(context, added);
  return sheet;
}

function rangeOf(context: Excel.RequestContext, sheet: string, area: Area): Excel.Range {
  return sheetOf(context, sheet).getRange(areaAddress(area));
}

/** Rows from (top, left): consecutive rows of the same length go as one block. */
function queueValues(context: Excel.RequestContext, op: Extract<SheetOp, { op: "setValues" }>): void {
  let start = 0;
  while (start < op.values.length) {
    const width = op.values[start]?.length ?? 0;
    let end = start + 1;
    while (end < op.values.length && op.values[end]?.length === width) end++;
    if (width > 0) {
      const block = op.values.slice(start, end).map((row) => row.map(cellValue));
      const area = { top: op.top + start, left: op.left, bottom: op.top + end - 1, right: op.left + width - 1 };
      rangeOf(context, op.sheet, area).values = block;
      noteWrite(op.sheet, area);
    }
    start = end;
  }
}

function queueFormat(range: Excel.Range, format: CellFormat): void {
  const target = range.format;
  if (format.fill !== undefined) target.fill.color = `#${format.fill}`;
  if (format.fontColor !== undefined) target.font.color = `#${format.fontColor}`;
  if (format.bold !== undefined) target.font.bold = format.bold;
  if (format.italic !== undefined) target.font.italic = format.italic;
  if (format.size !== undefined) target.font.size = format.size;
  if (format.wrap !== undefined) target.wrapText = format.wrap;
  if (format.verticalTop) target.verticalAlignment = "Top" as Excel.VerticalAlignment;
  if (format.border !== undefined) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight", "InsideHorizontal", "InsideVertical"]) {
      const border = target.borders.getItem(edge as Excel.BorderIndex);
      border.style = "Continuous" as Excel.BorderLineStyle;
      border.color = `#${format.border}`;
    }
  }
}

function queueRule(context: Excel.RequestContext, sheet: string, area: Area, formula: string, format: RuleFormat) {
  const rule = rangeOf(context, sheet, area).conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
  rule.custom.rule.formula = formula.startsWith("=") ? formula : `=${formula}`;
  rule.custom.format.fill.color = `#${format.fill}`;
  rule.custom.format.font.color = `#${format.fontColor}`;
  if (format.bold !== undefined) rule.custom.format.font.bold = format.bold;
  if (format.border !== undefined) {
    for (const edge of ["EdgeTop", "EdgeBottom", "EdgeLeft", "EdgeRight"]) {
      const border = rule.custom.format.borders.getItem(edge as Excel.ConditionalRangeBorderIndex);
      border.style = "Continuous" as Excel.ConditionalRangeBorderLineStyle;
      border.color = `#${format.border}`;
    }
  }
  // A new rule comes in first; moved last, below the user's rules, their order is left as it
  // was. A priority past the end is set to the last one; the proxy is stale afterwards.
  rule.priority = LAST_PRIORITY;
}

/** Width in characters (as an .xlsx file stores it) → points: 7-pixel digits plus 5 pixels of padding at 96 dpi. */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export interface ApplyOptions {
  support: Support;
}

/** What applying did not do, for the caller's report. */
export interface Applied {
  /** Rules the ops named that were no longer there (a co-author removed them). */
  rulesMissing: number;
}

/**
 * Queues every operation, in order, and never syncs. The product's rules named by removeRule
 * ops go first, all at the first of them, from the last in the collection back, so that no
 * deletion moves a rule still to be deleted.
 */
export function applyOps(
  context: Excel.RequestContext,
  ops: readonly SheetOp[],
  found: Found,
  options: ApplyOptions,
): Applied {
  let rulesRemoved = false;
  let rulesMissing = 0;
  for (const op of ops) {
    if (op.op === "removeRule") {
      if (!rulesRemoved) rulesMissing = queueRemoveRules(ops, found);
      rulesRemoved = true;
      continue;
    }
    queueOp(context, op, found, options);
  }
  return { rulesMissing };
}

function queueRemoveRules(ops: readonly SheetOp[], found: Found): number {
  let missing = 0;
  const doomed = new Set<Excel.ConditionalFormat>();
  for (const op of ops) {
    if (op.op !== "removeRule") continue;
    const rules = found.rules.get(ruleKey(op.sheet, op.formula));
    if (!rules || rules.length === 0) missing++;
    for (const rule of rules ?? []) doomed.add(rule);
  }
  const order = [...found.rules.values()].flat();
  order
    .filter((rule) => doomed.has(rule))
    .reverse()
    .forEach((rule) => rule.delete());
  return missing;
}

function queueOp(context: Excel.RequestContext, op: SheetOp, found: Found, options: ApplyOptions): void {
  switch (op.op) {
    case "addSheet": {
      const sheet = addSheet(context, op.sheet);
      if (op.visibility !== "visible") sheet.visibility = VISIBILITY[op.visibility];
      return;
    }
    case "setVisibility":
      sheetOf(context, op.sheet).visibility = VISIBILITY[op.visibility];
      return;
    case "activate":
      sheetOf(context, op.sheet).activate();
      return;
    case "setValues":
      queueValues(context, op);
      return;
    case "clearValues":
      rangeOf(context, op.sheet, op.area).clear("Contents" as Excel.ClearApplyTo);
      noteWrite(op.sheet, op.area);
      return;
    case "addTable": {
      const table = sheetOf(context, op.sheet).tables.add(areaAddress(op.area), true);
      table.name = op.table;
      if (op.style) table.style = op.style;
      return;
    }
    case "convertToTable":
      // TableCollection.add over the user's cells: Excel keeps their values and formats; the name follows.
      sheetOf(context, op.sheet).tables.add(areaAddress(op.area), true).name = op.table;
      return;
    case "resizeTable":
      queueResize(context, op, found, options.support);
      noteWrite(op.sheet, op.area);
      return;
    case "removeRule":
      return;
    case "addRule":
      queueRule(context, op.sheet, op.area, op.formula, op.format);
      return;
    case "addNote": {
      const note = sheetOf(context, op.sheet).notes.add(a1(op.row, op.column), op.text);
      note.width = op.width;
      note.height = op.height;
      return;
    }
    case "removeNote":
      sheetOf(context, op.sheet).notes.getItem(a1(op.row, op.column)).delete();
      return;
    case "listValidation": {
      const validation = rangeOf(context, op.sheet, op.area).dataValidation;
      validation.rule = { list: { inCellDropDown: true, source: op.source } };
      // The list helps; it does not forbid: "3", "Topic 3" and "Other: …" are valid entries too.
      validation.ignoreBlanks = true;
      validation.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
      return;
    }
    case "setName": {
      const item = found.names.get(op.name.toLowerCase());
      if (item) item.formula = op.reference;
      else context.workbook.names.add(op.name, op.reference);
      return;
    }
    case "format":
      queueFormat(rangeOf(context, op.sheet, op.area), op.format);
      return;
    case "merge":
      rangeOf(context, op.sheet, op.area).merge(false);
      return;
    case "pageBreak":
      // PageBreakCollection.add (ExcelApi 1.9, as Worksheet.pageLayout): the break goes above the cell.
      sheetOf(context, op.sheet).horizontalPageBreaks.add(`A${op.row}`);
      return;
    case "unmerge":
      rangeOf(context, op.sheet, op.area).unmerge();
      return;
    case "columnWidth":
      sheetOf(context, op.sheet).getRange(a1(1, op.column)).format.columnWidth = widthInPoints(op.width);
      return;
    case "rowHeight":
      sheetOf(context, op.sheet).getRange(a1(op.row, 1)).format.rowHeight = op.height;
      return;
    case "freezeRows":
      sheetOf(context, op.sheet).freezePanes.freezeRows(op.rows);
      return;
    case "pageSetup":
      queuePageSetup(context, op);
      return;
    case "tabColor":
      sheetOf(context, op.sheet).tabColor = op.color === null ? "" : `#${op.color}`;
      return;
    default: {
      const never: never = op;
      throw new Error(`unknown sheet operation ${JSON.stringify(never)}`);
    }
  }
}

/**
 * Moves a table's bottom-right corner (Table.resize, ExcelApi 1.13). Rows for Apply are written
 * below the table first (Range.values), as Microsoft's co-authoring guidance recommends instead of
 * TableRowCollection.add; the resize then makes sure the table covers them. Without 1.13 the
 * table is converted to a range and made again over the new area, under the same name.
 */
function queueResize(
  context: Excel.RequestContext,
  op: Extract<SheetOp, { op: "resizeTable" }>,
  found: Found,
  support: Support,
): void {
  const address = areaAddress(op.area);
  if (support.resize) {
    const table = found.tables.get(op.table.toLowerCase()) ?? context.workbook.tables.getItem(op.table);
    table.resize(sheetOf(context, op.sheet).getRange(address));
    return;
  }
  // Converting a table and adding it again changes the table collection in the middle of the
  // batch: a proxy from the collection's items may then stand for another table (how Excel
  // addresses items is undocumented), so the table is reached by its name.
  context.workbook.tables.getItem(op.table).convertToRange();
  sheetOf(context, op.sheet).tables.add(address, true).name = op.table;
}

function queuePageSetup(context: Excel.RequestContext, op: Extract<SheetOp, { op: "pageSetup" }>): void {
  const layout = sheetOf(context, op.sheet).pageLayout;
  layout.orientation = (op.landscape ? "Landscape" : "Portrait") as Excel.PageOrientation;
  layout.zoom = op.fitToWidth ? { horizontalFitToPages: 1 } : { scale: 100 };
  if (op.paper === "A4") layout.paperSize = "A4" as Excel.PaperType;
  if (op.titleRows) layout.setPrintTitleRows(`$${op.titleRows.top}:$${op.titleRows.bottom}`);
  const columns = op.titleColumns;
  if (columns) layout.setPrintTitleColumns(`$${columnLetters(columns.left)}:$${columnLetters(columns.right)}`);
  if (op.overThenDown) layout.printOrder = "OverThenDown" as Excel.PrintOrder;
  if (op.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = op.footer;
  if (op.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = op.header;
}

/** Whether the ops change a sheet's visibility, which cannot join a merged undo group on Windows and Mac. */
export function changesVisibility(ops: readonly SheetOp[]): boolean {
  return ops.some((op) => op.op === "setVisibility" || (op.op === "addSheet" && op.visibility !== "visible"));
}

/** Ops without notes: what is written when notes cannot be (see NOTES_UNAVAILABLE). */
export function withoutNotes(ops: readonly SheetOp[]): SheetOp[] {
  return ops.filter((op) => op.op !== "addNote" && op.op !== "removeNote");
}
