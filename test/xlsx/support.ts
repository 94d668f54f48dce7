/**
 * Test helpers for the .xlsx adapter: fixtures, a check as the command line runs it, and the
 * third-party programs (openpyxl, LibreOffice) that must open what the product writes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { describeAnnotations, type Annotations } from "../../src/domain/annotations";
import { checkWorkbook, type CheckResult } from "../../src/domain/check";
import { tablesByName, type SheetTable } from "../../src/domain/tables";
import { describeCheck } from "../../src/domain/write";
import { openWorkbookFile, patchedBytes, readAllTables, readWorkbookState } from "../../src/xlsx";
import { toolPath } from "../support/tools";

export const FIXTURES = path.join(__dirname, "..", "fixtures");
export const fixture = (name: string): string => path.join(FIXTURES, name);

export const FIXTURE_NAMES = [
  "default.xlsx",
  "libreoffice-resaved.xlsx",
  "openpyxl-edited.xlsx",
  "moved-sorted-extra.xlsx",
  "user-formatting.xlsx",
] as const;

/** The what-if of the paper's scenario: cluster 2's review ends two years late. */
export const SLIP = new Map([[2, 2032]]);

/** The time the check writes above the Conflicts table, fixed so that two runs can be compared. */
export const CHECKED_AT = "2026-11-23 09:30 UTC";

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "workplan-xlsx-"));
}

/** The tables of a file, as the command line reads them (the package reader). */
export async function tablesOf(file: string): Promise<SheetTable[]> {
  return readAllTables(await openWorkbookFile(file));
}

export function check(tables: readonly SheetTable[], expectedEnd?: ReadonlyMap<number, number>): CheckResult {
  return checkWorkbook(tablesByName([...tables]), {
    currentYear: 2026,
    ...(expectedEnd ? { expectedEnd } : {}),
  });
}

export function annotationsFor(tables: readonly SheetTable[], expectedEnd?: ReadonlyMap<number, number>): Annotations {
  return describeAnnotations(tablesByName([...tables]), check(tables, expectedEnd), CHECKED_AT);
}

/** What `check FILE --out OUT` writes: the check's one description applied to the input's package. */
export async function checkedBytes(input: string, expectedEnd?: ReadonlyMap<number, number>): Promise<Buffer> {
  const pkg = await openWorkbookFile(input);
  const state = readWorkbookState(pkg);
  return patchedBytes(pkg, describeCheck(state, annotationsFor(state.tables, expectedEnd)).ops);
}

/** Writes a checked copy of a file (as `check --out` does); returns the written path. */
export async function checkedCopy(
  input: string,
  output: string,
  expectedEnd?: ReadonlyMap<number, number>,
): Promise<string> {
  writeFileSync(output, await checkedBytes(input, expectedEnd));
  return output;
}

/** ExcelJS, as an independent reader of what the product wrote (it is no part of the product). */
export async function readWithExcelJS(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

// ---- openpyxl ----

const PYTHON = "/usr/bin/python3";

export interface Description {
  sheets: SheetDescription[];
  definedNames: { name: string; scope: number | null; value: string; hidden: boolean }[];
}

export interface SheetDescription {
  name: string;
  state: string;
  freeze: string | null;
  widths: Record<string, number>;
  tables: {
    name: string;
    ref: string;
    headerRowCount: number;
    style: string | null;
    autoFilter: string | null;
    hiddenButtons: number[];
    columns: string[];
  }[];
  validations: { sqref: string; type: string; formula1: string; showDropDown: boolean }[];
  conditionalFormats: {
    sqref: string;
    type: string;
    priority: number;
    formula: string[];
    stopIfTrue: boolean;
    dxf: unknown;
  }[];
  notes: Record<string, string>;
  fills: Record<string, unknown>;
  merged: string[];
  hyperlinks: Record<string, string>;
}

/** What openpyxl reads from a file (test/fixtures/describe_workbook.py). */
export function describeWithOpenpyxl(file: string): Description {
  const out = execFileSync(toolPath("openpyxl") ?? PYTHON, [fixture("describe_workbook.py"), file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(out) as Description;
}

export function sheetOf(description: Description, name: string): SheetDescription {
  const sheet = description.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`openpyxl sees no sheet ${name}`);
  return sheet;
}

// ---- LibreOffice ----

/** Converts files with LibreOffice headless; returns the paths it wrote (throws if it fails). */
export function convertWithLibreOffice(files: string[], format: "xlsx" | "csv", outDir: string): string[] {
  const profile = `file://${mkdtempSync(path.join(tmpdir(), "workplan-lo-profile-"))}`;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", format, "--outdir", outDir, ...files],
    { stdio: "ignore", timeout: 180_000 },
  );
  const written = files.map((file) => path.join(outDir, `${path.basename(file, ".xlsx")}.${format}`));
  const missing = written.filter((file) => !existsSync(file));
  if (missing.length > 0) throw new Error(`LibreOffice did not write ${missing.join(", ")}`);
  return written;
}
