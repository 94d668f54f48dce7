/**
 * Change events and stale writes, on the fake Excel: the pane hears about every change to a
 * table with its source (Local for this Excel, Remote for a co-author), the add-in's own writes
 * are told apart, and a check whose tables change between its read and its write does not leave
 * stale highlights behind.
 */
import {
  checkWorkbook,
  CHECK_ATTEMPTS,
  OwnWrites,
  saveExpectedEnds,
  watchTables,
  type TableChange,
} from "../../src/office";
import { noteWrite } from "../../src/office/events";
import {
  createFakeExcel,
  put,
  recordSyncs,
  sheet,
  withOffice,
  type FakeContext,
  type FakeExcel,
} from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";

const NOW = new Date("2026-11-23T17:50:00Z");

let restore: () => void = () => undefined;
afterEach(() => restore());

function setUp(): FakeExcel {
  const excel = createFakeExcel({ seed: "default" });
  restore = withOffice(excel);
  return excel;
}

/** A workbook checked once: its helper sheets exist, so a check is one Excel.run (one undo step). */
async function checkedOnce(): Promise<FakeExcel> {
  const excel = setUp();
  await checkWorkbook(excel.run, { now: () => NOW });
  excel.runOptions.length = 0;
  return excel;
}

/** Lets the events of the last sync reach the handlers (late and coalesced as the host has them). */
const settle = (excel: FakeExcel) =>
  new Promise<void>((resolve) => setTimeout(resolve, excel.eventDelayMs + excel.coalesceMs + 20));

/** Runs `edit` right after the first sync (the read) of the next Excel.run, before its write. */
function betweenReadAndWrite(excel: FakeExcel, edit: () => void): void {
  let done = false;
  const previous = excel.onContext;
  excel.onContext = (context: FakeContext) => {
    previous?.(context);
    if (done) return;
    done = true;
    const sync = context.sync.bind(context);
    let first = true;
    context.sync = async () => {
      await sync();
      if (first) edit();
      first = false;
    };
  };
}

forEachHost(() => {
  describe("watchTables", () => {
    it("subscribes in one sync and reports each change with its source and table", async () => {
      const excel = setUp();
      const changes: TableChange[] = [];
      const syncs = recordSyncs(excel);
      const stop = await watchTables(excel.run, (change) => changes.push(change));
      expect(syncs).toEqual([["read"]]);

      excel.editCell("Clusters", "E3", 2032, "Remote");
      excel.editCell("Workplan", "F5", "Vienna", "Local");
      excel.editCell("Workplan", "J30", "outside any table", "Local");
      await settle(excel);
      expect(changes).toEqual([
        { source: "Remote", table: "Clusters", address: "E3" },
        { source: "Local", table: "Workplan", address: "F5" },
      ]);

      // The add-in's own writes come as Local changes too: a check rewrites the Conflicts table.
      await checkWorkbook(excel.run, { now: () => NOW });
      await settle(excel);
      expect(changes.slice(2)).toEqual([expect.objectContaining({ source: "Local", table: "Conflicts" })]);

      stop();
      excel.editCell("Clusters", "E3", 2030, "Remote");
      await settle(excel);
      expect(changes).toHaveLength(3);
    });
  });
});

describe("OwnWrites", () => {
  it(
    "takes Local changes during a write, and for the echo " + "window after it, as the add-in's own; never Remote ones",
    async () => {
      let now = 0;
      const own = new OwnWrites(() => now, 1000);
      const local: TableChange = { source: "Local", table: "Workplan", address: "E7" };
      const remote: TableChange = { ...local, source: "Remote" };
      expect(own.isOwn(local)).toBe(false);
      let during: boolean[] = [];
      await own.run(async () => {
        during = [own.isOwn(local), own.isOwn(remote)];
      });
      expect(during).toEqual([true, false]);
      now = 999;
      expect(own.isOwn(local)).toBe(true);
      now = 1000;
      expect(own.isOwn(local)).toBe(false);
    },
  );

  it("ends the window even when the write fails", async () => {
    let now = 0;
    const own = new OwnWrites(() => now, 500);
    await expect(own.run(async () => Promise.reject(new Error("refused")))).rejects.toThrow("refused");
    now = 600;
    expect(own.isOwn({ source: "Local", table: null, address: "" })).toBe(false);
  });
});

forEachHost(() => {
  describe("OwnWrites recognizes its own writes by where they went (issue 10, office-js 521)", () => {
    it("takes a late Local change on cells it wrote as its own, past the echo window; others are edits", async () => {
      let now = 0;
      const own = new OwnWrites(() => now, 1000, 30_000);
      await own.run(async () => noteWrite("Clusters", { top: 3, left: 5, bottom: 3, right: 5 }));
      now = 10_000;
      const late: TableChange = { source: "Local", table: "Clusters", address: "E3" };
      expect(own.isOwn(late, "Clusters")).toBe(true);
      expect(own.isOwn({ ...late, address: "E4" }, "Clusters")).toBe(false);
      expect(own.isOwn(late, "Workplan")).toBe(false);
      expect(own.isOwn(late)).toBe(false);
      expect(own.isOwn({ ...late, source: "Remote" }, "Clusters")).toBe(false);
      now = 31_000;
      expect(own.isOwn(late, "Clusters")).toBe(false);
    });

    it(
      "hears Save expected dates' own write ten seconds " + "late as its own, and the user's next edit as an edit",
      async () => {
        const excel = await checkedOnce();
        excel.eventDelayMs = 10;
        excel.coalesceMs = 0;
        const own = new OwnWrites(() => clock, 0);
        let clock = 0;
        const heard: [TableChange, string | null][] = [];
        await watchTables(excel.run, (change, sheet) => heard.push([change, sheet]));
        await own.run(() => saveExpectedEnds(excel.run, new Map([[2, 2032]]), { currentYear: 2026 }));
        clock = 10_000;
        await new Promise((resolve) => setTimeout(resolve, 30));
        expect(heard.map(([c, sheet]) => [c.table, sheet, c.address])).toEqual([["Clusters", "Clusters", "E3"]]);
        expect(heard.map(([c, sheet]) => own.isOwn(c, sheet))).toEqual([true]);
        excel.editCell("Clusters", "E4", 2031, "Local");
        await new Promise((resolve) => setTimeout(resolve, 30));
        const [edit, on] = heard[1] ?? [];
        expect(edit && own.isOwn(edit, on ?? null)).toBe(false);
      },
    );
  });

  describe("a check whose tables change between its read and its write", () => {
    it("skips the write when the change was seen (an event) before writing, and runs again", async () => {
      const excel = await checkedOnce();
      // This event comes at once (a host's late one is the next test's case: unseen when writing).
      excel.eventDelayMs = 0;
      excel.coalesceMs = 0;
      let changes = 0;
      await watchTables(excel.run, () => changes++);
      betweenReadAndWrite(excel, () => excel.editCell("Clusters", "E3", 2032, "Remote"));
      const syncs = recordSyncs(excel);

      const outcome = await checkWorkbook(excel.run, { now: () => NOW, changes: () => changes });
      // The first run read, saw the co-author's change, and wrote nothing; the second read and wrote.
      expect(syncs).toEqual([["read"], ["read", "write"]]);
      expect(outcome.reruns).toBe(1);
      expect(outcome.result.findings.map((f) => `${f.rule} ${f.cell}`)).toEqual([
        "cluster-too-early E7",
        "cluster-too-early E8",
      ]);
      expect(sheet(excel.model, "Workplan").conditionalFormats).toHaveLength(6);
    });

    it(
      "replaces at once highlights written against tables that " +
        "changed unseen (no event yet): the write batch reads them again",
      async () => {
        const excel = await checkedOnce();
        // A change Excel has not reported yet: straight into the model, no event.
        betweenReadAndWrite(excel, () => put(sheet(excel.model, "Clusters"), 3, 5, 2032));
        const syncs = recordSyncs(excel);
        const outcome = await checkWorkbook(excel.run, { now: () => NOW, changes: () => 0 });
        expect(syncs).toEqual([
          ["read", "write"],
          ["read", "write"],
        ]);
        expect(outcome.reruns).toBe(1);
        expect(outcome.result.summary.error).toBe(2);
        const conflicts = excel.model.table("Conflicts");
        expect(conflicts ? conflicts.area.bottom - conflicts.area.top : 0).toBe(2);
      },
    );

    it("keeps the normal budget, one read and one write, when nothing changes", async () => {
      const excel = await checkedOnce();
      const syncs = recordSyncs(excel);
      const outcome = await checkWorkbook(excel.run, { now: () => NOW, changes: () => 0 });
      expect(syncs).toEqual([["read", "write"]]);
      expect(outcome.reruns).toBe(0);
    });

    it(`gives up after ${CHECK_ATTEMPTS} attempts while the workbook keeps changing, and says so`, async () => {
      const excel = await checkedOnce();
      let changes = 0;
      excel.onContext = (context) => {
        const sync = context.sync.bind(context);
        context.sync = async () => {
          await sync();
          changes++;
        };
      };
      await expect(checkWorkbook(excel.run, { now: () => NOW, changes: () => changes })).rejects.toThrow(
        /kept changing while the add-in checked it \(3 times in a row\)/,
      );
      expect(excel.runOptions).toHaveLength(CHECK_ATTEMPTS);
    });
  });

  describe("late, coalesced events", () => {
    it(
      "take a coalesced event that covers the add-in's " + "write and the user's edit as an edit (the safe side)",
      async () => {
        const excel = await checkedOnce();
        excel.coalesceMs = 20;
        excel.eventDelayMs = 0;
        let clock = 0;
        const own = new OwnWrites(() => clock, 0);
        const heard: [TableChange, string | null][] = [];
        await watchTables(excel.run, (change, sheet) => heard.push([change, sheet]));
        await own.run(() => saveExpectedEnds(excel.run, new Map([[2, 2032]]), { currentYear: 2026 }));
        excel.editCell("Clusters", "E4", 2031, "Local");
        clock = 5_000;
        await new Promise((resolve) => setTimeout(resolve, 60));
        expect(heard.map(([c, sheet]) => [c.address, sheet])).toEqual([["E3:E4", "Clusters"]]);
        const [change, sheet] = heard[0] ?? [];
        expect(change && own.isOwn(change, sheet ?? null)).toBe(false);
      },
    );
  });
});
