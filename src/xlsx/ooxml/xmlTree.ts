/**
 * XML parts as a tree of elements that remember where they are in the text, parsed with saxes (a
 * conforming, linear parser). Elements are found by namespace URI and local name, never by prefix;
 * edits splice new text between the offsets of what they replace, so everything else is kept
 * character for character.
 */
import { SaxesParser, type SaxesTagNS } from "saxes";
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
  attributes: XmlAttribute[];
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
  /** Namespaces declared on this element: prefix ("" for the default) to URI. */
  declared: Map<string, string>;
}

export function attr(element: XmlElement, local: string, uri = ""): string | undefined {
  for (const attribute of element.attributes)
    if (attribute.local === local && attribute.uri === uri) return attribute.value;
  return undefined;
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

function newElement(tag: SaxesTagNS, start: number, openEnd: number): XmlElement {
  const attributes: XmlAttribute[] = [];
  for (const a of Object.values(tag.attributes)) {
    attributes.push({ name: a.name, local: a.local, uri: a.uri, value: a.value });
  }
  const declared = new Map<string, string>();
  for (const [prefix, uri] of Object.entries(tag.ns ?? {})) declared.set(prefix, uri);
  return {
    name: tag.name,
    local: tag.local,
    uri: tag.uri,
    attributes,
    children: [],
    text: "",
    start,
    openEnd,
    closeStart: openEnd,
    end: openEnd,
    declared,
  };
}

/**
 * Parses a whole part (or a fragment, with the namespaces in scope where it sits). Throws a
 * WorkbookFileError naming `where` when the text is not well-formed XML.
 */
export function parseXml(text: string, where: string, scope?: ReadonlyMap<string, string>): XmlElement {
  const options = scope
    ? { xmlns: true as const, fragment: true, additionalNamespaces: Object.fromEntries(scope) }
    : { xmlns: true as const };
  const parser = new SaxesParser(options);
  const stack: XmlElement[] = [];
  const texts: string[][] = [];
  let root: XmlElement | undefined;
  let failure: Error | undefined;
  parser.on("error", (error) => {
    failure ??= error;
  });
  parser.on("opentag", (tag) => {
    const end = parser.position;
    const element = newElement(tag, tagStart(text, end), end);
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    stack.push(element);
    texts.push([]);
  });
  parser.on("text", (t) => texts[texts.length - 1]?.push(t));
  parser.on("cdata", (t) => texts[texts.length - 1]?.push(t));
  parser.on("closetag", (tag) => {
    const element = stack.pop();
    const collected = texts.pop();
    if (!element) return;
    const end = parser.position;
    element.end = end;
    element.closeStart = tag.isSelfClosing ? end : tagStart(text, end);
    element.text = collected?.join("") ?? "";
  });
  try {
    parser.write(text).close();
  } catch (error) {
    failure ??= error as Error;
  }
  if (failure || !root) {
    const reason = failure ? oneLine(failure.message) : "no element";
    throw new WorkbookFileError(`The workbook's part ${where} is not well-formed XML (${reason}).`);
  }
  return root;
}

function oneLine(message: string): string {
  const line = message.replace(/\s+/g, " ").trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}

/** Namespaces in scope at the root (for parsing its children again as fragments). */
export function rootScope(root: XmlElement): Map<string, string> {
  const scope = new Map<string, string>([["xml", "http://www.w3.org/XML/1998/namespace"]]);
  for (const [prefix, uri] of root.declared) scope.set(prefix, uri);
  return scope;
}

/** The prefix under which `uri` is declared on the root (`""` for the default namespace), if any. */
export function prefixOf(root: XmlElement, uri: string): string | undefined {
  if (root.uri === uri) return root.name.includes(":") ? root.name.slice(0, root.name.indexOf(":")) : "";
  for (const [prefix, declared] of root.declared) if (declared === uri) return prefix;
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
  for (const a of element.attributes) {
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
