/**
 * The command line as `bin/workplan.js` runs it, from the sources as they are now: the .ts files
 * of src/ transpiled (TypeScript's transpileModule, no type check) into a folder
 * under node_modules/.cache, so that a test can run it in a child process (a size limit, a pipe
 * closed early) without depending on a stale lib/.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import ts from "typescript";

const ROOT = path.join(__dirname, "..", "..");

function transpileTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    const source = path.join(from, entry.name);
    if (entry.isDirectory()) transpileTree(source, path.join(to, entry.name));
    else if (entry.name.endsWith(".ts")) {
      const output = ts.transpileModule(readFileSync(source, "utf8"), {
        compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true },
        fileName: source,
      });
      writeFileSync(path.join(to, entry.name.replace(/\.ts$/, ".js")), output.outputText);
    }
  }
}

export interface CompiledCli {
  /** The executable: bin/workplan.js, loading the transpiled sources. */
  bin: string;
  remove(): void;
}

export function compileCli(): CompiledCli {
  const dir = path.join(ROOT, "node_modules", ".cache", "workplan-cli-test", `${process.pid}-${Date.now()}`);
  transpileTree(path.join(ROOT, "src"), path.join(dir, "lib"));
  const bin = path.join(dir, "bin", "workplan.js");
  mkdirSync(path.dirname(bin), { recursive: true });
  writeFileSync(bin, readFileSync(path.join(ROOT, "bin", "workplan.js")));
  return { bin, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
