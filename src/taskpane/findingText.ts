/**
 * A finding as a planner scans it: a one-line headline in the planners' words ("15th meeting
 * (2028): topic 6 is too early — earliest 2030"), what would fix it, and the go-to action named
 * after the meeting and the agenda item. Pure. Where the engine gives its own `problem`, `fix`
 * and `quote` (the Sources table), those are used; until then they are derived from the
 * finding's fields and the plan's windows.
 */
import type { Finding, Plan } from "../domain/model";
import { ordinal } from "../domain/parse";
import { findTable, type WorkbookTables } from "../domain/tables";
import { WORKPLAN } from "../domain/layout";
import { parseA1 } from "../domain/areas";
import { topicWindows } from "../domain/windows";

/** The fields a finding may carry from the engine's explanation (absent in older engines). */
interface Explained {
  problem?: string;
  fix?: string | null;
  quote?: string | null;
}

export interface FindingText {
  headline: string;
  /** What would fix it, one sentence; null when nothing can or need be done. */
  fix: string | null;
  /** The full explanation. */
  detail: string;
  /** The source's sentences, when the workbook quotes them. */
  quote: string | null;
}

function meetingPrefix(finding: Finding): string {
  if (finding.meeting === null) return "";
  return `${ordinal(finding.meeting)} meeting${finding.year !== null ? ` (${finding.year})` : ""}: `;
}

function windowEdge(plan: Plan | null, topic: number, edge: "from" | "to"): number | null {
  const windows = plan ? topicWindows(plan, topic) : [];
  if (windows.length === 0) return null;
  const edges = windows.map((w) => w[edge]);
  return edge === "from" ? Math.max(...edges) : Math.min(...edges);
}

/** The first sentence of a message, for rules without a headline of their own. */
function firstSentence(message: string): string {
  const end = message.search(/\.(\s|$)/);
  return end > 0 ? message.slice(0, end) : message;
}

function derived(finding: Finding, plan: Plan | null): { headline: string; fix: string | null } {
  const { topic } = finding;
  const at = meetingPrefix(finding);
  if (topic !== null) {
    switch (finding.rule) {
      case "cluster-too-early": {
        const from = windowEdge(plan, topic, "from");
        return {
          headline: `${at}topic ${topic} is too early${from !== null ? ` — earliest ${from}` : ""}`,
          fix: `Move topic ${topic} to a meeting in ${from ?? "a later year"}${from !== null ? " or later" : ""}.`,
        };
      }
      case "cluster-too-late": {
        const to = windowEdge(plan, topic, "to");
        return {
          headline: `${at}topic ${topic} is too late${to !== null ? ` — latest ${to}` : ""}`,
          fix: `Move topic ${topic} to a meeting in ${to ?? "an earlier year"}${to !== null ? " or earlier" : ""}.`,
        };
      }
      case "last-topic":
        return {
          headline: `${at}topic ${topic} should come last`,
          fix: `Move topic ${topic} to the last meeting that has a fixed topic.`,
        };
      case "topic-unscheduled":
        return { headline: `Topic ${topic} is at no meeting`, fix: `Give topic ${topic} a meeting (agenda item 3).` };
      case "topic-duplicate":
        return {
          headline: `${at}topic ${topic} is at more than one meeting`,
          fix: `Keep topic ${topic} at one meeting.`,
        };
      case "meeting-cancelled":
        return {
          headline: `${at}topic ${topic} is at a cancelled meeting`,
          fix: `Move topic ${topic} to a meeting that takes place.`,
        };
      case "topic-order":
        return {
          headline: `${at}topic ${topic} is out of the adopted order`,
          fix: "Put the fixed topics in ascending order, or keep the change knowingly (para. 50 (b)).",
        };
    }
  }
  return { headline: `${at}${firstSentence(finding.message)}`, fix: null };
}

/** The source ids in UN style: "P§18, P§50(b)" → "para. 18, para. 50 (b)". */
export function inParagraphs(text: string): string {
  return text.replace(/P§(\d+)(?:\(([a-z])\))?/g, (_, n: string, letter?: string) =>
    letter ? `para. ${n} (${letter})` : `para. ${n}`,
  );
}

export function findingText(finding: Finding, plan: Plan | null): FindingText {
  const engine = finding as Finding & Explained;
  const own = derived(finding, plan);
  const held = finding.held ? " (already held)" : "";
  const fix = finding.held ? null : engine.fix !== undefined ? engine.fix : own.fix;
  return {
    headline: own.headline + held,
    fix,
    detail: engine.problem ?? finding.message,
    quote: engine.quote ? inParagraphs(engine.quote) : null,
  };
}

/** "agenda item 3" from "Agenda item 3 (fixed topic)"; other headers lower-cased ("year"). */
function columnName(header: string): string {
  return header
    .replace(/\s*\(.*\)\s*$/, "")
    .trim()
    .toLowerCase();
}

/** "Go to the 15th meeting, agenda item 3"; the sheet and cell where the finding is not in the Workplan table. */
export function goToLabel(finding: Finding, tables: WorkbookTables | null): string | null {
  const { sheet, cell } = finding;
  if (!sheet || !cell) return null;
  const table = tables ? findTable(tables, WORKPLAN.table) : null;
  if (table && finding.meeting !== null && table.sheet === sheet) {
    const header = table.headers[parseA1(cell).column - table.left];
    if (header) return `Go to the ${ordinal(finding.meeting)} meeting, ${columnName(String(header))}`;
  }
  return `Go to ${sheet}!${cell}`;
}
