/**
 * A check written through the package patcher (describeCheck → patchedBytes, as `check --out`) on
 * every fixture, read back by the package reader and by openpyxl: the product's flags, rules, notes
 * and Conflicts table are there, and everything of the user's is as it was.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import JSZip from "jszip";
import { FLAGS_SHEET, LISTS_SHEET, NOTE_MARK, type Annotations } from "../../src/domain/annotations";
import { a1 } from "../../src/domain/tables";
import { TIMELINE_SHEET } from "../../src/domain/timeline";
import { describeClear } from "../../src/domain/write";
import {
  cellValueAt,
  openWorkbookFile,
  patchedBytes,
  readAllTables,
  readWorkbookState,
  type XlsxPackage,
} from "../../src/xlsx";
import {
  annotationsFor,
  checkedBytes,
  checkedCopy,
  describeWithOpenpyxl,
  fixture,
  FIXTURE_NAMES,
  sheetOf,
  SLIP,
  tablesOf,
  tempDir,
  type Description,
} from "./support";
import { requireTool } from "../support/tools";
import { cellAddress } from "../../src/domain/cellRef";

/** Every suite here reads the written files with openpyxl. */
const withOpenpyxl = requireTool("openpyxl");

const dir = tempDir();
/**
 * The product's sheets. In these fixtures the Conflicts sheet holds only the product's table, its
 * lines and their colours; the user's cells beside that table are tested in test/domain/write.
 */
const PRODUCT_SHEETS = [FLAGS_SHEET, LISTS_SHEET, TIMELINE_SHEET, "Conflicts"];

/** What openpyxl sees, leaving out what the product writes. */
function userView(description: Description) {
  return {
    definedNames: description.definedNames,
    sheets: description.sheets
      .filter((sheet) => !PRODUCT_SHEETS.includes(sheet.name))
      .map((sheet) => ({
        ...sheet,
        conditionalFormats: sheet.conditionalFormats.filter(
          (rule) => !rule.formula.some((f) => f.includes(FLAGS_SHEET)),
        ),
        notes: Object.fromEntries(Object.entries(sheet.notes).filter(([, text]) => !text.startsWith(NOTE_MARK))),
        tables: sheet.tables.filter((table) => table.name !== "Conflicts"),
      })),
  };
}

function cellValues(pkg: XlsxPackage, sheet: string, top: number, left: number, rows: number, columns: number) {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => cellValueAt(pkg, sheet, top + i, left + j)),
  );
}

withOpenpyxl.each(FIXTURE_NAMES)("a check of %s with cluster 2 slipping, written to a new file", (file) => {
  const out = path.join(dir, `checked-${file}`);
  let annotations: Annotations;
  let written: XlsxPackage;
  let before: Description;
  let after: Description;

  beforeAll(async () => {
    annotations = annotationsFor(await tablesOf(fixture(file)), SLIP);
    await checkedCopy(fixture(file), out, SLIP);
    written = await openWorkbookFile(out);
    before = describeWithOpenpyxl(fixture(file));
    after = describeWithOpenpyxl(out);
  });

  it("holds the flags on the very-hidden flags sheet, at the addresses of the Workplan table body", () => {
    const highlights = annotations.highlights;
    if (!highlights) throw new Error("no highlights");
    const flagged = annotations.notes.filter((note) => note.at.sheet === highlights.sheet);
    expect(highlights.flags.flat().filter((flag) => flag > 0)).toHaveLength(flagged.length);
    expect(
      cellValues(
        written,
        FLAGS_SHEET,
        highlights.top,
        highlights.left,
        highlights.flags.length,
        highlights.flags[0]?.length ?? 0,
      ),
    ).toEqual(highlights.flags);
    expect(sheetOf(after, FLAGS_SHEET).state).toBe("veryHidden");
  });

  it(
    "highlights the Workplan table body with rules reading the flags (the cells strongly, then the rows lightly), " +
      "error first, after the user's rules",
    () => {
      const highlights = annotations.highlights;
      const rules = sheetOf(after, "Workplan").conditionalFormats;
      const ours = rules.filter((rule) => rule.formula.some((f) => f.includes(FLAGS_SHEET)));
      const userTop = Math.max(0, ...rules.filter((rule) => !ours.includes(rule)).map((rule) => rule.priority));
      expect(ours).toEqual(
        highlights?.rules.map((rule, i) => ({
          sqref: highlights.range,
          type: "expression",
          priority: userTop + 1 + i,
          formula: [rule.formula],
          stopIfTrue: false,
          dxf: {
            fill: { type: "solid", fg: expect.anything(), bg: `FF${rule.fill}` },
            font: `FF${rule.font}`,
            bold: rule.bold ?? false,
          },
        })),
      );
    },
  );

  it("puts a note on each finding's cell, except where the user has a note", () => {
    const notes = sheetOf(after, "Workplan").notes;
    for (const note of annotations.notes) {
      const cell = cellAddress(note.at);
      const userNote = sheetOf(before, note.at.sheet).notes[cell];
      expect(notes[cell]).toBe(userNote ?? note.text);
    }
  });

  it("rewrites the Conflicts table where it was, with a row per finding and the caption above it", async () => {
    const { top, left } = (await tablesOf(fixture(file))).find((table) => table.name === "Conflicts") ?? {
      top: 0,
      left: 0,
    };
    const conflicts = readAllTables(written).find((table) => table.name === "Conflicts");
    expect(conflicts).toEqual({
      name: "Conflicts",
      sheet: "Conflicts",
      top,
      left,
      headers: annotations.conflicts.headers,
      rows: annotations.conflicts.rows,
    });
    expect([
      cellValueAt(written, "Conflicts", top - 3, left),
      cellValueAt(written, "Conflicts", top - 2, left),
    ]).toEqual(annotations.conflicts.caption);
    const bottomRight = a1(top + annotations.conflicts.rows.length, left + annotations.conflicts.headers.length - 1);
    const ref = `${a1(top, left)}:${bottomRight}`;
    // The table's style is the one it had (LibreOffice writes tables without one): a resize keeps it.
    const style = sheetOf(before, "Conflicts").tables[0]?.style ?? null;
    expect(sheetOf(after, "Conflicts").tables[0]).toMatchObject({ ref, headerRowCount: 1, style });
  });

  it("leaves the other tables as they read before", async () => {
    const input = (await tablesOf(fixture(file))).filter((t) => t.name !== "Conflicts");
    expect(readAllTables(written).filter((t) => t.name !== "Conflicts")).toEqual(input);
  });

  it("keeps everything of the user's: tables, validations, formats, notes, names, sheet states, widths, fills", () => {
    expect(userView(after)).toEqual(userView(before));
  });

  it("writes the same content when the check is applied again", async () => {
    const again = await checkedCopy(out, path.join(dir, `again-${file}`), SLIP);
    expect(describeWithOpenpyxl(again)).toEqual(after);
    const reread = await openWorkbookFile(again);
    expect(readAllTables(reread)).toEqual(readAllTables(written));
    expect(cellValues(reread, FLAGS_SHEET, 1, 1, 20, 10)).toEqual(cellValues(written, FLAGS_SHEET, 1, 1, 20, 10));
  });
});

withOpenpyxl("the user's own things in user-formatting.xlsx", () => {
  let after: Description;

  beforeAll(async () => {
    after = describeWithOpenpyxl(await checkedCopy(fixture("user-formatting.xlsx"), path.join(dir, "user.xlsx"), SLIP));
  });

  it("keeps the user's note on E7 instead of the product's, and the note on the empty C5", () => {
    const notes = sheetOf(after, "Workplan").notes;
    expect(notes.E7).toBe("Bureau: keep record-keeping in 2028 whatever happens.");
    expect(notes.C5).toBe("Status to be confirmed by the secretariat.");
    expect(notes.E8).toMatch(
      new RegExp(
        `^${NOTE_MARK}\\nError: Topic 7 .*\\(Background paper, paras. 4, 18 and 49; cluster-too-early\\)$`,
        "s",
      ),
    );
  });

  it("keeps the user's formats with their stop-if-true and priorities, before the product's", () => {
    const rules = sheetOf(after, "Workplan").conditionalFormats.map((rule) => [
      rule.priority,
      rule.type,
      rule.sqref,
      rule.stopIfTrue,
    ]);
    expect(rules).toEqual([
      [1, "cellIs", "B2:B11", false],
      [2, "duplicateValues", "A2:A11", true],
      [3, "expression", "A2:F11", false],
      [4, "expression", "A2:F11", false],
      [5, "expression", "A2:F11", false],
      // The rows' tints, after the cells' fills.
      [6, "expression", "A2:F11", false],
      [7, "expression", "A2:F11", false],
      [8, "expression", "A2:F11", false],
    ]);
  });

  it("keeps the validation with a relative formula on one range", () => {
    expect(sheetOf(after, "Workplan").validations.filter((v) => v.type === "custom")).toEqual([
      expect.objectContaining({ sqref: "B2:B11", formula1: "AND(ISNUMBER(B2),B2>2000)" }),
    ]);
  });

  it("keeps names that are formulas, constants or scoped to a sheet, and the hidden sheet", () => {
    expect(after.definedNames.filter((n) => !n.name.startsWith("Workplan"))).toEqual([
      { name: "FirstYear", scope: null, value: "MIN(Workplan!$B$2:$B$11)", hidden: false },
      { name: "Horizon", scope: null, value: "Workplan!$B$11", hidden: false },
      { name: "Local", scope: 5, value: "Settings!$B$2", hidden: false },
      { name: "Rate", scope: null, value: "0.25", hidden: false },
    ]);
    expect(sheetOf(after, "Scratch").state).toBe("hidden");
  });

  it("keeps a column width of 9 (a width ExcelJS used to drop)", () => {
    expect(sheetOf(after, "Workplan").widths.A).toBe(9);
  });
});

withOpenpyxl("applying and clearing", () => {
  it("gives the same file when applied twice to the same workbook", async () => {
    const once = await checkedCopy(fixture("user-formatting.xlsx"), path.join(dir, "once.xlsx"), SLIP);
    writeFileSync(path.join(dir, "twice.xlsx"), await checkedBytes(once, SLIP));
    expect(describeWithOpenpyxl(path.join(dir, "twice.xlsx"))).toEqual(describeWithOpenpyxl(once));
  });

  it(
    "clears the flags, the product's rules and notes, " + "and keeps the Conflicts table and the user's things",
    async () => {
      const checked = await checkedCopy(fixture("user-formatting.xlsx"), path.join(dir, "to-clear.xlsx"), SLIP);
      const pkg = await openWorkbookFile(checked);
      writeFileSync(path.join(dir, "cleared.xlsx"), await patchedBytes(pkg, describeClear(readWorkbookState(pkg)).ops));
      const cleared = await openWorkbookFile(path.join(dir, "cleared.xlsx"));
      expect(
        cellValues(cleared, FLAGS_SHEET, 1, 1, 20, 10)
          .flat()
          .every((v) => v === null),
      ).toBe(true);
      expect(readAllTables(cleared).find((t) => t.name === "Conflicts")?.rows).toHaveLength(2);
      const description = describeWithOpenpyxl(path.join(dir, "cleared.xlsx"));
      expect(userView(description)).toEqual(userView(describeWithOpenpyxl(fixture("user-formatting.xlsx"))));
      expect(sheetOf(description, "Workplan").conditionalFormats).toHaveLength(2);
      expect(
        Object.values(sheetOf(description, "Workplan").notes).filter((text) => text.startsWith(NOTE_MARK)),
      ).toEqual([]);
    },
  );

  it("shrinks the Conflicts table to the new findings and clears the rows it no longer covers", async () => {
    const checked = await checkedCopy(fixture("default.xlsx"), path.join(dir, "slipped.xlsx"), SLIP);
    const rechecked = await openWorkbookFile(await checkedCopy(checked, path.join(dir, "rechecked.xlsx")));
    const conflicts = readAllTables(rechecked).find((t) => t.name === "Conflicts");
    expect(conflicts?.rows).toEqual([
      ["None", null, null, "No conflicts: the workplan follows every rule.", null, null, null, null],
    ]);
    expect(cellValues(rechecked, "Conflicts", 6, 1, 1, 8)).toEqual([Array(8).fill(null)]);
    expect(String(cellValueAt(rechecked, "Conflicts", 1, 1))).toMatch(/: 0 errors, 0 warnings, 0 info\.$/);
  });

  it("makes the Conflicts sheet and table when the workbook has none", async () => {
    const input = await withoutConflictsSheet(path.join(dir, "no-conflicts-input.xlsx"));
    const out = await checkedCopy(input, path.join(dir, "no-conflicts.xlsx"), SLIP);
    const conflicts = (await tablesOf(out)).find((t) => t.name === "Conflicts");
    expect(conflicts).toMatchObject({ sheet: "Conflicts", top: 4, left: 1 });
    expect(conflicts?.rows).toHaveLength(2);
  });
});

withOpenpyxl("a conditional-format block holding a rule of the user's and one of the product's", () => {
  it("keeps the user's rule and replaces the product's", async () => {
    const zip = await JSZip.loadAsync(readFileSync(fixture("default.xlsx")));
    const mixed =
      '<conditionalFormatting sqref="A2:F11"><cfRule type="expression" priority="1" dxfId="0">' +
      "<formula>$B2&gt;2030</formula></cfRule>" +
      (`<cfRule type="expression" priority="2" dxfId="0"><formula>&apos;${FLAGS_SHEET}&apos;!A2=3</formula>` +
        `</cfRule></conditionalFormatting>`);
    const sheet = (await zip.file("xl/worksheets/sheet1.xml")?.async("string")) ?? "";
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("<tableParts", `${mixed}<tableParts`));
    const styles = (await zip.file("xl/styles.xml")?.async("string")) ?? "";
    zip.file(
      "xl/styles.xml",
      styles.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><i/></font></dxf></dxfs>'),
    );
    const input = path.join(dir, "mixed.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "nodebuffer" }));
    const rules = sheetOf(
      describeWithOpenpyxl(await checkedCopy(input, path.join(dir, "mixed-checked.xlsx"), SLIP)),
      "Workplan",
    ).conditionalFormats;
    expect(rules.map((rule) => [rule.priority, rule.formula[0]])).toEqual([
      [1, "$B2>2030"],
      [2, `'${FLAGS_SHEET}'!A2=3`],
      [3, `'${FLAGS_SHEET}'!A2=2`],
      [4, `'${FLAGS_SHEET}'!A2=1`],
      [5, `'${FLAGS_SHEET}'!$G2=3`],
      [6, `'${FLAGS_SHEET}'!$G2=2`],
      [7, `'${FLAGS_SHEET}'!$G2=1`],
    ]);
  });
});

/** default.xlsx without its Conflicts sheet, table and their relationships (as a user deletes the sheet). */
async function withoutConflictsSheet(out: string): Promise<string> {
  const zip = await JSZip.loadAsync(readFileSync(fixture("default.xlsx")));
  const text = async (name: string) => (await zip.file(name)?.async("string")) ?? "";
  const workbook = await text("xl/workbook.xml");
  const sheet = /<sheet [^>]*name="Conflicts"[^>]*r:id="(rId\d+)"[^>]*\/>/.exec(workbook);
  if (!sheet) throw new Error("default.xlsx has no Conflicts sheet");
  const rels = await text("xl/_rels/workbook.xml.rels");
  const target = new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"[^>]*/>`).exec(rels);
  if (!target?.[1]) throw new Error("no relationship for the Conflicts sheet");
  const part = `xl/${target[1].replace(/^\/?xl\//, "")}`;
  const sheetRels = part.replace("worksheets/", "worksheets/_rels/") + ".rels";
  for (const table of (await text(sheetRels)).matchAll(/Target="\.\.\/tables\/([^"]+)"/g)) {
    zip.remove(`xl/tables/${table[1]}`);
  }
  zip.remove(part);
  zip.remove(sheetRels);
  zip.file("xl/workbook.xml", workbook.replace(sheet[0], ""));
  zip.file("xl/_rels/workbook.xml.rels", rels.replace(target[0], ""));
  const types = await text("[Content_Types].xml");
  zip.file(
    "[Content_Types].xml",
    types.replace(/<Override PartName="\/xl\/(worksheets|tables)\/[^"]+"[^>]*\/>/g, (override) =>
      zip.file(/PartName="\/([^"]+)"/.exec(override)?.[1] ?? "") ? override : "",
    ),
  );
  writeFileSync(out, await zip.generateAsync({ type: "nodebuffer" }));
  return out;
}
