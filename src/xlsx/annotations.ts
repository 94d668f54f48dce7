/** Writes what a check describes (domain `describeAnnotations`) into an ExcelJS workbook. */
import type ExcelJS from "exceljs";
import type { Annotations } from "../domain/annotations";
import { putConflicts } from "./conflicts";
import { clearHighlights, putHighlights } from "./highlights";
import { putLists } from "./lists";
import { putNotes, removeProductNotes } from "./notes";

export function applyAnnotations(workbook: ExcelJS.Workbook, annotations: Annotations): void {
  clearAnnotations(workbook);
  if (annotations.highlights) putHighlights(workbook, annotations.highlights);
  putNotes(workbook, annotations.notes);
  putConflicts(workbook, annotations.conflicts);
  if (annotations.lists) putLists(workbook, annotations.lists);
}

/** Removes the flags, the product's conditional formats and notes; keeps the Conflicts table. */
export function clearAnnotations(workbook: ExcelJS.Workbook): void {
  clearHighlights(workbook);
  removeProductNotes(workbook);
}
