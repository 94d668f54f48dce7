/**
 * Wording helpers shared by the engine's sentences, the command line and the proposal sheet; the
 * words they put together are in the catalogue (messages/findings.ts).
 */
import { FINDING_MESSAGES, say, sayCount } from "./messages/findings";

/** "1 year", "2 years" (also for negative differences: "-1 year") */
export function years(n: number): string {
  return sayCount("years", n);
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "7, 8": items joined by the catalogue's comma. */
export function commaList(items: readonly (string | number)[]): string {
  return items.join(FINDING_MESSAGES["list.comma"]);
}

/** "a", "a and b", "a, b and c" */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return say("list.and", { first: commaList(items.slice(0, -1)), last: items[items.length - 1] ?? "" });
}

/** `name "title"`, or the name alone without a title. */
export function titled(name: string, title: string | null | undefined): string {
  return title ? say("titled", { name, title }) : name;
}

/** "2026-12-01" → "1 December 2026" (UN editorial style). */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const name = say("months").split(",")[(month ?? 0) - 1];
  return name && day && year ? say("date", { day, month: name, year }) : date;
}
