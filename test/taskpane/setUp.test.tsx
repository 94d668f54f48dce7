/** @jest-environment jsdom */
/**
 * The secretariat's existing workbook in the pane (issue 12 item 7), against the fake Excel: the
 * plain ranges found on opening and converted keeping their cells; the missing tables named and
 * added; no button where the read knows it would fail, the reason instead.
 */
import "@testing-library/jest-dom";
import { screen, waitFor, within } from "@testing-library/react";
import { setUpWorkbook } from "../../src/office";
import { createFakeExcel, FakeExcel, plainWorkbook, recordSyncs, type WorkbookModel } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { openPane } from "../support/openPane";

const cells = (model: WorkbookModel) => JSON.stringify(model.sheets.map((s) => [s.name, [...s.cells].sort()]));

describe("the secretariat's workbook in the pane", () => {
  it("offers Convert to tables as the primary button, converts keeping every cell, then the findings", async () => {
    const excel = new FakeExcel(plainWorkbook(), { version: "1.20" });
    const before = cells(excel.model);
    const { user } = openPane(excel);
    const convert = await screen.findByRole("button", { name: "Convert to tables" });
    expect(
      screen.getByText(/^Found as plain ranges: Workplan \(Workplan!A1:F\d+\), Topics \(Topics!A1:B/),
    ).toBeVisible();
    expect(screen.queryByRole("button", { name: "Create the workplan workbook" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add the missing tables" })).toBeNull();
    await user.click(convert);
    expect(
      await screen.findByText(
        /^Converted to tables: Workplan, Topics, Articles, Clusters, FlexibleTopics, Settings and Sources\./,
      ),
    ).toBeVisible();
    expect(cells(excel.model)).toBe(before);
    expect(excel.model.tables.map((t) => t.name)).toContain("Workplan");
    expect(await screen.findByRole("button", { name: "Check" })).toBeVisible();
    expect(screen.queryByRole("button", { name: "Convert to tables" })).toBeNull();
    expect(screen.queryByText(/^Missing tables/)).toBeNull();
  });

  it("names the missing tables on opening a set-up workbook and adds them on new sheets", async () => {
    const excel = createFakeExcel({ seed: "default" });
    const sources = excel.model.table("Sources");
    excel.model.tables.splice(excel.model.tables.indexOf(sources!), 1);
    excel.model.sheets.splice(excel.model.sheets.indexOf(sources!.sheet), 1);
    const { user } = openPane(excel);
    expect(await screen.findByText("Missing tables: Sources.")).toBeVisible();
    const add = screen.getByRole("button", { name: "Add the missing tables" });
    // Check stays the view's one primary button: Add looks like Clear highlights, a secondary one.
    const clear = screen.getByRole("button", { name: "Clear highlights" });
    expect(add.className).toBe(clear.className);
    expect(screen.getByRole("button", { name: "Check" }).className).not.toBe(clear.className);
    await user.click(add);
    expect(await screen.findByText("Added Sources on new sheets.")).toBeVisible();
    expect(excel.model.table("Sources")?.sheet.name).toBe("Sources");
    expect(screen.queryByRole("button", { name: "Add the missing tables" })).toBeNull();
  });

  it("says why instead of offering a button that would fail", async () => {
    const model = plainWorkbook();
    model.names.push({ name: "Workplan", formula: "=Workplan!$A$1" });
    const excel = new FakeExcel(model, { version: "1.20" });
    const { user } = openPane(excel);
    const section = await screen.findByRole("region", { name: "Set up the workbook" });
    expect(within(section).getByText(/as the name "Workplan" is taken/)).toBeVisible();
    await user.click(within(section).getByRole("button", { name: "Convert to tables" }));
    // The others are converted; Workplan stays a range, and the pane still says why.
    expect(await screen.findByText(/^Converted to tables: Topics, Articles/)).toBeVisible();
    expect(excel.model.table("Workplan")).toBeNull();
    expect(await screen.findByText("Missing tables: Workplan.")).toBeVisible();
    expect(screen.queryByRole("button", { name: "Convert to tables" })).toBeNull();
    expect(screen.queryByRole("button", { name: "Add the missing tables" })).toBeNull();
    expect(screen.getByText(/as the name "Workplan" is taken/)).toBeVisible();
  });

  it("does not offer Create where a sheet of the same name is in the way", async () => {
    const excel = createFakeExcel({ seed: "empty" });
    excel.model.addSheet("Settings");
    openPane(excel);
    expect(await screen.findByText(/^Cannot create the workbook: the sheet "Settings" already exists/)).toBeVisible();
    expect(screen.queryByRole("button", { name: "Create the workplan workbook" })).toBeNull();
    expect(screen.getByRole("button", { name: "Add the missing tables" })).toBeVisible();
  });
});

/** Takes the Sources table and its sheet out of the workbook, as a co-author deleting them. */
function withoutSources(model: WorkbookModel): void {
  const sources = model.table("Sources");
  if (!sources) throw new Error("no Sources table");
  model.tables.splice(model.tables.indexOf(sources), 1);
  model.sheets.splice(model.sheets.indexOf(sources.sheet), 1);
}

/** A co-author's Excel on the same workbook: its writes reach the pane's Excel as the workbook, not as events. */
const coAuthor = (excel: FakeExcel) => new FakeExcel(excel.model, { version: excel.version });

forEachHost(() => {
  describe("the set-up offer after a co-author's change", () => {
    const status = () => screen.getByRole("status");
    const refreshed = () =>
      waitFor(() => expect(status()).toHaveTextContent(/^A co-author changed the workbook/), { timeout: 5000 });

    it("follows a table a co-author adds, at once, without waiting for another change (onAdded)", async () => {
      const excel = createFakeExcel({ seed: "default" });
      withoutSources(excel.model);
      openPane(excel);
      expect(await screen.findByText("Missing tables: Sources.")).toBeVisible();
      const syncs = recordSyncs(excel);

      // A co-author adds the missing table, and does nothing else: the pane hears the table added and reads again.
      await setUpWorkbook(excel.coAuthor().run, true);
      await refreshed();
      expect(excel.membershipEvents.map((e) => [e.type, e.source])).toEqual([["TableAdded", "Remote"]]);
      expect(screen.queryByText(/^Missing tables/)).toBeNull();
      expect(screen.queryByRole("region", { name: "Set up the workbook" })).toBeNull();
      expect(screen.getByRole("button", { name: "Check" })).toBeVisible();
      expect(syncs.flat().every((kind) => kind === "read")).toBe(true);

      // The co-author deletes its sheet again: the offer comes back, again with no other change (onDeleted).
      await excel.coAuthor().run(async (context) => {
        context.workbook.worksheets.getItem("Sources").delete();
        await context.sync();
      });
      expect(excel.model.table("Sources")).toBeNull();
      expect(await screen.findByText("Missing tables: Sources.", {}, { timeout: 5000 })).toBeVisible();
    });

    it("follows the tables a co-author adds or removes, on the refresh that brings the findings", async () => {
      const excel = createFakeExcel({ seed: "default" });
      withoutSources(excel.model);
      openPane(excel);
      expect(await screen.findByText("Missing tables: Sources.")).toBeVisible();
      expect(screen.getByRole("button", { name: "Add the missing tables" })).toBeVisible();
      const syncs = recordSyncs(excel);

      // A co-author adds the missing table, then types in the Workplan: the offer goes with that refresh.
      await setUpWorkbook(coAuthor(excel).run, true);
      excel.editCell("Workplan", "F5", "Vienna", "Remote");
      await refreshed();
      expect(screen.queryByRole("region", { name: "Set up the workbook" })).toBeNull();
      expect(screen.queryByText(/^Missing tables/)).toBeNull();
      expect(screen.getByRole("button", { name: "Check" })).toBeVisible();
      expect(syncs.flat().every((kind) => kind === "read")).toBe(true);

      // A co-author removes it again: the offer comes back with the refresh.
      withoutSources(excel.model);
      excel.editCell("Workplan", "F6", "Geneva", "Remote");
      expect(await screen.findByText("Missing tables: Sources.", {}, { timeout: 5000 })).toBeVisible();
      expect(screen.getByRole("button", { name: "Add the missing tables" })).toBeVisible();
      expect(syncs.flat().every((kind) => kind === "read")).toBe(true);
      expect(excel.model.table("Sources")).toBeNull();
    });

    it("follows plain ranges a co-author converts: the convert view gives way to the findings", async () => {
      const excel = new FakeExcel(plainWorkbook(), { version: "1.20" });
      openPane(excel);
      expect(await screen.findByRole("button", { name: "Convert to tables" })).toBeVisible();
      // The co-author's Excel, on the same workbook, converts them; then the co-author types in the Workplan.
      await setUpWorkbook(coAuthor(excel).run, false);
      excel.editCell("Workplan", "B2", "Vienna", "Remote");
      await refreshed();
      expect(await screen.findByRole("button", { name: "Check" })).toBeVisible();
      expect(screen.queryByRole("button", { name: "Convert to tables" })).toBeNull();
      expect(screen.queryByRole("region", { name: "Set up the workbook" })).toBeNull();
      expect(screen.getByRole("region", { name: /^(Errors|Warnings|Info)/ })).toBeVisible();
    });
  });
});
