import path from "node:path";
import ExcelJS from "exceljs";
import { showValue } from "../../src/domain/parse";
import { UNSAVED_FORMULA } from "../../src/domain/tables";
import { tablesOf, tempDir } from "./support";

function workbookWithTotals(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Plan");
  sheet.getCell("A1").value = "not in the table";
  sheet.addTable({
    name: "Meetings",
    ref: "B3",
    totalsRow: true,
    columns: [
      { name: "Meeting", totalsRowLabel: "Count" },
      { name: "Year", totalsRowFunction: "count" },
      { name: "Topic" },
    ],
    rows: [
      [
        15,
        { formula: "2027+1", result: 2028 },
        { richText: [{ text: "6 — " }, { font: { bold: true }, text: "Record-keeping" }] },
      ],
      [16, 2029, { text: "Topic 7", hyperlink: "https://example.org" }],
    ],
  });
  return workbook;
}

const expected = {
  name: "Meetings",
  sheet: "Plan",
  top: 3,
  left: 2,
  headers: ["Meeting", "Year", "Topic"],
  rows: [
    [15, 2028, "6 — Record-keeping"],
    [16, 2029, "Topic 7"],
  ],
};

describe("the package reader on a table another program (ExcelJS) wrote", () => {
  it("reads the data body without the totals row, values made plain", async () => {
    const file = path.join(tempDir(), "totals.xlsx");
    await workbookWithTotals().xlsx.writeFile(file);
    expect(await tablesOf(file)).toEqual([expected]);
  });
});

describe("a formula whose result the file does not keep (a program that does not calculate wrote it)", () => {
  it("reads as a formula with no saved value, and the finding says so instead of calling the cell blank", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Plan").addTable({
      name: "Meetings",
      ref: "A1",
      columns: [{ name: "Meeting" }, { name: "Year" }],
      rows: [[{ formula: "12+1" }, 2026]],
    });
    const file = path.join(tempDir(), "unsaved.xlsx");
    await workbook.xlsx.writeFile(file);
    const [table] = await tablesOf(file);
    expect(table?.rows).toEqual([[UNSAVED_FORMULA, 2026]]);
    expect(showValue(table?.rows[0]?.[0])).toBe("a formula with no saved value (open and save the file in Excel)");
  });
});
