import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { cellValueAt, openPackage, readAllTables, readWorkbookState } from "../../src/xlsx";
import { CORPUS, corpusFiles } from "./corpus";
import { checkWorkbook } from "../../src/domain/check";
import { tablesByName, type SheetTable } from "../../src/domain/tables";
import { check, fixture, FIXTURE_NAMES, SLIP } from "./support";
import { requireTool, toolPath } from "../support/tools";

const open = async (file: string) => openPackage(readFileSync(file), path.basename(file));
const byName = <T extends { name: string }>(tables: T[]): T[] =>
  [...tables].sort((a, b) => a.name.localeCompare(b.name));

/** Every table's header and body as openpyxl reads them, an independent reader of the same file. */
const TABLES_BY_OPENPYXL =
  "import json, sys, openpyxl\n" +
  "from openpyxl.utils.cell import range_boundaries\n" +
  "out = []\n" +
  "for ws in openpyxl.load_workbook(sys.argv[1]).worksheets:\n" +
  "  for t in ws.tables.values():\n" +
  "    left, top, right, bottom = range_boundaries(t.ref)\n" +
  "    head = t.headerRowCount if t.headerRowCount is not None else 1\n" +
  "    body = range(top + head, bottom - (t.totalsRowCount or 0) + 1)\n" +
  "    cells = lambda r: [ws.cell(r, c).value for c in range(left, right + 1)]\n" +
  "    out.append({'name': t.name, 'sheet': ws.title, 'top': top, 'left': left,\n" +
  "      'headers': [c.name for c in t.tableColumns], 'rows': [cells(r) for r in body]})\n" +
  "print(json.dumps(out))\n";

function tablesByOpenpyxl(file: string): SheetTable[] {
  const out = execFileSync(toolPath("openpyxl") ?? "/usr/bin/python3", ["-c", TABLES_BY_OPENPYXL, file], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
  return JSON.parse(out) as SheetTable[];
}

const withOpenpyxl = requireTool("openpyxl");

withOpenpyxl("the package reader and openpyxl", () => {
  it.each(FIXTURE_NAMES)("%s: every table's values are what openpyxl reads", async (name) => {
    const pkg = await open(fixture(name));
    expect(byName(readAllTables(pkg))).toEqual(byName(tablesByOpenpyxl(fixture(name))));
  });

  it.each(FIXTURE_NAMES)("%s: the engine finds the same as from openpyxl's reading", async (name) => {
    const state = readWorkbookState(await open(fixture(name)));
    const fromPackage = checkWorkbook(tablesByName(state.tables), { currentYear: 2026, expectedEnd: SLIP });
    const layout = new Set(state.tables.map((t) => t.name));
    expect(fromPackage).toEqual(
      check(
        tablesByOpenpyxl(fixture(name)).filter((t) => layout.has(t.name)),
        SLIP,
      ),
    );
    expect(fromPackage.findings.length).toBeGreaterThan(0);
  });
});

describe("reading a package", () => {
  it.each(FIXTURE_NAMES)("%s: the layout's six input tables and the sheets as they are", async (name) => {
    const state = readWorkbookState(await open(fixture(name)));
    expect(state.tables.map((t) => t.name).sort()).toEqual(
      ["Articles", "Clusters", "FlexibleTopics", "Settings", "Topics", "Workplan"].sort(),
    );
    expect(state.sheets.map((s) => s.name)).toContain("Workplan");
    expect(state.conflicts?.sheet).toBe("Conflicts");
    expect(state.notesSupported).toBe(true);
    // Written before the product kept a record: none, and nothing of the product's to remove yet.
    expect(state.record).toBeNull();
    expect(state.legacyMarks).toEqual({ rules: [], notes: [], cells: [] });
  });

  it("the user's notes are the cells the product must not write a note on", async () => {
    const state = readWorkbookState(await open(fixture("user-formatting.xlsx")));
    expect([...state.noteCells].sort()).toEqual(["workplan!c5", "workplan!e7"]);
  });

  const corpus = corpusFiles();
  (corpus.length > 0 ? it.each(corpus) : it.skip.each([CORPUS]))(
    "%s opens and reads (no Workplan tables)",
    async (file) => {
      const state = readWorkbookState(await open(file));
      expect(state.tables).toEqual([]);
      expect(state.sheets.length).toBeGreaterThan(0);
    },
  );

  const inCorpus = (name: string) => path.join(CORPUS, name);
  const haveCorpus = corpus.length > 0 ? it : it.skip;

  haveCorpus("reads SpreadsheetML written with an x: prefix (ClosedXML, the Open XML SDK)", async () => {
    const pkg = await open(inCorpus("closedxml-x-prefixed.xlsx"));
    expect(pkg.sheets.map((s) => s.name)).toEqual([
      "Single Column Numbers",
      "Single Column Strings",
      "Single Column Mixed",
      "Multi Column",
    ]);
    expect([cellValueAt(pkg, "Single Column Numbers", 1, 1), cellValueAt(pkg, "Single Column Numbers", 2, 1)]).toEqual([
      "Numbers",
      5,
    ]);
  });

  haveCorpus("reads relationships bound to a prefix other than r:", async () => {
    const pkg = await open(inCorpus("nonstandard-namespace-prefix.xlsx"));
    expect([cellValueAt(pkg, "Sheet1", 1, 1), cellValueAt(pkg, "Sheet1", 2, 2)]).toEqual(["a", 3]);
  });

  haveCorpus("reads dates in the 1904 date system as the dates Excel shows", async () => {
    const pkg = await open(inCorpus("libreoffice-date1904.xlsx"));
    expect(pkg.date1904).toBe(true);
    expect(cellValueAt(pkg, "Sheet1", 1, 1)).toEqual(new Date(Date.UTC(2021, 0, 1)));
    expect(cellValueAt(pkg, "Sheet1", 1, 2)).toBe(15);
  });

  haveCorpus("threaded comments are the user's notes too", async () => {
    const state = readWorkbookState(await open(inCorpus("excel-mac-threaded-comments.xlsx")));
    expect([...state.noteCells].sort()).toEqual(["file!b3", "file!c2"]);
  });
});
