/**
 * Setting up the secretariat's existing workbook (issue 12 item 7): "Convert to tables" makes
 * the plain ranges of the layout's tables Excel tables under the layout's names, keeping their
 * headers, values and formats; "Add the missing tables" adds the adopted tables that have
 * neither a table nor a plain range, each on a new sheet of its own. Neither overwrites a sheet,
 * a table, a name or a user's cell: what cannot be done is named, and only what can is offered.
 */
import { areaAddress } from "../areas";
import { findPlainRanges, missingTables, type PlainRange } from "../setUp";
import type { SheetOp, WorkbookState } from "../sheetOps";
import { listPhrase } from "../wording";
import { createdTables, inputSheetOps } from "./create";
import { ensureSheet, findSheet } from "./sheets";
import { sheetText } from "../messages/sheets";

export interface SetUpWrite {
  /** The input tables the workbook lacks, in the layout's order. */
  missing: string[];
  /** The plain ranges "Convert to tables" makes tables, and its ops (empty: nothing to offer). */
  convert: { ranges: PlainRange[]; ops: SheetOp[] };
  /** Why a plain range cannot be converted, one line each. */
  notConverted: string[];
  /** The missing tables "Add the missing tables" adds, and its ops (empty: nothing to offer). */
  add: { tables: string[]; ops: SheetOp[] };
  /** Why missing tables without a plain range cannot be added, or null. */
  notAdded: string | null;
}

/** "Workplan!A1:F9", for people to read. */
export function rangeAddress(range: Pick<PlainRange, "sheet" | "area">): string {
  return `${range.sheet}!${areaAddress(range.area)}`;
}

function taken(state: WorkbookState, name: string): boolean {
  const key = name.toLowerCase();
  const plain = state.plain;
  return (
    (plain?.names ?? []).some((n) => n.toLowerCase() === key) ||
    (plain?.tables ?? []).some((t) => t.name.toLowerCase() === key)
  );
}

function describeConvert(state: WorkbookState, ranges: readonly PlainRange[]) {
  const convertible: PlainRange[] = [];
  const notConverted: string[] = [];
  for (const table of [...new Set(ranges.map((r) => r.table))]) {
    const same = ranges.filter((r) => r.table === table);
    const where = listPhrase(same.map(rangeAddress));
    if (same.length > 1 || taken(state, table)) {
      notConverted.push(
        same.length > 1
          ? sheetText("s.alike", { ranges: where, table })
          : sheetText("s.taken", { ranges: where, table }),
      );
    } else convertible.push(...same);
  }
  const ops: SheetOp[] = convertible.map((r) => ({
    op: "convertToTable",
    sheet: r.sheet,
    table: r.table,
    area: r.area,
  }));
  return { convert: { ranges: convertible, ops }, notConverted };
}

function describeAdd(state: WorkbookState, tables: readonly string[]) {
  const adopted = createdTables().filter((t) => tables.includes(t.name));
  const blocked = adopted.filter((t) => findSheet(state, t.sheet) || taken(state, t.name));
  const free = adopted.filter((t) => !blocked.includes(t));
  const added = new Set<string>();
  // Drop-downs only where their lists are named already (a check names them); else Excel would refuse the list.
  const named = (source: string) => state.names.get(source.replace(/^=/, "")) != null;
  const ops = free.flatMap((t) => [
    ...ensureSheet(state, t.sheet, "visible", added),
    ...inputSheetOps(t).filter((op) => op.op !== "listValidation" || named(op.source)),
  ]);
  const notAdded =
    blocked.length === 0 ? null : sheetText("s.notAdded", { tables: listPhrase(blocked.map((t) => t.name)) });
  return { add: { tables: free.map((t) => t.name), ops }, notAdded };
}

/** What setting up the workbook would do, and why what cannot be done cannot. */
export function describeSetUp(state: WorkbookState): SetUpWrite {
  const missing = missingTables(state);
  const ranges = findPlainRanges(state);
  const withRange = new Set(ranges.map((r) => r.table));
  return {
    missing,
    ...describeConvert(state, ranges),
    ...describeAdd(
      state,
      missing.filter((name) => !withRange.has(name)),
    ),
  };
}
