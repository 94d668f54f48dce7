/** The product's notes start with NOTE_MARK; every other note is the user's and is never touched. */
import type ExcelJS from "exceljs";
import { NOTE_MARK, type Note } from "../domain/annotations";
import { existingCells, noteText, removeNote } from "./excelModel";

export function removeProductNotes(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    for (const cell of existingCells(worksheet)) if (noteText(cell)?.startsWith(NOTE_MARK)) removeNote(cell);
  }
}

/** Adds each note, except on a cell that already has one (the user's). */
export function putNotes(workbook: ExcelJS.Workbook, notes: readonly Note[]): void {
  for (const note of notes) {
    const cell = workbook.getWorksheet(note.sheet)?.getCell(note.cell);
    if (cell && noteText(cell) === null) cell.note = note.text;
  }
}
