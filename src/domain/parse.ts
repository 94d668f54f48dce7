/**
 * Readers for every cell form the layout contract allows. Each returns the value or says what
 * was expected; none throws, whatever the cell holds.
 */
import { say, sayOrdinal } from "./messages/findings";
import { isUnsavedFormula, type CellValue } from "./tables";
import { dateInWords } from "./wording";

export type Parsed<T> = { ok: true; value: T } | { ok: false; expected: string };

/** The longest cell text the engine reads; longer text is an invalid value, never parsed. */
export const MAX_CELL_TEXT = 1000;

export function isTooLong(value: CellValue): value is string {
  return typeof value === "string" && value.length > MAX_CELL_TEXT;
}

/** 1000 → "1,000", for messages. */
export function thousands(n: number): string {
  const digits = String(n);
  let text = "";
  const group = say("thousands");
  for (let i = 0; i < digits.length; i++) text += (i > 0 && (digits.length - i) % 3 === 0 ? group : "") + digits[i];
  return text;
}

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(expected: string): Parsed<T> => ({ ok: false, expected });

export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}

/** The cell as trimmed text, or undefined for a value that is neither text nor a finite number. */
export function cellText(value: CellValue): string | undefined {
  if (typeof value === "string") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return undefined;
}

/** Shows a cell value in a message, short and quoted. */
export function showValue(value: CellValue): string {
  if (value instanceof Date)
    return Number.isNaN(value.getTime())
      ? say("value.invalid")
      : say("value.date", { date: dateInWords(value.toISOString().slice(0, 10)) });
  if (isUnsavedFormula(value)) return say("value.formula");
  const text = cellText(value);
  if (text === undefined) return say("value.any");
  return say("quoted", { text: text.length > 40 ? `${text.slice(0, 37)}…` : text });
}

function wholeNumberIn(value: CellValue, pattern: RegExp): number | undefined {
  if (typeof value === "number") return Number.isSafeInteger(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  const match = pattern.exec(value.trim());
  if (!match?.[1]) return undefined;
  const n = Number(match[1]);
  return Number.isSafeInteger(n) ? n : undefined;
}

export function parseWholeNumber(value: CellValue, expected = say("exp.whole")): Parsed<number> {
  const n = wholeNumberIn(value, /^([-+]?\d+)$/);
  return n === undefined ? fail(expected) : ok(n);
}

/** A window setting: a whole number of years, 0 or more (workbook.md, Settings). */
export function parseYearCount(value: CellValue): Parsed<number> {
  const n = wholeNumberIn(value, /^([-+]?\d+)$/);
  return n !== undefined && n >= 0 ? ok(n) : fail(say("exp.years"));
}

export function parseYear(value: CellValue): Parsed<number> {
  const n = wholeNumberIn(value, /^(\d{4})$/);
  return n !== undefined && n >= 1000 && n <= 9999 ? ok(n) : fail(say("exp.year"));
}

export function parseMeetingOrdinal(value: CellValue): Parsed<number> {
  const n = wholeNumberIn(value, /^(\d+)(?:st|nd|rd|th)?(?:\s+meeting)?$/i);
  return n !== undefined && n > 0 ? ok(n) : fail(say("exp.meeting"));
}

export type MeetingStatus = "held" | "planned" | "cancelled" | null;

/**
 * `Held`, `Planned`, `Cancelled` or blank, any case. `Postponed` reads as cancelled: the meeting
 * does not take place that year, and takes place later in a row of its own (workbook.md).
 */
export function parseStatus(value: CellValue): Parsed<MeetingStatus> {
  if (isBlank(value)) return ok(null);
  const text = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (text === "held") return ok("held");
  if (text === "planned") return ok("planned");
  if (text === "cancelled" || text === "canceled" || text === "postponed") return ok("cancelled");
  return fail(say("exp.status"));
}

const LABEL_TAIL = String.raw`(?:\s*[—–:.-]\s+.*|\s*[—–:]\s*.*|\s+.*)?`;
const TOPIC_PATTERN = new RegExp(String.raw`^(?:topic\s*)?(\d+)${LABEL_TAIL}$`, "is");

/** Agenda item 3 or an article's topic: `3`, `Topic 3`, `3 — Confiscation…`; blank = none. */
export function parseTopicRef(value: CellValue): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  const n = wholeNumberIn(value, TOPIC_PATTERN);
  return n !== undefined && n > 0 ? ok(n) : fail(say("exp.topic"));
}

export function parseClusterRef(value: CellValue): Parsed<number | null> {
  if (isBlank(value)) return ok(null);
  const n = wholeNumberIn(value, /^(?:cluster\s*)?(\d+)$/i);
  return n !== undefined && n > 0 ? ok(n) : fail(say("exp.cluster"));
}

export function parseArticleNumber(value: CellValue): Parsed<number> {
  const n = wholeNumberIn(value, /^(?:art(?:icle)?\.?\s*)?(\d+)$/i);
  return n !== undefined && n > 0 ? ok(n) : fail(say("exp.article"));
}

export function parseArticleRule(value: CellValue): Parsed<"last" | null> {
  if (isBlank(value)) return ok(null);
  return typeof value === "string" && value.trim().toLowerCase() === "last" ? ok("last") : fail(say("exp.rule"));
}

const MAX_RANGE = 500;

/** `8, 12`, `8 and 12`, `8; 12`, ranges `6–9` / `6-9`; blank = none. */
export function parseArticleList(value: CellValue): Parsed<number[]> {
  if (isBlank(value)) return ok([]);
  const expected = say("exp.articles");
  if (typeof value === "number") return Number.isSafeInteger(value) && value > 0 ? ok([value]) : fail(expected);
  if (typeof value !== "string") return fail(expected);
  const articles: number[] = [];
  // "articles" before "arts": the shorter prefix would take the "Art" of "Articles 8 and 12".
  const text = value.trim().replace(/^(?:articles?\s+|arts?\.?\s*)/i, "");
  // Split on the separators alone and trim each part: spaces around them in the pattern would be
  // tried again from every space of a long run, which is quadratic.
  for (const untrimmed of text.split(/,|;|&|\band\b/i)) {
    const part = untrimmed.trim();
    if (part === "") continue;
    const range = /^(\d+)\s*[–—-]\s*(\d+)$/.exec(part);
    if (range) {
      const from = Number(range[1]);
      const to = Number(range[2]);
      if (!(from > 0 && to >= from && to - from <= MAX_RANGE)) return fail(expected);
      for (let n = from; n <= to; n++) articles.push(n);
    } else if (/^\d+$/.test(part) && Number(part) > 0 && Number.isSafeInteger(Number(part))) {
      articles.push(Number(part));
    } else {
      return fail(expected);
    }
  }
  return ok(articles);
}

export type FlexibleRef =
  { kind: "code"; code: string } | { kind: "other"; title: string } | { kind: "unknown"; text: string };

/**
 * Agenda item 2: a code of the flexible list (`e`, `(e)`, `e — Ammunition…`), `Other: <title>`
 * for an additional topic approved by the extended Bureau, or blank. Text that is neither is
 * kept as `unknown` for the flexible-unknown rule to explain.
 */
export function parseFlexibleRef(value: CellValue, knownCodes: ReadonlySet<string>): Parsed<FlexibleRef | null> {
  if (isBlank(value)) return ok(null);
  const text = cellText(value);
  if (text === undefined) return fail(say("exp.flexible"));
  const other = /^other\s*:\s*(.*)$/is.exec(text);
  if (other) return ok({ kind: "other", title: (other[1] ?? "").trim() });
  const code = /^\(?\s*([^\s()—–:.-]+)\s*\)?(?:\s*[—–:.-]\s*.*|\s+.*)?$/s.exec(text)?.[1]?.toLowerCase();
  if (code !== undefined && knownCodes.has(code)) return ok({ kind: "code", code });
  return ok({ kind: "unknown", text });
}

export function normalizeCode(value: CellValue): string | undefined {
  const text = cellText(value);
  if (text === undefined || text === "") return undefined;
  return (
    text
      .replace(/^\((.*)\)$/, "$1")
      .trim()
      .toLowerCase() || undefined
  );
}

/** "15th": the catalogue's ordinal form for n, by the language's ordinal rules. */
export function ordinal(n: number): string {
  return sayOrdinal(n);
}

/** The same reader, with a blank cell read as null. */
export function blankOr<T>(parse: (value: CellValue) => Parsed<T>): (value: CellValue) => Parsed<T | null> {
  return (value) => (isBlank(value) ? ok<T | null>(null) : parse(value));
}
