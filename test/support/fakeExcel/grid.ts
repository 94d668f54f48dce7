/**
 * What a person would see in the fake workbook, as plain JSON for assertions (also across
 * `page.evaluate` in an end-to-end test): per sheet its visibility, the cell values, the fill and
 * font colour each cell shows (the cell's own, or the first conditional format whose formula
 * holds there), the notes and the tables.
 *
 * Conditional-format formulas are evaluated when they compare one cell reference with a
 * constant (`=WorkplanChecker!A2=3`, `=$B2<>"x"`), the form the product writes, relative to the
 * top-left cell of the rule's range as Excel does; other formulas are listed as unevaluated.
 */
import {
  areaName,
  cellName,
  columnNumber,
  intersects,
  type Area,
  type ConditionalFormatModel,
  type SheetModel,
  type WorkbookModel,
} from "./model";

export type GridValue = string | number | boolean;

export interface SheetGrid {
  name: string;
  visibility: "Visible" | "Hidden" | "VeryHidden";
  /** A1 → value; errors as Excel shows them ("#NAME?"); empty cells left out. */
  values: Record<string, GridValue>;
  /** A1 → "#RRGGBB": the fill the cell shows, where it has one. */
  fills: Record<string, string>;
  /** A1 → "#RRGGBB": the font colour a conditional format gives the cell. */
  fonts: Record<string, string>;
  /** A1 → note text. */
  notes: Record<string, string>;
  tables: { name: string; range: string }[];
  /** Conditional-format formulas the grid could not evaluate (their fills are not shown). */
  unevaluated: string[];
}

export interface GridState {
  activeSheet: string | null;
  sheets: SheetGrid[];
}

type Comparison = (value: GridValue | null) => boolean;

interface ParsedRule {
  sheet: string | null;
  row: number;
  column: number;
  absoluteRow: boolean;
  absoluteColumn: boolean;
  test: Comparison;
}

const RULE =
  /^=\s*(?:('(?:[^']|'')+'|[A-Za-z_][A-Za-z0-9_.]*)!)?(\$?)([A-Za-z]{1,3})(\$?)(\d+)\s*(<>|>=|<=|=|>|<)\s*(-?\d+(?:\.\d+)?|"(?:[^"]|"")*"|TRUE|FALSE)\s*$/i;

function compare(op: string, a: number | string | boolean, b: number | string | boolean): boolean {
  if (typeof a === "string" && typeof b === "string") {
    a = a.toLowerCase();
    b = b.toLowerCase();
  }
  switch (op) {
    case "=":
      return a === b;
    case "<>":
      return a !== b;
    case ">":
      return a > b;
    case "<":
      return a < b;
    case ">=":
      return a >= b;
    default:
      return a <= b;
  }
}

function parseRule(formula: string): ParsedRule | null {
  const match = RULE.exec(formula);
  if (!match) return null;
  const [, sheetRef, absColumn, letters, absRow, row, op, literal] = match as unknown as string[];
  const sheet =
    sheetRef === undefined ? null : sheetRef.startsWith("'") ? sheetRef.slice(1, -1).replace(/''/g, "'") : sheetRef;
  const text = literal as string;
  const constant: GridValue = text.startsWith('"')
    ? text.slice(1, -1).replace(/""/g, '"')
    : /^(true|false)$/i.test(text)
      ? text.toLowerCase() === "true"
      : Number(text);
  const test: Comparison = (value) => {
    // Excel compares a blank cell as 0 with a number, as "" with text, as FALSE with a boolean.
    const left: GridValue = value ?? (typeof constant === "number" ? 0 : typeof constant === "string" ? "" : false);
    if (typeof left !== typeof constant) return op === "<>";
    return compare(op as string, left, constant);
  };
  return {
    sheet,
    row: Number(row),
    column: columnNumber(letters as string),
    absoluteRow: absRow === "$",
    absoluteColumn: absColumn === "$",
    test,
  };
}

function shownValue(sheet: SheetModel | null, row: number, column: number): GridValue | null {
  const value = sheet?.cell(row, column)?.value;
  if (value === undefined) return null;
  return typeof value === "object" ? value.error : value;
}

/**
 * What the cell shows: Excel desktop shows "####" for a Text-formatted ("@") cell holding more
 * than 255 characters (issue 10; not in Microsoft's documentation), whatever its width.
 */
function displayed(sheet: SheetModel, row: number, column: number, value: GridValue): GridValue {
  const long = typeof value === "string" && value.length > 255;
  return long && sheet.cell(row, column)?.numberFormat === "@" ? "####" : value;
}

/** The cells worth reporting for a rule: its range, cut down to where the sheet has anything. */
function reach(sheet: SheetModel, model: WorkbookModel, area: Area): Area | null {
  const used = sheet.usedArea(false);
  const boxes = [used, ...model.tables.filter((t) => t.sheet === sheet).map((t) => t.area)].filter(
    (a): a is Area => a !== null,
  );
  if (boxes.length === 0) return null;
  const box = boxes.reduce((a, b) => ({
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  }));
  if (!intersects(box, area)) return null;
  return {
    top: Math.max(box.top, area.top),
    left: Math.max(box.left, area.left),
    bottom: Math.min(box.bottom, area.bottom),
    right: Math.min(box.right, area.right),
  };
}

function applyRules(sheet: SheetModel, model: WorkbookModel, grid: SheetGrid): void {
  const fillDone = new Set<string>();
  const fontDone = new Set<string>();
  // Index 0 has the top priority; the first rule that holds and sets a colour decides it.
  for (const format of sheet.conditionalFormats as ConditionalFormatModel[]) {
    const rule = format.type === "Custom" && format.formula ? parseRule(format.formula) : null;
    if (!rule) {
      grid.unevaluated.push(format.formula ?? `(${format.type})`);
      continue;
    }
    const target = rule.sheet === null ? sheet : model.sheet(rule.sheet);
    const cells = reach(sheet, model, format.area);
    if (!cells) continue;
    for (let r = cells.top; r <= cells.bottom; r++) {
      for (let c = cells.left; c <= cells.right; c++) {
        const row = rule.absoluteRow ? rule.row : rule.row + (r - format.area.top);
        const column = rule.absoluteColumn ? rule.column : rule.column + (c - format.area.left);
        if (!rule.test(shownValue(target, row, column))) continue;
        const at = cellName(r, c);
        if (format.fill && !fillDone.has(at)) {
          grid.fills[at] = format.fill;
          fillDone.add(at);
        }
        if (format.font && !fontDone.has(at)) {
          grid.fonts[at] = format.font;
          fontDone.add(at);
        }
      }
    }
  }
}

export function sheetGrid(model: WorkbookModel, sheet: SheetModel): SheetGrid {
  const grid: SheetGrid = {
    name: sheet.name,
    visibility: sheet.visibility,
    values: {},
    fills: {},
    fonts: {},
    notes: {},
    tables: [],
    unevaluated: [],
  };
  const keys = [...sheet.cells.keys()]
    .map((key) => key.split(",").map(Number) as [number, number])
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  for (const [row, column] of keys) {
    const value = shownValue(sheet, row, column);
    if (value !== null) grid.values[cellName(row, column)] = displayed(sheet, row, column, value);
  }
  applyRules(sheet, model, grid);
  for (const [row, column] of keys) {
    const at = cellName(row, column);
    const own = sheet.cell(row, column)?.style?.fill;
    if (own && grid.fills[at] === undefined) grid.fills[at] = own;
  }
  for (const note of sheet.orderedNotes()) grid.notes[note.cell] = note.content;
  grid.tables = model.tables.filter((t) => t.sheet === sheet).map((t) => ({ name: t.name, range: areaName(t.area) }));
  return grid;
}

export function gridState(model: WorkbookModel): GridState {
  return { activeSheet: model.activeSheet, sheets: model.sheets.map((sheet) => sheetGrid(model, sheet)) };
}
