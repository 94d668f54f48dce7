/**
 * New cell formats and conditional-format styles, appended to styles.xml: fonts, fills, borders,
 * cell formats (`cellXfs`) and differential formats (`dxfs`) get new entries at the end, so every
 * index the user's cells and rules use keeps meaning what it meant.
 */
import { posix } from "node:path";
import type { CellFormat, RuleFormat } from "../../domain/sheetOps";
import { appendInside, STYLESHEET_ORDER, type DocEditor } from "./docEditor";
import { MAIN_NS, type XlsxPackage } from "./package";
import { CONTENT_TYPE, DECLARATION, type Session } from "./session";
import { stylesPart } from "./styles";
import { attr, escapeAttr, startTagWith, type XmlElement } from "./xmlTree";

export const minimalStyles = (mainNs = MAIN_NS): string =>
  `${DECLARATION}<styleSheet xmlns="${mainNs}">` +
  '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
  ('<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/>' +
    "</fill></fills>") +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0"/></styleSheet>';

const argb = (rgb: string): string => `FF${rgb.toUpperCase()}`;

function children(element: XmlElement | undefined, local: string): XmlElement[] {
  return (element?.children ?? []).filter((c) => c.local === local && c.uri === element?.uri);
}

export class StylesEdit {
  private readonly made = new Map<string, number>();
  private editorCache: DocEditor | undefined;

  constructor(private readonly session: Session) {}

  private get pkg(): XlsxPackage {
    return this.session.pkg;
  }

  private editor(): DocEditor {
    if (this.editorCache) return this.editorCache;
    let part = stylesPart(this.pkg);
    if (part === undefined) {
      part = posix.join(posix.dirname(this.pkg.workbookPart), "styles.xml");
      if (this.pkg.find(part) !== undefined)
        part = this.pkg.freeName(posix.join(posix.dirname(part), "styles"), ".xml");
      this.session.create(part, minimalStyles(this.session.mainNs));
      this.session.relate(this.pkg.workbookPart, "styles", part);
      this.session.override(part, CONTENT_TYPE.styles);
    }
    this.editorCache = this.session.editor(part, STYLESHEET_ORDER);
    return this.editorCache;
  }

  private tag(local: string): string {
    return this.editor().name(local);
  }

  /** The `index`-th item of a list, with the list's text (which its offsets index). */
  private item(listLocal: string, itemLocal: string, index: number): { element: XmlElement; xml: string } | undefined {
    const list = this.editor().get(listLocal);
    const element = children(list?.element, itemLocal)[index];
    return element && list ? { element, xml: list.xml } : undefined;
  }

  private fontXml(base: number, format: CellFormat): string {
    const found = this.item("fonts", "font", base);
    const replaced = new Set(["b", "i", "sz", "color"].filter((local) => this.touchesFont(format, local)));
    const kept = (found?.element.children ?? [])
      .filter((c) => !replaced.has(c.local))
      .map((c) => found?.xml.slice(c.start, c.end) ?? "");
    const ours: string[] = [];
    if (format.bold) ours.push(`<${this.tag("b")}/>`);
    if (format.italic) ours.push(`<${this.tag("i")}/>`);
    if (format.size !== undefined) ours.push(`<${this.tag("sz")} val="${format.size}"/>`);
    if (format.fontColor !== undefined) ours.push(`<${this.tag("color")} rgb="${argb(format.fontColor)}"/>`);
    const name = this.tag("font");
    return `<${name}>${ours.join("")}${kept.join("")}</${name}>`;
  }

  private touchesFont(format: CellFormat, local: string): boolean {
    const touched: Record<string, boolean> = {
      b: format.bold !== undefined,
      i: format.italic !== undefined,
      sz: format.size !== undefined,
      color: format.fontColor !== undefined,
    };
    return touched[local] ?? false;
  }

  /**
   * A solid fill. In a differential format (a rule's style) both colours are the fill's: readers
   * differ on which of the two a solid pattern shows there.
   */
  private fillXml(rgb: string, differential = false): string {
    const t = (local: string): string => this.tag(local);
    const colour = differential
      ? `<${t("fgColor")} rgb="${argb(rgb)}"/><${t("bgColor")} rgb="${argb(rgb)}"/>`
      : `<${t("fgColor")} rgb="${argb(rgb)}"/><${t("bgColor")} indexed="64"/>`;
    return `<${t("fill")}><${t("patternFill")} patternType="solid">${colour}</${t("patternFill")}></${t("fill")}>`;
  }

  private borderXml(rgb: string): string {
    const t = (local: string): string => this.tag(local);
    const side = (local: string): string =>
      `<${t(local)} style="thin"><${t("color")} rgb="${argb(rgb)}"/></${t(local)}>`;
    return (
      `<${t("border")}>${["left", "right", "top", "bottom"].map(side).join("")}<${t("diagonal")}/>` +
      `</${t("border")}>`
    );
  }

  /** The index of a cell format that is `base` with `format` applied (made once per pair). */
  cellStyle(base: number, format: CellFormat): number {
    const key = `${base}|${JSON.stringify(format)}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const editor = this.editor();
    const xf = this.item("cellXfs", "xf", base) ?? this.item("cellXfs", "xf", 0);
    const changes = new Map<string, string | null>();
    const fontTouched = ["bold", "italic", "size", "fontColor"].some((k) => k in format);
    if (fontTouched) {
      const fontId = Number(xf ? (attr(xf.element, "fontId") ?? 0) : 0);
      changes.set("fontId", String(appendInside(editor, "fonts", "font", this.fontXml(fontId, format))));
      changes.set("applyFont", "1");
    }
    if (format.fill !== undefined) {
      changes.set("fillId", String(appendInside(editor, "fills", "fill", this.fillXml(format.fill))));
      changes.set("applyFill", "1");
    }
    if (format.border !== undefined) {
      changes.set("borderId", String(appendInside(editor, "borders", "border", this.borderXml(format.border))));
      changes.set("applyBorder", "1");
    }
    const alignment = format.wrap !== undefined || format.verticalTop !== undefined;
    if (alignment) changes.set("applyAlignment", "1");
    const index = appendInside(editor, "cellXfs", "xf", this.xfXml(xf, changes, alignment ? format : undefined));
    this.made.set(key, index);
    return index;
  }

  private xfXml(
    xf: { element: XmlElement; xml: string } | undefined,
    changes: Map<string, string | null>,
    alignment: CellFormat | undefined,
  ): string {
    const name = this.tag("xf");
    const defaults = { numFmtId: "0", fontId: "0", fillId: "0", borderId: "0", xfId: "0" };
    if (!xf) {
      const attrs = Object.entries(defaults).map(([k, v]) => ` ${k}="${escapeAttr(changes.get(k) ?? v)}"`);
      const rest = [...changes].filter(([k]) => !(k in defaults)).map(([k, v]) => ` ${k}="${escapeAttr(v ?? "")}"`);
      return `<${name}${attrs.join("")}${rest.join("")}>${this.alignmentXml(undefined, alignment)}</${name}>`;
    }
    const start = startTagWith(xf.element, changes, false);
    const kids = xf.element.children.map((c) => ({ local: c.local, xml: xf.xml.slice(c.start, c.end), element: c }));
    const existing = kids.find((k) => k.local === "alignment");
    const aligned = alignment ? this.alignmentXml(existing, alignment) : (existing?.xml ?? "");
    const others = kids.filter((k) => k.local !== "alignment").map((k) => k.xml);
    return `${start}${aligned}${others.join("")}</${xf.element.name}>`;
  }

  private alignmentXml(existing: { element: XmlElement } | undefined, format: CellFormat | undefined): string {
    if (!format) return "";
    const changes = new Map<string, string | null>();
    if (format.wrap !== undefined) changes.set("wrapText", format.wrap ? "1" : null);
    if (format.verticalTop !== undefined) changes.set("vertical", format.verticalTop ? "top" : null);
    if (existing) return startTagWith(existing.element, changes, true);
    const attrs = [...changes].filter(([, v]) => v !== null).map(([k, v]) => ` ${k}="${v}"`);
    return `<${this.tag("alignment")}${attrs.join("")}/>`;
  }

  /** A differential format for a conditional-format rule; returns its index in `dxfs`. */
  ruleStyle(format: RuleFormat): number {
    const key = `dxf|${JSON.stringify(format)}`;
    const known = this.made.get(key);
    if (known !== undefined) return known;
    const t = (local: string): string => this.tag(local);
    const font =
      `<${t("font")}>${format.bold ? `<${t("b")}/>` : ""}<${t("color")} rgb="${argb(format.fontColor)}"/>` +
      `</${t("font")}>`;
    const border = format.border !== undefined ? this.borderXml(format.border) : "";
    const dxf = `<${t("dxf")}>${font}${this.fillXml(format.fill, true)}${border}</${t("dxf")}>`;
    const index = appendInside(this.editor(), "dxfs", "dxf", dxf);
    this.made.set(key, index);
    return index;
  }
}
