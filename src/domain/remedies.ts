/**
 * What would fix each finding, in one sentence a planner can read out to the Bureau. The words
 * come from the finding and the plan (the topic's acceptable years from the settings and the
 * Clusters table), never from constants about the adopted plan.
 */
import type { Finding, Plan } from "./model";
import { topicWindows } from "./windows";
import { say, type FindingMessageId } from "./messages/findings";

/** The command line's way to the fewest changes; the pane says its own (findingText.ts). */
export const PROPOSE = say("propose");

/** "from 2030 to 2031", or null when the topic's windows leave no year or are unknown. */
function acceptableYears(plan: Plan | null, topic: number | null): string | null {
  if (!plan || topic === null) return null;
  const windows = topicWindows(plan, topic);
  if (windows.length === 0) return null;
  const from = Math.max(...windows.map((w) => w.from));
  const to = Math.min(...windows.map((w) => w.to));
  if (from > to) return null;
  return from === to ? say("years.in", { year: from }) : say("years.range", { from, to });
}

const topicName = (finding: Finding) =>
  finding.topic === null ? say("theTopic") : say("topic", { topic: finding.topic });

function moveTopic(plan: Plan | null, finding: Finding): string {
  const years = acceptableYears(plan, finding.topic);
  const topic = topicName(finding);
  return years ? say("move.in", { topic, years, propose: PROPOSE }) : say("move", { topic, propose: PROPOSE });
}

type Remedy = (finding: Finding, plan: Plan | null) => string;

/** A remedy that needs no more than the finding's topic and the way to the fewest changes. */
const fix =
  (id: FindingMessageId): Remedy =>
  (f) =>
    say(id, { topic: topicName(f), propose: PROPOSE });

const REMEDIES: Readonly<Record<string, Remedy>> = {
  "cluster-too-early": (f, plan) => moveTopic(plan, f),
  "cluster-too-late": (f, plan) => moveTopic(plan, f),
  "last-topic": fix("last.fix"),
  "topic-unscheduled": (f, plan) => {
    const years = acceptableYears(plan, f.topic);
    const topic = topicName(f);
    return years
      ? say("unsched.fixIn", { topic, years, propose: PROPOSE })
      : say("unsched.fix", { topic, propose: PROPOSE });
  },
  "topic-duplicate": fix("topicDup.fix"),
  "article-unassigned": fix("artNone.fix"),
  "article-duplicate": fix("artDup.fix"),
  "meeting-duplicate": fix("meetDup.fix"),
  "meeting-sequence": fix("seq.fix"),
  "topic-order": fix("order.fix"),
  "cluster-unknown": fix("clusterUnk.fix"),
  "topic-unknown": fix("topicUnk.fix"),
  "flexible-unknown": fix("flexUnk.fix"),
  "flexible-repeat": fix("flexRep.fix"),
  "flexible-overlap": fix("overlap.fix"),
  "meeting-cancelled": fix("cancelled.fix"),
  "meeting-numbering": fix("numbering.fix"),
  "invalid-value": fix("invalid.fix"),
  "missing-table": fix("missing.fix"),
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
