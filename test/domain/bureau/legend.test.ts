/**
 * The legend of the highlights beside the Workplan table: in the row above the table when that
 * row is empty across it, kept as the product's by the record (rewritten by every check, removed
 * by Clear and by a check that highlights nothing), and never over a cell of the user's: then the
 * Conflicts sheet's legend says which cell is in the way.
 */
import { checkTime, describeAnnotations, LISTS_SHEET } from "../../../src/domain/annotations";
import { checkWorkbook } from "../../../src/domain/check";
import { adoptedTables } from "../../../src/domain/defaults";
import type { ReadOptions } from "../../../src/domain/read";
import type { Written } from "../../../src/domain/sheetOps";
import { tablesByName, type SheetTable } from "../../../src/domain/tables";
import { describeCheck, describeClear, describeCreate } from "../../../src/domain/write";
import { WORKPLAN_LEGEND } from "../../../src/domain/write/legend";
import { SheetModel } from "../../support/sheetModel";

const WHEN = checkTime(new Date(Date.UTC(2026, 11, 1, 15, 0)));
const SLIP = { expectedEnd: new Map([[2, 2032]]) };
const TITLE = "Multi-year workplan of the Working Group on Firearms";

/** The adopted workbook, the Workplan table from row `top` with the user's title in A1. */
function workbook(top: number): SheetModel {
  const model = new SheetModel();
  for (const table of adoptedTables()) {
    const at: SheetTable = table.name === "Workplan" ? { ...table, top } : table;
    if (!model.sheets.some((s) => s.name === at.sheet)) model.addSheet(at.sheet);
    model.putTable(at.name, at.sheet, at.top, at.left, [[...at.headers], ...at.rows] as Written[][]);
  }
  if (top > 1) model.set("Workplan", 1, 1, TITLE);
  return model;
}

function check(model: SheetModel, options: Partial<ReadOptions> = {}) {
  const state = model.state();
  const tables = tablesByName(state.tables);
  const result = checkWorkbook(tables, { currentYear: 2026, ...options });
  const write = describeCheck(state, describeAnnotations(tables, result, WHEN));
  model.apply(write.ops);
  return write;
}

const conflictsLegend = (model: SheetModel) => String(model.get("Conflicts", 3, 4));

describe("a Workplan table with an empty row above it", () => {
  it("gets the legend in that row, once, whose text runs on over the empty cells above the table", () => {
    const model = workbook(3);
    check(model, SLIP);
    expect(model.get("Workplan", 2, 1)).toBe(WORKPLAN_LEGEND);
    expect(model.get("Workplan", 1, 1)).toBe(TITLE);
    // Shorter than the table is wide (its columns), so the printed page does not widen.
    expect(WORKPLAN_LEGEND.length).toBeLessThan(110);
    check(model, SLIP);
    expect(model.state().record?.cells.filter((c) => c.text === WORKPLAN_LEGEND)).toEqual([
      { sheet: "Workplan", row: 2, column: 1, text: WORKPLAN_LEGEND },
    ]);
    expect(conflictsLegend(model)).not.toMatch(/no legend/);
  });

  it("loses it to Clear, which leaves the title and the Conflicts table", () => {
    const model = workbook(3);
    check(model, SLIP);
    model.apply(describeClear(model.state()).ops);
    expect(model.get("Workplan", 2, 1)).toBeNull();
    expect(model.get("Workplan", 1, 1)).toBe(TITLE);
    expect(model.get("Conflicts", 4, 1)).toBe("Severity");
    expect(model.state().record?.cells.some((c) => c.text === WORKPLAN_LEGEND)).toBe(false);
  });

  it("loses it when the check highlights nothing", () => {
    const model = workbook(3);
    check(model, SLIP);
    check(model);
    expect(model.get("Workplan", 2, 1)).toBeNull();
  });

  it("keeps the planner's own text written over the legend, and the Conflicts legend says why there is none", () => {
    const model = workbook(3);
    check(model, SLIP);
    model.set("Workplan", 2, 1, "Draft of 1 December");
    check(model, SLIP);
    expect(model.get("Workplan", 2, 1)).toBe("Draft of 1 December");
    model.apply(describeClear(model.state()).ops);
    expect(model.get("Workplan", 2, 1)).toBe("Draft of 1 December");
  });
});

describe("a Workplan table whose row above holds a cell of the user's", () => {
  it("gets no legend; the Conflicts sheet's legend names the cell in the way", () => {
    const model = workbook(3);
    model.set("Workplan", 2, 4, "Agenda items as adopted");
    const write = check(model, SLIP);
    expect(model.get("Workplan", 2, 1)).toBeNull();
    expect(model.get("Workplan", 2, 4)).toBe("Agenda items as adopted");
    expect(write.blocked).toBeNull();
    expect(conflictsLegend(model)).toMatch(
      /On the Workplan sheet .* No legend above the Workplan table: Workplan!D2 is yours\.$/,
    );
  });
});

describe("a workbook created by `workplan init` or the pane's Create", () => {
  it("has row 1 free above the Workplan table, where a check writes the legend and Clear removes it", () => {
    const model = new SheetModel();
    const create = describeCreate(model.state());
    if ("refused" in create) throw new Error(create.refused);
    model.apply(create.ops);
    expect(model.tables.find((t) => t.name === "Workplan")?.area.top).toBe(2);
    expect(model.sheet("Workplan").frozen).toBe(2);
    check(model, SLIP);
    expect(model.get("Workplan", 1, 1)).toBe(WORKPLAN_LEGEND);
    expect(conflictsLegend(model)).not.toMatch(/No legend/);
    model.apply(describeClear(model.state()).ops);
    expect(model.get("Workplan", 1, 1)).toBeNull();
  });
});

describe("a legend an earlier version wrote in other words", () => {
  it("is known as ours by the record, not by its text: the next check rewrites it, Clear removes it", () => {
    const model = workbook(3);
    check(model, SLIP);
    const earlier = "Highlights: tinted rows have findings.";
    const lists = model.sheet(LISTS_SHEET);
    const entry = [...lists.cells].find(([, value]) => value === WORKPLAN_LEGEND)?.[0];
    if (!entry) throw new Error("the legend is not in the record");
    lists.cells.set(entry, earlier);
    model.set("Workplan", 2, 1, earlier);
    check(model, SLIP);
    expect(model.get("Workplan", 2, 1)).toBe(WORKPLAN_LEGEND);
    lists.cells.set(entry, earlier);
    model.set("Workplan", 2, 1, earlier);
    model.apply(describeClear(model.state()).ops);
    expect(model.get("Workplan", 2, 1)).toBeNull();
    expect(model.get("Workplan", 1, 1)).toBe(TITLE);
  });
});

describe("a Workplan table in row 1 (as `workplan init` laid it out before)", () => {
  it("gets no legend on its sheet: the Conflicts sheet's legend tells the colours", () => {
    const model = workbook(1);
    check(model, SLIP);
    expect([...model.sheet("Workplan").cells.values()]).not.toContain(WORKPLAN_LEGEND);
    expect(conflictsLegend(model)).toBe(
      "On the Workplan sheet the meeting's row is tinted and the cell to change is filled and framed.",
    );
  });
});
