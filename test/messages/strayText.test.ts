/**
 * Every sentence of the proposal, of the sheets we write and of the command line comes from a
 * message catalogue (src/domain/messages/proposal.ts, solver.ts, sheets.ts, src/cli/messages.ts): none of
 * their modules writes two words of user text itself, in a string or a template. What looks like
 * words but is data stays: the names of the workbook's own tables, columns and settings (which the
 * reader matches), rule ids, option names and the titles by which we know our own hidden sheets.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";
import * as layout from "../../src/domain/layout";
import * as proposal from "../../src/domain/messages/proposal";
import { SOLVER_MESSAGES } from "../../src/domain/messages/solver";
import { SHEET_MESSAGES } from "../../src/domain/messages/sheets";
import { CLI_MESSAGES } from "../../src/cli/messages";
import { OFFICE_MESSAGES } from "../../src/office/messages";
import { fill } from "../../src/domain/messages/fill";
import { RECORD_TITLE, UNDO_TITLE } from "../../src/domain/write";

const SRC = path.resolve(__dirname, "../../src");

function filesOf(dir: string): string[] {
  return readdirSync(path.join(SRC, dir))
    .filter((file) => file.endsWith(".ts"))
    .map((file) => path.join(SRC, dir, file));
}

/** The modules whose words live in the three catalogues (the catalogues themselves excepted). */
function scanned(): string[] {
  return [
    ...filesOf("domain/propose"),
    ...filesOf("domain/write"),
    ...filesOf("cli").filter((file) => path.basename(file) !== "messages.ts"),
    ...["proposalSheet.ts", "timeline.ts", "whatIf.ts"].map((file) => path.join(SRC, "domain", file)),
  ];
}

/** Every string a layout constant holds: the workbook's table, sheet, column and setting names. */
function layoutNames(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (value && typeof value === "object") return Object.values(value).flatMap(layoutNames);
  return [];
}

/** Data that looks like words: kept in the code, never translated. */
const DATA = new Set([...layoutNames(layout), RECORD_TITLE, UNDO_TITLE]);

/** Two or more words of letters: two runs of letters (two or more each) with a space between. */
const WORDS = /\p{L}{2,}\S*\s+\S*\p{L}{2,}/u;

/** The literal text of a string or template ("a ${x} b" as "a {} b"); null for anything else. */
function literalText(node: ts.Node): string | null {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node))
    return [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("{}");
  return null;
}

/** Not user text: a module's name, or the message of an Error thrown when the code itself is wrong. */
function outsideText(node: ts.Node): boolean {
  const parent = node.parent;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent) || ts.isExternalModuleReference(parent))
    return true;
  return ts.isNewExpression(parent) && parent.expression.getText() === "Error";
}

/** "file.ts:12: text" for each literal of two or more words outside a catalogue. */
export function strayText(file: string, source = readFileSync(file, "utf8")): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text = literalText(node);
    if (text !== null && !outsideText(node) && !DATA.has(text) && WORDS.test(text)) {
      const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${path.basename(file)}:${line}: ${text.replace(/\s+/g, " ")}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** Every table of words: the proposal module's (one per part), the solver's, the sheets' and the CLI's. */
const CATALOGUES: [string, Readonly<Record<string, string>>][] = [
  ...Object.entries(proposal).flatMap(([name, value]) =>
    typeof value === "object"
      ? [[`proposal ${name}`, value as Record<string, string>] as [string, Record<string, string>]]
      : [],
  ),
  ["solver", SOLVER_MESSAGES],
  ["sheets", SHEET_MESSAGES],
  ["command line", CLI_MESSAGES],
  ["Office.js adapter", OFFICE_MESSAGES],
];

/** Whether every brace of a template opens or closes a {name}. */
function wellFormed(template: string): boolean {
  return template.replace(/\{\w+\}/g, "").search(/[{}]/) === -1;
}

describe("the proposal's, the sheets' and the command line's words", () => {
  it("come from a catalogue, never from the modules that use them", () => {
    expect(scanned().flatMap((file) => strayText(file))).toEqual([]);
  });

  it("are found where a module writes a sentence itself", () => {
    const source =
      'import { say } from "../messages/proposal";\n' +
      "const a = `topic ${n} moves to ${m}`;\n" +
      'const b = say("r.room", { topic: 3 });\n' +
      'const c = "Not proven optimal: the search ran out of time.";\n' +
      'const d = ["cluster-too-early", "--expected-end", ".xlsx", "Workplan", "Agenda item 3 (fixed topic)"];\n' +
      'throw new Error("solve: more than one topic must be last");\n';
    expect(strayText("stray.ts", source)).toEqual([
      "stray.ts:2: topic {} moves to {}",
      "stray.ts:4: Not proven optimal: the search ran out of time.",
    ]);
  });

  it.each([...CATALOGUES])("of the %s catalogue are well formed: every brace a named parameter", (_, catalogue) => {
    const broken = Object.entries(catalogue).filter(([, template]) => !wellFormed(template));
    expect(broken).toEqual([]);
  });

  it("tell a template with a stray brace", () => {
    expect(wellFormed("Topic {topic} moves to {meeting}")).toBe(true);
    expect(wellFormed("Topic {topic moves")).toBe(false);
    expect(wellFormed("Topic topic} moves")).toBe(false);
    expect(fill("Topic {topic} moves to {meeting}", { topic: 4 })).toBe("Topic 4 moves to {meeting}");
  });

  it("give every plural the forms English needs, one and other (see fill.ts)", () => {
    const lonely = CATALOGUES.flatMap(([, catalogue]) => {
      const keys = Object.keys(catalogue);
      const forms = /\.(zero|one|two|few|many|other)$/;
      const bases = keys.filter((key) => forms.test(key)).map((key) => key.replace(forms, ""));
      return bases.filter((base) => !(keys.includes(`${base}.one`) && keys.includes(`${base}.other`)));
    });
    expect(lonely).toEqual([]);
  });
});
