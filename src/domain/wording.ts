/** Wording helpers shared by the engine's sentences, the command line and the proposal sheet. */

/** "1 meeting", "3 meetings" */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "1 year", "2 years" (also for negative differences: "-1 year") */
export function years(n: number): string {
  return `${n} year${Math.abs(n) === 1 ? "" : "s"}`;
}

export function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "a", "a and b", "a, b and c" */
export function listPhrase(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? "";
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** "2026-12-01" → "1 December 2026" (UN editorial style). */
export function dateInWords(date: string): string {
  const [year, month, day] = date.split("-").map(Number);
  const name = MONTHS[(month ?? 0) - 1];
  return name && day && year ? `${day} ${name} ${year}` : date;
}
