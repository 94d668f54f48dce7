/**
 * The slip what-if, the proposal and applying it, through the Office.js adapter on the fake
 * Excel: every operation is one read sync and one write sync, apply changes only the fixed
 * topics (appending rows for appended meetings) and the expected ends, and refuses a proposal
 * whose plan has changed; the proposal sheet is the one the command line writes.
 */
import { describeApply } from "../../src/domain/apply";
import { describeApplyChanges } from "../../src/domain/proposalBasis";
import { describeProposalSheet } from "../../src/domain/proposalSheet";
import type { CleanProposal } from "../../src/domain/propose";
import { findTable } from "../../src/domain/tables";
import { whatIf } from "../../src/domain/whatIf";
import { checkTime } from "../../src/domain/annotations";
import {
  applyProposal,
  checkWorkbook,
  PLAN_CHANGED,
  readWorkbook,
  saveExpectedEnds,
  widthInPoints,
  writeProposalSheet,
  type ProposalBasis,
} from "../../src/office";
import { proposalColumns, proposalWidths, TIMELINE_HEADING } from "../../src/domain/proposalSheet";
import { applyProposalAndCheck, FILTERED, saveExpectedEndsAndCheck } from "../../src/office/whatIf";
import ExcelJS from "exceljs";
import {
  cellName,
  createFakeExcel,
  conflictsOf,
  recordSyncs,
  sheet,
  valueAt,
  valuesIn,
  withOffice,
  type FakeExcel,
} from "../support/fakeExcel";
import { patchedProposalSheet } from "./proposalFile";
import { forEachHost } from "../support/hosts";

const NOW = new Date("2026-11-23T17:50:00Z");
const OPTIONS = { currentYear: NOW.getFullYear() };
const SLIP = new Map([[2, 2032]]);

let restore: () => void = () => undefined;
afterEach(() => restore());

function setUp(version = "1.20"): FakeExcel {
  const excel = createFakeExcel({ seed: "default", version });
  restore = withOffice(excel);
  return excel;
}

/** What the pane does on a spin of cluster 2 to 2032: the tables read once, the what-if in memory. */
async function slipBasis(
  excel: FakeExcel,
  ends = SLIP,
): Promise<ProposalBasis & { tables: Awaited<ReturnType<typeof readWorkbook>>["tables"] }> {
  const read = await readWorkbook(excel.run, OPTIONS);
  const preview = whatIf(read.tables, { ...OPTIONS, expectedEnd: ends }, read.result);
  const proposal = preview.proposal;
  if (!proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
  return { proposal, plan: preview.check.plan, options: { ...OPTIONS, expectedEnd: ends }, tables: read.tables };
}

forEachHost(() => {
  describe("readWorkbook", () => {
    it("reads the tables and runs the engine in one read sync, writing nothing", async () => {
      const excel = setUp();
      const syncs = recordSyncs(excel);
      const before = JSON.stringify(excel.model.state());
      const read = await readWorkbook(excel.run, OPTIONS);
      expect(syncs).toEqual([["read"]]);
      expect(read.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
      expect([...read.tables.keys()]).toEqual([
        "workplan",
        "topics",
        "articles",
        "clusters",
        "flexibletopics",
        "settings",
        "sources",
      ]);
      expect(read.lastCheck).toHaveLength(2);
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });
  });

  describe("saveExpectedEnds", () => {
    it("writes the expected end into the Clusters table: one read sync, one write sync, one undo step", async () => {
      const excel = setUp();
      const syncs = recordSyncs(excel);
      const edit = await saveExpectedEnds(
        excel.run,
        new Map([
          [2, 2032],
          [1, 2024],
        ]),
        OPTIONS,
      );
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
      // Cluster 1 already ends in 2024: only cluster 2 changes.
      expect(edit.changes).toEqual(['Cluster 2 "Prevention": expected review end 2030 → 2032 (+2 years)']);
      expect(edit.cells).toEqual([{ sheet: "Clusters", cell: "E3", value: 2032 }]);
      expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);

      const after = await checkWorkbook(excel.run, { now: () => NOW });
      expect(after.result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
        "cluster-too-early E7",
        "cluster-too-early E8",
      ]);
    });

    it("does not write when the workbook already holds those ends", async () => {
      const excel = setUp();
      const syncs = recordSyncs(excel);
      const edit = await saveExpectedEnds(excel.run, new Map([[2, 2030]]), OPTIONS);
      expect(edit.cells).toEqual([]);
      expect(syncs).toEqual([["read"]]);
    });

    it("runs unmerged where the client has no undo groups (ExcelApi 1.19)", async () => {
      const excel = setUp("1.19");
      await saveExpectedEnds(excel.run, SLIP, OPTIONS);
      expect(excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
      expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);
    });
  });

  describe("applyProposal", () => {
    it(
      "writes the proposed topics, appends the 20th and 21st meetings and the expected end, in one read and one " +
        "write, as one undo step; the check comes back clean",
      async () => {
        const excel = setUp();
        const workplan = sheet(excel.model, "Workplan");
        // The planner's own notes and an extra column of theirs must stay.
        excel.editCell("Workplan", "F8", "Vienna, to be confirmed");
        excel.editCell("Workplan", "H2", "kept");
        const basis = await slipBasis(excel);
        const wantChanges = describeApplyChanges(basis, basis.tables);
        const syncs = recordSyncs(excel);

        const applied = await applyProposal(excel.run, basis);
        // A workbook the product never wrote to: keeping the grid for Undo apply adds the very-hidden lists
        // sheet, which cannot join a merged undo step, so the merged attempt stops before writing and the
        // apply runs unmerged (in a checked workbook it is one merged step: see the test with the check below).
        expect(syncs).toEqual([["read"], ["read", "write"]]);
        expect(excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true });
        expect([...applied.expectedEnds.changes, ...applied.edit.changes]).toEqual(wantChanges);
        expect(wantChanges[0]).toBe('Cluster 2 "Prevention": expected review end 2030 → 2032 (+2 years)');
        expect(wantChanges.filter((c) => c.startsWith("Add "))).toEqual([
          "Add the 20th meeting (2033) with topic 9",
          "Add the 21st meeting (2034) with topic 10",
        ]);

        expect(excel.model.table("Workplan")?.area).toEqual({ top: 1, left: 1, bottom: 13, right: 6 });
        expect(valuesIn(workplan, "A12:F13")).toEqual([
          [20, 2033, null, null, expect.stringMatching(/^9 — /), null],
          [21, 2034, null, null, expect.stringMatching(/^10 — /), null],
        ]);
        for (const cell of applied.edit.cells) {
          const row = Number(cell.cell.slice(1));
          expect(valueAt(workplan, row, 5)).toBe(cell.value);
        }
        expect(valueAt(workplan, 8, 6)).toBe("Vienna, to be confirmed");
        expect(valueAt(workplan, 2, 8)).toBe("kept");
        expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);

        const checked = await checkWorkbook(excel.run, { now: () => NOW });
        expect(checked.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
      },
    );

    it("leaves every other cell of the workbook as it was", async () => {
      const excel = setUp();
      const basis = await slipBasis(excel);
      const edit = describeApply(
        basis.proposal,
        basis.plan,
        findTable(basis.tables, "Workplan") ?? (undefined as never),
      );
      const before = excel.model.state() as { sheets: { name: string; cells: [string, unknown][] }[] };
      await applyProposal(excel.run, basis);
      const after = excel.model.state() as typeof before;
      const touched = new Set([...edit.cells.map((c) => `Workplan!${c.cell}`), "Clusters!E3"]);
      for (const s of before.sheets) {
        const now = new Map(after.sheets.find((x) => x.name === s.name)?.cells ?? []);
        for (const [key, cell] of s.cells) {
          const [r, c] = key.split(",").map(Number) as [number, number];
          const name = `${s.name}!${String.fromCharCode(64 + c)}${r}`;
          if (!touched.has(name)) expect([name, now.get(key)]).toEqual([name, cell]);
        }
      }
    });

    it("refuses, writing nothing, when the plan changed since the proposal was made", async () => {
      const excel = setUp();
      const basis = await slipBasis(excel);
      // Someone moves topic 7 by hand before the planner applies.
      excel.editCell("Workplan", "E9", "", "Remote");
      const before = JSON.stringify(excel.model.state());
      const syncs = recordSyncs(excel);
      await expect(applyProposal(excel.run, basis)).rejects.toThrow(PLAN_CHANGED);
      expect(syncs.flat()).not.toContain("write");
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });

    it(
      "applies all the same when only cells the engine does " + "not read changed (notes, titles, own columns)",
      async () => {
        const excel = setUp();
        const basis = await slipBasis(excel);
        excel.editCell("Workplan", "F10", "moved to Doha", "Remote");
        excel.editCell("Workplan", "H3", "own column", "Remote");
        await expect(applyProposal(excel.run, basis)).resolves.toMatchObject({ edit: { rows: expect.any(Array) } });
        expect(valueAt(sheet(excel.model, "Workplan"), 10, 6)).toBe("moved to Doha");
      },
    );

    it("appends below the table even when something sits under it, which stays where it is", async () => {
      // The rows go in the free rows below the table (Microsoft's co-authoring guidance); a cell of
      // the user's in those rows refuses Apply (next test), one further down stays as it is.
      const excel = setUp();
      excel.editCell("Workplan", "A14", "Footnote under the table");
      const basis = await slipBasis(excel);
      await applyProposal(excel.run, basis);
      const workplan = sheet(excel.model, "Workplan");
      expect(valueAt(workplan, 14, 1)).toBe("Footnote under the table");
      expect(valueAt(workplan, 13, 1)).toBe(21);
    });

    it("refuses, writing nothing, when a cell of the user's is in the rows the new meetings need", async () => {
      const excel = setUp();
      excel.editCell("Workplan", "B13", "Footnote");
      const basis = await slipBasis(excel);
      const before = JSON.stringify(excel.model.state());
      await expect(applyProposal(excel.run, basis)).rejects.toThrow(/cells of yours are there \(Workplan: B13\)/);
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });

    it("refuses, writing nothing, on a filtered Workplan table", async () => {
      const excel = setUp();
      const basis = await slipBasis(excel);
      const table = excel.model.table("Workplan");
      if (table) table.filtered = true;
      const before = JSON.stringify(excel.model.state());
      await expect(applyProposal(excel.run, basis)).rejects.toThrow(FILTERED);
      expect(JSON.stringify(excel.model.state())).toBe(before);
    });
  });

  describe("writeProposalSheet", () => {
    function proposalSheet(basis: ProposalBasis) {
      return describeProposalSheet(basis.proposal, basis.plan, { date: "2026-11-23", time: checkTime(NOW) }, []);
    }

    it("adds `Proposal YYYY-MM-DD` in one read and one write, and a suffix when the name is taken", async () => {
      const excel = setUp();
      const basis = await slipBasis(excel);
      const syncs = recordSyncs(excel);
      expect(await writeProposalSheet(excel.run, proposalSheet(basis))).toEqual({ name: "Proposal 2026-11-23" });
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.model.activeSheet).toBe("Proposal 2026-11-23");
      expect(await writeProposalSheet(excel.run, proposalSheet(basis))).toEqual({ name: "Proposal 2026-11-23 (2)" });
      // The Workplan table is unchanged: a proposal changes nothing until it is applied.
      expect(excel.model.table("Workplan")?.area).toEqual({ top: 1, left: 1, bottom: 11, right: 6 });
    });

    it(
      "writes the same sheet as `workplan propose --out`: values, fills, merged Why cells, widths, frozen header, " +
        "landscape, and the timeline now and as proposed",
      async () => {
        const excel = setUp();
        const basis = await slipBasis(excel);
        const description = proposalSheet(basis);
        await writeProposalSheet(excel.run, description);
        const office = sheet(excel.model, "Proposal 2026-11-23");

        const xlsx = await patchedProposalSheet(description);
        const used = office.usedArea(true);
        const widths = proposalWidths(description);
        // The Why column spans one column for each year of the timeline below the grid.
        expect(used).toMatchObject({ top: 1, left: 1, right: widths.length });
        expect(widths.length).toBe(5 + (description.timeline?.years.length ?? 0));
        const height = used?.bottom ?? 0;
        // ExcelJS shows a merged cell's value in every cell of it; the package holds it in the first only.
        const own = (r: number, c: number) => {
          const cell = xlsx.findCell(r, c);
          return cell && cell.type !== ExcelJS.ValueType.Merge ? cell : undefined;
        };
        const xlsxValues = Array.from({ length: height }, (_, r) =>
          Array.from({ length: widths.length }, (_, c) => {
            const value = own(r + 1, c + 1)?.value;
            return value === undefined || value === "" ? null : value;
          }),
        );
        expect(valuesIn(office, `A1:${cellName(height, widths.length)}`)).toEqual(xlsxValues);
        const texts = xlsxValues.map((row) => row.join(" ")).join("\n");
        expect(texts).toContain(TIMELINE_HEADING);
        expect(texts).toMatch(/Topic 6 — Record-keeping; marking \(arts\. 7, 8\) {5,}15th! /);

        const filled = (get: (row: number, column: number) => string | undefined) => {
          const cells: string[] = [];
          for (let r = 1; r <= height; r++)
            for (let c = 1; c <= widths.length; c++) if (get(r, c)) cells.push(`${r},${c}=${get(r, c)}`);
          return cells;
        };
        const xlsxFills = filled((r, c) => {
          const fill = xlsx.findCell(r, c)?.fill;
          return fill && fill.type === "pattern" && fill.pattern === "solid"
            ? `#${String(fill.fgColor?.argb).slice(2)}`
            : undefined;
        });
        expect(filled((r, c) => office.cell(r, c)?.style?.fill)).toEqual(xlsxFills);
        const codes = [...(description.timeline?.before ?? []), ...(description.timeline?.after ?? [])].flatMap((row) =>
          row.slice(1).filter((code) => code !== null),
        );
        expect(xlsxFills.length).toBe(description.changedRows.length + codes.length);
        const bold = (get: (row: number, column: number) => boolean) =>
          filled((r, c) => (get(r, c) ? "bold" : undefined));
        expect(bold((r, c) => office.cell(r, c)?.style?.bold === "true")).toEqual(
          bold((r, c) => xlsx.findCell(r, c)?.font?.bold === true),
        );
        expect(office.cell(1, 1)?.style?.size).toBe(String(xlsx.getCell(1, 1).font?.size));

        const headerRow = description.caption.length + 2;
        const xlsxMerges = Object.values((xlsx.model as { merges?: string[] }).merges ?? []).sort();
        expect([...office.merged].sort()).toEqual(xlsxMerges);
        const last = cellName(headerRow, widths.length).replace(/\d+$/, "");
        expect(xlsxMerges).toContain(`F${headerRow}:${last}${headerRow}`);
        expect(xlsxMerges.length).toBeGreaterThan(description.rows.length);

        widths.forEach((width, i) => {
          expect(office.columnWidths.get(i + 1)).toBe(widthInPoints(xlsx.getColumn(i + 1).width ?? 0));
          expect(width).toBe(xlsx.getColumn(i + 1).width);
        });
        expect(proposalColumns(description).at(-1)?.width).toBeCloseTo(
          widths.slice(5).reduce((sum, w) => sum + w, 0),
          0,
        );
        expect(office.cell(headerRow + 1, 6)?.style?.wrapText).toBe("true");
        expect(xlsx.getCell(headerRow + 1, 6).alignment?.wrapText).toBe(true);
        expect(office.frozenRows).toBe(headerRow);
        expect(xlsx.views[0]).toMatchObject({ state: "frozen", ySplit: headerRow });
        expect(office.pageLayout).toEqual({
          orientation: "Landscape",
          paperSize: "A4",
          zoom: { horizontalFitToPages: 1 },
          footer: "Page &P of &N",
        });
        // No print titles: the header row is written again on each page of the grid, after a page break.
        const breaks = office.pageBreaks;
        expect(breaks.length).toBeGreaterThanOrEqual(2);
        // (ExcelJS reads no rowBreaks: parity.test.ts compares the package's, read by openpyxl.)
        expect(valueAt(office, breaks[0] ?? 0, 1)).toBe("Meeting");
        expect(valueAt(office, breaks.at(-2) ?? 0, 1)).toBe(TIMELINE_HEADING);
        expect(valueAt(office, breaks.at(-1) ?? 0, 1)).toBe("Sources");
        // A4 is paper size 9 in the file (ECMA-376 §18.3.1.63).
        expect(xlsx.pageSetup).toMatchObject({ orientation: "landscape", fitToWidth: 1, paperSize: 9 });
      },
    );

    it("says, for the slip of cluster 2 by two years, that two meetings are appended", async () => {
      const excel = setUp();
      const basis = await slipBasis(excel);
      const proposal: CleanProposal = basis.proposal;
      expect(proposal.appendedMeetings).toBe(2);
      await writeProposalSheet(excel.run, proposalSheet(basis));
      const office = sheet(excel.model, "Proposal 2026-11-23");
      expect(valueAt(office, 5, 1)).toMatch(/^The proposal moves topics .* and appends 2 meetings;/);
      // The header row is written again where the meetings run on to another page.
      const grid = valuesIn(office, `A9:A${8 + proposal.meetings.length + 5}`).map((row) => row[0]);
      const headers = grid.slice(0, proposal.meetings.length + 1).filter((v) => v === "Meeting").length;
      const lastRow = 8 + proposal.meetings.length + headers;
      expect(valuesIn(office, `A${lastRow}:C${lastRow}`)).toEqual([["21st", 2034, "Appended"]]);
    });
  });

  describe("Save expected dates and Apply with the check that follows, in one Excel.run", () => {
    it("saves and checks in one read and one write, as one undo step", async () => {
      const excel = setUp();
      await checkWorkbook(excel.run, { now: () => NOW });
      const syncs = recordSyncs(excel);
      const saved = await saveExpectedEndsAndCheck(excel.run, SLIP, OPTIONS, { now: () => NOW });
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
      expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);
      // The check saw the tables as the save leaves them, and wrote its findings.
      expect(saved.check?.result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
        "cluster-too-early E7",
        "cluster-too-early E8",
      ]);
      expect(conflictsOf(excel.model).rows).toEqual(saved.check?.annotations.conflicts.rows);
      // The same as saving, then checking in a run of its own.
      const apart = setUp();
      await checkWorkbook(apart.run, { now: () => NOW });
      await saveExpectedEnds(apart.run, SLIP, OPTIONS);
      await checkWorkbook(apart.run, { now: () => NOW });
      expect(excel.model.state()).toEqual(apart.model.state());
    });

    it("applies and checks in one read and one write, as one undo step; the check is clean", async () => {
      const excel = setUp();
      await checkWorkbook(excel.run, { now: () => NOW });
      const basis = await slipBasis(excel);
      const syncs = recordSyncs(excel);
      const applied = await applyProposalAndCheck(excel.run, basis, { now: () => NOW });
      expect(syncs).toEqual([["read", "write"]]);
      expect(excel.runOptions.at(-1)).toEqual({ delayForCellEdit: true, mergeUndoGroup: true });
      expect(applied.edit.rows).toHaveLength(2);
      expect(applied.check?.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
      expect(excel.model.table("Workplan")?.area).toEqual({ top: 1, left: 1, bottom: 13, right: 6 });
      const again = await checkWorkbook(excel.run, { now: () => NOW });
      expect(again.annotations).toEqual(applied.check?.annotations);
    });
  });

  describe("a save whose tables change between its read and its write", () => {
    it("still saves, and hands back no check, so that the pane checks the workbook as it now is", async () => {
      const excel = setUp();
      await checkWorkbook(excel.run, { now: () => NOW });
      excel.onContext = (context) => {
        const sync = context.sync.bind(context);
        let count = 0;
        context.sync = async () => {
          await sync();
          // A co-author's edit lands after the read, before the write.
          if (++count === 1) sheet(excel.model, "Workplan").ensure(5, 6).value = "Doha";
        };
      };
      const saved = await saveExpectedEndsAndCheck(excel.run, SLIP, OPTIONS, { now: () => NOW });
      expect(saved.check).toBeNull();
      expect(valueAt(sheet(excel.model, "Clusters"), 3, 5)).toBe(2032);
    });
  });
});
