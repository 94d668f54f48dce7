/**
 * Whether the workbook's highlights show its findings as they stand: the flags the last check
 * wrote on the very-hidden flags sheet, compared with the flags a check would write now. The
 * pane reads them without writing (opening never writes) and says "not highlighted yet" when they
 * are absent or older than the data.
 */
import { highlightsFor } from "./annotations";
import type { CheckResult } from "./check";
import type { WorkbookTables } from "./tables";

/** "current": the highlights match the findings; "absent": none are written; "stale": they are older than the data. */
export type Marking = "current" | "absent" | "stale";

/** The flags sheet's cells that hold values, as read: its top-left cell (1-based) and values. */
export interface FlagsRead {
  top: number;
  left: number;
  values: readonly (readonly unknown[])[];
}

function flagAt(read: FlagsRead | null, row: number, column: number): number {
  const value = read?.values[row - read.top]?.[column - read.left];
  return typeof value === "number" ? value : 0;
}

function flagged(values: readonly (readonly unknown[])[]): number {
  return values.reduce<number>((n, row) => n + row.filter((v) => typeof v === "number" && v !== 0).length, 0);
}

export function markingOf(tables: WorkbookTables, result: CheckResult, read: FlagsRead | null): Marking {
  const expected = highlightsFor(tables, result.findings);
  // The cells' flags and, in the column after them, each row's flag (the row's tint).
  const want = (expected?.flags ?? []).map((row, r) => [...row, expected?.rowFlags[r] ?? 0]);
  const matches = want.every((row, r) =>
    row.every((flag, c) => flagAt(read, (expected?.top ?? 0) + r, (expected?.left ?? 0) + c) === flag),
  );
  // A flag outside the table as it stands (the table shrank) is a stale one too.
  const written = read ? flagged(read.values) : 0;
  if (matches && written === flagged(want)) return "current";
  return written > 0 ? "stale" : "absent";
}
