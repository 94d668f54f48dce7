/** "Create workbook": every adopted table with its drop-downs, and never over something there. */
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, TOPIC_LIST_NAME } from "../../src/domain/annotations";
import { ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS, adoptedTables } from "../../src/domain/defaults";
import { CONFLICTS, INPUT_TABLES } from "../../src/domain/layout";
import { createdTables } from "../../src/domain/write/create";
import { checkWorkbook, createDefaultWorkbook, detectSupport, readWorkbookState } from "../../src/office";
import { NOT_CHECKED_CAPTION } from "../../src/domain/annotations";
import {
  FakeExcel,
  TableModel,
  WorkbookModel,
  conflictsOf,
  listsSheet,
  put,
  recordSyncs,
  sheet,
  valuesIn,
  withOffice,
} from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";

const NOW = new Date("2026-11-23T17:50:00Z");

function blankWorkbook(): WorkbookModel {
  const model = new WorkbookModel();
  model.addSheet("Sheet1");
  return model;
}

let restore: (() => void) | null = null;
function excelOn(model: WorkbookModel, version = "1.20"): FakeExcel {
  const excel = new FakeExcel(model, { version });
  restore = withOffice(excel);
  return excel;
}
afterEach(() => {
  restore?.();
  restore = null;
});

forEachHost(() => {
  describe("createDefaultWorkbook", () => {
    it(
      "creates every adopted table, read back exactly as the engine's defaults, " + "in one read and one write",
      async () => {
        const excel = excelOn(blankWorkbook());
        const syncs = recordSyncs(excel);
        const outcome = await createDefaultWorkbook(excel.run);
        expect(syncs).toEqual([["read", "write"]]);
        expect(outcome.tables).toEqual(adoptedTables().map((t) => t.name));
        expect(excel.model.sheets.map((s) => s.name)).toEqual([
          "Sheet1",
          "Workplan",
          "Topics",
          "Articles",
          "Clusters",
          "FlexibleTopics",
          "Settings",
          "Sources",
          "Conflicts",
          LISTS_SHEET,
          FLAGS_SHEET,
          "Timeline",
        ]);
        expect(excel.model.activeSheet).toBe("Workplan");
        // The columns get the widths the core fits to their text (as `workplan init` gives them), not Excel's autofit.
        expect(sheet(excel.model, "Workplan")).toMatchObject({ frozenRows: 2 });
        expect([...sheet(excel.model, "Workplan").columnWidths.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6]);
        expect(sheet(excel.model, "Conflicts")).toMatchObject({ frozenRows: 4 });
        expect([...sheet(excel.model, "Conflicts").columnWidths.keys()].sort()).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);

        const read = await excel.run(async (context) => (await readWorkbookState(context, detectSupport())).state);
        const inputs = createdTables().filter((t) => INPUT_TABLES.some((l) => l.table === t.name));
        expect(read.tables).toEqual(inputs);
        expect(conflictsOf(excel.model)).toMatchObject({
          sheet: "Conflicts",
          area: "A4:H5",
          headers: [...CONFLICTS.headers],
        });
      },
    );

    it("adds drop-downs on the Workplan's agenda columns from the very-hidden lists sheet", async () => {
      const excel = excelOn(blankWorkbook());
      await createDefaultWorkbook(excel.run);
      const offered = (top: number, bottom: number, column: number, list: string) => ({
        area: { top, left: column, bottom, right: column },
        rule: { list: { inCellDropDown: true, source: `=${list}` } },
        ignoreBlanks: true,
        errorAlert: expect.objectContaining({ showAlert: false }),
      });
      expect(sheet(excel.model, "Workplan").validations).toEqual([
        offered(3, 12, 5, TOPIC_LIST_NAME),
        offered(3, 12, 4, FLEXIBLE_LIST_NAME),
      ]);
      expect(sheet(excel.model, "Articles").validations).toEqual([offered(2, 15, 4, TOPIC_LIST_NAME)]);
      expect(conflictsOf(excel.model).captions).toEqual([...NOT_CHECKED_CAPTION]);
      const lists = listsSheet(excel.model);
      expect(lists.visibility).toBe("VeryHidden");
      expect(sheet(excel.model, FLAGS_SHEET).visibility).toBe("VeryHidden");
      expect(valuesIn(lists, "A1:A10").flat()).toEqual(ADOPTED_TOPIC_LABELS);
      expect(valuesIn(lists, "B1:B11").flat()).toEqual(ADOPTED_FLEXIBLE_LABELS);
      expect(excel.model.name(TOPIC_LIST_NAME)?.formula).toBe(`=${LISTS_SHEET}!$A$1:$A$10`);
      expect(excel.model.name(FLEXIBLE_LIST_NAME)?.formula).toBe(`=${LISTS_SHEET}!$B$1:$B$11`);
    });

    it("makes a workbook that checks clean, in one merged undo step from the first check", async () => {
      const excel = excelOn(blankWorkbook());
      await createDefaultWorkbook(excel.run);
      // The lists (columns A and B) stay; the record beside them (from column D) now lists the check's rules.
      const lists = () =>
        JSON.stringify([...listsSheet(excel.model).cells.entries()].filter(([key]) => /,[12]$/.test(key)));
      const listsBefore = lists();
      const syncs = recordSyncs(excel);
      const outcome = await checkWorkbook(excel.run, { now: () => NOW });
      expect(outcome.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.runOptions.map((o) => o.mergeUndoGroup === true)).toEqual([false, true]);
      expect(lists()).toBe(listsBefore);
    });

    it("refuses when a sheet it would add exists, names it, and writes nothing", async () => {
      const model = blankWorkbook();
      put(model.addSheet("Workplan"), 1, 1, "my own plan");
      const excel = excelOn(model);
      const before = model.state();
      const syncs = recordSyncs(excel);
      await expect(createDefaultWorkbook(excel.run)).rejects.toThrow(
        'Cannot create the workbook: the sheet "Workplan" already exists, and creating never overwrites anything. ' +
          "Open a new blank workbook and create it there, or rename or delete it first.",
      );
      expect(syncs).toEqual([["read"]]);
      expect(model.state()).toEqual(before);
    });

    it("refuses when a table of that name exists on another sheet, and names the table and its sheet", async () => {
      const excel = excelOn(blankWorkbook());
      await createDefaultWorkbook(excel.run);
      const other = new FakeExcel(blankWorkbook());
      const data = other.model.addSheet("Data");
      put(data, 1, 1, "Topic");
      other.model.tables.push(new TableModel("Topics", data, { top: 1, left: 1, bottom: 2, right: 1 }));
      await expect(createDefaultWorkbook(other.run)).rejects.toThrow(
        'the table "Topics" (on sheet "Data") already exists',
      );
      await expect(createDefaultWorkbook(excel.run)).rejects.toThrow(
        /the sheet "Workplan", the sheet "Topics", .* and the table "Conflicts" \(on sheet "Conflicts"\) already exist, .*rename or delete them first\./,
      );
    });
  });
});
