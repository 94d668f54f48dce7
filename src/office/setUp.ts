/// <reference types="office-js" />
/**
 * Setting up the secretariat's existing workbook (issue 12 item 7), as the core describes it
 * (describeSetUp): what the pane may offer on opening, "Convert to tables" and "Add the missing
 * tables". Each write is one read (two syncs: the state and the plain ranges) and one write sync.
 */
import { describeCreate, describeSetUp, rangeAddress } from "../domain/write";
import { applyOps } from "./ops";
import { detectSupport, runBatch, userError, WorkbookError, type ExcelRun, type Support } from "./run";
import { readWorkbookState, type ReadStateOptions } from "./state";

/** What the pane may offer, in words: nothing here will fail when asked, as far as the read can tell. */
export interface SetUpFound {
  /** The input tables the workbook lacks. */
  missing: string[];
  /** The plain ranges "Convert to tables" makes tables: "Workplan (Workplan!A1:F9)". */
  convert: string[];
  /** The missing tables "Add the missing tables" adds, each on a new sheet. */
  add: string[];
  /** Why a range is not converted or a table not added, one line each. */
  why: string[];
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
  return {
    missing: setUp.missing,
    convert: setUp.convert.ranges.map((r) => `${r.table} (${rangeAddress(r)})`),
    add: setUp.add.tables,
    why: [...setUp.notConverted, ...(setUp.notAdded ? [setUp.notAdded] : [])],
    notCreated: create && "refused" in create ? create.refused : null,
  };
}

/** "Convert to tables" (`add` false) or "Add the missing tables" (`add` true), in one read and one write. */
export async function setUpWorkbook(excelRun: ExcelRun, add: boolean): Promise<SetUpDone> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, support.mergeUndo, async (context) => {
      const { read, setUp } = await readSetUp(context, support);
      const write = add ? setUp.add : { ...setUp.convert, tables: setUp.convert.ranges.map((r) => r.table) };
      if (write.tables.length === 0)
        throw new WorkbookError((add ? setUp.notAdded : setUp.notConverted.join(" ")) || "Nothing to set up.");
      applyOps(context, write.ops, read.found, { support });
      await context.sync();
      return { tables: write.tables };
    });
  } catch (error) {
    throw userError(error, add ? "add the missing tables" : "convert the ranges to tables");
  }
}
