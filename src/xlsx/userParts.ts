/**
 * The user's parts that ExcelJS 4.4.0 would damage on a load→save round trip, kept verbatim:
 * - conditional formats (it drops `stopIfTrue` and rule types such as `duplicateValues`),
 * - data validations (it splits ranges cell by cell, which re-anchors relative formulas, drops
 *   `showDropDown`, and takes seconds on a whole-column validation),
 * - the worksheet extension list (x14 validations and formats, sparklines; it drops them),
 * - tables (it writes `headerRowCount="0"`, hides filter buttons, drops filters and
 *   calculated-column formulas),
 * - defined names (it keeps only plain ranges, mangles formulas and drops sheet scopes),
 * - the differential formats those parts use, and custom table styles.
 * They are taken out of the package before ExcelJS reads it and put back when the product writes
 * the file. The product's own conditional formats and names stay with ExcelJS, which writes them.
 */
import type ExcelJS from "exceljs";
import type JSZip from "jszip";
import { FLEXIBLE_LIST_NAME, TOPIC_LIST_NAME } from "../domain/annotations";
import { resolveTarget } from "./package";
import { referencesFlags } from "./flags";
import {
  attributes,
  elements,
  innerText,
  insertBefore,
  openingTag,
  removeElements,
  setAttribute,
  unescapeXml,
} from "./xml";

interface SheetParts {
  conditionalFormats: string[];
  dataValidations: string | null;
  extensions: string | null;
  /** Opening tag of the original `<worksheet>`, for its namespace declarations. */
  root: string;
  /** Highest priority number among the user's conditional-format rules. */
  topPriority: number;
}

export interface UserParts {
  /** Sheet names in the order of the input, which `localSheetId` counts in. */
  sheetNames: string[];
  sheets: Map<string, SheetParts>;
  /** Table part XML by lower-case table name. */
  tables: Map<string, string>;
  definedNames: string[];
  dxfs: string[];
  tableStyles: string | null;
}

const SHEET_ORDER_AFTER_CF = [
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
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
];
const BOOK_ORDER_AFTER_NAMES = [
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
const PRODUCT_NAMES = new Set([TOPIC_LIST_NAME, FLEXIBLE_LIST_NAME].map((name) => name.toLowerCase()));

async function text(zip: JSZip, name: string): Promise<string> {
  return (await zip.file(name)?.async("string")) ?? "";
}

/** Each sheet's name and worksheet part, in workbook order. */
async function sheetParts(zip: JSZip): Promise<{ name: string; part: string }[]> {
  const rels = new Map(
    [...(await text(zip, "xl/_rels/workbook.xml.rels")).matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => {
      const attrs = attributes(tag);
      return [attrs.get("Id") ?? "", resolveTarget("xl/workbook.xml", attrs.get("Target") ?? "")];
    }),
  );
  return elements(await text(zip, "xl/workbook.xml"), "sheet").map((tag) => {
    const attrs = attributes(tag);
    return { name: attrs.get("name") ?? "", part: rels.get(attrs.get("r:id") ?? "") ?? "" };
  });
}

function isProductName(definedName: string): boolean {
  const attrs = attributes(openingTag(definedName, "definedName"));
  return !attrs.has("localSheetId") && PRODUCT_NAMES.has((attrs.get("name") ?? "").toLowerCase());
}

function isProductRule(rule: string): boolean {
  return elements(rule, "formula").some((formula) => referencesFlags(unescapeXml(innerText(formula, "formula"))));
}

/** Splits each `<conditionalFormatting>` into the product's rules (left) and the user's (taken). */
function takeConditionalFormats(xml: string, parts: SheetParts): string {
  return xml.replace(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, (block) => {
    const open = openingTag(block, "conditionalFormatting");
    const rules = elements(block, "cfRule");
    const user = rules.filter((rule) => !isProductRule(rule));
    if (user.length > 0) parts.conditionalFormats.push(`${open}${user.join("")}</conditionalFormatting>`);
    for (const rule of user)
      parts.topPriority = Math.max(
        parts.topPriority,
        Number(attributes(openingTag(rule, "cfRule")).get("priority") ?? 0),
      );
    return user.length === rules.length ? "" : `${open}${rules.filter(isProductRule).join("")}</conditionalFormatting>`;
  });
}

/** The worksheet's own `<extLst>`: its last child, found by matching tags back from `</worksheet>`. */
function takeExtensions(xml: string, parts: SheetParts): string {
  const end = xml.lastIndexOf("</worksheet>");
  if (!xml.slice(0, end).trimEnd().endsWith("</extLst>")) return xml;
  const tags = [...xml.slice(0, end).matchAll(/<(\/?)extLst(?=[\s>])/g)].reverse();
  let depth = 0;
  const open = tags.find((tag) => (depth += tag[1] ? 1 : -1) === 0);
  if (open?.index === undefined) return xml;
  parts.extensions = xml.slice(open.index, end).trimEnd();
  return xml.slice(0, open.index) + xml.slice(end);
}

function takeSheet(xml: string): { xml: string; parts: SheetParts } {
  const parts: SheetParts = {
    conditionalFormats: [],
    dataValidations: null,
    extensions: null,
    root: openingTag(xml, "worksheet"),
    topPriority: 0,
  };
  let rest = takeConditionalFormats(xml, parts);
  parts.dataValidations = elements(rest, "dataValidations")[0] ?? null;
  rest = takeExtensions(removeElements(rest, "dataValidations"), parts);
  return { xml: rest, parts };
}

async function takeSheets(zip: JSZip, parts: UserParts): Promise<void> {
  for (const { name, part } of await sheetParts(zip)) {
    parts.sheetNames.push(name);
    if (!zip.file(part)) continue;
    const taken = takeSheet(await text(zip, part));
    parts.sheets.set(name, taken.parts);
    zip.file(part, taken.xml);
  }
}

async function takeDefinedNames(zip: JSZip, parts: UserParts): Promise<void> {
  const book = await text(zip, "xl/workbook.xml");
  const names = elements(book, "definedName");
  parts.definedNames = names.filter((name) => !isProductName(name));
  const product = names.filter(isProductName);
  const rest =
    product.length > 0
      ? book.replace(/<definedNames>[\s\S]*?<\/definedNames>/, `<definedNames>${product.join("")}</definedNames>`)
      : removeElements(book, "definedNames");
  zip.file("xl/workbook.xml", rest);
}

async function takeTablesAndStyles(zip: JSZip, parts: UserParts): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const xml = await text(zip, name);
    parts.tables.set((attributes(openingTag(xml, "table")).get("name") ?? "").toLowerCase(), xml);
  }
  const styles = await text(zip, "xl/styles.xml");
  parts.dxfs = elements(innerText(styles, "dxfs"), "dxf");
  const tableStyles = elements(styles, "tableStyles")[0] ?? "";
  parts.tableStyles = /<tableStyle\b/.test(tableStyles) ? tableStyles : null;
}

/** Takes the user's parts out of a package that `readablePackage` produced. */
export async function takeUserParts(zip: JSZip): Promise<UserParts> {
  const parts: UserParts = {
    sheetNames: [],
    sheets: new Map(),
    tables: new Map(),
    definedNames: [],
    dxfs: [],
    tableStyles: null,
  };
  await takeSheets(zip, parts);
  await takeDefinedNames(zip, parts);
  await takeTablesAndStyles(zip, parts);
  return parts;
}

// ---- putting them back into the package ExcelJS wrote ----

type Remap = (xml: string) => string;

const DXF_REFERENCE = /(\b\w*[dD]xfId\s*=\s*")(\d+)"/g;

function referencedDxfs(parts: UserParts): number[] {
  const texts = [
    ...[...parts.sheets.values()].flatMap((sheet) => sheet.conditionalFormats),
    ...parts.tables.values(),
    parts.tableStyles ?? "",
  ];
  const ids = texts.flatMap((xml) => [...xml.matchAll(DXF_REFERENCE)].map((match) => Number(match[2])));
  return [...new Set(ids)].filter((id) => parts.dxfs[id] !== undefined).sort((a, b) => a - b);
}

/** Appends the user's differential formats to the written styles; returns how to renumber references. */
function putStyles(styles: string, parts: UserParts): { styles: string; remap: Remap } {
  const used = referencedDxfs(parts);
  const existing = elements(innerText(styles, "dxfs"), "dxf");
  const index = new Map(used.map((id, i) => [id, existing.length + i]));
  const dxfs = `<dxfs count="${existing.length + used.length}">${existing.join("")}${used.map((id) => parts.dxfs[id]).join("")}</dxfs>`;
  let out = /<dxfs\b/.test(styles)
    ? styles.replace(/<dxfs\b[^>]*?(?:\/>|>[\s\S]*?<\/dxfs>)/, dxfs)
    : insertBefore(styles, dxfs, ["tableStyles", "colors", "extLst"], "styleSheet");
  const remap: Remap = (xml) =>
    xml.replace(DXF_REFERENCE, (whole, head: string, id: string) =>
      index.has(Number(id)) ? `${head}${index.get(Number(id))}"` : whole,
    );
  if (parts.tableStyles)
    out = out.replace(/<tableStyles\b[^>]*?(?:\/>|>[\s\S]*?<\/tableStyles>)/, remap(parts.tableStyles));
  return { styles: out, remap };
}

/** Declares on the written root every namespace the original root declared, and ignores the same prefixes. */
function mergeNamespaces(xml: string, originalRoot: string): string {
  const root = openingTag(xml, "worksheet");
  const present = attributes(root);
  const original = attributes(originalRoot);
  let merged = root;
  for (const [name, value] of original) {
    if (name.startsWith("xmlns:") && !present.has(name)) merged = setAttribute(merged, name, value);
  }
  const ignorable = new Set(
    [...(present.get("mc:Ignorable") ?? "").split(/\s+/), ...(original.get("mc:Ignorable") ?? "").split(/\s+/)].filter(
      Boolean,
    ),
  );
  if (ignorable.size > 0 && (present.has("xmlns:mc") || original.has("xmlns:mc")))
    merged = setAttribute(merged, "mc:Ignorable", [...ignorable].join(" "));
  return xml.replace(root, merged);
}

function putSheet(xml: string, parts: SheetParts, remap: Remap): string {
  let out = mergeNamespaces(xml, parts.root);
  if (parts.conditionalFormats.length > 0)
    out = insertBefore(
      out,
      remap(parts.conditionalFormats.join("")),
      ["conditionalFormatting", ...SHEET_ORDER_AFTER_CF],
      "worksheet",
    );
  if (parts.dataValidations) out = insertBefore(out, parts.dataValidations, SHEET_ORDER_AFTER_CF.slice(1), "worksheet");
  if (parts.extensions) out = insertBefore(out, parts.extensions, [], "worksheet");
  return out;
}

function putDefinedNames(book: string, parts: UserParts, sheetNames: string[]): string {
  const names = parts.definedNames.flatMap((name) => {
    const scope = attributes(openingTag(name, "definedName")).get("localSheetId");
    if (scope === undefined) return [name];
    const at = sheetNames.indexOf(parts.sheetNames[Number(scope)] ?? "");
    return at < 0 ? [] : [setAttribute(name, "localSheetId", String(at))];
  });
  if (names.length === 0) return book;
  if (/<definedNames>/.test(book)) return book.replace("</definedNames>", `${names.join("")}</definedNames>`);
  return insertBefore(book, `<definedNames>${names.join("")}</definedNames>`, BOOK_ORDER_AFTER_NAMES, "workbook");
}

async function putTables(zip: JSZip, parts: UserParts, remap: Remap): Promise<void> {
  for (const name of Object.keys(zip.files).filter((n) => /^xl\/tables\/table\d+\.xml$/.test(n))) {
    const written = attributes(openingTag(await text(zip, name), "table"));
    const original = parts.tables.get((written.get("name") ?? "").toLowerCase());
    if (!original || attributes(openingTag(original, "table")).get("ref") !== written.get("ref")) continue;
    const restored = remap(original);
    const open = openingTag(restored, "table");
    zip.file(name, restored.replace(open, setAttribute(open, "id", written.get("id") ?? "1")));
  }
}

/** Puts the user's parts back into the package ExcelJS wrote. */
export async function putBackUserParts(zip: JSZip, parts: UserParts): Promise<void> {
  const { styles, remap } = putStyles(await text(zip, "xl/styles.xml"), parts);
  zip.file("xl/styles.xml", styles);
  const sheets = await sheetParts(zip);
  for (const { name, part } of sheets) {
    const sheet = parts.sheets.get(name);
    if (sheet && zip.file(part)) zip.file(part, putSheet(await text(zip, part), sheet, remap));
  }
  await putTables(zip, parts, remap);
  zip.file(
    "xl/workbook.xml",
    putDefinedNames(
      await text(zip, "xl/workbook.xml"),
      parts,
      sheets.map((s) => s.name),
    ),
  );
}

// ---- the parts of each loaded workbook ----

const loaded = new WeakMap<ExcelJS.Workbook, UserParts>();

export function rememberUserParts(workbook: ExcelJS.Workbook, parts: UserParts): void {
  loaded.set(workbook, parts);
}

export function userPartsOf(workbook: ExcelJS.Workbook): UserParts | undefined {
  return loaded.get(workbook);
}

/** The product rewrites this table itself: ExcelJS writes it, not the copy taken at load. */
export function forgetTable(workbook: ExcelJS.Workbook, name: string): void {
  loaded.get(workbook)?.tables.delete(name.toLowerCase());
}

/** Highest priority number of the user's conditional formats on a sheet (0 when none). */
export function userTopPriority(workbook: ExcelJS.Workbook, sheet: string): number {
  return loaded.get(workbook)?.sheets.get(sheet)?.topPriority ?? 0;
}
