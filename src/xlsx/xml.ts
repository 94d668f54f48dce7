/**
 * Just enough XML for the package fixes: attributes, whole elements found by tag name, and
 * insertion at the place the SpreadsheetML schema orders an element. Parts are edited as text so
 * that everything the product does not understand is copied byte for byte.
 */

export function attributes(tag: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
    found.set(match[1] ?? "", unescapeXml(match[3] ?? match[4] ?? ""));
  }
  return found;
}

export function unescapeXml(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-fA-F]+|#\d+);/g, (_, entity: string) => {
    if (entity.startsWith("#x")) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith("#")) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return { lt: "<", gt: ">", quot: '"', apos: "'", amp: "&" }[entity] ?? "";
  });
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Every `<tag …/>` or `<tag …>…</tag>` element (not nested in itself), in document order. */
export function elements(xml: string, tag: string): string[] {
  return [...xml.matchAll(elementPattern(tag))].map((match) => match[0]);
}

function elementPattern(tag: string): RegExp {
  return new RegExp(`<${tag}(?=[\\s/>])[^>]*?(?:/>|>[\\s\\S]*?</${tag}>)`, "g");
}

export function removeElements(xml: string, tag: string): string {
  return xml.replace(elementPattern(tag), "");
}

/** The opening tag of the first `tag` element, e.g. `<worksheet xmlns="…">`. */
export function openingTag(xml: string, tag: string): string {
  return new RegExp(`<${tag}(?=[\\s/>])[^>]*>`).exec(xml)?.[0] ?? "";
}

/** Text inside the first `tag` element, or "" when it is absent or empty. */
export function innerText(xml: string, tag: string): string {
  const match = new RegExp(`<${tag}(?=[\\s>])[^>]*>([\\s\\S]*?)</${tag}>`).exec(xml);
  return match?.[1] ?? "";
}

/**
 * Inserts `content` before the first element named in `followers` (the elements that the schema
 * puts after it), or before the closing tag of the root when none of them is present.
 */
export function insertBefore(xml: string, content: string, followers: readonly string[], root: string): string {
  const positions = followers.map((tag) => xml.search(new RegExp(`<${tag}(?=[\\s/>])`))).filter((at) => at >= 0);
  const at = positions.length > 0 ? Math.min(...positions) : xml.lastIndexOf(`</${root}>`);
  return xml.slice(0, at) + content + xml.slice(at);
}

/** Sets (or adds) one attribute on the opening tag at the start of `element`. */
export function setAttribute(element: string, name: string, value: string): string {
  const end = element.indexOf(">");
  const tag = element.slice(0, end);
  const pattern = new RegExp(`(\\s${name}\\s*=\\s*)("[^"]*"|'[^']*')`);
  const updated = pattern.test(tag)
    ? tag.replace(pattern, `$1"${escapeXml(value)}"`)
    : `${tag.replace(/\/$/, "")} ${name}="${escapeXml(value)}"${tag.endsWith("/") ? "/" : ""}`;
  return updated + element.slice(end);
}
