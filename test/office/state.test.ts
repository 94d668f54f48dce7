/**
 * readWorkbookState against the fake Excel: the workbook as the core's WorkbookState in one sync,
 * with the proxies the interpreter needs; a probe only where a host refuses to reach through a
 * null object; notes that cannot be read give a state without notes and a message.
 */
import { conflicted } from "./conflicted";
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, NOTE_MARK, TOPIC_LIST_NAME } from "../../src/domain/annotations";
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetTable } from "../../src/domain/tables";
import { checkWorkbook, detectSupport, readWorkbook, readWorkbookMarked, type TableChange } from "../../src/office";
import { NOTES_UNAVAILABLE, readWorkbookState, ruleKey } from "../../src/office/state";
import { LISTS_SHEET } from "../../src/domain/annotations";
import { RECORD_LEFT, RECORD_TITLE } from "../../src/domain/write";
import {
  createFakeExcel,
  fakeExcel,
  recordSyncs,
  sheet,
  withOffice,
  type FakeExcel,
  type FakeExcelOptions,
} from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function excelFor(tables: SheetTable[] | "empty", options: FakeExcelOptions = {}): FakeExcel {
  const excel = tables === "empty" ? createFakeExcel({ seed: "empty", ...options }) : fakeExcel(tables, options);
  restore = withOffice(excel);
  return excel;
}

function read(excel: FakeExcel) {
  return excel.run((context) => readWorkbookState(context, detectSupport()));
}

/** The product's record on the lists sheet, as a check writes it: one rule and one note. */
function writeRecordSheet(excel: FakeExcel): void {
  const lists = excel.model.sheet(LISTS_SHEET) ?? excel.model.addSheet(LISTS_SHEET);
  lists.visibility = "VeryHidden";
  const rows = [[RECORD_TITLE], ["rule", "Workplan", "A2:F11", `'${FLAGS_SHEET}'!A2=3`], ["note", "Workplan", "B3"]];
  rows.forEach((row, r) => row.forEach((value, c) => (lists.ensure(1 + r, RECORD_LEFT + c).value = value)));
}

/** The adopted workbook as a first check leaves it: helper sheets, our rule, our note, named lists. */
function setUp(excel: FakeExcel): void {
  const flags = excel.model.addSheet(FLAGS_SHEET);
  flags.visibility = "VeryHidden";
  flags.ensure(2, 1).value = 3;
  const workplan = sheet(excel.model, "Workplan");
  workplan.conditionalFormats.push({
    id: 77,
    type: "Custom",
    area: { top: 2, left: 1, bottom: 11, right: 6 },
    formula: `=${FLAGS_SHEET}!A2=3`,
  });
  workplan.notes.set("B3", { cell: "B3", content: `${NOTE_MARK}\nError (R1): …`, author: "add-in" });
  excel.model.names.push({ name: TOPIC_LIST_NAME, formula: "=WorkplanLists!$A$1:$A$10" });
}

forEachHost(() => {
  describe("readWorkbookState", () => {
    it("reads everything WorkbookState holds in one sync", async () => {
      const excel = excelFor(adoptedTables());
      setUp(excel);
      writeRecordSheet(excel);
      const syncs = recordSyncs(excel);
      const { state, found } = await read(excel);
      expect(syncs).toEqual([["read"]]);
      expect(state.tables.map((t) => t.name)).toEqual([
        "Workplan",
        "Topics",
        "Articles",
        "Clusters",
        "FlexibleTopics",
        "Settings",
        "Sources",
      ]);
      expect(state.conflicts).toEqual({
        name: "Conflicts",
        sheet: "Conflicts",
        area: { top: 4, left: 1, bottom: 5, right: 8 },
      });
      // The Conflicts table's header row is all there is on its sheet.
      expect(state.filledCells.map((c) => c.sheet)).toEqual(Array(8).fill("Conflicts"));
      expect(state.sheets.find((s) => s.name === FLAGS_SHEET)).toEqual({
        name: FLAGS_SHEET,
        visibility: "veryHidden",
        used: { top: 2, left: 1, bottom: 2, right: 1 },
      });
      expect(state.names.get(TOPIC_LIST_NAME)).toBe("=WorkplanLists!$A$1:$A$10");
      expect(state.names.get(FLEXIBLE_LIST_NAME)).toBeNull();
      expect(state.record).toEqual({
        rules: [
          { sheet: "Workplan", area: { top: 2, left: 1, bottom: 11, right: 6 }, formula: `'${FLAGS_SHEET}'!A2=3` },
        ],
        notes: [{ sheet: "Workplan", row: 3, column: 2 }],
        cells: [],
      });
      expect([...state.noteCells]).toEqual(["workplan!b3"]);
      expect(found.rules.get(ruleKey("Workplan", `'${FLAGS_SHEET}'!A2=3`))).toHaveLength(1);
      expect(found.ownNotes).toHaveLength(1);
      expect(found.tables.has("workplan")).toBe(true);
      expect(found.names.has(TOPIC_LIST_NAME.toLowerCase())).toBe(true);
      expect(state.notesSupported).toBe(true);
    });

    it("without a record, recognizes the product's rules and locates its notes (one more read-only sync)", async () => {
      const excel = excelFor(adoptedTables());
      setUp(excel);
      const syncs = recordSyncs(excel);
      const { state, found } = await read(excel);
      expect(syncs).toEqual([["read", "read"]]);
      expect(state.record).toBeNull();
      expect(state.legacyMarks).toEqual({
        rules: [
          { sheet: "Workplan", area: { top: 2, left: 1, bottom: 11, right: 6 }, formula: `=${FLAGS_SHEET}!A2=3` },
        ],
        notes: [{ sheet: "Workplan", row: 3, column: 2 }],
        cells: [],
      });
      expect(found.notes.has("workplan!b3")).toBe(true);
    });

    it("locates the user's notes and comments in one more read-only sync, only when there are any", async () => {
      const excel = excelFor(adoptedTables());
      sheet(excel.model, "Workplan").notes.set("A2", { cell: "A2", content: "Venue?", author: "Planner" });
      sheet(excel.model, "Topics").comments.set("B3", { id: "c1", cell: "B3", content: "Why?" });
      const syncs = recordSyncs(excel);
      const { state } = await read(excel);
      expect(syncs).toEqual([["read", "read"]]);
      expect([...state.noteCells].sort()).toEqual(["topics!b3", "workplan!a2"]);
    });

    it("reads a blank workbook in one sync where the host gives null objects all the way down", async () => {
      const excel = excelFor("empty");
      const syncs = recordSyncs(excel);
      const { state } = await read(excel);
      expect(syncs).toEqual([["read"]]);
      expect(state.tables).toEqual([]);
      expect(state.conflicts).toBeNull();
      expect(state.sheets).toEqual([{ name: "Sheet1", visibility: "visible", used: null }]);
    });

    it("probes first, in one more read-only sync, where the host refuses to reach through a null object", async () => {
      const excel = excelFor("empty", { nullChains: "refuse" });
      const syncs = recordSyncs(excel);
      const { state, syncs: counted } = await read(excel);
      expect(syncs).toEqual([["read", "read", "read"]]);
      expect(counted).toBe(3);
      expect(state.tables).toEqual([]);
      expect(state.conflicts).toBeNull();
    });

    it("needs no probe in a set-up workbook, even on a host that refuses null chains", async () => {
      const excel = excelFor(adoptedTables(), { nullChains: "refuse" });
      setUp(excel);
      excel.model.addSheet("WorkplanLists").visibility = "VeryHidden";
      excel.model.addSheet("Timeline");
      writeRecordSheet(excel);
      const syncs = recordSyncs(excel);
      const { state } = await read(excel);
      expect(syncs).toEqual([["read"]]);
      expect(state.tables).toHaveLength(7);
    });

    it("reads the rest where a table is missing on a host that refuses null chains", async () => {
      const excel = excelFor(
        conflicted().filter((t) => t.name !== "Conflicts"),
        { nullChains: "refuse" },
      );
      const { state } = await read(excel);
      expect(state.conflicts).toBeNull();
      expect(state.tables).toHaveLength(7);
    });

    it("gives a state without notes, and says so, where loading notes fails (office-js issue 6198)", async () => {
      const excel = excelFor(adoptedTables(), { notesBroken: true });
      const { state, notesWithheld } = await read(excel);
      expect(state.notesSupported).toBe(false);
      expect(notesWithheld).toBe(NOTES_UNAVAILABLE);
      expect(state.tables).toHaveLength(7);
    });

    it("gives the filled cells below the Workplan table, where Apply's rows would go", async () => {
      const excel = excelFor(adoptedTables());
      const workplan = sheet(excel.model, "Workplan");
      workplan.ensure(14, 2).value = "Budget: see annex";
      const { state } = await read(excel);
      expect(state.filledCells.filter((c) => c.sheet === "Workplan")).toEqual([
        { sheet: "Workplan", row: 14, column: 2, text: "Budget: see annex" },
      ]);
    });

    it("tells which input tables a filter hides rows of", async () => {
      const excel = excelFor(adoptedTables());
      const workplan = excel.model.table("Workplan");
      if (!workplan) throw new Error("no Workplan table");
      workplan.filtered = true;
      const { filtered } = await read(excel);
      expect(filtered).toEqual(["Workplan"]);
    });
  });

  describe("on a host that refuses to reach through a null object", () => {
    it("the pane opens on a blank workbook: which tables there are, and the tables read, after one probe", async () => {
      const excel = excelFor("empty", { nullChains: "refuse" });
      const syncs = recordSyncs(excel);
      expect(await readWorkbookMarked(excel.run, { currentYear: 2026 })).toMatchObject({
        hasTables: false,
        lastCheck: [],
      });
      // The refused read, the names, nothing of ours to read (an empty sync), then, with no input table, where
      // plain ranges of them may be: two more read-only syncs. Nothing written.
      expect(syncs).toEqual([["read", "read", "empty", "read", "read"]]);
      const read = await readWorkbook(excel.run, { currentYear: 2026 });
      expect([...read.tables.keys()]).toEqual([]);
    });

    it("the first check of a workbook without the Conflicts table or the helper sheets writes them", async () => {
      const excel = excelFor(
        conflicted().filter((t) => t.name !== "Conflicts"),
        { nullChains: "refuse" },
      );
      const outcome = await checkWorkbook(excel.run, { now: () => new Date("2026-11-23T17:50:00Z") });
      expect(outcome.result.summary.error).toBeGreaterThan(0);
      expect(excel.model.table("Conflicts")).not.toBeNull();
      // From then on a check is one read and one write.
      const syncs = recordSyncs(excel);
      await checkWorkbook(excel.run, { now: () => new Date("2026-11-23T17:50:00Z") });
      expect(syncs).toEqual([["read", "write"]]);
    });

    it("reads for the pane a workbook not yet checked (no helper sheets) after a probe, then in one sync", async () => {
      const excel = excelFor(conflicted(), { nullChains: "refuse" });
      const syncs = recordSyncs(excel);
      const heard: string[] = [];
      let unsubscribe: (() => void) | null = null;
      const watch = {
        listener: (change: TableChange) => heard.push(change.source),
        subscribed: (u: () => void) => (unsubscribe = u),
      };
      const before = await readWorkbookMarked(excel.run, { currentYear: 2026 }, watch);
      // The refused read, the probe of the tables and sheets (with the subscription), the read of what exists.
      expect(syncs).toEqual([["read", "read", "read"]]);
      // Subscribed once: whatever the refused batch registered stays silent.
      expect(unsubscribe).not.toBeNull();
      excel.editCell("Workplan", "F5", "Vienna", "Remote");
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(heard).toEqual(["Remote"]);
      expect(before).toMatchObject({ marking: "absent", canUndoApply: false });
      expect(before.result.summary.error).toBeGreaterThan(0);
      await checkWorkbook(excel.run, { now: () => new Date("2026-11-23T17:50:00Z") });
      syncs.length = 0;
      const after = await readWorkbookMarked(excel.run, { currentYear: 2026 });
      expect(syncs).toEqual([["read"]]);
      expect(after.marking).toBe("current");
      expect(after.result.findings).toEqual(before.result.findings);
    });
  });
});
