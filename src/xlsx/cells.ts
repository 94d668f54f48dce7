/** Cell values as the engine reads them: string, number, boolean, Date or null. */

export type PlainValue = string | number | boolean | Date | null;

type Structured = {
  richText?: { text: string }[];
  text?: unknown;
  result?: unknown;
  formula?: string;
  sharedFormula?: string;
  error?: string;
};

/** Rich text → its text; formula → its cached result; hyperlink → its text; error → "#REF!" etc. */
export function plainValue(value: unknown): PlainValue {
  if (value === null || value === undefined) return null;
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean" || value instanceof Date)
    return value;
  if (typeof value !== "object") return null;
  const structured = value as Structured;
  if (structured.richText) return structured.richText.map((run) => run.text).join("");
  if (structured.error !== undefined) return structured.error;
  if (structured.formula !== undefined || structured.sharedFormula !== undefined) return plainValue(structured.result);
  if (structured.text !== undefined) return plainValue(structured.text);
  return null;
}
