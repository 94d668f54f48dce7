/**
 * Test helpers for the .xlsx adapter: fixtures, a check as the command line runs it, and the
 * third-party programs (openpyxl, LibreOffice) that must open what the product writes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type ExcelJS from "exceljs";
import { describeAnnotations, type Annotations } from "../../src/domain/annotations";
import { checkWorkbook, type CheckResult } from "../../src/domain/check";
import { tablesByName } from "../../src/domain/tables";
import { applyAnnotations, loadWorkbook, readTables, saveWorkbook } from "../../src/xlsx";
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

/** ExcelJS declares its own global `Buffer`, which Node's Buffer type no longer matches. */
export function forExcelJS(bytes: Uint8Array): Parameters<ExcelJS.Xlsx["load"]>[0] {
  return bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0];
}

export function tempDir(): string {
  return mkdtempSync(path.join(tmpdir(), "workplan-xlsx-"));
}

export function check(workbook: ExcelJS.Workbook, expectedEnd?: ReadonlyMap<number, number>): CheckResult {
  return checkWorkbook(tablesByName(readTables(workbook)), {
    currentYear: 2026,
    ...(expectedEnd ? { expectedEnd } : {}),
  });
}

export function annotationsFor(workbook: ExcelJS.Workbook, expectedEnd?: ReadonlyMap<number, number>): Annotations {
  return describeAnnotations(tablesByName(readTables(workbook)), check(workbook, expectedEnd), "2026-11-23 09:30 UTC");
}

/** Loads a file, applies a check's annotations and saves the result; returns the saved path. */
export async function checkedCopy(
  input: string,
  output: string,
  expectedEnd?: ReadonlyMap<number, number>,
): Promise<string> {
  const workbook = await loadWorkbook(input);
  applyAnnotations(workbook, annotationsFor(workbook, expectedEnd));
  await saveWorkbook(workbook, output);
  return output;
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
