/**
 * Crafted files (src/bench/hostileWorkbooks.ts, made in memory, never committed): each opens, reads,
 * takes a write and is written, or fails with a WorkbookFileError of one line.
 */
import { readFileSync } from "node:fs";
import { hostileWorkbooks, zipBomb } from "../../src/bench/hostileWorkbooks";
import type { SheetOp } from "../../src/domain/sheetOps";
import { applyOps, openPackage, readWorkbookState, WorkbookFileError, writePackage } from "../../src/xlsx";
import { fixture } from "./support";

const base = readFileSync(fixture("default.xlsx"));
const hostile = hostileWorkbooks(base);
const bomb = (understated: boolean) => zipBomb(base, understated);

const ops: SheetOp[] = [
  { op: "addSheet", sheet: "WorkplanChecks", visibility: "veryHidden" },
  { op: "setValues", sheet: "WorkplanChecks", top: 1, left: 1, values: [["x"]] },
  { op: "addNote", sheet: "Workplan", row: 2, column: 1, text: "Workplan Checker: note", width: 200, height: 60 },
];

describe("hostile files", () => {
  it.each(hostile)("%s: opens and takes a write, or fails with one line", async (_name, make) => {
    const bytes = await make();
    let outcome = "";
    try {
      const pkg = await openPackage(bytes, "hostile.xlsx");
      const state = readWorkbookState(pkg);
      applyOps(pkg, ops);
      await writePackage(pkg);
      outcome = `read ${state.tables.length} tables`;
    } catch (error) {
      expect(error).toBeInstanceOf(WorkbookFileError);
      expect((error as Error).message).not.toMatch(/\n/);
      outcome = (error as Error).message;
    }
    // How long it takes is the bench's to measure (a timed test fails on a loaded machine); a hang
    // fails at jest's guard.
    expect(outcome).not.toBe("");
    // The worker's resident memory also holds what earlier test files left for the collector, so it
    // says nothing about this file: the caps on what a part may inflate to are tested below.
  });

  it("a zip bomb is refused with one line that says so", async () => {
    await expect(openPackage(await bomb(true), "bomb.xlsx")).rejects.toThrow(/bomb\.xlsx cannot be read: .*zip bomb/);
    const bytes = await bomb(false);
    await expect(openPackage(bytes, "bomb.xlsx")).rejects.toThrow(/bomb\.xlsx cannot be read: .*zip bomb/);
  });

  it("whole-column and past-the-grid tables are read to the last row the sheet holds", async () => {
    const original = readWorkbookState(await openPackage(readFileSync(fixture("default.xlsx"))));
    for (const [, make] of hostile.filter(([name]) => /table ref|whole-column/.test(name))) {
      const state = readWorkbookState(await openPackage(await make()));
      const workplan = state.tables.find((t) => t.name === "Workplan");
      const before = original.tables.find((t) => t.name === "Workplan");
      expect(workplan?.rows.slice(0, before?.rows.length)).toEqual(before?.rows);
      expect(workplan?.rows.length).toBeLessThan(2000);
    }
  });
});
