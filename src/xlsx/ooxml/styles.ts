/** Which cell formats show a number as a date or time (built-in number formats and the workbook's own). */
import { isMain, type XlsxPackage } from "./package";
import { attr, type XmlElement } from "./xmlTree";

const BUILT_IN_DATES: readonly (readonly [number, number])[] = [
  [14, 22],
  [27, 36],
  [45, 47],
  [50, 58],
  [71, 81],
];

function builtInDate(id: number): boolean {
  return BUILT_IN_DATES.some(([from, to]) => id >= from && id <= to);
}

/**
 * A format code shows a date when its first section, once quoted text, escaped characters and
 * bracketed parts (colours, locales, conditions) are set aside, uses a date or time token; `[h]`,
 * `[m]`, `[s]` (elapsed time) count too.
 */
export function isDateFormat(code: string): boolean {
  let section = "";
  let bracket = "";
  let inBracket = false;
  let inQuote = false;
  for (let i = 0; i < code.length && i < 1000; i++) {
    const ch = code[i] ?? "";
    if (inQuote) {
      if (ch === '"') inQuote = false;
      continue;
    }
    if (inBracket) {
      if (ch === "]") {
        inBracket = false;
        if (/^(h+|m+|s+)$/i.test(bracket)) return true;
      } else bracket += ch;
      continue;
    }
    if (ch === '"') inQuote = true;
    else if (ch === "[") [inBracket, bracket] = [true, ""];
    else if (ch === "\\" || ch === "_" || ch === "*") i++;
    else if (ch === ";") break;
    else section += ch;
  }
  return /[ymdhsYMDHS]/.test(section.replace(/General/gi, ""));
}

function mainChildren(element: XmlElement | undefined, local: string): XmlElement[] {
  return (element?.children ?? []).filter((c) => c.local === local && isMain(c.uri));
}

export function stylesPart(pkg: XlsxPackage): string | undefined {
  return pkg.related(pkg.workbookPart, "styles").find((rel) => pkg.loaded(rel.target))?.target;
}

/** The indices of the cell formats (`cellXfs`) that show numbers as dates. */
export function dateStyles(pkg: XlsxPackage): Set<number> {
  const part = stylesPart(pkg);
  const found = new Set<number>();
  if (part === undefined) return found;
  const root = pkg.tree(part);
  const custom = new Map<number, string>();
  for (const format of mainChildren(
    root.children.find((c) => c.local === "numFmts" && isMain(c.uri)),
    "numFmt",
  )) {
    custom.set(Number(attr(format, "numFmtId")), attr(format, "formatCode") ?? "");
  }
  const cellXfs = root.children.find((c) => c.local === "cellXfs" && isMain(c.uri));
  mainChildren(cellXfs, "xf").forEach((xf, index) => {
    const id = Number(attr(xf, "numFmtId") ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : builtInDate(id)) found.add(index);
  });
  return found;
}
