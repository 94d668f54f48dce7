/**
 * The pane's workbook port: the add-in's own writes are dropped from the changes the pane hears
 * of, and a check counts the others, so that a co-author's change between its read and its
 * write makes it skip the write and run again.
 */
import { whatIf } from "../../src/domain/whatIf";
import { officeWorkbook } from "../../src/taskpane/workbook";
import type { TableChange } from "../../src/office";
import { createFakeExcel, recordSyncs, withOffice, type FakeContext, type FakeExcel } from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

let restore: () => void = () => undefined;
afterEach(() => restore());

async function setUp(): Promise<{ excel: FakeExcel; heard: TableChange[]; port: ReturnType<typeof officeWorkbook> }> {
  const excel = createFakeExcel({ seed: "default" });
  restore = withOffice(excel);
  const port = officeWorkbook(excel.run, () => NOW);
  await port.check(); // the first check adds the helper sheets
  const heard: TableChange[] = [];
  await port.watch((change) => heard.push(change));
  return { excel, heard, port };
}

test("the add-in's own writes are not heard; the user's and a co-author's are", async () => {
  const { excel, heard, port } = await setUp();
  await port.check();
  await port.saveExpectedEnds(new Map([[2, 2031]]));
  await settle();
  expect(heard).toEqual([]);
  // Excel did report them, as Local changes.
  expect(excel.events.filter((e) => e.source === "Local").length).toBeGreaterThan(0);

  await new Promise((resolve) => setTimeout(resolve, 1100)); // past the echo window
  excel.editCell("Workplan", "F5", "Vienna", "Local");
  excel.editCell("Clusters", "E3", 2032, "Remote");
  await settle();
  expect(heard).toEqual([
    { source: "Local", table: "Workplan", address: "F5" },
    { source: "Remote", table: "Clusters", address: "E3" },
  ]);
});

test(
  "a co-author's change between a check's read and its " + "write: the write is skipped and the check runs again",
  async () => {
    const { excel, port } = await setUp();
    let first = true;
    excel.onContext = (context: FakeContext) => {
      if (!first) return;
      first = false;
      const sync = context.sync.bind(context);
      let reads = 0;
      context.sync = async () => {
        await sync();
        if (reads++ === 0) excel.editCell("Clusters", "E3", 2032, "Remote");
      };
    };
    const runs = recordSyncs(excel);
    const outcome = await port.check();
    expect(runs).toEqual([["read"], ["read", "write"]]);
    expect(outcome.reruns).toBe(1);
    expect(outcome.result.summary.error).toBe(2);
  },
);

describe("changedUnheard (the light re-read on focus)", () => {
  it("is false before anything was read, and after each of the pane's own reads, checks, saves, applies", async () => {
    const excel = createFakeExcel({ seed: "default" });
    restore = withOffice(excel);
    const port = officeWorkbook(excel.run, () => NOW);
    expect(await port.changedUnheard()).toBe(false);
    await port.read();
    expect(await port.changedUnheard()).toBe(false);
    await port.saveExpectedEnds(new Map([[2, 2032]]));
    await port.check();
    expect(await port.changedUnheard()).toBe(false);
    const read = await port.read();
    const preview = whatIf(read.tables, { currentYear: 2026, expectedEnd: new Map([[2, 2032]]) }, read.result);
    if (!preview.proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
    const options = { currentYear: 2026, expectedEnd: new Map([[2, 2032]]) };
    await port.apply({ proposal: preview.proposal, plan: preview.check.plan, options });
    await port.check();
    expect(await port.changedUnheard()).toBe(false);
  });

  it("is true, in one read-only sync, after an edit Excel raised no event for", async () => {
    const excel = createFakeExcel({ seed: "default", platform: "OfficeOnline" });
    restore = withOffice(excel);
    const port = officeWorkbook(excel.run, () => NOW);
    await port.read();
    excel.pickFromList("Workplan", "E2", "2 — Criminalization and criminal justice responses (arts. 1, 5)");
    const runs = recordSyncs(excel);
    expect(await port.changedUnheard()).toBe(true);
    expect(runs).toEqual([["read"]]);
  });

  it("is true when a table the pane saw is gone (the full read then says what changed)", async () => {
    const excel = createFakeExcel({ seed: "default" });
    restore = withOffice(excel);
    const port = officeWorkbook(excel.run, () => NOW);
    await port.read();
    excel.nullChains = "refuse";
    const clusters = excel.model.table("Clusters");
    excel.model.tables.splice(excel.model.tables.indexOf(clusters as never), 1);
    expect(await port.changedUnheard()).toBe(true);
  });
});
