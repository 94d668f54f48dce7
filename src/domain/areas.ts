/** Blocks of cells and their A1 addresses, as the product writes them and Excel hands them over. */
import { a1 } from "./tables";

/** A block of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "E7" or "$E$7" → row and column; { row: 0, column: 0 } for anything else. */
export function parseA1(address: string): { row: number; column: number } {
  const match = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(address.trim());
  if (!match) return { row: 0, column: 0 };
  let column = 0;
  for (const ch of (match[1] ?? "").toUpperCase()) column = column * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

/** The sheet part of an address ("'It''s'!A1" → "It's"), or null when there is none. */
export function sheetOfAddress(address: string): string | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** "Sheet!B2:D5", "B2:D5" or "B2" → the area, or null for anything else (whole rows or columns). */
export function areaOfAddress(address: string): Area | null {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [first = "", last = first] = local.split(":");
  const start = parseA1(first);
  const end = parseA1(last);
  if (start.row < 1 || start.column < 1 || end.row < 1 || end.column < 1) return null;
  return {
    top: Math.min(start.row, end.row),
    left: Math.min(start.column, end.column),
    bottom: Math.max(start.row, end.row),
    right: Math.max(start.column, end.column),
  };
}

export function areaAddress(area: Area): string {
  const start = a1(area.top, area.left);
  const end = a1(area.bottom, area.right);
  return start === end ? start : `${start}:${end}`;
}

export function areaOf(top: number, left: number, rows: number, columns: number): Area {
  return { top, left, bottom: top + rows - 1, right: left + columns - 1 };
}

export function inArea(area: Area, row: number, column: number): boolean {
  return row >= area.top && row <= area.bottom && column >= area.left && column <= area.right;
}

export function sameArea(a: Area, b: Area): boolean {
  return a.top === b.top && a.left === b.left && a.bottom === b.bottom && a.right === b.right;
}

/** The parts of `outer` that `inner` does not cover, as at most four rectangles. */
export function subtractArea(outer: Area, inner: Area): Area[] {
  const overlap: Area = {
    top: Math.max(outer.top, inner.top),
    left: Math.max(outer.left, inner.left),
    bottom: Math.min(outer.bottom, inner.bottom),
    right: Math.min(outer.right, inner.right),
  };
  if (overlap.top > overlap.bottom || overlap.left > overlap.right) return [outer];
  const parts: Area[] = [];
  if (outer.top < overlap.top) parts.push({ ...outer, bottom: overlap.top - 1 });
  if (overlap.bottom < outer.bottom) parts.push({ ...outer, top: overlap.bottom + 1 });
  if (outer.left < overlap.left)
    parts.push({ top: overlap.top, bottom: overlap.bottom, left: outer.left, right: overlap.left - 1 });
  if (overlap.right < outer.right)
    parts.push({ top: overlap.top, bottom: overlap.bottom, left: overlap.right + 1, right: outer.right });
  return parts;
}

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}
