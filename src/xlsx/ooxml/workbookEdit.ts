/** The workbook part: new sheets, their visibility, the active tab and defined names. */
import { posix } from "node:path";
import type { Visibility } from "../../domain/sheetOps";
import { WorkbookFileError } from "../errors";
import { appendInside, WORKBOOK_ORDER, type DocEditor } from "./docEditor";
import { MAIN_NS, REL_NS, type SheetEntry } from "./package";
import { CONTENT_TYPE, DECLARATION, relIdAttribute, type Session } from "./session";
import { attr, elementWith, escapeAttr, escapeText, startTagWith, type XmlElement } from "./xmlTree";

const STATE: Record<Visibility, string | null> = { visible: null, hidden: "hidden", veryHidden: "veryHidden" };

export const emptyWorksheet = (mainNs = MAIN_NS, relNs = REL_NS): string =>
  `${DECLARATION}<worksheet xmlns="${mainNs}" xmlns:r="${relNs}">` +
  '<sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/>' +
  '<sheetData/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** Office's rule for sheet names ([MS-OI29500] 2.1.578, see docs/excel-behaviour.md). */
export function validSheetName(name: string): boolean {
  return (
    name.length >= 1 && name.length <= 31 && !/[:\\/?*[\]]/.test(name) && !name.startsWith("'") && !name.endsWith("'")
  );
}

/** The next sheet id, or the first free one when that would pass Office's limit of 65534. */
function freeSheetId(used: readonly number[]): number {
  const next = Math.max(0, ...used) + 1;
  if (next <= 65534) return next;
  const taken = new Set(used);
  for (let id = 1; ; id++) if (!taken.has(id)) return id;
}

/** `'It''s'!` – a sheet name as a formula writes it. */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export class WorkbookEdit {
  readonly doc: DocEditor;

  constructor(private readonly session: Session) {
    this.doc = session.editor(session.pkg.workbookPart, WORKBOOK_ORDER);
  }

  private sheetElements(): { element: XmlElement; xml: string; sheets: XmlElement } | undefined {
    const found = this.doc.get("sheets");
    return found ? { element: found.element, xml: found.xml, sheets: found.element } : undefined;
  }

  addSheet(name: string, visibility: Visibility): SheetEntry {
    const { pkg } = this.session;
    if (pkg.sheet(name)) throw new WorkbookFileError(`The workbook already has a sheet named "${name}".`);
    if (!validSheetName(name)) {
      throw new WorkbookFileError(
        `"${name}" cannot name a sheet: 1 to 31 characters, none of : \\ / ? * [ ], not starting or ending with '.`,
      );
    }
    const part = pkg.freeName(posix.join(posix.dirname(pkg.workbookPart), "worksheets", "sheet"), ".xml");
    this.session.create(part, emptyWorksheet(this.session.mainNs, this.session.relNs));
    const relId = this.session.relate(pkg.workbookPart, "worksheet", part);
    this.session.override(part, CONTENT_TYPE.worksheet);
    const sheetId = freeSheetId(pkg.sheets.map((s) => s.sheetId));
    const state = STATE[visibility];
    const tag = this.doc.name("sheet");
    const xml =
      `<${tag} name="${escapeAttr(name)}" sheetId="${sheetId}"${state ? ` state="${state}"` : ""} ` +
      `${relIdAttribute(this.doc, relId, this.session.relNs)}/>`;
    appendInside(this.doc, "sheets", "sheet", xml, false);
    const entry: SheetEntry = { name, sheetId, relId, part, kind: "worksheet", visibility };
    pkg.sheets.push(entry);
    return entry;
  }

  private editSheet(name: string, changes: Map<string, string | null>): void {
    const found = this.sheetElements();
    const lower = name.toLowerCase();
    const sheet = found?.element.children.find((c) => (attr(c, "name") ?? "").toLowerCase() === lower);
    if (!found || !sheet) throw new WorkbookFileError(`The workbook has no sheet named "${name}".`);
    const edited = elementWith(found.xml, sheet, changes);
    this.doc.set("sheets", found.xml.slice(0, sheet.start) + edited + found.xml.slice(sheet.end));
  }

  setVisibility(name: string, visibility: Visibility): void {
    this.editSheet(name, new Map([["state", STATE[visibility]]]));
    const entry = this.session.pkg.sheet(name);
    if (entry) entry.visibility = visibility;
  }

  private view(): { element: XmlElement; xml: string; view: XmlElement | undefined } | undefined {
    const found = this.doc.get("bookViews");
    return found ? { ...found, view: found.element.children.find((c) => c.local === "workbookView") } : undefined;
  }

  activeTab(): number {
    const view = this.view()?.view;
    return Number(view ? (attr(view, "activeTab") ?? 0) : 0);
  }

  setActiveTab(index: number): void {
    const found = this.view();
    const changes = new Map<string, string | null>([["activeTab", String(index)]]);
    if (!found?.view) {
      const [views, view] = [this.doc.name("bookViews"), this.doc.name("workbookView")];
      this.doc.set("bookViews", `<${views}><${view} activeTab="${index}"/></${views}>`);
      return;
    }
    if (Number(attr(found.view, "firstSheet") ?? 0) > index) changes.set("firstSheet", String(index));
    const edited = elementWith(found.xml, found.view, changes);
    const xml = found.xml.slice(0, found.view.start) + edited + found.xml.slice(found.view.end);
    this.doc.set("bookViews", xml);
  }

  /** Adds or repoints a defined name (workbook-wide, or local to the sheet at `localSheetId`). */
  setName(name: string, reference: string, localSheetId?: number): void {
    const formula = escapeText(reference.replace(/^=/, ""));
    const local = localSheetId === undefined ? undefined : String(localSheetId);
    const found = this.doc.get("definedNames");
    const lower = name.toLowerCase();
    const existing = found?.element.children.find(
      (c) => (attr(c, "name") ?? "").toLowerCase() === lower && attr(c, "localSheetId") === local,
    );
    if (found && existing) {
      const start = startTagWith(existing, new Map(), false);
      const replaced = `${start}${formula}</${existing.name}>`;
      this.doc.set("definedNames", found.xml.slice(0, existing.start) + replaced + found.xml.slice(existing.end));
      return;
    }
    const tag = this.doc.name("definedName");
    const scope = local === undefined ? "" : ` localSheetId="${local}"`;
    appendInside(
      this.doc,
      "definedNames",
      "definedName",
      `<${tag} name="${escapeAttr(name)}"${scope}>${formula}</${tag}>`,
      false,
    );
  }
}
