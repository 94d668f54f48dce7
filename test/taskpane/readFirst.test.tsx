/** @jest-environment jsdom */
/**
 * Read first, write on request: opening lists the findings at once without writing (syncs
 * counted), says "not highlighted yet" when the workbook's highlights are absent or older than
 * its data, Check writes them, and a write Excel refuses leaves the list with one line saying why.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { recordSyncs, type FakeExcel } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { officeWith, openPane, paneIdle } from "../support/openPane";

/** A slip of cluster 2 to 2032, typed into the Clusters table (E3) by someone without the add-in. */
function slipped(excel: FakeExcel): void {
  excel.editCell("Clusters", "E3", 2032);
}

const header = () => screen.getByRole("group", { name: "Last check" });

describe("opening reads, and never writes", () => {
  it("lists a slip's findings at once, not highlighted yet, in one read-only sync", async () => {
    const excel = officeWith();
    slipped(excel);
    const syncs = recordSyncs(excel);
    openPane(excel);
    const errors = await screen.findByRole("region", { name: "Errors (2)" });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(2);
    await paneIdle();
    expect(header()).toHaveTextContent(
      "Not highlighted yet: the findings below are not marked in the workbook. Select Check to mark them.",
    );
    // One round trip, a read: which tables there are, the tables, the last check and its flags, and the change events.
    expect(syncs).toEqual([["read"]]);
    expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(0);
    expect(excel.model.sheet("WorkplanChecker")).toBeFalsy();
  });

  forEachHost(() => {
    it(
      "Check writes the highlights; a later opening sees " + "them current; a new slip makes them older than the data",
      async () => {
        const excel = officeWith();
        slipped(excel);
        const { user } = openPane(excel);
        await screen.findByRole("region", { name: "Errors (2)" });
        await paneIdle();
        await user.click(screen.getByRole("button", { name: "Check" }));
        await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Check done: 2 errors"));
        expect(header()).not.toHaveTextContent(/Not highlighted yet/);
        // The cells' fills and the rows' tints, three severities each.
        expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(6);

        document.body.innerHTML = "";
        openPane(excel);
        await screen.findByRole("region", { name: "Errors (2)" });
        await paneIdle();
        expect(header()).not.toHaveTextContent(/Not highlighted yet/);

        document.body.innerHTML = "";
        excel.editCell("Clusters", "E3", 2033);
        openPane(excel);
        await screen.findByRole("region", { name: /^Errors/ });
        await paneIdle();
        expect(header()).toHaveTextContent(/Not highlighted yet: the workbook's highlights are older than its data/);
      },
    );
  });
});

describe("the undo history the first check clears (Worksheet.visibility, Windows and Mac)", () => {
  const line = /^The first check adds hidden helper sheets; Excel on Windows and Mac then cannot undo earlier edits\.$/;

  forEachHost((host) => {
    const clears = host.platform !== "OfficeOnline";
    it(`${clears ? "says so" : "says nothing"} under Check before the first check, nothing after`, async () => {
      const excel = officeWith();
      const { user } = openPane(excel);
      const check = await screen.findByRole("button", { name: "Check" });
      await paneIdle();
      if (clears) {
        expect(screen.getByText(line)).toBeVisible();
        expect(check).toHaveAccessibleDescription(line);
      } else {
        expect(screen.queryByText(line)).toBeNull();
        expect(check).not.toHaveAccessibleDescription();
      }
      await user.click(check);
      await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Check done"));
      expect(excel.undoCleared > 0).toBe(clears);
      expect(screen.queryByText(line)).toBeNull();

      // A checked workbook has its helper sheets: opening it says nothing.
      document.body.innerHTML = "";
      openPane(excel);
      await screen.findByRole("button", { name: "Check" });
      await paneIdle();
      expect(screen.queryByText(line)).toBeNull();
    });
  });
});

describe("when Excel refuses the write", () => {
  it("keeps the list, with one line saying the highlights could not be written and why, and no error bar", async () => {
    const excel = officeWith();
    slipped(excel);
    excel.refuseWrites("AccessDenied", "The sheet is protected.");
    const { user } = openPane(excel);
    await screen.findByRole("region", { name: "Errors (2)" });
    await paneIdle();
    await user.click(screen.getByRole("button", { name: "Check" }));
    const bar = await screen.findByRole("group", { name: "Check could not write to the workbook." });
    expect(bar).toHaveTextContent(
      "The highlights are not written; the findings below are read from it. " +
        "Excel refused the change: the workbook or one of its sheets is protected",
    );
    expect(header()).not.toHaveTextContent(/could not|Not highlighted/);
    expect(screen.getByRole("region", { name: "Errors (2)" })).toBeInTheDocument();
    expect(screen.queryByRole("group", { name: /^Could not/ })).toBeNull();
    expect(screen.getByRole("status")).toHaveTextContent(/^Check could not write to the workbook\. The highlights/);
    expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(0);

    excel.refuseWrites(null);
    await user.click(screen.getByRole("button", { name: "Check" }));
    await waitFor(() => expect(screen.getByRole("status")).toHaveTextContent("Check done: 2 errors"));
    expect(header()).not.toHaveTextContent(/could not|Not highlighted/);
    expect(screen.queryByRole("group", { name: "Check could not write to the workbook." })).toBeNull();
  });
});
