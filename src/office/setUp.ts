/// <reference types="office-js" />
/**
 * Setting up the secretariat's existing workbook (issue 12 item 7), as the core describes it
 * (describeSetUp): what the pane may offer on opening, "Convert to tables" and "Add the missing
 * tables". Each write is one read (two syncs: the state and the plain ranges) and one write sync.
 */
import { HEAD_ROWS } from "../domain/setUp";
import type { PlainRead } from "../domain/sheetOps";
import { describeCreate } from "../domain/write";
import { describeSetUp, rangeAddress } from "../domain/write/setUp";
import { parseArea } from "./address";
import { applyOps } from "./ops";
import { detectSupport, runBatch, userError, WorkbookError, type ExcelRun, type Support } from "./run";
import { readWorkbookState, type Existence, type ReadStateOptions } from "./state";
import { officeText } from "./messages";

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

/**
 * The first rows of every sheet's used cells (the product's very hidden sheets aside), where
 * every table is and every defined name, in one read-only sync. Worksheet.getUsedRange returns
 * the top-left cell of a blank sheet rather than a null object, so nothing is reached through one.
 */
export async function readPlain(context: Excel.RequestContext, existence: Existence): Promise<PlainRead> {
  const sheets = existence.sheets.items.filter((sheet) => sheet.visibility !== "VeryHidden");
  const heads = sheets.map((sheet) => {
    const used = sheet.getUsedRange(true).load("address");
    const rows = used
      .getRow(0)
      .getResizedRange(HEAD_ROWS - 1, 0)
      .load("values");
    return { sheet: sheet.name, used, rows };
  });
  const tables = existence.tables.items.map((table) => ({ table, range: table.getRange().load("address") }));
  await context.sync();
  return {
    heads: heads.map(({ sheet, used, rows }) => {
      const area = parseArea(used.address);
      return { sheet, top: area.top, left: area.left, rows: rows.values, bottom: area.bottom };
    }),
    tables: tables.map(({ table, range }) => ({
      name: table.name,
      sheet: table.worksheet.name,
      area: parseArea(range.address),
    })),
    names: existence.names.items.map((item) => item.name),
  };
}

async function readSetUp(context: Excel.RequestContext, support: Support, known?: ReadStateOptions["known"]) {
  const read = await readWorkbookState(context, support, { noteCells: false, plain: readPlain, known });
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
        throw new WorkbookError(
          (add ? setUp.notAdded : setUp.notConverted.join(" ")) || officeText("refused.nothingToSetUp"),
        );
      applyOps(context, write.ops, read.found, { support });
      await context.sync();
      return { tables: write.tables };
    });
  } catch (error) {
    throw userError(error, add ? "action.add" : "action.convert");
  }
}
