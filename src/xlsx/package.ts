/**
 * Makes a workbook package readable by ExcelJS 4.4.0, which finds parts by fixed file names and
 * resolves only relative targets. openpyxl writes absolute targets (`/xl/worksheets/sheet1.xml`)
 * and other part names (`xl/comments/comment1.xml`); ExcelJS then throws or drops the part. Here
 * every part ExcelJS reads gets the name ExcelJS expects and every relationship a relative target.
 * The content is untouched apart from three reading fixes (see `readableContent`, `anchorNotes`).
 */
import { posix } from "node:path";
import JSZip from "jszip";
import { parseA1 } from "../domain/annotations";
import { attributes, elements, escapeXml, openingTag, setAttribute } from "./xml";

interface Relationship {
  tag: string;
  type: string;
  target: string | null;
}

type Naming = (n: number, extension: string) => string;

/** The part names ExcelJS 4.4.0 looks for, by relationship type (its last path segment). */
const EXCELJS_NAMES: Readonly<Record<string, Naming>> = {
  officeDocument: () => "xl/workbook.xml",
  "core-properties": () => "docProps/core.xml",
  "extended-properties": () => "docProps/app.xml",
  worksheet: (n) => `xl/worksheets/sheet${n}.xml`,
  styles: () => "xl/styles.xml",
  sharedStrings: () => "xl/sharedStrings.xml",
  theme: (n) => `xl/theme/theme${n}.xml`,
  comments: (n) => `xl/comments${n}.xml`,
  vmlDrawing: (n) => `xl/drawings/vmlDrawing${n}.vml`,
  table: (n) => `xl/tables/table${n}.xml`,
  drawing: (n) => `xl/drawings/drawing${n}.xml`,
  image: (n, extension) => `xl/media/image${n}.${extension}`,
};

function relsPath(part: string): string {
  return part === "" ? "_rels/.rels" : posix.join(posix.dirname(part), "_rels", `${posix.basename(part)}.rels`);
}

export function resolveTarget(source: string, target: string): string {
  const decoded = safeDecode(target.trim());
  return decoded.startsWith("/")
    ? posix.normalize(decoded.slice(1))
    : posix.normalize(posix.join(posix.dirname(source), decoded));
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function parseRelationships(xml: string, source: string): Relationship[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
    const attrs = attributes(tag);
    const external = attrs.get("TargetMode") === "External";
    return {
      tag,
      type: (attrs.get("Type") ?? "").split("/").pop() ?? "",
      target: external ? null : resolveTarget(source, attrs.get("Target") ?? ""),
    };
  });
}

class PartNames {
  readonly renamed = new Map<string, string>();
  private readonly counts = new Map<string, number>();

  assign(part: string, type: string): void {
    const naming = EXCELJS_NAMES[type];
    if (!naming || this.renamed.has(part)) return;
    const n = (this.counts.get(type) ?? 0) + 1;
    this.counts.set(type, n);
    this.renamed.set(part, naming(n, posix.extname(part).slice(1).toLowerCase() || "bin"));
  }

  of(part: string): string {
    return this.renamed.get(part) ?? part;
  }
}

async function readRelationships(zip: JSZip): Promise<Map<string, Relationship[]>> {
  const bySource = new Map<string, Relationship[]>();
  const pending = [""];
  while (pending.length > 0) {
    const source = pending.shift() ?? "";
    const file = zip.file(relsPath(source));
    if (bySource.has(source) || !file) continue;
    const relationships = parseRelationships(await file.async("string"), source);
    bySource.set(source, relationships);
    for (const { target } of relationships) if (target !== null && zip.file(target)) pending.push(target);
  }
  return bySource;
}

function nameParts(bySource: Map<string, Relationship[]>): PartNames {
  const names = new PartNames();
  for (const relationships of bySource.values()) {
    for (const { type, target } of relationships) if (target !== null) names.assign(target, type);
  }
  return names;
}

function relativeRelationships(xml: string, source: string, relationships: Relationship[], names: PartNames): string {
  const from = posix.dirname(names.of(source));
  return relationships.reduce((out, { tag, target }) => {
    if (target === null) return out;
    const relative = posix.relative(from, names.of(target));
    return out.replace(tag, tag.replace(/\bTarget\s*=\s*("[^"]*"|'[^']*')/, `Target="${escapeXml(relative)}"`));
  }, xml);
}

/**
 * Two things ExcelJS misreads: a table without `headerRowCount` (the schema default is 1) is read
 * as having no header row, and a note whose text is a plain `<t>` (not rich-text runs) loses its
 * text. Both are rewritten into the equivalent form ExcelJS understands.
 */
function readableContent(name: string, xml: string): string {
  if (/^xl\/tables\/table\d+\.xml$/.test(name) && !/<table\b[^>]*\sheaderRowCount=/.test(xml)) {
    return xml.replace(/<table\b/, '<table headerRowCount="1"');
  }
  if (/^xl\/comments\d+\.xml$/.test(name)) {
    return xml.replace(/<text>\s*(<t(?=[\s>])[^>]*>[\s\S]*?<\/t>)/g, "<text><r>$1</r>");
  }
  return xml;
}

/** Adds a cell to sheetData, in its row (made if missing); ExcelJS places cells by address. */
function withCell(xml: string, ref: string, cell: string): string {
  const row = parseA1(ref).row;
  const existing = new RegExp(`<row\\b[^>]*\\sr="${row}"[^>]*?(/?)>`).exec(xml);
  if (existing) {
    const open = existing[0];
    return xml.replace(open, existing[1] ? `${open.slice(0, -2)}>${cell}</row>` : `${open}${cell}`);
  }
  const newRow = `<row r="${row}">${cell}</row>`;
  return /<sheetData\s*\/>/.test(xml)
    ? xml.replace(/<sheetData\s*\/>/, `<sheetData>${newRow}</sheetData>`)
    : xml.replace("</sheetData>", `${newRow}</sheetData>`);
}

function cellElement(xml: string, ref: string): string | undefined {
  return new RegExp(`<c\\s[^>]*?\\br="${ref}"[^>]*?(?:/>|>[\\s\\S]*?</c>)`).exec(xml)?.[0];
}

/** ExcelJS keeps a cell that has a value or a style other than 0; it drops any other. */
function keptByExcelJS(xml: string, ref: string): boolean {
  const cell = cellElement(xml, ref);
  return (
    cell !== undefined && (/<(v|f|is)[\s>]/.test(cell) || Number(attributes(openingTag(cell, "c")).get("s") ?? 0) > 0)
  );
}

function anchorCell(xml: string, ref: string, style: number): string {
  const cell = cellElement(xml, ref);
  return cell
    ? xml.replace(cell, setAttribute(cell, "s", String(style)))
    : withCell(xml, ref, `<c r="${ref}" s="${style}"/>`);
}

/** Appends a copy of the default cell format, so that a cell can carry a style that looks like none. */
async function addPlainStyle(zip: JSZip): Promise<number> {
  const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
  const cellXfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(styles);
  const formats = elements(cellXfs?.[1] ?? "", "xf");
  if (!cellXfs || formats.length === 0) return 0;
  zip.file(
    "xl/styles.xml",
    styles.replace(cellXfs[0], `<cellXfs count="${formats.length + 1}">${formats.join("")}${formats[0]}</cellXfs>`),
  );
  return formats.length;
}

/**
 * ExcelJS attaches a note to its cell only when it keeps the cell, so a note on an empty cell
 * (which Excel does not store, and openpyxl stores without a style) is dropped. Each such cell
 * gets a copy of the default format: it looks the same, and ExcelJS keeps it with its note.
 */
async function anchorNotes(zip: JSZip): Promise<void> {
  let style: number | undefined;
  for (const sheetName of Object.keys(zip.files).filter((name) => /^xl\/worksheets\/sheet\d+\.xml$/.test(name))) {
    const rels = (await zip.file(relsPath(sheetName))?.async("string")) ?? "";
    const comments = parseRelationships(rels, sheetName).find((rel) => rel.type === "comments")?.target;
    const commentsXml = (comments ? await zip.file(comments)?.async("string") : undefined) ?? "";
    const sheet = (await zip.file(sheetName)?.async("string")) ?? "";
    const refs = elements(commentsXml, "comment").map(
      (comment) => attributes(openingTag(comment, "comment")).get("ref") ?? "",
    );
    const dropped = refs.filter((ref) => /^[A-Z]+\d+$/.test(ref) && !keptByExcelJS(sheet, ref));
    if (dropped.length === 0) continue;
    style ??= await addPlainStyle(zip);
    const anchor = style;
    zip.file(
      sheetName,
      dropped.reduce((xml, ref) => anchorCell(xml, ref, anchor), sheet),
    );
  }
}

/** A copy of the package with ExcelJS's part names, relative targets and the reading fixes. */
export async function readablePackage(zip: JSZip): Promise<JSZip> {
  const bySource = await readRelationships(zip);
  const names = nameParts(bySource);
  const out = new JSZip();
  const taken = new Set(names.renamed.values());
  for (const file of Object.values(zip.files)) {
    if (file.dir || file.name.endsWith(".rels")) continue;
    const name = names.of(file.name);
    if (name === file.name && taken.has(name) && !names.renamed.has(name)) continue;
    out.file(
      name,
      /\.(xml|vml)$/.test(name) ? readableContent(name, await file.async("string")) : await file.async("uint8array"),
    );
  }
  for (const [source, relationships] of bySource) {
    const xml = (await zip.file(relsPath(source))?.async("string")) ?? "";
    out.file(relsPath(names.of(source)), relativeRelationships(xml, source, relationships, names));
  }
  await anchorNotes(out);
  return out;
}
