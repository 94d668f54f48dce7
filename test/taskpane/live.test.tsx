/** @jest-environment jsdom */
/**
 * The live re-check, with jest's fake timers: the scheduling on its own (LiveCheck), and the pane
 * against the fake Excel through the real adapter: three quick edits make one check, the
 * add-in's own writes make none, a co-author's change refreshes the findings without writing,
 * and the auto-check switch is remembered per user.
 */
import "@testing-library/jest-dom";
import { act, fireEvent, screen } from "@testing-library/react";
import { LiveCheck, QUIET_MS, REMOTE_QUIET_MS, RIBBON_MS } from "../../src/taskpane/live";
import { loadAutoCheck } from "../../src/taskpane/preferences";
import type { TableChange } from "../../src/office";
import { recordSyncs, type FakeExcel } from "../support/fakeExcel";
import { forEachHost } from "../support/hosts";
import { officeWith, openPane } from "../support/openPane";

const NOW = new Date("2026-11-23T17:50:00Z");
/** A value of the Workplan's fixed-topic drop-down: picked for the 10th meeting (E2), topic 2 comes twice. */
const TOPIC_2 = "2 — Criminalization and criminal justice responses (arts. 1, 5)";
const local = (table = "Workplan"): TableChange => ({ source: "Local", table, address: "F5" });
const remote = (table = "Clusters"): TableChange => ({ source: "Remote", table, address: "E3" });

beforeEach(() => {
  // Office delivers events and syncs as promises: only the clocks are fake.
  jest.useFakeTimers({ doNotFake: ["queueMicrotask", "nextTick", "setImmediate"] });
  localStorage.clear();
});
afterEach(() => {
  jest.useRealTimers();
});

function live(options: { autoCheck?: boolean; busy?: () => boolean; changed?: boolean } = {}) {
  const calls: string[] = [];
  const checker = new LiveCheck({
    autoCheck: () => options.autoCheck ?? true,
    busy: options.busy ?? (() => false),
    check: () => calls.push("check"),
    refresh: (unheard) => calls.push(unheard ? "refresh unheard" : "refresh"),
    ribbonChecked: () => calls.push("ribbon"),
    changed: async () => {
      calls.push("read");
      return options.changed ?? false;
    },
  });
  return { checker, calls };
}

describe("LiveCheck", () => {
  it("reads what the ribbon's check wrote as soon as the pane is not busy, and only that", () => {
    let busy = true;
    const { checker, calls } = live({ busy: () => busy });
    checker.onRibbonCheck();
    jest.advanceTimersByTime(3 * RIBBON_MS);
    expect(calls).toEqual([]);
    busy = false;
    jest.advanceTimersByTime(RIBBON_MS);
    expect(calls).toEqual(["ribbon"]);
    jest.advanceTimersByTime(10 * QUIET_MS);
    expect(calls).toEqual(["ribbon"]);
  });

  it("runs one check once three quick edits have been quiet for the quiet period", () => {
    const { checker, calls } = live();
    checker.onChange(local());
    jest.advanceTimersByTime(500);
    checker.onChange(local());
    jest.advanceTimersByTime(500);
    checker.onChange(local());
    jest.advanceTimersByTime(QUIET_MS - 1);
    expect(calls).toEqual([]);
    jest.advanceTimersByTime(1);
    expect(calls).toEqual(["check"]);
    jest.advanceTimersByTime(10 * QUIET_MS);
    expect(calls).toEqual(["check"]);
  });

  it("does not check when auto-check is off, nor for edits of the Conflicts table", () => {
    const off = live({ autoCheck: false });
    off.checker.onChange(local());
    const on = live();
    on.checker.onChange(local("Conflicts"));
    jest.advanceTimersByTime(10 * QUIET_MS);
    expect([...off.calls, ...on.calls]).toEqual([]);
  });

  it("refreshes after a co-author's changes, auto-check on or off, and lets a due check do the reading", () => {
    const { checker, calls } = live({ autoCheck: false });
    checker.onChange(remote());
    checker.onChange(remote());
    jest.advanceTimersByTime(REMOTE_QUIET_MS);
    expect(calls).toEqual(["refresh"]);

    const both = live();
    both.checker.onChange(remote());
    both.checker.onChange(local());
    jest.advanceTimersByTime(10 * QUIET_MS);
    expect(both.calls).toEqual(["check"]);
  });

  it("waits while the pane is busy, then runs what is due", () => {
    let busy = true;
    const { checker, calls } = live({ busy: () => busy });
    checker.onChange(local());
    jest.advanceTimersByTime(3 * QUIET_MS);
    expect(calls).toEqual([]);
    expect(checker.pending()).toEqual(["check"]);
    busy = false;
    jest.advanceTimersByTime(QUIET_MS);
    expect(calls).toEqual(["check"]);
  });
});

describe("LiveCheck on focus", () => {
  it("reads lightly; when the tables changed unheard, checks (auto-check on) or refreshes (off)", async () => {
    const same = live({ changed: false });
    await same.checker.onFocus();
    expect(same.calls).toEqual(["read"]);
    const on = live({ changed: true });
    await on.checker.onFocus();
    expect(on.calls).toEqual(["read", "check"]);
    const off = live({ changed: true, autoCheck: false });
    await off.checker.onFocus();
    expect(off.calls).toEqual(["read", "refresh unheard"]);
  });

  it("reads once when focus and visibility come together", async () => {
    const { checker, calls } = live({ changed: true, autoCheck: false });
    await Promise.all([checker.onFocus(), checker.onFocus()]);
    expect(calls).toEqual(["read", "refresh unheard"]);
  });

  it("reads nothing while the pane is busy or a check is due (it reads the workbook anyway)", async () => {
    const busy = live({ changed: true, busy: () => true });
    await busy.checker.onFocus();
    const due = live({ changed: true });
    due.checker.onChange(local());
    await due.checker.onFocus();
    expect([...busy.calls, ...due.calls]).toEqual([]);
    due.checker.dispose();
  });
});

forEachHost((host) => {
  describe("the pane, live", () => {
    async function open(): Promise<FakeExcel> {
      const excel = officeWith();
      openPane(excel, { now: NOW });
      await screen.findByRole("button", { name: "Check" });
      await settle();
      return excel;
    }

    /** Checked once, so that a check is one Excel.run (its first adds the helper sheets, unmerged). */
    async function checked(): Promise<FakeExcel> {
      const excel = await open();
      fireEvent.click(screen.getByRole("button", { name: "Check" }));
      await until(() => screen.queryByText("No conflicts") !== null);
      await settle(10 * QUIET_MS);
      return excel;
    }

    /** Lets the pending promises (syncs, events, React updates) run, with the clock moved on by `ms`. */
    async function settle(ms = 0): Promise<void> {
      await act(async () => {
        jest.advanceTimersByTime(ms);
        for (let i = 0; i < 20; i++) await Promise.resolve();
      });
    }

    async function until(done: () => boolean, step = 100, limit = 100): Promise<void> {
      for (let i = 0; i < limit && !done(); i++) await settle(step);
      if (!done()) throw new Error("timed out");
    }

    const writes = (runs: string[][]) => runs.filter((run) => run.includes("write")).length;

    it(
      "auto-check on: three quick edits of the Workplan make one " +
        "check, after the quiet period; the switch is remembered",
      async () => {
        const excel = await checked();
        fireEvent.click(screen.getByRole("switch", { name: "Re-check automatically after my edits" }));
        expect(loadAutoCheck()).toBe(true);
        const runs = recordSyncs(excel);

        for (const value of ["Vienna", "Vienna, tbc", "Doha"]) {
          excel.editCell("Workplan", "F5", value, "Local");
          await settle(400);
        }
        expect(runs).toEqual([]);
        await settle(QUIET_MS);
        await until(() => writes(runs) === 1);
        expect(runs).toEqual([["read", "write"]]);
        await until(() => screen.getByRole("status").textContent === "Check done: no conflicts.");
        expect(screen.getByText("No conflicts")).toBeInTheDocument();

        // The check's own writes (the Conflicts table) never trigger another.
        await settle(10 * QUIET_MS);
        expect(runs).toEqual([["read", "write"]]);
      },
    );

    it("auto-check off: edits trigger nothing", async () => {
      const excel = await open();
      const runs = recordSyncs(excel);
      excel.editCell("Workplan", "F5", "Vienna", "Local");
      await settle(10 * QUIET_MS);
      expect(runs).toEqual([]);
    });

    it(
      "the add-in's own writes never trigger a check: Save " +
        "expected dates writes the Clusters table and checks once",
      async () => {
        const excel = await checked();
        fireEvent.click(screen.getByRole("switch", { name: "Re-check automatically after my edits" }));
        const spin = screen.getByRole("spinbutton", { name: "Expected review end of cluster 2" });
        fireEvent.keyDown(spin, { key: "ArrowUp" });
        await settle();
        const runs = recordSyncs(excel);
        fireEvent.click(screen.getByRole("button", { name: "Save expected dates" }));
        // The save and the check that follows it are one Excel.run: one read, one write (issue 8).
        await until(() => writes(runs) === 1 && screen.queryByText(/Saved to the Clusters table/) !== null);
        expect(runs).toEqual([["read", "write"]]);
        await settle(10 * QUIET_MS);
        expect(runs).toHaveLength(1);
        // Excel did report the write to the Clusters table, as a Local change; the pane knew it for its own.
        expect(excel.events.some((e) => e.source === "Local" && e.tableId === excel.model.table("Clusters")?.id)).toBe(
          true,
        );
        // Regaining focus then finds the tables as the save left them: one light read, nothing more.
        fireEvent.focus(window);
        await settle(10 * QUIET_MS);
        expect(runs).toEqual([["read", "write"], ["read"]]);
      },
    );

    it("a co-author's edit refreshes the findings, reading without writing, even with auto-check on", async () => {
      const excel = await checked();
      fireEvent.click(screen.getByRole("switch", { name: "Re-check automatically after my edits" }));
      const runs = recordSyncs(excel);

      excel.editCell("Clusters", "E3", 2032, "Remote");
      await settle(REMOTE_QUIET_MS);
      await until(() => screen.queryByRole("region", { name: "Errors (2)" }) !== null);
      expect(runs).toEqual([["read"]]);
      expect(screen.getByRole("status")).toHaveTextContent(
        "A co-author changed the workbook, findings brought up to date: 2 errors, 0 warnings, 0 info.",
      );
      // The spin button follows the workbook too.
      expect(screen.getByRole("spinbutton", { name: "Expected review end of cluster 2" })).toHaveValue("2032");
      await settle(10 * QUIET_MS);
      expect(writes(runs)).toBe(0);
    });

    const web = host.platform === "OfficeOnline";

    it("regaining focus reads the tables lightly, once, and changes nothing when they did not change", async () => {
      const excel = await checked();
      const runs = recordSyncs(excel);
      const before = screen.getByRole("status").textContent;
      fireEvent.focus(window);
      await settle(10 * QUIET_MS);
      expect(runs).toEqual([["read"]]);
      expect(screen.getByRole("status").textContent).toBe(before);
    });

    it(
      `a drop-down pick (${web ? "no event on the web" : "an event"}), auto-check off: ` +
        "the findings follow when the pane regains focus",
      async () => {
        const excel = await checked();
        const runs = recordSyncs(excel);
        excel.pickFromList("Workplan", "E2", TOPIC_2);
        await settle(10 * QUIET_MS);
        expect(excel.events).toHaveLength(web ? 1 : 2);
        expect(runs).toEqual([]);
        expect(screen.getByText("No conflicts")).toBeInTheDocument();

        fireEvent.focus(window);
        await until(() => screen.queryByText("No conflicts") === null);
        // The light read saw the change; the full read brought the findings; nothing was written.
        expect(runs).toEqual([["read"], ["read"]]);
        expect(screen.getByRole("status")).toHaveTextContent(/^The workbook changed, findings brought up to date: /);
        const errors = screen.getByRole("region", { name: "Errors (1)" });
        expect(errors).toHaveTextContent("Topic 1 is at no meeting");
        expect(screen.getByText(/^Not highlighted yet/)).toBeInTheDocument();
      },
    );

    it(
      `a drop-down pick, auto-check on: ${web ? "no event, so the check runs on focus" : "its event checks"}; ` +
        "either way the highlights follow",
      async () => {
        const excel = await checked();
        fireEvent.click(screen.getByRole("switch", { name: "Re-check automatically after my edits" }));
        const runs = recordSyncs(excel);
        excel.pickFromList("Workplan", "E2", TOPIC_2);
        await settle(10 * QUIET_MS);
        expect(runs).toEqual(web ? [] : [["read", "write"]]);
        fireEvent.focus(window);
        await until(() => writes(runs) === 1 && runs.length === 2);
        expect(runs).toEqual(web ? [["read"], ["read", "write"]] : [["read", "write"], ["read"]]);
        expect(screen.getByRole("status")).toHaveTextContent(/^Check done: /);
        expect(excel.model.table("Conflicts")?.area.bottom).toBeGreaterThan(
          excel.model.table("Conflicts")?.area.top ?? 0,
        );
      },
    );
  });
});
