/** The adapter's small pure parts: addresses, cell values, captions, ownership, error messages. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FLAGS_SHEET, NOTE_MARK } from "../../src/domain/annotations";
import { parseArea, sheetOfAddress, subtractArea, areaAddress } from "../../src/office/address";
import { engineValue, writtenValue } from "../../src/office/cells";
import { cellValue } from "../../src/office/ops";
import { isLegacyRule, isOwnNote } from "../../src/office/state";
import { userError, WorkbookError } from "../../src/office/run";
import { captionRows } from "../../src/domain/annotations";

describe("addresses", () => {
  it("reads Office.js addresses, quoted sheet names included", () => {
    expect(parseArea("'It''s mine'!$B$2:D5")).toEqual({ top: 2, left: 2, bottom: 5, right: 4 });
    expect(parseArea("Workplan!C7")).toEqual({ top: 7, left: 3, bottom: 7, right: 3 });
    expect(sheetOfAddress("'It''s mine'!B2:D5")).toBe("It's mine");
    expect(sheetOfAddress("B2")).toBeNull();
    expect(() => parseArea("Workplan!A:A")).toThrow(/cannot read/);
  });

  it("finds the cells a smaller table no longer covers", () => {
    const old = parseArea("A4:F20");
    expect(subtractArea(old, parseArea("A4:F6")).map(areaAddress)).toEqual(["A7:F20"]);
    expect(subtractArea(parseArea("A4:H6"), parseArea("A4:F6")).map(areaAddress)).toEqual(["G4:H6"]);
    expect(subtractArea(old, parseArea("A4:F20"))).toEqual([]);
  });
});

describe("cell values", () => {
  it("gives the engine what ExcelJS would: null for blanks, the text of errors", () => {
    expect(engineValue("", "Empty")).toBeNull();
    expect(engineValue("#N/A", "Error")).toBe("#N/A");
    expect(engineValue("2028", "String")).toBe("2028");
    expect(engineValue(2028, "Double")).toBe(2028);
    expect(engineValue(true, "Boolean")).toBe(true);
    expect(engineValue({ type: "Entity" }, "RichValue")).toBeNull();
  });

  it("writes blanks as empty text (null would leave the cell unchanged) and keeps text as text", () => {
    expect(writtenValue(null)).toBe("");
    // Text stays text by Excel's quote prefix, never the Text format (see docs/excel-behaviour.md).
    expect(cellValue("12")).toBe("'12");
    expect(cellValue(12)).toBe(12);
    expect(cellValue("")).toBe("");
  });
});

describe("the Conflicts captions", () => {
  it("sit three and two rows above the header, as high as the sheet allows (as in the ExcelJS adapter)", () => {
    expect(captionRows(4)).toEqual([1, 2]);
    expect(captionRows(10)).toEqual([7, 8]);
    expect(captionRows(3)).toEqual([1, 2]);
    expect(captionRows(2)).toEqual([1]);
    expect(captionRows(1)).toEqual([]);
  });
});

describe("what is the product's", () => {
  const rule = (type: string, formula: string | null) =>
    ({
      type,
      customOrNullObject: formula === null ? { isNullObject: true } : { isNullObject: false, rule: { formula } },
    }) as unknown as Excel.ConditionalFormat;

  it("a formula rule that reads the flags sheet, quoted or not (a version without a record)", () => {
    expect(isLegacyRule(rule("Custom", `='${FLAGS_SHEET}'!A2=3`))).toBe(true);
    expect(isLegacyRule(rule("Custom", `=${FLAGS_SHEET}!C6=1`))).toBe(true);
    expect(isLegacyRule(rule("Custom", `=My${FLAGS_SHEET}!A2=3`))).toBe(false);
    expect(isLegacyRule(rule("Custom", "=$B2>2030"))).toBe(false);
    expect(isLegacyRule(rule("CellValue", null))).toBe(false);
  });

  it("a note whose text starts with the mark", () => {
    expect(isOwnNote(`${NOTE_MARK}\nError (x): y`)).toBe(true);
    expect(isOwnNote(`See ${NOTE_MARK}`)).toBe(false);
    expect(isOwnNote(undefined)).toBe(false);
  });
});

describe("errors", () => {
  it("keep the add-in's own refusals as they are and explain Excel's", () => {
    const own = new WorkbookError("Cannot create the workbook: …");
    expect(userError(own, "action.create")).toBe(own);
    const excel = Object.assign(new Error("The sheet is protected."), { code: "AccessDenied" });
    const message = userError(excel, "action.check").message;
    expect(message).toMatch(/^Could not check the workbook\. Excel refused the change/);
    expect(message).toContain("(Excel said: AccessDenied: The sheet is protected.)");
    expect(userError("boom", "action.check").message).toMatch(/Save the workbook and try again/);
  });
});

describe("where Office.js comes from", () => {
  it("the npm package @microsoft/office-js, never a CDN: no adapter or test file names one", () => {
    const root = path.resolve(__dirname, "../..");
    expect(existsSync(path.join(root, "node_modules/@microsoft/office-js/dist/office.js"))).toBe(true);
    const files = ["src/office", "test/office", "test/support/fakeExcel"].flatMap((dir) =>
      readdirSync(path.join(root, dir))
        .filter((f) => f.endsWith(".ts"))
        .map((f) => path.join(root, dir, f)),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(readFileSync(file, "utf8")).not.toMatch(/appsforoffice\.microsoft\.com|https?:\/\/[^\s"']*office\.js/i);
  });
});
