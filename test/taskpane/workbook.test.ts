/**
 * The pane's workbook port: the add-in's own writes are dropped from the changes the pane hears
 * of, and a check counts the others, so that a co-author's change between its read and its
 * write makes it skip the write and run again.
 */
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
