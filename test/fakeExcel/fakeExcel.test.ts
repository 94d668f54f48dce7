/**
 * The in-page stand-in for Excel (test/support/fakeExcel) beyond what the adapter's tests use:
 * its seeds, the grid a person would see (fills from the highlight rules), the sync counter,
 * injected failures, latency, and the Office global.
 */
import { NOT_CHECKED_CAPTION, SEVERITY_STYLE } from "../../src/domain/annotations";
import { adoptedTables } from "../../src/domain/defaults";
import { checkWorkbook, clearHighlights, createDefaultWorkbook } from "../../src/office";
import {
  createFakeExcel,
  FakeExcel,
  fakeOffice,
  gridState,
  put,
  seededWorkbook,
  valueAt,
  withOffice,
  OFFICE_THEMES,
  type FakeTableChangedEvent,
} from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");
const SLIP = { now: () => NOW, expectedEnd: new Map([[2, 2032]]) };

let restore: () => void = () => undefined;
afterEach(() => restore());

function installed(excel: FakeExcel): FakeExcel {
  restore = withOffice(excel);
  return excel;
}

describe("seeds", () => {
  test("default: every adopted table where `workplan init` puts it, the not-checked lines above Conflicts", () => {
    const model = seededWorkbook("default");
    expect(model.tables.map((t) => t.name)).toEqual(adoptedTables().map((t) => t.name));
    const conflicts = gridState(model).sheets.find((s) => s.name === "Conflicts");
    expect(conflicts?.values).toMatchObject({ A1: NOT_CHECKED_CAPTION[0], A2: NOT_CHECKED_CAPTION[1], A4: "Severity" });
    expect(model.activeSheet).toBe("Workplan");
  });

  test("empty: one blank sheet, on which Create workbook succeeds", async () => {
    const excel = installed(createFakeExcel({ seed: "empty" }));
    expect(gridState(excel.model)).toEqual({
      activeSheet: "Sheet1",
      sheets: [expect.objectContaining({ name: "Sheet1", values: {}, tables: [] })],
    });
    const created = await createDefaultWorkbook(excel.run);
    expect(created.tables).toContain("Workplan");
  });

  test("the adopted plan checks clean", async () => {
    const excel = installed(createFakeExcel());
    const outcome = await checkWorkbook(excel.run, { now: () => NOW });
    expect(outcome.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
    const workplan = gridState(excel.model).sheets.find((s) => s.name === "Workplan");
    expect(Object.keys(workplan?.fills ?? {})).toEqual([]);
  });
});

describe("the grid a person sees", () => {
  test("a slip of cluster 2 shows red on the flagged cells, with notes, and very-hidden helper sheets", async () => {
    const excel = installed(createFakeExcel());
    const outcome = await checkWorkbook(excel.run, SLIP);
    const errors = outcome.result.findings
      .filter((f) => f.severity === "error" && f.sheet === "Workplan")
      .map((f) => f.cell);
    expect(errors.length).toBeGreaterThan(0);
    const grid = gridState(excel.model);
    const workplan = grid.sheets.find((s) => s.name === "Workplan");
    const fills = workplan?.fills ?? {};
    const strong = Object.keys(fills).filter((cell) => fills[cell] === `#${SEVERITY_STYLE.error.strong}`);
    expect(strong.sort()).toEqual([...new Set(errors)].sort());
    // The rest of each flagged meeting's row is tinted lightly.
    const rows = new Set(errors.map((cell) => String(cell).replace(/^[A-Z]+/, "")));
    const tinted = Object.keys(fills).filter((cell) => fills[cell] === `#${SEVERITY_STYLE.error.fill}`);
    expect(new Set(tinted.map((cell) => cell.replace(/^[A-Z]+/, "")))).toEqual(rows);
    for (const cell of errors) {
      expect(workplan?.fonts[cell as string]).toBe(`#${SEVERITY_STYLE.error.font}`);
      expect(workplan?.notes[cell as string]).toMatch(/^Workplan Checker:/);
    }
    expect(workplan?.unevaluated).toEqual([]);
    // Both helper sheets very hidden (the core adds the lists sheet, which keeps the record, first).
    expect(
      grid.sheets
        .filter((s) => s.visibility !== "Visible")
        .map((s) => [s.name, s.visibility])
        .sort(),
    ).toEqual([
      ["WorkplanChecker", "VeryHidden"],
      ["WorkplanLists", "VeryHidden"],
    ]);
    await clearHighlights(excel.run);
    expect(gridState(excel.model).sheets.find((s) => s.name === "Workplan")?.fills).toEqual({});
  });

  test(
    "rule priority, the user's own fill, absolute references, " + "text constants and formulas it cannot evaluate",
    () => {
      const model = seededWorkbook([
        {
          name: "T",
          sheet: "S",
          top: 1,
          left: 1,
          headers: ["A", "B"],
          rows: [
            ["x", 1],
            ["y", 2],
          ],
        },
      ]);
      const s = model.sheet("S");
      if (!s) throw new Error("no sheet");
      s.ensure(3, 2).style = { fill: "#FFFF00" };
      const area = { top: 2, left: 1, bottom: 3, right: 2 };
      s.conditionalFormats.push(
        { id: 1, type: "Custom", area, formula: "=$B2=2", fill: "#00FF00" },
        { id: 2, type: "Custom", area, formula: '=$A2="X"', fill: "#0000FF", font: "#FFFFFF" },
        { id: 3, type: "Custom", area, formula: "=ISBLANK(A2)", fill: "#FF0000" },
      );
      const grid = gridState(model).sheets[0];
      expect(grid?.fills).toEqual({ A2: "#0000FF", B2: "#0000FF", A3: "#00FF00", B3: "#00FF00" });
      expect(grid?.fonts).toEqual({ A2: "#FFFFFF", B2: "#FFFFFF" });
      expect(grid?.unevaluated).toEqual(["=ISBLANK(A2)"]);
      s.conditionalFormats = [];
      expect(gridState(model).sheets[0]?.fills).toEqual({ B3: "#FFFF00" });
    },
  );
});

describe("syncs, latency and failures", () => {
  test("the counter counts every context.sync(); a repeat check is one read and one write", async () => {
    const excel = installed(createFakeExcel());
    await checkWorkbook(excel.run, SLIP);
    const before = excel.syncs;
    expect(before).toBeGreaterThanOrEqual(2);
    await checkWorkbook(excel.run, SLIP);
    expect(excel.syncs - before).toBe(2);
  });

  test("an injected failure reaches the user as advice and changes nothing", async () => {
    const excel = installed(createFakeExcel());
    const before = JSON.stringify(excel.model.state());
    excel.failNextSync("InvalidOperationInCellEditMode");
    await expect(checkWorkbook(excel.run, SLIP)).rejects.toThrow(/Excel is editing a cell/);
    expect(JSON.stringify(excel.model.state())).toBe(before);
    await expect(checkWorkbook(excel.run, SLIP)).resolves.toBeDefined();
  });

  test("latency delays every sync", async () => {
    const excel = installed(createFakeExcel({ latencyMs: 20 }));
    const start = Date.now();
    await checkWorkbook(excel.run, { now: () => NOW });
    expect(Date.now() - start).toBeGreaterThanOrEqual(20 * excel.syncs - 5);
  });
});

describe("the Office global", () => {
  test("requirement sets follow the fake's ExcelApi version; nothing else is supported", () => {
    const office = fakeOffice(createFakeExcel({ version: "1.17" }));
    const has = (name: string, v?: string) => office.context.requirements.isSetSupported(name, v);
    expect([
      has("ExcelApi", "1.9"),
      has("ExcelApi", "1.17"),
      has("ExcelApi", "1.18"),
      has("ExcelApi"),
      has("WordApi", "1.1"),
    ]).toEqual([true, true, false, true, false]);
  });

  test("themes, onReady, function commands and settings", async () => {
    const office = fakeOffice(createFakeExcel({ platform: "OfficeOnline" }), { theme: "dark" });
    expect(office.context.officeTheme).toEqual(OFFICE_THEMES.dark);
    const seen: unknown[] = [];
    await expect(office.onReady((info) => seen.push(info))).resolves.toEqual({
      host: "Excel",
      platform: "OfficeOnline",
    });
    expect(seen).toHaveLength(1);

    let ran = 0;
    office.actions.associate("checkWorkplan", (event) => {
      ran++;
      setTimeout(() => event.completed(), 0);
    });
    await office.invokeCommand("checkWorkplan");
    expect(ran).toBe(1);
    await expect(office.invokeCommand("nothing")).rejects.toThrow(/no function command "nothing"/);

    office.context.document.settings.set("whatIf", { 2: 2032 });
    expect(office.context.document.settings.get("whatIf")).toEqual({ 2: 2032 });
    expect(office.context.document.settings.get("missing")).toBeNull();
  });
});

describe("tables growing, formats and change events", () => {
  const tables = () => [
    {
      name: "T",
      sheet: "S",
      top: 1,
      left: 1,
      headers: ["A", "B"],
      rows: [
        ["x", 1],
        ["y", 2],
      ],
    },
  ];

  test(
    "rows.add appends below the table, moves what is under it, takes " +
      "the last row's number formats and grows the body's validation",
    async () => {
      const excel = installed(new FakeExcel(seededWorkbook(tables())));
      const s = excel.model.sheet("S");
      if (!s) throw new Error("no sheet");
      put(s, 5, 1, "below");
      put(s, 5, 3, "beside");
      s.ensure(3, 1).numberFormat = "@";
      s.validations.push({ area: { top: 2, left: 2, bottom: 3, right: 2 }, rule: { list: { source: "=L" } } });
      await excel.run(async (context) => {
        const table = context.workbook.tables.getItem("T");
        table.rows.add(undefined, [["12", 3]]);
        await context.sync();
        const rows = table.rows.load("count");
        await context.sync();
        expect(rows.count).toBe(3);
      });
      expect(excel.model.table("T")?.area).toEqual({ top: 1, left: 1, bottom: 4, right: 2 });
      expect([valueAt(s, 4, 1), valueAt(s, 4, 2), valueAt(s, 6, 1), valueAt(s, 5, 3)]).toEqual([
        "12",
        3,
        "below",
        "beside",
      ]);
      expect(s.validations[0]?.area).toEqual({ top: 2, left: 2, bottom: 4, right: 2 });

      await expect(
        excel.run(async (context) => {
          context.workbook.tables.getItem("T").rows.add(undefined, [["too", "wide", "!"]]);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    },
  );

  test(
    "Range.format: fill, bold, size, wrap and column width " +
      "land on the cells and the sheet; the grid shows the fill",
    async () => {
      const excel = installed(new FakeExcel(seededWorkbook(tables())));
      await excel.run(async (context) => {
        const range = context.workbook.worksheets.getItem("S").getRange("A2:B2");
        range.format.fill.color = "#ffeb9c";
        range.format.font.bold = true;
        range.format.font.size = 13;
        range.format.wrapText = true;
        range.format.columnWidth = 50;
        await context.sync();
      });
      const s = excel.model.sheet("S");
      expect(s?.cell(2, 1)?.style).toEqual({ fill: "#FFEB9C", bold: "true", size: "13", wrapText: "true" });
      expect([...(s?.columnWidths ?? [])]).toEqual([
        [1, 50],
        [2, 50],
      ]);
      expect(gridState(excel.model).sheets[0]?.fills).toEqual({ A2: "#FFEB9C", B2: "#FFEB9C" });
    },
  );

  test(
    "tables.onChanged: registered at the sync; the add-in's writes and the user's edits come as Local, a " +
      "co-author's as Remote, asynchronously",
    async () => {
      const excel = installed(new FakeExcel(seededWorkbook(tables())));
      const seen: FakeTableChangedEvent[] = [];
      await excel.run(async (context) => {
        context.workbook.tables.onChanged.add(async (event) => {
          seen.push(event as unknown as FakeTableChangedEvent);
        });
        expect(excel.tableHandlers).toHaveLength(0);
        await context.sync();
      });
      expect(excel.tableHandlers).toHaveLength(1);
      await excel.run(async (context) => {
        context.workbook.worksheets.getItem("S").getRange("B3").values = [[5]];
        context.workbook.worksheets.getItem("S").getRange("D9").values = [[5]];
        await context.sync();
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(seen).toHaveLength(1);
      excel.editCell("S", "A2", "z", "Remote");
      expect(seen).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 0));
      const table = excel.model.table("T");
      expect(seen).toEqual([
        {
          type: "TableChanged",
          source: "Local",
          changeType: "RangeEdited",
          tableId: table?.id,
          worksheetId: table?.sheet.id,
          address: "B3",
        },
        {
          type: "TableChanged",
          source: "Remote",
          changeType: "RangeEdited",
          tableId: table?.id,
          worksheetId: table?.sheet.id,
          address: "A2",
        },
      ]);
    },
  );
});
