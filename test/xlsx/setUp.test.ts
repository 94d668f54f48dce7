/**
 * Parity of setting up the secretariat's workbook (issue 12 item 7): the package reader finds the
 * same plain ranges as the Office.js reader on the same workbook, the same description follows,
 * and the package patcher converts them keeping every value and the header fills.
 */
import ExcelJS from "exceljs";
import { adoptedTables } from "../../src/domain/defaults";
import { describeSetUp } from "../../src/domain/write/setUp";
import { detectSupport, readWorkbookState as readInExcel } from "../../src/office";
import { readPlain } from "../../src/office/setUp";
import { applyOps } from "../../src/xlsx/ooxml/applyOps";
import { writePackage } from "../../src/xlsx/ooxml/empty";
import { openPackage } from "../../src/xlsx/ooxml/package";
import { readWorkbookState } from "../../src/xlsx/ooxml/state";
import { FakeExcel, plainWorkbook, withOffice } from "../support/fakeExcel";

const INPUTS = adoptedTables().filter((t) => t.name !== "Conflicts");
const FILL = "FFDDEBF7";

/** The secretariat's workbook as a file: the adopted input tables typed as plain ranges, header rows filled. */
async function plainFile(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of INPUTS) {
    const sheet = workbook.addWorksheet(table.sheet);
    [table.headers, ...table.rows].forEach((row, r) =>
      row.forEach((value, c) => {
        if (value === null || value === "") return;
        const cell = sheet.getCell(table.top + r, table.left + c);
        cell.value = value as ExcelJS.CellValue;
        if (r === 0) cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: FILL } };
      }),
    );
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("the secretariat's workbook as a file", () => {
  it("is described as the Office.js reader describes the same workbook in Excel", async () => {
    const pkg = await openPackage(await plainFile());
    const inFile = describeSetUp(readWorkbookState(pkg, { plain: true }));
    const excel = new FakeExcel(plainWorkbook(), { version: "1.20" });
    const restore = withOffice(excel);
    try {
      const read = await excel.run((context) =>
        readInExcel(context as unknown as Excel.RequestContext, detectSupport(), { plain: readPlain }),
      );
      const inExcel = describeSetUp(read.state);
      expect(inFile.convert.ops).toEqual(inExcel.convert.ops);
      expect(inFile.convert.ops).toHaveLength(INPUTS.length);
    } finally {
      restore();
    }
  });

  it("is converted in the package, keeping values and header fills, and reads back as the adopted tables", async () => {
    const pkg = await openPackage(await plainFile());
    applyOps(pkg, describeSetUp(readWorkbookState(pkg, { plain: true })).convert.ops);
    const bytes = await writePackage(pkg);
    const again = readWorkbookState(await openPackage(bytes));
    expect(again.tables.map((t) => [t.name, t.sheet, t.headers, t.rows])).toEqual(
      INPUTS.map((t) => [t.name, t.sheet, t.headers, t.rows]),
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
    const cell = workbook.getWorksheet("Workplan")?.getCell("A1");
    expect(cell?.value).toBe("Meeting");
    expect(cell?.fill).toMatchObject({ fgColor: { argb: FILL } });
  });
});
