/** @jest-environment jsdom */
/**
 * The task pane against the fake Excel, through the real Office.js adapter: open, create, check,
 * go to a cell, clear; a slip; Excel's errors; progress; accessible names.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { officeWorkbook } from "../../src/taskpane/workbook";
import type { ExcelRun } from "../../src/office";
import { checkWorkplan, COMMAND_ERROR_SETTING } from "../../src/commands/commands";
import { createFakeExcel, FakeError, productNotes, put, valueAt, type FakeExcel } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { installOffice, officeWith, openPane, PANE_NOW } from "../support/openPane";

const NOW = PANE_NOW;

/** Sets a cluster's "Review end (expected)" in the fake workbook, as a planner would type it. */
function slip(excel: FakeExcel, cluster: number, year: number): void {
  const table = excel.model.table("Clusters");
  if (!table) throw new Error("no Clusters table");
  const { sheet, area } = table;
  let column = 0;
  for (let c = area.left; c <= area.right; c++) if (valueAt(sheet, area.top, c) === "Review end (expected)") column = c;
  for (let r = area.top + 1; r <= area.bottom; r++) {
    if (valueAt(sheet, r, area.left) === cluster) put(sheet, r, column, year);
  }
}

const checkButton = () => screen.findByRole("button", { name: "Check" });

describe("the task pane", () => {
  forEachHost((host) => {
    it("offers to create the workbook when it has no tables, creates it, then checks it clean", async () => {
      const excel = officeWith({ seed: "empty" });
      const { user } = openPane(excel);

      const create = await screen.findByRole("button", { name: "Create the workplan workbook" });
      expect(screen.queryByRole("button", { name: "Check" })).toBeNull();
      await user.click(create);

      expect(await screen.findByText(/Created the sheets Workplan, Topics, Articles, Clusters/)).toBeInTheDocument();
      // Adding the very hidden helper sheets clears the undo stack on Windows and Mac, and only there.
      const cleared = excel.undoCleared;
      expect(cleared > 0).toBe(host.platform !== "OfficeOnline");
      for (const name of ["Workplan", "Topics", "Articles", "Clusters", "FlexibleTopics", "Settings", "Conflicts"])
        expect(excel.model.table(name)).not.toBeNull();
      // The header says what the new Conflicts table says: not checked yet.
      expect(screen.getByLabelText("Last check")).toHaveTextContent(/^Not checked yet\.$/);
      // Nothing is missing any more: no set-up offer above the new tables.
      expect(screen.queryByText(/^Missing tables/)).toBeNull();
      expect(screen.queryByRole("button", { name: "Add the missing tables" })).toBeNull();

      await user.click(await checkButton());
      expect(await screen.findByText("No conflicts")).toBeInTheDocument();
      expect(screen.getByText("The workplan follows every rule.")).toBeInTheDocument();
      // When the highlights were written, and what "as of" means; the counts are the summary's alone.
      expect(screen.getByLabelText("Last check")).toHaveTextContent(
        /^Highlights written on 23 November 2026 at 17:50 UTC\.As of 2026: meetings before 2026 with a blank status count as held\.$/,
      );
      // A check never clears it.
      expect(excel.undoCleared).toBe(cleared);
      expect(screen.queryByText(/^Missing tables/)).toBeNull();
    });
  });

  it("shows a slip's findings grouped by severity with counts, sources and a link that selects the cell", async () => {
    const excel = officeWith();
    slip(excel, 2, 2032);
    const { user } = openPane(excel);
    await user.click(await checkButton());

    const errors = await screen.findByRole("region", { name: /^Errors \(\d+\)$/ });
    const count = Number(/\((\d+)\)/.exec(within(errors).getByRole("heading").textContent ?? "")?.[1]);
    const items = within(errors).getAllByRole("listitem");
    expect(items).toHaveLength(count);
    expect(count).toBeGreaterThan(0);
    const first = items[0] as HTMLElement;
    expect(first).toHaveTextContent(/^15th meeting \(2028\): topic 6 is too early — earliest 2030/);
    expect(first).toHaveTextContent("What would fix it: Move topic 6 to a meeting held from 2030 to 2033");
    // The full explanation and the source are in the expandable detail.
    expect(first).toHaveTextContent(/review of cluster 2/);
    expect(first).toHaveTextContent(/expected to end in 2032/);
    expect(first).toHaveTextContent(
      "Source: Background paper, paras. 4, 18 and 49 · rule cluster-too-early · Workplan!E7",
    );

    const link = within(first).getByRole("button", { name: "Go to the 15th meeting, agenda item 3" });
    excel.model.activeSheet = "Clusters";
    await user.click(link);
    await waitFor(() => expect(excel.model.selection).toBe("Workplan!E7"));
    expect(excel.model.activeSheet).toBe("Workplan");

    // The expected ends the check used are the Clusters panel's, the slip included; the header does not repeat them.
    expect(screen.getByRole("spinbutton", { name: "Expected review end of cluster 2" })).toHaveValue("2032");
    expect(screen.getByLabelText("Last check")).not.toHaveTextContent(/cluster|error/);
    // Errors come first: no warnings group is above the errors group.
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings[0]).toMatch(/^Errors/);
  });

  forEachHost(() => {
    it("clears only what the check wrote, and says so", async () => {
      const excel = officeWith();
      slip(excel, 2, 2032);
      const { user } = openPane(excel);
      await user.click(await checkButton());
      await screen.findByRole("region", { name: /^Errors/ });
      const workplan = excel.model.sheet("Workplan");
      expect(workplan?.conditionalFormats.length).toBe(6);
      expect(productNotes(excel.model).length).toBeGreaterThan(0);

      await user.click(screen.getByRole("button", { name: "Clear highlights" }));
      expect(
        await screen.findByText(/Cleared the highlights: 6 highlight rules and \d+ notes? the add-in wrote/),
      ).toBeInTheDocument();
      expect(workplan?.conditionalFormats.length).toBe(0);
      expect(productNotes(excel.model)).toEqual([]);

      await user.click(screen.getByRole("button", { name: "Clear highlights" }));
      expect(await screen.findByText("There were no highlights to clear.")).toBeInTheDocument();
    });
  });

  it("shows progress while a check runs, with the buttons held", async () => {
    const excel = officeWith();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const slow = (async (first: unknown, second?: unknown) => {
      await gate;
      return (excel.run as (a: unknown, b?: unknown) => Promise<unknown>)(first, second);
    }) as ExcelRun;
    const workbook = officeWorkbook(excel.run, () => NOW);
    const { user } = openPane(excel, { workbook: { ...workbook, check: officeWorkbook(slow, () => NOW).check } });
    await user.click(await checkButton());

    expect(await screen.findByRole("progressbar")).toHaveTextContent("Checking the workplan…");
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
    expect(screen.getByRole("button", { name: "Check" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "Clear highlights" })).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("status")).toHaveTextContent("Checking the workplan…");

    release();
    expect(await screen.findByText("No conflicts")).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent("Check done: no conflicts.");
    expect(screen.getByRole("button", { name: "Check" })).not.toHaveAttribute("aria-disabled", "true");
  });

  it("turns an error from Excel into a message bar that says what to do", async () => {
    const excel = officeWith();
    const refusing = (async () => {
      throw new FakeError("GeneralException", "Excel could not complete the request.");
    }) as unknown as ExcelRun;
    const failing = officeWorkbook(refusing);
    const { user } = openPane(excel, {
      workbook: { ...officeWorkbook(excel.run, () => NOW), check: failing.check, read: failing.read },
    });
    await user.click(await checkButton());

    const bar = await screen.findByRole("group", { name: "Could not check the workbook" });
    expect(bar).toHaveTextContent(/Excel said: GeneralException/);
    // The title says what failed, once; the body says what to do.
    expect(bar.textContent?.match(/Could not check the workbook/g)).toHaveLength(1);
    // The pane stays usable: Check is still there to try again.
    expect(screen.getByRole("button", { name: "Check" })).toBeEnabled();
    await user.click(within(bar).getByRole("button", { name: "Dismiss the message" }));
    expect(screen.queryByRole("group", { name: "Could not check the workbook" })).toBeNull();
  });

  it("says what is in the way, instead of offering Create, when creating would overwrite a sheet", async () => {
    const excel = officeWith({ seed: "empty" });
    excel.model.addSheet("Workplan");
    openPane(excel);

    const why = await screen.findByText(/^Cannot create the workbook: the sheet "Workplan" already exists/);
    expect(why).toHaveTextContent("creating never overwrites anything");
    expect(screen.queryByRole("button", { name: "Create the workplan workbook" })).toBeNull();
    expect(excel.model.tables).toHaveLength(0);
  });

  it("shows a message bar, not a blank pane, when the tables cannot be read on open", async () => {
    const excel = officeWith();
    const failing = (async () => {
      throw new FakeError("RequestAborted", "The request was aborted.");
    }) as unknown as ExcelRun;
    openPane(excel, { workbook: officeWorkbook(failing) });
    const bar = await screen.findByRole("group", { name: "Could not read the workbook" });
    expect(bar).toHaveTextContent(/Try again/);
    expect(screen.getByRole("button", { name: "Check" })).toBeInTheDocument();
  });

  it("shows the last check the workbook records when it opens", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await user.click(await checkButton());
    await screen.findByText("No conflicts");

    // Another session opens the same workbook.
    document.body.innerHTML = "";
    openPane(excel);
    await screen.findAllByRole("button", { name: "Check" });
    const headers = screen.getAllByLabelText("Last check");
    expect(headers[headers.length - 1]).toHaveTextContent("Highlights written on 23 November 2026 at 17:50 UTC.");
  });

  it("gives every button an accessible name", async () => {
    const excel = officeWith();
    slip(excel, 2, 2032);
    const { user } = openPane(excel);
    await user.click(await checkButton());
    await screen.findByRole("region", { name: /^Errors/ });
    const buttons = screen.getAllByRole("button");
    expect(buttons.length).toBeGreaterThan(3);
    for (const button of buttons) expect(button).toHaveAccessibleName();
  });

  it("is reachable by keyboard: Tab to Check, Enter runs it", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await checkButton();
    await user.tab();
    expect(screen.getByRole("button", { name: "Check" })).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(await screen.findByText("No conflicts")).toBeInTheDocument();
  });

  it("follows the theme it is given", async () => {
    const excel = officeWith();
    const { container } = openPane(excel, { theme: "dark" });
    await checkButton();
    expect(container.querySelector("[data-theme]")).toHaveAttribute("data-theme", "dark");
  });
});

describe("after Clear highlights, and the notices", () => {
  const SINCE =
    /^Highlights cleared since: the findings below are from this check and no longer marked in the workbook\. Select Check to mark them again\.$/;
  const sinceLine = () => within(screen.getByRole("group", { name: "Last check" })).queryByText(SINCE);
  const clearedNotice = () => screen.queryByText(/^Cleared the highlights:/);

  /** A slip of cluster 2, checked (two errors), then Clear highlights. */
  async function checkedThenCleared() {
    const excel = officeWith();
    slip(excel, 2, 2032);
    const { user } = openPane(excel);
    await user.click(await checkButton());
    await screen.findByRole("region", { name: "Errors (2)" });
    expect(sinceLine()).toBeNull();
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    await screen.findByText(/^Cleared the highlights: 6 highlight rules and 2 notes the add-in wrote\./);
    await waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
    return { excel, user };
  }

  forEachHost(() => {
    it(
      "keeps the findings, says they are the last check's and no " +
        "longer marked in the workbook, until a check marks them again",
      async () => {
        const { excel, user } = await checkedThenCleared();
        // Still true of the workbook, so still listed, with their Go to links.
        const errors = screen.getByRole("region", { name: "Errors (2)" });
        expect(
          within(errors).getAllByRole("button", { name: /^Go to the 1[56]th meeting, agenda item 3$/ }),
        ).toHaveLength(2);
        const header = screen.getByRole("group", { name: "Last check" });
        expect(header).toHaveTextContent("Highlights written on 23 November 2026 at 17:50 UTC.");
        expect(sinceLine()).toBeInTheDocument();
        expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(0);

        // A co-author's change that is not a check brings the findings up to date but marks nothing: still said.
        excel.editCell("Workplan", "F5", "Vienna", "Remote");
        await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^A co-author changed the workbook/), {
          timeout: 3000,
        });
        expect(sinceLine()).toBeInTheDocument();

        // Check marks them again: the line goes, and so does the notice of the clear.
        await user.click(screen.getByRole("button", { name: "Check" }));
        await waitFor(() =>
          expect(screen.getByRole("status")).toHaveTextContent("Check done: 2 errors, 0 warnings, 0 info."),
        );
        expect(sinceLine()).toBeNull();
        expect(clearedNotice()).toBeNull();
        expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(6);
      },
    );
  });

  it("says nothing of cleared highlights when the last check found no conflicts", async () => {
    const excel = officeWith();
    const { user } = openPane(excel);
    await user.click(await checkButton());
    await screen.findByText("No conflicts");
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    await screen.findByText(/^Cleared the highlights:|^There were no highlights to clear\./);
    expect(within(screen.getByRole("group", { name: "Last check" })).queryByText(/^Highlights cleared/)).toBeNull();
  });

  it("drops an earlier notice as soon as the next action starts", async () => {
    const excel = officeWith();
    slip(excel, 2, 2032);
    let release: () => void = () => undefined;
    let gate: Promise<void> = Promise.resolve();
    const gated = (async (first: unknown, second?: unknown) => {
      await gate;
      return (excel.run as (a: unknown, b?: unknown) => Promise<unknown>)(first, second);
    }) as ExcelRun;
    const { user } = openPane(excel, { workbook: officeWorkbook(gated, () => NOW) });
    await user.click(await checkButton());
    await screen.findByRole("region", { name: "Errors (2)" });
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    expect(await screen.findByText(/^Cleared the highlights:/)).toBeInTheDocument();

    gate = new Promise<void>((resolve) => (release = resolve));
    await user.click(screen.getByRole("button", { name: "Go to the 15th meeting, agenda item 3" }));
    // While Excel is still working on the new action, the old notice is gone.
    expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "true");
    expect(clearedNotice()).toBeNull();
    release();
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Selected Workplan!E7."));
    expect(clearedNotice()).toBeNull();
  });

  it("drops an earlier notice when an error bar appears, also for a co-author's refresh it did not start", async () => {
    const { excel, user } = await checkedThenCleared();
    // A refresh that succeeds leaves the notice: the planner did not start it and it is still true.
    excel.editCell("Workplan", "F5", "Vienna", "Remote");
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent(/^A co-author changed the workbook/), {
      timeout: 3000,
    });
    expect(clearedNotice()).toBeInTheDocument();

    // One that fails shows its error bar, and the notice goes.
    excel.failNextSync("GeneralException", "Excel could not complete the request.");
    excel.editCell("Workplan", "F6", "Geneva", "Remote");
    expect(
      await screen.findByRole("group", { name: "Could not read a co-author's changes" }, { timeout: 3000 }),
    ).toBeInTheDocument();
    expect(clearedNotice()).toBeNull();

    // And an action of the planner's that fails: its bar replaces any notice.
    await user.click(screen.getByRole("button", { name: "Clear highlights" }));
    expect(await screen.findByText("There were no highlights to clear.")).toBeInTheDocument();
    excel.failNextSync("GeneralException", "Excel could not complete the request.");
    await user.click(screen.getByRole("button", { name: "Go to the 15th meeting, agenda item 3" }));
    expect(await screen.findByRole("group", { name: "Could not go to Workplan!E7" })).toBeInTheDocument();
    expect(screen.queryByText("There were no highlights to clear.")).toBeNull();
  });

  it(
    "shows on opening why the ribbon's Check workplan button could not check, and forgets it once a check " +
      "succeeds",
    async () => {
      jest.spyOn(console, "error").mockImplementation(() => undefined);
      const excel = createFakeExcel({ seed: "default" });
      const office = installOffice(excel, { dialog: "absent" });
      const settings = office.context.document.settings;
      // The planner selects the ribbon's button while Excel refuses the workbook; the pane is closed.
      const refusing = (async () => {
        throw new FakeError("AccessDenied", "The workbook is protected.");
      }) as unknown as ExcelRun;
      const at = new Date("2026-12-01T15:40:00Z");
      await checkWorkplan({ completed: () => undefined }, refusing, { now: () => at, office, base: "https://x/" });
      expect(settings.get(COMMAND_ERROR_SETTING)).not.toBeNull();

      const { user, unmount } = openPane(excel);
      const said = await screen.findByText(
        /^The Check workplan button could not check the workbook on 1 December 2026 at \d\d:\d\d .*: .*AccessDenied/,
      );
      expect(said.textContent).not.toMatch(/: Could not check the workbook/);
      // Shown again at the next opening, as long as no check succeeded.
      unmount();
      openPane(excel);
      await screen.findByText(/^The Check workplan button could not check/);
      await user.click(await checkButton());
      await waitFor(() => expect(screen.queryByText(/^The Check workplan button could not check/)).toBeNull());
      expect(settings.get(COMMAND_ERROR_SETTING)).toBeNull();
    },
  );
});
