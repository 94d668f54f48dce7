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

describe("the fake Excel (test/support/fakeExcel) runs in a browser page too", () => {
  it.each([
    ["test/support/fakeExcel/harness.ts", 'import { readFileSync } from "node:fs";\nexport const x = readFileSync;\n'],
    [
      "test/support/fakeExcel/office.ts",
      'import { OfficeMockObject } from "office-addin-mock";\nexport const x = OfficeMockObject;\n',
    ],
  ])("rejects in %s: %s", async (file, code) => {
    expect((await lintAs(file, code)).some((m) => m.startsWith("no-restricted-imports"))).toBe(true);
  });
});

describe("the two adapters meet only in src/domain", () => {
  it.each([
    ["src/xlsx/file.ts", 'import { readWorkbookState } from "../office/state";\nexport const x = readWorkbookState;\n'],
    [
      "src/xlsx/parts/sheet.ts",
      'import { readWorkbookState } from "../../office";\nexport const x = readWorkbookState;\n',
    ],
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

describe("src/taskpane reaches Excel only through its port, src/taskpane/workbook.ts", () => {
  const portOnly = (messages: string[]) =>
    messages.some(
      (m) =>
        m.includes("src/taskpane reaches Excel only through its port") ||
        m.startsWith("@typescript-eslint/triple-slash-reference"),
    );

  it.each([
    ["src/taskpane/Pane.tsx", 'import { describeApplyChanges } from "../office/whatIf";\nexport const x = 1;\n'],
    ["src/taskpane/live.ts", 'import type { TableChange } from "../office";\nexport type X = TableChange;\n'],
    [
      "src/taskpane/components/Findings.tsx",
      'import { runBatch } from "../../office/run";\nexport const x = runBatch;\n',
    ],
    ["src/taskpane/start.tsx", 'import office from "@microsoft/office-js";\nexport const x = office;\n'],
    ["src/taskpane/theme.ts", '/// <reference types="office-js" />\nexport const x = 1;\n'],
    ["src/taskpane/start.tsx", "export const excel = Office.HostType.Excel;\n"],
    ["src/taskpane/state.ts", "export type X = Excel.RequestContext;\n"],
    ["src/taskpane/state.ts", "export type X = typeof Office;\n"],
  ])("rejects in %s: %s", async (file, code) => {
    expect(portOnly(await lintAs(file, code))).toBe(true);
  });

  it("lets the port import the Office.js adapter, and the pane import the port and the domain", async () => {
    expect(
      await lintAs(
        "src/taskpane/workbook.ts",
        'import { readWorkbook } from "../office";\nexport const x = readWorkbook;\n',
      ),
    ).toEqual([]);
    expect(
      await lintAs(
        "src/taskpane/Pane.tsx",
        'import { isOutputOnly } from "./workbook";\nimport { a1 } from "../domain/tables";\nexport const x = ' +
          "[isOutputOnly, a1];\n",
      ),
    ).toEqual([]);
  });

  it("keeps the pane's functions to 120 lines: its state lives in the reducer, not in one long component", async () => {
    const body = Array.from({ length: 121 }, (_, i) => `  const v${i} = ${i};`).join("\n");
    const code = `export function Long() {\n${body}\n  return v0;\n}\n`;
    expect((await lintAs("src/taskpane/Pane.tsx", code)).some((m) => m.startsWith("max-lines-per-function"))).toBe(
      true,
    );
  });

  it("holds today: no file of src/taskpane but the port imports src/office or names Office.js's types", () => {
    const run = spawnSync(
      process.execPath,
      [path.join(root, "node_modules/eslint/bin/eslint.js"), "--format", "json", "src/taskpane"],
      { cwd: root, encoding: "utf8" },
    );
    const results = JSON.parse(run.stdout) as { filePath: string; messages: { message: string }[] }[];
    expect(results.length).toBeGreaterThan(10);
    expect(results.flatMap((r) => r.messages.map((m) => `${r.filePath}: ${m.message}`))).toEqual([]);
  });
});
