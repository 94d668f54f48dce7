/**
 * The secretariat's existing workbook (issue 12 item 7): plain ranges with the layout's headers
 * are found on any sheet and converted in place; missing tables without a range are added on new
 * sheets; what cannot be done is named, never attempted.
 */
import { checkWorkbook } from "../../../src/domain/check";
import { adoptedTables } from "../../../src/domain/defaults";
import { findPlainRanges } from "../../../src/domain/setUp";
import type { Written } from "../../../src/domain/sheetOps";
import { tablesByName, type SheetTable } from "../../../src/domain/tables";
import { describeSetUp } from "../../../src/domain/write/setUp";
import { SheetModel } from "../../support/sheetModel";

function adopted(name: string): SheetTable {
  const table = adoptedTables().find((t) => t.name === name);
  if (!table) throw new Error(name);
  return table;
}

/** The adopted table's cells typed as a plain range from (top, left), headers as given. */
function typeRange(model: SheetModel, sheet: string, top: number, left: number, table: SheetTable, headers?: string[]) {
  const grid = [headers ?? (table.headers as string[]), ...table.rows] as Written[][];
  grid.forEach((row, r) => row.forEach((value, c) => model.set(sheet, top + r, left + c, value)));
  return { top, left, bottom: top + table.rows.length, right: left + grid[0]!.length - 1 };
}

/** The secretariat's workbook: every input table as a plain range on a sheet of its own name. */
function secretariat(): SheetModel {
  const model = new SheetModel();
  for (const table of adoptedTables().filter((t) => t.name !== "Conflicts")) {
    model.addSheet(table.sheet);
    typeRange(model, table.sheet, 1, 1, table);
  }
  return model;
}

function cells(model: SheetModel, except = ""): string {
  return JSON.stringify(
    model.sheets.filter((s) => s.name !== except).map((s) => [s.name, [...s.cells], [...s.formats]]),
  );
}

describe("finding the plain ranges of the layout's tables", () => {
  it("finds each input table's range on its sheet and converts them, keeping every cell", () => {
    const model = secretariat();
    model.sheet("Workplan").formats.set("2,1", { fill: "FFFF00" });
    const before = cells(model);
    const setUp = describeSetUp(model.state({ plain: true }));
    expect(setUp.convert.ranges.map((r) => r.table)).toEqual([
      "Workplan",
      "Topics",
      "Articles",
      "Clusters",
      "FlexibleTopics",
      "Settings",
      "Sources",
    ]);
    const workplan = adopted("Workplan");
    expect(setUp.convert.ranges[0]).toEqual({
      table: "Workplan",
      sheet: "Workplan",
      area: { top: 1, left: 1, bottom: 1 + workplan.rows.length, right: 6 },
    });
    expect(setUp.convert.ops.every((op) => op.op === "convertToTable")).toBe(true);
    expect(setUp.add.tables).toEqual([]);
    expect(setUp.notConverted).toEqual([]);
    model.apply(setUp.convert.ops);
    expect(cells(model)).toBe(before);
    const state = model.state({ plain: true });
    expect(state.tables.map((t) => t.name)).toHaveLength(7);
    expect(state.plain).toBeUndefined();
    const result = checkWorkbook(tablesByName(state.tables), { currentYear: 2026 });
    expect(result.findings.filter((f) => f.rule === "missing-table")).toEqual([]);
    expect(result.plan?.meetings.length).toBe(workplan.rows.length);
  });

  it("takes headers in any case, order and spacing, with extra columns, below a title, on any sheet", () => {
    const model = new SheetModel();
    model.addSheet("Secretariat data");
    model.set("Secretariat data", 1, 2, "Working Group on Firearms: topics");
    const topics = adopted("Topics");
    const headers = ["  TOPIC ", "title", "Owner"];
    const grid = [headers, ...topics.rows.map((row) => [...row, "UNODC"])] as Written[][];
    grid.forEach((row, r) => row.forEach((v, c) => model.set("Secretariat data", 3 + r, 2 + c, v)));
    const ranges = findPlainRanges(model.state({ plain: true }));
    expect(ranges).toEqual([
      {
        table: "Topics",
        sheet: "Secretariat data",
        area: { top: 3, left: 2, bottom: 3 + topics.rows.length, right: 4 },
      },
    ]);
  });

  it("tells the Articles header row from the Topics one it contains", () => {
    const model = new SheetModel();
    model.addSheet("Lists");
    typeRange(model, "Lists", 1, 1, adopted("Articles"), ["Article", "Title", "Cluster", "Topic", "Rule"]);
    expect(findPlainRanges(model.state({ plain: true })).map((r) => r.table)).toEqual(["Articles"]);
  });

  it("separates tables side by side (a blank column between) and stacked (the next header row below)", () => {
    const model = new SheetModel();
    model.addSheet("Lists");
    const settings = typeRange(model, "Lists", 1, 1, adopted("Settings"));
    const topics = typeRange(model, "Lists", 1, 7, adopted("Topics"));
    const clusters = typeRange(model, "Lists", settings.bottom + 2, 1, adopted("Clusters"));
    const ranges = findPlainRanges(model.state({ plain: true }));
    const bottom = Math.max(topics.bottom, clusters.bottom);
    expect(ranges).toEqual([
      { table: "Settings", sheet: "Lists", area: { ...settings, bottom: clusters.top - 1 } },
      { table: "Topics", sheet: "Lists", area: { ...topics, bottom } },
      { table: "Clusters", sheet: "Lists", area: { ...clusters, bottom } },
    ]);
  });

  it("does not take a header row missing a column the engine reads", () => {
    const model = new SheetModel();
    model.addSheet("Workplan");
    typeRange(model, "Workplan", 1, 1, adopted("Workplan"), ["Meeting", "Year", "Status", "Topic", "Notes", "X"]);
    const setUp = describeSetUp(model.state({ plain: true }));
    expect(setUp.convert.ranges).toEqual([]);
    expect(setUp.notAdded).toBe("Not added: Workplan, as a sheet or name of that name exists.");
  });

  it("leaves the cells of a table of the user's alone, and stops a range above it", () => {
    const model = new SheetModel();
    model.addSheet("Data");
    const settings = typeRange(model, "Data", 1, 1, adopted("Settings"));
    model.putTable("Table1", "Data", settings.bottom + 2, 1, [
      ["Setting", "Value"],
      ["x", 1],
    ]);
    const ranges = findPlainRanges(model.state({ plain: true }));
    expect(ranges).toEqual([{ table: "Settings", sheet: "Data", area: { ...settings, bottom: settings.bottom + 1 } }]);
  });

  it("gives a header row with nothing below one empty body row", () => {
    const model = new SheetModel();
    model.addSheet("Sources");
    ["Source", "Document", "Text"].forEach((h, i) => model.set("Sources", 1, 1 + i, h));
    expect(findPlainRanges(model.state({ plain: true }))[0]?.area).toEqual({ top: 1, left: 1, bottom: 2, right: 3 });
  });
});

describe("what cannot be converted or added is named, not offered", () => {
  it("does not convert a range whose table name is a defined name already", () => {
    const model = secretariat();
    model.names.set("Settings", "=Settings!$A$1");
    const setUp = describeSetUp(model.state({ plain: true }));
    expect(setUp.convert.ranges.map((r) => r.table)).not.toContain("Settings");
    expect(setUp.notConverted).toEqual([
      'Not converted: Settings!A1:B4, as the name "Settings" is taken (Formulas > Name Manager).',
    ]);
  });

  it("does not guess between two ranges of the same table", () => {
    const model = secretariat();
    model.addSheet("Copy");
    typeRange(model, "Copy", 1, 1, adopted("Topics"));
    const setUp = describeSetUp(model.state({ plain: true }));
    expect(setUp.convert.ranges.map((r) => r.table)).not.toContain("Topics");
    expect(setUp.notConverted).toEqual([
      expect.stringMatching(/^Not converted: Topics!A1:B\d+ and Copy!A1:B\d+ all look/),
    ]);
  });

  it("adds the missing tables without a range on new sheets, and names the sheet in the way of another", () => {
    const model = secretariat();
    for (const name of ["Sources", "Settings"]) model.sheets.splice(model.sheets.indexOf(model.sheet(name)), 1);
    model.addSheet("Settings");
    model.set("Settings", 5, 5, "the secretariat's note");
    const before = cells(model, "Sources");
    const setUp = describeSetUp(model.state({ plain: true }));
    expect(setUp.missing).toHaveLength(7);
    expect(setUp.convert.ranges).toHaveLength(5);
    expect(setUp.add.tables).toEqual(["Sources"]);
    expect(setUp.notAdded).toBe("Not added: Settings, as a sheet or name of that name exists.");
    model.apply([...setUp.convert.ops, ...setUp.add.ops]);
    expect(cells(model, "Sources")).toBe(before);
    expect(model.state().tables.map((t) => t.name)).toContain("Sources");
    expect([1, 2, 3, 4].map((c) => model.get("Sources", 1, c))).toEqual(["Reference", "Document", "Text", "Source"]);
  });
});
