/**
 * The Timeline sheet's grid: years across, one row per cluster (its review period, planned and
 * expected end) and one per topic (its acceptable years and the meeting that holds it), the
 * conflicts marked. Drawn with cells and conditional formats, so that any spreadsheet shows it.
 */
import { describeMeeting, meetingsTakingPlace, takesPlace, topicArticles } from "./findings";
import { topicLabel } from "./labels";
import type { Finding, Plan } from "./model";
import type { CellFormat } from "./sheetOps";
import { ordinal } from "./parse";
import { TIMELINE_MESSAGES, sayer } from "./messages/proposal";
import { topicWindows } from "./windows";

const say = /* @__PURE__ */ sayer(TIMELINE_MESSAGES);

export const TIMELINE_SHEET = "Timeline";
export const TIMELINE_TITLE = say("title");

/** What each cell of the grid holds; the legend above the grid says the same. */
export const CODES = {
  review: "R",
  planned: "P",
  expected: "E",
  both: "PE",
  window: "w",
  conflict: "!",
  cancelled: "×",
} as const;

export const LEGEND: readonly (readonly [string, string])[] = [
  [CODES.review, say("review")],
  [`${CODES.planned} / ${CODES.expected}`, say("ends")],
  [CODES.window, say("window")],
  [ordinal(15), say("meeting")],
  [`${ordinal(15)}${CODES.conflict}`, say("conflict")],
];

/** The legend's line for a cancelled meeting, written when a meeting that held a topic is cancelled. */
export const CANCELLED_LEGEND: readonly [string, string] = [`${ordinal(15)}${CODES.cancelled}`, say("cancelled")];

export interface TimelineGrid {
  years: number[];
  /** One row per cluster, then per topic: the label, then one cell per year. */
  rows: (string | null)[][];
  /** The WHAT-IF line of a check that used what-if values, above the grid as on the Conflicts sheet. */
  banner?: string | null;
}

function clusterCells(years: number[], start: number | null, planned: number, expected: number): (string | null)[] {
  return years.map((year) => {
    if (year === planned && year === expected) return CODES.both;
    if (year === planned) return CODES.planned;
    if (year === expected) return CODES.expected;
    return start !== null && year >= start && year < Math.max(planned, expected) ? CODES.review : null;
  });
}

/** The years in which every cluster window of the topic allows it; null when it has none (or they do not meet). */
export function acceptableYears(plan: Plan, topic: number): { from: number; to: number } | null {
  const windows = topicWindows(plan, topic);
  if (windows.length === 0) return null;
  const from = Math.max(...windows.map((w) => w.from));
  const to = Math.min(...windows.map((w) => w.to));
  return from <= to ? { from, to } : null;
}

/** Keys (topic, meeting, year) of the meetings the findings put in conflict: errors and warnings about a topic. */
export function conflictKeys(findings: readonly Finding[]): Set<string> {
  return new Set(
    findings.filter((f) => f.severity !== "info" && f.topic !== null).map((f) => `${f.topic}|${f.meeting}|${f.year}`),
  );
}

function topicCells(plan: Plan, years: number[], topic: number, conflicts: Set<string>): (string | null)[] {
  const { from = null, to = null } = acceptableYears(plan, topic) ?? {};
  const meetings = meetingsTakingPlace(plan).filter((m) => m.topic === topic && m.year !== null);
  const cancelled = plan.meetings.filter((m) => !takesPlace(m) && m.topic === topic && m.ordinal !== null);
  return years.map((year) => {
    const meeting = meetings.find((m) => m.year === year);
    const dropped = cancelled.find((m) => m.year === year);
    if (!meeting && dropped?.ordinal) return `${ordinal(dropped.ordinal)}${CODES.cancelled}`;
    if (meeting) {
      const name = meeting.ordinal === null ? describeMeeting(meeting) : ordinal(meeting.ordinal);
      const key = `${topic}|${meeting.ordinal}|${year}`;
      return conflicts.has(key) ? `${name}${CODES.conflict}` : name;
    }
    return from !== null && to !== null && year >= from && year <= to ? CODES.window : null;
  });
}

/** The years the grid spans: every review period, window and meeting year, in order. */
export function spanOf(plan: Plan): number[] {
  const years = [
    ...[...plan.clusters.values()].flatMap((c) => [c.reviewStart, c.plannedEnd, c.expectedEnd]),
    ...plan.meetings.map((m) => m.year),
    ...[...plan.topics.keys()].flatMap((t) => topicWindows(plan, t).flatMap((w) => [w.from, w.to])),
  ].filter((y): y is number => typeof y === "number" && Number.isFinite(y));
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.min(Math.max(...years), first + 40);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** One row per topic over the given years: the label, then the codes of CODES. */
export function topicRows(plan: Plan, findings: readonly Finding[], years: readonly number[]): (string | null)[][] {
  const conflicts = conflictKeys(findings);
  return [...plan.topics.values()]
    .sort((a, b) => a.number - b.number)
    .map((t) => [
      say("topic", { topic: topicLabel(t.number, t.title, topicArticles(plan, t.number)) }),
      ...topicCells(plan, [...years], t.number, conflicts),
    ]);
}

/** A cancelled meeting: grey, so that it reads as no meeting in colour and in greyscale print. */
export const CANCELLED_FORMAT = { fill: "D9D9D9", fontColor: "595959", italic: true } as const;

/** Whether a meeting that held a topic is cancelled in the grid: the legend then says what its mark means. */
export function showsCancelled(grid: Pick<TimelineGrid, "rows">): boolean {
  return grid.rows.some((row) => row.slice(1).some((code) => code?.endsWith(CODES.cancelled)));
}

/**
 * How a cell of a topic row looks where it is filled directly (the proposal sheet): the Timeline
 * sheet's colours, and a frame for a conflict, so that greyscale print tells them apart too.
 */
export function codeFormat(code: string | null): CellFormat | null {
  if (code === null) return null;
  if (code.endsWith(CODES.conflict)) return { fill: "FF8B94", fontColor: "9C0006", bold: true, border: "9C0006" };
  if (code.endsWith(CODES.cancelled)) return { ...CANCELLED_FORMAT };
  if (code === CODES.window) return { fill: "E2EFDA", fontColor: "375623" };
  return { fill: "548235", fontColor: "FFFFFF", bold: true };
}

export function describeTimeline(plan: Plan, findings: readonly Finding[]): TimelineGrid {
  const years = spanOf(plan);
  const conflicts = conflictKeys(findings);
  const clusters = [...plan.clusters.values()].sort((a, b) => a.number - b.number);
  const topics = [...plan.topics.values()].sort((a, b) => a.number - b.number);
  return {
    years,
    rows: [
      ...clusters.map((c) => [
        c.name ? say("named", { cluster: c.number, name: c.name }) : say("cluster", { cluster: c.number }),
        ...clusterCells(years, c.reviewStart, c.plannedEnd, c.expectedEnd),
      ]),
      ...topics.map((t) => [
        say("topic", { topic: topicLabel(t.number, t.title, topicArticles(plan, t.number)) }),
        ...topicCells(plan, years, t.number, conflicts),
      ]),
    ],
  };
}
