/**
 * Every valid form the reader must take (other writers' prefixes, rows and cells without `r`, a
 * table without a header row and with a totals row, UTF-16 parts, rich and inline strings, cached
 * results, errors, dates by number format), and what each operation does to what is already there.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import JSZip from "jszip";
import type { SheetOp } from "../../src/domain/sheetOps";
import { UNSAVED_FORMULA } from "../../src/domain/tables";
import {
  applyOps,
  cellValueAt,
  emptyPackage,
  openPackage,
  readAllTables,
  readWorkbookState,
  WorkbookFileError,
  writePackage,
} from "../../src/xlsx";
import { CORPUS } from "./corpus";
import { topLevelOrder } from "./schemaOrder";
import { fixture } from "./support";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG = "http://schemas.openxmlformats.org/package/2006/relationships";
const TYPE = (kind: string): string => `application/vnd.openxmlformats-officedocument.spreadsheetml.${kind}+xml`;
const serial = (date: Date): number => date.getTime() / 86_400_000 + 25569;
const DAY = new Date(Date.UTC(2026, 11, 1));

/** A package as the Open XML SDK writes it: x: prefix, relationships bound to "rel:", no `r` on rows or cells. */
async function dialectPackage(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file(
    "[Content_Types].xml",
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${TYPE("sheet.main")}"/>` +
      `<Override PartName="/xl/worksheets/sheet1.xml" ContentType="${TYPE("worksheet")}"/>` +
      `<Override PartName="/xl/styles.xml" ContentType="${TYPE("styles")}"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${TYPE("sharedStrings")}"/>` +
      `<Override PartName="/xl/tables/table1.xml" ContentType="${TYPE("table")}"/></Types>`,
  );
  zip.file(
    "_rels/.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/officeDocument" ` +
      `Target="/xl/workbook.xml"/></Relationships>`,
  );
  zip.file(
    "xl/workbook.xml",
    `<x:workbook xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheets>` +
      '<x:sheet name="Plan" sheetId="1" rel:id="R1"/></x:sheets></x:workbook>',
  );
  zip.file(
    "xl/_rels/workbook.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="R1" Type="${REL}/worksheet" Target="/xl/worksheets/sheet1.xml"/>` +
      `<Relationship Id="R2" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="R3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
  );
  zip.file(
    "xl/styles.xml",
    `<x:styleSheet xmlns:x="${MAIN}"><x:numFmts count="3">` +
      '<x:numFmt numFmtId="164" formatCode="[$-409]d mmm yyyy;@"/><x:numFmt numFmtId="165" formatCode="0.0\\%"/>' +
      '<x:numFmt numFmtId="166" formatCode="&quot;Day&quot; 0"/></x:numFmts>' +
      '<x:fonts count="1"><x:font><x:sz val="11"/><x:name val="Aptos"/></x:font></x:fonts>' +
      '<x:fills count="2"><x:fill><x:patternFill patternType="none"/></x:fill>' +
      '<x:fill><x:patternFill patternType="gray125"/></x:fill></x:fills>' +
      '<x:borders count="1"><x:border/></x:borders><x:cellXfs count="5">' +
      ('<x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" ' +
        'borderId="0"/>') +
      ('<x:xf numFmtId="165" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="166" fontId="0" fillId="0" ' +
        'borderId="0"/>') +
      '<x:xf numFmtId="14" fontId="0" fillId="0" borderId="0"/></x:cellXfs>' +
      '<x:dxfs count="1"><x:dxf><x:font><x:b/></x:font></x:dxf></x:dxfs></x:styleSheet>',
  );
  zip.file(
    "xl/sharedStrings.xml",
    `<sst xmlns="${MAIN}"><si><r><t>6 — </t></r><r><rPr><b/></rPr><t>Record-keeping</t></r>` +
      '<rPh sb="0" eb="1"><t>phonetic</t></rPh></si><si><t>line_x000D_break</t></si></sst>',
  );
  const v = (text: string): string => `<x:v>${text}</x:v>`;
  zip.file(
    "xl/worksheets/sheet1.xml",
    `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheetData>` +
      (`<x:row><x:c t="s">${v("0")}</x:c><x:c t="inlineStr"><x:is><x:r><x:t>in</x:t></x:r><x:r><x:t>line</x:t>` +
        `</x:r></x:is></x:c>`) +
      `<x:c s="1" t="str"><x:f>"text"</x:f>${v("text result")}</x:c></x:row>` +
      `<x:row><x:c s="1">${v(String(serial(DAY)))}</x:c><x:c s="2">${v("5")}</x:c><x:c s="3">${v("7")}</x:c></x:row>` +
      (`<x:row><x:c t="b">${v("1")}</x:c><x:c t="e">${v("#REF!")}</x:c><x:c ` +
        `t="d">${v("2026-12-01T00:00:00")}</x:c></x:row>`) +
      (`<x:row><x:c><x:f>2027+1</x:f>${v("2028")}</x:c><x:c><x:f>1/0</x:f></x:c><x:c ` +
        `s="4">${v(String(serial(DAY)))}</x:c></x:row>`) +
      `<x:row r="6"><x:c r="A6" t="s">${v("1")}</x:c><x:c r="C6">${v("3")}</x:c></x:row>` +
      `</x:sheetData><x:tableParts count="1"><x:tablePart rel:id="T1"/></x:tableParts></x:worksheet>`,
  );
  zip.file(
    "xl/worksheets/_rels/sheet1.xml.rels",
    `<Relationships xmlns="${PKG}"><Relationship Id="T1" Type="${REL}/table" Target="../tables/table1.xml"/>` +
      `</Relationships>`,
  );
  zip.file(
    "xl/tables/table1.xml",
    `<table xmlns="${MAIN}" id="1" name="Plan" displayName="Plan" ref="A1:C6" headerRowCount="0" totalsRowCount="1">` +
      '<tableColumns count="3"><tableColumn id="1" name="One"/><tableColumn id="2" name="Two"/>' +
      '<tableColumn id="3" name="Three"/></tableColumns></table>',
  );
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

describe("reading every valid form", () => {
  it("x: prefix, any relationships prefix, no r, no header row, a totals row, every kind of value", async () => {
    const pkg = await openPackage(await dialectPackage());
    expect(readAllTables(pkg)).toEqual([
      {
        name: "Plan",
        sheet: "Plan",
        top: 0,
        left: 1,
        headers: ["One", "Two", "Three"],
        rows: [
          ["6 — Record-keeping", "inline", "text result"],
          [DAY, 5, 7],
          [true, "#REF!", DAY],
          // 1/0 with no cached result: a formula with no saved value, not a blank cell.
          [2028, UNSAVED_FORMULA, DAY],
          [null, null, null],
        ],
      },
    ]);
    expect(cellValueAt(pkg, "Plan", 6, 1)).toBe("line\rbreak");
  });

  it("finds the workbook by its content type when the package's relationships do not lead to it", async () => {
    const zip = await JSZip.loadAsync(await dialectPackage());
    zip.file("_rels/.rels", `<Relationships xmlns="${PKG}"></Relationships>`);
    const move = async (from: string, to: string): Promise<void> => {
      zip.file(to, (await zip.file(from)?.async("string")) ?? "");
      zip.remove(from);
    };
    await move("xl/workbook.xml", "xl/book.xml");
    await move("xl/_rels/workbook.xml.rels", "xl/_rels/book.xml.rels");
    const types = (await zip.file("[Content_Types].xml")?.async("string")) ?? "";
    zip.file("[Content_Types].xml", types.replace("/xl/workbook.xml", "/xl/book.xml"));
    const pkg = await openPackage(await zip.generateAsync({ type: "nodebuffer" }));
    expect(cellValueAt(pkg, "Plan", 2, 2)).toBe(5);
  });

  it("reads UTF-16 parts, and writes a changed one back in UTF-16", async () => {
    const source = await JSZip.loadAsync(readFileSync(fixture("default.xlsx")));
    for (const name of ["xl/workbook.xml", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"]) {
      const text = ((await source.file(name)?.async("string")) ?? "").replace('encoding="UTF-8"', 'encoding="UTF-16"');
      source.file(name, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]));
    }
    const bytes = await source.generateAsync({ type: "nodebuffer" });
    const [utf16, utf8] = [await openPackage(bytes), await openPackage(readFileSync(fixture("default.xlsx")))];
    expect(readAllTables(utf16)).toEqual(readAllTables(utf8));
    applyOps(utf16, [{ op: "setValues", sheet: "Workplan", top: 30, left: 1, values: [["written"]] }]);
    const out = await JSZip.loadAsync(await writePackage(utf16));
    const sheet = (await out.file("xl/worksheets/sheet1.xml")?.async("nodebuffer")) ?? Buffer.alloc(0);
    expect([...sheet.subarray(0, 2)]).toEqual([0xff, 0xfe]);
    expect(cellValueAt(await openPackage(await out.generateAsync({ type: "nodebuffer" })), "Workplan", 30, 1)).toBe(
      "written",
    );
  });

  it("writes on a strict (ISO/IEC 29500 strict) workbook in the strict namespaces", async () => {
    const zip = await JSZip.loadAsync(readFileSync(fixture("default.xlsx")));
    for (const file of Object.values(zip.files).filter((f) => !f.dir && /\.(xml|rels)$/.test(f.name))) {
      const text = await file.async("string");
      zip.file(
        file.name,
        text
          .split(MAIN)
          .join("http://purl.oclc.org/ooxml/spreadsheetml/main")
          .split(REL)
          .join("http://purl.oclc.org/ooxml/officeDocument/relationships"),
      );
    }
    const pkg = await openPackage(await zip.generateAsync({ type: "nodebuffer" }));
    const before = readAllTables(pkg);
    expect(before).toEqual(readAllTables(await openPackage(readFileSync(fixture("default.xlsx")))));
    applyOps(pkg, [
      { op: "addSheet", sheet: "Strict", visibility: "visible" },
      {
        op: "setValues",
        sheet: "Strict",
        top: 1,
        left: 1,
        values: [
          ["Name", "Value"],
          ["a", 1],
        ],
      },
      { op: "addTable", sheet: "Strict", table: "StrictTable", area: area(1, 1, 2, 2), style: "TableStyleLight1" },
      { op: "addNote", sheet: "Strict", row: 2, column: 1, text: "note", width: 100, height: 40 },
    ]);
    const part = pkg.sheet("Strict")?.part ?? "";
    expect(pkg.text(part)).toContain('xmlns="http://purl.oclc.org/ooxml/spreadsheetml/main"');
    expect(pkg.text("xl/_rels/workbook.xml.rels")).not.toContain(REL);
    const reopened = await openPackage(await writePackage(pkg));
    expect(readAllTables(reopened).find((t) => t.name === "StrictTable")?.rows).toEqual([["a", 1]]);
    expect(readWorkbookState(reopened).noteCells.has("strict!a2")).toBe(true);
  });

  it("writes on a package in the x: dialect with the same prefix, in schema order", async () => {
    const pkg = await openPackage(await dialectPackage());
    applyOps(pkg, [
      { op: "setValues", sheet: "Plan", top: 8, left: 1, values: [["x"]] },
      { op: "columnWidth", sheet: "Plan", column: 2, width: 20 },
      { op: "freezeRows", sheet: "Plan", rows: 1 },
      {
        op: "addRule",
        sheet: "Plan",
        area: area(8, 1, 8, 1),
        formula: "A8=1",
        format: { fill: "FFC7CE", fontColor: "9C0006" },
      },
      { op: "tabColor", sheet: "Plan", color: "FF0000" },
    ]);
    const text = pkg.text("xl/worksheets/sheet1.xml");
    expect(text).toContain('<x:c r="A8" t="inlineStr"><x:is><x:t xml:space="preserve">x</x:t></x:is></x:c>');
    expect(topLevelOrder(text)).toEqual([
      "sheetPr",
      "sheetViews",
      "cols",
      "sheetData",
      "conditionalFormatting",
      "tableParts",
    ]);
    expect(readAllTables(pkg)[0]?.rows[0]).toEqual(["6 — Record-keeping", "inline", "text result"]);
  });
});

function area(top: number, left: number, bottom: number, right: number) {
  return { top, left, bottom, right };
}

async function user(): Promise<ReturnType<typeof openPackage>> {
  return openPackage(readFileSync(fixture("user-formatting.xlsx")), "user-formatting.xlsx");
}

describe("what each operation does to what is there", () => {
  it("removes only the rule with exactly that area and formula; the user's rules and dxfs stay", async () => {
    const pkg = await user();
    const rule = { fill: "FFC7CE", fontColor: "9C0006" };
    const ops: SheetOp[] = [
      { op: "addRule", sheet: "Workplan", area: area(2, 1, 12, 6), formula: "$A2>0", format: rule },
      { op: "addRule", sheet: "Workplan", area: area(2, 1, 13, 6), formula: "$A2>0", format: rule },
    ];
    const styleBefore = pkg.text("xl/styles.xml");
    const sheetBefore = pkg.text("xl/worksheets/sheet1.xml");
    applyOps(pkg, ops);
    applyOps(pkg, [{ op: "removeRule", sheet: "Workplan", area: area(2, 1, 12, 6), formula: "=$A2>0" }]);
    const sheet = pkg.text("xl/worksheets/sheet1.xml");
    expect(sheet).toContain('<conditionalFormatting sqref="A2:F13">');
    expect(sheet).not.toContain('<conditionalFormatting sqref="A2:F12">');
    for (const userRule of sheetBefore.match(/<conditionalFormatting[\s\S]*?<\/conditionalFormatting>/g) ?? []) {
      expect(sheet).toContain(userRule);
    }
    const dxfs = (xml: string): string => /<dxfs[^>]*>([\s\S]*)<\/dxfs>/.exec(xml)?.[1] ?? "";
    expect(dxfs(pkg.text("xl/styles.xml")).startsWith(dxfs(styleBefore))).toBe(true);
    const xfs = (xml: string): string => /<cellXfs[^>]*>([\s\S]*)<\/cellXfs>/.exec(xml)?.[1] ?? "";
    expect(xfs(pkg.text("xl/styles.xml"))).toBe(xfs(styleBefore));
    topLevelOrder(sheet);
  });

  it("adds a note next to the user's and removes only ours", async () => {
    const pkg = await user();
    const before = readWorkbookState(pkg).noteCells;
    applyOps(pkg, [
      { op: "addNote", sheet: "Workplan", row: 3, column: 2, text: "Workplan Checker: ours", width: 200, height: 50 },
    ]);
    expect([...readWorkbookState(pkg).noteCells].sort()).toEqual([...before, "workplan!b3"].sort());
    applyOps(pkg, [{ op: "removeNote", sheet: "Workplan", row: 3, column: 2 }]);
    expect([...readWorkbookState(pkg).noteCells].sort()).toEqual([...before].sort());
    const dir = mkdtempSync(path.join(tmpdir(), "workplan-notes-"));
    const file = path.join(dir, "notes.xlsx");
    writeFileSync(file, await writePackage(pkg));
    const notes = execFileSync(
      "/usr/bin/python3",
      [
        "-c",
        "import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['Workplan']; " +
          "print(sorted(c.coordinate for r in ws.iter_rows() for c in r if c.comment))",
        file,
      ],
      { encoding: "utf8" },
    );
    expect(notes.trim()).toBe("['C5', 'E7']");
  });

  (existsSync(path.join(CORPUS, "excel-chartsheets.xlsx")) ? it : it.skip)(
    "a formula replaced by a value takes the calculation chain with it (Excel rebuilds it)",
    async () => {
      const pkg = await openPackage(readFileSync(path.join(CORPUS, "excel-chartsheets.xlsx")));
      expect(pkg.find("xl/calcChain.xml")).toBeDefined();
      applyOps(pkg, [{ op: "setValues", sheet: "Intro", top: 30, left: 30, values: [["not a formula"]] }]);
      expect(pkg.find("xl/calcChain.xml")).toBeDefined();
      const formula = /<c r="([A-Z]+)(\d+)"[^>]*><f>/.exec(pkg.text(pkg.sheet("Sell")?.part ?? ""));
      const column = [...(formula?.[1] ?? "")].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      applyOps(pkg, [{ op: "setValues", sheet: "Sell", top: Number(formula?.[2]), left: column, values: [[1]] }]);
      expect(pkg.find("xl/calcChain.xml")).toBeUndefined();
      const out = await JSZip.loadAsync(await writePackage(pkg));
      expect(out.file("xl/calcChain.xml")).toBeNull();
      expect(await out.file("[Content_Types].xml")?.async("string")).not.toContain("calcChain");
      expect(await out.file("xl/_rels/workbook.xml.rels")?.async("string")).not.toContain("calcChain");
    },
  );

  it("clears values and keeps formats", async () => {
    const pkg = await openPackage(readFileSync(fixture("user-formatting.xlsx")));
    const s = (xml: string, ref: string): string | undefined =>
      new RegExp(`<c r="${ref}"[^>]*?s="(\\d+)"`).exec(xml)?.[1];
    const before = pkg.text("xl/worksheets/sheet1.xml");
    applyOps(pkg, [{ op: "clearValues", sheet: "Workplan", area: area(2, 1, 2, 6) }]);
    const after = pkg.text("xl/worksheets/sheet1.xml");
    for (const ref of ["A2", "B2", "C2", "D2", "E2", "F2"]) expect(s(after, ref)).toBe(s(before, ref));
    expect(cellValueAt(pkg, "Workplan", 2, 1)).toBeNull();
    expect(readWorkbookState(pkg).tables.find((t) => t.name === "Workplan")?.rows[0]).toEqual([
      null,
      null,
      null,
      null,
      null,
      null,
    ]);
  });

  it("resizes a table by its ref and names new columns from their header cells", async () => {
    const pkg = await emptyPackage();
    applyOps(pkg, [
      { op: "addSheet", sheet: "Conflicts", visibility: "visible" },
      {
        op: "setValues",
        sheet: "Conflicts",
        top: 4,
        left: 1,
        values: [
          ["Severity", "Rule"],
          ["error", "x"],
        ],
      },
      { op: "addTable", sheet: "Conflicts", table: "Conflicts", area: area(4, 1, 5, 2), style: "TableStyleMedium2" },
    ]);
    applyOps(pkg, [
      { op: "setValues", sheet: "Conflicts", top: 4, left: 3, values: [["Where"], ["E7"], ["E8"]] },
      { op: "resizeTable", sheet: "Conflicts", table: "Conflicts", area: area(4, 1, 6, 3) },
    ]);
    const state = readWorkbookState(pkg);
    expect(state.conflicts).toEqual({ name: "Conflicts", sheet: "Conflicts", area: area(4, 1, 6, 3) });
    expect(state.filledCells).toHaveLength(7);
    expect(pkg.text("xl/tables/table1.xml")).toContain(
      '<tableColumns count="3"><tableColumn id="1" name="Severity"/><tableColumn id="2" name="Rule"/>' +
        '<tableColumn id="3" name="Where"/></tableColumns>',
    );
  });

  it("refuses to write over a shared formula's first cell, and then leaves the package as it was", async () => {
    const made = await emptyPackage();
    applyOps(made, [{ op: "addSheet", sheet: "Plan", visibility: "visible" }]);
    const zip = await JSZip.loadAsync(await writePackage(made));
    const part = made.sheet("Plan")?.part ?? "";
    const shared =
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><f t="shared" ref="A2:A3" ' +
      'si="0">A1+1</f>' +
      '<v>2</v></c></row><row r="3"><c r="A3"><f t="shared" si="0"/><v>3</v></c></row>' +
      '<row r="2000000"><c r="A2000000"><v>9</v></c><c r="XFE4"><v>8</v></c></row></sheetData>';
    zip.file(part, ((await zip.file(part)?.async("string")) ?? "").replace("<sheetData/>", shared));
    const pkg = await openPackage(await zip.generateAsync({ type: "nodebuffer" }));
    const before = pkg.touchedParts();
    expect(() =>
      applyOps(pkg, [
        { op: "addSheet", sheet: "Other", visibility: "visible" },
        { op: "setValues", sheet: "Plan", top: 2, left: 1, values: [[5]] },
      ]),
    ).toThrow("Plan!A2 holds a formula that other cells share");
    expect(pkg.touchedParts()).toEqual(before);
    expect(pkg.sheets.map((s) => s.name)).toEqual(["Plan"]);
    applyOps(pkg, [
      { op: "setValues", sheet: "Plan", top: 3, left: 2, values: [["next to it"]] },
      { op: "setValues", sheet: "Plan", top: 4, left: 2, values: [["in the row of a cell past the grid"]] },
    ]);
    const text = pkg.text(part);
    expect(text).toContain('<f t="shared" ref="A2:A3" si="0">A1+1</f>');
    expect(text).toContain("<v>9</v>");
    expect(text).toContain('r="XFE4"');
    expect(() => applyOps(pkg, [{ op: "addSheet", sheet: "a/b", visibility: "visible" }])).toThrow(WorkbookFileError);
  });

  it("never writes a note over the user's, nor a table over another table or merged cells", async () => {
    const pkg = await user();
    const note: SheetOp = { op: "addNote", sheet: "Workplan", row: 5, column: 3, text: "x", width: 100, height: 40 };
    expect(() => applyOps(pkg, [note])).toThrow("Workplan!C5 already has a note; the product does not write over it.");
    const table = readWorkbookState(pkg).tables.find((t) => t.name === "Topics");
    const over: SheetOp = {
      op: "addTable",
      sheet: "Topics",
      table: "Mine",
      area: area(table?.top ?? 1, 1, (table?.top ?? 1) + 1, 2),
      style: "TableStyleLight1",
    };
    expect(() => applyOps(pkg, [over])).toThrow(/the table "Topics" is at A1:B\d+/);
    const made = await emptyPackage();
    applyOps(made, [{ op: "addSheet", sheet: "S", visibility: "visible" }]);
    const zip = await JSZip.loadAsync(await writePackage(made));
    const part = made.sheet("S")?.part ?? "";
    const merged = '<mergeCells count="1"><mergeCell ref="B2:C3"/></mergeCells>';
    zip.file(part, ((await zip.file(part)?.async("string")) ?? "").replace("<sheetData/>", `<sheetData/>${merged}`));
    const withMerge = await openPackage(await zip.generateAsync({ type: "nodebuffer" }));
    expect(() =>
      applyOps(withMerge, [
        { op: "addTable", sheet: "S", table: "T", area: area(1, 1, 2, 2), style: "TableStyleLight1" },
      ]),
    ).toThrow('The table "T" cannot take S!A1:B2: it would overlap the merged cells B2:C3.');
    expect(withMerge.touchedParts()).toEqual([]);
  });

  (existsSync(path.join(CORPUS, "excel-mac-threaded-comments.xlsx")) ? it : it.skip)(
    "never writes a note on a cell with a threaded comment, even one without its note beside it",
    async () => {
      const zip = await JSZip.loadAsync(readFileSync(path.join(CORPUS, "excel-mac-threaded-comments.xlsx")));
      const comments = (await zip.file("xl/comments1.xml")?.async("string")) ?? "";
      zip.file("xl/comments1.xml", comments.replace(/<comment ref="C2"[\s\S]*?<\/comment>/, ""));
      const pkg = await openPackage(await zip.generateAsync({ type: "nodebuffer" }));
      const note: SheetOp = { op: "addNote", sheet: "File", row: 2, column: 3, text: "x", width: 100, height: 40 };
      expect(() => applyOps(pkg, [note])).toThrow("File!C2 already has a note");
      applyOps(pkg, [{ ...note, row: 9 }]);
      expect(readWorkbookState(pkg).noteCells).toEqual(new Set(["file!c2", "file!b3", "file!c9"]));
    },
  );

  it("an empty package takes init's operations; with no visible sheet it is not written", async () => {
    const pkg = await emptyPackage();
    await expect(writePackage(pkg)).rejects.toThrow(WorkbookFileError);
    applyOps(pkg, [
      { op: "addSheet", sheet: "Workplan", visibility: "visible" },
      {
        op: "setValues",
        sheet: "Workplan",
        top: 1,
        left: 1,
        values: [
          ["Meeting", "Year"],
          [15, 2027],
        ],
      },
      { op: "addTable", sheet: "Workplan", table: "Workplan", area: area(1, 1, 2, 2), style: "TableStyleMedium2" },
      { op: "addSheet", sheet: "WorkplanLists", visibility: "veryHidden" },
      { op: "setName", name: "WorkplanTopicLabels", reference: "='WorkplanLists'!$A$1:$A$1" },
      { op: "activate", sheet: "Workplan" },
    ]);
    const reopened = await openPackage(await writePackage(pkg));
    const state = readWorkbookState(reopened);
    expect(state.tables).toEqual([
      { name: "Workplan", sheet: "Workplan", top: 1, left: 1, headers: ["Meeting", "Year"], rows: [[15, 2027]] },
    ]);
    expect(state.names.get("WorkplanTopicLabels")).toBe("='WorkplanLists'!$A$1:$A$1");
    expect(state.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ["Workplan", "visible"],
      ["WorkplanLists", "veryHidden"],
    ]);
  });
});
