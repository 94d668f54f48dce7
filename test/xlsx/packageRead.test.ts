import { readFileSync } from "node:fs";
import path from "node:path";
import { cellValueAt, loadWorkbook, openPackage, readAllTables, readTables, readWorkbookState } from "../../src/xlsx";
import { CORPUS, corpusFiles } from "./corpus";
import { checkWorkbook } from "../../src/domain/check";
import { tablesByName } from "../../src/domain/tables";
import { check, fixture, FIXTURE_NAMES, SLIP } from "./support";

const open = async (file: string) => openPackage(readFileSync(file), path.basename(file));
const byName = <T extends { name: string }>(tables: T[]): T[] =>
  [...tables].sort((a, b) => a.name.localeCompare(b.name));

describe("reading a package without ExcelJS", () => {
  it.each(FIXTURE_NAMES)("%s: every table's values are what the ExcelJS reader gives", async (name) => {
    const pkg = await open(fixture(name));
    expect(byName(readAllTables(pkg))).toEqual(byName(readTables(await loadWorkbook(fixture(name)))));
  });

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

  it.each(FIXTURE_NAMES)("%s: the engine finds the same as from the ExcelJS reader", async (name) => {
    const state = readWorkbookState(await open(fixture(name)));
    const options = { currentYear: 2026, expectedEnd: SLIP };
    const fromPackage = checkWorkbook(tablesByName(state.tables), options);
    expect(fromPackage).toEqual(check(await loadWorkbook(fixture(name)), SLIP));
    expect(fromPackage.findings.length).toBeGreaterThan(0);
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
