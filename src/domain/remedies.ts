/**
 * What would fix each finding, in one sentence a planner can read out to the Bureau. The words
 * come from the finding and the plan (the topic's acceptable years from the settings and the
 * Clusters table), never from constants about the adopted plan.
 */
import type { Finding, Plan } from "./model";
import { topicWindows } from "./windows";

/** The command line's way to the fewest changes; the pane says its own (findingText.ts). */
export const PROPOSE = `"workplan propose" (Propose in the add-in) finds the timeline with the fewest changes`;

/** "from 2030 to 2031", or null when the topic's windows leave no year or are unknown. */
function acceptableYears(plan: Plan | null, topic: number | null): string | null {
  if (!plan || topic === null) return null;
  const windows = topicWindows(plan, topic);
  if (windows.length === 0) return null;
  const from = Math.max(...windows.map((w) => w.from));
  const to = Math.min(...windows.map((w) => w.to));
  if (from > to) return null;
  return from === to ? `in ${from}` : `from ${from} to ${to}`;
}

function moveTopic(plan: Plan | null, finding: Finding): string {
  const years = acceptableYears(plan, finding.topic);
  const topic = finding.topic === null ? "the topic" : `topic ${finding.topic}`;
  return years
    ? `Move ${topic} to a meeting held ${years}, its acceptable years; ${PROPOSE}.`
    : `Move ${topic} to a meeting inside the acceptable years of its clusters; ${PROPOSE}.`;
}

type Remedy = (finding: Finding, plan: Plan | null) => string;

const topicName = (finding: Finding) => (finding.topic === null ? "the topic" : `topic ${finding.topic}`);

const REMEDIES: Readonly<Record<string, Remedy>> = {
  "cluster-too-early": (f, plan) => moveTopic(plan, f),
  "cluster-too-late": (f, plan) => moveTopic(plan, f),
  "last-topic": (f) => `Put ${topicName(f)} at the last meeting that has a fixed topic, after every other topic.`,
  "topic-unscheduled": (f, plan) => {
    const years = acceptableYears(plan, f.topic);
    return `Put ${topicName(f)} in agenda item 3 of a planned meeting${years ? ` held ${years}` : ""}; ${PROPOSE}.`;
  },
  "topic-duplicate": (f) =>
    `Keep ${topicName(f)} at one meeting only and give the other meeting another topic, or none.`,
  "article-unassigned": () => "Give the article a topic in the Topic column of the Articles table.",
  "article-duplicate": () => "Keep the article in one topic only (the Topic column of the Articles table).",
  "meeting-duplicate": () =>
    "Give each meeting its own number and its own year (one meeting a year), or mark the one that will not " +
    "take place as cancelled.",
  "meeting-sequence": () => "Correct the meeting numbers or the years so that the numbers increase with the years.",
  "topic-order": () =>
    `Put the fixed topics in ascending order over the meetings, or keep this order if the extended Bureau ` +
    `agrees; ${PROPOSE}.`,
  "cluster-unknown": () =>
    "Add the cluster to the Clusters table, or correct the cluster number in the Articles table.",
  "topic-unknown": () => "Add the topic to the Topics table, or choose a topic from the drop-down list of the cell.",
  "flexible-unknown": () =>
    "Choose a topic of the flexible list from the drop-down, or write “Other: ” and its title for a topic the " +
    "extended Bureau approved.",
  "flexible-repeat": () => "Choose another flexible topic for this meeting, one not discussed before.",
  "flexible-overlap": () =>
    "Nothing must change; the extended Bureau may prefer another flexible topic, since this one could be " +
    "discussed under agenda item 3.",
  "meeting-cancelled": (f) =>
    `Move ${topicName(f)} to a meeting that takes place and leave agenda item 3 of the cancelled meeting ` +
    `empty; ${PROPOSE}.`,
  "meeting-numbering": () =>
    "Number the meetings in the order they take place, the next number after the previous meeting's; " +
    `${PROPOSE} and renumbers them.`,
  "invalid-value": () => "Correct the cell: enter a value of the form the problem names.",
  "missing-table": () =>
    `Add the table or column the problem names, or start from a new workbook made by "workplan init" or the ` +
    `add-in's "Create workbook".`,
};

/** What would fix the finding; null for one about a meeting already held (nothing can change it). */
export function remedyOf(finding: Finding, plan: Plan | null): string | null {
  if (finding.held) return null;
  return REMEDIES[finding.rule]?.(finding, plan) ?? null;
}

/** The finding with its plain problem and fix sentences. */
export function inPlainWords(finding: Finding, plan: Plan | null): Finding {
  return { ...finding, problem: finding.message, fix: remedyOf(finding, plan) };
}
