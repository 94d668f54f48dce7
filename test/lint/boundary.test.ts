import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");

/** Lints code as if it were the given file, with the project's own ESLint configuration. */
async function lintAs(file: string, code: string): Promise<string[]> {
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/eslint/bin/eslint.js"), "--format", "json", "--stdin", "--stdin-filename", file],
    { cwd: root, input: code, encoding: "utf8" },
  );
  const [result] = JSON.parse(run.stdout) as { messages: { ruleId: string; message: string }[] }[];
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe("the src/domain import boundary", () => {
  it.each([
    ["src/domain/check.ts", 'import ExcelJS from "exceljs";\nexport const x = ExcelJS;\n'],
    ["src/domain/check.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    ["src/domain/check.ts", 'import fs from "fs";\nexport const x = fs;\n'],
    ["src/domain/check.ts", 'import { main } from "../cli/main";\nexport const x = main;\n'],
    ["src/domain/rules/lastTopic.ts", 'import { x as y } from "../../xlsx/read";\nexport const x = y;\n'],
    ["src/domain/rules/lastTopic.ts", 'import React from "react";\nexport const x = React;\n'],
  ])("rejects in %s: %s", async (file, code) => {
    const messages = await lintAs(file, code);
    expect(messages.some((m) => m.startsWith("no-restricted-imports"))).toBe(true);
  });

  it("accepts imports inside the domain", async () => {
    expect(
      await lintAs(
        "src/domain/rules/x.ts",
        'import { RULES } from "./index";\nimport { a1 } from "../tables";\nexport const x = [RULES, a1];\n',
      ),
    ).toEqual([]);
  });

  it("lets adapters import the domain", async () => {
    expect(
      await lintAs(
        "src/cli/x.ts",
        'import { a1 } from "../domain/tables";\nimport fs from "node:fs";\nexport const x = [a1, fs];\n',
      ),
    ).toEqual([]);
  });
});

describe("src/devtools runs in a browser page too", () => {
  it.each([
    ["src/devtools/harness.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    [
      "src/devtools/fakeExcel/office.ts",
      'import { OfficeMockObject } from "office-addin-mock";\nexport const x = OfficeMockObject;\n',
    ],
  ])("rejects in %s: %s", async (file, code) => {
    expect((await lintAs(file, code)).some((m) => m.startsWith("no-restricted-imports"))).toBe(true);
  });
});

describe("the two adapters meet only in src/domain", () => {
  it.each([
    ["src/xlsx/file.ts", 'import { readTables } from "../office/read";\nexport const x = readTables;\n'],
    ["src/xlsx/parts/sheet.ts", 'import { readTables } from "../../office";\nexport const x = readTables;\n'],
    ["src/office/write.ts", 'import { openPackage } from "../xlsx";\nexport const x = openPackage;\n'],
    ["src/office/write.ts", 'import { Pane } from "../taskpane/Pane";\nexport const x = Pane;\n'],
    ["src/cli/main.ts", 'import { checkWorkbook } from "../office";\nexport const x = checkWorkbook;\n'],
  ])("rejects in %s: %s", async (file, code) => {
    expect((await lintAs(file, code)).some((m) => m.startsWith("no-restricted-imports"))).toBe(true);
  });

  it("lets each adapter import the domain's description", async () => {
    const code = 'import { describeCheck } from "../domain/write";\nexport const x = describeCheck;\n';
    expect(await lintAs("src/xlsx/apply.ts", code)).toEqual([]);
    expect(await lintAs("src/office/apply.ts", code)).toEqual([]);
  });
});
