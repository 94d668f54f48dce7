/// <reference types="office-js" />
/**
 * What the pane reads on opening and on every refresh, in one sync and writing nothing: which of
 * the layout's tables there are, the input tables, the last check's lines, the flags the last check
 * left on the very-hidden flags sheet (to tell whether the workbook's highlights show the findings
 * as they stand), and whether the last Apply kept the workplan from before it (Undo apply); where an
 * input table is missing, what setting the workbook up would do (two more syncs, setUp.ts). And,
 * lighter, only the input tables' fingerprint, for the pane to tell whether they changed unheard
 * (a drop-down pick on the web).
 */
import { FLAGS_SHEET, LISTS_SHEET } from "../domain/annotations";
import { ALL_TABLES, INPUT_TABLES } from "../domain/layout";
import { UNDO_SHEET } from "../domain/write";
import { checkWorkbook as checkTables } from "../domain/check";
import { markingOf, type FlagsRead, type Marking } from "../domain/marking";
import type { ReadOptions } from "../domain/read";
import { tablesByName, type WorkbookTables } from "../domain/tables";
import { parseArea } from "./address";
import { queueLastCheck, setUpModule } from "./pane";
import { queueWatch, WATCHED_TABLES, type ChangeListener, type Unsubscribe } from "./events";
import { fingerprint, queueInputTables } from "./tables";
import { runBatch, userError, visibilityClearsUndo, type ExcelRun } from "./run";
import type { SetUpFound } from "./setUp";
import { refusedNullChain } from "./state";
import { queueSnapshot } from "./undoApply";
import type { WorkbookRead } from "./whatIf";

export interface MarkedRead extends WorkbookRead {
  /** Whether the workbook's highlights show these findings. */
  marking: Marking;
  /** Whether the workbook keeps the workplan from before an Apply (Undo apply is offered). */
  canUndoApply: boolean;
  /** Whether the workbook has any of the layout's tables. */
  hasTables: boolean;
  /** What setting the workbook up would do, when an input table is missing; else null. */
  setUp: SetUpFound | null;
  /** The next check adds the very hidden helper sheets, which clears the user's undo history on this host. */
  clearsUndo: boolean;
}

/** The live re-check's subscription to the tables' changes, made in the read's own sync (opening: one sync). */
export interface ReadWatch {
  listener: ChangeListener;
  subscribed(unsubscribe: Unsubscribe): void;
}

function queueFlags(context: Excel.RequestContext): () => FlagsRead | null {
  const used = context.workbook.worksheets.getItemOrNullObject(FLAGS_SHEET).getUsedRangeOrNullObject(true);
  used.load("address, values");
  return () => {
    if (used.isNullObject === true) return null;
    const area = parseArea(used.address);
    return { top: area.top, left: area.left, values: used.values };
  };
}

/** Which tables and sheets exist: all of them until a probe says otherwise. */
interface Exists {
  table(name: string): boolean;
  sheet(name: string): boolean;
}

function queueMarked(context: Excel.RequestContext, exists: Exists) {
  return {
    inputs: queueInputTables(context, exists.table),
    lastCheck: queueLastCheck(context, exists.table),
    flags: exists.sheet(FLAGS_SHEET) ? queueFlags(context) : () => null,
    kept: exists.sheet(UNDO_SHEET) ? queueSnapshot(context) : () => null,
  };
}

/**
 * Queues the names of the workbook's tables and sheets (collections, never null objects), and the subscription to
 * the tables' changes when one is asked for; after the sync, the names, the subscription told them.
 */
function queueNames(context: Excel.RequestContext, watch?: ChangeListener) {
  const tables = context.workbook.tables.load(WATCHED_TABLES);
  const sheets = context.workbook.worksheets.load("items/name");
  const watching = watch ? queueWatch(context, watch) : null;
  return {
    watching,
    names: () => {
      watching?.named(tables);
      return { tables: tables.items.map((t) => t.name), sheets: sheets.items.map((s) => s.name) };
    },
  };
}

function existsIn(names: { tables: readonly string[]; sheets: readonly string[] }): Exists {
  const has = (items: readonly string[]) => {
    const set = new Set(items.map((name) => name.toLowerCase()));
    return (name: string) => set.has(name.toLowerCase());
  };
  return { table: has(names.tables), sheet: has(names.sheets) };
}

/**
 * Reads which tables there are, the tables, the last check's lines and its flags, and runs the engine, in
 * one sync, which also subscribes `watch` to the tables' changes; writes nothing. Where the host refuses to
 * reach through a missing table or sheet (the helper sheets before the first check), it reads the names
 * again (and subscribes) in one more sync and then only what exists. Where an input table is missing, what
 * setting up would do, in two more.
 */
export async function readWorkbookMarked(
  excelRun: ExcelRun,
  options: ReadOptions,
  watch?: ReadWatch,
): Promise<MarkedRead> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      let named = queueNames(context, watch?.listener);
      let queued = queueMarked(context, { table: () => true, sheet: () => true });
      try {
        await context.sync();
      } catch (error) {
        if (!refusedNullChain(error)) throw error;
        // Whether the refused batch registered the handler or not, it stays silent: the next one hears.
        named.watching?.unsubscribe();
        named = queueNames(context, watch?.listener);
        await context.sync();
        queued = queueMarked(context, existsIn(named.names()));
        await context.sync();
      }
      const known = named.names();
      if (named.watching) watch?.subscribed(named.watching.unsubscribe);
      const { inputs, lastCheck, flags, kept } = queued;
      const tables = tablesByName(inputs());
      const result = checkTables(tables, options);
      const marking = markingOf(tables, result, flags());
      const exists = existsIn(known);
      const has = exists.table;
      const setUp = INPUT_TABLES.every((t) => has(t.table))
        ? null
        : await (await setUpModule()).findSetUp(context, known);
      const hasTables = ALL_TABLES.some((t) => has(t.table));
      const clearsUndo = visibilityClearsUndo() && ![FLAGS_SHEET, LISTS_SHEET].every(exists.sheet);
      const canUndoApply = kept() !== null;
      return { tables, result, lastCheck: lastCheck(), marking, canUndoApply, hasTables, setUp, clearsUndo };
    });
  } catch (error) {
    throw userError(error, "action.read", "read");
  }
}

/** The fingerprint (tables.ts) of tables the pane holds, to compare with readFingerprint's. */
export function tablesFingerprint(tables: WorkbookTables): string {
  return fingerprint([...tables.values()]);
}

/**
 * The fingerprint of the input tables named (those the pane last saw, so none is reached through a
 * null object), in one sync writing nothing: the pane's light re-read when it regains focus.
 */
export function readFingerprint(excelRun: ExcelRun, names: readonly string[]): Promise<string> {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return runBatch(excelRun, false, async (context) => {
    const inputs = queueInputTables(context, (table) => wanted.has(table.toLowerCase()));
    await context.sync();
    return fingerprint(inputs());
  });
}
