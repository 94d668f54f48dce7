/**
 * What a check writes into the workbook, as a plain description: the helper flags that drive
 * the highlights, the notes, the Conflicts table and the drop-down lists. Computed once here;
 * the .xlsx and Office.js adapters only apply it.
 */
import type { CheckResult } from "./check";
import { CONFLICTS, WORKPLAN } from "./layout";
import type { CellRef, Finding, Meeting, Plan, Severity } from "./model";
import { flexibleLabels, topicLabels } from "./labels";
import { parseA1, quoteSheet } from "./areas";
import { isCell } from "./cellRef";
import { findingCellName } from "./findings";
import { a1, findTable, type WorkbookTables } from "./tables";
import { ordinal } from "./parse";
import { sourceInWords } from "./sources";
import { describeTimeline, type TimelineGrid } from "./timeline";
import { commaList, dateInWords, listPhrase } from "./wording";
import { say, sayCount } from "./messages/findings";

export { parseA1 };

/** Very-hidden sheet holding the last check's flags at the addresses of the Workplan table body. */
export const FLAGS_SHEET = "WorkplanChecker";
/** Very-hidden sheet holding the drop-down lists (topic labels, flexible-topic labels). */
export const LISTS_SHEET = "WorkplanLists";
export const TOPIC_LIST_NAME = "WorkplanTopicLabels";
export const FLEXIBLE_LIST_NAME = "WorkplanFlexibleLabels";
/** Every note the product writes starts with this line, so that clearing removes only those. */
export const NOTE_MARK = "Workplan Checker:";

/**
 * The colours of each severity: `fill` tints the flagged meeting's row, `strong` fills the cell to
 * change (with a border in `font`, which greyscale print keeps) and the legend.
 */
export const SEVERITY_STYLE: Readonly<
  Record<Severity, { flag: number; fill: string; strong: string; font: string; label: string }>
> = {
  error: { flag: 3, fill: "FDE4E7", strong: "FF8B94", font: "9C0006", label: say("sev.error") },
  warning: { flag: 2, fill: "FFF6D5", strong: "FFD44F", font: "7A4500", label: say("sev.warning") },
  info: { flag: 1, fill: "EAF2FA", strong: "9DC3E6", font: "1F4E79", label: say("sev.info") },
};

/** Above a Conflicts table that no check has filled yet. */
/** How the line above the Conflicts table of a check with what-if values begins. */
export const WHAT_IF_MARK = say("whatIf.mark");

export const NOT_CHECKED_CAPTION: readonly [string, string] = [say("unchecked"), say("unchecked.ends")];

/**
 * Rows of the two caption lines: three and two rows above the Conflicts header (rows 1 and 2
 * above the default header row 4, a blank row between), or as high as the sheet allows. Where
 * only one row is free both lines share it; at the top of the sheet, none.
 */
export function captionRows(headerRow: number): number[] {
  const first = Math.max(1, headerRow - 3);
  return [first, first + 1].filter((row) => row < headerRow);
}

/**
 * "23 November 2026, 17:50 UTC": the time of a check as every shell writes it, in UN style; in UTC,
 * the same for every co-author of a shared workbook (the pane shows it in the reader's time).
 */
export function checkTime(date: Date): string {
  const stamp = date.toISOString();
  return `${dateInWords(stamp.slice(0, 10))}, ${stamp.slice(11, 16)} UTC`;
}

export interface HighlightRule {
  severity: Severity;
  /** Formula relative to the top-left cell of the highlighted range. */
  formula: string;
  fill: string;
  font: string;
  /** The cell to change: bold, with a border that greyscale print keeps. Absent on the row's tint. */
  border?: string;
  bold?: boolean;
}

export interface Highlights {
  sheet: string;
  /** The Workplan table's data body, e.g. "A2:F11"; the flags sit at the same addresses. */
  range: string;
  top: number;
  left: number;
  /** 0 none, 1 info, 2 warning, 3 error; one row per table row, one column per table column. */
  flags: number[][];
  /** Each row's highest flag, in the column after the flags: it tints the meeting's row. */
  rowFlags: number[];
  rules: HighlightRule[];
}

export interface Note {
  /** The finding's cell; its A1 text is derived (cellName) only where a user reads it. */
  at: CellRef;
  /** Starts with NOTE_MARK. */
  text: string;
}

export interface ConflictsTable {
  sheet: string;
  /** Lines written above the table: when the check ran and against which expected ends. */
  caption: readonly [string, string];
  /** Whether the second line is the banner of a what-if check (shown in bold red). */
  whatIf?: boolean;
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
  /** The Timeline sheet's grid; null when the workbook cannot be read as a plan. */
  timeline?: TimelineGrid | null;
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
    const at = finding.at;
    if (!at || at.sheet !== table.sheet || !isCell(at)) continue;
    const row = flags[at.row - top];
    if (!row || at.column < left || at.column >= left + width) continue;
    row[at.column - left] = Math.max(row[at.column - left] ?? 0, SEVERITY_STYLE[finding.severity].flag);
  }
  const origin = a1(top, left);
  const rowFlag = `$${a1(top, left + width)}`;
  const severities = ["error", "warning", "info"] as const;
  const flagged = (cell: string, severity: Severity) =>
    `${quoteSheet(FLAGS_SHEET)}!${cell}=${SEVERITY_STYLE[severity].flag}`;
  const rules: HighlightRule[] = [
    ...severities.map((severity) => ({
      severity,
      formula: flagged(origin, severity),
      fill: SEVERITY_STYLE[severity].strong,
      font: SEVERITY_STYLE[severity].font,
      border: SEVERITY_STYLE[severity].font,
      bold: true,
    })),
    ...severities.map((severity) => ({
      severity,
      formula: flagged(rowFlag, severity),
      fill: SEVERITY_STYLE[severity].fill,
      font: "000000",
    })),
  ];
  return {
    sheet: table.sheet,
    range: `${origin}:${a1(top + table.rows.length - 1, left + width - 1)}`,
    top,
    left,
    flags,
    rowFlags: flags.map((row) => Math.max(0, ...row)),
    rules,
  };
}

function noteLines(finding: Finding): string[] {
  const source = sourceInWords(finding.source);
  return [
    say("note.problem", { severity: SEVERITY_STYLE[finding.severity].label, problem: finding.problem }),
    ...(finding.fix ? [say("note.fix", { fix: finding.fix })] : []),
    source ? say("note.cite", { source, rule: finding.rule }) : say("note.rule", { rule: finding.rule }),
  ];
}

function notesFor(findings: readonly Finding[]): Note[] {
  const byCell = new Map<string, { at: CellRef; lines: string[] }>();
  for (const finding of findings) {
    const key = findingCellName(finding);
    if (!finding.at || !key) continue;
    const entry = byCell.get(key) ?? { at: finding.at, lines: [] };
    entry.lines.push(...noteLines(finding));
    byCell.set(key, entry);
  }
  return [...byCell.values()].map(({ at, lines }) => ({ at, text: [NOTE_MARK, ...lines].join("\n") }));
}

function expectedEndsLine(plan: Plan | null): string {
  const clusters = [...(plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
  if (clusters.length === 0) return say("ends.none");
  const parts = clusters.map((c) =>
    say(c.expectedEnd !== c.expectedEndInWorkbook ? "ends.whatIf" : "ends.cluster", {
      cluster: c.number,
      year: c.expectedEnd,
      workbook: c.expectedEndInWorkbook,
    }),
  );
  return say("ends", { ends: commaList(parts) });
}

/** "Agenda item 3: 6 — Record-keeping; marking (arts. 7, 8)", or the column or table the finding's cell is in. */
function agendaItem(tables: WorkbookTables, plan: Plan | null, finding: Finding): string | null {
  const at = finding.at;
  if (!at || !isCell(at)) return null;
  const table = findTable(tables, WORKPLAN.table);
  const inWorkplan = table && table.sheet === at.sheet && at.row > table.top;
  const header = inWorkplan ? String(table.headers[at.column - table.left] ?? "").trim() : "";
  if (header.toLowerCase() === WORKPLAN.fixed.toLowerCase()) {
    const label =
      plan && finding.topic !== null ? topicLabels(plan).find((l) => l.startsWith(`${finding.topic} `)) : null;
    const topic = label || (finding.topic !== null ? say("topic", { topic: finding.topic }) : null);
    return topic ? say("item3.topic", { topic }) : say("item3");
  }
  if (header.toLowerCase() === WORKPLAN.flexible.toLowerCase()) return say("item2");
  // Another column of the Workplan (Meeting, Year, Status) is no agenda item: the Problem names the cell.
  if (header) return null;
  const other = [...tables.values()].find((t) => t.sheet === finding.sheet);
  return other ? say("table", { table: other.name }) : finding.sheet;
}

/** "15th meeting (2028)"; for a finding on a Workplan cell that names no meeting (invalid-value), its row's meeting. */
function meetingWithYear(plan: Plan | null, finding: Finding): string | null {
  const row = finding.meeting === null && finding.year === null ? meetingAt(plan, finding) : null;
  const number = row?.ordinal ?? finding.meeting;
  const year = row?.year ?? finding.year;
  if (number === null) return year === null ? null : String(year);
  const meeting = say("row.meeting", { n: ordinal(number) });
  return year === null ? meeting : say("meeting.year", { meeting, year });
}

/** The meeting of the Workplan row a finding's cell is on. */
function meetingAt(plan: Plan | null, finding: Finding): Meeting | null {
  const at = finding.at;
  if (!plan || !at || !isCell(at)) return null;
  return (
    plan.meetings.find((m) => {
      const cell = m.at.year;
      return isCell(cell) && cell.sheet === at.sheet && cell.row === at.row;
    }) ?? null
  );
}

function conflictsRow(tables: WorkbookTables, plan: Plan | null, f: Finding): (string | number | null)[] {
  return [
    SEVERITY_STYLE[f.severity].label,
    meetingWithYear(plan, f),
    agendaItem(tables, plan, f),
    f.problem,
    f.fix,
    sourceInWords(f.source),
    f.rule,
    findingCellName(f) ?? f.sheet,
  ];
}

/** The banner line of a check that used what-if values: which review ends and which cancelled meetings. */
export function whatIfLine(result: CheckResult): string | null {
  const clusters = [...(result.plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
  const moved = clusters
    .filter((c) => c.expectedEnd !== c.expectedEndInWorkbook)
    .map((c) => say("whatIf.end", { cluster: c.number, year: c.expectedEnd, workbook: c.expectedEndInWorkbook }));
  const cancelled = result.cancelled.map((n) => say("whatIf.cancel", { n: ordinal(n) }));
  if (moved.length + cancelled.length === 0) return null;
  return say("whatIf", { mark: WHAT_IF_MARK, changes: listPhrase([...moved, ...cancelled]) });
}

function conflictsFor(tables: WorkbookTables, result: CheckResult, checkedAt: string): ConflictsTable {
  const { error, warning, info } = result.summary;
  const rows = result.findings.map((f) => conflictsRow(tables, result.plan, f));
  if (rows.length === 0) {
    rows.push([say("row.none"), null, null, say("row.ok"), null, null, null, null]);
  }
  return {
    sheet: CONFLICTS.sheet,
    caption: [
      say(result.asOf !== null ? "caption.asOf" : "caption", {
        at: checkedAt,
        year: result.asOf ?? "",
        errors: sayCount("errors", error),
        warnings: sayCount("warnings", warning),
        info,
      }),
      whatIfLine(result) ?? expectedEndsLine(result.plan),
    ],
    whatIf: whatIfLine(result) !== null,
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
    conflicts: conflictsFor(tables, result, checkedAt),
    lists: result.plan ? { topics: topicLabels(result.plan), flexible: flexibleLabels(result.plan) } : null,
    timeline: result.plan ? { ...describeTimeline(result.plan, result.findings), banner: whatIfLine(result) } : null,
  };
}
