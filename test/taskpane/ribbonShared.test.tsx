/** @jest-environment jsdom */
/**
 * The pane and the ribbon's Check workplan in one shared runtime (manifest.xml, the Runtimes element): the button
 * pressed while the pane is open checks, shows its window, opens the pane from "Open the pane", and the open pane
 * shows what the check wrote at once, without checking again (auto-check on, late change events on each host).
 * Where it fails, the pane says why at once, not only at its next opening.
 */
import "@testing-library/jest-dom";
import { render, screen, waitFor } from "@testing-library/react";
import { App } from "../../src/taskpane/App";
import { officeWorkbook } from "../../src/taskpane/workbook";
import { register } from "../../src/commands/register";
import { DIALOG_SAYS } from "../../src/commands/outcomeDialog";
import type { ExcelRun } from "../../src/office";
import {
  conflictsOf,
  createFakeExcel,
  FakeError,
  fakeOffice,
  put,
  recordSyncs,
  valueAt,
  type FakeExcel,
  type FakeOffice,
} from "../support/fakeExcel";
import { eventsArrived, forEachHost } from "../support/hosts";

const NOW = new Date("2026-11-23T17:50:00Z");

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
  localStorage.clear();
});

/** The fake Office as the page's global (the pane reads the document's settings through it), the button associated. */
function sharedRuntime(excel: FakeExcel, run: ExcelRun = excel.run): FakeOffice {
  const office = fakeOffice(excel);
  const holder = globalThis as { Office?: unknown };
  const before = holder.Office;
  holder.Office = office;
  restore = () => {
    holder.Office = before;
  };
  register({ Office: office, Excel: { run } });
  return office;
}

/** A workbook with findings: cluster 2's review expected to end in 2032 (as pane.test.tsx's slip). */
function conflicted(): FakeExcel {
  const excel = createFakeExcel({ seed: "default" });
  const { sheet, area } = excel.model.table("Clusters")!;
  let column = 0;
  for (let c = area.left; c <= area.right; c++) if (valueAt(sheet, area.top, c) === "Review end (expected)") column = c;
  for (let r = area.top + 1; r <= area.bottom; r++) if (valueAt(sheet, r, area.left) === 2) put(sheet, r, column, 2032);
  return excel;
}

async function dialogOpened(office: FakeOffice) {
  await waitFor(() => expect(office.dialogs).toHaveLength(1));
  return office.dialogs[0]!;
}

const lastCheck = () => screen.getByRole("group", { name: "Last check" });

describe("the pane and the ribbon in one shared runtime", () => {
  forEachHost((host) => {
    it("shows what the ribbon's check wrote at once, with no check of its own; Open the pane shows it", async () => {
      localStorage.setItem("workplan-checker:auto-check", "on");
      const excel = conflicted();
      const office = sharedRuntime(excel);
      render(<App theme="light" workbook={officeWorkbook(excel.run, () => NOW)} />);
      await screen.findByRole("region", { name: /^Errors \(\d+\)$/ });
      await waitFor(() => expect(lastCheck()).toHaveTextContent(/Not highlighted yet/));

      const runs = recordSyncs(excel);
      const pressed = office.invokeCommand("checkWorkplan");
      const dialog = await dialogOpened(office);
      // The pane reads what the ribbon wrote: the Conflicts table's new caption, the findings highlighted.
      await waitFor(() => expect(lastCheck()).toHaveTextContent(/Highlights written on/));
      expect(lastCheck()).not.toHaveTextContent(/Not highlighted yet/);
      expect(await screen.findByText(/^Check done: [1-9]\d* errors?/)).toBeInTheDocument();
      expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked/);

      dialog.messageParent(DIALOG_SAYS.openPane);
      await pressed;
      expect(office.taskpane).toEqual({ visible: true, shown: 1 });
      expect(dialog.closed).toBe(true);

      // The check's writes raised change events (late, on this host): none made the pane check again.
      await eventsArrived(host);
      await new Promise((resolve) => setTimeout(resolve, 2000));
      const writes = runs.filter((syncs) => syncs.includes("write"));
      expect(writes).toHaveLength(1);
    }, 20_000);
  });

  it("where the ribbon's check fails, the open pane says why at once, and forgets it after a good one", async () => {
    jest.spyOn(console, "error").mockImplementation(() => undefined);
    const excel = conflicted();
    let refuse = true;
    const run = ((...args: Parameters<ExcelRun>) => {
      if (refuse) return Promise.reject(new FakeError("AccessDenied", "The workbook is protected."));
      return (excel.run as (...a: Parameters<ExcelRun>) => unknown)(...args);
    }) as unknown as ExcelRun;
    const office = sharedRuntime(excel, run);
    render(<App theme="light" workbook={officeWorkbook(excel.run, () => NOW)} />);
    await screen.findByRole("region", { name: /^Errors \(\d+\)$/ });

    let pressed = office.invokeCommand("checkWorkplan");
    (await dialogOpened(office)).closeByUser();
    await pressed;
    // In the pane's warning bar, and said to screen readers.
    const said = await screen.findAllByText(
      /^The Check workplan button could not check the workbook on .*AccessDenied/,
    );
    expect(said.map((node) => node.getAttribute("role"))).toEqual([null, "status"]);

    refuse = false;
    pressed = office.invokeCommand("checkWorkplan");
    await waitFor(() => expect(office.dialogs).toHaveLength(2));
    office.dialogs[1]!.closeByUser();
    await pressed;
    await waitFor(() => expect(screen.queryAllByText(/^The Check workplan button could not check/)).toEqual([]));
    expect(lastCheck()).toHaveTextContent(/Highlights written on/);
  });
});
