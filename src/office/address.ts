/** A1 addresses as Office.js hands them over ("'My sheet'!A1:F11") and as the adapter writes them. */
import { parseA1 } from "../domain/annotations";
import { a1 } from "../domain/tables";

/** A rectangle of cells, 1-based and inclusive. */
export interface Area {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** The sheet part of an address ("'It''s'!A1" → "It's"), or null when there is none. */
export function sheetOfAddress(address: string): string | null {
  const bang = address.lastIndexOf("!");
  if (bang < 0) return null;
  const sheet = address.slice(0, bang);
  return sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
}

/** "Sheet!B2:D5", "B2:D5" or "B2" → the area; throws on anything else (whole rows or columns). */
export function parseArea(address: string): Area {
  const local = address.slice(address.lastIndexOf("!") + 1);
  const [first = "", last = first] = local.split(":");
  const start = parseA1(first);
  const end = parseA1(last);
  if (start.row < 1 || start.column < 1 || end.row < 1 || end.column < 1) {
    throw new Error(`Excel returned an address the add-in cannot read: "${address}".`);
  }
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
