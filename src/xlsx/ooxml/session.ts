/**
 * One application of a list of operations: the parts being edited, kept as editors until the end,
 * then written back into the package once. Relationships and content types are added here.
 */
import { posix } from "node:path";
import { WorkbookFileError } from "../errors";
import { DocEditor } from "./docEditor";
import {
  CONTENT_TYPES_NS,
  CONTENT_TYPES_PART,
  MAIN_NS,
  PACKAGE_REL_NS,
  REL_NS,
  STRICT_MAIN_NS,
  STRICT_REL_NS,
  relativeTarget,
  relsPartOf,
  type XlsxPackage,
} from "./package";
import { attr, escapeAttr, prefixOf } from "./xmlTree";

const DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const CONTENT_TYPE = {
  worksheet: "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml",
  table: "application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml",
  comments: "application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml",
  vml: "application/vnd.openxmlformats-officedocument.vmlDrawing",
  styles: "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml",
};

export const REL_TYPE = (kind: string, relNs = REL_NS): string => `${relNs}/${kind}`;

export class Session {
  private readonly editors = new Map<string, DocEditor>();
  private readonly texts = new Map<string, string>();
  private readonly finishers: (() => void)[] = [];

  /** A strict (ISO/IEC 29500 strict) workbook gets its new parts and relationships in strict namespaces. */
  readonly mainNs: string;
  readonly relNs: string;

  constructor(readonly pkg: XlsxPackage) {
    const strict = pkg.tree(pkg.workbookPart).uri === STRICT_MAIN_NS;
    this.mainNs = strict ? STRICT_MAIN_NS : MAIN_NS;
    this.relNs = strict ? STRICT_REL_NS : REL_NS;
  }

  /** The editor of an XML part (made from its current text on first use). */
  editor(part: string, order: readonly string[]): DocEditor {
    let editor = this.editors.get(part);
    if (!editor) {
      const written = this.texts.get(part);
      editor =
        written === undefined
          ? new DocEditor(part, this.pkg.text(part), order, this.pkg.tree(part))
          : new DocEditor(part, written, order);
      this.editors.set(part, editor);
    }
    return editor;
  }

  /** Adds a part with this text (an editor may take it up afterwards). */
  create(part: string, text: string): void {
    this.texts.set(part, text);
    this.pkg.setText(part, text);
  }

  /** A non-XML (or not tree-edited) part's text, replaced. */
  setRaw(part: string, text: string): void {
    this.texts.set(part, text);
    this.pkg.setText(part, text);
  }

  raw(part: string): string {
    return this.texts.get(part) ?? this.pkg.text(part);
  }

  onFinish(finish: () => void): void {
    this.finishers.push(finish);
  }

  finish(): void {
    for (const finish of this.finishers) finish();
    for (const [part, editor] of this.editors) {
      const text = editor.toString();
      if (!this.pkg.loaded(part) || this.pkg.text(part) !== text) this.pkg.setText(part, text);
    }
    this.editors.clear();
  }

  private relsEditor(source: string): DocEditor {
    const part = this.pkg.find(relsPartOf(source)) ?? relsPartOf(source);
    if (!this.editors.has(part) && !this.pkg.loaded(part)) {
      this.create(part, `${DECLARATION}<Relationships xmlns="${PACKAGE_REL_NS}"></Relationships>`);
    }
    return this.editor(part, []);
  }

  /** Adds a relationship from `source` to `target`; returns its id. */
  relate(source: string, kind: string, target: string): string {
    const editor = this.relsEditor(source);
    const used = new Set(editor.all("Relationship").map(({ element }) => attr(element, "Id")));
    let n = used.size + 1;
    while (used.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const name = editor.name("Relationship");
    editor.insert(
      "Relationship",
      `<${name} Id="${id}" Type="${escapeAttr(REL_TYPE(kind, this.relNs))}" ` +
        `Target="${escapeAttr(relativeTarget(source, target))}"/>`,
    );
    return id;
  }

  /** The target of relationship `id` from `source`, as a part name. */
  relTarget(source: string, id: string): string | undefined {
    const part = this.pkg.find(relsPartOf(source));
    if (part === undefined) return undefined;
    const rel = this.editor(part, [])
      .all("Relationship")
      .find(({ element }) => attr(element, "Id") === id);
    if (!rel || attr(rel.element, "TargetMode") === "External") return undefined;
    const written = attr(rel.element, "Target") ?? "";
    const target = written.startsWith("/")
      ? posix.normalize(written.slice(1))
      : posix.normalize(posix.join(posix.dirname(source), written));
    return this.pkg.find(target) ?? target;
  }

  private contentTypes(): DocEditor {
    if (this.pkg.find(CONTENT_TYPES_PART) === undefined) {
      throw new WorkbookFileError(`${this.pkg.fileName} has no [Content_Types].xml part; it cannot be written.`);
    }
    return this.editor(CONTENT_TYPES_PART, []);
  }

  override(part: string, contentType: string): void {
    const editor = this.contentTypes();
    const name = editor.name("Override");
    editor.insert("Override", `<${name} PartName="/${escapeAttr(part)}" ContentType="${escapeAttr(contentType)}"/>`);
  }

  /** A Default content type for an extension, unless the package declares one. */
  extensionDefault(extension: string, contentType: string): void {
    const editor = this.contentTypes();
    const declared = editor
      .all("Default")
      .some(({ element }) => (attr(element, "Extension") ?? "").toLowerCase() === extension.toLowerCase());
    if (declared) return;
    editor.insert(
      "Default",
      `<${editor.name("Default")} Extension="${escapeAttr(extension)}" ContentType="${escapeAttr(contentType)}"/>`,
    );
  }

  /** Removes a part with its Override and the relationships to it from `source`. */
  drop(part: string, source: string): void {
    const rels = this.pkg.find(relsPartOf(source));
    if (rels !== undefined) {
      const editor = this.editor(rels, []);
      const ids = editor.all("Relationship").map(({ element }) => attr(element, "Id") ?? "");
      for (let i = ids.length - 1; i >= 0; i--) {
        if (this.relTarget(source, ids[i] ?? "") === part) editor.replaceNth("Relationship", i, null);
      }
    }
    const types = this.contentTypes();
    const names = types.all("Override").map(({ element }) => (attr(element, "PartName") ?? "").toLowerCase());
    for (let i = names.length - 1; i >= 0; i--) {
      if (names[i] === `/${part}`.toLowerCase()) types.replaceNth("Override", i, null);
    }
    this.pkg.remove(part);
  }
}

/** `r:id="rId3"` with the root's prefix for the relationships namespace, or one declared on the spot. */
export function relIdAttribute(editor: DocEditor, id: string, relNs = REL_NS): string {
  const prefix = prefixOf(editor.root, relNs);
  if (prefix !== undefined && prefix !== "") return `${prefix}:id="${escapeAttr(id)}"`;
  return `xmlns:r="${relNs}" r:id="${escapeAttr(id)}"`;
}

export { CONTENT_TYPES_NS, DECLARATION };
