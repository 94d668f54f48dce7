/** readTables: one sync, cells as the engine expects them, whatever Excel hands over. */
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetTable } from "../../src/domain/tables";
import { detectSupport, readTables } from "../../src/office";
import { fakeExcel, recordSyncs, sheet, withOffice } from "../support/fakeExcel";

function inputs(tables: SheetTable[]): SheetTable[] {
  return tables.filter((t) => t.name !== "Conflicts");
}

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

describe("readTables", () => {
  it("reads every table of the layout in one sync, as the engine's own tables", async () => {
    const excel = fakeExcel(adoptedTables());
    restore = withOffice(excel);
    const syncs = recordSyncs(excel);
    const snapshot = await excel.run((context) => readTables(context, detectSupport()));
    expect(syncs).toEqual([["read"]]);
    expect(snapshot.tables).toEqual(inputs(adoptedTables()));
    expect(snapshot.conflicts).toMatchObject({
      sheet: "Conflicts",
      area: { top: 4, left: 1, bottom: 5, right: 8 },
      sheetExists: true,
    });
    expect(snapshot.marks).toMatchObject({
      rules: [{ sheet: "Workplan", items: [] }],
      flags: { exists: false, used: null },
    });
    expect(snapshot.names.topics.item).toBeNull();
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
      const snapshot = await excel.run((context) =>
        readTables(context, { notes: false, mergeUndo: false, resize: true }),
      );
      const read = snapshot.tables.find((t) => t.name === "Workplan") as SheetTable;
      expect(read.rows[0]?.[1]).toBe("2023");
      expect(read.rows[1]?.[1]).toBe("#N/A");
      expect(read.rows[2]?.[2]).toBe(true);
      expect(read.rows[3]?.[0]).toBe("13th");
      expect(read.rows[4]?.[2]).toBeNull();
      expect(read.rows[4]?.[1]).toBe(2027);
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
    const snapshot = await excel.run((context) => readTables(context, { notes: true, mergeUndo: false, resize: true }));
    expect(snapshot.tables).toEqual(inputs(tables));
  });

  it("leaves missing tables out, for the engine to report", async () => {
    const excel = fakeExcel(adoptedTables().filter((t) => t.name !== "Articles" && t.name !== "Conflicts"));
    const snapshot = await excel.run((context) => readTables(context, { notes: true, mergeUndo: false, resize: true }));
    expect(snapshot.tables.map((t) => t.name)).toEqual([
      "Workplan",
      "Topics",
      "Clusters",
      "FlexibleTopics",
      "Settings",
      "Sources",
    ]);
    expect(snapshot.conflicts).toMatchObject({ table: null, sheetExists: false });
  });
});
