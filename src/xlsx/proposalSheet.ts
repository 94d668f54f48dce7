/** Writes the proposal sheet for the Bureau (`Proposal YYYY-MM-DD`) into a workbook copy. */
import type ExcelJS from "exceljs";
import { CHANGED_FILL, PROPOSED_COLUMN, proposalColumns, type ProposalSheet } from "../domain/proposalSheet";
import { describeProposalSheetOps } from "../domain/write";
import { applyHeights, freezeAbove, setColumn, printToPageWidth } from "./style";

export function addProposalSheet(workbook: ExcelJS.Workbook, proposal: ProposalSheet): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(proposal.name);
  proposal.caption.forEach((line, i) => (sheet.getCell(i + 1, 1).value = line));
  sheet.getCell(1, 1).font = { bold: true, size: 14, name: "Calibri" };
  const headerRow = proposal.caption.length + 2;
  const header = sheet.getRow(headerRow);
  header.values = [...proposal.headers];
  header.font = { bold: true, name: "Calibri" };
  proposal.rows.forEach((values, i) => (sheet.getRow(headerRow + 1 + i).values = values));
  for (const i of proposal.changedRows) {
    const cell = sheet.getCell(headerRow + 1 + i, PROPOSED_COLUMN + 1);
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: `FF${CHANGED_FILL}` } };
    cell.font = { bold: true, name: "Calibri" };
  }
  proposalColumns(proposal).forEach((column, i) => {
    setColumn(sheet, i + 1, column.width, column.wrap);
    sheet.getColumn(i + 1).alignment = { wrapText: column.wrap || i === proposal.headers.length - 1, vertical: "top" };
  });
  let row = headerRow + proposal.rows.length + 1;
  for (const block of proposal.after ?? []) {
    sheet.getCell(row + 1, 1).value = block.title;
    sheet.getCell(row + 1, 1).font = { bold: true, name: "Calibri" };
    block.rows.forEach((values, i) => (sheet.getRow(row + 2 + i).values = values));
    row += 2 + block.rows.length;
  }
  applyHeights(sheet, describeProposalSheetOps(proposal));
  freezeAbove(sheet, headerRow);
  printToPageWidth(sheet, headerRow);
  return sheet;
}
