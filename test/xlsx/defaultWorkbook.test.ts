import path from "node:path";
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, TOPIC_LIST_NAME } from "../../src/domain/annotations";
import {
  adoptedTables,
  ADOPTED_FLEXIBLE_LABELS,
  ADOPTED_TOPIC_LABELS,
  CONFLICTS_HEADER_ROW,
} from "../../src/domain/defaults";
import { ALL_TABLES, CONFLICTS } from "../../src/domain/layout";
import { buildDefaultWorkbook, loadWorkbook, readTables, saveWorkbook } from "../../src/xlsx";
import { check, tempDir } from "./support";

const blankConflictsRow = CONFLICTS.headers.map(() => null);

function expectedTables() {
  return adoptedTables().map((table) => (table.name === "Conflicts" ? { ...table, rows: [blankConflictsRow] } : table));
}

describe("buildDefaultWorkbook", () => {
  const workbook = buildDefaultWorkbook();

  it("has one sheet per table in the layout's order, then the very-hidden lists and flags sheets", () => {
    expect(workbook.worksheets.map((s) => [s.name, s.state])).toEqual([
      ...ALL_TABLES.map((t) => [t.sheet, "visible"]),
      [LISTS_SHEET, "veryHidden"],
      [FLAGS_SHEET, "veryHidden"],
    ]);
    expect(workbook.getWorksheet(FLAGS_SHEET)?.rowCount).toBe(0);
  });

  it("holds the adopted tables at A1, the Conflicts table at row 4 with one blank row", () => {
    expect(readTables(workbook)).toEqual(expectedTables());
    expect(readTables(workbook).find((t) => t.name === "Conflicts")?.top).toBe(CONFLICTS_HEADER_ROW);
  });

  it("checks clean", () => {
    expect(check(workbook).findings).toEqual([]);
  });

  it("says above the Conflicts table that the workbook has not been checked yet", () => {
    const sheet = workbook.getWorksheet("Conflicts");
    expect(String(sheet?.getCell("A1").value)).toMatch(/^Not checked yet/);
    expect(String(sheet?.getCell("A2").value)).toMatch(/^Expected review ends used/);
    expect(sheet?.getCell("A3").value).toBeNull();
  });

  it("lists the topic and flexible labels on the lists sheet, under two defined names", () => {
    const lists = workbook.getWorksheet(LISTS_SHEET);
    expect(ADOPTED_TOPIC_LABELS.map((_, i) => lists?.getCell(i + 1, 1).value)).toEqual(ADOPTED_TOPIC_LABELS);
    expect(ADOPTED_FLEXIBLE_LABELS.map((_, i) => lists?.getCell(i + 1, 2).value)).toEqual(ADOPTED_FLEXIBLE_LABELS);
    expect(workbook.definedNames.model).toEqual([
      { name: TOPIC_LIST_NAME, ranges: [`${LISTS_SHEET}!$A$1:$A$10`] },
      { name: FLEXIBLE_LIST_NAME, ranges: [`${LISTS_SHEET}!$B$1:$B$11`] },
    ]);
  });

  it("freezes the header rows, styles the tables and fits the columns", () => {
    for (const sheet of workbook.worksheets.filter((s) => s.state === "visible")) {
      const header = sheet.name === "Conflicts" ? CONFLICTS_HEADER_ROW : 1;
      expect(sheet.views).toEqual([expect.objectContaining({ state: "frozen", ySplit: header })]);
    }
    const articles = workbook.getWorksheet("Articles");
    expect(articles?.getColumn(2).width).toBe(60);
    expect(articles?.getColumn(2).alignment).toEqual({ wrapText: true, vertical: "top" });
    expect(workbook.getWorksheet("Workplan")?.getColumn(4).width).toBe("Agenda item 2 (flexible topic)".length + 2);
  });

  describe("written to a file", () => {
    const file = path.join(tempDir(), "default.xlsx");
    const parts: Record<string, string> = {};
    const partsUnder = (folder: string) =>
      Object.keys(parts)
        .filter((name) => name.startsWith(folder))
        .sort()
        .map((name) => parts[name] ?? "");

    beforeAll(async () => {
      await saveWorkbook(buildDefaultWorkbook(), file);
      const zip = await JSZip.loadAsync(readFileSync(file));
      for (const name of Object.keys(zip.files).filter((n) => n.startsWith("xl/") && !n.endsWith("/")))
        parts[name] = (await zip.file(name)?.async("string")) ?? "";
    });

    it("reads back as the same tables", async () => {
      expect(readTables(await loadWorkbook(file))).toEqual(expectedTables());
    });

    it("offers the drop-down lists on the agenda-item columns and the article topics, without refusing typed values", () => {
      const validations = partsUnder("xl/worksheets/sheet").flatMap(
        (xml) => xml.match(/<dataValidation [^>]*>[^]*?<\/dataValidation>/g) ?? [],
      );
      expect(validations).toEqual([
        `<dataValidation type="list" allowBlank="1" sqref="D2:D11"><formula1>${FLEXIBLE_LIST_NAME}</formula1></dataValidation>`,
        `<dataValidation type="list" allowBlank="1" sqref="E2:E11"><formula1>${TOPIC_LIST_NAME}</formula1></dataValidation>`,
        `<dataValidation type="list" allowBlank="1" sqref="D2:D15"><formula1>${TOPIC_LIST_NAME}</formula1></dataValidation>`,
      ]);
    });

    it("gives every table a style and shows its filter buttons", () => {
      const tables = partsUnder("xl/tables/");
      expect(tables).toHaveLength(ALL_TABLES.length);
      for (const table of tables) {
        expect(table).toContain('<tableStyleInfo name="TableStyleMedium2"');
        expect(table).toContain('headerRowCount="1"');
        expect(table).not.toContain('hiddenButton="1"');
      }
    });
  });
});
