/** Tables: a new table part (with its filter buttons and style), or a table's range moved by its ref. */
import { posix } from "node:path";
import type { Area } from "../../domain/sheetOps";
import { WorkbookFileError } from "../errors";
import { areaName, parseArea } from "./cellRefs";
import { CONTENT_TYPE, DECLARATION, type Session } from "./session";
import type { SheetEdit } from "./sheetEdit";
import { tableParts } from "./state";
import { attr, escapeAttr, startTagWith } from "./xmlTree";

const TABLE_ORDER = ["autoFilter", "sortState", "tableColumns", "tableStyleInfo", "extLst"];

interface KnownTable {
  name: string;
  part: string;
  sheet: string;
  area: Area;
}

function overlaps(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

function headerText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

export class TablesEdit {
  private known: Map<string, KnownTable> | undefined;
  private nextId = 0;

  constructor(private readonly session: Session) {}

  private tables(): Map<string, KnownTable> {
    if (!this.known) {
      const parts = tableParts(this.session.pkg);
      this.known = new Map(
        parts.map((t) => [t.name.toLowerCase(), { name: t.name, part: t.part, sheet: t.sheet.name, area: t.area }]),
      );
      this.nextId = Math.max(0, ...parts.map((t) => Number(attr(t.root, "id") ?? 0) || 0)) + 1;
    }
    return this.known;
  }

  /** Column names from the header cells: unique, never empty (a blank header gets `ColumnN`, written in its cell). */
  private columnNames(sheet: SheetEdit, area: Area, from = 0, taken = new Set<string>()): string[] {
    const names: string[] = [];
    for (let column = area.left + from; column <= area.right; column++) {
      let name = headerText(sheet.valueAt(area.top, column));
      if (name === "" || taken.has(name.toLowerCase())) {
        let n = column - area.left + 1;
        while (taken.has(`column${n}`)) n++;
        name = `Column${n}`;
        sheet.setValues(area.top, column, [[name]]);
      }
      taken.add(name.toLowerCase());
      names.push(name);
    }
    return names;
  }

  add(sheet: SheetEdit, name: string, area: Area, style: string): void {
    const tables = this.tables();
    if (tables.has(name.toLowerCase()))
      throw new WorkbookFileError(`The workbook already has a table named "${name}".`);
    this.checkRoom(sheet, name, area);
    const { pkg } = this.session;
    const part = pkg.freeName(posix.join(posix.dirname(pkg.workbookPart), "tables", "table"), ".xml");
    const ref = areaName(area);
    const columns = this.columnNames(sheet, area)
      .map((column, i) => `<tableColumn id="${i + 1}" name="${escapeAttr(column)}"/>`)
      .join("");
    const id = this.nextId++;
    this.session.create(
      part,
      `${DECLARATION}<table xmlns="${this.session.mainNs}" id="${id}" name="${escapeAttr(name)}" ` +
        `displayName="${escapeAttr(name)}" ref="${ref}" totalsRowShown="0"><autoFilter ref="${ref}"/>` +
        `<tableColumns count="${area.right - area.left + 1}">${columns}</tableColumns>` +
        `<tableStyleInfo name="${escapeAttr(style)}" showFirstColumn="0" showLastColumn="0" ` +
        'showRowStripes="1" showColumnStripes="0"/></table>',
    );
    this.session.override(part, CONTENT_TYPE.table);
    sheet.addTablePart(this.session.relate(sheet.part, "table", part));
    tables.set(name.toLowerCase(), { name, part, sheet: sheet.sheet.name, area });
  }

  /**
   * A table may not overlap another table, merged cells or the sheet's own filter: Excel cannot
   * open such a file. The write stops with one line naming what is in the way.
   */
  private checkRoom(sheet: SheetEdit, name: string, area: Area): void {
    const lower = name.toLowerCase();
    for (const [key, other] of this.tables()) {
      if (key !== lower && other.sheet.toLowerCase() === sheet.sheet.name.toLowerCase() && overlaps(area, other.area)) {
        throw new WorkbookFileError(
          `The table "${name}" cannot take ${sheet.sheet.name}!${areaName(area)}: ` +
            `the table "${other.name}" is at ${areaName(other.area)}.`,
        );
      }
    }
    for (const [what, ref] of sheet.occupiedAreas()) {
      const at = parseArea(ref);
      if (at && overlaps(area, at)) {
        throw new WorkbookFileError(
          `The table "${name}" cannot take ${sheet.sheet.name}!${areaName(area)}: it would ` +
            `overlap ${what} ${areaName(at)}.`,
        );
      }
    }
  }

  /** The sheet a table is on (for the caller to find its editor). */
  sheetOf(name: string): string | undefined {
    return this.tables().get(name.toLowerCase())?.sheet;
  }

  resize(sheet: SheetEdit, name: string, area: Area): void {
    const table = this.tables().get(name.toLowerCase());
    if (!table) throw new WorkbookFileError(`The workbook has no table named "${name}" to resize.`);
    this.checkRoom(sheet, name, area);
    table.area = area;
    const editor = this.session.editor(table.part, TABLE_ORDER);
    const ref = areaName(area);
    editor.setRootAttributes(new Map([["ref", ref]]));
    const filter = editor.get("autoFilter");
    if (filter) editor.set("autoFilter", startTagWith(filter.element, new Map([["ref", ref]]), true));
    const found = editor.get("tableColumns");
    if (!found) return;
    const { element, xml } = found;
    const columns = element.children.filter((c) => c.local === "tableColumn");
    const wanted = area.right - area.left + 1;
    if (columns.length === wanted) return;
    const kept = columns.slice(0, wanted).map((c) => xml.slice(c.start, c.end));
    const taken = new Set(columns.slice(0, wanted).map((c) => (attr(c, "name") ?? "").toLowerCase()));
    let id = Math.max(0, ...columns.map((c) => Number(attr(c, "id") ?? 0) || 0));
    const tag = editor.name("tableColumn");
    const added = this.columnNames(sheet, area, kept.length, taken).map(
      (column) => `<${tag} id="${++id}" name="${escapeAttr(column)}"/>`,
    );
    const start = startTagWith(element, new Map([["count", String(wanted)]]), false);
    editor.set("tableColumns", `${start}${kept.join("")}${added.join("")}</${element.name}>`);
  }
}
