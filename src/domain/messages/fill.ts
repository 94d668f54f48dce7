/**
 * How every catalogue of the product's words (the engine's, the pane's, the ribbon's) fills its
 * named parameters: `fill("Topic {topic} is too early", { topic: 6 })`, and picks a count's form.
 * A translation into another of the six UN languages replaces the catalogues' templates and
 * `CATALOGUE_LOCALE`, nothing else.
 *
 * Where the count decides the words, the catalogue gives one template per plural category of its
 * language (Intl.PluralRules: `zero`, `one`, `two`, `few`, `many`, `other`), under the template's
 * stem: `"years.one": "{count} year"`, `"years.other": "{count} years"`; a category the catalogue
 * leaves out takes `….other`. Ordinals the same with the ordinal categories: English "21st" is
 * `one`, "22nd" `two`, "23rd" `few`, "11th" and "24th" `other`.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** The language of the catalogues' templates: its plural rules pick a count's form. */
export const CATALOGUE_LOCALE = "en";

const RULES = new Map<string, Intl.PluralRules>();

function rulesOf(locale: string, type: Intl.PluralRuleType): Intl.PluralRules {
  const key = `${locale} ${type}`;
  let rules = RULES.get(key);
  if (!rules) {
    rules = new Intl.PluralRules(locale, { type });
    RULES.set(key, rules);
  }
  return rules;
}

/**
 * Each template split once at its parameters: text at even places, names at odd ones. A check
 * fills thousands of sentences from a few hundred templates (the catalogues').
 */
const splitTemplates = new Map<string, readonly string[]>();

function parts(template: string): readonly string[] {
  let split = splitTemplates.get(template);
  if (!split) {
    split = template.split(/\{(\w+)\}/);
    splitTemplates.set(template, split);
  }
  return split;
}

/** A template with its named parameters filled in; a parameter not given stays visible as {name}. */
export function fill(template: string, params: MessageParams = {}): string {
  const split = parts(template);
  let text = split[0] ?? "";
  for (let i = 1; i < split.length; i += 2) {
    const name = split[i] ?? "";
    const value = params[name];
    text += (value !== undefined ? String(value) : `{${name}}`) + (split[i + 1] ?? "");
  }
  return text;
}

/** The stems of a table's keys that come in forms (`stem.other` and, as the language needs, `stem.one`…). */
export type FormStem<K> = K extends `${infer Stem}.other` ? Stem : never;

/** The key of `count`'s form under `stem`: its plural category's (cardinal or ordinal), or `stem.other`. */
export function formKey(
  table: Readonly<Record<string, string>>,
  stem: string,
  count: number,
  type: Intl.PluralRuleType = "cardinal",
  locale = CATALOGUE_LOCALE,
): string {
  const key = `${stem}.${rulesOf(locale, type).select(Math.abs(count))}`;
  return key in table ? key : `${stem}.other`;
}

/** The form of `stem` for `count`, with {count} and the other parameters (which may replace {count}) filled in. */
export function fillCount(
  table: Readonly<Record<string, string>>,
  stem: string,
  count: number,
  params: MessageParams = {},
): string {
  return fill(table[formKey(table, stem, count)] ?? stem, { count, ...params });
}
