/**
 * Diagnostics against the fake Excel: every behaviour of the contract passes on a faithful host;
 * with the fake set to break one behaviour, exactly that row fails; the scratch sheets are gone
 * afterwards and the user's sheets are as they were.
 */
import { runDiagnostics, SCRATCH_SHEET, type DiagnosticsReport } from "../../src/office/diagnostics";
import { createFakeExcel, withOffice, type FakeExcel, type FakeExcelOptions } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function setUp(options: FakeExcelOptions & { seed?: "default" | "empty" } = {}): FakeExcel {
  const excel = createFakeExcel(options);
  restore = withOffice(excel);
  return excel;
}

const diagnose = (excel: FakeExcel) => runDiagnostics(excel.run, { eventWaitMs: 2000 });

const TYPED = "A change event for a typed value";

function failing(report: DiagnosticsReport): string[] {
  return report.rows.filter((r) => r.result === "fail").map((r) => r.behaviour);
}

forEachHost(() => {
  describe("runDiagnostics", () => {
    it("passes every behaviour on a faithful Excel; only the typed value needs a person", async () => {
      const excel = setUp();
      const report = await diagnose(excel);
      expect(report.rows.map((r) => r.behaviour)).toEqual([
        "Null-object chains in one batch",
        "A conditional format whose formula reads a very hidden sheet",
        "Notes added, read and deleted",
        "A change event for the add-in's own write",
        TYPED,
        "Rows written below a table, the table resized",
        "One undo step for a batch of several round trips",
        'Text starting with "=" kept as text',
        "A scratch sheet added and removed",
      ]);
      for (const r of report.rows)
        expect([r.behaviour, r.result]).toEqual([r.behaviour, r.behaviour === TYPED ? "skipped" : "pass"]);
      expect(report.rows.find((r) => r.behaviour === TYPED)?.detail).toMatch(/^Needs a person/);
      expect(report.rows.every((r) => /^ExcelApi 1\.\d+$/.test(r.requirementSet))).toBe(true);
      // Every run waits for the user to finish editing a cell; only the undo step merges.
      expect(excel.runOptions.every((o) => o.delayForCellEdit === true)).toBe(true);
      expect(excel.runOptions.filter((o) => o.mergeUndoGroup)).toHaveLength(1);
    });

    it("gives the platform, the Office version and the requirement sets the host supports", async () => {
      const report = await diagnose(setUp({ version: "1.17", platform: "Mac" }));
      expect(report).toMatchObject({ host: "Excel", platform: "Mac", officeVersion: "16.0" });
      expect(report.supported).toEqual(Array.from({ length: 17 }, (_, i) => `ExcelApi 1.${i + 1}`));
    });

    it("removes the scratch sheets; the user's sheets, tables, names and active sheet stay as they were", async () => {
      const excel = setUp();
      const before = JSON.stringify(excel.model.state());
      await diagnose(excel);
      expect(JSON.stringify(excel.model.state())).toBe(before);
      expect(excel.model.sheets.some((s) => s.name.startsWith(SCRATCH_SHEET))).toBe(false);
    });

    it("leaves a sheet of the user's that has the scratch sheet's name alone", async () => {
      const excel = setUp({ seed: "empty" });
      excel.model.addSheet(SCRATCH_SHEET).ensure(1, 1).value = "mine";
      const before = JSON.stringify(excel.model.state());
      const report = await diagnose(excel);
      expect(failing(report)).toEqual([]);
      expect(report.rows.at(-1)?.detail).toContain(`${SCRATCH_SHEET}2`);
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });

    it("fails exactly the null-chain row where Excel refuses to reach through a null object", async () => {
      const excel = setUp({ nullChains: "refuse" });
      const report = await diagnose(excel);
      expect(failing(report)).toEqual(["Null-object chains in one batch"]);
      expect(report.rows[0]?.detail).toContain("InvalidObjectPath");
    });

    it.each([true, "write"] as const)("fails exactly the notes row where notes are broken (%s)", async (broken) => {
      const excel = setUp({ notesBroken: broken });
      const before = JSON.stringify(excel.model.state());
      const report = await diagnose(excel);
      expect(failing(report)).toEqual(["Notes added, read and deleted"]);
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });

    it("fails exactly the table row where the table reads as filtered", async () => {
      const excel = setUp();
      excel.onContext = (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          await sync();
          for (const table of excel.model.tables) table.filtered = true;
        };
      };
      const report = await diagnose(excel);
      expect(failing(report)).toEqual(["Rows written below a table, the table resized"]);
      expect(excel.model.sheets.some((s) => s.name.startsWith(SCRATCH_SHEET))).toBe(false);
    });

    it("fails exactly the event row when the add-in's write raises no event in time", async () => {
      const excel = setUp();
      excel.eventDelayMs = 500;
      const report = await runDiagnostics(excel.run, { eventWaitMs: 100 });
      expect(failing(report)).toEqual(["A change event for the add-in's own write"]);
    });

    it(
      "skips what the client lacks: notes below 1.18, " + "Table.resize below 1.13, the undo group below 1.20",
      async () => {
        const skipped = (r: DiagnosticsReport) =>
          r.rows.filter((row) => row.result === "skipped" && row.behaviour !== TYPED).map((row) => row.behaviour);
        expect(skipped(await diagnose(setUp({ version: "1.19" })))).toEqual([
          "One undo step for a batch of several round trips",
        ]);
        restore?.();
        const old = await diagnose(setUp({ version: "1.12" }));
        expect(skipped(old)).toEqual([
          "Notes added, read and deleted",
          "Rows written below a table, the table resized",
          "One undo step for a batch of several round trips",
        ]);
        expect(failing(old)).toEqual([]);
      },
    );

    it("reports a refused scratch sheet in one row and changes nothing", async () => {
      const excel = setUp();
      const before = JSON.stringify(excel.model.state());
      excel.onContext = (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          if (context.pendingKind() === "write") excel.failNextSync("AccessDenied");
          return sync();
        };
      };
      const report = await diagnose(excel);
      expect(report.rows).toHaveLength(1);
      expect(report.rows[0]).toMatchObject({ behaviour: "A scratch sheet added and removed", result: "fail" });
      expect(report.rows[0]?.detail).toContain("AccessDenied");
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });
  });
});
