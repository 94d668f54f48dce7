/** A1 references within Excel's grid (1,048,576 rows, 16,384 columns); anything else is no reference. */
import type { Area } from "../../domain/sheetOps";

export const MAX_ROW = 1_048_576;
export const MAX_COLUMN = 16_384;

export interface CellAddress {
  row: number;
  column: number;
}

/** "B4" or "$B$4" → row 4, column 2; undefined for anything else (or outside the grid). */
export function parseCell(text: string): CellAddress | undefined {
  if (text.length > 16) return undefined;
  let i = 0;
  if (text[i] === "$") i++;
  let column = 0;
  const letterStart = i;
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i) & ~0x20;
    if (code < 65 || code > 90) break;
    column = column * 26 + (code - 64);
  }
  if (i === letterStart || i - letterStart > 3) return undefined;
  if (text[i] === "$") i++;
  const digits = text.slice(i);
  if (!/^[0-9]{1,7}$/.test(digits)) return undefined;
  const row = Number(digits);
  if (row < 1 || row > MAX_ROW || column > MAX_COLUMN) return undefined;
  return { row, column };
}

/** "A1:F20" (or one cell), corners put in order; a corner outside the grid is clamped to it. */
export function parseArea(text: string): Area | undefined {
  const [first = "", second = first, extra] = text.trim().split(":");
  if (extra !== undefined) return undefined;
  const a = parseCell(first) ?? clampCell(first);
  const b = parseCell(second) ?? clampCell(second);
  if (!a || !b) return undefined;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.column, b.column),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.column, b.column),
  };
}

/** A reference past the last row or column (`A1:F99999999`) as Excel's last row or column. */
function clampCell(text: string): CellAddress | undefined {
  const match = /^\$?([A-Za-z]{1,5})\$?([0-9]{1,12})$/.exec(text);
  if (!match) return undefined;
  let column = 0;
  for (const ch of (match[1] ?? "").toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  const row = Number(match[2]);
  if (row < 1) return undefined;
  return { row: Math.min(row, MAX_ROW), column: Math.min(column, MAX_COLUMN) };
}

export { areaAddress as areaName } from "../../domain/areas";
export { a1 as cellName } from "../../domain/tables";
