/**
 * The children of a worksheet other than its cells, each replaced or inserted in the schema's
 * order: columns, the first sheet view (frozen rows, tab selection), sheet properties (tab colour,
 * fit to page), page setup, header and footer, conditional formats and data validation.
 */
import { formulaKey, type Area, type SheetOp } from "../../domain/sheetOps";
import { areaName, cellName, parseArea } from "./cellRefs";
import { appendInside, type DocEditor } from "./docEditor";
import { attr, escapeAttr, escapeText, startTagWith, type XmlElement } from "./xmlTree";

export function columnWidth(doc: DocEditor, column: number, width: number): void {
  const found = doc.get("cols");
  const col = doc.name("col");
  const ours = ` width="${width}" customWidth="1"`;
  if (!found) {
    doc.set("cols", `<${doc.name("cols")}><${col} min="${column}" max="${column}"${ours}/></${doc.name("cols")}>`);
    return;
  }
  const { element, xml } = found;
  const out: string[] = [];
  let placed = false;
  for (const c of element.children) {
    const min = Number(attr(c, "min"));
    const max = Number(attr(c, "max"));
    const piece = (from: number, to: number, extra: [string, string][] = []): string =>
      startTagWith(c, new Map<string, string | null>([["min", String(from)], ["max", String(to)], ...extra]), true);
    if (!placed && column < min) {
      out.push(`<${col} min="${column}" max="${column}"${ours}/>`);
      placed = true;
    }
    if (column >= min && column <= max) {
      if (min < column) out.push(piece(min, column - 1));
      out.push(
        piece(column, column, [
          ["width", String(width)],
          ["customWidth", "1"],
        ]),
      );
      if (column < max) out.push(piece(column + 1, max));
      placed = true;
    } else out.push(xml.slice(c.start, c.end));
  }
  if (!placed) out.push(`<${col} min="${column}" max="${column}"${ours}/>`);
  doc.set("cols", `${startTagWith(element, new Map(), false)}${out.join("")}</${element.name}>`);
}

function firstView(doc: DocEditor): { views: XmlElement; view: XmlElement; xml: string } | undefined {
  const found = doc.get("sheetViews");
  const view = found?.element.children.find((c) => c.local === "sheetView");
  return found && view ? { views: found.element, view, xml: found.xml } : undefined;
}

/** Rewrites the first sheet view: its attributes changed, its children filtered and some put first. */
function editView(doc: DocEditor, changes: Map<string, string | null>, drop: readonly string[] = [], first = ""): void {
  const found = firstView(doc);
  if (!found) {
    const attrs = [...changes].filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${escapeAttr(v ?? "")}"`);
    const [views, view] = [doc.name("sheetViews"), doc.name("sheetView")];
    doc.set("sheetViews", `<${views}><${view}${attrs.join("")} workbookViewId="0">${first}</${view}></${views}>`);
    return;
  }
  const { views, view, xml } = found;
  const kept = view.children.filter((c) => !drop.includes(c.local)).map((c) => xml.slice(c.start, c.end));
  const newView = `${startTagWith(view, changes, false)}${first}${kept.join("")}</${view.name}>`;
  const inner = xml.slice(views.openEnd, view.start) + newView + xml.slice(view.end, views.closeStart);
  doc.set("sheetViews", `${startTagWith(views, new Map(), false)}${inner}</${views.name}>`);
}

export function freezeRows(doc: DocEditor, rows: number): void {
  if (rows <= 0) {
    editView(doc, new Map(), ["pane", "selection"]);
    return;
  }
  const cell = cellName(rows + 1, 1);
  const pane =
    `<${doc.name("pane")} ySplit="${rows}" topLeftCell="${cell}" activePane="bottomLeft" state="frozen"/>` +
    `<${doc.name("selection")} pane="bottomLeft" activeCell="${cell}" sqref="${cell}"/>`;
  editView(doc, new Map(), ["pane", "selection"], pane);
}

export function tabSelected(doc: DocEditor, selected: boolean): void {
  const found = firstView(doc);
  const now = found ? attr(found.view, "tabSelected") : undefined;
  if (!selected && now !== "1" && now !== "true") return;
  editView(doc, new Map([["tabSelected", selected ? "1" : null]]));
}

/** Sets children of sheetPr (tabColor, outlinePr, pageSetUpPr, in that order); null removes one. */
function editSheetProperties(doc: DocEditor, set: ReadonlyMap<string, string | null>): void {
  const order = ["tabColor", "outlinePr", "pageSetUpPr"];
  const found = doc.get("sheetPr");
  const kids = new Map<string, string>();
  const others: string[] = [];
  for (const c of found?.element.children ?? []) {
    const xml = found?.xml.slice(c.start, c.end) ?? "";
    if (order.includes(c.local)) kids.set(c.local, xml);
    else others.push(xml);
  }
  for (const [local, xml] of set) {
    if (xml === null) kids.delete(local);
    else kids.set(local, xml);
  }
  const inner = order.map((local) => kids.get(local) ?? "").join("") + others.join("");
  const name = found?.element.name ?? doc.name("sheetPr");
  const start = found ? startTagWith(found.element, new Map(), false) : `<${name}>`;
  doc.set("sheetPr", `${start}${inner}</${name}>`);
}

function sheetPropertyElement(doc: DocEditor, local: string): XmlElement | undefined {
  return doc.get("sheetPr")?.element.children.find((c) => c.local === local);
}

export function tabColor(doc: DocEditor, color: string | null): void {
  const xml = color === null ? null : `<${doc.name("tabColor")} rgb="FF${color.toUpperCase()}"/>`;
  editSheetProperties(doc, new Map([["tabColor", xml]]));
}

export function pageSetup(doc: DocEditor, op: Extract<SheetOp, { op: "pageSetup" }>): void {
  const { fitToWidth, header, footer } = op;
  const setup = new Map<string, string | null>([["orientation", op.landscape ? "landscape" : "portrait"]]);
  // ECMA-376 Part 1, 18.3.1.63: paperSize 9 is A4.
  if (op.paper === "A4") setup.set("paperSize", "9");
  if (fitToWidth) setup.set("fitToWidth", "1").set("fitToHeight", "0");
  else setup.set("fitToWidth", null).set("fitToHeight", null).set("scale", "100");
  if (op.overThenDown) setup.set("pageOrder", "overThenDown");
  const found = doc.get("pageSetup");
  if (found) doc.set("pageSetup", startTagWith(found.element, setup, true));
  else {
    const attrs = [...setup].flatMap(([k, v]) => (v === null ? [] : [` ${k}="${v}"`])).join("");
    doc.set("pageSetup", `<${doc.name("pageSetup")}${attrs}/>`);
  }
  if (!doc.has("pageMargins")) {
    doc.set(
      "pageMargins",
      `<${doc.name("pageMargins")} left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>`,
    );
  }
  const existing = sheetPropertyElement(doc, "pageSetUpPr");
  const fit = new Map<string, string | null>([["fitToPage", fitToWidth ? "1" : null]]);
  const pr = existing ? startTagWith(existing, fit, true) : `<${doc.name("pageSetUpPr")} fitToPage="1"/>`;
  if (existing || fitToWidth) editSheetProperties(doc, new Map([["pageSetUpPr", pr]]));
  if (header !== undefined || footer !== undefined) headerFooter(doc, header, footer);
}

function headerFooter(doc: DocEditor, header?: string, footer?: string): void {
  const order = ["oddHeader", "oddFooter", "evenHeader", "evenFooter", "firstHeader", "firstFooter"];
  const found = doc.get("headerFooter");
  const kids = new Map<string, string>();
  for (const c of found?.element.children ?? []) kids.set(c.local, found?.xml.slice(c.start, c.end) ?? "");
  const put = (local: string, text: string): void => {
    kids.set(local, `<${doc.name(local)}>${escapeText(`&C${text}`)}</${doc.name(local)}>`);
  };
  if (header !== undefined) put("oddHeader", header);
  if (footer !== undefined) put("oddFooter", footer);
  const inner = order.map((local) => kids.get(local) ?? "").join("");
  const name = found?.element.name ?? doc.name("headerFooter");
  const start = found ? startTagWith(found.element, new Map(), false) : `<${name}>`;
  doc.set("headerFooter", `${start}${inner}</${name}>`);
}

function priorities(doc: DocEditor): number {
  let highest = 0;
  const visit = (element: XmlElement): void => {
    if (element.local === "cfRule") highest = Math.max(highest, Number(attr(element, "priority") ?? 0) || 0);
    for (const c of element.children) visit(c);
  };
  for (const { element } of doc.all("conditionalFormatting")) visit(element);
  const ext = doc.get("extLst");
  if (ext) visit(ext.element);
  return highest;
}

/** The next rule's priority: after every priority on the sheet, counted once per editor. */
const nextPriority = new WeakMap<DocEditor, number>();

function priority(doc: DocEditor): number {
  const next = nextPriority.get(doc) ?? priorities(doc) + 1;
  nextPriority.set(doc, next + 1);
  return next;
}

export function addRule(doc: DocEditor, area: Area, formula: string, dxfId: number): void {
  const [cf, rule, f] = [doc.name("conditionalFormatting"), doc.name("cfRule"), doc.name("formula")];
  const text = escapeText(formula.replace(/^=/, ""));
  doc.insert(
    "conditionalFormatting",
    `<${cf} sqref="${areaName(area)}"><${rule} type="expression" dxfId="${dxfId}" ` +
      `priority="${priority(doc)}"><${f}>${text}</${f}></${rule}></${cf}>`,
  );
}

/** Removes the rule on exactly this area with this formula (as formulaKey compares them); returns whether one was. */
export function removeRule(doc: DocEditor, area: Area, formula: string): boolean {
  const wanted = formulaKey(formula);
  const all = doc.all("conditionalFormatting");
  for (let i = 0; i < all.length; i++) {
    const { element, xml } = all[i] as { element: XmlElement; xml: string };
    const sqref = attr(element, "sqref") ?? "";
    const at = sqref.trim().includes(" ") ? undefined : parseArea(sqref);
    if (!at || areaName(at) !== areaName(area)) continue;
    const rules = element.children.filter((c) => c.local === "cfRule");
    const match = rules.find((r) => r.children.some((c) => c.local === "formula" && formulaKey(c.text) === wanted));
    if (!match) continue;
    if (rules.length === 1) doc.replaceNth("conditionalFormatting", i, null);
    else doc.replaceNth("conditionalFormatting", i, xml.slice(0, match.start) + xml.slice(match.end));
    return true;
  }
  return false;
}

/** A merged cell (`mergeCell`, ECMA-376 §18.3.1.55), once for each area. */
export function mergeCells(doc: DocEditor, area: Area): void {
  const ref = areaName(area);
  if (doc.get("mergeCells")?.element.children.some((c) => attr(c, "ref") === ref)) return;
  appendInside(doc, "mergeCells", "mergeCell", `<${doc.name("mergeCell")} ref="${ref}"/>`);
}

/**
 * A manual page break above `row` (`rowBreaks`, ECMA-376 §18.3.1.74: a `brk` whose zero-based id is
 * the row the break comes after, across every column), once for each row.
 */
export function rowBreak(doc: DocEditor, row: number): void {
  const id = String(row - 1);
  const found = doc.get("rowBreaks");
  const breaks = found?.element.children.filter((c) => c.local === "brk") ?? [];
  if (breaks.some((b) => attr(b, "id") === id)) return;
  const name = doc.name("rowBreaks");
  const kept = found ? breaks.map((b) => found.xml.slice(b.start, b.end)).join("") : "";
  const manual = breaks.filter((b) => attr(b, "man") === "1" || attr(b, "man") === "true").length + 1;
  const added = `<${doc.name("brk")} id="${id}" max="16383" man="1"/>`;
  doc.set("rowBreaks", `<${name} count="${breaks.length + 1}" manualBreakCount="${manual}">${kept}${added}</${name}>`);
}

/** Removes every `mergeCell` whose area meets `area`; the cells keep their values and formats. */
export function unmergeCells(doc: DocEditor, area: Area): void {
  const found = doc.get("mergeCells");
  if (!found) return;
  const kept = found.element.children.filter((c) => {
    const merged = parseArea(attr(c, "ref") ?? "");
    return !merged || !meets(merged, area);
  });
  if (kept.length === found.element.children.length) return;
  if (kept.length === 0) return doc.remove("mergeCells");
  const start = startTagWith(found.element, new Map([["count", String(kept.length)]]), false);
  const inner = kept.map((c) => found.xml.slice(c.start, c.end)).join("");
  doc.set("mergeCells", `${start}${inner}</${found.element.name}>`);
}

function meets(a: Area, b: Area): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export function listValidation(doc: DocEditor, area: Area, source: string): void {
  const sqref = areaName(area);
  const formula = source.replace(/^=/, "");
  const existing = doc.get("dataValidations");
  const same = existing?.element.children.some(
    (c) =>
      attr(c, "sqref") === sqref &&
      c.children.some((f) => f.local === "formula1" && f.text === formula) &&
      attr(c, "type") === "list",
  );
  if (same) return;
  const [dv, f1] = [doc.name("dataValidation"), doc.name("formula1")];
  const xml =
    `<${dv} type="list" allowBlank="1" showInputMessage="0" showErrorMessage="0" sqref="${sqref}">` +
    `<${f1}>${escapeText(formula)}</${f1}></${dv}>`;
  appendInside(doc, "dataValidations", "dataValidation", xml);
}
