/**
 * The task pane's timeline at a glance: the years across, each cluster's review period (its planned
 * and expected end), one row of meetings per plan shown (the workbook with its what-ifs, and the
 * proposal when there is one), each meeting held, planned, cancelled or in conflict, and the
 * acceptable years of the topic in focus. The same reading as the Timeline sheet (timeline.ts).
 */
import type { Cluster, Finding, Meeting, Plan } from "./model";
import { conflictKeys, spanOf } from "./timeline";

/** "open": a planned meeting without a fixed topic (a flexible topic only), as a proposal may leave one. */
export type MarkerStatus = "held" | "planned" | "open" | "cancelled" | "conflict";

export interface ChartMeeting {
  meeting: number | null;
  year: number;
  topic: number | null;
  status: MarkerStatus;
}

export interface TimelineChart {
  /** First and last year across. */
  from: number;
  to: number;
  clusters: Cluster[];
  /** One row of meetings per plan, in the order given, each in time order. */
  rows: ChartMeeting[][];
}

export interface ChartPlan {
  plan: Plan;
  findings: readonly Finding[];
}

function statusOf(meeting: Meeting, conflicts: Set<string>): MarkerStatus {
  if (meeting.status === "cancelled") return "cancelled";
  if (conflicts.has(`${meeting.topic}|${meeting.ordinal}|${meeting.year}`)) return "conflict";
  if (meeting.held) return "held";
  return meeting.topic === null ? "open" : "planned";
}

function meetingRow({ plan, findings }: ChartPlan): ChartMeeting[] {
  const conflicts = conflictKeys(findings);
  return plan.meetings
    .filter((m): m is Meeting & { year: number } => m.year !== null)
    .map((m) => ({ meeting: m.ordinal, year: m.year, topic: m.topic, status: statusOf(m, conflicts) }))
    .sort((a, b) => a.year - b.year);
}

/** The chart of the first plan's clusters and of every plan's meetings; null when no year can be read. */
export function timelineChart(plans: readonly ChartPlan[]): TimelineChart | null {
  const [first] = plans;
  const years = plans.flatMap(({ plan }) => spanOf(plan));
  if (!first || years.length === 0) return null;
  return {
    from: Math.min(...years),
    to: Math.max(...years),
    clusters: [...first.plan.clusters.values()].sort((a, b) => a.number - b.number),
    rows: plans.map(meetingRow),
  };
}

/** The topic shaded before any meeting is in focus: that of the first meeting in conflict, if any. */
export function firstConflictTopic(chart: TimelineChart): number | null {
  return chart.rows[0]?.find((m) => m.status === "conflict")?.topic ?? null;
}

/** The years labelled across: every `step` years, from one at or before `from` to one at or after `to`. */
export interface ChartAxis {
  from: number;
  to: number;
  ticks: number[];
}

/** An axis of at most about `labels` labels that covers every year of the chart, its first and last labelled. */
export function chartAxis(chart: Pick<TimelineChart, "from" | "to">, labels: number): ChartAxis {
  const step = Math.max(1, Math.ceil((chart.to - chart.from + 1) / labels));
  const from = Math.floor(chart.from / step) * step;
  const to = Math.ceil(chart.to / step) * step;
  const ticks = Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  return { from, to, ticks };
}
