/**
 * What the pane can ask of the workbook: the Office.js adapter's operations bound to one
 * `Excel.run` (or a stand-in). The pane calls nothing else, so it holds no workplan logic; this
 * is the only file of src/taskpane that imports src/office or Office.js's types (a lint rule
 * holds the others to it).
 *
 * The port also keeps the two facts the live re-check needs: which changes the add-in wrote
 * itself (every operation that writes runs inside `OwnWrites.run`, and `watch` drops the change
 * events those writes raise), and how many other changes it has heard of (a check compares that
 * count between its read and its write, to skip a stale write).
 *
 * Save expected dates and Apply run with the check that follows them in one `Excel.run` (one
 * undo step); the pane's check right after is then that check, not another run of the engine,
 * as long as nothing changed in between.
 */
import type { ExpectedEndsEdit } from "../domain/apply";
import type { ProposalBasis } from "../domain/proposalBasis";
import type { ProposalSheet } from "../domain/proposalSheet";
import {
  applyProposalAndCheck,
  checkWorkbook,
  clearHighlights,
  createModule,
  isOutputOnly,
  OwnWrites,
  readFingerprint,
  readWorkbookMarked,
  saveExpectedEndsAndCheck,
  tablesFingerprint,
  selectCell,
  setUpModule,
  undoApply,
  watchTables,
  writeProposalSheet,
  type ApplyOutcome,
  type ChangeListener,
  type CheckOutcome,
  type ClearOutcome,
  type CreateOutcome,
  type DiagnosticsReport,
  type ExcelRun,
  type MarkedRead,
  type ProposalSheetWritten,
  type SetUpDone,
  type SetUpFound,
  type TableChange,
  type Unsubscribe,
  type UndoOutcome,
  type WorkbookRead,
} from "../office";
import type { WorkbookTables } from "../domain/tables";
import {
  documentSettings,
  keepCommandError,
  readCommandError,
  type CommandError,
  type DocumentSettings,
} from "../office/commandError";
import { hearRibbonChecks } from "../office/ribbonCheck";

export { isOutputOnly };
export type {
  ApplyOutcome,
  CommandError,
  CheckOutcome,
  ClearOutcome,
  CreateOutcome,
  DiagnosticsReport,
  ExcelRun,
  ExpectedEndsEdit,
  MarkedRead,
  ProposalBasis,
  ProposalSheetWritten,
  SetUpDone,
  SetUpFound,
  TableChange,
  Unsubscribe,
  UndoOutcome,
  WorkbookRead,
};

export interface PaneWorkbook {
  check(): Promise<CheckOutcome>;
  clearHighlights(): Promise<ClearOutcome>;
  create(): Promise<CreateOutcome>;
  /** Makes the plain ranges of the layout's tables Excel tables (`add` false), or adds the missing tables (true). */
  setUp(add: boolean): Promise<SetUpDone>;
  goTo(sheet: string, cell: string): Promise<void>;
  /**
   * Which tables there are, the tables, the engine's findings, whether the highlights show them and what setting the
   * workbook up would do, read without writing anything.
   */
  read(): Promise<MarkedRead>;
  saveExpectedEnds(ends: ReadonlyMap<number, number>): Promise<ExpectedEndsEdit>;
  writeProposal(sheet: ProposalSheet): Promise<ProposalSheetWritten>;
  apply(basis: ProposalBasis): Promise<ApplyOutcome>;
  /** Writes back exactly what the last Apply changed (kept on the very-hidden undo sheet). */
  undoApply(): Promise<UndoOutcome>;
  /**
   * Whether the input tables differ from those last read or checked, by a light read (one sync, no
   * write): for edits Excel raised no event for (a drop-down pick on the web, office-js 3888).
   */
  changedUnheard(): Promise<boolean>;
  /**
   * Calls `listener` for every change to a table that the add-in did not write itself. Subscribed in the sync of the
   * read asked for right after (opening), else in one sync of its own.
   */
  watch(listener: (change: TableChange) => void): Promise<Unsubscribe>;
  /** The error the ribbon's Check workplan button left in the document when it could not check, or null. */
  commandError(): CommandError | null;
  /** Calls `checked` after each ribbon check run in the pane's runtime (shared); gives the function that stops it. */
  hearRibbonChecks(checked: () => void): () => void;
  /** The clock of the checks: the check's time, and the year a blank "As of year" means. */
  now(): Date;
  /** Tries each Excel behaviour the add-in relies on, on scratch sheets it adds and removes. */
  diagnose(): Promise<DiagnosticsReport>;
}

/**
 * @param settings the document's settings, where the ribbon's button leaves the error of a check that failed;
 * every check that succeeds here clears it.
 */
export function officeWorkbook(
  excelRun: ExcelRun,
  now: () => Date = () => new Date(),
  own: OwnWrites = new OwnWrites(),
  settings: () => DocumentSettings | undefined = documentSettings,
): PaneWorkbook {
  let changes = 0;
  /** The input tables the pane last saw (read or checked): their names and fingerprint. */
  let seen: { names: string[]; print: string } | null = null;
  const see = <T extends { tables: WorkbookTables }>(outcome: T): T => {
    seen = { names: [...outcome.tables.values()].map((t) => t.name), print: tablesFingerprint(outcome.tables) };
    return outcome;
  };
  /** The live re-check's subscription, until a read makes it in its own sync (opening: one sync for both). */
  let waiting: { listener: ChangeListener; resolve(unsubscribe: Unsubscribe | Promise<Unsubscribe>): void } | null =
    null;
  /** The check a save or an apply just wrote, and the change count it saw. */
  let fresh: { outcome: CheckOutcome; changes: number } | null = null;
  const readOptions = () => ({ currentYear: now().getFullYear() });
  const checkOptions = { now, changes: () => changes };
  const keep = (outcome: CheckOutcome | null) => {
    fresh = outcome ? { outcome, changes } : null;
  };
  /** A check succeeded: the ribbon's error, if any, is out of date. */
  const checked = (outcome: CheckOutcome): CheckOutcome => {
    keepCommandError(settings(), null);
    return see(outcome);
  };
  return {
    check: () => {
      const done = fresh;
      fresh = null;
      if (done && done.changes === changes) return Promise.resolve(checked(done.outcome));
      return own.run(() => checkWorkbook(excelRun, checkOptions)).then(checked);
    },
    clearHighlights: () => own.run(() => clearHighlights(excelRun)),
    create: () => own.run(() => createModule().then((c) => c.createDefaultWorkbook(excelRun))),
    setUp: (add) => own.run(() => setUpModule().then((s) => s.setUpWorkbook(excelRun, add))),
    goTo: (sheet, cell) => selectCell(excelRun, sheet, cell),
    read: () => {
      const wait = waiting;
      waiting = null;
      let subscribed = false;
      const watch = wait && {
        listener: wait.listener,
        subscribed: (unsubscribe: Unsubscribe) => {
          subscribed = true;
          wait.resolve(unsubscribe);
        },
      };
      return readWorkbookMarked(excelRun, readOptions(), watch ?? undefined).then(see, (error: unknown) => {
        if (wait && !subscribed) wait.resolve(watchTables(excelRun, wait.listener));
        throw error;
      });
    },
    changedUnheard: async () => {
      const last = seen;
      if (!last) return false;
      // A table gone or renamed fails the light read: the full read that follows says what changed.
      return readFingerprint(excelRun, last.names).then(
        (print) => print !== last.print,
        () => true,
      );
    },
    saveExpectedEnds: (ends) =>
      own.run(async () => {
        const saved = await saveExpectedEndsAndCheck(excelRun, ends, readOptions(), checkOptions);
        keep(saved.check);
        return saved.edit;
      }),
    writeProposal: (sheet) => own.run(() => writeProposalSheet(excelRun, sheet)),
    apply: (basis) =>
      own.run(async () => {
        const { check, ...applied } = await applyProposalAndCheck(excelRun, basis, checkOptions);
        keep(check);
        return applied;
      }),
    undoApply: () => own.run(() => undoApply(excelRun)),
    watch: (listener) =>
      new Promise<Unsubscribe>((resolve) => {
        const heard: ChangeListener = (change, sheet) => {
          if (own.isOwn(change, sheet)) return;
          // The Conflicts table is the check's output: a change there makes no check stale.
          if (!isOutputOnly(change)) changes++;
          listener(change);
        };
        const wait = { listener: heard, resolve };
        waiting = wait;
        // The read that opening starts right after takes it into its sync; where none does, it subscribes alone.
        void Promise.resolve().then(() => {
          if (waiting !== wait) return;
          waiting = null;
          resolve(watchTables(excelRun, heard));
        });
      }),
    commandError: () => readCommandError(settings()),
    hearRibbonChecks,
    now,
    // Only IT runs the diagnostics: their code is a chunk of its own, loaded when asked.
    diagnose: () =>
      own.run(() =>
        import(/* webpackChunkName: "diagnostics" */ "../office/diagnostics").then((d) => d.runDiagnostics(excelRun)),
      ),
  };
}
