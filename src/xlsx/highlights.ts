/**
 * Highlights: the last check's flags on the very-hidden flags sheet, at the addresses of the
 * Workplan table body, and one conditional format per check that reads them. Only formats whose
 * formulas read the flags sheet are the product's; no other format is touched.
 */
import type ExcelJS from "exceljs";
import { FLAGS_SHEET, type Highlights } from "../domain/annotations";
import { conditionalFormats, existingCells, setConditionalFormats } from "./excelModel";
import { referencesFlags } from "./flags";
import { userTopPriority } from "./userParts";

function removeProductFormats(worksheet: ExcelJS.Worksheet): void {
  const kept = conditionalFormats(worksheet)
    .map((format) => ({
      ...format,
      rules: format.rules.filter((rule) => !(rule.formulae ?? []).some((f) => referencesFlags(String(f)))),
    }))
    .filter((format) => format.rules.length > 0);
  setConditionalFormats(worksheet, kept);
}

/** Empties the flags and removes the product's conditional formats from every sheet. */
export function clearHighlights(workbook: ExcelJS.Workbook): void {
  const flags = workbook.getWorksheet(FLAGS_SHEET);
  for (const cell of flags ? existingCells(flags) : []) cell.value = null;
  for (const worksheet of workbook.worksheets) removeProductFormats(worksheet);
}

export function putHighlights(workbook: ExcelJS.Workbook, highlights: Highlights): void {
  const flags = workbook.getWorksheet(FLAGS_SHEET) ?? workbook.addWorksheet(FLAGS_SHEET);
  flags.state = "veryHidden";
  highlights.flags.forEach((row, i) =>
    row.forEach((flag, j) => (flags.getCell(highlights.top + i, highlights.left + j).value = flag)),
  );
  const worksheet = workbook.getWorksheet(highlights.sheet);
  if (!worksheet) return;
  const first = userTopPriority(workbook, highlights.sheet) + 1;
  worksheet.addConditionalFormatting({
    ref: highlights.range,
    rules: highlights.rules.map((rule, i) => ({
      type: "expression",
      formulae: [rule.formula],
      priority: first + i,
      style: {
        fill: { type: "pattern", pattern: "solid", bgColor: { argb: `FF${rule.fill}` } },
        font: { color: { argb: `FF${rule.font}` } },
      },
    })),
  });
}
