/** @jest-environment jsdom */
/**
 * The pane's entry as Excel loads it: Office.onReady, then the pane in Office's theme (read again
 * when the pane regains focus); outside
 * Excel, or without Office.js, a message instead of a blank pane.
 */
import "@testing-library/jest-dom";
import { act, screen } from "@testing-library/react";
import type { Root } from "react-dom/client";
import { start } from "../../src/taskpane/start";
import { createFakeExcel, fakeOffice, OFFICE_THEMES, type FakeExcel } from "../support/fakeExcel";

let root: Root | null = null;
afterEach(() => {
  act(() => root?.unmount());
  delete (globalThis as { Office?: unknown }).Office;
  root = null;
  document.body.innerHTML = "";
});

async function load(office: unknown, excel?: FakeExcel): Promise<void> {
  document.body.innerHTML = '<div id="root"><p>Loading Workplan Checker…</p></div>';
  const element = document.getElementById("root") as HTMLElement;
  // The pane reads requirement sets and the theme from the global Office, as in Excel.
  (globalThis as { Office?: unknown }).Office = office;
  await act(async () => {
    root = start(element, {
      Office: office as typeof Office | undefined,
      Excel: excel ? { run: excel.run } : undefined,
    });
    // Office.onReady calls back after the page's scripts have run.
    await new Promise((resolve) => setTimeout(resolve, 0));
  });
}

describe("the pane's entry", () => {
  it("opens the pane in Office's dark theme", async () => {
    const excel = createFakeExcel();
    await load(fakeOffice(excel, { theme: "dark" }), excel);
    expect(await screen.findByRole("button", { name: "Check" })).toBeInTheDocument();
    expect(document.querySelector("[data-theme]")).toHaveAttribute("data-theme", "dark");
  });

  it("opens the pane in Office's light theme", async () => {
    const excel = createFakeExcel();
    await load(fakeOffice(excel, { theme: "light" }), excel);
    expect(await screen.findByRole("button", { name: "Check" })).toBeInTheDocument();
    expect(document.querySelector("[data-theme]")).toHaveAttribute("data-theme", "light");
  });

  it("follows a change of Office's theme when the pane regains focus or becomes visible again", async () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel, { theme: "light" });
    await load(office, excel);
    await screen.findByRole("button", { name: "Check" });
    const theme = () => document.querySelector("[data-theme]")?.getAttribute("data-theme");
    // The user picks Office's Black theme while the pane is open: Excel raises no event for it.
    office.context.officeTheme = { ...OFFICE_THEMES.dark };
    expect(theme()).toBe("light");
    act(() => void window.dispatchEvent(new Event("focus")));
    expect(theme()).toBe("dark");
    office.context.officeTheme = { ...OFFICE_THEMES.light };
    act(() => void document.dispatchEvent(new Event("visibilitychange")));
    expect(theme()).toBe("light");
  });

  it("says to open it in Excel when another host loads it", async () => {
    const excel = createFakeExcel();
    const office = fakeOffice(excel);
    const elsewhere = {
      ...office,
      onReady: async (callback?: (info: { host: string | null }) => void) => callback?.({ host: null }),
    };
    await load(elsewhere);
    expect(await screen.findByRole("group", { name: "Open this pane in Excel" })).toHaveTextContent(
      /Workplan Checker works in Excel/,
    );
  });

  it("says what to do when Office.js did not load", async () => {
    await load(undefined);
    expect(await screen.findByRole("group", { name: "Open this pane in Excel" })).toHaveTextContent(
      /Office.js did not load/,
    );
  });
});
