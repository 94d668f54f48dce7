// The pane's message catalogue (src/taskpane/messages.ts) for the scripts, compiled in memory with
// TypeScript: a script finds the pane's states by the words the pane shows, never by a copy of them
// that would go stale when the wording changes.
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const SRC = path.join(__dirname, "..", "src");

// Under jest, ts-jest compiles the TypeScript; under node, this hook does, for our own sources only.
if (!require.extensions[".ts"]) {
  require.extensions[".ts"] = (module, file) => {
    if (!file.startsWith(SRC)) throw new Error(`${file}: only the project's own TypeScript is compiled here`);
    const { outputText } = ts.transpileModule(fs.readFileSync(file, "utf8"), {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020, esModuleInterop: true },
      fileName: file,
    });
    module._compile(outputText, file);
  };
}

const { message } = require("../src/taskpane/messages.ts");

/** A regular expression matching `text` literally. */
const literal = (text) => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));

/** "Wrote the sheet “{sheet}”…" → a pattern for the text before the first parameter, at the start. */
const startOf = (id) => new RegExp(`^${literal(message(id).split("{")[0]).source}`);

module.exports = { message, literal, startOf };
