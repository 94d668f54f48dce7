/** Cell values between Office.js and the engine, in the shapes the ExcelJS adapter also produces. */
import type { CellValue } from "../domain/tables";

/**
 * What the engine sees for one cell, from Range.values and Range.valueTypes:
 * - an empty cell is null (Office.js reports ""), as ExcelJS reports it;
 * - numbers stay numbers and text stays text, so "2028" typed as text and 2028 typed as a number
 *   reach the engine as they are (both are valid years; the engine decides);
 * - an error (#N/A, #REF!, …) is its text, "#N/A", as the ExcelJS adapter reads it, so both
 *   report the same invalid value;
 * - anything else (a linked data type, …) is null, as the ExcelJS adapter has it.
 */
export function engineValue(value: unknown, type: string | undefined): CellValue {
  switch (type) {
    case "Empty":
      return null;
    case "Error":
      return typeof value === "string" ? value : "#VALUE!";
    case "String":
      return typeof value === "string" ? value : String(value ?? "");
    case "Double":
    case "Integer":
      return typeof value === "number" ? value : Number(value);
    case "Boolean":
      return typeof value === "boolean" ? value : value === true;
    default:
      // Unknown or rich values: keep plain text and numbers; anything else reads as blank.
      if (value === "" || value === null || value === undefined) return null;
      return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : null;
  }
}

export type Written = string | number | boolean;

/**
 * A value for Range.values. Office.js leaves a cell unchanged where the array holds null, so a
 * blank is written as "" to empty the cell.
 */
export function writtenValue(value: string | number | boolean | null | undefined): Written {
  return value === null || value === undefined ? "" : value;
}
