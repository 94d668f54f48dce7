/**
 * XML parts as a tree of elements that remember where they are in the text, parsed with saxes (a
 * conforming, linear parser). Elements are found by namespace URI and local name, never by prefix;
 * edits splice new text between the offsets of what they replace, so everything else is kept
 * character for character.
 */
import { SaxesParser } from "saxes";
import { WorkbookFileError } from "../errors";

export interface XmlAttribute {
  /** The name as written, with its prefix. */
  name: string;
  local: string;
  uri: string;
  value: string;
}

export interface XmlElement {
  name: string;
  local: string;
  uri: string;
  /** The attributes as written, by name with its prefix, in document order (a prototype-free record). */
  raw: Record<string, string>;
  /** The namespace bindings in scope at this element, prefix ("" for the default) to URI. */
  scope: ReadonlyMap<string, string>;
  children: XmlElement[];
  /** Text directly inside the element (not in its children). */
  text: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just after the start tag's `>`. */
  openEnd: number;
  /** Offset of the end tag's `<` (equal to `end` for an empty-element tag). */
  closeStart: number;
  /** Offset just after the element. */
  end: number;
}

/** An attribute's value: unprefixed ones are in no namespace; others are matched by the URI of their prefix. */
export function attr(element: XmlElement, local: string, uri = ""): string | undefined {
  const { raw } = element;
  if (uri === "") return Object.hasOwn(raw, local) ? raw[local] : undefined;
  return attrWhere(element, local, (found) => found === uri);
}

/** The first attribute named `local` whose namespace URI passes `accept`. */
export function attrWhere(element: XmlElement, local: string, accept: (uri: string) => boolean): string | undefined {
  for (const key in element.raw) {
    const colon = key.indexOf(":");
    if (colon < 0 || key.slice(colon + 1) !== local) continue;
    const uri = element.scope.get(key.slice(0, colon));
    if (uri !== undefined && accept(uri)) return element.raw[key];
  }
  return undefined;
}

/** The attributes with their namespaces resolved. */
export function attributesOf(element: XmlElement): XmlAttribute[] {
  const found: XmlAttribute[] = [];
  for (const key in element.raw) {
    const colon = key.indexOf(":");
    const prefix = colon < 0 ? "" : key.slice(0, colon);
    const uri =
      key === "xmlns" || prefix === "xmlns" ? XMLNS_NS : prefix === "" ? "" : (element.scope.get(prefix) ?? "");
    found.push({ name: key, local: key.slice(colon + 1), uri, value: element.raw[key] ?? "" });
  }
  return found;
}

/** Namespaces declared on this element itself. */
export function declaredOn(element: XmlElement): Map<string, string> {
  const declared = new Map<string, string>();
  for (const key in element.raw) {
    if (key === "xmlns") declared.set("", element.raw[key] ?? "");
    else if (key.startsWith("xmlns:")) declared.set(key.slice(6), element.raw[key] ?? "");
  }
  return declared;
}

export function child(element: XmlElement, local: string, uri: string): XmlElement | undefined {
  return element.children.find((c) => c.local === local && c.uri === uri);
}

export function childrenNamed(element: XmlElement, local: string, uri: string): XmlElement[] {
  return element.children.filter((c) => c.local === local && c.uri === uri);
}

/** The text of an element and all its descendants, in document order. */
export function deepText(element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  const parts: string[] = [];
  const walk = (e: XmlElement): void => {
    parts.push(e.text);
    for (const c of e.children) walk(c);
  };
  walk(element);
  return parts.join("");
}

function tagStart(text: string, end: number): number {
  return text.lastIndexOf("<", end - 1);
}

const XML_NS = "http://www.w3.org/XML/1998/namespace";
/** Shared by every element until its first child arrives: most elements of a sheet have none. */
const NO_CHILDREN: XmlElement[] = Object.freeze([]) as unknown as XmlElement[];
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

/**
 * Namespaces resolved here rather than by saxes (which is about twice as slow with them): the
 * element's prefix looked up in the bindings in scope; attributes keep their written names and
 * are resolved only when asked for (most lookups are of unprefixed names).
 */
function newElement(
  name: string,
  raw: Record<string, string>,
  parentScope: ReadonlyMap<string, string>,
  start: number,
  openEnd: number,
): XmlElement {
  let scope = parentScope;
  let prefixed: string[] | undefined;
  for (const key in raw) {
    const at = key.indexOf(":");
    if (key === "xmlns" || (at === 5 && key.startsWith("xmlns"))) {
      if (scope === parentScope) scope = new Map(parentScope);
      (scope as Map<string, string>).set(at < 0 ? "" : key.slice(6), raw[key] ?? "");
    } else if (at > 0) (prefixed ??= []).push(key.slice(0, at));
  }
  const colon = name.indexOf(":");
  const prefix = colon < 0 ? "" : name.slice(0, colon);
  const uri = scope.get(prefix);
  if (uri === undefined && prefix !== "") throw new Error(`unbound namespace prefix "${prefix}"`);
  for (const used of prefixed ?? []) {
    if (!scope.has(used)) throw new Error(`unbound namespace prefix "${used}"`);
  }
  return {
    name,
    local: colon < 0 ? name : name.slice(colon + 1),
    uri: uri ?? "",
    raw,
    scope,
    children: NO_CHILDREN,
    text: "",
    start,
    openEnd,
    closeStart: openEnd,
    end: openEnd,
  };
}

/** The same tree with every offset moved back by `delta` (a child taken out of its part's text). */
export function shifted(element: XmlElement, delta: number): XmlElement {
  return {
    ...element,
    start: element.start - delta,
    openEnd: element.openEnd - delta,
    closeStart: element.closeStart - delta,
    end: element.end - delta,
    children: element.children.map((c) => shifted(c, delta)),
  };
}

/**
 * Parses a whole part (or a fragment, with the namespaces in scope where it sits). Throws a
 * WorkbookFileError naming the part `where` (and the file, when given: the user's line names it)
 * when the text is not well-formed XML.
 */
export function parseXml(
  text: string,
  where: string,
  scope?: ReadonlyMap<string, string>,
  fileName?: string,
): XmlElement {
  const parser = new SaxesParser(scope ? { fragment: true } : {});
  const stack: XmlElement[] = [];
  const top: ReadonlyMap<string, string> = new Map([["xml", XML_NS], ...(scope ?? [])]);
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const end = parser.position;
    const parent = stack[stack.length - 1];
    const element = newElement(
      tag.name,
      tag.attributes as Record<string, string>,
      parent?.scope ?? top,
      tagStart(text, end),
      end,
    );
    if (parent) {
      if (parent.children === NO_CHILDREN) parent.children = [];
      parent.children.push(element);
    } else root ??= element;
    stack.push(element);
  });
  const addText = (t: string): void => {
    const element = stack[stack.length - 1];
    if (element) element.text += t;
  };
  parser.on("text", addText);
  parser.on("cdata", addText);
  parser.on("closetag", (tag) => {
    const element = stack.pop();
    if (!element) return;
    const end = parser.position;
    element.end = end;
    element.closeStart = tag.isSelfClosing ? end : tagStart(text, end);
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure || !root) {
    const reason = failure ? oneLine(failure.message) : "no element";
    const part = `part ${where} is not well-formed XML (${reason}).`;
    throw new WorkbookFileError(fileName ? `${fileName} cannot be read: its ${part}` : `The workbook's ${part}`);
  }
  return root;
}

function oneLine(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Namespaces in scope at the root (for parsing its children again as fragments). */
export function rootScope(root: XmlElement): Map<string, string> {
  return new Map(root.scope);
}

/** The prefix under which `uri` is declared on the root (`""` for the default namespace), if any. */
export function prefixOf(root: XmlElement, uri: string): string | undefined {
  if (root.uri === uri) return root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : "";
  for (const [prefix, declared] of root.scope) if (declared === uri && prefix !== "xml") return prefix;
  return undefined;
}

const INVALID_XML_CHARS = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Text content: `&`, `<`, `>` escaped; characters XML cannot hold dropped. */
export function escapeText(text: string): string {
  return text.replace(INVALID_XML_CHARS, "").replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** An attribute value in double quotes: also `"` and the whitespace an XML parser would normalize. */
export function escapeAttr(text: string): string {
  return escapeText(text)
    .replace(/"/g, "&quot;")
    .replace(/\t/g, "&#9;")
    .replace(/\n/g, "&#10;")
    .replace(/\r/g, "&#13;");
}

/** A replacement of text[start, end) by `text`; edits must not overlap. */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies splices in one pass (linear in the text and the splices). Equal starts keep their given order. */
export function applySplices(text: string, splices: readonly Splice[]): string {
  const ordered = splices.map((s, i) => ({ ...s, i })).sort((a, b) => a.start - b.start || a.i - b.i);
  const out: string[] = [];
  let at = 0;
  for (const splice of ordered) {
    if (splice.start < at) throw new Error("overlapping edits of one XML part");
    out.push(text.slice(at, splice.start), splice.text);
    at = splice.end;
  }
  out.push(text.slice(at));
  return out.join("");
}

/**
 * The start tag of `element` with attributes set (value) or removed (null), others kept as
 * written. `qualified` names are written as given (e.g. `r:id`).
 */
export function startTagWith(
  element: XmlElement,
  changes: ReadonlyMap<string, string | null>,
  selfClosing = element.closeStart === element.end,
): string {
  const parts = [`<${element.name}`];
  const done = new Set<string>();
  for (const a of attributesOf(element)) {
    if (changes.has(a.name)) {
      done.add(a.name);
      const value = changes.get(a.name);
      if (value !== null && value !== undefined) parts.push(` ${a.name}="${escapeAttr(value)}"`);
    } else parts.push(` ${a.name}="${escapeAttr(a.value)}"`);
  }
  for (const [name, value] of changes)
    if (!done.has(name) && value !== null) parts.push(` ${name}="${escapeAttr(value)}"`);
  return parts.join("") + (selfClosing ? "/>" : ">");
}

/** The whole element with its start tag rewritten and its content kept. */
export function elementWith(source: string, element: XmlElement, changes: ReadonlyMap<string, string | null>): string {
  if (element.closeStart === element.end) return startTagWith(element, changes, true);
  return startTagWith(element, changes, false) + source.slice(element.openEnd, element.end);
}

/** The element's content replaced (an empty-element tag gets an end tag). */
export function withContent(source: string, element: XmlElement, content: string): string {
  const start = startTagWith(element, new Map(), false);
  return `${start}${content}</${element.name}>`;
}

/** Its content as written. */
export function innerXml(source: string, element: XmlElement): string {
  return element.closeStart === element.end ? "" : source.slice(element.openEnd, element.closeStart);
}

export function outerXml(source: string, element: XmlElement): string {
  return source.slice(element.start, element.end);
}

/** `name` qualified with `prefix` ("" gives the bare name). */
export function qualify(prefix: string, name: string): string {
  return prefix === "" ? name : `${prefix}:${name}`;
}
