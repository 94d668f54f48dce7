/// <reference types="office-js" />
/**
 * Changes to the workbook's tables while the pane is open: `workbook.tables.onChanged`
 * (ExcelApi 1.7, any table of the workbook, with `source` "Local" for this Excel, "Remote" for a
 * co-author), and `onAdded` and `onDeleted` (ExcelApi 1.9, the manifest's minimum: a table added or
 * deleted, with the same `source`, so that a co-author's new table shows at once,
 * docs/excel-behaviour.md), subscribed once; and which of those changes the add-in made itself.
 *
 * Excel reports the add-in's own writes as "Local" changes like the user's typing, and the
 * table event has no `triggerSource` (only the worksheet event has it, from ExcelApi 1.14), so
 * the add-in marks its own writes: `OwnWrites.run` wraps every batch that writes, and a Local
 * change that arrives while one runs, or within `echoMs` after it ends (events come after the
 * sync that caused them), is taken as the add-in's own. Events can also come seconds late
 * (office-js issue 521): a Local change on cells the add-in itself wrote in the last
 * `fingerprintMs` (the areas applyOps reports through `noteWrite`) is the add-in's own too,
 * however late it comes. A Remote change is never the add-in's.
 */
import { CONFLICTS } from "../domain/layout";
import type { Area } from "../domain/sheetOps";
import { parseArea } from "./address";
import { runBatch, userError, type ExcelRun } from "./run";

export type ChangeSource = "Local" | "Remote";

export interface TableChange {
  source: ChangeSource;
  /** The table's name when it was known at subscription, else null (a table made since). */
  table: string | null;
  /** The changed cells on the table's sheet, as Excel reports them. */
  address: string;
}

/** Stops the pane from hearing about changes. */
export type Unsubscribe = () => void;

interface TableChangedArgs {
  source?: string;
  tableId?: string;
  address?: string;
}

/** Hears every change to a table the add-in did not make itself; `sheet`: the table's sheet when it was known. */
export type ChangeListener = (change: TableChange, sheet: string | null) => void;

/** A subscription queued in a batch: after its sync, `named` learns the tables' names from their collection. */
export interface QueuedWatch {
  named(tables: Excel.TableCollection): void;
  unsubscribe: Unsubscribe;
}

/** What onAdded and onDeleted hand a handler (Excel.TableAddedEventArgs, TableDeletedEventArgs: the part used). */
interface TableAddedArgs {
  source?: string;
}

/**
 * Queues the subscription of `listener` to every change to a table of the workbook, and to every table added
 * or deleted, in the batch under way (its sync registers them). The handlers
 * stay registered while the pane is open (Excel drops handlers when the pane closes); unsubscribing silences
 * them. `named` needs the tables' "items/id, items/name, items/worksheet/name" loaded.
 */
export function queueWatch(context: Excel.RequestContext, listener: ChangeListener): QueuedWatch {
  let active = true;
  const names = new Map<string, { name: string; sheet: string }>();
  const tables = context.workbook.tables;
  // A table added or deleted: no cells to name, so taken as the add-in's own only by its timing (OwnWrites.isOwn).
  const added = async (event: TableAddedArgs) => {
    if (active) listener({ source: event.source === "Remote" ? "Remote" : "Local", table: null, address: "" }, null);
  };
  tables.onAdded.add(added);
  tables.onDeleted.add(added);
  tables.onChanged.add(async (event: TableChangedArgs) => {
    if (!active) return;
    const known = event.tableId !== undefined ? names.get(event.tableId) : undefined;
    listener(
      {
        source: event.source === "Remote" ? "Remote" : "Local",
        table: known?.name ?? null,
        address: typeof event.address === "string" ? event.address : "",
      },
      known?.sheet ?? null,
    );
  });
  return {
    named: (tables) => {
      for (const table of tables.items) names.set(table.id, { name: table.name, sheet: table.worksheet.name });
    },
    unsubscribe: () => {
      active = false;
    },
  };
}

/** What a batch loads of the tables to name them in the changes (queueWatch's `named`). */
export const WATCHED_TABLES = "items/id, items/name, items/worksheet/name";

/** Subscribes `listener` to every change to a table of the workbook (see queueWatch): one sync of its own. */
export async function watchTables(excelRun: ExcelRun, listener: ChangeListener): Promise<Unsubscribe> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const tables = context.workbook.tables.load(WATCHED_TABLES);
      const watch = queueWatch(context, listener);
      await context.sync();
      watch.named(tables);
      return watch.unsubscribe;
    });
  } catch (error) {
    throw userError(error, "action.follow", "read");
  }
}

/** Changes that cannot alter what a check finds: the Conflicts table is the check's own output. */
export function isOutputOnly(change: TableChange): boolean {
  return change.table !== null && change.table.toLowerCase() === CONFLICTS.table.toLowerCase();
}

/** The OwnWrites whose run is under way: applyOps reports the cells it writes to it. */
let recording: OwnWrites | null = null;

/** Makes `target` the run that keeps the writes; gives the one it replaces. */
function recordInto(target: OwnWrites | null): OwnWrites | null {
  const previous = recording;
  recording = target;
  return previous;
}

/** Called by applyOps for every block of cells it writes; kept by the OwnWrites run under way, if any. */
export function noteWrite(sheet: string, area: Area): void {
  recording?.wrote(sheet, area);
}

function within(outer: Area, inner: Area): boolean {
  return (
    outer.top <= inner.top && inner.bottom <= outer.bottom && outer.left <= inner.left && inner.right <= outer.right
  );
}

/**
 * Marks the add-in's own writes, to tell their change events from the user's. Default echo
 * window: one second after a write ends; past it, a Local change is still the add-in's own when
 * it lies on cells the add-in wrote in the last `fingerprintMs` (30 seconds by default). The
 * price: an edit the user makes in that second, or on those very cells in those seconds, is not
 * taken as an edit (no automatic re-check for it; the next edit or Check picks it up).
 */
export class OwnWrites {
  private running = 0;
  private until = 0;
  private written: { sheet: string; area: Area; at: number }[] = [];

  constructor(
    private readonly now: () => number = () => Date.now(),
    readonly echoMs = 1000,
    readonly fingerprintMs = 30_000,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    const previous = recordInto(this);
    try {
      return await work();
    } finally {
      recordInto(previous);
      this.running--;
      this.until = this.now() + this.echoMs;
    }
  }

  /** Keeps where the add-in wrote (see noteWrite). */
  wrote(sheet: string, area: Area): void {
    const now = this.now();
    this.written = this.written.filter((w) => now - w.at < this.fingerprintMs);
    this.written.push({ sheet: sheet.toLowerCase(), area, at: now });
  }

  /** Whether the change (on `sheet`, where known) is (taken as) one the add-in wrote itself. */
  isOwn(change: TableChange, sheet: string | null = null): boolean {
    if (change.source !== "Local") return false;
    if (this.running > 0 || this.now() < this.until) return true;
    return sheet !== null && this.matchesWrite(change, sheet);
  }

  private matchesWrite(change: TableChange, on: string): boolean {
    if (!change.address) return false;
    let area: Area;
    try {
      area = parseArea(change.address);
    } catch {
      return false;
    }
    const now = this.now();
    const sheet = on.toLowerCase();
    return this.written.some((w) => w.sheet === sheet && now - w.at < this.fingerprintMs && within(w.area, area));
  }
}
