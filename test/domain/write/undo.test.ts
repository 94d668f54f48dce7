/**
 * Undo apply, on the in-memory workbook: Apply keeps the cells it changes (and the table's size) in
 * the same write; Undo apply writes them back exactly and empties what it kept; it never writes
 * over a cell the planner changed since, nor restores a table that has another size.
 */
import { WORKPLAN } from "../../../src/domain/layout";
import type { SheetOp } from "../../../src/domain/sheetOps";
import {
  describeApplyEdit,
  describeApplySnapshot,
  describeCreate,
  describeUndoApply,
  snapshotFromSheet,
  UNDO_SHEET,
  type ApplySnapshot,
} from "../../../src/domain/write";
import { SheetModel } from "../../support/sheetModel";

function created(): SheetModel {
  const model = new SheetModel();
  const write = describeCreate(model.state());
  if ("refused" in write) throw new Error(write.refused);
  model.apply(write.ops);
  return model;
}

/** Every value of the Workplan and Clusters sheets, as a planner sees them. */
function grid(model: SheetModel): string {
  const rows: unknown[][] = [];
  for (const sheet of [WORKPLAN.sheet, "Clusters"])
    for (let r = 1; r <= 15; r++)
      rows.push([sheet, ...Array.from({ length: 6 }, (_, c) => model.get(sheet, r, c + 1))]);
  return JSON.stringify(rows);
}

/** Apply: topic 6 at the 15th meeting (E8) moves to an appended 21st meeting, and cluster 2's expected end to 2032. */
function apply(model: SheetModel): SheetOp[] {
  const state = model.state();
  const table = state.tables.find((t) => t.name === WORKPLAN.table);
  if (!table) throw new Error("no Workplan");
  const edit = {
    cells: [{ sheet: WORKPLAN.sheet, cell: "E8", value: null }],
    rows: [[21, 2034, "Planned", null, "6", null]],
    changes: [],
  };
  const write = describeApplyEdit(state, edit, table);
  if ("refused" in write) throw new Error(write.refused);
  const cells = [...edit.cells, { sheet: "Clusters", cell: "E3", value: 2032 }];
  const ops = [
    ...write.ops,
    { op: "setValues", sheet: "Clusters", top: 3, left: 5, values: [[2032]] } as SheetOp,
    ...describeApplySnapshot(state, table, cells, edit.rows),
  ];
  model.apply(ops);
  return ops;
}

function kept(model: SheetModel): ApplySnapshot | null {
  const values = Array.from({ length: 30 }, (_, r) =>
    Array.from({ length: 13 }, (_, c) => model.get(UNDO_SHEET, r + 1, c + 1)),
  );
  return snapshotFromSheet(values, { top: 1, left: 1 });
}

describe("Undo apply", () => {
  it("Apply keeps the cells it changes on a very-hidden sheet, in the same write", () => {
    const model = created();
    const ops = apply(model);
    // On the lists sheet, very hidden, which the workbook already has: no sheet added.
    expect(ops.some((op) => op.op === "addSheet")).toBe(false);
    expect(model.sheet(UNDO_SHEET).visibility).toBe("veryHidden");
    expect(model.get(UNDO_SHEET, 1, 9)).toMatch(/^Workplan Checker: the workplan before the last Apply/);
    const snapshot = kept(model);
    expect(snapshot).toMatchObject({ table: "Workplan", before: { bottom: 12 }, after: { bottom: 13 } });
    expect(snapshot?.cells[0]).toMatchObject({ sheet: "Workplan", row: 8, column: 5, after: null });
    expect(String(snapshot?.cells[0]?.before)).toMatch(/^6/);
  });

  it("writes back exactly the grid before Apply, shrinks the table, and is then not offered again", () => {
    const model = created();
    const before = grid(model);
    apply(model);
    expect(grid(model)).not.toBe(before);
    const snapshot = kept(model);
    if (!snapshot) throw new Error("nothing kept");
    const undo = describeUndoApply(model.state(), snapshot);
    if ("refused" in undo) throw new Error(undo.refused);
    model.apply(undo.ops);
    expect(grid(model)).toBe(before);
    expect(model.tables.find((t) => t.name === WORKPLAN.table)?.area.bottom).toBe(12);
    expect(kept(model)).toBeNull();
  });

  it("refuses, naming the cell, when a cell Apply wrote holds another value since", () => {
    const model = created();
    apply(model);
    model.set(WORKPLAN.sheet, 13, 5, "7");
    const snapshot = kept(model);
    if (!snapshot) throw new Error("nothing kept");
    expect(describeUndoApply(model.state(), snapshot)).toEqual({
      refused: expect.stringContaining("Workplan!E13 has changed since Apply"),
    });
  });

  it("refuses when the Workplan table has another size than Apply left it", () => {
    const model = created();
    apply(model);
    const snapshot = kept(model);
    if (!snapshot) throw new Error("nothing kept");
    const grown = { ...snapshot, after: { ...snapshot.after, bottom: snapshot.after.bottom + 1 } };
    expect(describeUndoApply(model.state(), grown)).toEqual({ refused: expect.stringContaining("another size") });
  });
});
