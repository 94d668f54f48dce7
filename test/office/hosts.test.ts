/**
 * Behaviours of Excel that differ by host or by how the workbook is shared, on each host profile of
 * the fake Excel (web, Windows, Mac): the undo stack that Worksheet.visibility clears on Windows and
 * Mac, adding table rows while others edit the workbook, drop-down picks that raise no event on the
 * web, and notes that cannot be written.
 */
import { whatIf } from "../../src/domain/whatIf";
import {
  applyProposalAndCheck,
  checkWorkbook,
  clearHighlights,
  createDefaultWorkbook,
  detectSupport,
  readWorkbook,
  saveExpectedEndsAndCheck,
  watchTables,
  type TableChange,
} from "../../src/office";
import { createFakeExcel, recordSyncs, withOffice, type FakeExcel, type FakeExcelOptions } from "../support/fakeExcel";
import { eventsArrived, forEachHost } from "../support/hosts";

const NOW = new Date("2026-11-23T17:50:00Z");
const OPTIONS = { currentYear: 2026 };
const SLIP = new Map([[2, 2032]]);

let restore: () => void = () => undefined;
afterEach(() => restore());

function excelFor(options: FakeExcelOptions & { seed?: "default" | "empty" }): FakeExcel {
  const excel = createFakeExcel(options);
  restore = withOffice(excel);
  return excel;
}

forEachHost((host) => {
  const clearsUndo = host.platform !== "OfficeOnline";

  describe("the undo stack (Worksheet.visibility has no undo on Windows and Mac)", () => {
    const when = clearsUndo ? "is cleared only by creating the workbook" : "is never cleared";
    it(`${when}: checks, clears, saves and applies never clear it`, async () => {
      const excel = excelFor({ seed: "empty" });
      await createDefaultWorkbook(excel.run);
      const cleared = excel.undoCleared;
      expect(cleared > 0).toBe(clearsUndo);
      const syncs = recordSyncs(excel);
      const first = excel.runOptions.length;
      await checkWorkbook(excel.run, { now: () => NOW });
      await clearHighlights(excel.run);
      await saveExpectedEndsAndCheck(excel.run, SLIP, OPTIONS, { now: () => NOW });
      const read = await readWorkbook(excel.run, OPTIONS);
      const preview = whatIf(read.tables, { ...OPTIONS, expectedEnd: SLIP }, read.result);
      if (!preview.proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
      const basis = {
        proposal: preview.proposal,
        plan: preview.check.plan,
        options: { ...OPTIONS, expectedEnd: SLIP },
      };
      await applyProposalAndCheck(excel.run, basis, { now: () => NOW });
      expect(excel.undoCleared).toBe(cleared);
      // Every run that wrote after creating was one merged undo step.
      const writing = excel.runOptions.slice(first).filter((_, i) => syncs[i]?.includes("write"));
      expect(writing).toHaveLength(4);
      expect(writing.every((o) => o.mergeUndoGroup === true)).toBe(true);
    });
  });

  describe("while others edit the workbook", () => {
    it("Apply adds its meetings without TableRowCollection.add, which would conflict with their changes", async () => {
      const excel = excelFor({ seed: "default", coauthoring: true });
      const read = await readWorkbook(excel.run, OPTIONS);
      const preview = whatIf(read.tables, { ...OPTIONS, expectedEnd: SLIP }, read.result);
      if (!preview.proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
      const options = { ...OPTIONS, expectedEnd: SLIP };
      const basis = { proposal: preview.proposal, plan: preview.check.plan, options };
      const applied = await applyProposalAndCheck(excel.run, basis, { now: () => NOW });
      expect(applied.edit.rows).toHaveLength(2);
      expect(excel.model.table("Workplan")?.area.bottom).toBe(13);
    });
  });

  describe("drop-down picks", () => {
    const web = host.platform === "OfficeOnline";
    const heard = web ? "no change event (office-js 3888)" : "a change event, late";
    it(`raise ${heard}; typed values always do`, async () => {
      const excel = excelFor({ seed: "default" });
      const changes: TableChange[] = [];
      await watchTables(excel.run, (change) => changes.push(change));
      excel.pickFromList("Workplan", "E7", "Topic 3");
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(changes).toHaveLength(0);
      await eventsArrived(host);
      expect(changes).toHaveLength(web ? 0 : 1);
      expect(excel.model.sheet("Workplan")?.cell(7, 5)?.value).toBe("Topic 3");
      excel.editCell("Workplan", "E8", "Topic 3", "Local");
      await eventsArrived(host);
      expect(changes.at(-1)).toEqual({ source: "Local", table: "Workplan", address: "E8" });
    });
  });

  describe("notes that cannot be written", () => {
    it("give a check without notes, and say so, never a failed check", async () => {
      const excel = excelFor({ seed: "default", notesBroken: "write" });
      const outcome = await checkWorkbook(excel.run, { now: () => NOW, expectedEnd: SLIP });
      expect(outcome.result.summary.error).toBe(2);
      expect(outcome.written.notesWithheld).toMatch(/^Checked without notes/);
      expect(outcome.written.notesWritten).toBe(0);
      expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(6);
      expect(excel.model.sheet("Workplan")?.notes.size).toBe(0);
    });
  });
});

describe("members checked by existence as well as by requirement set (issue 10 item 7)", () => {
  it(
    "leaves notes and Table.resize out where the Office.js " +
      "library on the page lacks them, whatever the host answers",
    () => {
      const excel = createFakeExcel({ version: "1.20" });
      restore = withOffice(excel);
      const holder = globalThis as { Excel?: unknown };
      const before = holder.Excel;
      try {
        // The npm package's Excel library (ExcelApi 1.15): no NoteCollection; Table without resize in this stand-in.
        class Table {}
        holder.Excel = { run: excel.run, RequestContext: class {}, Table, AutoFilter: class {} };
        expect(detectSupport()).toMatchObject({ notes: false, resize: false, autoFilter: true, mergeUndo: true });
        class ResizableTable {
          resize(): void {}
        }
        holder.Excel = { run: excel.run, RequestContext: class {}, Table: ResizableTable, NoteCollection: class {} };
        expect(detectSupport()).toMatchObject({ notes: true, resize: true, autoFilter: false });
      } finally {
        holder.Excel = before;
      }
    },
  );
});
