/**
 * The adopted workbook as the command line writes it (`workplan init`: describeCreate applied to an
 * empty package), read back by the package reader and by openpyxl.
 */
import path from "node:path";
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, TOPIC_LIST_NAME } from "../../src/domain/annotations";
import { ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS, CONFLICTS_HEADER_ROW } from "../../src/domain/defaults";
import { ALL_TABLES, CONFLICTS } from "../../src/domain/layout";
import { createdTables } from "../../src/domain/write/create";
import { TIMELINE_SHEET } from "../../src/domain/timeline";
import { adoptedPackage, cellValueAt, openWorkbookFile, readAllTables, writePackage } from "../../src/xlsx";
import type { XlsxPackage } from "../../src/xlsx";
import { check, describeWithOpenpyxl, sheetOf, tempDir, type Description } from "./support";
import { requireTool } from "../support/tools";

const blankConflictsRow = CONFLICTS.headers.map(() => null);

function expectedTables() {
  return createdTables().map((table) => (table.name === "Conflicts" ? { ...table, rows: [blankConflictsRow] } : table));
}

const file = path.join(tempDir(), "default.xlsx");
let written: XlsxPackage;
const parts: Record<string, string> = {};
const partsUnder = (folder: string) =>
  Object.keys(parts)
    .filter((name) => name.startsWith(folder))
    .sort()
    .map((name) => parts[name] ?? "");

beforeAll(async () => {
  writeFileSync(file, await writePackage(await adoptedPackage()));
  written = await openWorkbookFile(file);
  const zip = await JSZip.loadAsync(readFileSync(file));
  for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/") && !n.endsWith("/")))
    parts[name] = (await zip.file(name)?.async("string")) ?? "";
});

describe("the adopted workbook (init)", () => {
  it("holds the adopted tables at A1, the Workplan table at A2 below the legend's row, the Conflicts at A4", () => {
    expect(readAllTables(written)).toEqual(expectedTables());
    expect(readAllTables(written).find((t) => t.name === "Conflicts")?.top).toBe(CONFLICTS_HEADER_ROW);
  });

  it("checks clean", () => {
    expect(check(readAllTables(written)).findings).toEqual([]);
  });

  it("says above the Conflicts table that the workbook has not been checked yet", () => {
    expect(String(cellValueAt(written, "Conflicts", 1, 1))).toMatch(/^Not checked yet/);
    expect(String(cellValueAt(written, "Conflicts", 2, 1))).toMatch(/^Expected review ends used/);
    // Row 3: the legend of the highlight colours.
    expect([1, 2, 3].map((column) => cellValueAt(written, "Conflicts", 3, column))).toEqual([
      "Error",
      "Warning",
      "Info",
    ]);
  });

  it("lists the topic and flexible labels on the lists sheet", () => {
    expect(ADOPTED_TOPIC_LABELS.map((_, i) => cellValueAt(written, LISTS_SHEET, i + 1, 1))).toEqual(
      ADOPTED_TOPIC_LABELS,
    );
    expect(ADOPTED_FLEXIBLE_LABELS.map((_, i) => cellValueAt(written, LISTS_SHEET, i + 1, 2))).toEqual(
      ADOPTED_FLEXIBLE_LABELS,
    );
  });

  it(
    "offers the drop-down lists on the agenda-item columns " + "and the article topics, without refusing typed values",
    () => {
      const validations = partsUnder("xl/worksheets/sheet").flatMap(
        (xml) => xml.match(/<dataValidation [^>]*>[^]*?<\/dataValidation>/g) ?? [],
      );
      expect(validations).toHaveLength(3);
      for (const validation of validations) {
        expect(validation).toMatch(/type="list"/);
        expect(validation).not.toMatch(/showErrorMessage="1"/);
      }
    },
  );

  it("gives every table a style and shows its filter buttons", () => {
    const tables = partsUnder("xl/tables/");
    expect(tables).toHaveLength(ALL_TABLES.length);
    for (const table of tables) {
      expect(table).toContain('<tableStyleInfo name="TableStyleMedium2"');
      expect(table).not.toContain('headerRowCount="0"');
      expect(table).not.toContain('hiddenButton="1"');
    }
  });
});

requireTool("openpyxl")("the adopted workbook, as openpyxl reads it", () => {
  let description: Description;
  beforeAll(() => {
    description = describeWithOpenpyxl(file);
  });

  it(
    "has one sheet per table in the layout's order, then " + "the very-hidden lists and flags sheets and the Timeline",
    () => {
      expect(description.sheets.map((s) => [s.name, s.state])).toEqual([
        ...ALL_TABLES.map((t) => [t.sheet, "visible"]),
        [LISTS_SHEET, "veryHidden"],
        [FLAGS_SHEET, "veryHidden"],
        // Empty until the first check draws it.
        [TIMELINE_SHEET, "visible"],
      ]);
    },
  );

  it("names the two lists", () => {
    expect(description.definedNames.map((n) => [n.name, n.value])).toEqual(
      expect.arrayContaining([
        [TOPIC_LIST_NAME, `'${LISTS_SHEET}'!$A$1:$A$10`],
        [FLEXIBLE_LIST_NAME, `'${LISTS_SHEET}'!$B$1:$B$11`],
      ]),
    );
  });

  it("offers the lists on the agenda-item columns and the article topics", () => {
    const lists = (sheet: string) => sheetOf(description, sheet).validations.map((v) => [v.sqref, v.formula1]);
    expect(lists("Workplan")).toEqual([
      ["D3:D12", FLEXIBLE_LIST_NAME],
      ["E3:E12", TOPIC_LIST_NAME],
    ]);
    expect(lists("Articles")).toEqual([["D2:D15", TOPIC_LIST_NAME]]);
  });

  it("freezes the header rows and fits the columns", () => {
    const tableSheets = description.sheets.filter((s) => s.state === "visible" && s.name !== TIMELINE_SHEET);
    for (const sheet of tableSheets) {
      const header = sheet.name === "Conflicts" ? CONFLICTS_HEADER_ROW : sheet.name === "Workplan" ? 2 : 1;
      expect([sheet.name, sheet.freeze]).toEqual([sheet.name, `A${header + 1}`]);
    }
    expect(sheetOf(description, "Articles").widths.B).toBe(60);
    expect(sheetOf(description, "Workplan").widths.D).toBe("Agenda item 2 (flexible topic)".length + 2);
  });
});
