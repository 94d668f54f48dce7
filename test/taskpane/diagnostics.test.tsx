/** @jest-environment jsdom */
/**
 * The Diagnostics component through the pane's port, against the fake Excel: it runs on request,
 * shows a pass/fail table, shows the one failing behaviour of a host that breaks it, and copies
 * the report as plain text.
 */
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Diagnostics, reportText, setsText } from "../../src/taskpane/components/Diagnostics";
import { officeWorkbook } from "../../src/taskpane/workbook";
import { createFakeExcel, type FakeExcelOptions } from "../support/fakeExcel";
import { installOffice } from "../support/openPane";
import { forEachHost } from "../support/hosts";

const NOW = new Date("2026-12-01T16:40:00Z");

function show(options: FakeExcelOptions = {}, copy?: (text: string) => Promise<boolean>) {
  const excel = createFakeExcel(options);
  installOffice(excel);
  const workbook = officeWorkbook(excel.run, () => NOW);
  render(<Diagnostics run={workbook.diagnose} copy={copy} now={() => NOW} />);
  return { excel, user: userEvent.setup() };
}

async function runAndWait(user: ReturnType<typeof userEvent.setup>): Promise<HTMLElement> {
  await user.click(screen.getByRole("button", { name: "Run diagnostics" }));
  return screen.findByRole("table", { name: "Diagnostics results" });
}

function resultOf(table: HTMLElement, behaviour: string): string {
  const row = within(table).getByText(behaviour).closest("tr") as HTMLElement;
  return (row.lastElementChild as HTMLElement).textContent ?? "";
}

forEachHost((host) => {
  describe("Diagnostics", () => {
    it("runs on request: every behaviour passed, the typed value skipped, the scratch sheet gone", async () => {
      const { excel, user } = show();
      expect(screen.queryByRole("table")).not.toBeInTheDocument();
      const table = await runAndWait(user);
      const rows = within(table).getAllByRole("row").slice(1);
      expect(rows).toHaveLength(9);
      expect(
        screen.getByText(`8 passed, 0 failed, 1 skipped. Excel on ${host.platform}, version 16.0; ExcelApi 1.1–1.20.`),
      ).toBeVisible();
      expect(resultOf(table, "A change event for a typed value")).toBe("Skipped");
      expect(resultOf(table, "Notes added, read and deleted")).toBe("Passed");
      expect(excel.model.sheets.map((s) => s.name)).not.toContain("WorkplanDiagnostics");
    });

    it("shows exactly the behaviour a host breaks as failed", async () => {
      const { user } = show({ nullChains: "refuse" });
      const table = await runAndWait(user);
      const failed = within(table)
        .getAllByRole("row")
        .filter((row) => row.lastElementChild?.textContent === "Failed");
      expect(failed).toHaveLength(1);
      expect(failed[0]).toHaveTextContent("Null-object chains in one batch");
      expect(failed[0]).toHaveTextContent("InvalidObjectPath");
    });

    it("copies the report as plain text", async () => {
      const copy = jest.fn(async (_text: string) => true);
      const { user } = show({ platform: "OfficeOnline", notesBroken: true }, copy);
      await runAndWait(user);
      await user.click(screen.getByRole("button", { name: "Copy report" }));
      expect(copy).toHaveBeenCalledTimes(1);
      const text = copy.mock.calls[0]?.[0] ?? "";
      expect(text).toContain("Platform: OfficeOnline · Office version: 16.0");
      expect(text).toContain("Requirement sets: ExcelApi 1.1–1.20");
      expect(text).toContain("Run: 1 December 2026 at 16:40 UTC");
      expect(text).toMatch(/^\[FAIL\] Notes added, read and deleted \(ExcelApi 1\.18\): Excel refused/m);
      expect(text).toMatch(/^\[PASS\] Null-object chains in one batch \(ExcelApi 1\.4\)/m);
      expect(await screen.findByText("Report copied to the clipboard.")).toBeVisible();
    });

    it("copies with the Clipboard API by default", async () => {
      const { user } = show();
      // After userEvent.setup(), which puts its own stand-in at navigator.clipboard.
      const writeText = jest.fn(async (_text: string) => undefined);
      Object.defineProperty(navigator, "clipboard", { value: { writeText }, configurable: true });
      try {
        await runAndWait(user);
        await user.click(screen.getByRole("button", { name: "Copy report" }));
        expect(await screen.findByText("Report copied to the clipboard.")).toBeVisible();
        expect(writeText.mock.calls[0]?.[0]).toMatch(/^Workplan Checker diagnostics\n/);
      } finally {
        Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
      }
    });

    it("shows the report to select by hand where the clipboard refuses", async () => {
      const { user } = show({}, async () => false);
      await runAndWait(user);
      await user.click(screen.getByRole("button", { name: "Copy report" }));
      const area = await screen.findByRole("textbox", { name: "Diagnostics report" });
      expect((area as HTMLTextAreaElement).value).toContain("[SKIPPED] A change event for a typed value");
    });
  });
});

describe("reportText and setsText", () => {
  it("names gaps in the requirement sets one by one", () => {
    expect(setsText(["ExcelApi 1.1", "ExcelApi 1.2", "ExcelApi 1.4"])).toBe("ExcelApi 1.1, ExcelApi 1.2, ExcelApi 1.4");
    expect(setsText([])).toBe("none");
    const report = { host: "Excel", platform: "Mac", officeVersion: "16.90", supported: ["ExcelApi 1.1"], rows: [] };
    expect(reportText(report, NOW)).toContain("Result: 0 passed, 0 failed, 0 skipped");
  });
});
