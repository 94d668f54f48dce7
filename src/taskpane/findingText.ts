/**
 * A finding as a planner scans it: a one-line headline in the planners' words ("15th meeting
 * (2028): topic 6 is too early — earliest 2030"), what would fix it, and the go-to action named
 * after the meeting and the agenda item. Pure. Where the engine gives its own `problem`, `fix`
 * and `quote` (the Sources table), those are used; until then they are derived from the
 * finding's fields and the plan's windows.
 */
import type { Finding, Plan } from "../domain/model";
import { ordinal } from "../domain/parse";
import { PROPOSE } from "../domain/remedies";
import { findTable, type WorkbookTables } from "../domain/tables";
import { WORKPLAN } from "../domain/layout";
import { findingCellName } from "../domain/findings";
import { topicWindows } from "../domain/windows";
import { message } from "./messages";

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
  const meeting = ordinal(finding.meeting);
  return finding.year !== null
    ? message("finding.atYear", { meeting, year: finding.year })
    : message("finding.at", { meeting });
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
        return from !== null
          ? {
              headline: message("finding.earlyFrom", { at, topic, year: from }),
              fix: message("finding.earlyFixFrom", { topic, year: from }),
            }
          : { headline: message("finding.early", { at, topic }), fix: message("finding.earlyFix", { topic }) };
      }
      case "cluster-too-late": {
        const to = windowEdge(plan, topic, "to");
        return to !== null
          ? {
              headline: message("finding.lateTo", { at, topic, year: to }),
              fix: message("finding.lateFixTo", { topic, year: to }),
            }
          : { headline: message("finding.late", { at, topic }), fix: message("finding.lateFix", { topic }) };
      }
      case "last-topic":
        return { headline: message("finding.last", { at, topic }), fix: message("finding.lastFix", { topic }) };
      case "topic-unscheduled":
        return {
          headline: message("finding.unscheduled", { topic }),
          fix: message("finding.unscheduledFix", { topic }),
        };
      case "topic-duplicate":
        return {
          headline: message("finding.duplicate", { at, topic }),
          fix: message("finding.duplicateFix", { topic }),
        };
      case "meeting-cancelled":
        return {
          headline: message("finding.cancelled", { at, topic }),
          fix: message("finding.cancelledFix", { topic }),
        };
      case "topic-order":
        return { headline: message("finding.order", { at, topic }), fix: message("finding.orderFix") };
    }
  }
  const sentence = firstSentence(finding.message);
  // A sentence that already names the meeting ("The 16th meeting (2029) would be…") needs no prefix.
  const named = finding.meeting !== null && sentence.includes(ordinal(finding.meeting));
  return { headline: message("finding.sentence", { at: named ? "" : at, sentence }), fix: null };
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

  const given = finding.held ? null : engine.fix !== undefined ? engine.fix : own.fix;
  // In the pane, the way to the fewest changes is its own Propose timeline, not the command line.
  const fix = given && given.replace(PROPOSE, message("finding.propose"));
  return {
    headline: finding.held ? message("finding.held", { headline: own.headline }) : own.headline,
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
  const name = findingCellName(finding);
  if (!finding.at || !name) return null;
  const table = tables ? findTable(tables, WORKPLAN.table) : null;
  if (table && finding.meeting !== null && table.sheet === finding.at.sheet) {
    const header = table.headers[finding.at.column - table.left];
    const column = header ? columnName(String(header)) : null;
    if (column === WORKPLAN.meeting.toLowerCase())
      return message("finding.goToMeeting", { meeting: ordinal(finding.meeting) });
    if (column) return message("finding.goTo", { meeting: ordinal(finding.meeting), column });
  }
  return message("finding.goToCell", { name });
}
