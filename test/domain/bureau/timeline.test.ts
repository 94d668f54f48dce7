/**
 * The Timeline sheet: years across, a row per cluster and per topic, drawn with cells and the
 * product's conditional formats; every check redraws it, and a sheet of the user's named
 * Timeline is never written.
 */
import { checkTime, describeAnnotations } from "../../../src/domain/annotations";
import { checkWorkbook } from "../../../src/domain/check";
import type { ReadOptions } from "../../../src/domain/read";
import { tablesByName } from "../../../src/domain/tables";
import { TIMELINE_SHEET } from "../../../src/domain/timeline";
import { describeCheck, describeClear, describeCreate } from "../../../src/domain/write";
import { SheetModel } from "../../support/sheetModel";

function created(): SheetModel {
  const model = new SheetModel();
  const write = describeCreate(model.state());
  if ("refused" in write) throw new Error(write.refused);
  model.apply(write.ops);
  return model;
}

function check(model: SheetModel, options: Partial<ReadOptions> = {}) {
  const state = model.state();
  const tables = tablesByName(state.tables);
  const result = checkWorkbook(tables, { currentYear: 2026, ...options });
  const write = describeCheck(state, describeAnnotations(tables, result, checkTime(new Date(0))));
  model.apply(write.ops);
  return write;
}

function headerRow(model: SheetModel): number {
  const found = [...model.sheet(TIMELINE_SHEET).cells].find(([, v]) => v === "Cluster or topic")?.[0];
  return Number(found?.split(",")[0]);
}

/** The grid row whose label starts with `label`: year → cell. */
function rowOf(model: SheetModel, label: string): Map<number, unknown> {
  const sheet = model.sheet(TIMELINE_SHEET);
  const header =
    [...sheet.cells]
      .find(([, v]) => v === "Cluster or topic")?.[0]
      .split(",")
      .map(Number)[0] ?? 0;
  const row = [...sheet.cells].find(([k, v]) => k.endsWith(",1") && String(v).startsWith(label))?.[0];
  const r = Number(row?.split(",")[0]);
  const cells = new Map<number, unknown>();
  for (let c = 2; model.get(TIMELINE_SHEET, header, c) !== null; c++)
    cells.set(Number(model.get(TIMELINE_SHEET, header, c)), model.get(TIMELINE_SHEET, r, c));
  return cells;
}

describe("the Timeline of a check with cluster 2 slipping to 2032", () => {
  const model = created();
  check(model, { expectedEnd: new Map([[2, 2032]]) });

  it("shows cluster 2's review, its planned end (2030) and its expected end (2032)", () => {
    const cluster = rowOf(model, "Cluster 2");
    expect([2027, 2029, 2030, 2031, 2032].map((y) => cluster.get(y))).toEqual(["R", "R", "P", "R", "E"]);
  });

  it("shows topic 6's acceptable years (2030 to 2033) and its meeting (15th, 2028) marked as a conflict", () => {
    const topic = rowOf(model, "Topic 6");
    expect([2027, 2028, 2029, 2030, 2033].map((y) => topic.get(y))).toEqual([null, "15th!", null, "w", "w"]);
    expect(rowOf(model, "Topic 1").get(2023)).toBe("10th");
  });

  it("colours it with the product's rules, recorded so that the next check replaces them", () => {
    expect(model.sheet(TIMELINE_SHEET).rules.map((r) => r.formula)[0]).toBe('RIGHT(B11,1)="!"');
    expect(model.state().record?.sheets).toEqual([TIMELINE_SHEET]);
    check(model);
    expect(model.sheet(TIMELINE_SHEET).rules).toHaveLength(6);
    expect(rowOf(model, "Topic 6").get(2028)).toBe("15th");
    expect(rowOf(model, "Cluster 2").get(2030)).toBe("PE");
  });

  it("stays, with its colours, when the highlights are cleared", () => {
    model.apply(describeClear(model.state()).ops);
    expect(model.sheet(TIMELINE_SHEET).rules).toHaveLength(6);
    expect(model.state().record?.sheets).toEqual([TIMELINE_SHEET]);
  });
});

it("never writes on a sheet of the user's named Timeline, and says so", () => {
  const model = new SheetModel();
  model.addSheet(TIMELINE_SHEET).cells.set("1,1", "my own timeline");
  const create = describeCreate(model.state());
  if ("refused" in create) throw new Error(create.refused);
  model.apply(create.ops);
  const write = check(model);
  expect(write.timelineBlocked).toMatch(/the sheet "Timeline" is yours/);
  expect(model.get(TIMELINE_SHEET, 1, 1)).toBe("my own timeline");
  expect(model.sheet(TIMELINE_SHEET).rules).toEqual([]);
});

describe("the Timeline of a what-if check (cluster 2 to 2032, the 15th meeting cancelled)", () => {
  const model = created();
  check(model, { expectedEnd: new Map([[2, 2032]]), cancel: new Set([15]) });
  const texts = () => [...model.sheet(TIMELINE_SHEET).cells.values()].map(String);

  it("carries the WHAT-IF banner line of the Conflicts sheet, above the grid", () => {
    const banner = texts().find((text) => text.startsWith("WHAT-IF CHECK"));
    expect(banner).toMatch(/cluster 2's review end taken as 2032.*the 15th meeting taken as cancelled/);
    expect(model.get(TIMELINE_SHEET, 2, 1)).toBe(banner);
    expect(model.sheet(TIMELINE_SHEET).formats.get("2,1")).toMatchObject({ bold: true, fontColor: "C00000" });
  });

  it("marks the cancelled meeting in its topic's row and says what the mark means in the legend", () => {
    expect(rowOf(model, "Topic 6").get(2028)).toBe("15th×");
    expect(texts()).toContain("15th×: the meeting that held the topic, cancelled");
  });

  it("lays the banner across the label and the years, on one or two lines, not down the label column", () => {
    const sheet = model.sheet(TIMELINE_SHEET);
    const years = [...sheet.cells.keys()].filter((k) => k.startsWith(`${headerRow(model)},`)).length - 1;
    expect(sheet.merged).toEqual([{ top: 2, left: 1, bottom: 2, right: years + 1 }]);
    expect(sheet.formats.get("2,1")).toMatchObject({ wrap: true });
    expect(sheet.heights.get(2)).toBeLessThanOrEqual(31);
  });

  it("merges the banner of the next what-if check across its own years, the earlier merge undone", () => {
    const sheet = model.sheet(TIMELINE_SHEET);
    const years = () => [...sheet.cells.keys()].filter((k) => k.startsWith(`${headerRow(model)},`)).length - 1;
    const before = years();
    // Over several pages the banner wraps in the repeated label column: nothing stays merged.
    check(model, { expectedEnd: new Map([[2, 2045]]), cancel: new Set([15]) });
    expect(sheet.merged).toEqual([]);
    check(model, { expectedEnd: new Map([[2, 2034]]), cancel: new Set([15]) });
    expect(years()).toBeGreaterThan(before);
    expect(sheet.merged).toEqual([{ top: 2, left: 1, bottom: 2, right: years() + 1 }]);
  });

  it("drops the banner and the legend's line when the next check uses the workbook's own values", () => {
    check(model);
    expect(texts().some((text) => text.startsWith("WHAT-IF") || text.includes("cancelled"))).toBe(false);
    expect(rowOf(model, "Topic 6").get(2028)).toBe("15th");
  });
});

describe("how the Timeline prints", () => {
  const page = (model: SheetModel) => model.sheet(TIMELINE_SHEET).page;

  it("fits one page wide while the years print at 8 pt or more, its labels the print titles", () => {
    const model = created();
    check(model, { expectedEnd: new Map([[2, 2032]]) });
    expect(page(model)).toMatchObject({ fitToWidth: true, titleColumns: { left: 1, right: 1 }, overThenDown: true });
  });

  it("over 29 years prints at full size across pages, the title and legend wrapped in the repeated labels", () => {
    const model = created();
    const write = check(model, { expectedEnd: new Map([[2, 2050]]) });
    expect(page(model)).toMatchObject({ fitToWidth: false, titleColumns: { left: 1, right: 1 }, overThenDown: true });
    // Nothing runs on from the label column over the years, where the next page would print it cut.
    const wrapped = write.ops.filter(
      (op) => op.op === "format" && op.sheet === TIMELINE_SHEET && op.format.wrap && op.area.top === 1,
    );
    expect(wrapped).toHaveLength(1);
    expect(model.sheet(TIMELINE_SHEET).heights.get(1)).toBeGreaterThan(40);
  });
});
