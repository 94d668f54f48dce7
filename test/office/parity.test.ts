/**
 * The one description of what to write, through both interpreters: the Office.js adapter on the
 * fake Excel, and the package patcher (src/xlsx/ooxml) the command line writes through, on the same
 * workbook. What a user sees must be the same: every cell's value on every sheet, the sheets and
 * their visibility, the tables and their areas, the product's rules, the notes and the defined
 * names. The package side is read back by openpyxl, a reader of its own. Cases: create, check, twice
 * is once, clear, the proposal sheet, apply, save expected dates, and the Conflicts sheet's two
 * hard cases (the user's text and no table; a user's cell where the table would grow).
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describeApply, describeExpectedEnds } from "../../src/domain/apply";
import { checkTime, describeAnnotations } from "../../src/domain/annotations";
import { checkWorkbook as engineCheck } from "../../src/domain/check";
import { describeProposalSheet, type ProposalSheet } from "../../src/domain/proposalSheet";
import { formulaKey, type SheetOp, type WorkbookState } from "../../src/domain/sheetOps";
import { TIMELINE_SHEET } from "../../src/domain/timeline";
import { findTable, tablesByName } from "../../src/domain/tables";
import { whatIf } from "../../src/domain/whatIf";
import {
  cellEditOps,
  describeApplyWrite,
  describeCheck,
  describeClear,
  describeProposalSheetOps,
  type CheckWrite,
} from "../../src/domain/write";
import {
  applyProposal,
  checkWorkbook,
  clearHighlights,
  createDefaultWorkbook,
  readWorkbook,
  saveExpectedEnds,
  writeProposalSheet,
  type ProposalBasis,
} from "../../src/office";
import {
  adoptedPackage,
  applyOps,
  cellValueAt,
  openPackage,
  readWorkbookState,
  writePackage,
  type XlsxPackage,
} from "../../src/xlsx";
import { sheetCells } from "../../src/xlsx/ooxml/sheetCells";
import { tableParts } from "../../src/xlsx/ooxml/state";
import { areaName, cellName, createFakeExcel, withOffice, type FakeExcel } from "../support/fakeExcel";
import { requireTool, toolPath } from "../support/tools";

const NOW = new Date("2026-11-23T17:50:00Z");
const OPTIONS = { currentYear: NOW.getFullYear() };
const SLIP = new Map([[2, 2032]]);
const dir = mkdtempSync(path.join(tmpdir(), "workplan-parity-"));

/** What a user sees of a workbook. */
interface Seen {
  sheets: string[];
  values: Record<string, Record<string, unknown>>;
  tables: string[];
  rules: string[];
  notes: string[];
  names: string[];
}

function seenInFake(excel: FakeExcel): Seen {
  const model = excel.model;
  const values: Seen["values"] = {};
  for (const sheet of model.sheets) {
    const cells: Record<string, unknown> = {};
    const used = sheet.usedArea(true);
    if (used)
      for (let r = used.top; r <= used.bottom; r++)
        for (let c = used.left; c <= used.right; c++) {
          const value = sheet.cell(r, c)?.value;
          if (value !== undefined && value !== null && value !== "") cells[cellName(r, c)] = value;
        }
    values[sheet.name] = cells;
  }
  return {
    sheets: model.sheets.map((s) => `${s.name}: ${s.visibility.replace(/^./, (l) => l.toLowerCase())}`),
    values,
    tables: model.tables.map((t) => `${t.name} on ${t.sheet.name}!${areaName(t.area)}`).sort(),
    rules: model.sheets
      .flatMap((s) => s.conditionalFormats.map((f) => `${s.name}!${areaName(f.area)}: ${formulaKey(f.formula ?? "")}`))
      .sort(),
    notes: model.sheets.flatMap((s) => s.orderedNotes().map((n) => `${s.name}!${n.cell}: ${n.content}`)).sort(),
    names: model.names.map((n) => `${n.name} = ${formulaKey(n.formula)}`).sort(),
  };
}

const DESCRIBE =
  "import json, sys, openpyxl\n" +
  "wb = openpyxl.load_workbook(sys.argv[1])\n" +
  "rules, notes = [], []\n" +
  "for ws in wb.worksheets:\n" +
  "  for cf in ws.conditional_formatting:\n" +
  "    for r in cf.rules: rules.append(ws.title + '!' + str(cf.sqref) + ': ' + (r.formula or [''])[0])\n" +
  "  for row in ws.iter_rows():\n" +
  "    for c in row:\n" +
  "      if c.comment: notes.append(ws.title + '!' + c.coordinate + ': ' + c.comment.text)\n" +
  "names = [d.name + ' = ' + d.attr_text for d in wb.defined_names.definedName]\n" +
  "print(json.dumps({'rules': rules, 'notes': notes, 'names': names}))\n";

async function seenInPackage(pkg: XlsxPackage): Promise<Seen> {
  const file = path.join(dir, `seen-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await writePackage(pkg));
  const reread = await openPackage(await writePackage(pkg));
  const values: Seen["values"] = {};
  for (const sheet of reread.sheets) {
    const cells: Record<string, unknown> = {};
    if (sheet.part !== undefined)
      for (const [row, columns] of sheetCells(reread, sheet.part).byRow)
        for (const column of columns.keys()) {
          const value = cellValueAt(reread, sheet.name, row, column);
          if (value !== null && value !== "") cells[cellName(row, column)] = value;
        }
    values[sheet.name] = cells;
  }
  const out = execFileSync(toolPath("openpyxl") ?? "/usr/bin/python3", ["-c", DESCRIBE, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  const read = JSON.parse(out) as { rules: string[]; notes: string[]; names: string[] };
  return {
    sheets: reread.sheets.map((s) => `${s.name}: ${s.visibility}`),
    values,
    tables: tableParts(reread)
      .map((t) => `${t.name} on ${t.sheet.name}!${areaName(t.area)}`)
      .sort(),
    rules: read.rules.map((rule) => rule.replace(/: (.*)$/, (_, formula: string) => `: ${formulaKey(formula)}`)).sort(),
    notes: read.notes.sort(),
    names: read.names.map((name) => name.replace(/ = (.*)$/, (_, f: string) => ` = ${formulaKey(f)}`)).sort(),
  };
}

const PRINT_SETUP =
  "import openpyxl, sys, json\n" +
  "ws = openpyxl.load_workbook(sys.argv[1])['Timeline']\n" +
  "pr = ws.sheet_properties.pageSetUpPr\n" +
  "print(json.dumps({'cols': ws.print_title_cols, 'rows': ws.print_title_rows, " +
  "'order': ws.page_setup.pageOrder, 'scale': ws.page_setup.scale, 'fit': bool(pr and pr.fitToPage), " +
  "'merged': sorted(str(r) for r in ws.merged_cells.ranges)}))\n";

/** The Timeline's print settings as openpyxl reads them from the package. */
async function printSetup(pkg: XlsxPackage): Promise<Record<string, unknown>> {
  const file = path.join(dir, `print-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await writePackage(pkg));
  const out = execFileSync(toolPath("openpyxl") ?? "/usr/bin/python3", ["-c", PRINT_SETUP, file], { encoding: "utf8" });
  return JSON.parse(out) as Record<string, unknown>;
}

const PAGE_BREAKS =
  "import openpyxl, sys, json\n" +
  "ws = openpyxl.load_workbook(sys.argv[1])[sys.argv[2]]\n" +
  "print(json.dumps({'breaks': [b.id + 1 for b in ws.row_breaks.brk], 'titles': ws.print_title_rows}))\n";

/** A sheet's manual page breaks (the rows they come above) and print title rows, as openpyxl reads them. */
async function pageBreaks(pkg: XlsxPackage, sheet: string): Promise<Record<string, unknown>> {
  const file = path.join(dir, `breaks-${Date.now()}-${Math.random().toString(36).slice(2)}.xlsx`);
  writeFileSync(file, await writePackage(pkg));
  const out = execFileSync(toolPath("openpyxl") ?? "/usr/bin/python3", ["-c", PAGE_BREAKS, file, sheet], {
    encoding: "utf8",
  });
  return JSON.parse(out) as Record<string, unknown>;
}

// ---- the two interpreters, given the same inputs ----

let restore: () => void = () => undefined;
afterEach(() => restore());

async function createdInFake(): Promise<FakeExcel> {
  const excel = createFakeExcel({ seed: "empty" });
  restore = withOffice(excel);
  await createDefaultWorkbook(excel.run);
  // Excel's new workbook has a blank Sheet1 of the user's, which init's new file does not: set aside.
  const blank = excel.model.sheets.findIndex((s) => s.name === "Sheet1" && s.cells.size === 0);
  if (blank >= 0) excel.model.sheets.splice(blank, 1);
  return excel;
}

function checkWrite(state: WorkbookState, expectedEnd?: ReadonlyMap<number, number>): CheckWrite {
  const byName = tablesByName(state.tables);
  const result = engineCheck(byName, { ...OPTIONS, ...(expectedEnd ? { expectedEnd } : {}) });
  return describeCheck(state, describeAnnotations(byName, result, checkTime(NOW)));
}

function checkInPackage(pkg: XlsxPackage, expectedEnd?: ReadonlyMap<number, number>): CheckWrite {
  const write = checkWrite(readWorkbookState(pkg), expectedEnd);
  applyOps(pkg, write.ops);
  return write;
}

async function checkInFake(excel: FakeExcel, expectedEnd?: Map<number, number>) {
  return checkWorkbook(excel.run, { now: () => NOW, ...(expectedEnd ? { expectedEnd } : {}) });
}

async function slipBasis(excel: FakeExcel): Promise<ProposalBasis> {
  const read = await readWorkbook(excel.run, OPTIONS);
  const preview = whatIf(read.tables, { ...OPTIONS, expectedEnd: SLIP }, read.result);
  const proposal = preview.proposal;
  if (!proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
  return { proposal, plan: preview.check.plan, options: { ...OPTIONS, expectedEnd: SLIP } };
}

function proposalSheet(basis: ProposalBasis, sheets: string[]): ProposalSheet {
  return describeProposalSheet(basis.proposal, basis.plan, { date: "2026-11-23", time: checkTime(NOW) }, sheets);
}

/** The apply's operations as the Office.js adapter computes them (src/office/whatIf.ts applyEdit). */
function applyOpsFor(state: WorkbookState, basis: ProposalBasis): SheetOp[] {
  const workplan = findTable(tablesByName(state.tables), "Workplan");
  if (!workplan) throw new Error("no Workplan table");
  const edit = describeApply(basis.proposal, basis.plan, workplan);
  const ends = describeExpectedEnds(basis.plan, basis.options.expectedEnd ?? new Map());
  const described = describeApplyWrite(state, edit, ends, workplan);
  if ("refused" in described) throw new Error(described.refused);
  return described.ops;
}

/** A user's own Conflicts sheet: text in rows 1, 2, 4 and 5, no table. */
const USER_TEXT: [number, string][] = [
  [1, "Bureau notes on conflicts"],
  [2, "Kept by the secretariat"],
  [4, "Open question: venue of the 18th meeting"],
  [5, "Answer expected in March"],
];

/** The created workbook with its Conflicts sheet replaced by the user's own (no table). */
async function userConflictsSheet(): Promise<{ excel: FakeExcel; pkg: XlsxPackage }> {
  const excel = await createdInFake();
  const model = excel.model;
  const at = model.tables.findIndex((t) => t.name === "Conflicts");
  model.tables.splice(at, 1);
  const sheet = model.sheet("Conflicts");
  if (!sheet) throw new Error("no Conflicts sheet");
  sheet.cells.clear();
  for (const [row, text] of USER_TEXT) sheet.ensure(row, 1).value = text;

  const pkg = await adoptedPackage();
  const emptied = await withoutTable(pkg, "Conflicts");
  applyOps(emptied, [
    { op: "clearValues", sheet: "Conflicts", area: { top: 1, left: 1, bottom: 20, right: 10 } },
    ...USER_TEXT.map(([row, text]): SheetOp => ({
      op: "setValues",
      sheet: "Conflicts",
      top: row,
      left: 1,
      values: [[text]],
    })),
  ]);
  return { excel, pkg: emptied };
}

/** The package without one table: its part, its relationship, its content type and its tablePart. */
async function withoutTable(pkg: XlsxPackage, name: string): Promise<XlsxPackage> {
  const JSZip = (await import("jszip")).default;
  const zip = await JSZip.loadAsync(await writePackage(pkg));
  const table = tableParts(pkg).find((t) => t.name === name);
  if (!table?.sheet.part) throw new Error(`no table ${name}`);
  const file = table.part.split("/").pop() ?? "";
  const sheetRels = table.sheet.part.replace("worksheets/", "worksheets/_rels/") + ".rels";
  const rels = (await zip.file(sheetRels)?.async("string")) ?? "";
  const rel = new RegExp(`<Relationship [^>]*Id="(\\w+)"[^>]*Target="[^"]*${file}"[^>]*/>`).exec(rels);
  if (!rel) throw new Error("no relationship to the table");
  zip.file(sheetRels, rels.replace(rel[0], ""));
  const sheetXml = (await zip.file(table.sheet.part)?.async("string")) ?? "";
  zip.file(
    table.sheet.part,
    sheetXml
      .replace(new RegExp(`<tablePart [^>]*r:id="${rel[1]}"\\s*/>`), "")
      .replace(/<tableParts count="1">\s*<\/tableParts>/, ""),
  );
  zip.remove(table.part);
  const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
  zip.file("[Content_Types].xml", types.replace(new RegExp(`<Override PartName="/${table.part}"[^>]*/>`), ""));
  return openPackage(await zip.generateAsync({ type: "nodebuffer" }));
}

requireTool("openpyxl")("the Office.js adapter and the package patcher, on the same workbook", () => {
  it("create: the same adopted workbook", async () => {
    const excel = await createdInFake();
    expect(await seenInPackage(await adoptedPackage())).toEqual(seenInFake(excel));
  });

  it("a check with cluster 2 slipped to 2032: the same flags, rules, notes, Conflicts sheet and lists", async () => {
    const excel = await createdInFake();
    const outcome = await checkInFake(excel, SLIP);
    const pkg = await adoptedPackage();
    const write = checkInPackage(pkg, SLIP);
    expect(outcome.written.blocked).toBe(write.blocked);
    const seen = seenInFake(excel);
    expect(seen.rules.length).toBeGreaterThan(0);
    expect(seen.notes.length).toBeGreaterThan(0);
    expect(await seenInPackage(pkg)).toEqual(seen);
  });

  it("a Timeline of 29 years: printed at full size across pages in both, labels repeated, over then down", async () => {
    const excel = await createdInFake();
    const pkg = await adoptedPackage();
    const long = new Map([[2, 2050]]);
    await checkInFake(excel, long);
    checkInPackage(pkg, long);
    const office = excel.model.sheets.find((s) => s.name === TIMELINE_SHEET)?.pageLayout;
    expect(office).toMatchObject({ titleColumns: "$A:$A", printOrder: "OverThenDown", zoom: { scale: 100 } });
    const across = { cols: office?.titleColumns, rows: office?.titleRows, order: "overThenDown" };
    // Over several pages the what-if banner wraps in the label column: nothing merged.
    expect(await printSetup(pkg)).toEqual({ ...across, scale: 100, fit: false, merged: [] });
    // A short span again: one page wide, in both, the labels still the print titles.
    await checkInFake(excel, SLIP);
    checkInPackage(pkg, SLIP);
    expect(excel.model.sheets.find((s) => s.name === TIMELINE_SHEET)?.pageLayout.zoom).toEqual({
      horizontalFitToPages: 1,
    });
    // On one page the banner is merged across the label and the years, in both.
    const merged = excel.model.sheets.find((s) => s.name === TIMELINE_SHEET)?.merged ?? [];
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatch(/^A2:[A-Z]+2$/);
    expect(await printSetup(pkg)).toMatchObject({ cols: "$A:$A", fit: true, merged });
  });

  it("twice is once, in both", async () => {
    const excel = await createdInFake();
    await checkInFake(excel, SLIP);
    const once = seenInFake(excel);
    await checkInFake(excel, SLIP);
    expect(seenInFake(excel)).toEqual(once);
    const pkg = await adoptedPackage();
    checkInPackage(pkg, SLIP);
    checkInPackage(pkg, SLIP);
    expect(await seenInPackage(pkg)).toEqual(once);
  });

  it("clear: the product's rules and notes go in both, the Conflicts table stays", async () => {
    const excel = await createdInFake();
    await checkInFake(excel, SLIP);
    await clearHighlights(excel.run);
    const pkg = await adoptedPackage();
    checkInPackage(pkg, SLIP);
    applyOps(pkg, describeClear(readWorkbookState(pkg)).ops);
    const seen = seenInFake(excel);
    // The highlights go; the Conflicts table's and the Timeline's own colours stay with them.
    expect(seen.rules.filter((rule) => rule.startsWith("Workplan!"))).toEqual([]);
    expect(await seenInPackage(pkg)).toEqual(seen);
  });

  it("the proposal sheet: the same sheet with the same values", async () => {
    const excel = await createdInFake();
    const basis = await slipBasis(excel);
    const sheet = proposalSheet(
      basis,
      excel.model.sheets.map((s) => s.name),
    );
    await writeProposalSheet(excel.run, sheet);
    const pkg = await adoptedPackage();
    applyOps(pkg, describeProposalSheetOps(sheet));
    const seen = seenInFake(excel);
    expect(Object.keys(seen.values[sheet.name] ?? {}).length).toBeGreaterThan(10);
    expect(await seenInPackage(pkg)).toEqual(seen);
    // The same pages: the same manual breaks, no print titles in either.
    const office = excel.model.sheets.find((s) => s.name === sheet.name);
    expect(office?.pageLayout.titleRows).toBeUndefined();
    expect(office?.pageBreaks.length).toBeGreaterThanOrEqual(2);
    expect(await pageBreaks(pkg, sheet.name)).toEqual({ breaks: office?.pageBreaks, titles: null });
  });

  it("apply: the same Workplan table, grown over the new meetings, and the same expected ends", async () => {
    const excel = await createdInFake();
    const basis = await slipBasis(excel);
    await applyProposal(excel.run, basis);
    const pkg = await adoptedPackage();
    applyOps(pkg, applyOpsFor(readWorkbookState(pkg), basis));
    const seen = seenInFake(excel);
    expect(seen.tables.find((t) => t.startsWith("Workplan "))).toBe("Workplan on Workplan!A2:F14");
    expect(await seenInPackage(pkg)).toEqual(seen);
  });

  it("save expected dates: the same Clusters table, the expected review end of cluster 2 written", async () => {
    const excel = await createdInFake();
    await saveExpectedEnds(excel.run, SLIP, OPTIONS);
    const pkg = await adoptedPackage();
    const state = readWorkbookState(pkg);
    const plan = engineCheck(tablesByName(state.tables), OPTIONS).plan;
    if (!plan) throw new Error("the adopted workbook reads as no plan");
    applyOps(pkg, cellEditOps(describeExpectedEnds(plan, SLIP).cells));
    const seen = seenInFake(excel);
    expect(Object.values(seen.values.Clusters ?? {})).toContain(2032);
    expect(await seenInPackage(pkg)).toEqual(seen);
  });

  it(
    "a Conflicts sheet with the user's text and no table: " + "both write below the text, the user's rows intact",
    async () => {
      const { excel, pkg } = await userConflictsSheet();
      expect(await seenInPackage(pkg)).toEqual(seenInFake(excel));
      await checkInFake(excel, SLIP);
      checkInPackage(pkg, SLIP);
      const seen = seenInFake(excel);
      for (const [row, text] of USER_TEXT) expect(seen.values.Conflicts?.[`A${row}`]).toBe(text);
      expect(seen.tables.some((t) => t.startsWith("Conflicts "))).toBe(true);
      expect(await seenInPackage(pkg)).toEqual(seen);
    },
  );

  it("the Conflicts table blocked by a user's cell below it: both refuse the same way, naming the cell", async () => {
    const excel = await createdInFake();
    const cell = excel.model.sheet("Conflicts")?.ensure(6, 2);
    if (cell) cell.value = "Mine";
    const pkg = await adoptedPackage();
    applyOps(pkg, [{ op: "setValues", sheet: "Conflicts", top: 6, left: 2, values: [["Mine"]] }]);
    const outcome = await checkInFake(excel, SLIP);
    const write = checkInPackage(pkg, SLIP);
    expect(outcome.written.blocked).toMatch(/B6/);
    expect(write.blocked).toBe(outcome.written.blocked);
    const seen = seenInFake(excel);
    expect(seen.values.Conflicts?.B6).toBe("Mine");
    expect(await seenInPackage(pkg)).toEqual(seen);
  });
});
