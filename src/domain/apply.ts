/**
 * Applying a proposal to the Workplan table, as a plain description for the adapters: the fixed-
 * topic cells that change, the meeting numbers a cancellation renumbers, the Status of meetings a
 * what-if cancelled, and the rows to append. Every other cell the planner typed stays.
 */
import { capitalize, describeMeeting, topicArticles, years } from "./findings";
import { say } from "./messages/findings";
import { describeCluster } from "./windows";
import { ordinal } from "./parse";
import { topicLabel } from "./labels";
import { WORKPLAN } from "./layout";
import { cellAddress } from "./cellRef";
import type { CellAt, CellRef, Meeting, Plan } from "./model";
import type { CleanProposal } from "./propose";
import { normalizeHeader, type CellValue, type SheetTable } from "./tables";

export interface CellEdit extends CellAt {
  value: string | number | null;
}

export interface WorkplanEdit {
  /** Fixed-topic cells of existing rows whose topic changes (null empties the cell). */
  cells: CellEdit[];
  /** Rows to add at the end of the Workplan table, in the table's column order. */
  rows: CellValue[][];
  /** What will change, one line each, for the planner to confirm. */
  changes: string[];
}

/** An edit names its cell by its A1 text, as the adapters write it. */
function cellAt(ref: CellRef): CellAt {
  return { sheet: ref.sheet, cell: cellAddress(ref) };
}

/** What the Status cell of a meeting cancelled by a what-if says once the proposal is applied. */
const CANCELLED = "Cancelled";

function labelOf(plan: Plan, topic: number | null): string | null {
  return topic === null ? null : topicLabel(topic, plan.topics.get(topic)?.title ?? "", topicArticles(plan, topic));
}

function topicName(topic: number | null): string {
  return topic === null ? say("noFixed") : say("topic", { topic });
}

function appendedRow(table: SheetTable, meeting: Meeting, label: string | null): CellValue[] {
  // A Map: a column headed "constructor" or "__proto__" is a header like any other.
  const byHeader = new Map<string, CellValue>([
    [normalizeHeader(WORKPLAN.meeting), meeting.ordinal],
    [normalizeHeader(WORKPLAN.year), meeting.year],
    [normalizeHeader(WORKPLAN.fixed), label],
  ]);
  return table.headers.map((header) => byHeader.get(normalizeHeader(header)) ?? null);
}

/**
 * @param current the plan as the workbook holds it (the proposal's input)
 * @param table the Workplan table the plan was read from
 */
export function describeApply(proposal: CleanProposal, current: Plan, table: SheetTable): WorkplanEdit {
  const proposed = new Map(proposal.plan.meetings.map((m) => [m.row, m]));
  const cells: CellEdit[] = [];
  const changes: string[] = [];
  for (const meeting of current.meetings) {
    if (meeting.held) continue;
    const after = proposed.get(meeting.row);
    const name = capitalize(describeMeeting(meeting));
    if (meeting.whatIfCancelled && meeting.at.status) {
      cells.push({ ...cellAt(meeting.at.status), value: CANCELLED });
      changes.push(say("apply.cancel", { meeting: name }));
    }
    if (after && after.ordinal !== meeting.ordinal && after.ordinal !== null) {
      cells.push({ ...cellAt(meeting.at.ordinal), value: after.ordinal });
      changes.push(say("apply.number", { meeting: name, n: ordinal(after.ordinal) }));
    }
    const topic = after?.topic ?? null;
    if (topic === meeting.topic) continue;
    cells.push({ ...cellAt(meeting.at.topic), value: labelOf(proposal.plan, topic) });
    changes.push(say("apply.topic", { meeting: name, from: topicName(meeting.topic), to: topicName(topic) }));
  }
  const existing = new Set(current.meetings.map((m) => m.row));
  const added = proposal.plan.meetings.filter((m) => !existing.has(m.row)).sort((a, b) => a.row - b.row);
  for (const meeting of added)
    changes.push(say("apply.add", { meeting: describeMeeting(meeting), topic: topicName(meeting.topic) }));
  return { cells, rows: added.map((m) => appendedRow(table, m, labelOf(proposal.plan, m.topic))), changes };
}

export interface YearEdit extends CellAt {
  value: number;
}

export interface ExpectedEndsEdit {
  /** The "Review end (expected)" cells that change, with the year they get (a number cell). */
  cells: YearEdit[];
  /** What will change, one line each. */
  changes: string[];
}

/** "+2 years", "−1 year", "on time": an expected end against the planned one. */
export function slipText(expected: number, planned: number): string {
  const slip = expected - planned;
  if (slip === 0) return say("slip.none");
  return say(slip > 0 ? "slip.later" : "slip.earlier", { years: years(Math.abs(slip)) });
}

/**
 * The expected review ends to write into the Clusters table so that the workbook holds `ends`
 * (cluster number → year): only the clusters whose value in the workbook differs.
 */
export function describeExpectedEnds(plan: Plan, ends: ReadonlyMap<number, number>): ExpectedEndsEdit {
  const cells: YearEdit[] = [];
  const changes: string[] = [];
  for (const [number, year] of [...ends].sort((a, b) => a[0] - b[0])) {
    const cluster = plan.clusters.get(number);
    if (!cluster || cluster.expectedEndInWorkbook === year) continue;
    cells.push({ ...cellAt(cluster.at.expectedEnd), value: year });
    changes.push(
      say("apply.end", {
        cluster: capitalize(describeCluster(cluster)),
        from: cluster.expectedEndInWorkbook,
        to: year,
        slip: slipText(year, cluster.plannedEnd),
      }),
    );
  }
  return { cells, changes };
}

/**
 * What a proposal depends on, as one string: the meetings (where, when, held, which topic), the
 * topics, articles, clusters and settings. Two reads of the workbook with the same signature give
 * the same proposal; cells the engine does not read (notes, titles, columns of the planner's own)
 * do not count.
 */
export function planSignature(plan: Plan): string {
  return JSON.stringify({
    meetings: plan.meetings.map((m) => [
      m.row,
      m.ordinal,
      m.year,
      m.status,
      m.held,
      m.topic,
      m.at.topic.sheet,
      cellAddress(m.at.topic),
    ]),
    topics: [...plan.topics.keys()].sort((a, b) => a - b),
    articles: plan.articles.map((a) => [a.number, a.cluster, a.topic, a.last]),
    clusters: [...plan.clusters.values()].map((c) => [
      c.number,
      c.plannedEnd,
      c.expectedEnd,
      c.expectedEndInWorkbook,
      c.at.expectedEnd.sheet,
      cellAddress(c.at.expectedEnd),
    ]),
    unreadable: [...plan.unreadableClusters],
    settings: plan.settings,
  });
}
