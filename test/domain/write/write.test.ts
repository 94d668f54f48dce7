/**
 * The one description of what to write, applied to a plain in-memory workbook: create, check,
 * clear, apply and the proposal sheet do what a planner expects and never take a user's cell,
 * note or rule.
 */
import { checkTime, describeAnnotations, FLAGS_SHEET, LISTS_SHEET, NOTE_MARK } from "../../../src/domain/annotations";
import { checkWorkbook } from "../../../src/domain/check";
import { CONFLICTS, WORKPLAN } from "../../../src/domain/layout";
import { tablesByName } from "../../../src/domain/tables";
import {
  describeApplyEdit,
  describeCheck,
  describeClear,
  describeCreate,
  RECORD_SHEET,
} from "../../../src/domain/write";
import { SheetModel } from "../../support/sheetModel";
import { cellAddress } from "../../../src/domain/cellRef";

const WHEN = checkTime(new Date(Date.UTC(2026, 11, 1, 15, 0)));

function created(): SheetModel {
  const model = new SheetModel();
  const write = describeCreate(model.state());
  if ("refused" in write) throw new Error(write.refused);
  model.apply(write.ops);
  return model;
}

/** Cluster 2's review slips to 2032: topics 6 and 7 (E7, E8) come too early. */
function slip(model: SheetModel, year = 2032): void {
  const clusters = model.tables.find((t) => t.name === "Clusters");
  if (!clusters) throw new Error("no Clusters table");
  for (let row = clusters.area.top + 1; row <= clusters.area.bottom; row++) {
    if (model.get("Clusters", row, clusters.area.left) === 2) model.set("Clusters", row, clusters.area.left + 4, year);
  }
}

function check(model: SheetModel) {
  const state = model.state();
  const tables = tablesByName(state.tables);
  const result = checkWorkbook(tables, { currentYear: 2026 });
  const write = describeCheck(state, describeAnnotations(tables, result, WHEN));
  model.apply(write.ops);
  return { result, write };
}

describe("creating the workbook", () => {
  it("writes every table, the lists, a very hidden flags sheet and a record, and shows the Workplan", () => {
    const model = created();
    expect(model.tables.map((t) => t.name)).toEqual(
      expect.arrayContaining(["Workplan", "Topics", "Articles", "Clusters", "FlexibleTopics", "Settings", "Conflicts"]),
    );
    expect(model.sheet(FLAGS_SHEET).visibility).toBe("veryHidden");
    expect(model.sheet(LISTS_SHEET).visibility).toBe("veryHidden");
    expect(model.names.get("WorkplanTopicLabels")).toBe("='WorkplanLists'!$A$1:$A$10");
    expect(model.active).toBe(WORKPLAN.sheet);
    expect(model.get("Conflicts", 1, 1)).toMatch(/^Not checked yet/);
    expect(model.state().record?.cells).toEqual([
      { sheet: "Conflicts", row: 1, column: 1, text: expect.stringMatching(/^Not checked yet/) },
      { sheet: "Conflicts", row: 2, column: 1, text: "Expected review ends used: none yet." },
      { sheet: "Conflicts", row: 3, column: 1, text: "Error" },
      { sheet: "Conflicts", row: 3, column: 2, text: "Warning" },
      { sheet: "Conflicts", row: 3, column: 3, text: "Info" },
      { sheet: "Conflicts", row: 3, column: 4, text: expect.stringMatching(/row is tinted/) },
    ]);
    expect(checkWorkbook(tablesByName(model.state().tables), { currentYear: 2026 }).summary).toEqual({
      error: 0,
      warning: 0,
      info: 0,
    });
  });

  it("aligns every cell of a taller row at the top, so that each topic prints on its meeting's line", () => {
    const model = created();
    const tallRows = ["Workplan", "Articles", "Sources"].map((name) => model.sheet(name).heights.size);
    expect(tallRows.filter((count) => count > 0).length).toBeGreaterThanOrEqual(2);
    for (const name of ["Workplan", "Articles", "Sources"]) {
      const sheet = model.sheet(name);
      const tall = [...sheet.heights.keys()];
      const table = model.tables.find((t) => t.sheet === name)?.area;
      for (const row of tall) {
        for (let column = table?.left ?? 1; column <= (table?.right ?? 0); column++) {
          expect({ name, row, column, top: sheet.formats.get(`${row},${column}`)?.verticalTop }).toEqual({
            name,
            row,
            column,
            top: true,
          });
        }
      }
    }
  });

  it("draws the Timeline as a check would, so that a new workbook opens with it, no conflict marked yet", () => {
    const model = created();
    const cells = [...model.sheet("Timeline").cells.values()];
    expect(model.get("Timeline", 1, 1)).toMatch(/^Timeline of the workplan/);
    expect(cells).toEqual(expect.arrayContaining([expect.stringMatching(/^Cluster 2 — /), "15th", "w", "PE"]));
    expect(cells.filter((v) => typeof v === "string" && v.startsWith("Topic "))).toHaveLength(10);
    expect(cells.some((v) => typeof v === "string" && /^\d+(st|nd|rd|th)!$/.test(v))).toBe(false);
    expect(model.state().record?.sheets).toEqual(["Timeline"]);
    expect(model.state().record?.rules.filter((r) => r.sheet === "Timeline").length).toBeGreaterThan(0);
    check(model);
    expect([...model.sheet("Timeline").cells.values()]).toEqual(expect.arrayContaining(cells));
  });

  it("shows each source in words first on the Sources sheet, the id the rules cite last, and still quotes it", () => {
    const model = created();
    const sources = model.tables.find((t) => t.name === "Sources");
    if (!sources) throw new Error("no Sources table");
    const { top, left } = sources.area;
    const row = (r: number) => [0, 1, 2, 3].map((i) => model.get("Sources", r, left + i));
    expect(row(top)).toEqual(["Reference", "Document", "Text", "Source"]);
    const p18 = Array.from({ length: sources.area.bottom - top }, (_, i) => row(top + 1 + i)).find(
      (r) => r[3] === "P§18",
    );
    expect(p18?.[0]).toBe("Background paper, para. 18");
    expect(String(p18?.[2])).toMatch(/^Furthermore, the workplan takes into account the clustering/);
    slip(model);
    const { result } = check(model);
    expect(result.findings[0]?.quote).toMatch(/^Background paper, para\. 18: “Furthermore, the workplan/);
  });

  it("refuses, naming what is in the way, when a sheet of that name exists, and writes nothing", () => {
    const model = new SheetModel();
    model.addSheet("Topics").cells.set("1,1", "mine");
    const write = describeCreate(model.state());
    expect(write).toEqual({ refused: expect.stringContaining('the sheet "Topics" already exists') });
  });
});

describe("a check", () => {
  it("flags the conflicting cells, explains them in notes and the Conflicts table, and records what it wrote", () => {
    const model = created();
    slip(model);
    const { result, write } = check(model);
    expect(result.summary.error).toBe(2);
    expect(model.sheet(WORKPLAN.sheet).rules).toHaveLength(6);
    expect([...model.sheet(WORKPLAN.sheet).notes.keys()].sort()).toEqual(["8,5", "9,5"]);
    expect(model.get(FLAGS_SHEET, 8, 5)).toBe(3);
    expect(model.get("Conflicts", 1, 1)).toMatch(/^Last checked 1 December 2026, 15:00 UTC.*2 errors/);
    expect(write.conflicts).toBe("Conflicts!A4:H6");
    const record = model.state().record;
    expect(record?.rules).toHaveLength(15);
    expect(record?.notes).toHaveLength(2);
  });

  it("twice is once", () => {
    const once = created();
    slip(once);
    check(once);
    const twice = created();
    slip(twice);
    check(twice);
    check(twice);
    for (const sheet of once.sheets) {
      expect(twice.dump(sheet.name)).toEqual(once.dump(sheet.name));
      expect(twice.sheet(sheet.name).rules).toEqual(sheet.rules);
      expect([...twice.sheet(sheet.name).notes]).toEqual([...sheet.notes]);
    }
    expect(twice.tables).toEqual(once.tables);
  });

  it("shrinks the Conflicts table when conflicts go, emptying only its own rows", () => {
    const model = created();
    slip(model);
    check(model);
    slip(model, 2030);
    check(model);
    expect(model.tables.find((t) => t.name === "Conflicts")?.area).toEqual({ top: 4, left: 1, bottom: 5, right: 8 });
    expect(model.get("Conflicts", 6, 4)).toBeNull();
    expect(model.get("Conflicts", 5, 4)).toMatch(/No conflicts/);
  });

  it("leaves the user's own note, and a note of theirs that looks like ours, on the cells it would explain", () => {
    const model = created();
    slip(model);
    model.sheet(WORKPLAN.sheet).notes.set("8,5", { text: `${NOTE_MARK} my own reminder`, user: true });
    const { write } = check(model);
    expect(model.sheet(WORKPLAN.sheet).notes.get("8,5")?.text).toBe(`${NOTE_MARK} my own reminder`);
    expect(write.notesSkipped.map((n) => cellAddress(n.at))).toEqual(["E8"]);
    check(model);
    describeClearAndApply(model);
    expect(model.sheet(WORKPLAN.sheet).notes.get("8,5")?.text).toBe(`${NOTE_MARK} my own reminder`);
  });

  it("puts a new Conflicts table below the text of a Conflicts sheet that has no table, keeping every cell", () => {
    const model = created();
    model.tables = model.tables.filter((t) => t.name !== CONFLICTS.table);
    const sheet = model.sheet("Conflicts");
    sheet.cells.clear();
    [1, 2, 4, 5].forEach((row) => model.set("Conflicts", row, 1, `my line ${row}`));
    slip(model);
    const { write } = check(model);
    expect(write.blocked).toBeNull();
    [1, 2, 4, 5].forEach((row) => expect(model.get("Conflicts", row, 1)).toBe(`my line ${row}`));
    expect(write.conflicts).toBe("Conflicts!A9:H11");
    expect(model.get("Conflicts", 6, 1)).toMatch(/^Last checked/);
  });

  it("does not grow the Conflicts table over the user's cells below it, says which, and still highlights", () => {
    const model = created();
    model.set("Conflicts", 6, 2, "my total");
    slip(model);
    const { write } = check(model);
    expect(write.blocked).toMatch(/cells of yours on the sheet "Conflicts" \(B6\)/);
    expect(write.conflicts).toBeNull();
    expect(model.get("Conflicts", 6, 2)).toBe("my total");
    expect(model.sheet(WORKPLAN.sheet).rules).toHaveLength(6);
  });

  it("does not write its lines over a user's text above a Conflicts table that was moved", () => {
    const model = created();
    const table = model.tables.find((t) => t.name === CONFLICTS.table);
    if (!table) throw new Error("no table");
    model.set("Conflicts", 1, 1, null);
    model.set("Conflicts", 2, 1, null);
    model.set("Conflicts", 7, 1, "my heading");
    table.area = { ...table.area, top: 10, bottom: 11 };
    model.set("Conflicts", 10, 1, "Severity");
    check(model);
    expect(model.get("Conflicts", 7, 1)).toBe("my heading");
  });

  it("removes the marks of a version that kept no record, then keeps one", () => {
    const model = created();
    slip(model);
    check(model);
    const lists = model.sheet(RECORD_SHEET);
    for (const k of [...lists.cells.keys()]) if (Number(k.split(",")[1]) >= 4) lists.cells.delete(k);
    expect(model.state().record).toBeNull();
    slip(model, 2030);
    check(model);
    expect(model.sheet(WORKPLAN.sheet).rules).toHaveLength(6);
    expect(model.sheet(WORKPLAN.sheet).notes.size).toBe(0);
    expect(model.state().record).not.toBeNull();
  });
});

function describeClearAndApply(model: SheetModel) {
  const clear = describeClear(model.state());
  model.apply(clear.ops);
  return clear;
}

describe("clearing", () => {
  it("removes the product's rules and notes and keeps the user's rule that reads the flags sheet", () => {
    const model = created();
    slip(model);
    check(model);
    const formula = `'${FLAGS_SHEET}'!E2=3`;
    model.sheet(WORKPLAN.sheet).rules.push({ area: { top: 2, left: 1, bottom: 11, right: 6 }, formula, user: true });
    const clear = describeClearAndApply(model);
    expect(clear).toMatchObject({ rulesRemoved: 6, notesRemoved: 2 });
    expect(model.sheet(WORKPLAN.sheet).rules.map((r) => r.formula)).toEqual([formula]);
    expect(model.sheet(WORKPLAN.sheet).notes.size).toBe(0);
    expect(model.get(FLAGS_SHEET, 7, 5)).toBeNull();
    expect(model.get("Conflicts", 5, 1)).toBe("Error");
  });
});

describe("applying a proposal", () => {
  const edit = { cells: [], rows: [[20, 2033, null, null, "10", null]], changes: [] };

  it("writes appended meetings below the Workplan table and grows the table over them", () => {
    const model = created();
    const state = model.state();
    const table = state.tables.find((t) => t.name === WORKPLAN.table);
    if (!table) throw new Error("no Workplan");
    const write = describeApplyEdit(state, edit, table);
    if ("refused" in write) throw new Error(write.refused);
    model.apply(write.ops);
    expect(model.get(WORKPLAN.sheet, 13, 1)).toBe(20);
    expect(model.tables.find((t) => t.name === WORKPLAN.table)?.area.bottom).toBe(13);
  });

  it("refuses when the user's cells are in the rows below the table", () => {
    const model = created();
    model.set(WORKPLAN.sheet, 13, 3, "total");
    const state = model.state();
    const table = state.tables.find((t) => t.name === WORKPLAN.table);
    if (!table) throw new Error("no Workplan");
    expect(describeApplyEdit(state, edit, table)).toEqual({ refused: expect.stringContaining("Workplan: C13") });
  });
});
