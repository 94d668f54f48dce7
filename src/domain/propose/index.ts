/**
 * The rescheduling proposal (docs/domain.md §3, P§49): an amended timeline with no error,
 * every planned topic inside its cluster windows, held meetings unchanged and new meetings only
 * appended after the last one; the best such timeline for the order of priorities of §3, or the
 * reason none exists and the smallest widening of a setting that would allow one.
 */
import { checkPlan, summarize } from "../check";
import { RULES } from "../rules";
import { inTopic } from "../findings";
import { renumbering } from "../numbering";
import type { Finding, Plan } from "../model";
import { buildOutcome } from "./build";
import { explain, severalLast, topicsPhrase } from "./explain";
import { readProblem, type Problem } from "./problem";
import type { CleanProposal, NoProposal, Proposal, Relaxation, Setting } from "./proposal";
import { meetingChanges, topicMoves } from "./reasons";
import { greedySolution } from "./greedy";
import { smallestRemoval } from "./removal";
import { solve, type Budget, type Solution } from "./solve";
import { counter, sayer } from "../messages/proposal";
import { SOLVER_MESSAGES } from "../messages/solver";
import { listPhrase } from "../wording";
import { SETTING_NAMES } from "../layout";

const say = /* @__PURE__ */ sayer(SOLVER_MESSAGES);
const sayCounted = /* @__PURE__ */ counter(SOLVER_MESSAGES);

export type { CleanProposal, MeetingChange, NoProposal, Proposal, Relaxation, Setting, TopicMove } from "./proposal";
export { budgetFor, type Budget } from "./solve";
export { NOT_PROVEN, proposalToJson, type ProposalJson } from "./json";

/** How far a setting is widened, at most, when looking for a relaxation. */
export const RELAXATION_YEARS = 5;

export interface ProposeOptions {
  /** How long the search may run (the caller's clock); without one the search is exact however long it takes. */
  budget?: Budget;
}

/**
 * Whether a clean plan exists is decided first, exactly and in polynomial time (removal.ts); only
 * then does the search look for the best one, within the budget. When the budget runs out, the
 * best plan found so far, or one built greedily, is returned marked not proven optimal.
 */
export function proposeTimeline(plan: Plan, options: ProposeOptions = {}): Proposal {
  const blocked = settingsMissing(plan) ?? clustersUnread(plan) ?? unfixableErrors(plan);
  if (blocked) return blocked;
  const problem = readProblem(plan);
  const several = severalLast(problem);
  if (several) return { feasible: false, ...several, relaxations: [] };
  if (smallestRemoval(problem).topics.length > 0) return noCleanPlan(plan, problem);
  const solution = solve(problem, options.budget) ?? greedySolution(problem);
  if (!solution) return noCleanPlan(plan, problem);
  return cleanProposal(problem, solution);
}

function noCleanPlan(plan: Plan, problem: Problem): NoProposal {
  return { feasible: false, ...explain(problem), relaxations: relaxations(plan) };
}

/** Without both window settings the windows are unknown, so no timeline can be shown to respect them. */
function settingsMissing(plan: Plan): NoProposal | null {
  const { earliest, latest } = plan.settings;
  if (earliest !== null && latest !== null) return null;
  const missing = [
    earliest === null ? `"${SETTING_NAMES.earliest}"` : null,
    latest === null ? `"${SETTING_NAMES.latest}"` : null,
  ].filter((name): name is string => name !== null);
  return {
    feasible: false,
    reason: say("settings", { settings: listPhrase(missing) }),
    unplaced: [],
    relaxations: [],
  };
}

/** A cluster whose review years cannot be read has no known window for its topics. */
function clustersUnread(plan: Plan): NoProposal | null {
  const unread = [
    ...new Set(
      plan.articles.map((a) => a.cluster).filter((c): c is number => c !== null && plan.unreadableClusters.has(c)),
    ),
  ].sort((a, b) => a - b);
  if (unread.length === 0) return null;
  const topics = [
    ...new Set(
      plan.articles
        .filter(inTopic)
        .filter((a) => a.cluster !== null && unread.includes(a.cluster))
        .map((a) => a.topic),
    ),
  ].sort((a, b) => a - b);
  return {
    feasible: false,
    reason: say("clusters", { clusters: unread.join(", "), topics: topicsPhrase(topics) }),
    unplaced: topics,
    relaxations: [],
  };
}

/**
 * The rules whose errors no placement of topics can fix: the error rules but topic-unscheduled,
 * which an emptied plan breaks for every topic (its findings would be worded for nothing).
 */
const UNFIXABLE_RULES = RULES.filter((rule) => rule.severity === "error" && rule.id !== "topic-unscheduled");

/**
 * Errors that no placement of topics can fix (articles, clusters, meeting numbers and years):
 * the checker's errors once every planned and cancelled row is emptied (and planned meetings are
 * numbered on after a cancellation, as the proposal numbers them), except the unscheduled topics.
 */
function unfixableErrors(plan: Plan): NoProposal | null {
  const numbers = renumbering(plan);
  const emptied: Plan = {
    ...plan,
    meetings: plan.meetings.map((m) => (m.held ? m : { ...m, topic: null, ordinal: numbers.get(m) ?? m.ordinal })),
  };
  const errors = checkPlan(emptied, UNFIXABLE_RULES).filter((f) => f.severity === "error");
  if (errors.length === 0) return null;
  return {
    feasible: false,
    reason: sayCounted("unfixable", errors.length, {
      errors: errors.map((f) => `${f.rule}: ${f.message}`).join(" "),
    }),
    unplaced: [],
    relaxations: [],
  };
}

/** For each setting changed alone, the smallest wider value (up to RELAXATION_YEARS more) that allows a clean plan. */
function relaxations(plan: Plan): Relaxation[] {
  const found: Relaxation[] = [];
  for (const setting of ["earliest", "latest"] as const satisfies readonly Setting[]) {
    const current = plan.settings[setting];
    if (current === null) continue;
    for (let value = current + 1; value <= current + RELAXATION_YEARS; value++) {
      if (possible({ ...plan, settings: { ...plan.settings, [setting]: value } })) {
        found.push({ setting, value });
        break;
      }
    }
  }
  return found;
}

function possible(plan: Plan): boolean {
  const problem = readProblem(plan);
  return severalLast(problem) === null && smallestRemoval(problem).topics.length === 0;
}

function cleanProposal(problem: Problem, solution: Solution): Proposal {
  const outcome = buildOutcome(problem, solution);
  const findings = checkPlan(outcome.plan);
  const blocking = findings.filter(blocks);
  // The search guarantees a clean plan; the checker has the last word all the same.
  if (blocking.length > 0) {
    return {
      feasible: false,
      reason: say("stillFindings", { findings: blocking.map((f) => f.message).join(" ") }),
      unplaced: [...new Set(blocking.map((f) => f.topic).filter((t): t is number => t !== null))],
      relaxations: [],
    };
  }
  const moves = topicMoves(problem, outcome);
  const proposal: CleanProposal = {
    feasible: true,
    // Nothing appended, inverted or moved is the least of every count: optimal with no search at all.
    proven: solution.proven || solution.appended + solution.inversions + solution.yearsMoved + solution.moved === 0,
    appendedMeetings: solution.appended,
    inversions: solution.inversions + heldPairsInverted(problem),
    yearsMoved: solution.yearsMoved,
    moved: solution.moved,
    meetings: meetingChanges(problem, outcome, moves),
    moves,
    plan: outcome.plan,
    findings,
    after: summarize(findings),
  };
  return proposal;
}

/** What a proposal may not leave: any error, or a planned topic after its cluster window. */
export function blocks(finding: Finding): boolean {
  return finding.severity === "error" || (finding.rule === "cluster-too-late" && !finding.held);
}

/** Inversions among held topics: they cannot change, but they count in the proposal's total. */
function heldPairsInverted(problem: Problem): number {
  let count = 0;
  for (const a of problem.held) {
    for (const b of problem.held) {
      if (a.number < b.number && a.year !== null && b.year !== null && a.year > b.year) count++;
    }
  }
  return count;
}
