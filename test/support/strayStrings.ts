/**
 * Sentences written into code rather than taken from a message catalogue: every string or template of
 * two or more words in a module (imports, exports and `new Error(...)` for the code aside). The pane's
 * and the Office.js adapter's guards (test/taskpane/strayText.test.ts, test/office/strayText.test.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

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
