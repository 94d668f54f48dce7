/// <reference types="office-js" />
/**
 * What the task pane asks of Excel besides checking, clearing and creating: which of the
 * layout's tables the workbook has (with the caption lines the last check left above the
 * Conflicts table), and going to the cell of a finding. One sync each.
 */
import { captionRows } from "../domain/annotations";
import { ALL_TABLES, CONFLICTS, INPUT_TABLES } from "../domain/layout";
import { parseArea } from "./address";
import { errorCode, runBatch, userError, WorkbookError, type ExcelRun } from "./run";
import type { SetUpFound } from "./setUp";
import { syncOrProbe } from "./state";

export interface TableFound {
  name: string;
  sheet: string;
}

export interface WorkbookTablesFound {
  /** The layout's tables that exist, in the layout's order. */
  found: TableFound[];
  /** The layout's tables that do not. */
  missing: string[];
  /**
   * The lines above the Conflicts table, as the last check (or "create") wrote them: when it was
   * checked and against which expected review ends. Empty when there is no Conflicts table or
   * nothing is written above it.
   */
  lastCheck: string[];
  /** What setting the workbook up would do, when an input table is missing (see setUp.ts); else absent. */
  setUp?: SetUpFound;
}

/** Queues the lines above the Conflicts table; after the sync, the non-blank ones (see lastCheck). */
export function queueLastCheck(
  context: Excel.RequestContext,
  exists: (table: string) => boolean = () => true,
): () => string[] {
  if (!exists(CONFLICTS.table)) return () => [];
  const conflicts = context.workbook.tables.getItemOrNullObject(CONFLICTS.table);
  const conflictsRange = conflicts.getRange();
  conflictsRange.load("address");
  const used = conflicts.worksheet.getUsedRangeOrNullObject(true);
  used.load("address, values");
  return () => {
    const lines: string[] = [];
    if (conflicts.isNullObject === true || used.isNullObject === true) return lines;
    const header = parseArea(conflictsRange.address);
    const area = parseArea(used.address);
    for (const row of captionRows(header.top)) {
      const value = used.values[row - area.top]?.[header.left - area.left];
      if (typeof value === "string" && value.trim() !== "") lines.push(value.trim());
    }
    return lines;
  };
}

/**
 * Setting a workbook up and creating one (setUp.ts, create.ts, the adopted tables and their source texts), loaded the
 * first time a workbook lacks an input table or the planner creates one: one chunk of its own in the pane's build, so
 * that opening a workbook that has its tables loads none of it.
 */
export const setUpModule = () => import(/* webpackChunkName: "set-up" */ "./setUp");
export const createModule = () => import(/* webpackChunkName: "set-up" */ "./create");

function known(sheets: Excel.WorksheetCollection, tables: Excel.TableCollection) {
  return { sheets: sheets.items.map((s) => s.name), tables: tables.items.map((t) => t.name) };
}

/**
 * Reads, in one sync, which of the layout's tables the workbook has; where an input table is
 * missing, what setting the workbook up would do, in two more (setUp.ts).
 */
export async function findTables(excelRun: ExcelRun): Promise<WorkbookTablesFound> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      // The workbook's tables as a collection (never a null object), with their sheets.
      const tables = context.workbook.tables;
      tables.load("items/name, items/worksheet/name");
      const sheets = context.workbook.worksheets.load("items/name");
      const lastCheck = await syncOrProbe(context, (exists) => queueLastCheck(context, exists), [CONFLICTS.table]);

      const found: TableFound[] = [];
      const missing: string[] = [];
      for (const layout of ALL_TABLES) {
        const table = tables.items.find((t) => t.name.toLowerCase() === layout.table.toLowerCase());
        if (table) found.push({ name: table.name, sheet: table.worksheet.name });
        else missing.push(layout.table);
      }
      const lines = lastCheck();
      if (!missing.some((name) => INPUT_TABLES.some((t) => t.table === name)))
        return { found, missing, lastCheck: lines };
      return {
        found,
        missing,
        lastCheck: lines,
        setUp: await (await setUpModule()).findSetUp(context, known(sheets, tables)),
      };
    });
  } catch (error) {
    throw userError(error, "read which tables the workbook has", "read");
  }
}

/** Activates the sheet and selects the cell, in one sync. */
export async function selectCell(excelRun: ExcelRun, sheet: string, cell: string): Promise<void> {
  try {
    await runBatch(excelRun, false, async (context) => {
      const worksheet = context.workbook.worksheets.getItem(sheet);
      worksheet.activate();
      worksheet.getRange(cell).select();
      await context.sync();
    });
  } catch (error) {
    if (errorCode(error) === "ItemNotFound") {
      throw new WorkbookError(
        `The sheet "${sheet}" is not in the workbook any more. Check again to bring the findings up to date.`,
      );
    }
    throw userError(error, `go to ${sheet}!${cell}`);
  }
}
