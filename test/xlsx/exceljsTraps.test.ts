/**
 * What ExcelJS 4.4.0 does badly with real files, shown on the raw library, and how the adapter
 * reads and writes the same files correctly.
 */
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { applyAnnotations, loadWorkbook, readTables, saveWorkbook } from "../../src/xlsx";
import { readablePackage } from "../../src/xlsx/package";
import {
  annotationsFor,
  describeWithOpenpyxl,
  fixture,
  forExcelJS,
  sheetOf,
  SLIP,
  tempDir,
  type Description,
} from "./support";
import { requireTool } from "../support/tools";

const withOpenpyxl = requireTool("openpyxl");

const dir = tempDir();

async function rawExcelJS(file: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  return workbook;
}

async function part(file: string, name: string): Promise<string> {
  return (await (await JSZip.loadAsync(readFileSync(file))).file(name)?.async("string")) ?? "";
}

/** A copy of a fixture with one part edited the way another program writes it. */
async function edited(source: string, name: string, partName: string, edit: (xml: string) => string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(fixture(source)));
  zip.file(partName, edit((await zip.file(partName)?.async("string")) ?? ""));
  const out = path.join(dir, name);
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}

describe("openpyxl's absolute relationship targets", () => {
  it("make ExcelJS throw", async () => {
    expect(await part(fixture("openpyxl-edited.xlsx"), "xl/_rels/workbook.xml.rels")).toContain(
      'Target="/xl/worksheets/sheet1.xml"',
    );
    await expect(rawExcelJS(fixture("openpyxl-edited.xlsx"))).rejects.toThrow();
  });

  it("are read after the package is rewritten with relative targets", async () => {
    expect(readTables(await loadWorkbook(fixture("openpyxl-edited.xlsx"))).map((t) => t.name)).toContain("Workplan");
  });
});

withOpenpyxl("LibreOffice's tables without a style", () => {
  it("make ExcelJS throw when it writes them", async () => {
    expect(await part(fixture("libreoffice-resaved.xlsx"), "xl/tables/table1.xml")).not.toContain("tableStyleInfo");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(forExcelJS(readFileSync(fixture("libreoffice-resaved.xlsx"))));
    await expect(workbook.xlsx.writeBuffer()).rejects.toThrow();
  });

  it("are written unchanged", async () => {
    const out = path.join(dir, "lo-saved.xlsx");
    await saveWorkbook(await loadWorkbook(fixture("libreoffice-resaved.xlsx")), out);
    const tables = sheetOf(describeWithOpenpyxl(out), "Workplan").tables;
    expect(tables).toEqual(sheetOf(describeWithOpenpyxl(fixture("libreoffice-resaved.xlsx")), "Workplan").tables);
    expect(tables[0]?.style).toBeNull();
  });
});

withOpenpyxl("a table as Excel writes it, without headerRowCount (the default, 1)", () => {
  let file: string;
  beforeAll(async () => {
    file = await edited("default.xlsx", "excel-table.xlsx", "xl/tables/table1.xml", (xml) =>
      xml.replace(' headerRowCount="1"', ""),
    );
  });

  it("is read by ExcelJS as a table without a header row, and written back with headerRowCount=0", async () => {
    const raw = await rawExcelJS(file);
    const out = path.join(dir, "raw-excel-table.xlsx");
    await raw.xlsx.writeFile(out);
    expect(await part(out, "xl/tables/table1.xml")).toContain('headerRowCount="0"');
  });

  it("keeps its header row", async () => {
    const workbook = await loadWorkbook(file);
    expect(readTables(workbook).find((t) => t.name === "Workplan")).toMatchObject({
      top: 1,
      headers: expect.arrayContaining(["Meeting", "Year"]),
    });
    const out = path.join(dir, "excel-table-saved.xlsx");
    await saveWorkbook(workbook, out);
    expect(sheetOf(describeWithOpenpyxl(out), "Workplan").tables[0]).toMatchObject({
      ref: "A1:F11",
      headerRowCount: 1,
      hiddenButtons: [],
    });
  });
});

withOpenpyxl("Excel's extension list (an x14 validation listing another sheet's cells)", () => {
  const X14 =
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" xr:uid="{5D7E1F8A-0000-4000-8000-000000000001}">' +
    "<x14:formula1><xm:f>Topics!$B$2:$B$11</xm:f></x14:formula1><xm:sqref>F2:F11</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>";
  let file: string;
  beforeAll(async () => {
    file = await edited("default.xlsx", "excel-x14.xlsx", "xl/worksheets/sheet1.xml", (xml) =>
      xml
        .replace(
          "<worksheet ",
          '<worksheet xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" ',
        )
        .replace('mc:Ignorable="x14ac"', 'mc:Ignorable="x14ac xr"')
        .replace("</worksheet>", `${X14}</worksheet>`),
    );
  });

  it("is dropped by ExcelJS", async () => {
    const out = path.join(dir, "raw-x14.xlsx");
    await (await rawExcelJS(file)).xlsx.writeFile(out);
    expect(await part(out, "xl/worksheets/sheet1.xml")).not.toContain("x14:dataValidation");
  });

  it("is kept verbatim, with the namespaces it uses, after a check is written", async () => {
    const workbook = await loadWorkbook(file);
    applyAnnotations(workbook, annotationsFor(workbook, SLIP));
    const out = path.join(dir, "x14-checked.xlsx");
    await saveWorkbook(workbook, out);
    const sheet = await part(out, "xl/worksheets/sheet1.xml");
    expect(sheet).toContain(X14);
    expect(sheet).toMatch(
      /<worksheet [^>]*xmlns:xr="http:\/\/schemas.microsoft.com\/office\/spreadsheetml\/2014\/revision"/,
    );
    expect(sheet).toMatch(/mc:Ignorable="x14ac xr"/);
    expect(sheet.endsWith(`${X14}</worksheet>`)).toBe(true);
    expect(sheetOf(describeWithOpenpyxl(out), "Workplan").conditionalFormats).toHaveLength(6);
  });
});

withOpenpyxl("a custom table style (Excel's New Table Style) and its differential format", () => {
  const DXF = '<dxf><font><b/><color rgb="FF7030A0"/></font></dxf>';
  const STYLE =
    '<tableStyle name="Bureau" pivot="0" count="1"><tableStyleElement type="headerRow" dxfId="0"/></tableStyle>';
  let file: string;
  beforeAll(async () => {
    const styled = await edited("default.xlsx", "styled-table.xlsx", "xl/tables/table2.xml", (xml) =>
      xml.replace('name="TableStyleMedium2"', 'name="Bureau"'),
    );
    const zip = await JSZip.loadAsync(readFileSync(styled));
    const styles = ((await zip.file("xl/styles.xml")?.async("string")) ?? "")
      .replace(/<dxfs count="0"\/>/, `<dxfs count="1">${DXF}</dxfs>`)
      .replace(/<tableStyles count="0"([^>]*)\/>/, `<tableStyles count="1"$1>${STYLE}</tableStyles>`);
    zip.file("xl/styles.xml", styles);
    file = path.join(dir, "custom-style.xlsx");
    writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  });

  it("is dropped by ExcelJS", async () => {
    const out = path.join(dir, "raw-custom-style.xlsx");
    await (await rawExcelJS(file)).xlsx.writeFile(out);
    expect(await part(out, "xl/styles.xml")).not.toContain('<tableStyle name="Bureau"');
  });

  it("is kept, pointing at a copy of its format", async () => {
    const workbook = await loadWorkbook(file);
    applyAnnotations(workbook, annotationsFor(workbook, SLIP));
    const out = path.join(dir, "custom-style-checked.xlsx");
    await saveWorkbook(workbook, out);
    const styles = await part(out, "xl/styles.xml");
    const dxfs = styles.match(/<dxf>[\s\S]*?<\/dxf>/g) ?? [];
    const id = Number(/<tableStyleElement type="headerRow" dxfId="(\d+)"\/>/.exec(styles)?.[1]);
    expect(dxfs[id]).toBe(DXF);
    expect(sheetOf(describeWithOpenpyxl(out), "Topics").tables[0]?.style).toBe("Bureau");
  });
});

withOpenpyxl("what ExcelJS loses on a round trip of user-formatting.xlsx, once it can read the package", () => {
  let raw: Description;
  let original: Description;
  let rawMs: number;
  beforeAll(async () => {
    const started = Date.now();
    const zip = await readablePackage(await JSZip.loadAsync(readFileSync(fixture("user-formatting.xlsx"))));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(forExcelJS(await zip.generateAsync({ type: "nodebuffer" })));
    const out = path.join(dir, "raw-user.xlsx");
    await workbook.xlsx.writeFile(out);
    rawMs = Date.now() - started;
    raw = describeWithOpenpyxl(out);
    original = describeWithOpenpyxl(fixture("user-formatting.xlsx"));
  }, 120_000);

  it("spends seconds on the validation of a whole column (H2:H1048576), which it expands cell by cell", async () => {
    const started = Date.now();
    await saveWorkbook(await loadWorkbook(fixture("user-formatting.xlsx")), path.join(dir, "adapter-user.xlsx"));
    expect((Date.now() - started) * 5).toBeLessThan(rawMs);
  });

  it("drops a constant name, mangles a formula name and loses the scope of a sheet's name", () => {
    const user = (d: Description) =>
      d.definedNames.filter((n) => !n.name.startsWith("Workplan")).map((n) => [n.name, n.scope, n.value]);
    expect(user(original)).toEqual([
      ["FirstYear", null, "MIN(Workplan!$B$2:$B$11)"],
      ["Horizon", null, "Workplan!$B$11"],
      ["Local", 5, "Settings!$B$2"],
      ["Rate", null, "0.25"],
    ]);
    expect(user(raw)).toEqual([
      ["FirstYear", null, "'MIN(Workplan'!$B$2:$B$11"],
      ["Horizon", null, "Workplan!$B$11"],
      ["Local", null, "Settings!$B$2"],
    ]);
  });

  it("drops stop-if-true and the duplicate-values rule", () => {
    expect(sheetOf(raw, "Workplan").conditionalFormats.map((rule) => [rule.type, rule.stopIfTrue])).toEqual([
      ["cellIs", false],
    ]);
  });

  it("splits a validation at row 10 into overlapping ranges, one of whose relative formula points at other cells", () => {
    const custom = sheetOf(raw, "Workplan").validations.filter((v) => v.type === "custom");
    expect(custom.map((v) => [v.sqref, v.formula1])).toEqual([
      ["B10:B11", "AND(ISNUMBER(B2),B2>2000)"],
      ["B2:B11", "AND(ISNUMBER(B2),B2>2000)"],
    ]);
  });
});

describe("files", () => {
  it("never writes the input file", async () => {
    const input = fixture("user-formatting.xlsx");
    const digest = () => createHash("sha256").update(readFileSync(input)).digest("hex");
    const before = digest();
    const workbook = await loadWorkbook(input);
    applyAnnotations(workbook, annotationsFor(workbook, SLIP));
    await saveWorkbook(workbook, path.join(dir, "copy.xlsx"));
    expect(digest()).toBe(before);
  });

  it.each([
    ["a missing file", () => path.join(dir, "nowhere.xlsx"), /^No such file: .*nowhere\.xlsx$/],
    ["a folder", () => dir, /is a folder, not an \.xlsx workbook\.$/],
    [
      "a text file",
      () => textFile("demo.txt", "not a workbook"),
      /demo\.txt is not an \.xlsx workbook \(it is not a zip package\)\.$/,
    ],
    [
      "a zip without a workbook",
      () => zipWithout("empty.xlsx"),
      /empty\.xlsx is not an \.xlsx workbook \(it has no workbook part\)\.$/,
    ],
    [
      "an encrypted or old .xls file",
      () => textFile("old.xls", "\u00d0\u00cf\u0011\u00e0 rest", "latin1"),
      /old\.xls is not an \.xlsx workbook \(it is password-protected or an old \.xls file/,
    ],
  ])("reports %s as a WorkbookFileError with a one-line message", async (_, make, message) => {
    const file = await make();
    const error = await loadWorkbook(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("WorkbookFileError");
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("reports a file it cannot write", async () => {
    const error = await saveWorkbook(new ExcelJS.Workbook(), path.join(dir, "no-such-folder", "out.xlsx")).catch(
      (e: unknown) => e,
    );
    expect((error as Error).message).toMatch(/^Cannot write .*out\.xlsx: /);
  });
});

function textFile(name: string, content: string, encoding: BufferEncoding = "utf8"): string {
  const file = path.join(dir, name);
  writeFileSync(file, Buffer.from(content, encoding));
  return file;
}

async function zipWithout(name: string): Promise<string> {
  const zip = new JSZip();
  zip.file("hello.txt", "hello");
  const file = path.join(dir, name);
  writeFileSync(file, await zip.generateAsync({ type: "nodebuffer" }));
  return file;
}
