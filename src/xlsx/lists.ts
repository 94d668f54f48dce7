/** The drop-down lists: labels on the very-hidden lists sheet, reached through two defined names. */
import type ExcelJS from "exceljs";
import { FLEXIBLE_LIST_NAME, LISTS_SHEET, TOPIC_LIST_NAME, type DropDownLists } from "../domain/annotations";
import { a1, columnLetters } from "../domain/tables";
import { existingCells, validateRange } from "./excelModel";

const LIST_COLUMNS = [
  { name: TOPIC_LIST_NAME, column: 1, labels: (lists: DropDownLists) => lists.topics },
  { name: FLEXIBLE_LIST_NAME, column: 2, labels: (lists: DropDownLists) => lists.flexible },
];

/** `'WorkplanLists'!$A$1:$A$10`; an empty list still names one (blank) cell. */
function listRange(column: number, length: number): string {
  const letters = columnLetters(column);
  return `'${LISTS_SHEET}'!$${letters}$1:$${letters}$${Math.max(1, length)}`;
}

export function putLists(workbook: ExcelJS.Workbook, lists: DropDownLists): void {
  const sheet = workbook.getWorksheet(LISTS_SHEET) ?? workbook.addWorksheet(LISTS_SHEET);
  sheet.state = "veryHidden";
  for (const cell of existingCells(sheet)) cell.value = null;
  const names = LIST_COLUMNS.map(({ name }) => name);
  const kept = workbook.definedNames.model.filter((definedName) => !names.includes(definedName.name));
  const ours = LIST_COLUMNS.map(({ name, column, labels }) => {
    labels(lists).forEach((label, i) => (sheet.getCell(i + 1, column).value = label));
    return { name, ranges: [listRange(column, labels(lists).length)] };
  });
  workbook.definedNames.model = [...kept, ...ours];
}

/** Data validation offering a list, without refusing other accepted forms typed by hand. */
export function offerList(
  worksheet: ExcelJS.Worksheet,
  listName: string,
  top: number,
  bottom: number,
  column: number,
): void {
  validateRange(worksheet, `${a1(top, column)}:${a1(bottom, column)}`, {
    type: "list",
    allowBlank: true,
    formulae: [listName],
    showErrorMessage: false,
  });
}
