/**
 * An .xlsx (or .xlsm) package as the product reads and patches it: parts found through
 * relationships and content types, namespaces matched by URI, every part the product does not
 * change written back exactly as it was stored.
 */
import { posix } from "node:path";
import JSZip from "jszip";
import type { Visibility } from "../../domain/sheetOps";
import { WorkbookFileError } from "../errors";
import { attr, attrWhere, childrenNamed, parseXml, type XmlElement } from "./xmlTree";
import { decodeText, encodeText, openZip, PartReader, type PartText } from "./zipParts";

export const MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const STRICT_MAIN_NS = "http://purl.oclc.org/ooxml/spreadsheetml/main";
export const REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const STRICT_REL_NS = "http://purl.oclc.org/ooxml/officeDocument/relationships";
export const PACKAGE_REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
export const CONTENT_TYPES_NS = "http://schemas.openxmlformats.org/package/2006/content-types";
export const CONTENT_TYPES_PART = "[Content_Types].xml";

const REL_TYPE_BASES = [`${REL_NS}/`, `${STRICT_REL_NS}/`];

export function isMain(uri: string): boolean {
  return uri === MAIN_NS || uri === STRICT_MAIN_NS;
}

export function isRel(uri: string): boolean {
  return uri === REL_NS || uri === STRICT_REL_NS;
}

/** `worksheet`, `table`, `comments`… for the officeDocument relationship types (transitional or strict). */
export function relKind(type: string): string | undefined {
  for (const base of REL_TYPE_BASES) if (type.startsWith(base)) return type.slice(base.length);
  if (type === "http://schemas.microsoft.com/office/2017/10/relationships/threadedComment") return "threadedComment";
  return undefined;
}

export interface Relationship {
  id: string;
  type: string;
  kind: string | undefined;
  /** The part's name in the zip, or the target as written when external. */
  target: string;
  external: boolean;
}

export interface SheetEntry {
  name: string;
  sheetId: number;
  relId: string;
  /** The sheet's part, when its relationship resolves to a part of the package. */
  part: string | undefined;
  kind: string;
  visibility: Visibility;
}

export function relsPartOf(part: string): string {
  return part === "" ? "_rels/.rels" : posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function resolveTarget(source: string, target: string): string {
  const decoded = safeDecode(target.trim()).replace(/\\/g, "/");
  const joined = decoded.startsWith("/") ? decoded.slice(1) : posix.join(posix.dirname(source), decoded);
  return posix.normalize(joined).replace(/^(\.\.\/)+/, "");
}

/** A target written relative to the source part's folder. */
export function relativeTarget(source: string, part: string): string {
  return posix.relative(posix.dirname(source), part);
}

function visibilityOf(state: string | undefined): Visibility {
  return state === "hidden" ? "hidden" : state === "veryHidden" ? "veryHidden" : "visible";
}

export class XlsxPackage {
  /** Parts read (or written) by the product, decoded; by name in the zip. */
  private readonly texts = new Map<string, PartText>();
  private readonly trees = new Map<string, XmlElement>();
  private readonly changed = new Set<string>();
  private readonly removed = new Set<string>();
  /** Lower-case part name to the name in the zip (part names compare without case). */
  private readonly names = new Map<string, string>();
  workbookPart = "";
  date1904 = false;
  sheets: SheetEntry[] = [];

  constructor(
    readonly zip: JSZip,
    readonly fileName: string,
  ) {
    for (const name of Object.keys(zip.files)) if (!zip.files[name]?.dir) this.names.set(name.toLowerCase(), name);
  }

  /** The part's name as the zip spells it, if the package holds it. */
  find(part: string): string | undefined {
    if (this.removed.has(part)) return undefined;
    return this.names.get(part.toLowerCase());
  }

  loaded(part: string): boolean {
    return this.texts.has(part);
  }

  async load(part: string, reader: PartReader): Promise<boolean> {
    const name = this.find(part);
    const file = name === undefined ? null : this.zip.file(name);
    if (!file || name === undefined) return false;
    if (!this.texts.has(name)) this.texts.set(name, decodeText(await reader.bytes(file)));
    return true;
  }

  text(part: string): string {
    const found = this.texts.get(part);
    if (!found) throw new Error(`part ${part} was not read`);
    return found.text;
  }

  tree(part: string): XmlElement {
    let tree = this.trees.get(part);
    if (!tree) {
      tree = parseXml(this.text(part), part, undefined, this.fileName);
      this.trees.set(part, tree);
    }
    return tree;
  }

  /** Replaces (or adds) a part's text; the tree is parsed again when next asked for. */
  setText(part: string, text: string): void {
    const before = this.texts.get(part);
    this.texts.set(part, { text, encoding: before?.encoding ?? "utf8", bom: before?.bom ?? false });
    this.trees.delete(part);
    this.changed.add(part);
    this.removed.delete(part);
    this.names.set(part.toLowerCase(), part);
  }

  remove(part: string): void {
    this.removed.add(part);
    this.changed.delete(part);
    this.texts.delete(part);
    this.trees.delete(part);
    this.names.delete(part.toLowerCase());
  }

  /** A part name not yet in the package: `xl/tables/table3.xml` for ("xl/tables/table", ".xml"). */
  freeName(stem: string, extension: string): string {
    for (let n = 1; ; n++) {
      const name = `${stem}${n}${extension}`;
      if (!this.names.has(name.toLowerCase())) return name;
    }
  }

  relationships(source: string): Relationship[] {
    const part = this.find(relsPartOf(source));
    if (part === undefined || !this.texts.has(part)) return [];
    const root = this.tree(part);
    return childrenNamed(root, "Relationship", PACKAGE_REL_NS).map((rel) => {
      const type = attr(rel, "Type") ?? "";
      const external = attr(rel, "TargetMode") === "External";
      const written = attr(rel, "Target") ?? "";
      const target = external ? written : resolveTarget(source, written);
      return {
        id: attr(rel, "Id") ?? "",
        type,
        kind: relKind(type),
        target: external ? target : (this.find(target) ?? target),
        external,
      };
    });
  }

  related(source: string, kind: string): Relationship[] {
    return this.relationships(source).filter((rel) => rel.kind === kind && !rel.external);
  }

  sheet(name: string): SheetEntry | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  async bytes(): Promise<Buffer> {
    for (const name of this.removed) this.zip.remove(name);
    for (const name of this.changed) {
      const part = this.texts.get(name);
      if (part) this.zip.file(name, encodeText(part.text, part.encoding, part.bom));
    }
    return this.zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }

  /** What `restore` needs to undo a failed application of operations. */
  snapshot(): () => void {
    const copies = {
      texts: new Map(this.texts),
      trees: new Map(this.trees),
      changed: new Set(this.changed),
      removed: new Set(this.removed),
      names: new Map(this.names),
      sheets: this.sheets.map((sheet) => ({ ...sheet })),
    };
    return () => {
      const reset = <K, V>(target: Map<K, V>, from: Map<K, V>): void => {
        target.clear();
        for (const [k, v] of from) target.set(k, v);
      };
      reset(this.texts, copies.texts);
      reset(this.trees, copies.trees);
      reset(this.names, copies.names);
      this.changed.clear();
      for (const name of copies.changed) this.changed.add(name);
      this.removed.clear();
      for (const name of copies.removed) this.removed.add(name);
      this.sheets = copies.sheets;
    };
  }

  /** The names of the parts the product changed, added or removed (for tests and reports). */
  touchedParts(): string[] {
    return [...this.changed, ...this.removed].sort();
  }
}

async function loadRelationships(pkg: XlsxPackage, source: string, reader: PartReader): Promise<void> {
  await pkg.load(relsPartOf(source), reader);
}

function readSheets(pkg: XlsxPackage): SheetEntry[] {
  const root = pkg.tree(pkg.workbookPart);
  const rels = new Map(pkg.relationships(pkg.workbookPart).map((rel) => [rel.id, rel]));
  const sheets = root.children.find((c) => c.local === "sheets" && isMain(c.uri));
  return (sheets?.children ?? [])
    .filter((sheet) => sheet.local === "sheet" && isMain(sheet.uri))
    .map((sheet) => {
      const relId = attrWhere(sheet, "id", isRel) ?? "";
      const rel = rels.get(relId);
      return {
        name: attr(sheet, "name") ?? "",
        sheetId: Number(attr(sheet, "sheetId") ?? 0),
        relId,
        part: rel && !rel.external && pkg.find(rel.target) !== undefined ? rel.target : undefined,
        kind: rel?.kind ?? "",
        visibility: visibilityOf(attr(sheet, "state")),
      };
    });
}

function readDate1904(root: XmlElement): boolean {
  const properties = root.children.find((c) => c.local === "workbookPr" && isMain(c.uri));
  const value = properties ? attr(properties, "date1904") : undefined;
  return value === "1" || value === "true";
}

/** The kinds of part, related from a worksheet, that the product reads or extends. */
const SHEET_PARTS = ["table", "comments", "vmlDrawing", "threadedComment"];

async function loadSheetParts(pkg: XlsxPackage, sheet: SheetEntry, reader: PartReader): Promise<void> {
  if (sheet.part === undefined) return;
  if (sheet.kind === "chartsheet") await pkg.load(sheet.part, reader);
  if (sheet.kind !== "worksheet") return;
  await pkg.load(sheet.part, reader);
  await loadRelationships(pkg, sheet.part, reader);
  for (const rel of pkg.relationships(sheet.part)) {
    if (!rel.external && rel.kind !== undefined && SHEET_PARTS.includes(rel.kind)) await pkg.load(rel.target, reader);
  }
}

/** The workbook part named by its content type, for a package whose relationships do not lead to it. */
function workbookByContentType(pkg: XlsxPackage): string | undefined {
  const types = pkg.find(CONTENT_TYPES_PART);
  if (types === undefined || !pkg.loaded(types)) return undefined;
  const main = /^application\/vnd\.(openxmlformats-officedocument\.spreadsheetml|ms-excel)\.[\w.]+\.main\+xml$/;
  const override = childrenNamed(pkg.tree(types), "Override", CONTENT_TYPES_NS).find((o) =>
    main.test(attr(o, "ContentType") ?? ""),
  );
  const name = override ? attr(override, "PartName") : undefined;
  return name === undefined ? undefined : resolveTarget("", name);
}

/** The file name extensions of the workbook kinds, by the last words of the workbook part's content type. */
const EXTENSIONS: readonly [RegExp, string][] = [
  [/\.sheet\.macroEnabled\.main\+xml$/i, ".xlsm"],
  [/\.template\.macroEnabledTemplate\.main\+xml$/i, ".xltm"],
  [/\.template\.main\+xml$/i, ".xltx"],
];

/**
 * The extension a file of this package must have for Excel to open it (".xlsx", ".xlsm"…): Excel
 * refuses a macro-enabled workbook named .xlsx, and the reverse. From the content type of the
 * workbook part ([Content_Types].xml: its Override, or the Default of its extension).
 */
export function workbookExtension(pkg: XlsxPackage): string {
  const types = pkg.find(CONTENT_TYPES_PART);
  if (types === undefined || !pkg.loaded(types)) return ".xlsx";
  const tree = pkg.tree(types);
  const part = `/${pkg.workbookPart}`.toLowerCase();
  const override = childrenNamed(tree, "Override", CONTENT_TYPES_NS).find(
    (o) => (attr(o, "PartName") ?? "").toLowerCase() === part,
  );
  const extension = posix.extname(part).slice(1);
  const byDefault = childrenNamed(tree, "Default", CONTENT_TYPES_NS).find(
    (d) => (attr(d, "Extension") ?? "").toLowerCase() === extension,
  );
  const type = attr(override ?? byDefault ?? tree, "ContentType") ?? "";
  return EXTENSIONS.find(([pattern]) => pattern.test(type))?.[1] ?? ".xlsx";
}

export async function readPackage(zip: JSZip, fileName: string): Promise<XlsxPackage> {
  const pkg = new XlsxPackage(zip, fileName);
  const reader = new PartReader(fileName);
  await pkg.load(CONTENT_TYPES_PART, reader);
  await loadRelationships(pkg, "", reader);
  const office = pkg.relationships("").find((rel) => rel.kind === "officeDocument" && !rel.external);
  const workbookPart = office?.target ?? workbookByContentType(pkg) ?? "xl/workbook.xml";
  if (!(await pkg.load(workbookPart, reader))) {
    throw new WorkbookFileError(`${fileName} is not an .xlsx workbook (it has no workbook part).`);
  }
  pkg.workbookPart = pkg.find(workbookPart) ?? workbookPart;
  const root = pkg.tree(pkg.workbookPart);
  if (root.local !== "workbook" || !isMain(root.uri)) {
    throw new WorkbookFileError(`${fileName} is not an .xlsx workbook (its workbook part is not SpreadsheetML).`);
  }
  pkg.date1904 = readDate1904(root);
  await loadRelationships(pkg, pkg.workbookPart, reader);
  for (const rel of pkg.relationships(pkg.workbookPart)) {
    if (!rel.external && (rel.kind === "styles" || rel.kind === "sharedStrings")) await pkg.load(rel.target, reader);
  }
  pkg.sheets = readSheets(pkg);
  for (const sheet of pkg.sheets) await loadSheetParts(pkg, sheet, reader);
  return pkg;
}

export async function openPackage(bytes: Uint8Array, name = "The workbook"): Promise<XlsxPackage> {
  return readPackage(await openZip(bytes, name), name);
}
