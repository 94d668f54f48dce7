/// <reference types="office-js" />
/**
 * "Create workbook": every table of the adopted defaults on its own sheet, the drop-down lists
 * and their named ranges, and the very-hidden flags sheet. One sync reads what is in the way,
 * one sync writes. It never overwrites a sheet or a table: it stops and names what is there.
 */
import {
  captionRows,
  FLAGS_SHEET,
  FLEXIBLE_LIST_NAME,
  LISTS_SHEET,
  NOT_CHECKED_CAPTION,
  TOPIC_LIST_NAME,
} from "../domain/annotations";
import { ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS, adoptedTables } from "../domain/defaults";
import { ARTICLES, CONFLICTS, WORKPLAN } from "../domain/layout";
import type { SheetTable } from "../domain/tables";
import { areaAddress, areaOf } from "./address";
import { writtenValue, type Written } from "./cells";
import { queueHelperSheet, queueNamedList } from "./read";
import { runBatch, userError, WorkbookError, type ExcelRun } from "./run";
import { helperSheet, queueLists, setCells } from "./write";

export interface CreateOutcome {
  /** The sheets added, in order. */
  sheets: string[];
  tables: string[];
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

/** The refusal message: what is in the way and what to do. */
export function inTheWayMessage(sheets: readonly string[], tables: readonly { name: string; sheet: string }[]): string {
  const things = [
    ...sheets.map((s) => `the sheet "${s}"`),
    ...tables.map((t) => `the table "${t.name}" (on sheet "${t.sheet}")`),
  ];
  const one = things.length === 1;
  return (
    `Cannot create the workbook: ${list(things)} already ${one ? "exists" : "exist"}, and creating never overwrites anything. ` +
    `Open a new blank workbook and create it there, or rename or delete ${one ? "it" : "them"} first.`
  );
}

/** Drop-downs: which column of which table offers which list (as the ExcelJS adapter has them). */
const DROP_DOWNS = [
  { table: WORKPLAN.table, column: WORKPLAN.fixed, list: TOPIC_LIST_NAME },
  { table: WORKPLAN.table, column: WORKPLAN.flexible, list: FLEXIBLE_LIST_NAME },
  { table: ARTICLES.table, column: ARTICLES.topic, list: TOPIC_LIST_NAME },
];

function tableValues(table: SheetTable): Written[][] {
  const body = table.rows.length > 0 ? table.rows : [table.headers.map(() => null)];
  return [
    table.headers.map((h) => writtenValue(h as string)),
    ...body.map((row) => row.map((v) => writtenValue(v as string | number | null))),
  ];
}

function queueDropDown(sheet: Excel.Worksheet, table: SheetTable, header: string, listName: string): void {
  const column = table.headers.indexOf(header);
  if (column < 0 || table.rows.length === 0) return;
  const left = table.left + column;
  const validation = sheet.getRange(areaAddress(areaOf(table.top + 1, left, table.rows.length, 1))).dataValidation;
  validation.rule = { list: { inCellDropDown: true, source: `=${listName}` } };
  // The list helps; it does not forbid: "3", "Topic 3" and "Other: …" are valid entries too.
  validation.ignoreBlanks = true;
  validation.errorAlert = { showAlert: false, style: "Information", title: "", message: "" };
}

export async function createDefaultWorkbook(excelRun: ExcelRun): Promise<CreateOutcome> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const tables = adoptedTables();
      const sheetNames = [...new Set(tables.map((t) => t.sheet))];
      const sheets = sheetNames.map((name) => context.workbook.worksheets.getItemOrNullObject(name).load("name"));
      const existing = tables.map((t) => {
        const found = context.workbook.tables.getItemOrNullObject(t.name).load("name");
        found.worksheet.load("name");
        return found;
      });
      const lists = queueHelperSheet(context, LISTS_SHEET);
      const flags = queueHelperSheet(context, FLAGS_SHEET);
      const topics = queueNamedList(context, TOPIC_LIST_NAME);
      const flexible = queueNamedList(context, FLEXIBLE_LIST_NAME);
      await context.sync();

      const sheetsInTheWay = sheets.filter((s) => s.isNullObject !== true).map((s) => s.name);
      const tablesInTheWay = existing
        .filter((t) => t.isNullObject !== true)
        .map((t) => ({ name: t.name, sheet: t.worksheet.name }));
      if (sheetsInTheWay.length > 0 || tablesInTheWay.length > 0)
        throw new WorkbookError(inTheWayMessage(sheetsInTheWay, tablesInTheWay));

      const added = new Map<string, Excel.Worksheet>();
      for (const name of sheetNames) added.set(name, context.workbook.worksheets.add(name));
      for (const table of tables) {
        const sheet = added.get(table.sheet);
        if (!sheet) continue;
        const values = tableValues(table);
        const address = areaAddress(areaOf(table.top, table.left, values.length, table.headers.length));
        setCells(sheet.getRange(address), values);
        sheet.tables.add(address, true).name = table.name;
        sheet.getRange(address).format.autofitColumns();
        sheet.freezePanes.freezeRows(table.top);
        for (const dropDown of DROP_DOWNS.filter((d) => d.table === table.name))
          queueDropDown(sheet, table, dropDown.column, dropDown.list);
        if (table.name === CONFLICTS.table) {
          captionRows(table.top).forEach((row, i) =>
            setCells(sheet.getRange(areaAddress(areaOf(row, table.left, 1, 1))), [[NOT_CHECKED_CAPTION[i] ?? ""]]),
          );
        }
      }
      queueLists(
        context,
        lists(),
        { topics: topics(), flexible: flexible() },
        { topics: [...ADOPTED_TOPIC_LABELS], flexible: [...ADOPTED_FLEXIBLE_LABELS] },
      );
      // The flags sheet exists from the start, so that a check need not change a sheet's visibility.
      const flagsState = flags();
      if (!flagsState.exists || !flagsState.veryHidden) helperSheet(context, flagsState);
      added.get(WORKPLAN.sheet)?.activate();
      await context.sync();
      return { sheets: sheetNames, tables: tables.map((t) => t.name) };
    });
  } catch (error) {
    throw userError(error, "create the workbook");
  }
}
