/**
 * The Office.js adapter against the fake Excel: a check reads in one sync and writes in one,
 * applies exactly what describeAnnotations says, twice is once, and leaves the user's own
 * formatting, rules, notes, comments and validation alone.
 */
import { conflicted } from "./conflicted";
import {
  describeAnnotations,
  FLAGS_SHEET,
  FLEXIBLE_LIST_NAME,
  LISTS_SHEET,
  NOTE_MARK,
  TOPIC_LIST_NAME,
} from "../../src/domain/annotations";
import { checkWorkbook as engineCheck } from "../../src/domain/check";
import { ADOPTED_TOPIC_LABELS, adoptedTables } from "../../src/domain/defaults";
import { tablesByName, type SheetTable } from "../../src/domain/tables";
import { largePlanTables } from "../../src/bench/generate";
import { checkWorkbook, clearHighlights } from "../../src/office";
import { checkTime } from "../../src/domain/annotations";
import {
  FakeError,
  allText,
  conflictsOf,
  fakeExcel,
  flagsSheet,
  listsSheet,
  productNotes,
  put,
  recordSyncs,
  sheet,
  userNotes,
  valuesIn,
  withOffice,
  type FakeExcel,
} from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { cellAddress, cellName } from "../../src/domain/cellRef";

const NOW = new Date("2026-11-23T17:50:00Z");
const options = { now: () => NOW };

/** What the engine itself says the check must write, computed from the tables directly. */
function expected(tables: SheetTable[], extra: { expectedEnd?: Map<number, number> } = {}) {
  const byName = tablesByName(tables);
  const result = engineCheck(byName, { currentYear: NOW.getFullYear(), expectedEnd: extra.expectedEnd });
  return describeAnnotations(byName, result, checkTime(NOW));
}

let restore: (() => void) | null = null;
function excelFor(tables: SheetTable[], version = "1.20"): FakeExcel {
  const excel = fakeExcel(tables, { version });
  restore = withOffice(excel);
  return excel;
}
afterEach(() => {
  restore?.();
  restore = null;
});

forEachHost(() => {
  describe("checkWorkbook applies exactly the engine's Annotations", () => {
    it("writes the flags, the rules, the notes and the Conflicts table describeAnnotations computes", async () => {
      const tables = conflicted();
      const excel = excelFor(tables);
      const outcome = await checkWorkbook(excel.run, options);
      const want = expected(tables);
      expect(outcome.annotations).toEqual(want);
      expect(outcome.result.summary.error).toBeGreaterThan(0);

      const highlights = want.highlights;
      if (!highlights) throw new Error("expected highlights");
      expect(valuesIn(flagsSheet(excel.model), highlights.range)).toEqual(highlights.flags);
      expect(highlights.flags.flat().some((f) => f === 3)).toBe(true);

      const formats = sheet(excel.model, "Workplan").conditionalFormats;
      expect(formats).toHaveLength(6);
      expect(formats.map((f) => ({ type: f.type, area: f.area, fill: f.fill, font: f.font }))).toEqual(
        highlights.rules.map((rule) => ({
          type: "Custom",
          area: { top: 2, left: 1, bottom: 11, right: 6 },
          fill: `#${rule.fill}`,
          font: `#${rule.font}`,
        })),
      );
      // Excel drops the quotes a sheet name does not need; the rule still reads the flags sheet.
      expect(formats.map((f) => f.formula)).toEqual(
        highlights.rules.map((rule) => `=${rule.formula.replace(`'${FLAGS_SHEET}'`, FLAGS_SHEET)}`),
      );

      expect(productNotes(excel.model)).toEqual(
        want.notes
          .map(({ at, text }) => ({ sheet: at.sheet, cell: cellAddress(at), text }))
          .sort((a, b) => a.sheet.localeCompare(b.sheet) || byCell(a.cell, b.cell)),
      );
      expect(outcome.written).toMatchObject({
        notesWritten: want.notes.length,
        notesSkipped: [],
        notesSupported: true,
        captionWritten: true,
      });

      const conflicts = conflictsOf(excel.model);
      expect(conflicts.sheet).toBe("Conflicts");
      expect(conflicts.captions).toEqual(want.conflicts.caption);
      expect(conflicts.headers).toEqual([...want.conflicts.headers]);
      expect(conflicts.rows).toEqual(want.conflicts.rows);
    });

    it("writes the drop-down lists to the very-hidden lists sheet and points the names at them", async () => {
      const excel = excelFor(adoptedTables());
      const outcome = await checkWorkbook(excel.run, options);
      const lists = outcome.annotations.lists;
      if (!lists) throw new Error("expected lists");
      const listSheet = listsSheet(excel.model);
      expect(listSheet.visibility).toBe("VeryHidden");
      expect(flagsSheet(excel.model).visibility).toBe("VeryHidden");
      expect(valuesIn(listSheet, `A1:A${lists.topics.length}`).flat()).toEqual(lists.topics);
      expect(valuesIn(listSheet, `B1:B${lists.flexible.length}`).flat()).toEqual(lists.flexible);
      expect(excel.model.name(TOPIC_LIST_NAME)?.formula).toBe(`=${LISTS_SHEET}!$A$1:$A$${lists.topics.length}`);
      expect(excel.model.name(FLEXIBLE_LIST_NAME)?.formula).toBe(`=${LISTS_SHEET}!$B$1:$B$${lists.flexible.length}`);
    });

    it("checks the adopted plan clean: no flag set, no note, a Conflicts table saying so", async () => {
      const excel = excelFor(adoptedTables());
      const outcome = await checkWorkbook(excel.run, options);
      expect(outcome.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
      expect(
        valuesIn(flagsSheet(excel.model), "A2:F11")
          .flat()
          .every((f) => f === 0),
      ).toBe(true);
      expect(productNotes(excel.model)).toEqual([]);
      expect(conflictsOf(excel.model).rows).toEqual([
        ["None", null, null, "No conflicts: the workplan follows every rule.", null, null, null, null],
      ]);
      expect(conflictsOf(excel.model).captions[0]).toBe(
        "Last checked 23 November 2026, 17:50 UTC, as of 2026: 0 errors, 0 warnings, 0 info.",
      );
    });

    it("passes what-if expected ends and the as-of year to the engine", async () => {
      const excel = excelFor(adoptedTables());
      const expectedEnd = new Map([[2, 2034]]);
      const outcome = await checkWorkbook(excel.run, { now: () => NOW, expectedEnd, asOf: 2027 });
      expect(outcome.result.asOf).toBe(2027);
      expect(outcome.result.expectedEnd["2"]).toBe(2034);
      expect(conflictsOf(excel.model).captions[1]).toContain(
        "cluster 2's review end taken as 2034 (the Clusters table says 2030)",
      );
    });
  });

  function byCell(a: string, b: string): number {
    const parse = (cell: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(cell) as RegExpExecArray;
      return [Number(m[2]), m[1] as string] as const;
    };
    const [ra, ca] = parse(a);
    const [rb, cb] = parse(b);
    return ra - rb || ca.length - cb.length || ca.localeCompare(cb);
  }

  describe("sync count (context.sync wrapped)", () => {
    it("is one read and one write per check, and one read and one write per clear", async () => {
      const excel = excelFor(conflicted());
      const syncs = recordSyncs(excel);
      await checkWorkbook(excel.run, options); // first check: adds the helper sheets, unmerged
      await checkWorkbook(excel.run, options);
      await clearHighlights(excel.run);
      // The first run stops after its read: hiding a new sheet cannot join a merged undo group.
      expect(syncs).toEqual([["read"], ["read", "write"], ["read", "write"], ["read", "write"]]);
      expect(excel.runOptions.map((o) => o.mergeUndoGroup === true)).toEqual([true, false, true, true]);
    });

    it("is one read and one write for a 1,000-row Workplan", async () => {
      const tables = largePlanTables({ meetings: 1000, topics: 400, articles: 800, clusters: 40 });
      const excel = excelFor(tables);
      await checkWorkbook(excel.run, options);
      const syncs = recordSyncs(excel);
      const outcome = await checkWorkbook(excel.run, options);
      expect(syncs).toEqual([["read", "write"]]);
      expect(outcome.annotations.highlights?.flags).toHaveLength(1000);
      expect(outcome.result.findings.length).toBeGreaterThan(0);
      expect(productNotes(excel.model)).toHaveLength(outcome.annotations.notes.length);
      expect(conflictsOf(excel.model).rows).toEqual(outcome.annotations.conflicts.rows);
    });

    it("without mergeUndoGroup (ExcelApi 1.19) is one read and one write from the first check on", async () => {
      const excel = excelFor(conflicted(), "1.19");
      const syncs = recordSyncs(excel);
      await checkWorkbook(excel.run, options);
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.runOptions).toEqual([{ delayForCellEdit: true }]);
    });
  });

  describe("idempotence", () => {
    it("leaves the same workbook after two checks as after one", async () => {
      const once = excelFor(conflicted());
      await checkWorkbook(once.run, options);
      const twice = fakeExcel(conflicted());
      await checkWorkbook(twice.run, options);
      await checkWorkbook(twice.run, options);
      expect(twice.model.state()).toEqual(once.model.state());
    });

    it("clears twice as once, and a check after a clear is the check again", async () => {
      const excel = excelFor(conflicted());
      await checkWorkbook(excel.run, options);
      const checked = excel.model.state();
      await clearHighlights(excel.run);
      const cleared = excel.model.state();
      await clearHighlights(excel.run);
      expect(excel.model.state()).toEqual(cleared);
      await checkWorkbook(excel.run, options);
      expect(excel.model.state()).toEqual(checked);
    });
  });

  describe("the user's own work", () => {
    /** Fills, rules, notes, a comment and validation of the user's, some on cells the check flags. */
    function decorated(): FakeExcel {
      const excel = excelFor(conflicted());
      const workplan = sheet(excel.model, "Workplan");
      workplan.ensure(3, 2).style = { fill: "#FFFF00", font: "bold" };
      workplan.ensure(8, 2).style = { border: "thin" };
      workplan.conditionalFormats.push(
        { id: 9001, type: "CellValue", area: { top: 2, left: 1, bottom: 11, right: 1 }, fill: "#00FF00" },
        {
          id: 9002,
          type: "Custom",
          area: { top: 2, left: 2, bottom: 11, right: 2 },
          formula: "=$B2>2030",
          fill: "#CCCCCC",
        },
      );
      workplan.notes.set("A2", { cell: "A2", content: "Ask the Bureau about the venue.", author: "Planner" });
      // B8 holds the unreadable year: the check flags it, but the note there is the user's.
      workplan.notes.set("B8", { cell: "B8", content: "Year to be confirmed.", author: "Planner" });
      workplan.comments.set("E4", { id: "c1", cell: "E4", content: "Why topic 10 here?" });
      workplan.validations.push({
        area: { top: 2, left: 3, bottom: 11, right: 3 },
        rule: { list: { inCellDropDown: true, source: "Held,Planned" } },
      });
      sheet(excel.model, "Topics").notes.set("B3", { cell: "B3", content: "Title agreed in 2022.", author: "Planner" });
      return excel;
    }

    function userParts(excel: FakeExcel) {
      const workplan = sheet(excel.model, "Workplan");
      return {
        styles: [...workplan.cells.values()].map((c) => c.style).filter(Boolean),
        rules: workplan.conditionalFormats.filter((f) => f.id >= 9001),
        notes: userNotes(excel.model),
        comments: [...workplan.comments.values()],
        validations: workplan.validations,
        values: excel.model.tables
          .filter((t) => t.name !== "Conflicts")
          .map((t) => valuesIn(t.sheet, `${t.sheet.name}!A1:F20`)),
      };
    }

    it("survives a check; no note goes where the user has a note or a comment", async () => {
      const excel = decorated();
      const before = JSON.parse(JSON.stringify(userParts(excel)));
      const syncs = recordSyncs(excel);
      const outcome = await checkWorkbook(excel.run, options);
      expect(JSON.parse(JSON.stringify(userParts(excel)))).toEqual(before);
      const skipped = outcome.written.notesSkipped.map((n) => cellName(n.at)).sort();
      expect(skipped).toEqual(["Workplan!B8", "Workplan!E4"]);
      expect(productNotes(excel.model).map((n) => `${n.sheet}!${n.cell}`)).not.toContain("Workplan!B8");
      expect(productNotes(excel.model)).toHaveLength(outcome.annotations.notes.length - 2);
      // The user's rules keep their places and priorities; ours come after them.
      expect(sheet(excel.model, "Workplan").conditionalFormats.map((f) => f.id >= 9001)).toEqual([
        true,
        true,
        ...Array(6).fill(false),
      ]);
      // Finding where the user's notes are is the one extra, read-only sync.
      expect(syncs.at(-1)).toEqual(["read", "read", "write"]);
      expect(outcome.written.locateSync).toBe(true);
    });

    it("survives a clear, which removes only the product's rules, notes and flags", async () => {
      const excel = decorated();
      await checkWorkbook(excel.run, options);
      expect(productNotes(excel.model).length).toBeGreaterThan(0);
      const before = JSON.parse(JSON.stringify(userParts(excel)));
      const syncs = recordSyncs(excel);
      const cleared = await clearHighlights(excel.run);
      expect(syncs).toEqual([["read", "write"]]);
      expect(cleared.rulesRemoved).toBe(6);
      expect(JSON.parse(JSON.stringify(userParts(excel)))).toEqual(before);
      expect(productNotes(excel.model)).toEqual([]);
      expect(sheet(excel.model, "Workplan").conditionalFormats.map((f) => f.id)).toEqual([9001, 9002]);
      expect(flagsSheet(excel.model).usedArea(true)).toBeNull();
      // The Conflicts table and the lists are not highlights: they stay.
      expect(conflictsOf(excel.model).rows.length).toBeGreaterThan(1);
    });

    it("never touches a note that does not start with the product's mark, even one that mentions it", async () => {
      const excel = excelFor(conflicted());
      const workplan = sheet(excel.model, "Workplan");
      workplan.notes.set("F2", { cell: "F2", content: `Copied from the checker: ${NOTE_MARK} …`, author: "Planner" });
      await checkWorkbook(excel.run, options);
      await clearHighlights(excel.run);
      expect(userNotes(excel.model)).toEqual([
        { sheet: "Workplan", cell: "F2", text: `Copied from the checker: ${NOTE_MARK} …` },
      ]);
    });
  });

  describe("clients without notes (ExcelApi 1.17)", () => {
    it("writes flags, rules and the Conflicts table and leaves notes alone", async () => {
      const excel = excelFor(conflicted(), "1.17");
      const syncs = recordSyncs(excel);
      const outcome = await checkWorkbook(excel.run, options);
      await clearHighlights(excel.run);
      await checkWorkbook(excel.run, options);
      expect(syncs).toEqual([
        ["read", "write"],
        ["read", "write"],
        ["read", "write"],
      ]);
      expect(outcome.written).toMatchObject({ notesSupported: false, notesWritten: 0 });
      expect(productNotes(excel.model)).toEqual([]);
      expect(conflictsOf(excel.model).rows).toEqual(outcome.annotations.conflicts.rows);
      expect(sheet(excel.model, "Workplan").conditionalFormats).toHaveLength(6);
    });
  });

  describe("the Conflicts table", () => {
    it("shrinks when the conflicts go, and the rows it no longer covers are emptied", async () => {
      const excel = excelFor(conflicted());
      await checkWorkbook(excel.run, options);
      const many = conflictsOf(excel.model).rows.length;
      expect(many).toBeGreaterThan(3);
      const workplan = sheet(excel.model, "Workplan");
      put(workplan, 4, 5, ADOPTED_TOPIC_LABELS[2]);
      put(workplan, 11, 5, ADOPTED_TOPIC_LABELS[9]);
      put(workplan, 8, 2, 2029);
      await checkWorkbook(excel.run, options);
      const conflicts = conflictsOf(excel.model);
      expect(conflicts.area).toBe("A4:H5");
      expect(conflicts.rows).toEqual([
        ["None", null, null, "No conflicts: the workplan follows every rule.", null, null, null, null],
      ]);
      expect(sheet(excel.model, "Conflicts").usedArea(true)).toEqual({ top: 1, left: 1, bottom: 5, right: 8 });
    });

    it("is created, with its sheet, when the workbook has none", async () => {
      const excel = excelFor(adoptedTables().filter((t) => t.name !== "Conflicts"));
      const outcome = await checkWorkbook(excel.run, options);
      expect(outcome.written.conflicts).toBe("Conflicts!A4:H5");
      expect(conflictsOf(excel.model).captions).toEqual(outcome.annotations.conflicts.caption);
    });

    it("goes below what a sheet named Conflicts already holds, overwriting nothing", async () => {
      const excel = excelFor(adoptedTables().filter((t) => t.name !== "Conflicts"));
      const own = excel.model.addSheet("Conflicts");
      put(own, 1, 1, "My notes on conflicts");
      put(own, 3, 2, 42);
      await checkWorkbook(excel.run, options);
      expect(conflictsOf(excel.model).area).toBe("A7:H8");
      expect(valuesIn(own, "A1:B3")).toEqual([
        ["My notes on conflicts", null],
        [null, null],
        [null, 42],
      ]);
    });

    it("is rewritten where the user moved it, captions in the rows above it", async () => {
      const tables = conflicted().map((t) => (t.name === "Conflicts" ? { ...t, sheet: "Log", top: 10, left: 3 } : t));
      const excel = excelFor(tables);
      const outcome = await checkWorkbook(excel.run, options);
      const conflicts = conflictsOf(excel.model);
      expect(conflicts.sheet).toBe("Log");
      expect(conflicts.area).toBe(`C10:J${10 + outcome.annotations.conflicts.rows.length}`);
      expect(valuesIn(sheet(excel.model, "Log"), "C7:C8").flat()).toEqual(outcome.annotations.conflicts.caption);
    });
  });

  describe("where the tables are", () => {
    it(
      "follows a Workplan table moved to another sheet and position; " + "removes rules left on the old sheet",
      async () => {
        const tables = conflicted().map((t) => (t.name === "Workplan" ? { ...t, sheet: "Plan", top: 5, left: 3 } : t));
        const excel = excelFor(tables);
        const old = excel.model.addSheet("Workplan");
        old.conditionalFormats.push({
          id: 1,
          type: "Custom",
          area: { top: 2, left: 1, bottom: 11, right: 6 },
          formula: `=${FLAGS_SHEET}!A2=3`,
          fill: "#FFC7CE",
        });
        const outcome = await checkWorkbook(excel.run, options);
        const want = expected(tables);
        expect(outcome.annotations).toEqual(want);
        expect(want.highlights?.range).toBe("C6:H15");
        expect(valuesIn(flagsSheet(excel.model), "C6:H15")).toEqual(want.highlights?.flags);
        expect(old.conditionalFormats).toEqual([]);
        expect(sheet(excel.model, "Plan").conditionalFormats.map((f) => f.formula)).toEqual(
          want.highlights?.rules.map(
            (r) => `=${FLAGS_SHEET}!${r.formula.includes("$") ? "$I6" : "C6"}=${r.formula.slice(-1)}`,
          ),
        );
        expect(productNotes(excel.model).every((n) => n.sheet === "Plan" || n.sheet !== "Workplan")).toBe(true);
      },
    );

    it("reports missing tables through the engine and still writes the Conflicts table", async () => {
      const excel = excelFor(adoptedTables().filter((t) => t.name !== "Clusters"));
      const outcome = await checkWorkbook(excel.run, options);
      expect(outcome.result.findings.some((f) => f.rule === "missing-table")).toBe(true);
      expect(conflictsOf(excel.model).rows.some((row) => row[6] === "missing-table")).toBe(true);
    });
  });

  describe("text stays text", () => {
    it("writes labels that look like numbers or dates as text", async () => {
      const tables = adoptedTables();
      (tables.find((t) => t.name === "Topics") as SheetTable).rows.push([11, null]);
      (tables.find((t) => t.name === "FlexibleTopics") as SheetTable).rows.push(["1-3", null, null, null]);
      const excel = excelFor(tables);
      const outcome = await checkWorkbook(excel.run, options);
      expect(outcome.annotations.lists?.topics).toContain("11");
      expect(outcome.annotations.lists?.flexible).toContain("1-3");
      const lists = listsSheet(excel.model);
      expect(valuesIn(lists, "A1:A11").flat()).toEqual(outcome.annotations.lists?.topics);
      expect(valuesIn(lists, "B1:B12").flat()).toEqual(outcome.annotations.lists?.flexible);
      expect(allText(excel.model).some((t) => t.startsWith("Error,"))).toBe(false);
    });
  });

  describe("errors say what to do", () => {
    it.each([
      ["InvalidOperationInCellEditMode", /Press Enter or Esc/],
      ["AccessDenied", /protected.*Unprotect/],
      ["GeneralException", /Save the workbook and try again.*Excel said: GeneralException/],
    ])("%s", async (code, advice) => {
      const excel = excelFor(conflicted());
      excel.onContext = (context) => {
        context.sync = async () => {
          throw new FakeError(code, "from Excel");
        };
      };
      await expect(checkWorkbook(excel.run, options)).rejects.toThrow(advice);
      await expect(clearHighlights(excel.run)).rejects.toThrow(/^Could not clear the highlights\./);
    });

    it("runs again without merging when Excel refuses a step in the undo group", async () => {
      const excel = excelFor(conflicted());
      await checkWorkbook(excel.run, options);
      const reference = excel.model.state();
      excel.onContext = (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          if (context.merged && context.pendingKind() === "write")
            throw new FakeError("UndoNotSupported", "not in a group");
          return sync();
        };
      };
      excel.runOptions.length = 0;
      await checkWorkbook(excel.run, options);
      expect(excel.runOptions.map((o) => o.mergeUndoGroup === true)).toEqual([true, false]);
      expect(excel.model.state()).toEqual(reference);
    });
  });
});
