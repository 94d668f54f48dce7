/**
 * The .xlsx interpreter patches the user's package: every part no operation is about comes out
 * byte for byte as it went in; the parts the operations touch keep the user's content; openpyxl
 * and LibreOffice open the result.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { SheetOp } from "../../src/domain/sheetOps";
import {
  applyOps,
  cellValueAt,
  emptyPackage,
  openPackage,
  readWorkbookState,
  writePackage,
  type XlsxPackage,
} from "../../src/xlsx";
import { sheetCells } from "../../src/xlsx/ooxml/sheetCells";
import { definedNames } from "../../src/xlsx/ooxml/state";
import { corpusFiles } from "./corpus";
import { topLevelOrder } from "./schemaOrder";
import { fixture, FIXTURE_NAMES } from "./support";

const OURS = "WorkplanChecks";
const FREE_TEXT = "Workplan Checker test";

/** The worksheet the ops write on besides their own: one with notes when there is one. */
function userSheet(pkg: XlsxPackage): string {
  const state = readWorkbookState(pkg);
  const worksheets = pkg.sheets.filter((s) => s.kind === "worksheet" && s.part !== undefined);
  const noted = worksheets.find((s) =>
    [...state.noteCells].some((cell) => cell.startsWith(`${s.name.toLowerCase()}!`)),
  );
  return (noted ?? worksheets[0])?.name ?? "";
}

function representativeOps(pkg: XlsxPackage): { ops: SheetOp[]; user: string; freeRow: number } {
  const user = userSheet(pkg);
  const used = readWorkbookState(pkg).sheets.find((s) => s.name === user)?.used;
  const freeRow = Math.max(used?.bottom ?? 0, ...userRows(pkg, user)) + 2;
  const area = { top: 1, left: 1, bottom: 3, right: 3 };
  const ops: SheetOp[] = [
    { op: "addSheet", sheet: OURS, visibility: "visible" },
    {
      op: "setValues",
      sheet: OURS,
      top: 1,
      left: 1,
      values: [
        ["Severity", "Rule", "Where"],
        ["error", "=1+1 stays text", "Workplan!E7"],
        [1, true, "A & <b>"],
        ["warning", null, "last"],
      ],
    },
    { op: "addTable", sheet: OURS, table: "WorkplanTestTable", area, style: "TableStyleMedium2" },
    { op: "resizeTable", sheet: OURS, table: "WorkplanTestTable", area: { ...area, bottom: 4 } },
    {
      op: "addRule",
      sheet: OURS,
      area: { top: 2, left: 1, bottom: 4, right: 3 },
      formula: '$A2="error"',
      format: { fill: "FFC7CE", fontColor: "9C0006", bold: true, border: "9C0006" },
    },
    { op: "addNote", sheet: OURS, row: 2, column: 1, text: "Workplan Checker:\nA note", width: 240, height: 80 },
    { op: "setName", name: "WorkplanTestList", reference: `='${OURS}'!$A$2:$A$4` },
    { op: "listValidation", sheet: OURS, area: { top: 2, left: 2, bottom: 4, right: 2 }, source: "=WorkplanTestList" },
    { op: "format", sheet: OURS, area: { top: 1, left: 1, bottom: 1, right: 3 }, format: { bold: true, wrap: true } },
    {
      op: "format",
      sheet: OURS,
      area: { top: 2, left: 3, bottom: 4, right: 3 },
      format: { fill: "DDEBF7", border: "1F4E79" },
    },
    { op: "columnWidth", sheet: OURS, column: 2, width: 30 },
    { op: "rowHeight", sheet: OURS, row: 1, height: 30 },
    { op: "freezeRows", sheet: OURS, rows: 1 },
    {
      op: "pageSetup",
      sheet: OURS,
      landscape: true,
      fitToWidth: true,
      titleRows: { top: 1, bottom: 1 },
      footer: "Page &P of &N",
    },
    { op: "tabColor", sheet: OURS, color: "1F4E79" },
    // Two merges, one undone by an unmerge over part of it; a page break asked for twice.
    { op: "merge", sheet: OURS, area: { top: 6, left: 1, bottom: 6, right: 3 } },
    { op: "merge", sheet: OURS, area: { top: 7, left: 1, bottom: 7, right: 3 } },
    { op: "unmerge", sheet: OURS, area: { top: 7, left: 2, bottom: 7, right: 2 } },
    { op: "pageBreak", sheet: OURS, row: 3 },
    { op: "pageBreak", sheet: OURS, row: 3 },
    { op: "addSheet", sheet: "WorkplanHidden", visibility: "veryHidden" },
    { op: "setValues", sheet: "WorkplanHidden", top: 1, left: 1, values: [["a"], ["_x0041_ stays\r\nas typed\u0001"]] },
    { op: "setValues", sheet: user, top: freeRow, left: 1, values: [[FREE_TEXT]] },
    { op: "addNote", sheet: user, row: freeRow, column: 1, text: "Workplan Checker: here", width: 200, height: 60 },
    {
      op: "addRule",
      sheet: user,
      area: { top: freeRow, left: 1, bottom: freeRow, right: 1 },
      formula: 'A1="x"',
      format: { fill: "FFEB9C", fontColor: "9C5700" },
    },
    { op: "activate", sheet: OURS },
  ];
  return { ops, user, freeRow };
}

function userRows(pkg: XlsxPackage, sheet: string): number[] {
  const part = pkg.sheet(sheet)?.part;
  return part === undefined ? [] : [sheetCells(pkg, part).rows.at(-1)?.row ?? 0];
}

async function partsOf(bytes: Uint8Array): Promise<Map<string, Buffer>> {
  const zip = await JSZip.loadAsync(bytes);
  const parts = new Map<string, Buffer>();
  for (const file of Object.values(zip.files)) if (!file.dir) parts.set(file.name, await file.async("nodebuffer"));
  return parts;
}

/** Every cell value of every worksheet, by `sheet!row:column`. */
function allValues(pkg: XlsxPackage): Map<string, unknown> {
  const values = new Map<string, unknown>();
  for (const sheet of pkg.sheets) {
    if (sheet.part === undefined || sheet.kind !== "worksheet") continue;
    for (const { row, cells } of sheetCells(pkg, sheet.part).rows) {
      for (const { column } of cells)
        values.set(`${sheet.name}!${row}:${column}`, cellValueAt(pkg, sheet.name, row, column));
    }
  }
  return values;
}

const PYTHON = "/usr/bin/python3";
const OPENPYXL_SUMMARY = `
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb["${OURS}"]
print(json.dumps({
  "sheets": wb.sheetnames,
  "states": {s.title: s.sheet_state for s in wb.worksheets},
  "values": [[c.value for c in row] for row in ws.iter_rows(min_row=1, max_row=4, max_col=3)],
  "tables": {n: r for n, r in ws.tables.items()},
  "note": ws["A2"].comment.text if ws["A2"].comment else None,
  "validations": [str(dv.sqref) + " " + str(dv.formula1) for dv in ws.data_validations.dataValidation],
  "rules": [str(r.sqref) for r in ws.conditional_formatting],
  "ruleFills": [rule.dxf.fill.bgColor.rgb for r in ws.conditional_formatting for rule in r.rules],
  "freeze": ws.freeze_panes,
  "titles": str(ws.print_title_rows),
  "landscape": ws.page_setup.orientation,
  "bold": bool(ws["A1"].font.b),
  "width": ws.column_dimensions["B"].width,
  "names": sorted(d.name for d in wb.defined_names.definedName),
  "merged": sorted(str(r) for r in ws.merged_cells.ranges),
  "breaks": [b.id + 1 for b in ws.row_breaks.brk],
}, default=str))
`;

interface Summary {
  sheets: string[];
  states: Record<string, string>;
  values: unknown[][];
  tables: Record<string, string>;
  note: string | null;
  validations: string[];
  rules: string[];
  ruleFills: string[];
  freeze: string | null;
  titles: string;
  landscape: string;
  bold: boolean;
  width: number;
  names: string[];
  merged: string[];
  breaks: number[];
}

function openpyxlSummary(file: string): Summary {
  const out = execFileSync(PYTHON, ["-c", OPENPYXL_SUMMARY, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });
  return JSON.parse(out) as Summary;
}

/** Saves the files again with LibreOffice (one run); returns the path of each copy, or null where it wrote none. */
function resavedByLibreOffice(files: string[]): (string | null)[] {
  const outDir = mkdtempSync(path.join(tmpdir(), "workplan-lo-out-"));
  const profile = `file://${mkdtempSync(path.join(tmpdir(), "workplan-lo-profile-"))}`;
  execFileSync(
    "soffice",
    [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "xlsx", "--outdir", outDir, ...files],
    { stdio: "ignore", timeout: 300_000 },
  );
  return files.map((file) => {
    const copy = path.join(outDir, `${path.parse(file).name}.xlsx`);
    return existsSync(copy) ? copy : null;
  });
}

const inputs = [...FIXTURE_NAMES.map((name) => fixture(name)), ...corpusFiles()];
const outDir = mkdtempSync(path.join(tmpdir(), "workplan-patch-"));
const written: string[] = [];

describe("applying a representative op list keeps the user's package", () => {
  it.each(inputs)("%s", async (input) => {
    const before = readFileSync(input);
    const pkg = await openPackage(before, path.basename(input));
    const original = await openPackage(before, path.basename(input));
    const { ops, user, freeRow } = representativeOps(pkg);
    const userPart = pkg.sheet(user)?.part ?? "";
    applyOps(pkg, ops);
    const after = await writePackage(pkg);

    const [inParts, outParts] = [await partsOf(before), await partsOf(after)];
    const touched = new Set(pkg.touchedParts());
    for (const [name, bytes] of inParts) {
      if (!touched.has(name)) expect([name, outParts.get(name)?.equals(bytes)]).toEqual([name, true]);
    }
    const userTouched = [...touched].filter((name) => inParts.has(name)).sort();
    const allowed = [
      "[Content_Types].xml",
      pkg.workbookPart,
      `xl/_rels/${path.basename(pkg.workbookPart)}.rels`,
      userPart,
      `${path.dirname(userPart)}/_rels/${path.basename(userPart)}.rels`,
      ...pkg
        .relationships(userPart)
        .filter((r) => r.kind === "comments" || r.kind === "vmlDrawing")
        .map((r) => r.target),
      ...pkg.related(pkg.workbookPart, "styles").map((r) => r.target),
      // activating our sheet unselects the tab that was selected
      ...original.sheets
        .filter((s) => s.part && original.loaded(s.part) && /tabSelected="(1|true)"/.test(original.text(s.part)))
        .map((s) => s.part),
    ];
    expect(userTouched.filter((name) => !allowed.includes(name))).toEqual([]);
    if (input.endsWith(".xlsm")) {
      expect(outParts.get("xl/vbaProject.bin")?.equals(inParts.get("xl/vbaProject.bin") ?? Buffer.alloc(0))).toBe(true);
      expect(outParts.get("[Content_Types].xml")?.toString()).toContain("application/vnd.ms-excel.sheet.macroEnabled");
    }
    for (const sheet of pkg.sheets) {
      if (sheet.kind === "worksheet" && sheet.part !== undefined && touched.has(sheet.part)) {
        topLevelOrder(outParts.get(sheet.part)?.toString() ?? "");
      }
    }

    const reopened = await openPackage(after, "out");
    const [was, now] = [allValues(original), allValues(reopened)];
    for (const [cell, value] of was) expect([cell, now.get(cell)]).toEqual([cell, value]);
    expect(cellValueAt(reopened, user, freeRow, 1)).toBe(FREE_TEXT);
    expect(cellValueAt(reopened, "WorkplanHidden", 2, 1)).toBe("_x0041_ stays\r\nas typed\u0001");
    const namesBefore = definedNames(original);
    const namesAfter = definedNames(reopened);
    for (const [key, name] of namesBefore) expect(namesAfter.get(key)).toEqual(name);
    const stateBefore = readWorkbookState(original);
    const stateAfter = readWorkbookState(reopened);
    for (const cell of stateBefore.noteCells) expect(stateAfter.noteCells).toContain(cell);
    expect(stateAfter.noteCells).toContain(`${user}!a${freeRow}`.toLowerCase());
    expect(stateAfter.sheets.find((s) => s.name === "WorkplanHidden")?.visibility).toBe("veryHidden");

    const file = path.join(outDir, path.basename(input));
    writeFileSync(file, after);
    written.push(file);
    const summary = openpyxlSummary(file);
    expect(summary.sheets).toEqual([...original.sheets.map((s) => s.name), OURS, "WorkplanHidden"]);
    expect(summary.values).toEqual([
      ["Severity", "Rule", "Where"],
      ["error", "=1+1 stays text", "Workplan!E7"],
      [1, true, "A & <b>"],
      ["warning", null, "last"],
    ]);
    expect(summary).toMatchObject({
      tables: { WorkplanTestTable: "A1:C4" },
      note: "Workplan Checker:\nA note",
      validations: ["B2:B4 WorkplanTestList"],
      rules: ["A2:C4"],
      ruleFills: ["FFFFC7CE"],
      freeze: "A2",
      titles: "$1:$1",
      landscape: "landscape",
      bold: true,
      width: 30,
      states: { WorkplanHidden: "veryHidden" },
      merged: ["A6:C6"],
      breaks: [3],
    });
    expect(summary.names).toContain("WorkplanTestList");
  });

  it("an empty package takes the same op list and opens in openpyxl", async () => {
    const pkg = await emptyPackage();
    applyOps(pkg, [{ op: "addSheet", sheet: "Workplan", visibility: "visible" }]);
    const { ops } = representativeOps(pkg);
    applyOps(pkg, ops);
    const file = path.join(outDir, "new-workbook.xlsx");
    writeFileSync(file, await writePackage(pkg));
    written.push(file);
    const summary = openpyxlSummary(file);
    expect(summary.sheets).toEqual(["Workplan", OURS, "WorkplanHidden"]);
    expect(summary).toMatchObject({ tables: { WorkplanTestTable: "A1:C4" }, note: "Workplan Checker:\nA note" });
  });

  it("LibreOffice reads every patched file: our sheets, values and note survive its own save", async () => {
    expect(written.length).toBe(inputs.length + 1);
    const copies = resavedByLibreOffice(written);
    for (const [i, copy] of copies.entries()) {
      expect([written[i], copy !== null]).toEqual([written[i], true]);
      const pkg = await openPackage(readFileSync(copy ?? ""), "copy");
      expect([written[i], cellValueAt(pkg, OURS, 1, 1), cellValueAt(pkg, OURS, 3, 3)]).toEqual([
        written[i],
        "Severity",
        "A & <b>",
      ]);
      expect([written[i], readWorkbookState(pkg).noteCells.has(`${OURS.toLowerCase()}!a2`)]).toEqual([
        written[i],
        true,
      ]);
    }
  }, 300_000);
});
