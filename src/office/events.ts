/// <reference types="office-js" />
/**
 * Changes to the workbook's tables while the pane is open: `workbook.tables.onChanged`
 * (ExcelApi 1.7, any table of the workbook, with `source` "Local" for this Excel, "Remote" for a
 * co-author), subscribed once, and which of those changes the add-in made itself.
 *
 * Excel reports the add-in's own writes as "Local" changes like the user's typing, and the
 * table event has no `triggerSource` (only the worksheet event has it, from ExcelApi 1.14), so
 * the add-in marks its own writes: `OwnWrites.run` wraps every batch that writes, and a Local
 * change that arrives while one runs, or within `echoMs` after it ends (events come after the
 * sync that caused them), is taken as the add-in's own. A Remote change is never the add-in's.
 */
import { CONFLICTS } from "../domain/layout";
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

/**
 * Subscribes `listener` to every change to a table of the workbook: one sync, which also reads
 * the ids of the tables there are, to name them in the changes. The handler stays registered
 * while the pane is open (Excel drops handlers when the pane closes); unsubscribing silences it.
 */
export async function watchTables(excelRun: ExcelRun, listener: (change: TableChange) => void): Promise<Unsubscribe> {
  let active = true;
  try {
    await runBatch(excelRun, false, async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/id, items/name");
      const names = new Map<string, string>();
      tables.onChanged.add(async (event: TableChangedArgs) => {
        if (!active) return;
        listener({
          source: event.source === "Remote" ? "Remote" : "Local",
          table: (event.tableId !== undefined ? names.get(event.tableId) : undefined) ?? null,
          address: typeof event.address === "string" ? event.address : "",
        });
      });
      await context.sync();
      for (const table of tables.items) names.set(table.id, table.name);
    });
  } catch (error) {
    throw userError(error, "follow the changes to the workbook");
  }
  return () => {
    active = false;
  };
}

/** Changes that cannot alter what a check finds: the Conflicts table is the check's own output. */
export function isOutputOnly(change: TableChange): boolean {
  return change.table !== null && change.table.toLowerCase() === CONFLICTS.table.toLowerCase();
}

/**
 * Marks the add-in's own writes, to tell their change events from the user's. Default echo
 * window: one second after a write ends. The price: an edit the user makes in that second is not
 * taken as an edit (no automatic re-check for it; the next edit or Check picks it up).
 */
export class OwnWrites {
  private running = 0;
  private until = 0;

  constructor(
    private readonly now: () => number = () => Date.now(),
    readonly echoMs = 1000,
  ) {}

  async run<T>(work: () => Promise<T>): Promise<T> {
    this.running++;
    try {
      return await work();
    } finally {
      this.running--;
      this.until = this.now() + this.echoMs;
    }
  }

  /** Whether the change is (taken as) one the add-in wrote itself. */
  isOwn(change: TableChange): boolean {
    return change.source === "Local" && (this.running > 0 || this.now() < this.until);
  }
}
