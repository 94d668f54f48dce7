/**
 * Highlights that explain themselves: the conflicting cell strongly filled, bold and framed (the
 * border survives greyscale print), the meeting's row lightly tinted, notes as large as their text.
 */
import { checkTime, describeAnnotations, FLAGS_SHEET } from "../../../src/domain/annotations";
import { checkWorkbook } from "../../../src/domain/check";
import { adoptedWorkbook } from "../../../src/domain/defaults";
import type { SheetOp } from "../../../src/domain/sheetOps";
import { describeCheck, describeCreate, noteSize } from "../../../src/domain/write";
import { SheetModel } from "../../support/sheetModel";
import { tablesByName } from "../../../src/domain/tables";

function checkedOps(): SheetOp[] {
  const model = new SheetModel();
  const create = describeCreate(model.state());
  if ("refused" in create) throw new Error(create.refused);
  model.apply(create.ops);
  const state = model.state();
  const tables = tablesByName(state.tables);
  const result = checkWorkbook(tables, { currentYear: 2026, expectedEnd: new Map([[2, 2031]]) });
  return describeCheck(state, describeAnnotations(tables, result, checkTime(new Date(0)))).ops;
}

describe("the highlights of a check", () => {
  const ops = checkedOps();
  const rules = ops.filter((op): op is Extract<SheetOp, { op: "addRule" }> => op.op === "addRule");
  const onWorkplan = rules.filter((r) => r.sheet === "Workplan");

  it("fill the conflicting cell strongly, in bold, with a dark border, before the rows' light tint", () => {
    expect(onWorkplan.map((r) => r.formula)).toEqual([
      "'WorkplanChecker'!A3=3",
      "'WorkplanChecker'!A3=2",
      "'WorkplanChecker'!A3=1",
      "'WorkplanChecker'!$G3=3",
      "'WorkplanChecker'!$G3=2",
      "'WorkplanChecker'!$G3=1",
    ]);
    expect(onWorkplan[0]?.format).toEqual({ fill: "FF8B94", fontColor: "9C0006", border: "9C0006", bold: true });
    expect(onWorkplan[3]?.format).toEqual({ fill: "FDE4E7", fontColor: "000000" });
  });

  it("write each row's highest flag after the cells' flags: the 15th meeting's row (8) is an error row", () => {
    const column = ops.find(
      (op): op is Extract<SheetOp, { op: "setValues" }> =>
        op.op === "setValues" && op.sheet === FLAGS_SHEET && op.left === 7,
    );
    expect(column?.values.map((row) => row[0])).toEqual([0, 0, 0, 0, 0, 3, 0, 0, 0, 0]);
  });

  it("colour the Severity column of the Conflicts table by the same legend", () => {
    const severity = rules.filter((r) => r.sheet === "Conflicts");
    expect(severity.map((r) => r.formula)).toEqual(['$A5="Error"', '$A5="Warning"', '$A5="Info"']);
  });
});

describe("a note", () => {
  it("is as large as its text: a 350-character explanation gets a box of about 45 characters a line", () => {
    const text = `Workplan Checker:\n${"word ".repeat(70)}`;
    const size = noteSize(text);
    expect(size.width).toBeGreaterThanOrEqual(250);
    expect(size.height).toBeGreaterThanOrEqual(Math.ceil(350 / 45) * 13);
  });

  it("fits each note the check writes", () => {
    const notes = checkedOps().filter((op): op is Extract<SheetOp, { op: "addNote" }> => op.op === "addNote");
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note.height).toBeGreaterThanOrEqual(noteSize(note.text).height);
  });
});

it("the adopted workbook has the Sources table", () => {
  expect(adoptedWorkbook().has("sources")).toBe(true);
});
