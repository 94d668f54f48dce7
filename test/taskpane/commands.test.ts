/**
 * The ribbon's "Check workplan" function command: it checks and refreshes the highlights
 * without the pane, and always tells Excel it is done, even when the check fails.
 */
import { checkWorkplan, COMMAND_ERROR_SETTING, register } from "../../src/commands/commands";
import type { ExcelRun } from "../../src/office";
import { conflictsOf, createFakeExcel, FakeError, fakeOffice, withOffice } from "../support/fakeExcel";

const NOW = new Date("2026-11-23T17:50:00Z");

describe("checkWorkplan", () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
  });

  it("is associated with Office under the manifest's id and checks the workbook", async () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    restore = withOffice(excel);
    register({ Office: office, Excel: { run: excel.run } });
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(office.commands()).toContain("checkWorkplan");
    await office.invokeCommand("checkWorkplan");
    expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked \d{4}-\d\d-\d\d \d\d:\d\d UTC/);
    expect(excel.model.sheet("Workplan")?.conditionalFormats).toHaveLength(6);
  });

  it("calls completed() once after a check", async () => {
    const excel = createFakeExcel();
    restore = withOffice(excel);
    const completed = jest.fn();
    await checkWorkplan({ completed }, excel.run, () => NOW);
    expect(completed).toHaveBeenCalledTimes(1);
    expect(conflictsOf(excel.model).captions[0]).toMatch(/^Last checked 2026-11-23 17:50 UTC/);
  });

  it("calls completed() even when Excel fails", async () => {
    const excel = createFakeExcel();
    restore = withOffice(excel);
    const completed = jest.fn();
    const failing = (async () => {
      throw new FakeError("AccessDenied", "protected");
    }) as unknown as ExcelRun;
    const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
    await expect(checkWorkplan({ completed }, failing, () => NOW)).resolves.toBeUndefined();
    expect(completed).toHaveBeenCalledTimes(1);
    expect(error).toHaveBeenCalledWith(expect.stringContaining("Could not check the workbook"));
    error.mockRestore();
  });

  it("is associated at once, before Office is ready, as Microsoft's function-command samples do", () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    const onReady = jest.spyOn(office, "onReady");
    register({ Office: office, Excel: { run: excel.run } });
    expect(office.commands()).toContain("checkWorkplan");
    expect(onReady).not.toHaveBeenCalled();
  });

  it(
    "leaves a failed check's message in the document's " + "settings for the pane, and clears it after a good one",
    async () => {
      const excel = createFakeExcel();
      const office = fakeOffice(excel);
      restore = withOffice(excel);
      const failing = (async () => {
        throw new FakeError("AccessDenied", "protected");
      }) as unknown as ExcelRun;
      const error = jest.spyOn(console, "error").mockImplementation(() => undefined);
      await checkWorkplan({ completed: () => undefined }, failing, () => NOW, office);
      error.mockRestore();
      expect(office.context.document.settings.get(COMMAND_ERROR_SETTING)).toMatchObject({
        message: expect.stringContaining("Could not check the workbook"),
      });
      await checkWorkplan({ completed: () => undefined }, excel.run, () => NOW, office);
      expect(office.context.document.settings.get(COMMAND_ERROR_SETTING)).toBeNull();
    },
  );
});
