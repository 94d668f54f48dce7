/**
 * An XML part edited at the level of its root's children: a child is replaced, removed, or a new
 * one inserted where the schema's sequence puts it. Children and the text between them that no
 * edit touches are written back exactly as they were.
 */
import { innerXml, parseXml, prefixOf, qualify, rootScope, shifted, startTagWith, type XmlElement } from "./xmlTree";

interface Entry {
  local: string;
  uri: string;
  xml: string;
  /** Text after the child up to the next one (whitespace, comments) as it was. */
  gapAfter: string;
  parsed?: XmlElement;
  /** Computes the child's text when the part is written (the worksheet's cells). */
  render?: () => string;
}

export class DocEditor {
  readonly root: XmlElement;
  readonly scope: Map<string, string>;
  /** The prefix of the root's namespace ("" when it is the default namespace). */
  readonly prefix: string;
  private head = "";
  private readonly lead: string;
  private readonly tail: string;
  private readonly entries: Entry[] = [];

  constructor(
    readonly part: string,
    text: string,
    private readonly order: readonly string[],
    parsed?: XmlElement,
  ) {
    this.root = parsed ?? parseXml(text, part);
    this.scope = rootScope(this.root);
    this.prefix = prefixOf(this.root, this.root.uri) ?? "";
    const root = this.root;
    if (root.closeStart === root.end) {
      this.head = text.slice(0, root.start) + startTagWith(root, new Map(), false);
      this.lead = "";
      this.tail = `</${root.name}>${text.slice(root.end)}`;
    } else {
      const first = root.children[0];
      this.head = text.slice(0, root.openEnd);
      this.lead = text.slice(root.openEnd, first ? first.start : root.closeStart);
      this.tail = text.slice(root.closeStart);
    }
    root.children.forEach((c, i) => {
      const next = root.children[i + 1];
      this.entries.push({
        local: c.local,
        uri: c.uri,
        xml: text.slice(c.start, c.end),
        gapAfter: text.slice(c.end, next ? next.start : root.closeStart),
        parsed: c,
      });
    });
  }

  /** A child's element name written with the root's prefix. */
  name(local: string): string {
    return qualify(this.prefix, local);
  }

  private rank(local: string): number {
    return this.order.indexOf(local);
  }

  /** A child's place in the sequence; markup compatibility's AlternateContent takes its content's place. */
  private rankOf(entry: Entry): number {
    if (this.mine(entry)) return this.rank(entry.local);
    if (entry.local !== "AlternateContent") return -1;
    const content = entry.parsed?.children[0]?.children[0];
    return content ? this.rank(content.local) : -1;
  }

  private mine(entry: Entry): boolean {
    return entry.uri === this.root.uri;
  }

  has(local: string): boolean {
    return this.entries.some((e) => e.local === local && this.mine(e));
  }

  /** The first child of this name, parsed (from its current text), if any. */
  get(local: string): { element: XmlElement; xml: string } | undefined {
    const entry = this.entries.find((e) => e.local === local && this.mine(e));
    return entry ? this.parsedOf(entry) : undefined;
  }

  all(local: string): { element: XmlElement; xml: string }[] {
    return this.entries.filter((e) => e.local === local && this.mine(e)).map((e) => this.parsedOf(e));
  }

  private parsedOf(entry: Entry): { element: XmlElement; xml: string } {
    if (entry.render) entry.xml = entry.render();
    if (entry.parsed && entry.parsed.start !== 0 && entry.parsed.end - entry.parsed.start === entry.xml.length) {
      entry.parsed = shifted(entry.parsed, entry.parsed.start);
    } else if (!entry.parsed || entry.parsed.start !== 0 || entry.parsed.end !== entry.xml.length) {
      entry.parsed = parseXml(entry.xml, this.part, this.scope);
    }
    return { element: entry.parsed, xml: entry.xml };
  }

  /** Replaces the first child of this name, or inserts it where the schema puts it. */
  set(local: string, xml: string): void {
    const entry = this.entries.find((e) => e.local === local && this.mine(e));
    if (entry) {
      entry.xml = xml;
      entry.parsed = undefined;
      entry.render = undefined;
    } else this.insert(local, xml);
  }

  /** Sets a child whose text is computed only when the part is written. */
  setRendered(local: string, render: () => string): void {
    this.set(local, "");
    const entry = this.entries.find((e) => e.local === local && this.mine(e));
    if (entry) entry.render = render;
  }

  /** Replaces the `index`-th child of this name. */
  replaceNth(local: string, index: number, xml: string | null): void {
    const matching = this.entries.filter((e) => e.local === local && this.mine(e));
    const entry = matching[index];
    if (!entry) return;
    if (xml === null) this.entries.splice(this.entries.indexOf(entry), 1);
    else {
      entry.xml = xml;
      entry.parsed = undefined;
    }
  }

  remove(local: string): void {
    const at = this.entries.findIndex((e) => e.local === local && this.mine(e));
    if (at >= 0) this.entries.splice(at, 1);
  }

  /** Inserts a new child after the last of its name, or where the schema puts it. */
  insert(local: string, xml: string): void {
    const rank = this.rank(local);
    let at = this.entries.length;
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const other = this.rankOf(this.entries[i] as Entry);
      if (other < 0) continue;
      if (other <= rank) break;
      if (other > rank) at = i;
    }
    this.entries.splice(at, 0, { local, uri: this.root.uri, xml, gapAfter: "" });
  }

  setRootAttributes(changes: ReadonlyMap<string, string | null>): void {
    const start = this.head.lastIndexOf("<");
    this.head = this.head.slice(0, start) + startTagWith(this.root, changes, false);
  }

  toString(): string {
    const parts = [this.head, this.lead];
    for (const entry of this.entries) parts.push(entry.render ? entry.render() : entry.xml, entry.gapAfter);
    parts.push(this.tail);
    return parts.join("");
  }
}

/** CT_Worksheet's sequence. */
export const WORKSHEET_ORDER = [
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];

/** CT_Workbook's sequence. */
export const WORKBOOK_ORDER = [
  "fileVersion",
  "fileSharing",
  "workbookPr",
  "workbookProtection",
  "bookViews",
  "sheets",
  "functionGroups",
  "externalReferences",
  "definedNames",
  "calcPr",
  "oleSize",
  "customWorkbookViews",
  "pivotCaches",
  "smartTagPr",
  "smartTagTypes",
  "webPublishing",
  "fileRecoveryPr",
  "webPublishObjects",
  "extLst",
];

/** CT_Stylesheet's sequence. */
export const STYLESHEET_ORDER = [
  "numFmts",
  "fonts",
  "fills",
  "borders",
  "cellStyleXfs",
  "cellXfs",
  "cellStyles",
  "dxfs",
  "tableStyles",
  "colors",
  "extLst",
];

/**
 * Appends `childXml` inside the root's child `local` (made if missing); returns the new child's
 * index among the `childLocal` children. `count` is kept equal to that number when asked.
 */
export function appendInside(
  editor: DocEditor,
  local: string,
  childLocal: string,
  childXml: string,
  counted = true,
): number {
  const found = editor.get(local);
  const name = editor.name(local);
  if (!found) {
    editor.set(local, `<${name}${counted ? ' count="1"' : ""}>${childXml}</${name}>`);
    return 0;
  }
  const { element, xml } = found;
  const index = element.children.filter((c) => c.local === childLocal && c.uri === element.uri).length;
  const start = startTagWith(element, counted ? new Map([["count", String(index + 1)]]) : new Map(), false);
  editor.set(local, `${start}${innerXml(xml, element)}${childXml}</${element.name}>`);
  return index;
}
