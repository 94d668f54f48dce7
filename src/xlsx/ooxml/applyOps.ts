/**
 * The `.xlsx` interpreter of the one description of what to write: each operation patches only
 * the parts it is about; every other part of the package stays as it was, byte for byte.
 */
import type { SheetOp } from "../../domain/sheetOps";
import { WorkbookFileError } from "../errors";
import { NotesEdit } from "./notesEdit";
import type { XlsxPackage } from "./package";
import { Session } from "./session";
import { SheetEdit } from "./sheetEdit";
import { forgetValues } from "./state";
import { StylesEdit } from "./stylesEdit";
import { TablesEdit } from "./tablesEdit";
import {
  addRule,
  columnWidth,
  freezeRows,
  listValidation,
  mergeCells,
  rowBreak,
  unmergeCells,
  pageSetup,
  removeRule,
  tabColor,
  tabSelected,
} from "./worksheetParts";
import { WorkbookEdit } from "./workbookEdit";
import { quoteSheet } from "../../domain/areas";
import { columnLetters } from "../../domain/tables";
import { attr, elementWith } from "./xmlTree";

class Interpreter {
  readonly session: Session;
  private workbookEdit: WorkbookEdit | undefined;
  private readonly sheets = new Map<string, SheetEdit>();
  private readonly notes = new Map<string, NotesEdit>();
  readonly styles: StylesEdit;
  readonly tables: TablesEdit;

  constructor(readonly pkg: XlsxPackage) {
    this.session = new Session(pkg);
    this.styles = new StylesEdit(this.session);
    this.tables = new TablesEdit(this.session);
  }

  get workbook(): WorkbookEdit {
    this.workbookEdit ??= new WorkbookEdit(this.session);
    return this.workbookEdit;
  }

  sheet(name: string): SheetEdit {
    const entry = this.pkg.sheet(name);
    if (!entry) throw new WorkbookFileError(`The workbook has no sheet named "${name}".`);
    const key = entry.name.toLowerCase();
    let edit = this.sheets.get(key);
    if (!edit) this.sheets.set(key, (edit = new SheetEdit(this.session, entry)));
    return edit;
  }

  notesOf(name: string): NotesEdit {
    const sheet = this.sheet(name);
    let edit = this.notes.get(sheet.part);
    if (!edit) this.notes.set(sheet.part, (edit = new NotesEdit(this.session, sheet)));
    return edit;
  }

  sheetIndex(name: string): number {
    const lower = name.toLowerCase();
    return this.pkg.sheets.findIndex((s) => s.name.toLowerCase() === lower);
  }

  activate(name: string): void {
    const index = this.sheetIndex(name);
    if (index < 0) throw new WorkbookFileError(`The workbook has no sheet named "${name}".`);
    this.workbook.setActiveTab(index);
    this.pkg.sheets.forEach((entry, i) => {
      if (entry.kind === "worksheet" && entry.part !== undefined) tabSelected(this.sheet(entry.name).doc, i === index);
      else if (entry.part !== undefined && this.pkg.loaded(entry.part)) this.unselect(entry.part);
    });
  }

  /** A chartsheet's tab is unselected, so that only the activated sheet is selected. */
  private unselect(part: string): void {
    const editor = this.session.editor(part, []);
    const found = editor.get("sheetViews");
    const view = found?.element.children.find((c) => c.local === "sheetView");
    const now = view ? attr(view, "tabSelected") : undefined;
    if (!found || !view || (now !== "1" && now !== "true")) return;
    const edited = elementWith(found.xml, view, new Map([["tabSelected", null]]));
    editor.set("sheetViews", found.xml.slice(0, view.start) + edited + found.xml.slice(view.end));
  }

  /** A hidden sheet cannot stay the active one: the first visible sheet takes its place. */
  keepActiveVisible(): void {
    if (!this.workbookEdit) return;
    const active = this.pkg.sheets[this.workbook.activeTab()];
    if (!active || active.visibility === "visible") return;
    const visible = this.pkg.sheets.findIndex((s) => s.visibility === "visible");
    if (visible >= 0) this.activate(this.pkg.sheets[visible]?.name ?? "");
  }

  apply(op: SheetOp): void {
    switch (op.op) {
      case "addSheet":
        this.workbook.addSheet(op.sheet, op.visibility);
        return;
      case "setVisibility":
        this.workbook.setVisibility(op.sheet, op.visibility);
        return;
      case "activate":
        this.activate(op.sheet);
        return;
      case "setValues":
        this.sheet(op.sheet).setValues(op.top, op.left, op.values);
        return;
      case "clearValues":
        this.sheet(op.sheet).clearValues(op.area);
        return;
      case "addTable":
        this.tables.add(this.sheet(op.sheet), op.table, op.area, op.style);
        return;
      case "convertToTable":
        // As Excel's "Insert > Table" does, in Excel's default table style; the cells stay as they are.
        this.tables.add(this.sheet(op.sheet), op.table, op.area, "TableStyleMedium2");
        return;
      case "resizeTable":
        this.tables.resize(this.sheet(this.tables.sheetOf(op.table) ?? op.sheet), op.table, op.area);
        return;
      case "addRule":
        addRule(this.sheet(op.sheet).doc, op.area, op.formula, this.styles.ruleStyle(op.format));
        return;
      case "removeRule":
        removeRule(this.sheet(op.sheet).doc, op.area, op.formula);
        return;
      case "addNote":
        this.notesOf(op.sheet).add(op.row, op.column, op.text, op.width, op.height);
        return;
      case "removeNote":
        this.notesOf(op.sheet).remove(op.row, op.column);
        return;
      case "listValidation":
        listValidation(this.sheet(op.sheet).doc, op.area, op.source);
        return;
      case "setName":
        this.workbook.setName(op.name, op.reference);
        return;
      case "format":
        this.sheet(op.sheet).format(op.area, (base) => this.styles.cellStyle(base, op.format));
        return;
      case "merge":
        mergeCells(this.sheet(op.sheet).doc, op.area);
        return;
      case "pageBreak":
        rowBreak(this.sheet(op.sheet).doc, op.row);
        return;
      case "unmerge":
        unmergeCells(this.sheet(op.sheet).doc, op.area);
        return;
      case "columnWidth":
        columnWidth(this.sheet(op.sheet).doc, op.column, op.width);
        return;
      case "rowHeight":
        this.sheet(op.sheet).rowHeight(op.row, op.height);
        return;
      case "freezeRows":
        freezeRows(this.sheet(op.sheet).doc, op.rows);
        return;
      case "pageSetup":
        pageSetup(this.sheet(op.sheet).doc, op);
        this.printTitles(op);
        return;
      case "tabColor":
        tabColor(this.sheet(op.sheet).doc, op.color);
        return;
    }
  }

  /** The print titles: one defined name local to the sheet, the columns first, then the rows, as Excel writes it. */
  private printTitles(op: Extract<SheetOp, { op: "pageSetup" }>): void {
    const sheet = quoteSheet(this.sheet(op.sheet).sheet.name);
    const columns = op.titleColumns;
    const parts = [
      ...(columns ? [`${sheet}!$${columnLetters(columns.left)}:$${columnLetters(columns.right)}`] : []),
      ...(op.titleRows ? [`${sheet}!$${op.titleRows.top}:$${op.titleRows.bottom}`] : []),
    ];
    if (parts.length > 0) this.workbook.setName("_xlnm.Print_Titles", parts.join(","), this.sheetIndex(op.sheet));
  }

  /** A formula replaced by a value leaves the calculation chain naming it: the chain goes, Excel rebuilds it. */
  dropStaleCalcChain(): void {
    if (![...this.sheets.values()].some((sheet) => sheet.removedFormula)) return;
    for (const rel of this.pkg.related(this.pkg.workbookPart, "calcChain")) {
      this.session.drop(rel.target, this.pkg.workbookPart);
    }
  }

  finish(): void {
    this.keepActiveVisible();
    this.dropStaleCalcChain();
    this.session.finish();
    forgetValues(this.pkg);
  }
}

/**
 * Applies the operations in order; the package then holds the patched parts (see writePackage).
 * All or nothing: when one operation cannot be applied, the package is left as it was.
 */
export function applyOps(pkg: XlsxPackage, ops: readonly SheetOp[]): void {
  const restore = pkg.snapshot();
  try {
    const interpreter = new Interpreter(pkg);
    for (const op of ops) interpreter.apply(op);
    interpreter.finish();
  } catch (error) {
    restore();
    forgetValues(pkg);
    throw error;
  }
}
