/** The workbook as the engine and the write planner need it, read from the package's parts. */
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, NOTE_MARK, TOPIC_LIST_NAME } from "../../domain/annotations";
import { CONFLICTS, INPUT_TABLES, WORKPLAN } from "../../domain/layout";
import { HEAD_ROWS, missingTables } from "../../domain/setUp";
import type {
  Area,
  CellPlace,
  PlacedTable,
  PlainRead,
  ProductRecord,
  SheetState,
  WorkbookState,
} from "../../domain/sheetOps";
import { RECORD_LEFT, RECORD_SHEET, RECORD_WIDTH, recordFromSheet } from "../../domain/write";
import { UNSAVED_FORMULA, type CellValue, type SheetTable } from "../../domain/tables";
import type { PlainValue } from "../cells";
import { cellName, parseArea, parseCell } from "./cellRefs";
import { isMain, type SheetEntry, type XlsxPackage } from "./package";
import { cellValue, holdsValue, sheetCells, stringItemText, type ValueContext } from "./sheetCells";
import { dateStyles } from "./styles";
import { attr, type XmlElement } from "./xmlTree";

export interface TablePart {
  part: string;
  sheet: SheetEntry;
  root: XmlElement;
  name: string;
  area: Area;
  headerRows: number;
  totalsRows: number;
  columnNames: string[];
}

/** Every table of every worksheet, with its part (tables whose `ref` is not a range are left out). */
export function tableParts(pkg: XlsxPackage): TablePart[] {
  const found: TablePart[] = [];
  for (const sheet of pkg.sheets) {
    if (sheet.part === undefined || sheet.kind !== "worksheet") continue;
    for (const rel of pkg.related(sheet.part, "table")) {
      if (!pkg.loaded(rel.target)) continue;
      const root = pkg.tree(rel.target);
      const area = parseArea(attr(root, "ref") ?? "");
      if (root.local !== "table" || !isMain(root.uri) || !area) continue;
      const columns = root.children.find((c) => c.local === "tableColumns" && isMain(c.uri));
      found.push({
        part: rel.target,
        sheet,
        root,
        name: attr(root, "displayName") ?? attr(root, "name") ?? "",
        area,
        headerRows: Number(attr(root, "headerRowCount") ?? 1) === 0 ? 0 : 1,
        totalsRows: Number(attr(root, "totalsRowCount") ?? 0) > 0 ? 1 : 0,
        columnNames: (columns?.children ?? [])
          .filter((c) => c.local === "tableColumn")
          .map((c) => attr(c, "name") ?? ""),
      });
    }
  }
  return found;
}

export function sharedStrings(pkg: XlsxPackage): string[] {
  const rel = pkg.related(pkg.workbookPart, "sharedStrings").find((r) => pkg.loaded(r.target));
  if (!rel) return [];
  const root = pkg.tree(rel.target);
  return root.children.filter((c) => c.local === "si" && isMain(c.uri)).map(stringItemText);
}

const contexts = new WeakMap<XlsxPackage, ValueContext>();

export function valueContext(pkg: XlsxPackage): ValueContext {
  let context = contexts.get(pkg);
  if (!context) {
    context = { sharedStrings: sharedStrings(pkg), dateStyles: dateStyles(pkg), date1904: pkg.date1904 };
    contexts.set(pkg, context);
  }
  return context;
}

/** Forgets what was read from the cells (after the product changed them). */
export function forgetValues(pkg: XlsxPackage): void {
  contexts.delete(pkg);
}

function rowValues(
  cells: Map<number, XmlElement> | undefined,
  left: number,
  right: number,
  context: ValueContext,
): PlainValue[] {
  const values: PlainValue[] = [];
  for (let column = left; column <= right; column++) {
    const cell = cells?.get(column);
    values.push(cell ? cellValue(cell, context) : null);
  }
  return values;
}

/** A body row's values; a formula that the file keeps no result of is UNSAVED_FORMULA, not blank. */
function bodyValues(
  cells: Map<number, XmlElement> | undefined,
  left: number,
  right: number,
  context: ValueContext,
): CellValue[] {
  return rowValues(cells, left, right, context).map((value, i) => {
    const cell = value === null ? cells?.get(left + i) : undefined;
    const formula = cell?.children.some((c) => c.local === "f" && isMain(c.uri)) ?? false;
    return formula ? UNSAVED_FORMULA : value;
  });
}

/**
 * A table's values, header and body. Rows past the last row the sheet stores are all empty; a
 * table reaching far past it (a whole-column table) is read only to there, so that reading stays
 * bounded by what the file holds.
 */
export function readTable(pkg: XlsxPackage, table: TablePart): SheetTable {
  const part = table.sheet.part ?? "";
  const { byRow, lastRow } = sheetCells(pkg, part);
  const context = valueContext(pkg);
  const { top, left, bottom, right } = table.area;
  const bodyTop = top + table.headerRows;
  const bodyBottom = Math.min(bottom - table.totalsRows, Math.max(lastRow, bodyTop + 1000));
  const rows: CellValue[][] = [];
  for (let row = bodyTop; row <= bodyBottom; row++) rows.push(bodyValues(byRow.get(row), left, right, context));
  const headers: CellValue[] =
    table.headerRows > 0 ? rowValues(byRow.get(top), left, right, context) : table.columnNames.slice();
  return { name: table.name, sheet: table.sheet.name, top: bodyTop - 1, left, headers, rows };
}

function usedArea(pkg: XlsxPackage, sheet: SheetEntry): Area | null {
  if (sheet.part === undefined || sheet.kind !== "worksheet") return null;
  let area: Area | null = null;
  for (const { row, cells } of sheetCells(pkg, sheet.part).rows) {
    for (const { element, column } of cells) {
      if (column < 1 || !holdsValue(element)) continue;
      if (!area) area = { top: row, left: column, bottom: row, right: column };
      else {
        area.top = Math.min(area.top, row);
        area.bottom = Math.max(area.bottom, row);
        area.left = Math.min(area.left, column);
        area.right = Math.max(area.right, column);
      }
    }
  }
  return area;
}

/**
 * A sheet's state whose used area is worked out when first asked for: finding it means parsing the
 * sheet's cells, which a large sheet the product never writes on should not cost.
 */
function lazilyUsed(pkg: XlsxPackage, sheet: SheetEntry): SheetState {
  let used: Area | null | undefined;
  return {
    name: sheet.name,
    visibility: sheet.visibility,
    get used(): Area | null {
      used ??= usedArea(pkg, sheet);
      return used;
    },
  };
}

/**
 * On the Workplan table's sheet, the cells where the product may write: below the table (Apply's
 * rows) and in the row above it, across its width (the legend of the highlights).
 */
function aboveOrBelow(table: Area): (row: number, column: number) => boolean {
  return (row, column) =>
    row > table.bottom || (row === table.top - 1 && column >= table.left && column <= table.right);
}

/** The cells holding a value on a sheet (those `keep` takes), each with its value as text. */
function filledCells(
  pkg: XlsxPackage,
  sheet: SheetEntry | undefined,
  keep: (row: number, column: number) => boolean = () => true,
): CellPlace[] {
  if (!sheet || sheet.part === undefined || sheet.kind !== "worksheet") return [];
  const context = valueContext(pkg);
  const cells: CellPlace[] = [];
  for (const entry of sheetCells(pkg, sheet.part).rows) {
    for (const { element, column } of entry.cells) {
      if (column < 1 || !keep(entry.row, column) || !holdsValue(element)) continue;
      const value = cellValue(element, context);
      const text = value instanceof Date ? value.toISOString() : String(value ?? "");
      cells.push({ sheet: sheet.name, row: entry.row, column, text });
    }
  }
  return cells;
}

/** Workbook-scoped defined names, by lower-case name: the formula as Office.js gives it (`=…`). */
export function definedNames(pkg: XlsxPackage): Map<string, { name: string; formula: string }> {
  const root = pkg.tree(pkg.workbookPart);
  const names = new Map<string, { name: string; formula: string }>();
  const list = root.children.find((c) => c.local === "definedNames" && isMain(c.uri));
  for (const name of list?.children ?? []) {
    if (name.local !== "definedName" || attr(name, "localSheetId") !== undefined) continue;
    const text = attr(name, "name") ?? "";
    names.set(text.toLowerCase(), { name: text, formula: `=${name.text.replace(/^=/, "")}` });
  }
  return names;
}

/** Cells that hold a note (legacy comment) or a threaded comment: `sheet!a1`, lower case. */
function noteCells(pkg: XlsxPackage): Set<string> {
  const cells = new Set<string>();
  for (const sheet of pkg.sheets) {
    if (sheet.part === undefined) continue;
    for (const rel of pkg.relationships(sheet.part)) {
      if (rel.external || (rel.kind !== "comments" && rel.kind !== "threadedComment") || !pkg.loaded(rel.target))
        continue;
      for (const ref of commentRefs(pkg.tree(rel.target))) cells.add(`${sheet.name}!${ref}`.toLowerCase());
    }
  }
  return cells;
}

function commentRefs(root: XmlElement): string[] {
  const refs: string[] = [];
  const visit = (element: XmlElement): void => {
    for (const c of element.children) {
      if (c.local === "comment" || c.local === "threadedComment") {
        const at = parseCell(attr(c, "ref") ?? "");
        if (at) refs.push(cellName(at.row, at.column));
      } else if (c.local === "commentList") visit(c);
    }
  };
  visit(root);
  return refs;
}

/** The product's record, kept on its very-hidden lists sheet (src/domain/write/record.ts); null when absent. */
export function readRecord(pkg: XlsxPackage): ProductRecord | null {
  const sheet = pkg.sheet(RECORD_SHEET);
  if (!sheet || sheet.part === undefined || sheet.kind !== "worksheet") return null;
  const context = valueContext(pkg);
  const grid: CellValue[][] = [];
  for (const { row, cells } of sheetCells(pkg, sheet.part).rows) {
    const values: CellValue[] = [];
    for (const { element, column } of cells) {
      if (column >= RECORD_LEFT && column < RECORD_LEFT + RECORD_WIDTH)
        values[column - RECORD_LEFT] = cellValue(element, context);
    }
    grid[row - 1] = values;
  }
  return recordFromSheet(
    Array.from(grid, (row) => row ?? []),
    { top: 1, left: RECORD_LEFT },
  );
}

const FLAGS_REFERENCE = new RegExp(`(^|[^\\w.])'?${FLAGS_SHEET}'?!`, "i");

/** The rules reading the flags sheet on a sheet: what versions without a record wrote. */
function legacyRules(pkg: XlsxPackage, sheet: SheetEntry | undefined): ProductRecord["rules"] {
  if (!sheet || sheet.part === undefined || sheet.kind !== "worksheet") return [];
  const rules: ProductRecord["rules"] = [];
  for (const element of pkg.tree(sheet.part).children) {
    if (element.local !== "conditionalFormatting" || !isMain(element.uri)) continue;
    const area = parseArea((attr(element, "sqref") ?? "").split(" ")[0] ?? "");
    for (const rule of element.children.filter((c) => c.local === "cfRule")) {
      for (const formula of rule.children.filter((c) => c.local === "formula")) {
        if (area && FLAGS_REFERENCE.test(formula.text)) rules.push({ sheet: sheet.name, area, formula: formula.text });
      }
    }
  }
  return rules;
}

/** The notes starting with the product's mark: what versions without a record wrote. */
function legacyNotes(pkg: XlsxPackage): CellPlace[] {
  const notes: CellPlace[] = [];
  for (const sheet of pkg.sheets) {
    if (sheet.part === undefined) continue;
    for (const rel of pkg.relationships(sheet.part)) {
      if (rel.external || rel.kind !== "comments" || !pkg.loaded(rel.target)) continue;
      const list = pkg.tree(rel.target).children.find((c) => c.local === "commentList");
      for (const comment of list?.children ?? []) {
        const at = parseCell(attr(comment, "ref") ?? "");
        const text = comment.children.find((c) => c.local === "text");
        if (at && text && stringItemText(text).startsWith(NOTE_MARK)) notes.push({ sheet: sheet.name, ...at });
      }
    }
  }
  return notes;
}

function legacyMarks(pkg: XlsxPackage, workplan: TablePart | undefined): ProductRecord {
  const sheets = new Set([workplan?.sheet, pkg.sheet(WORKPLAN.sheet)].filter((s): s is SheetEntry => !!s));
  return { rules: [...sheets].flatMap((sheet) => legacyRules(pkg, sheet)), notes: legacyNotes(pkg), cells: [] };
}

function conflictsTable(tables: readonly TablePart[]): PlacedTable | null {
  const table = tables.find((t) => t.name.toLowerCase() === CONFLICTS.table.toLowerCase());
  return table ? { name: table.name, sheet: table.sheet.name, area: { ...table.area } } : null;
}

const INPUT_NAMES = new Set(INPUT_TABLES.map((layout) => layout.table.toLowerCase()));

/** Where plain ranges of the layout may be, as the Office.js reader reads it (src/office/state.ts, readPlain). */
function plainRead(pkg: XlsxPackage, tables: readonly TablePart[], names: ReturnType<typeof definedNames>): PlainRead {
  const context = valueContext(pkg);
  const heads = pkg.sheets
    .filter((sheet) => sheet.part !== undefined && sheet.kind === "worksheet" && sheet.visibility !== "veryHidden")
    .map((sheet) => {
      const used = usedArea(pkg, sheet) ?? { top: 1, left: 1, bottom: 1, right: 1 };
      const { byRow } = sheetCells(pkg, sheet.part ?? "");
      const rows: CellValue[][] = [];
      for (let row = used.top; row < used.top + HEAD_ROWS; row++)
        rows.push(rowValues(byRow.get(row), used.left, used.right, context));
      return { sheet: sheet.name, top: used.top, left: used.left, rows, bottom: used.bottom };
    });
  return {
    heads,
    tables: tables.map((t) => ({ name: t.name, sheet: t.sheet.name, area: { ...t.area } })),
    names: [...names.values()].map((n) => n.name),
  };
}

export function readWorkbookState(pkg: XlsxPackage, options: { plain?: boolean } = {}): WorkbookState {
  const tables = tableParts(pkg);
  const conflicts = conflictsTable(tables);
  const record = readRecord(pkg);
  const names = definedNames(pkg);
  const sheets: SheetState[] = pkg.sheets.map((sheet) => lazilyUsed(pkg, sheet));
  const inputs = tables.filter((t) => INPUT_NAMES.has(t.name.toLowerCase()));
  const workplan = inputs.find((t) => t.name.toLowerCase() === WORKPLAN.table.toLowerCase());
  const conflictsSheet = pkg.sheet(conflicts?.sheet ?? CONFLICTS.sheet);
  const read = inputs.map((t) => readTable(pkg, t));
  return {
    ...(options.plain && missingTables({ tables: read }).length > 0 ? { plain: plainRead(pkg, tables, names) } : {}),
    tables: read,
    sheets,
    conflicts,
    filledCells: [
      ...filledCells(pkg, conflictsSheet),
      ...(workplan && workplan.sheet !== conflictsSheet
        ? filledCells(pkg, workplan.sheet, aboveOrBelow(workplan.area))
        : []),
    ],
    names: new Map(
      [TOPIC_LIST_NAME, FLEXIBLE_LIST_NAME].map((name) => [name, names.get(name.toLowerCase())?.formula ?? null]),
    ),
    record,
    legacyMarks: record ? { rules: [], notes: [], cells: [] } : legacyMarks(pkg, workplan),
    noteCells: new Set(noteCells(pkg)),
    notesSupported: true,
  };
}

/** Every table's values (not only the layout's), in the order of the package's table parts. */
export function readAllTables(pkg: XlsxPackage): SheetTable[] {
  return tableParts(pkg).map((table) => readTable(pkg, table));
}

/** One cell's value as Excel shows it (null when the sheet or the cell is absent). */
export function cellValueAt(pkg: XlsxPackage, sheetName: string, row: number, column: number): PlainValue {
  const sheet = pkg.sheet(sheetName);
  if (!sheet || sheet.part === undefined || sheet.kind !== "worksheet") return null;
  const cell = sheetCells(pkg, sheet.part).byRow.get(row)?.get(column);
  return cell ? cellValue(cell, valueContext(pkg)) : null;
}
