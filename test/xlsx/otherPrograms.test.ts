/**
 * Parts other programs write that a re-serialising writer (ExcelJS 4.4.0, which the command line
 * used before) lost or broke: the package patcher reads them and keeps them when it writes a check.
 */
import { createHash } from "node:crypto";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { openWorkbookFile, writePackage } from "../../src/xlsx";
import {
  checkedCopy,
  describeWithOpenpyxl,
  fixture,
  sheetOf,
  SLIP,
  tablesOf,
  tempDir,
  type Description,
} from "./support";
import { requireTool } from "../support/tools";

const withOpenpyxl = requireTool("openpyxl");

const dir = tempDir();

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
  it("are read, and kept as they are in a checked copy", async () => {
    const rels = await part(fixture("openpyxl-edited.xlsx"), "xl/_rels/workbook.xml.rels");
    expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');
    expect((await tablesOf(fixture("openpyxl-edited.xlsx"))).map((t) => t.name)).toContain("Workplan");
    const out = await checkedCopy(fixture("openpyxl-edited.xlsx"), path.join(dir, "openpyxl-checked.xlsx"), SLIP);
    expect(await part(out, "xl/_rels/workbook.xml.rels")).toContain('Target="/xl/worksheets/sheet1.xml"');
  });
});

withOpenpyxl("LibreOffice's tables without a style", () => {
  it("are written unchanged", async () => {
    expect(await part(fixture("libreoffice-resaved.xlsx"), "xl/tables/table1.xml")).not.toContain("tableStyleInfo");
    const out = await checkedCopy(fixture("libreoffice-resaved.xlsx"), path.join(dir, "lo-saved.xlsx"), SLIP);
    expect(await part(out, "xl/tables/table1.xml")).toBe(
      await part(fixture("libreoffice-resaved.xlsx"), "xl/tables/table1.xml"),
    );
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

  it("keeps its header row", async () => {
    expect((await tablesOf(file)).find((t) => t.name === "Workplan")).toMatchObject({
      top: 1,
      headers: expect.arrayContaining(["Meeting", "Year"]),
    });
    const out = await checkedCopy(file, path.join(dir, "excel-table-saved.xlsx"), SLIP);
    expect(await part(out, "xl/tables/table1.xml")).not.toContain('headerRowCount="0"');
    expect(sheetOf(describeWithOpenpyxl(out), "Workplan").tables[0]).toMatchObject({
      ref: "A1:F11",
      headerRowCount: 1,
      hiddenButtons: [],
    });
  });
});

withOpenpyxl("Excel's extension list (an x14 validation listing another sheet's cells)", () => {
  const X14 =
    '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" ' +
    'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
    ('<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1" xr:uid="{5D7E1F8A-0000-4000-8000-000000000001}">') +
    ("<x14:formula1><xm:f>Topics!$B$2:$B$11</xm:f></x14:formula1><xm:sqref>F2:F11</xm:sqref></x14:dataValidation>" +
      "</x14:dataValidations></ext></extLst>");
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

  it("is kept verbatim, with the namespaces it uses, after a check is written", async () => {
    const out = await checkedCopy(file, path.join(dir, "x14-checked.xlsx"), SLIP);
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

  it("is kept, pointing at its format", async () => {
    const out = await checkedCopy(file, path.join(dir, "custom-style-checked.xlsx"), SLIP);
    const styles = await part(out, "xl/styles.xml");
    const dxfs = styles.match(/<dxf>[\s\S]*?<\/dxf>/g) ?? [];
    const id = Number(/<tableStyleElement type="headerRow" dxfId="(\d+)"\/>/.exec(styles)?.[1]);
    expect(dxfs[id]).toBe(DXF);
    expect(sheetOf(describeWithOpenpyxl(out), "Topics").tables[0]?.style).toBe("Bureau");
  });
});

withOpenpyxl("what a re-serialising writer lost on user-formatting.xlsx, kept by a checked copy", () => {
  let original: Description;
  let checked: Description;
  let grown: number;
  beforeAll(async () => {
    original = describeWithOpenpyxl(fixture("user-formatting.xlsx"));
    const out = await checkedCopy(fixture("user-formatting.xlsx"), path.join(dir, "checked-user.xlsx"), SLIP);
    grown = statSync(out).size - statSync(fixture("user-formatting.xlsx")).size;
    checked = describeWithOpenpyxl(out);
  }, 120_000);

  it("writes a sheet with a whole-column validation (H2:H1048576) without spelling out its million cells", () => {
    expect(sheetOf(original, "Workplan").validations.map((v) => v.sqref)).toContain("H2:H1048576");
    // The check adds its sheets, rules and notes (some tens of kilobytes), never a row per validated cell.
    expect(grown).toBeLessThan(200_000);
  });

  it("keeps a constant name, a formula name and the scope of a sheet's name", () => {
    const user = (d: Description) =>
      d.definedNames.filter((n) => !n.name.startsWith("Workplan")).map((n) => [n.name, n.scope, n.value]);
    expect(user(original)).toEqual([
      ["FirstYear", null, "MIN(Workplan!$B$2:$B$11)"],
      ["Horizon", null, "Workplan!$B$11"],
      ["Local", 5, "Settings!$B$2"],
      ["Rate", null, "0.25"],
    ]);
    expect(user(checked)).toEqual(user(original));
  });

  it("keeps stop-if-true and the duplicate-values rule", () => {
    const user = (d: Description) =>
      sheetOf(d, "Workplan")
        .conditionalFormats.filter((rule) => rule.type !== "expression")
        .map((rule) => [rule.type, rule.stopIfTrue]);
    expect(user(original)).toEqual([
      ["cellIs", false],
      ["duplicateValues", true],
    ]);
    expect(user(checked)).toEqual(user(original));
  });

  it("keeps a validation with a relative formula on one range", () => {
    const custom = (d: Description) =>
      sheetOf(d, "Workplan")
        .validations.filter((v) => v.type === "custom")
        .map((v) => [v.sqref, v.formula1]);
    expect(custom(checked)).toEqual([["B2:B11", "AND(ISNUMBER(B2),B2>2000)"]]);
    expect(custom(checked)).toEqual(custom(original));
  });
});

describe("files", () => {
  it("never writes the input file", async () => {
    const input = fixture("user-formatting.xlsx");
    const digest = () => createHash("sha256").update(readFileSync(input)).digest("hex");
    const before = digest();
    await checkedCopy(input, path.join(dir, "copy.xlsx"), SLIP);
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
    const error = await openWorkbookFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("WorkbookFileError");
    expect((error as Error).message).toMatch(message);
    expect((error as Error).message).not.toContain("\n");
  });

  it("writes a package that has no parts it could not write back (every part read is written)", async () => {
    const pkg = await openWorkbookFile(fixture("user-formatting.xlsx"));
    const names = async (bytes: Buffer) => Object.keys((await JSZip.loadAsync(bytes)).files).sort();
    expect(await names(await writePackage(pkg))).toEqual(await names(readFileSync(fixture("user-formatting.xlsx"))));
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
