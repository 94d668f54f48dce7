/**
 * Finds the engine's words written outside its catalogue (src/domain/messages/findings.ts): a
 * string or template literal of two or more words in a finding file. Names the workbook contract
 * spells (tables, columns, settings: src/domain/layout.ts) and the rules' source ids are data, not
 * words, and pass; so do the declarations listed in DATA, which hold the adopted documents' text.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import * as layout from "../../src/domain/layout";
import { RULES } from "../../src/domain/rules";
import { ADOPTED_SOURCES } from "../../src/domain/adoptedSources";

export const DOMAIN = path.resolve(__dirname, "../../src/domain");

/** Files and folders whose words are another catalogue's (the proposal's, the writers', the catalogues themselves). */
const ELSEWHERE = new Set(["messages", "propose", "write", "proposalSheet.ts", "timeline.ts", "whatIf.ts"]);

/**
 * Declarations that hold data rather than the product's words: the adopted workplan (titles of the
 * Protocol's articles), the sentences the Sources table quotes from the UN documents, and the
 * first line by which a note is known as ours (a translation must not change it, or old notes
 * would no longer be recognized).
 */
const DATA: Readonly<Record<string, readonly string[] | "all">> = {
  "defaults.ts": "all",
  "adoptedSources.ts": "all",
  "annotations.ts": ["NOTE_MARK"],
};

function strings(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(strings);
  return [];
}

/** Texts that are names or ids, never sentences. */
const NAMES = new Set([
  ...strings(layout),
  ...ADOPTED_SOURCES.map(([id]) => id),
  ...RULES.flatMap((rule) => (rule.source ? [rule.source, ...rule.source.split(", ")] : [])),
]);

/** The finding files: src/domain and its folders, without the other catalogues' files. */
export function findingFiles(dir = DOMAIN): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (ELSEWHERE.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findingFiles(full);
    return entry.name.endsWith(".ts") ? [full] : [];
  });
}

/** Two or more words: whitespace-separated pieces holding a letter (a template's ${…} is none). */
function isSentence(text: string): boolean {
  return text.split(/\s+/).filter((piece) => /\p{L}/u.test(piece)).length >= 2;
}

/** A literal's text, a template's substitutions shown as ${…}. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join(" ${…} ");
  return null;
}

function declaredName(node: ts.Node): string | null {
  if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) return node.name.text;
  return null;
}

/** "read.ts:12: the text" for each sentence a file writes itself. */
export function strayWords(file: string, source = readFileSync(file, "utf8")): string[] {
  const name = path.basename(file);
  const data = DATA[name] ?? [];
  if (data === "all") return [];
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const declared = declaredName(node);
    if (declared && data.includes(declared)) return;
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    const text = literalText(node);
    if (text !== null) {
      if (isSentence(text) && !NAMES.has(text)) {
        const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
        found.push(`${name}:${line}: ${text.trim().replace(/\s+/g, " ")}`);
      }
      if (!ts.isTemplateExpression(node)) return;
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}
