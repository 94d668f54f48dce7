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
import { strayStrings } from "../support/strayStrings";

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
