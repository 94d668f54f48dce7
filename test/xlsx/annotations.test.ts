/**
 * applyAnnotations + saveWorkbook on every fixture, read back by ExcelJS (through loadWorkbook)
 * and by openpyxl: the product's flags, rules, notes and Conflicts table are there, and everything
 * of the user's is as it was.
 */
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type ExcelJS from "exceljs";
import JSZip from "jszip";
import { FLAGS_SHEET, LISTS_SHEET, NOTE_MARK, type Annotations } from "../../src/domain/annotations";
import { a1 } from "../../src/domain/tables";
import { applyAnnotations, clearAnnotations, loadWorkbook, readTables, saveWorkbook } from "../../src/xlsx";
import {
  annotationsFor,
  checkedCopy,
  describeWithOpenpyxl,
  fixture,
  FIXTURE_NAMES,
  sheetOf,
  SLIP,
  tempDir,
  type Description,
} from "./support";
import { requireTool } from "../support/tools";

/** Every suite here reads the written files with openpyxl. */
const withOpenpyxl = requireTool("openpyxl");

const dir = tempDir();
const PRODUCT_SHEETS = [FLAGS_SHEET, LISTS_SHEET];

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

function cellValues(
  sheet: ExcelJS.Worksheet | undefined,
  top: number,
  left: number,
  rows: number,
  columns: number,
): unknown[][] {
  return Array.from({ length: rows }, (_, i) =>
    Array.from({ length: columns }, (_, j) => sheet?.findCell(top + i, left + j)?.value ?? null),
  );
}

withOpenpyxl.each(FIXTURE_NAMES)("a check of %s with cluster 2 slipping, written to a new file", (file) => {
  const out = path.join(dir, `checked-${file}`);
  let annotations: Annotations;
  let written: ExcelJS.Workbook;
  let before: Description;
  let after: Description;

  beforeAll(async () => {
    annotations = annotationsFor(await loadWorkbook(fixture(file)), SLIP);
    await checkedCopy(fixture(file), out, SLIP);
    written = await loadWorkbook(out);
    before = describeWithOpenpyxl(fixture(file));
    after = describeWithOpenpyxl(out);
  });

  it("holds the flags on the very-hidden flags sheet, at the addresses of the Workplan table body", () => {
    const highlights = annotations.highlights;
    if (!highlights) throw new Error("no highlights");
    const flagged = annotations.notes.filter((note) => note.sheet === highlights.sheet);
    expect(highlights.flags.flat().filter((flag) => flag > 0)).toHaveLength(flagged.length);
    const flags = written.getWorksheet(FLAGS_SHEET);
    expect(flags?.state).toBe("veryHidden");
    expect(
      cellValues(flags, highlights.top, highlights.left, highlights.flags.length, highlights.flags[0]?.length ?? 0),
    ).toEqual(highlights.flags);
    expect(sheetOf(after, FLAGS_SHEET).state).toBe("veryHidden");
  });

  it("highlights the Workplan table body with three rules reading the flags, error first, after the user's rules", () => {
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
          bold: false,
        },
      })),
    );
  });

  it("puts a note on each finding's cell, except where the user has a note", () => {
    const notes = sheetOf(after, "Workplan").notes;
    for (const note of annotations.notes) {
      const userNote = sheetOf(before, note.sheet).notes[note.cell];
      expect(notes[note.cell]).toBe(userNote ?? note.text);
    }
  });

  it("rewrites the Conflicts table where it was, with a row per finding and the caption above it", async () => {
    const { top, left } = readTables(await loadWorkbook(fixture(file))).find((table) => table.name === "Conflicts") ?? {
      top: 0,
      left: 0,
    };
    const conflicts = readTables(written).find((table) => table.name === "Conflicts");
    expect(conflicts).toEqual({
      name: "Conflicts",
      sheet: "Conflicts",
      top,
      left,
      headers: annotations.conflicts.headers,
      rows: annotations.conflicts.rows,
    });
    const sheet = written.getWorksheet("Conflicts");
    expect([sheet?.getCell(top - 3, left).value, sheet?.getCell(top - 2, left).value]).toEqual(
      annotations.conflicts.caption,
    );
    const ref = `${a1(top, left)}:${a1(top + annotations.conflicts.rows.length, left + annotations.conflicts.headers.length - 1)}`;
    expect(sheetOf(after, "Conflicts").tables[0]).toMatchObject({ ref, headerRowCount: 1, style: "TableStyleMedium2" });
  });

  it("leaves the other tables as they read before", async () => {
    const input = readTables(await loadWorkbook(fixture(file))).filter((t) => t.name !== "Conflicts");
    expect(readTables(written).filter((t) => t.name !== "Conflicts")).toEqual(input);
  });

  it("keeps everything of the user's: tables, validations, formats, notes, names, sheet states, widths, fills", () => {
    expect(userView(after)).toEqual(userView(before));
  });

  it("writes the same content when the check is applied again", async () => {
    const again = await checkedCopy(out, path.join(dir, `again-${file}`), SLIP);
    expect(describeWithOpenpyxl(again)).toEqual(after);
    const reread = await loadWorkbook(again);
    expect(readTables(reread)).toEqual(readTables(written));
    expect(cellValues(reread.getWorksheet(FLAGS_SHEET), 1, 1, 20, 10)).toEqual(
      cellValues(written.getWorksheet(FLAGS_SHEET), 1, 1, 20, 10),
    );
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
        `^${NOTE_MARK}\\nError: Topic 7 .*\\(Background paper, paras. 18, 4 and 49; cluster-too-early\\)$`,
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

  it("keeps a column width of 9, which ExcelJS would drop", () => {
    expect(sheetOf(after, "Workplan").widths.A).toBe(9);
  });
});

withOpenpyxl("applying and clearing", () => {
  it("gives the same file when applied twice to the same workbook", async () => {
    const once = await loadWorkbook(fixture("user-formatting.xlsx"));
    const twice = await loadWorkbook(fixture("user-formatting.xlsx"));
    const annotations = annotationsFor(once, SLIP);
    applyAnnotations(once, annotations);
    applyAnnotations(twice, annotations);
    applyAnnotations(twice, annotations);
    await saveWorkbook(once, path.join(dir, "once.xlsx"));
    await saveWorkbook(twice, path.join(dir, "twice.xlsx"));
    expect(describeWithOpenpyxl(path.join(dir, "twice.xlsx"))).toEqual(
      describeWithOpenpyxl(path.join(dir, "once.xlsx")),
    );
  });

  it("clears the flags, the product's rules and notes, and keeps the Conflicts table and the user's things", async () => {
    const checked = await checkedCopy(fixture("user-formatting.xlsx"), path.join(dir, "to-clear.xlsx"), SLIP);
    const workbook = await loadWorkbook(checked);
    clearAnnotations(workbook);
    await saveWorkbook(workbook, path.join(dir, "cleared.xlsx"));
    const cleared = await loadWorkbook(path.join(dir, "cleared.xlsx"));
    expect(
      cellValues(cleared.getWorksheet(FLAGS_SHEET), 1, 1, 20, 10)
        .flat()
        .every((v) => v === null),
    ).toBe(true);
    expect(readTables(cleared).find((t) => t.name === "Conflicts")?.rows).toHaveLength(2);
    const description = describeWithOpenpyxl(path.join(dir, "cleared.xlsx"));
    expect(userView(description)).toEqual(userView(describeWithOpenpyxl(fixture("user-formatting.xlsx"))));
    expect(sheetOf(description, "Workplan").conditionalFormats).toHaveLength(2);
    expect(Object.values(sheetOf(description, "Workplan").notes).filter((text) => text.startsWith(NOTE_MARK))).toEqual(
      [],
    );
  });

  it("shrinks the Conflicts table to the new findings and clears the rows it no longer covers", async () => {
    const checked = await checkedCopy(fixture("default.xlsx"), path.join(dir, "slipped.xlsx"), SLIP);
    const rechecked = await loadWorkbook(await checkedCopy(checked, path.join(dir, "rechecked.xlsx")));
    const conflicts = readTables(rechecked).find((t) => t.name === "Conflicts");
    expect(conflicts?.rows).toEqual([
      ["None", null, null, "No conflicts: the workplan follows every rule.", null, null, null, null],
    ]);
    expect(cellValues(rechecked.getWorksheet("Conflicts"), 6, 1, 1, 8)).toEqual([Array(8).fill(null)]);
    expect(String(rechecked.getWorksheet("Conflicts")?.getCell("A1").value)).toMatch(
      /: 0 errors, 0 warnings, 0 info\.$/,
    );
  });

  it("makes the Conflicts sheet and table when the workbook has none", async () => {
    const workbook = await loadWorkbook(fixture("default.xlsx"));
    const sheet = workbook.getWorksheet("Conflicts");
    if (sheet) workbook.removeWorksheet(sheet.id);
    applyAnnotations(workbook, annotationsFor(workbook, SLIP));
    await saveWorkbook(workbook, path.join(dir, "no-conflicts.xlsx"));
    const conflicts = readTables(await loadWorkbook(path.join(dir, "no-conflicts.xlsx"))).find(
      (t) => t.name === "Conflicts",
    );
    expect(conflicts).toMatchObject({ sheet: "Conflicts", top: 4, left: 1 });
    expect(conflicts?.rows).toHaveLength(2);
  });
});

withOpenpyxl("a conditional-format block holding a rule of the user's and one of the product's", () => {
  it("keeps the user's rule and replaces the product's", async () => {
    const zip = await JSZip.loadAsync(readFileSync(fixture("default.xlsx")));
    const mixed =
      '<conditionalFormatting sqref="A2:F11"><cfRule type="expression" priority="1" dxfId="0"><formula>$B2&gt;2030</formula></cfRule>' +
      `<cfRule type="expression" priority="2" dxfId="0"><formula>&apos;${FLAGS_SHEET}&apos;!A2=3</formula></cfRule></conditionalFormatting>`;
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
