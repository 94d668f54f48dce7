import { parseA1 } from "../domain/annotations";

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** "B4:G12" (or a single cell "B4") as row and column numbers. */
export function parseRange(ref: string): CellRange {
  const [first = "", last = first] = ref.split(":");
  const start = parseA1(first);
  const end = parseA1(last);
  return { top: start.row, left: start.column, bottom: end.row, right: end.column };
}
