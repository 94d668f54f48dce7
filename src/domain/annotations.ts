/**
 * What a check writes into the workbook, as a plain description: the helper flags that drive
 * the highlights, the notes, the Conflicts table and the drop-down lists. Computed once here;
 * the ExcelJS and Office.js adapters only apply it.
 */
import type { CheckResult } from "./check";
import { CONFLICTS, WORKPLAN } from "./layout";
import type { Finding, Plan, Severity } from "./model";
import { flexibleLabels, topicLabels } from "./labels";
import { parseA1 } from "./areas";
import { a1, findTable, type WorkbookTables } from "./tables";
import { ordinal } from "./parse";
import { listPhrase } from "./wording";

export { parseA1 };

/** Very-hidden sheet holding the last check's flags at the addresses of the Workplan table body. */
export const FLAGS_SHEET = "WorkplanChecker";
/** Very-hidden sheet holding the drop-down lists (topic labels, flexible-topic labels). */
export const LISTS_SHEET = "WorkplanLists";
export const TOPIC_LIST_NAME = "WorkplanTopicLabels";
export const FLEXIBLE_LIST_NAME = "WorkplanFlexibleLabels";
/** Every note the product writes starts with this line, so that clearing removes only those. */
export const NOTE_MARK = "Workplan Checker:";

export const SEVERITY_STYLE: Readonly<Record<Severity, { flag: number; fill: string; font: string; label: string }>> = {
  error: { flag: 3, fill: "FFC7CE", font: "9C0006", label: "Error" },
  warning: { flag: 2, fill: "FFEB9C", font: "9C5700", label: "Warning" },
  info: { flag: 1, fill: "DDEBF7", font: "1F4E79", label: "Info" },
};

/** Above a Conflicts table that no check has filled yet. */
export const NOT_CHECKED_CAPTION: readonly [string, string] = [
  "Not checked yet: this table fills in when the workbook is checked (workplan check, or Check in the add-in).",
  "Expected review ends used: none yet.",
];

/**
 * Rows of the two caption lines: three and two rows above the Conflicts header (rows 1 and 2
 * above the default header row 4, a blank row between), or as high as the sheet allows. Where
 * only one row is free both lines share it; at the top of the sheet, none.
 */
export function captionRows(headerRow: number): number[] {
  const first = Math.max(1, headerRow - 3);
  return [first, first + 1].filter((row) => row < headerRow);
}

/** "2026-11-23 17:50 UTC": the time of a check as every shell writes it. */
export function checkTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export interface HighlightRule {
  severity: Severity;
  /** Formula relative to the top-left cell of the highlighted range. */
  formula: string;
  fill: string;
  font: string;
}

export interface Highlights {
  sheet: string;
  /** The Workplan table's data body, e.g. "A2:F11"; the flags sit at the same addresses. */
  range: string;
  top: number;
  left: number;
  /** 0 none, 1 info, 2 warning, 3 error; one row per table row, one column per table column. */
  flags: number[][];
  rules: HighlightRule[];
}

export interface Note {
  sheet: string;
  cell: string;
  /** Starts with NOTE_MARK. */
  text: string;
}

export interface ConflictsTable {
  sheet: string;
  /** Lines written above the table: when the check ran and against which expected ends. */
  caption: readonly [string, string];
  headers: readonly string[];
  rows: (string | number | null)[][];
}

export interface DropDownLists {
  topics: string[];
  flexible: string[];
}

export interface Annotations {
  highlights: Highlights | null;
  notes: Note[];
  conflicts: ConflictsTable;
  lists: DropDownLists | null;
}

function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** The flags and rules a check would write for these findings; null without a Workplan table with rows. */
export function highlightsFor(tables: WorkbookTables, findings: readonly Finding[]): Highlights | null {
  const table = findTable(tables, WORKPLAN.table);
  if (!table || table.rows.length === 0 || table.headers.length === 0) return null;
  const top = table.top + 1;
  const left = table.left;
  const width = table.headers.length;
  const flags = table.rows.map(() => new Array<number>(width).fill(0));
  for (const finding of findings) {
    if (finding.sheet !== table.sheet || !finding.cell) continue;
    const at = parseA1(finding.cell);
    const row = flags[at.row - top];
    if (!row || at.column < left || at.column >= left + width) continue;
    row[at.column - left] = Math.max(row[at.column - left] ?? 0, SEVERITY_STYLE[finding.severity].flag);
  }
  const origin = a1(top, left);
  const rules = (["error", "warning", "info"] as const).map((severity) => ({
    severity,
    formula: `${quoteSheet(FLAGS_SHEET)}!${origin}=${SEVERITY_STYLE[severity].flag}`,
    fill: SEVERITY_STYLE[severity].fill,
    font: SEVERITY_STYLE[severity].font,
  }));
  return {
    sheet: table.sheet,
    range: `${origin}:${a1(top + table.rows.length - 1, left + width - 1)}`,
    top,
    left,
    flags,
    rules,
  };
}

function notesFor(findings: readonly Finding[]): Note[] {
  const byCell = new Map<string, { sheet: string; cell: string; lines: string[] }>();
  for (const finding of findings) {
    if (!finding.sheet || !finding.cell) continue;
    const key = `${finding.sheet}!${finding.cell}`;
    const entry = byCell.get(key) ?? { sheet: finding.sheet, cell: finding.cell, lines: [] };
    entry.lines.push(
      `${SEVERITY_STYLE[finding.severity].label} (${finding.rule}${finding.source ? `, ${finding.source}` : ""}): ${finding.message}`,
    );
    byCell.set(key, entry);
  }
  return [...byCell.values()].map(({ sheet, cell, lines }) => ({
    sheet,
    cell,
    text: [NOTE_MARK, ...lines].join("\n"),
  }));
}

function expectedEndsLine(plan: Plan | null): string {
  const clusters = [...(plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
  if (clusters.length === 0) return "Expected review ends used: none (the Clusters table could not be read).";
  const parts = clusters.map(
    (c) =>
      `cluster ${c.number} ${c.expectedEnd}${c.expectedEnd !== c.expectedEndInWorkbook ? ` (what-if; the workbook says ${c.expectedEndInWorkbook})` : ""}`,
  );
  return `Expected review ends used: ${parts.join(", ")}.`;
}

/** " Cancelled for this check only (what-if): the 15th meeting." */
function cancelledText(cancelled: readonly number[]): string {
  if (cancelled.length === 0) return "";
  const names = listPhrase(cancelled.map(ordinal));
  return ` Cancelled for this check only (what-if): the ${names} ${cancelled.length === 1 ? "meeting" : "meetings"}.`;
}

function conflictsFor(result: CheckResult, checkedAt: string): ConflictsTable {
  const { error, warning, info } = result.summary;
  const rows: (string | number | null)[][] = result.findings.map((f) => [
    SEVERITY_STYLE[f.severity].label,
    f.rule,
    f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet,
    f.meeting,
    f.message,
    f.source,
  ]);
  if (rows.length === 0) rows.push(["None", null, null, null, "No conflicts: the workplan follows every rule.", null]);
  return {
    sheet: CONFLICTS.sheet,
    caption: [
      `Last checked ${checkedAt}${result.asOf !== null ? `, as of ${result.asOf}` : ""}: ${error} error${error === 1 ? "" : "s"}, ${warning} warning${warning === 1 ? "" : "s"}, ${info} info.`,
      expectedEndsLine(result.plan) + cancelledText(result.cancelled),
    ],
    headers: CONFLICTS.headers,
    rows,
  };
}

/**
 * @param checkedAt when the check ran, as the user should read it (the shell owns the clock).
 */
export function describeAnnotations(tables: WorkbookTables, result: CheckResult, checkedAt: string): Annotations {
  return {
    highlights: highlightsFor(tables, result.findings),
    notes: notesFor(result.findings),
    conflicts: conflictsFor(result, checkedAt),
    lists: result.plan ? { topics: topicLabels(result.plan), flexible: flexibleLabels(result.plan) } : null,
  };
}
