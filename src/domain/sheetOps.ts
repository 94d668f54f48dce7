/**
 * One description of what to write. Every write the product makes (check, clear, create, the
 * proposal sheet, apply, save expected dates) is computed here, in the pure core, as a list of
 * operations on sheets; the `.xlsx` and Office.js adapters each apply that list as it is, in
 * order, and decide nothing of their own. See docs/architecture.md.
 */
import type { Area } from "./areas";
import type { SheetTable } from "./tables";

export type { Area };

/** A value to write. Text is written as text (never read as a number, date or formula); null empties the cell. */
export type Written = string | number | boolean | null;

export type Visibility = "visible" | "hidden" | "veryHidden";

/** Colours are six hex digits, `RRGGBB`. Absent members are left as they are. */
export interface CellFormat {
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  /** Font size in points. */
  size?: number;
  wrap?: boolean;
  verticalTop?: boolean;
  /** A border around each cell, in this colour: shows in greyscale print where a fill may not. */
  border?: string;
}

/** A conditional-format rule of the product's: a formula relative to the top-left cell of `area`. */
export interface RuleFormat {
  fill: string;
  fontColor: string;
  bold?: boolean;
  border?: string;
}

export type SheetOp =
  /** Adds a sheet after the last one. */
  | { op: "addSheet"; sheet: string; visibility: Visibility }
  | { op: "setVisibility"; sheet: string; visibility: Visibility }
  | { op: "activate"; sheet: string }
  /** Values from (top, left), row by row; a row shorter than another leaves the rest as it is. */
  | { op: "setValues"; sheet: string; top: number; left: number; values: Written[][] }
  /** Empties the cells' values; their formats stay. */
  | { op: "clearValues"; sheet: string; area: Area }
  /** Makes a table of cells whose values are already written; `area` includes the header row. */
  | { op: "addTable"; sheet: string; table: string; area: Area; style: string }
  /** Makes a table of the user's own plain range, header row included: its values and formats stay as they are. */
  | { op: "convertToTable"; sheet: string; table: string; area: Area }
  /** Moves a table's bottom-right corner; the header row stays where it is. */
  | { op: "resizeTable"; sheet: string; table: string; area: Area }
  /** A conditional-format rule, placed after the user's own rules on the sheet. */
  | { op: "addRule"; sheet: string; area: Area; formula: string; format: RuleFormat }
  /** Removes the product's rule recorded with exactly this area and formula. */
  | { op: "removeRule"; sheet: string; area: Area; formula: string }
  /** A note (not a threaded comment), sized in points. */
  | { op: "addNote"; sheet: string; row: number; column: number; text: string; width: number; height: number }
  | { op: "removeNote"; sheet: string; row: number; column: number }
  /** A drop-down offering the list `source` (e.g. `=WorkplanTopicLabels`) that never refuses other entries. */
  | { op: "listValidation"; sheet: string; area: Area; source: string }
  /** Adds the defined name, or points it at `reference` (e.g. `='WorkplanLists'!$A$1:$A$10`). */
  | { op: "setName"; name: string; reference: string }
  | { op: "format"; sheet: string; area: Area; format: CellFormat }
  /** Merges the cells of `area` into one that shows the top-left cell's value; only on a sheet the product adds. */
  | { op: "merge"; sheet: string; area: Area }
  /** Splits every merged area that meets `area` back into its cells; only on a sheet of the product's. */
  | { op: "unmerge"; sheet: string; area: Area }
  /** Width in characters of the default font's digits, as an .xlsx file stores it. */
  | { op: "columnWidth"; sheet: string; column: number; width: number }
  /** Height in points. */
  | { op: "rowHeight"; sheet: string; row: number; height: number }
  | { op: "freezeRows"; sheet: string; rows: number }
  /** A manual page break above `row`: printing starts a new page there. Only on a sheet the product adds. */
  | { op: "pageBreak"; sheet: string; row: number }
  | {
      op: "pageSetup";
      sheet: string;
      landscape: boolean;
      /** The paper the Bureau prints on; absent: the sheet's own (the adapters' hunk may lag). */
      paper?: "A4";
      /** Fit all columns to one page width (any number of pages tall); false: at full size, pages across. */
      fitToWidth: boolean;
      /** Rows repeated at the top of every printed page. */
      titleRows?: { top: number; bottom: number };
      /** Columns repeated at the left of every printed page, for a sheet printed several pages across. */
      titleColumns?: { left: number; right: number };
      /** Pages numbered across the sheet first, then down: a wide sheet is read a band of rows at a time. */
      overThenDown?: boolean;
      /** Centre footer; `&P` and `&N` are the page number and the number of pages. */
      footer?: string;
      header?: string;
    }
  | { op: "tabColor"; sheet: string; color: string | null };

export type SheetOpKind = SheetOp["op"];

/** A sheet as the adapter found it. */
export interface SheetState {
  name: string;
  visibility: Visibility;
  /** The cells that hold values, or null when none does. */
  used: Area | null;
}

/** A table of the product's that is not an input (the Conflicts table): where it is, header row included. */
export interface PlacedTable {
  name: string;
  sheet: string;
  area: Area;
}

/** What the product wrote before and knows as its own, kept on its very-hidden sheet. */
export interface ProductRecord {
  rules: { sheet: string; area: Area; formula: string }[];
  notes: CellPlace[];
  /** Cells outside the product's tables that it wrote (the lines above the Conflicts table). */
  cells: CellPlace[];
  /** Sheets that are wholly the product's (the Timeline), redrawn on every check. */
  sheets?: string[];
}

export interface CellPlace {
  sheet: string;
  row: number;
  column: number;
  /** In the record: the text the product wrote there. In `filledCells`: the cell's value as text. */
  text?: string;
}

/**
 * The workbook as an adapter read it: everything the core needs to decide what to write without
 * ever writing over the user's content.
 */
export interface WorkbookState {
  /** The layout's input tables that exist. */
  tables: SheetTable[];
  sheets: SheetState[];
  /** The Conflicts table, when it exists. */
  conflicts: PlacedTable | null;
  /**
   * The cells that are not empty on the sheets where the product's writes may grow: the sheet
   * that holds (or would hold) the Conflicts table, and the Workplan table's sheet below the
   * table and in the row above it, across its width (where the legend of the highlights goes). A caption,
   * a legend or a growing table never takes one of these unless it is the product's.
   */
  filledCells: CellPlace[];
  /** The defined names the product keeps, with their formulas (null when absent). */
  names: ReadonlyMap<string, string | null>;
  /**
   * The product's record; null when the workbook has none yet (checked by a version that kept no
   * record, or never checked). Then `legacyMarks` says what that version wrote.
   */
  record: ProductRecord | null;
  /**
   * Only read when `record` is null: the rules reading the flags sheet and the notes starting with
   * "Workplan Checker:", which versions before the record wrote (`cells` may stay empty: the core
   * knows where those versions put the lines above the Conflicts table).
   */
  legacyMarks: ProductRecord;
  /** Cells that hold a note or a threaded comment (the product's notes included), as `sheet!A1` in lower case. */
  noteCells: ReadonlySet<string>;
  /** Whether notes can be written (Office.js: ExcelApi 1.18 and the notes API present). */
  notesSupported: boolean;
  /**
   * Only read when asked (setting up a workbook) and some input table is missing: where plain
   * ranges of the layout may be. Absent otherwise.
   */
  plain?: PlainRead;
}

/** The first rows of one sheet's used cells, where a header row of the layout may be. */
export interface SheetHead {
  sheet: string;
  /** The used cells' top-left cell; `rows` start there. */
  top: number;
  left: number;
  /** The used cells' first rows (HEAD_ROWS at most), as values. */
  rows: unknown[][];
  /** The last row of the sheet's used cells. */
  bottom: number;
}

/** What setting up a workbook needs to know besides the layout's tables. */
export interface PlainRead {
  heads: SheetHead[];
  /** Every table of the workbook, the user's own included. */
  tables: PlacedTable[];
  /** Every defined name of the workbook (a table cannot take one). */
  names: string[];
}

/**
 * A formula as the interpreters compare it: without "=", quotes, spaces, "$" and case. Excel and
 * LibreOffice store our rule's `'WorkplanChecker'!A2=3` as `WorkplanChecker!A2=3`; it is still ours.
 */
export function formulaKey(formula: string): string {
  return formula.replace(/^=/, "").replace(/'/g, "").replace(/\s/g, "").replace(/\$/g, "").toLowerCase();
}
