/// <reference types="office-js" />
/**
 * Setting up the secretariat's existing workbook (issue 12 item 7), as the core describes it
 * (describeSetUp): what the pane may offer on opening, "Convert to tables" and "Add the missing
 * tables". Each write is one read (two syncs: the state and the plain ranges) and one write sync.
 */
import { describeCreate, describeSetUp, rangeAddress, type SetUpWrite } from "../domain/write";
import { applyOps } from "./ops";
import { detectSupport, runBatch, userError, WorkbookError, type ExcelRun, type Support } from "./run";
import { readWorkbookState, type ReadStateOptions } from "./state";

/** What the pane may offer, in words: nothing here will fail when asked, as far as the read can tell. */
export interface SetUpFound {
  /** The input tables the workbook lacks. */
  missing: string[];
  /** The plain ranges "Convert to tables" makes tables: the table and where its range is ("Workplan!A1:F9"). */
  convert: { table: string; range: string }[];
  notConverted: string[];
  /** The missing tables "Add the missing tables" adds, each on a new sheet. */
  add: string[];
  notAdded: string | null;
  /** Why "Create" would refuse, when the workbook has none of the tables; else null. */
  notCreated: string | null;
}

export interface SetUpDone {
  tables: string[];
}

async function readSetUp(context: Excel.RequestContext, support: Support, known?: ReadStateOptions["known"]) {
  const read = await readWorkbookState(context, support, { noteCells: false, plain: true, known });
  return { read, setUp: describeSetUp(read.state) };
}

function found(setUp: SetUpWrite, notCreated: string | null): SetUpFound {
  return {
    missing: setUp.missing,
    convert: setUp.convert.ranges.map((r) => ({ table: r.table, range: rangeAddress(r) })),
    notConverted: setUp.notConverted,
    add: setUp.add.tables,
    notAdded: setUp.notAdded,
    notCreated,
  };
}

/**
 * In a batch that has found some input table missing, knowing which sheets and tables exist: what
 * setting up would do (two read-only syncs).
 */
export async function findSetUp(
  context: Excel.RequestContext,
  known: NonNullable<ReadStateOptions["known"]>,
): Promise<SetUpFound> {
  const { read, setUp } = await readSetUp(context, detectSupport(), known);
  const create = known.tables.length === 0 ? describeCreate(read.state) : null;
  return found(setUp, create && "refused" in create ? create.refused : null);
}

async function setUpWrite(excelRun: ExcelRun, part: "convert" | "add", action: string): Promise<SetUpDone> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, support.mergeUndo, async (context) => {
      const { read, setUp } = await readSetUp(context, support);
      const write = part === "convert" ? setUp.convert : setUp.add;
      const tables = "ranges" in write ? write.ranges.map((r) => r.table) : write.tables;
      if (tables.length === 0) {
        const why = part === "convert" ? setUp.notConverted.join(" ") : setUp.notAdded;
        throw new WorkbookError(why || "Nothing to do: the workbook has every table already.");
      }
      applyOps(context, write.ops, read.found, { support });
      await context.sync();
      return { tables };
    });
  } catch (error) {
    throw userError(error, action);
  }
}

/** "Convert to tables": the plain ranges of the layout's tables become tables under the layout's names. */
export function convertPlainRanges(excelRun: ExcelRun): Promise<SetUpDone> {
  return setUpWrite(excelRun, "convert", "convert the ranges to tables");
}

/** "Add the missing tables": the adopted tables that have neither a table nor a range, each on a new sheet. */
export function addMissingTables(excelRun: ExcelRun): Promise<SetUpDone> {
  return setUpWrite(excelRun, "add", "add the missing tables");
}
