/**
 * Every word of the pane comes from its message catalogue (src/taskpane/messages.ts): no
 * component writes user text itself, neither as JSX text nor as a plain-string aria-label, title,
 * label, placeholder or alt; and no other module of the pane (its requests, its state, its start)
 * writes two words in a string or a template, such as the error bar's title. A module added later
 * is scanned too.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const PANE = path.resolve(__dirname, "../../src/taskpane");
const TEXT_PROPS = new Set(["aria-label", "title", "label", "placeholder", "alt", "aria-valuetext"]);
const WORDS = /\p{L}{2,}/u;

function paneFiles(): string[] {
  const components = readdirSync(path.join(PANE, "components"))
    .filter((file) => file.endsWith(".tsx"))
    .map((file) => path.join(PANE, "components", file));
  return [...components, path.join(PANE, "Pane.tsx"), path.join(PANE, "App.tsx"), path.join(PANE, "start.tsx")];
}

/** Every module of the pane but its catalogue, components included. */
function paneModules(dir = PANE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return paneModules(file);
    return /\.tsx?$/.test(entry.name) && file !== path.join(PANE, "messages.ts") ? [file] : [];
  });
}

/** Two or more words: two runs of letters (two or more each) with a space between. */
const SENTENCE = /\p{L}{2,}\S*\s+\S*\p{L}{2,}/u;
/** Style, not words: a media query ("@media (forced-colors: active)") or a length ("minmax(0, 1fr) auto"). */
const CSS = /^(?:@media )?\([a-z-]+: [a-z-]+\)$|^[\w\s(),.-]*\d(?:fr|px|em|rem|%)[\w\s(),.-]*$/;

/** "file.ts:12: text" for each string or template of two or more words, but a module name or an Error for the code. */
export function strayStrings(file: string, source = readFileSync(file, "utf8")): string[] {
  const kind = file.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, kind);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    const text =
      ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)
        ? node.text
        : ts.isTemplateExpression(node)
          ? [node.head.text, ...node.templateSpans.map((span) => span.literal.text)].join("{}")
          : null;
    const parent = node.parent as ts.Node | undefined;
    const outside =
      !parent ||
      ts.isImportDeclaration(parent) ||
      ts.isExportDeclaration(parent) ||
      (ts.isNewExpression(parent) && parent.expression.getText(tree) === "Error");
    if (text !== null && !outside && SENTENCE.test(text) && !CSS.test(text)) {
      const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      found.push(`${path.basename(file)}:${line}: ${text.replace(/\s+/g, " ")}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

/** The literal text of an attribute's value, when it holds some: "x", {"x"}, {`x`}, {`x ${y}`}. */
function literalText(value: ts.JsxAttributeValue | undefined): string | null {
  const expression = value && ts.isJsxExpression(value) ? value.expression : value;
  if (!expression) return null;
  if (ts.isStringLiteral(expression) || ts.isNoSubstitutionTemplateLiteral(expression)) return expression.text;
  if (ts.isTemplateExpression(expression))
    return [expression.head.text, ...expression.templateSpans.map((span) => span.literal.text)].join(" ");
  return null;
}

/** "File.tsx:12: text" for each piece of user text written in a component. */
export function strayText(file: string, source = readFileSync(file, "utf8")): string[] {
  const tree = ts.createSourceFile(file, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const report = (node: ts.Node, text: string) => {
    const line = tree.getLineAndCharacterOfPosition(node.getStart()).line + 1;
    found.push(`${path.basename(file)}:${line}: ${text.trim().replace(/\s+/g, " ")}`);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxText(node) && WORDS.test(node.text)) report(node, node.text);
    if (ts.isJsxAttribute(node) && TEXT_PROPS.has(node.name.getText(tree))) {
      const text = literalText(node.initializer);
      if (text !== null && WORDS.test(text)) report(node, `${node.name.getText(tree)}=${text}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(tree);
  return found;
}

describe("the pane's words", () => {
  it("come from the message catalogue, never from a component", () => {
    expect(paneFiles().flatMap((file) => strayText(file))).toEqual([]);
  });

  it("come from the message catalogue in every other module of the pane: requests, state, start", () => {
    expect(paneModules().length).toBeGreaterThan(30);
    expect(paneModules().flatMap((file) => strayStrings(file))).toEqual([]);
  });

  it("are found where a module writes a sentence itself, as the error bars' titles once were", () => {
    const source =
      'import { message } from "./messages";\n' +
      'run("opening", "Could not read the workbook", work);\n' +
      'run("going", `Could not go to ${sheet}!${cell}`, work);\n' +
      'run("checking", message("failed.check"), work);\n' +
      'throw new Error("pane: no request under way");\n';
    expect(strayStrings("actions.ts", source)).toEqual([
      "actions.ts:2: Could not read the workbook",
      "actions.ts:3: Could not go to {}!{}",
    ]);
  });

  it("are found where a component writes them itself", () => {
    const source =
      'export const A = () => (\n  <div aria-label="Workplan actions" title={`Cluster ${n}`}>\n' +
      '    Check <b>{label}</b> · <Switch label={message("x")} />\n  </div>\n);\n';
    expect(strayText("A.tsx", source)).toEqual([
      "A.tsx:2: aria-label=Workplan actions",
      "A.tsx:2: title=Cluster",
      "A.tsx:3: Check",
    ]);
  });
});
