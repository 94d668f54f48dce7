/**
 * Which Office.js members the shipped code uses, found by the TypeScript compiler rather than by
 * reading text: every property access, call and object-literal key of the shipped files whose
 * symbol is declared in `@types/office-js`, named by where it is declared
 * (`Excel.Range.values`, `Office.context`, `OfficeExtension.ClientObject.isNullObject`), plus
 * every path of a `load("items/name, items/worksheet/name")` string, resolved step by step from
 * the type `load` is called on. A member reached through one of our own narrow interfaces (as
 * `Office` is read from `globalThis` where it may be missing) has no Office.js type, so the scan
 * cannot see it; `OWN_TYPED` in test/office/contract.test.ts names those by hand.
 *
 * Every class's `load`, `set`, `toJSON`, `track` and `untrack` are one member each,
 * `OfficeExtension.ClientObject.load` and so on: they behave alike for every class
 * (*Application-specific API model*).
 */
import path from "node:path";
import ts from "typescript";

export interface MemberUse {
  file: string;
  line: number;
  /** The requirement set the Office.js types give the member (`ExcelApi 1.4`), if they give one. */
  set: string | null;
}

const OFFICE_TYPES = /[\\/]@types[\\/]office-js[\\/]/;
const COMMON = new Set(["load", "set", "toJSON", "track", "untrack"]);

function isOfficeDeclaration(declaration: ts.Declaration): boolean {
  return OFFICE_TYPES.test(declaration.getSourceFile().fileName);
}

/** `Namespace.Container.member` for a declaration of the Office.js types. */
function qualifiedName(declaration: ts.Declaration, name: string): string {
  const parts = [name];
  for (let node: ts.Node | undefined = declaration.parent; node; node = node.parent) {
    if (
      (ts.isClassDeclaration(node) ||
        ts.isInterfaceDeclaration(node) ||
        ts.isEnumDeclaration(node) ||
        ts.isModuleDeclaration(node) ||
        ts.isTypeAliasDeclaration(node)) &&
      node.name
    ) {
      parts.unshift(node.name.getText());
    }
  }
  if (COMMON.has(name) && parts.length > 2 && parts[0] === "Excel") return `OfficeExtension.ClientObject.${name}`;
  return parts.join(".");
}

/** The member's name and its `[Api set: …]` line, for each Office.js declaration of the symbol. */
function officeNames(symbol: ts.Symbol | undefined): { name: string; set: string | null }[] {
  const declarations = symbol?.declarations?.filter(isOfficeDeclaration) ?? [];
  return declarations.map((declaration) => ({
    name: qualifiedName(declaration, symbol?.getName() ?? ""),
    set: /\[Api set: ([^\]]+)\]/.exec(declaration.getFullText())?.[1]?.trim() ?? null,
  }));
}

/** The element type of an array type, else the type itself. */
function itemType(checker: ts.TypeChecker, type: ts.Type): ts.Type {
  const nonNull = checker.getNonNullableType(type);
  if (checker.isArrayType(nonNull)) return checker.getTypeArguments(nonNull as ts.TypeReference)[0] ?? nonNull;
  return nonNull;
}

function loadPaths(argument: ts.Expression): string[] {
  if (ts.isStringLiteralLike(argument)) return argument.text.split(",").map((piece) => piece.trim());
  if (ts.isArrayLiteralExpression(argument)) return argument.elements.flatMap(loadPaths);
  return [];
}

/**
 * The members of our own narrow views of the globals `Office` and `Excel` (a property named
 * `Office` or `Excel` in an interface or type literal of the shipped code, as in
 * `globalThis as { Office?: RequirementsHost }`), as paths from the global:
 * `Office.context.requirements.isSetSupported`. Only properties are followed, not what a callback
 * receives, and not into a type of Office.js's own (the typed scan sees those).
 */
function ownViews(checker: ts.TypeChecker, source: ts.SourceFile, root: string, used: Map<string, MemberUse[]>): void {
  const walk = (type: ts.Type, prefix: string, at: ts.Node, depth: number): void => {
    const properties = checker.getNonNullableType(type).getProperties();
    for (const property of properties) {
      const declaration = property.declarations?.[0];
      if (!declaration || isOfficeDeclaration(declaration) || declaration.getSourceFile().isDeclarationFile) continue;
      const name = `${prefix}.${property.getName()}`;
      const line = source.getLineAndCharacterOfPosition(at.getStart()).line + 1;
      used.set(name, [...(used.get(name) ?? []), { file: path.relative(root, source.fileName), line, set: null }]);
      if (depth < 6) walk(checker.getTypeOfSymbolAtLocation(property, at), name, at, depth + 1);
    }
  };
  const visit = (node: ts.Node): void => {
    if (
      ts.isPropertySignature(node) &&
      ts.isIdentifier(node.name) &&
      (node.name.text === "Office" || node.name.text === "Excel") &&
      node.type
    ) {
      walk(checker.getTypeFromTypeNode(node.type), node.name.text, node, 0);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}

/**
 * Every Office.js member the files use, with where: `typed`, found through Office.js's own types;
 * `ownTyped`, reached through our own views of the globals (see ownViews).
 */
export function officeMembersUsed(
  files: string[],
  root: string,
): { typed: Map<string, MemberUse[]>; ownTyped: Map<string, MemberUse[]> } {
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(root, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: () => undefined,
    },
  );
  const program = ts.createProgram(files, { ...config?.options, noEmit: true, types: ["office-js", "node"] });
  const checker = program.getTypeChecker();
  const used = new Map<string, MemberUse[]>();
  const ownTyped = new Map<string, MemberUse[]>();

  for (const file of files) {
    const source = program.getSourceFile(file);
    if (!source) throw new Error(`${file} is not part of the program`);
    const record = (symbol: ts.Symbol | undefined, node: ts.Node): string[] => {
      const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
      return officeNames(symbol).map(({ name, set }) => {
        used.set(name, [...(used.get(name) ?? []), { file: path.relative(root, file), line, set }]);
        return name;
      });
    };
    const loadThrough = (type: ts.Type, loadPath: string, node: ts.Node): void => {
      let current: ts.Type | null = type;
      for (const step of loadPath.split("/").filter(Boolean)) {
        const property: ts.Symbol | undefined = current ? itemType(checker, current).getProperty(step) : undefined;
        if (!property) throw new Error(`${source.fileName}: cannot resolve "${loadPath}" at "${step}"`);
        record(property, node);
        current = checker.getTypeOfSymbolAtLocation(property, node);
      }
    };
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node)) {
        const symbol = checker.getSymbolAtLocation(node.name);
        const members = record(symbol, node.name);
        const call = node.parent;
        if (
          members.includes("OfficeExtension.ClientObject.load") &&
          ts.isCallExpression(call) &&
          call.expression === node &&
          call.arguments[0]
        ) {
          const receiver = checker.getTypeAtLocation(node.expression);
          for (const loadPath of loadPaths(call.arguments[0])) loadThrough(receiver, loadPath, call);
        }
      } else if (ts.isObjectLiteralExpression(node)) {
        const contextual = checker.getContextualType(node);
        for (const property of node.properties) {
          if (!property.name || !(ts.isIdentifier(property.name) || ts.isStringLiteral(property.name))) continue;
          const key = property.name.text;
          const declared = contextual?.getProperty(key) ?? contextual?.getNonNullableType().getProperty(key);
          record(declared, property);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    ownViews(checker, source, root, ownTyped);
  }
  return { typed: used, ownTyped };
}
