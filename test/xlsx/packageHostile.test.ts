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

  it("a part whose data does not inflate, or not to the size its headers state, is named as damaged", async () => {
    const damaged = /^hostile\.xlsx is damaged: its part xl\/worksheets\/sheet1\.xml cannot be decompressed \(.+\)\.$/;
    const garbled = withWorkplanEntry(base, (out, local) =>
      out.fill(0xff, dataStart(out, local), dataStart(out, local) + 8),
    );
    await expect(openPackage(garbled, "hostile.xlsx")).rejects.toThrow(damaged);
    const overstated = withWorkplanEntry(base, (out, local, central) => {
      out.writeUInt32LE(out.readUInt32LE(local + 22) + 1, local + 22);
      out.writeUInt32LE(out.readUInt32LE(central + 24) + 1, central + 24);
    });
    await expect(openPackage(overstated, "hostile.xlsx")).rejects.toThrow(damaged);
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

/** Where the stored data of the entry whose local header is at `local` begins. */
function dataStart(bytes: Buffer, local: number): number {
  return local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
}

/** A copy of a package with the Workplan sheet's entry changed in place, given its local and central headers. */
function withWorkplanEntry(bytes: Buffer, change: (out: Buffer, local: number, central: number) => void): Buffer {
  const out = Buffer.from(bytes);
  const name = Buffer.from("xl/worksheets/sheet1.xml");
  let [local, central] = [-1, -1];
  for (let at = out.indexOf(name); at >= 0; at = out.indexOf(name, at + 1)) {
    if (at >= 30 && out.readUInt32LE(at - 30) === 0x04034b50) local = at - 30;
    if (at >= 46 && out.readUInt32LE(at - 46) === 0x02014b50) central = at - 46;
  }
  if (local < 0 || central < 0 || out.readUInt16LE(local + 8) !== 8) throw new Error("no deflated Workplan sheet");
  change(out, local, central);
  return out;
}
