/**
 * The adopted workbook (docs/workbook.md): one sheet per table, lists, drop-downs, and the
 * (empty) flags sheet, which the add-in also makes at the start so that a check never has to
 * change a sheet's visibility.
 */
import ExcelJS from "exceljs";
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, NOT_CHECKED_CAPTION, TOPIC_LIST_NAME } from "../domain/annotations";
import { adoptedTables, ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS } from "../domain/defaults";
import { ARTICLES, CONFLICTS, WORKPLAN } from "../domain/layout";
import type { SheetTable } from "../domain/tables";
import { addConflictsSheet, addConflictsTable } from "./conflicts";
import { offerList, putLists } from "./lists";
import { columnsOf } from "../domain/write/create";
import { fittedHeight } from "../domain/write/sheets";
import { freezeAbove, setColumn, TABLE_STYLE, printToPageWidth } from "./style";

/** A row of one line of the default font (the height the description leaves as it is). */
const ONE_LINE = 18;

/** Drop-downs: which column of which table offers which list. */
const DROP_DOWNS = [
  { table: WORKPLAN.table, column: WORKPLAN.fixed, list: TOPIC_LIST_NAME },
  { table: WORKPLAN.table, column: WORKPLAN.flexible, list: FLEXIBLE_LIST_NAME },
  { table: ARTICLES.table, column: ARTICLES.topic, list: TOPIC_LIST_NAME },
];

function addInputSheet(workbook: ExcelJS.Workbook, table: SheetTable): void {
  const sheet = workbook.addWorksheet(table.sheet);
  sheet.addTable({
    name: table.name,
    ref: sheet.getCell(table.top, table.left).address,
    headerRow: true,
    style: { theme: TABLE_STYLE, showRowStripes: true },
    columns: table.headers.map((name) => ({ name: String(name), filterButton: true })),
    rows: table.rows,
  });
  const columns = columnsOf(table);
  columns.forEach(({ width, wrap }, i) => setColumn(sheet, table.left + i, width, wrap));
  [table.headers, ...table.rows].forEach((row, i) => {
    const height = fittedHeight(row, columns);
    if (height > ONE_LINE) sheet.getRow(table.top + i).height = height;
  });
  freezeAbove(sheet, table.top);
  printToPageWidth(sheet, table.top);
  for (const dropDown of DROP_DOWNS.filter((d) => d.table === table.name)) {
    const column = table.left + table.headers.indexOf(dropDown.column);
    offerList(sheet, dropDown.list, table.top + 1, table.top + table.rows.length, column);
  }
}

function addUncheckedConflicts(workbook: ExcelJS.Workbook, table: SheetTable): void {
  const sheet = addConflictsSheet(workbook, table.sheet);
  const place = { sheet, top: table.top, left: table.left, name: table.name, theme: TABLE_STYLE };
  addConflictsTable(place, { caption: NOT_CHECKED_CAPTION, headers: table.headers.map(String), rows: [] });
}

export function buildDefaultWorkbook(): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  for (const table of adoptedTables())
    (table.name === CONFLICTS.table ? addUncheckedConflicts : addInputSheet)(workbook, table);
  putLists(workbook, { topics: [...ADOPTED_TOPIC_LABELS], flexible: [...ADOPTED_FLEXIBLE_LABELS] });
  workbook.addWorksheet(FLAGS_SHEET, { state: "veryHidden" });
  return workbook;
}
