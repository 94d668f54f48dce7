/** The end-to-end harness: what a page gets from installFakeOffice before the pane's bundle runs. */
import { checkWorkbook } from "../../src/office";
import { HANDLE_NAME, installFakeOffice, optionsFromQuery, type FakeOfficeHandle } from "../support/fakeExcel/harness";
import type { ExcelRun } from "../../src/office";

interface PageGlobals {
  Office?: {
    context: { officeTheme: { isDarkTheme: boolean } };
    initialize?: (reason: string) => void;
    actions: { associate(id: string, f: (e: { completed(): void }) => unknown): void };
  };
  Excel?: { run: ExcelRun };
  OfficeExtension?: { Error: unknown };
  [HANDLE_NAME]?: FakeOfficeHandle;
}

const NOW = new Date("2026-11-23T17:50:00Z");

test("sets Office, Excel and the handle on the page, and calls Office.initialize once the page set it", async () => {
  const page: PageGlobals = {};
  const handle = installFakeOffice(page, { theme: "dark" });
  expect(page[HANDLE_NAME]).toBe(handle);
  expect(page.Office?.context.officeTheme.isDarkTheme).toBe(true);
  expect(typeof page.Excel?.run).toBe("function");
  expect(page.OfficeExtension?.Error).toBeDefined();
  const reasons: string[] = [];
  if (page.Office) page.Office.initialize = (reason) => reasons.push(reason);
  await new Promise((resolve) => setTimeout(resolve, 5));
  expect(reasons).toEqual(["documentOpened"]);
});

test("a page's function command checks through window.Excel; the handle sees the syncs and the grid", async () => {
  const page: PageGlobals = {};
  const handle = installFakeOffice(page);
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  holder.Office = page.Office; // the adapter reads requirement sets from the global Office
  try {
    page.Office?.actions.associate("checkWorkplan", async (event) => {
      await checkWorkbook((page.Excel as { run: ExcelRun }).run, { now: () => NOW, expectedEnd: new Map([[2, 2032]]) });
      event.completed();
    });
    await handle.invokeCommand("checkWorkplan");
    expect(handle.runs()).toBeGreaterThanOrEqual(1);
    const grid = JSON.parse(JSON.stringify(handle.grid())) as ReturnType<FakeOfficeHandle["grid"]>;
    expect(Object.keys(grid.sheets.find((s) => s.name === "Workplan")?.fills ?? {}).length).toBeGreaterThan(0);

    handle.setCell("Clusters", "E3", 2031); // someone edits the expected review end between checks
    expect(handle.grid().sheets.find((s) => s.name === "Clusters")?.values.E3).toBe(2031);
    const syncs = handle.syncs();
    await handle.invokeCommand("checkWorkplan");
    expect(handle.syncs() - syncs).toBe(2);
  } finally {
    holder.Office = before;
  }
});

test("options from the query string", () => {
  expect(optionsFromQuery("?seed=empty&theme=dark&version=1.17&platform=Mac&latency=300")).toEqual({
    seed: "empty",
    theme: "dark",
    version: "1.17",
    platform: "Mac",
    latencyMs: 300,
  });
  expect(optionsFromQuery("?seed=bogus&theme=pink&version=x&latency=-1")).toEqual({});
});
