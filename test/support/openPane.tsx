/**
 * The task pane opened on a fake Excel, as the jsdom tests of test/taskpane use it: the `Office`
 * global installed for one test (and removed after it), the real App over the real Office.js
 * adapter, a user driving it. One place, so every pane test starts the pane the same way.
 */
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../src/taskpane/App";
import { officeWorkbook, type PaneWorkbook } from "../../src/taskpane/workbook";
import type { ProposalSolver } from "../../src/taskpane/solver";
import { createFakeExcel, fakeOffice, type FakeExcel, type FakeOffice, type FakeOfficeOptions } from "./fakeExcel";

/** The clock of the pane tests: a Monday evening in Vienna, before the session's date. */
export const PANE_NOW = new Date("2026-11-23T17:50:00Z");

export type PaneUser = ReturnType<typeof userEvent.setup>;

const holder = globalThis as { Office?: unknown };
let installed: { excel: FakeExcel; office: FakeOffice; before: unknown } | null = null;
afterEach(() => uninstallOffice());

/** Puts `excel` behind the `Office` global until the end of the test (kept if it is there already). */
export function installOffice(excel: FakeExcel, options?: FakeOfficeOptions): FakeOffice {
  if (installed?.excel === excel && !options) return installed.office;
  uninstallOffice();
  const office = fakeOffice(excel, options);
  installed = { excel, office, before: holder.Office };
  holder.Office = office;
  return office;
}

export function uninstallOffice(): void {
  if (installed) holder.Office = installed.before;
  installed = null;
}

/** A fake Excel (the default workbook unless said otherwise) behind the `Office` global. */
export function officeWith(options: Parameters<typeof createFakeExcel>[0] = { seed: "default" }): FakeExcel {
  const excel = createFakeExcel(options);
  installOffice(excel);
  return excel;
}

export interface PaneOptions {
  theme?: "light" | "dark";
  /** Another port than the adapter over `excel` (a failing or slow one, for instance). */
  workbook?: PaneWorkbook;
  solver?: ProposalSolver;
  now?: Date;
}

/** Opens the pane on `excel`; the user and Testing Library's view of it. */
export function openPane(excel: FakeExcel, options: PaneOptions = {}) {
  installOffice(excel);
  const now = options.now ?? PANE_NOW;
  const workbook = options.workbook ?? officeWorkbook(excel.run, () => now);
  const user = userEvent.setup();
  const view = render(<App theme={options.theme ?? "light"} workbook={workbook} solver={options.solver} />);
  return { user, ...view };
}

/** Waits until the pane has nothing in progress. */
export const paneIdle = () => waitFor(() => expect(screen.getByRole("main")).toHaveAttribute("aria-busy", "false"));
