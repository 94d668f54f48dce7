/** readWorkbookState's tables: one sync, cells as the engine expects them, whatever Excel hands over. */
import { FLAGS_SHEET, TOPIC_LIST_NAME } from "../../src/domain/annotations";
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetTable } from "../../src/domain/tables";
import { detectSupport, readWorkbookState, type Support } from "../../src/office";
import { fakeExcel, recordSyncs, sheet, withOffice, type FakeExcel } from "../support/fakeExcel";

function inputs(tables: SheetTable[]): SheetTable[] {
  return tables.filter((t) => t.name !== "Conflicts");
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

const NOTES: Support = { notes: true, mergeUndo: false, resize: true };

function read(excel: FakeExcel, support: Support = NOTES) {
  return excel.run(async (context) => (await readWorkbookState(context, support)).state);
}

describe("readWorkbookState: the input tables", () => {
  it("reads every table of the layout in one sync, as the engine's own tables", async () => {
    const excel = fakeExcel(adoptedTables());
    restore = withOffice(excel);
    const syncs = recordSyncs(excel);
    const state = await read(excel, detectSupport());
    expect(syncs).toEqual([["read"]]);
    expect(state.tables).toEqual(inputs(adoptedTables()));
    expect(state.conflicts).toMatchObject({
      sheet: "Conflicts",
      area: { top: 4, left: 1, bottom: 5, right: 8 },
    });
    expect(state.sheets.map((s) => s.name)).toContain("Conflicts");
    // Nothing of the product's yet: no rules of ours, no flags sheet, no named lists.
    expect(state.record).toBeNull();
    expect(state.legacyMarks.rules).toEqual([]);
    expect(state.sheets.find((s) => s.name === FLAGS_SHEET)).toBeUndefined();
    expect(state.names.get(TOPIC_LIST_NAME)).toBeNull();
  });

  it(
    "keeps text as text and numbers as numbers; blanks are " + "null, errors are their text (as ExcelJS reads them)",
    async () => {
      const tables = adoptedTables();
      const workplan = tables.find((t) => t.name === "Workplan") as SheetTable;
      (workplan.rows[0] as unknown[])[1] = "2023";
      (workplan.rows[1] as unknown[])[1] = { error: "#N/A" };
      (workplan.rows[2] as unknown[])[2] = true;
      (workplan.rows[3] as unknown[])[0] = "13th";
      const excel = fakeExcel(tables);
      const state = await read(excel, { ...NOTES, notes: false });
      const workplanAsRead = state.tables.find((t) => t.name === "Workplan") as SheetTable;
      expect(workplanAsRead.rows[0]?.[1]).toBe("2023");
      expect(workplanAsRead.rows[1]?.[1]).toBe("#N/A");
      expect(workplanAsRead.rows[2]?.[2]).toBe(true);
      expect(workplanAsRead.rows[3]?.[0]).toBe("13th");
      expect(workplanAsRead.rows[4]?.[2]).toBeNull();
      expect(workplanAsRead.rows[4]?.[1]).toBe(2027);
    },
  );

  it("leaves out a totals row, and takes the column names when the header row is hidden", async () => {
    const tables = adoptedTables().map((t) => (t.name === "Topics" ? { ...t, top: 3, left: 2 } : t));
    const excel = fakeExcel(tables);
    const topics = excel.model.table("Topics");
    const settings = excel.model.table("Settings");
    if (!topics || !settings) throw new Error("tables");
    topics.showTotals = true;
    topics.area = { ...topics.area, bottom: topics.area.bottom + 1 };
    sheet(excel.model, "Topics").ensure(topics.area.bottom, 2).value = "Total";
    settings.showHeaders = false;
    settings.hiddenHeaders = ["Setting", "Value"];
    sheet(excel.model, "Settings").cells.delete("1,1");
    sheet(excel.model, "Settings").cells.delete("1,2");
    settings.area = { ...settings.area, top: 2 };
    expect((await read(excel)).tables).toEqual(inputs(tables));
  });

  it("leaves missing tables out, for the engine to report", async () => {
    const excel = fakeExcel(adoptedTables().filter((t) => t.name !== "Articles" && t.name !== "Conflicts"));
    const state = await read(excel);
    expect(state.tables.map((t) => t.name)).toEqual([
      "Workplan",
      "Topics",
      "Clusters",
      "FlexibleTopics",
      "Settings",
      "Sources",
    ]);
    expect(state.conflicts).toBeNull();
    expect(state.sheets.map((s) => s.name)).not.toContain("Conflicts");
  });
});
