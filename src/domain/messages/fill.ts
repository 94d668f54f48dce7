/**
 * How every catalogue of the product's words (the engine's, the pane's, the ribbon's) fills its
 * named parameters: `fill("Topic {topic} is too early", { topic: 6 })`. A translation into another
 * of the six UN languages replaces the catalogues' templates and nothing else.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

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
