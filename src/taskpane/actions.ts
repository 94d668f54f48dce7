/**
 * The pane's requests: what each asks of the workbook port and the events it reports to the
 * state (state.ts). One request at a time: it starts, reports its outcome or fails, and
 * finishes; any error becomes the message bar. No React here; Pane.tsx binds them to the view.
 */
import { checkTime } from "../domain/annotations";
import type { ProposalBasis } from "../domain/proposalBasis";
import { describeProposalSheet } from "../domain/proposalSheet";
import { message } from "./messages";
import { saveAutoCheck } from "./preferences";
import type { Busy, CheckedAfter, PaneEvent, WorkbookSeen } from "./state";
import type { CheckOutcome, PaneWorkbook } from "./workbook";

export type Dispatch = (event: PaneEvent) => void;

export interface PaneActions {
  open(): Promise<void>;
  check(): Promise<void>;
  /** A co-author changed the workbook (or, `unheard`, it changed without an event): read it again, writing nothing. */
  refresh(unheard?: boolean): Promise<void>;
  /** The ribbon's Check workplan ran in this runtime: read what it wrote, and its error if it failed. */
  ribbonChecked(): Promise<void>;
  clear(): Promise<void>;
  create(): Promise<void>;
  /** Converts the plain ranges to tables, or adds the missing tables, then reads the workbook again. */
  setUp(add: boolean): Promise<void>;
  goTo(sheet: string, cell: string): Promise<void>;
  saveExpected(slips: ReadonlyMap<number, number>): Promise<void>;
  writeProposal(basis: ProposalBasis): Promise<void>;
  apply(basis: ProposalBasis): Promise<void>;
  /** Writes back what the last Apply changed, then checks. */
  undoApply(): Promise<void>;
  switchAutoCheck(on: boolean): void;
  /** Whether a request is running (the live re-check waits for it). */
  busy(): boolean;
}

function messageOf(error: unknown): string {
  return error instanceof Error && error.message ? error.message : String(error);
}

function seenByCheck(checked: CheckOutcome): WorkbookSeen {
  return {
    tables: checked.tables,
    result: checked.result,
    lastCheck: checked.annotations.conflicts.caption,
    marking: "current",
  };
}

export function paneActions(workbook: PaneWorkbook, dispatch: Dispatch): PaneActions {
  let running = false;

  /** "Could not check the workbook. Excel refused the change: …" → "Excel refused the change: …". */
  function reasonOf(error: unknown): string {
    return messageOf(error).replace(/^Could not [^.]*\.\s*/, "");
  }

  /** Runs one request at a time (one asked for while another runs is dropped); `failure`: the error bar's title. */
  async function run(busy: Busy, failure: string, work: () => Promise<void>): Promise<void> {
    if (running) return;
    running = true;
    dispatch({ type: "started", busy });
    try {
      await work();
    } catch (error) {
      dispatch({ type: "failed", title: failure, message: messageOf(error) });
    } finally {
      running = false;
      dispatch({ type: "finished" });
    }
  }

  /** The check that writes the highlights, after a Check, a save or an apply. */
  async function checkAfter(after: CheckedAfter): Promise<void> {
    dispatch({ type: "checked", after, checked: seenByCheck(await workbook.check()) });
  }

  /** Which tables the workbook has, what setting it up would do, and its findings: one read. */
  async function look(): Promise<void> {
    dispatch({ type: "read", read: await workbook.read() });
  }

  return {
    open: () =>
      run("opening", message("failed.open"), async () => {
        // Shown once, on opening: the next check that succeeds clears it from the document.
        const ribbon = workbook.commandError();
        if (ribbon) dispatch({ type: "commandFailed", message: ribbon.message, at: ribbon.at });
        await look();
      }),
    setUp: (add) =>
      run(add ? "adding" : "converting", message(add ? "failed.add" : "failed.convert"), async () => {
        const done = await workbook.setUp(add);
        dispatch({ type: "setUpDone", added: add, tables: done.tables });
        await look();
      }),
    // When Excel refuses the write (a read-only file, a protected sheet), the findings are read again and
    // listed, with one line saying why they are not highlighted; only a failing read is an error bar.
    check: () =>
      run("checking", message("failed.check"), async () => {
        try {
          await checkAfter("check");
        } catch (error) {
          const reason = reasonOf(error);
          await look();
          dispatch({ type: "notWritten", reason });
        }
      }),
    refresh: (unheard = false) =>
      run("refreshing", message(unheard ? "failed.open" : "failed.refresh"), async () => {
        dispatch({ type: "refreshed", read: await workbook.read(), unheard });
      }),
    ribbonChecked: () =>
      run("refreshing", message("failed.open"), async () => {
        const error = workbook.commandError();
        dispatch({ type: "refreshed", read: await workbook.read(), ribbon: { error } });
      }),
    clear: () =>
      run("clearing", message("failed.clear"), async () => {
        const { rulesRemoved, notesRemoved } = await workbook.clearHighlights();
        dispatch({ type: "cleared", rulesRemoved, notesRemoved });
      }),
    create: () =>
      run("creating", message("failed.create"), async () => {
        const created = await workbook.create();
        dispatch({ type: "created", sheets: created.sheets });
        await look();
      }),
    goTo: (sheet, cell) =>
      run("going", message("failed.goTo", { sheet, cell }), async () => {
        await workbook.goTo(sheet, cell);
        dispatch({ type: "wentTo", sheet, cell });
      }),
    saveExpected: (slips) =>
      run("saving", message("failed.save"), async () => {
        const saved = await workbook.saveExpectedEnds(slips);
        dispatch({ type: "expectedEndsSaved", changes: saved.changes });
        await checkAfter("save");
      }),
    writeProposal: (basis) =>
      run("writing", message("failed.write"), async () => {
        const now = workbook.now();
        const when = { date: now.toISOString().slice(0, 10), time: checkTime(now) };
        const written = await workbook.writeProposal(describeProposalSheet(basis.proposal, basis.plan, when, []));
        dispatch({ type: "proposalWritten", sheet: written.name });
      }),
    apply: (basis) => {
      dispatch({ type: "applyConfirmed" });
      return run("applying", message("failed.apply"), async () => {
        const applied = await workbook.apply(basis);
        const { edit, expectedEnds } = applied;
        const counts = { fixedTopics: edit.cells.length, meetingsAppended: edit.rows.length };
        dispatch({ type: "applied", ...counts, expectedEnds: expectedEnds.cells.length });
        await checkAfter("apply");
      });
    },
    undoApply: () =>
      run("undoing", message("failed.undo"), async () => {
        const { restored } = await workbook.undoApply();
        dispatch({ type: "applyUndone", restored });
        await checkAfter("undo");
      }),
    switchAutoCheck: (on) => {
      saveAutoCheck(on);
      dispatch({ type: "autoCheckSwitched", on });
    },
    busy: () => running,
  };
}
