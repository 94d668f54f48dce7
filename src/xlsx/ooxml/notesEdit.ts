/**
 * Notes (legacy comments): the comments part holds the text, the sheet's VML drawing the box Excel
 * shows. Both are made when the sheet has none, or extended: the user's comments, authors and
 * shapes stay as they are. VML is not always well-formed XML (Excel writes `<br>`), so it is
 * edited as text, by plain searches, never parsed.
 */
import { posix } from "node:path";
import { WorkbookFileError } from "../errors";
import { appendInside, type DocEditor } from "./docEditor";
import { cellName, parseCell } from "./cellRefs";
import { CONTENT_TYPE, DECLARATION, type Session } from "./session";
import type { SheetEdit } from "./sheetEdit";
import { attr, escapeText, type XmlElement } from "./xmlTree";

export const NOTE_AUTHOR = "Workplan Checker";
const COMMENTS_ORDER = ["authors", "commentList", "extLst"];
const SHAPE_TYPE = "_x0000_t202";
const POINTS_PER_COLUMN = 48;
const POINTS_PER_ROW = 15;

function newVml(block: number): string {
  return (
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
    'xmlns:x="urn:schemas-microsoft-com:office:excel">' +
    `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${block}"/></o:shapelayout>` +
    shapeType() +
    "</xml>"
  );
}

function shapeType(): string {
  return (
    `<v:shapetype id="${SHAPE_TYPE}" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">` +
    '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>'
  );
}

function noteShape(id: number, row: number, column: number, width: number, height: number): string {
  const top = Math.max(0, row - 2);
  const anchor = [
    column,
    15,
    top,
    10,
    column + Math.max(1, Math.ceil(width / POINTS_PER_COLUMN)),
    15,
    top + Math.max(1, Math.ceil(height / POINTS_PER_ROW)),
    4,
  ].join(", ");
  return (
    `<v:shape id="_x0000_s${id}" type="#${SHAPE_TYPE}" style="position:absolute;margin-left:59.25pt;` +
    `margin-top:1.5pt;width:${width}pt;height:${height}pt;z-index:1;visibility:hidden" ` +
    'fillcolor="#ffffe1" o:insetmode="auto"><v:fill color2="#ffffe1"/>' +
    '<v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    '<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/>' +
    `<x:Anchor>${anchor}</x:Anchor><x:AutoFill>False</x:AutoFill>` +
    `<x:Row>${row - 1}</x:Row><x:Column>${column - 1}</x:Column></x:ClientData></v:shape>`
  );
}

/** Start and end of every `<v:shape …>…</v:shape>` (shapes do not nest). */
function shapes(vml: string): { start: number; end: number }[] {
  const found: { start: number; end: number }[] = [];
  for (let at = vml.indexOf("<v:shape"); at >= 0; at = vml.indexOf("<v:shape", at + 1)) {
    const next = vml[at + "<v:shape".length];
    if (next !== " " && next !== ">" && next !== "\n" && next !== "\t" && next !== "\r") continue;
    const close = vml.indexOf("</v:shape>", at);
    const end = close < 0 ? vml.indexOf("/>", at) + 2 : close + "</v:shape>".length;
    if (end <= at) break;
    found.push({ start: at, end });
    at = end - 1;
  }
  return found;
}

function highestShapeId(vml: string): number {
  let highest = 0;
  for (let at = vml.indexOf("_x0000_s"); at >= 0; at = vml.indexOf("_x0000_s", at + 1)) {
    let digits = "";
    for (let i = at + 8; i < vml.length && i < at + 20 && /[0-9]/.test(vml[i] ?? ""); i++) digits += vml[i];
    if (digits !== "") highest = Math.max(highest, Number(digits));
  }
  return highest;
}

export class NotesEdit {
  private commentsEditor: DocEditor | undefined;
  private vmlPartName: string | undefined;

  constructor(
    private readonly session: Session,
    private readonly sheet: SheetEdit,
  ) {}

  private get folder(): string {
    return posix.dirname(this.session.pkg.workbookPart);
  }

  private comments(create: boolean): DocEditor | undefined {
    if (this.commentsEditor) return this.commentsEditor;
    const { pkg } = this.session;
    let part = pkg.related(this.sheet.part, "comments")[0]?.target;
    if (part === undefined || !pkg.loaded(part)) {
      if (!create) return undefined;
      part = pkg.freeName(posix.join(this.folder, "comments"), ".xml");
      this.session.create(
        part,
        `${DECLARATION}<comments xmlns="${this.session.mainNs}"><authors/><commentList/></comments>`,
      );
      this.session.relate(this.sheet.part, "comments", part);
      this.session.override(part, CONTENT_TYPE.comments);
    }
    this.commentsEditor = this.session.editor(part, COMMENTS_ORDER);
    return this.commentsEditor;
  }

  private vml(create: boolean): string | undefined {
    if (this.vmlPartName !== undefined) return this.vmlPartName;
    const { pkg } = this.session;
    const id = this.sheet.legacyDrawingId();
    const existing = id === undefined ? undefined : this.session.relTarget(this.sheet.part, id);
    if (existing !== undefined && pkg.loaded(existing)) return (this.vmlPartName = existing);
    if (!create) return undefined;
    const part = pkg.freeName(posix.join(this.folder, "drawings", "vmlDrawing"), ".vml");
    this.session.create(part, newVml(100 + this.sheet.sheet.sheetId));
    this.session.extensionDefault("vml", CONTENT_TYPE.vml);
    if (!part.toLowerCase().endsWith(".vml")) this.session.override(part, CONTENT_TYPE.vml);
    this.sheet.setLegacyDrawing(this.session.relate(this.sheet.part, "vmlDrawing", part));
    return (this.vmlPartName = part);
  }

  private authorId(editor: DocEditor): number {
    const authors = editor.get("authors");
    const list = (authors?.element.children ?? []).filter((c) => c.local === "author");
    const at = list.findIndex((author) => author.text === NOTE_AUTHOR);
    if (at >= 0) return at;
    return appendInside(
      editor,
      "authors",
      "author",
      `<${editor.name("author")}>${NOTE_AUTHOR}</${editor.name("author")}>`,
      false,
    );
  }

  private commentAt(editor: DocEditor, row: number, column: number): { xml: string; comment?: XmlElement } {
    const found = editor.get("commentList");
    if (!found) {
      editor.set("commentList", `<${editor.name("commentList")}/>`);
      return this.commentAt(editor, row, column);
    }
    const comment = found.element.children.find((c) => {
      const at = parseCell(attr(c, "ref") ?? "");
      return c.local === "comment" && at?.row === row && at.column === column;
    });
    return { xml: found.xml, comment };
  }

  /** Adds a note; a cell that already has one (the user's, or a threaded comment) is refused, never written over. */
  add(row: number, column: number, text: string, width: number, height: number): void {
    const existing = this.comments(false);
    if ((existing && this.commentAt(existing, row, column).comment) || this.threaded(row, column)) {
      throw new WorkbookFileError(
        `${this.sheet.sheet.name}!${cellName(row, column)} already has a note; the product does not write over it.`,
      );
    }
    const editor = this.comments(true) as DocEditor;
    const author = this.authorId(editor);
    const [c, tx, t] = [editor.name("comment"), editor.name("text"), editor.name("t")];
    const xml =
      `<${c} ref="${cellName(row, column)}" authorId="${author}"><${tx}><${t} xml:space="preserve">` +
      `${escapeText(text)}</${t}></${tx}></${c}>`;
    appendInside(editor, "commentList", "comment", xml, false);
    this.putShape(row, column, width, height);
  }

  /** Whether a threaded comment sits on the cell (Excel keeps a note beside each, but not every writer does). */
  private threaded(row: number, column: number): boolean {
    const { pkg } = this.session;
    return pkg.related(this.sheet.part, "threadedComment").some((rel) => {
      if (!pkg.loaded(rel.target)) return false;
      return pkg.tree(rel.target).children.some((c) => {
        const at = parseCell(attr(c, "ref") ?? "");
        return c.local === "threadedComment" && at?.row === row && at.column === column;
      });
    });
  }

  private putShape(row: number, column: number, width: number, height: number): void {
    const part = this.vml(true) as string;
    let vml = this.session.raw(part);
    vml = this.withoutShape(vml, row, column);
    if (!vml.includes(`id="${SHAPE_TYPE}"`)) vml = this.beforeEnd(vml, shapeType());
    const id = Math.max(highestShapeId(vml), (100 + this.sheet.sheet.sheetId) * 1024) + 1;
    this.session.setRaw(part, this.beforeEnd(vml, noteShape(id, row, column, width, height)));
  }

  private beforeEnd(vml: string, content: string): string {
    const end = vml.lastIndexOf("</xml>");
    return end < 0 ? vml + content : vml.slice(0, end) + content + vml.slice(end);
  }

  private withoutShape(vml: string, row: number, column: number): string {
    const rowTag = `<x:Row>${row - 1}</x:Row>`;
    const columnTag = `<x:Column>${column - 1}</x:Column>`;
    for (const { start, end } of shapes(vml)) {
      const shape = vml.slice(start, end);
      if (shape.includes('ObjectType="Note"') && shape.includes(rowTag) && shape.includes(columnTag)) {
        return vml.slice(0, start) + vml.slice(end);
      }
    }
    return vml;
  }

  remove(row: number, column: number): void {
    const editor = this.comments(false);
    if (editor) {
      const { xml, comment } = this.commentAt(editor, row, column);
      if (comment) editor.set("commentList", xml.slice(0, comment.start) + xml.slice(comment.end));
    }
    const part = this.vml(false);
    if (part === undefined) return;
    const before = this.session.raw(part);
    const after = this.withoutShape(before, row, column);
    if (after !== before) this.session.setRaw(part, after);
  }
}
