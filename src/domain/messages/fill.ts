/**
 * How every catalogue of the product's words (the engine's, the pane's, the ribbon's) fills its
 * named parameters: `fill("Topic {topic} is too early", { topic: 6 })`. A translation into another
 * of the six UN languages replaces the catalogues' templates and nothing else.
 */
export type MessageParams = Readonly<Record<string, string | number>>;

/** A template with its named parameters filled in; a parameter not given stays visible as {name}. */
export function fill(template: string, params: MessageParams = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
