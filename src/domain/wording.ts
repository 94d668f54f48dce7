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
