/**
 * The pane's state as one reducer over named events, and what it shows derived from it
 * (selectors). Pure: no React, no Office. The events say what happened: the pane read the workbook
 * (which tables there are, what setting it up would do, the findings), a request started, the
 * workbook was checked, read again after a co-author's change, its highlights cleared, a request
 * failed, a what-if changed, a timeline was asked for, proposed by the solver (or its request
 * cancelled) or applied. What each request asks of the workbook is in actions.ts, the solver's
 * requests in usePane.ts; Pane.tsx only wires.
 */
import type { CheckResult } from "../domain/check";
import type { Marking } from "../domain/marking";
import type { Plan } from "../domain/model";
import type { Proposal } from "../domain/propose";
import { describeApplyChanges, type ProposalBasis } from "../domain/proposalBasis";
import type { WorkbookTables } from "../domain/tables";
import { whatIfCheck, type WhatIfCheck } from "../domain/whatIf";
import { listPhrase } from "../domain/wording";
import { longDate, localTime } from "./dates";
import { message, messageCount } from "./messages";
import type { SetUpFound } from "./workbook";

export type Busy =
  | "opening"
  | "checking"
  | "clearing"
  | "creating"
  | "going"
  | "refreshing"
  | "saving"
  | "writing"
  | "applying"
  | "undoing"
  | "converting"
  | "adding";

export const PROGRESS: Readonly<Record<Busy, string>> = {
  opening: message("progress.opening"),
  checking: message("progress.checking"),
  clearing: message("progress.clearing"),
  creating: message("progress.creating"),
  going: message("progress.going"),
  refreshing: message("progress.refreshing"),
  saving: message("progress.saving"),
  writing: message("progress.writing"),
  applying: message("progress.applying"),
  undoing: message("progress.undoing"),
  converting: message("progress.converting"),
  adding: message("progress.adding"),
};

/** The workbook as it stands: its tables and the engine's findings without what-ifs. */
export interface Baseline {
  tables: WorkbookTables;
  result: CheckResult;
}

/**
 * What a read or a check brings back: the workbook, the lines above the Conflicts table, and whether its highlights
 * show the findings.
 */
export interface WorkbookSeen extends Baseline {
  lastCheck: readonly string[];
  marking: Marking;
  /** Whether the workbook keeps the workplan from before an Apply; absent when this read did not look. */
  canUndoApply?: boolean;
  /** Whether the workbook has any of the layout's tables; absent when this read did not look (a check). */
  hasTables?: boolean;
  /** What setting the workbook up would do, when an input table is missing; absent when this read did not look. */
  setUp?: SetUpFound | null;
  /** The next check clears Excel's undo history (it adds the helper sheets, on Windows and Mac); absent for a check. */
  clearsUndo?: boolean;
}

export interface Problem {
  title: string;
  message: string;
}

/** A request to the proposal solver: the what-if's plan it proposes for and, once answered, the proposal. */
export interface ProposalRun {
  request: number;
  plan: Plan;
  proposal: Proposal | null;
}

/** A what-if control: a cluster's spin button or a meeting's check box. */
export interface WhatIfControl {
  control: "cluster" | "meeting";
  number: number;
}

export interface PaneState {
  busy: Busy | null;
  /** Whether the workbook has workplan tables; null until the pane could look. */
  hasTables: boolean | null;
  /** What setting the workbook up would do, when an input table is missing; null otherwise. */
  setUp: SetUpFound | null;
  baseline: Baseline | null;
  /** The lines above the Conflicts table: when the workbook was last checked. */
  lastCheck: readonly string[];
  /** Whether the workbook's highlights show the findings listed; null before the first read. */
  marking: Marking | null;
  /** Why the last Check could not write the highlights (its findings are listed all the same). */
  notWritten: string | null;
  /** The last check's highlights were cleared, and no check (this planner's or a co-author's) marked them since. */
  highlightsCleared: boolean;
  /** The last request that reads the findings failed: those listed are from the read or check before it. */
  readFailed: boolean;
  problem: Problem | null;
  /** What the last request did, in a message bar. */
  notice: string | null;
  /** Why the ribbon's Check workplan button could not check the workbook, until a check succeeds. */
  commandError: string | null;
  /** What the screen reader is told (the status region). */
  announcement: string;
  /** The spin buttons' expected review ends by cluster; those that differ from the workbook are slips. */
  spun: ReadonlyMap<number, number>;
  /** The planned meetings cancelled for the what-if (meeting numbers); never written to the workbook. */
  cancelled: ReadonlySet<number>;
  /** The what-if control changed last: the findings it brings are listed under it. */
  whatIfAt: WhatIfControl | null;
  /** "Propose timeline" was selected: the pane proposes for the what-if as it stands, again after every step. */
  proposalShown: boolean;
  /** The latest request to the solver; an answer to an earlier one is never shown. */
  proposal: ProposalRun | null;
  /** The confirmation before "Apply to workplan" is open. */
  confirming: boolean;
  /** Undo apply is offered: the workbook keeps the workplan from before the last Apply. */
  canUndoApply: boolean;
  /** The next check adds the very hidden helper sheets, which clears Excel's undo history on Windows and Mac. */
  clearsUndo: boolean;
  autoCheck: boolean;
}

/** What a check was run for: it follows Check, Save expected dates or Apply. */
export type CheckedAfter = "check" | "save" | "apply" | "undo";

/** What a failed ribbon check left in the document: its message and when. */
interface CommandFailure {
  message: string;
  at: Date;
}

export type PaneEvent =
  | { type: "started"; busy: Busy }
  | { type: "finished" }
  | { type: "failed"; title: string; message: string }
  | { type: "dismissed" }
  | ({ type: "commandFailed" } & CommandFailure)
  | { type: "setUpDone"; added: boolean; tables: readonly string[] }
  | { type: "read"; read: WorkbookSeen }
  | { type: "created"; sheets: readonly string[] }
  | { type: "checked"; after: CheckedAfter; checked: WorkbookSeen }
  | { type: "notWritten"; reason: string }
  /** `ribbon`: read after the ribbon's Check workplan ran in this runtime (shared), with its error or null. */
  | { type: "refreshed"; read: WorkbookSeen; unheard?: boolean; ribbon?: { error: CommandFailure | null } }
  | { type: "cleared"; rulesRemoved: number; notesRemoved: number }
  | { type: "wentTo"; sheet: string; cell: string }
  | { type: "expectedEndsSaved"; changes: readonly string[] }
  | { type: "proposalWritten"; sheet: string }
  | { type: "applied"; fixedTopics: number; meetingsAppended: number; expectedEnds: number }
  | { type: "applyUndone"; restored: number }
  | { type: "whatIfChanged"; cluster: number; year: number }
  | { type: "meetingWhatIf"; meeting: number; cancelled: boolean }
  | { type: "whatIfReset" }
  | { type: "proposeAsked" }
  | { type: "proposing"; request: number; plan: Plan }
  | { type: "proposed"; request: number; proposal: Proposal }
  | { type: "proposalCancelled"; request: number }
  | { type: "proposalFailed"; request: number; message: string }
  | { type: "applyAsked" }
  | { type: "applyCancelled" }
  | { type: "applyConfirmed" }
  | { type: "autoCheckSwitched"; on: boolean };

export function initialState(autoCheck: boolean): PaneState {
  return {
    busy: "opening",
    hasTables: null,
    setUp: null,
    baseline: null,
    lastCheck: [],
    marking: null,
    notWritten: null,
    highlightsCleared: false,
    readFailed: false,
    problem: null,
    notice: null,
    commandError: null,
    announcement: PROGRESS.opening,
    spun: new Map(),
    cancelled: new Set(),
    whatIfAt: null,
    proposalShown: false,
    proposal: null,
    confirming: false,
    canUndoApply: false,
    clearsUndo: false,
    autoCheck,
  };
}

const CHECKED_PREFIX: Readonly<Record<CheckedAfter, string>> = {
  check: message("checked.check"),
  save: message("checked.save"),
  apply: message("checked.apply"),
  undo: message("checked.undo"),
};
const REFRESHED_PREFIX = message("checked.refreshed");

/** "Check done: 2 errors, 0 warnings, 0 info." */
export function checkedText(result: CheckResult, prefix: string): string {
  const { error, warning, info } = result.summary;
  return result.findings.length === 0
    ? message("checked.none", { prefix })
    : message("checked.counts", {
        prefix,
        errors: messageCount("count.error", error),
        warnings: messageCount("count.warning", warning),
        info,
      });
}

function clearedText(rulesRemoved: number, notesRemoved: number): string {
  if (rulesRemoved === 0 && notesRemoved === 0) return message("cleared.nothing");
  return message("cleared.some", {
    rules: messageCount("count.rule", rulesRemoved),
    notes: messageCount("count.note", notesRemoved),
  });
}

function appliedText({ fixedTopics, meetingsAppended, expectedEnds }: Extract<PaneEvent, { type: "applied" }>) {
  const parts = [message("applied.topics", { fixedTopics: messageCount("count.topic", fixedTopics) })];
  if (meetingsAppended > 0)
    parts.push(message("applied.meetings", { meetings: messageCount("count.meeting", meetingsAppended) }));
  if (expectedEnds > 0) parts.push(message("applied.ends", { ends: messageCount("count.end", expectedEnds) }));
  return message("applied", { parts: parts.join(", ") });
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** "The Check workplan button could not check the workbook on 1 December 2026 at 16:40 CET: Excel refused …" */
function commandErrorText(error: string, at: Date): string {
  const reason = error.replace(/^Could not check the workbook\.\s*/, "");
  return message("commandFailed", { date: longDate(at), time: localTime(at), reason });
}

const baselineOf = ({ tables, result }: WorkbookSeen): Baseline => ({ tables, result });

/**
 * What a read of the workbook (on opening or a co-author's refresh) brings into the state: with the findings, the
 * set-up offer, so that a co-author's added, converted or removed tables update it on the same refresh.
 */
function seen(state: PaneState, read: WorkbookSeen): Partial<PaneState> {
  return {
    baseline: baselineOf(read),
    lastCheck: read.lastCheck,
    marking: read.marking,
    canUndoApply: read.canUndoApply ?? state.canUndoApply,
    hasTables: read.hasTables ?? state.hasTables,
    setUp: read.setUp === undefined ? state.setUp : read.setUp,
    clearsUndo: read.clearsUndo ?? state.clearsUndo,
  };
}

/** Requests that end by reading the findings: when one fails, the findings listed are no longer current. */
const READS_FINDINGS: ReadonlySet<Busy> = new Set([
  "opening",
  "checking",
  "refreshing",
  "saving",
  "applying",
  "undoing",
]);

/** The events of a request: it starts, brings its outcome or fails, and finishes. */
function requestReducer(state: PaneState, event: PaneEvent): PaneState | null {
  switch (event.type) {
    case "started":
      // A new request drops the notice of the one before; a co-author's refresh (not the planner's) leaves it.
      return {
        ...state,
        busy: event.busy,
        problem: null,
        notice: event.busy === "refreshing" ? state.notice : null,
        announcement: PROGRESS[event.busy],
      };
    case "finished":
      return { ...state, busy: null };
    case "failed":
      return {
        ...state,
        problem: { title: event.title, message: event.message },
        readFailed: state.readFailed || (state.busy !== null && READS_FINDINGS.has(state.busy)),
        notice: null,
        announcement: "",
      };
    case "dismissed":
      return { ...state, problem: null };
    default:
      return null;
  }
}

/** What the workbook answered: read, created, checked, refreshed, cleared, selected. */
function workbookReducer(state: PaneState, event: PaneEvent): PaneState | null {
  switch (event.type) {
    case "commandFailed":
      return { ...state, commandError: commandErrorText(event.message, event.at) };
    case "setUpDone":
      return { ...state, notice: message(event.added ? "added" : "converted", { tables: listPhrase(event.tables) }) };
    case "read":
      return { ...state, ...seen(state, event.read), readFailed: false, announcement: "" };
    case "created": {
      const notice = message("created", { sheets: listPhrase(event.sheets) });
      return { ...state, hasTables: true, notice, announcement: "" };
    }
    case "checked":
      return {
        ...state,
        baseline: baselineOf(event.checked),
        lastCheck: event.checked.lastCheck,
        marking: event.checked.marking,
        // The check wrote the helper sheets: the next one changes no sheet's visibility.
        clearsUndo: false,
        readFailed: false,
        notWritten: null,
        highlightsCleared: false,
        commandError: null,
        announcement: checkedText(event.checked.result, CHECKED_PREFIX[event.after]),
      };
    case "refreshed": {
      const { ribbon, read } = event;
      const error = ribbon?.error ? commandErrorText(ribbon.error.message, ribbon.error.at) : null;
      const prefix = ribbon ? CHECKED_PREFIX.check : event.unheard ? message("checked.changed") : REFRESHED_PREFIX;
      return {
        ...state,
        ...seen(state, read),
        readFailed: false,
        // Other lines above the Conflicts table: a co-author's (or the ribbon's) check has marked the findings again.
        highlightsCleared: state.highlightsCleared && sameLines(state.lastCheck, read.lastCheck),
        commandError: ribbon ? error : state.commandError,
        announcement: error ?? checkedText(read.result, prefix),
      };
    }
    case "notWritten":
      return {
        ...state,
        notWritten: event.reason,
        announcement: `${message("notWritten.title")} ${message("notWritten", { reason: event.reason })}`,
      };
    case "cleared": {
      const removed = event.rulesRemoved > 0 || event.notesRemoved > 0;
      const notice = clearedText(event.rulesRemoved, event.notesRemoved);
      const marking = removed ? "absent" : state.marking;
      // The message bar announces itself.
      return { ...state, highlightsCleared: state.highlightsCleared || removed, marking, notice, announcement: "" };
    }
    case "wentTo":
      return { ...state, announcement: message("wentTo", { sheet: event.sheet, cell: event.cell }) };
    default:
      return null;
  }
}

/** The what-if, the proposal, and what was written from them. */
function whatIfReducer(state: PaneState, event: PaneEvent): PaneState | null {
  switch (event.type) {
    // The status region stops repeating the last request's outcome: the what-if's diff announces itself.
    case "whatIfChanged":
      return {
        ...state,
        spun: new Map(state.spun).set(event.cluster, event.year),
        whatIfAt: { control: "cluster", number: event.cluster },
        announcement: "",
      };
    case "meetingWhatIf": {
      const cancelled = new Set(state.cancelled);
      if (event.cancelled) cancelled.add(event.meeting);
      else cancelled.delete(event.meeting);
      return { ...state, cancelled, whatIfAt: { control: "meeting", number: event.meeting }, announcement: "" };
    }
    case "whatIfReset":
      return { ...state, spun: new Map(), cancelled: new Set(), whatIfAt: null };
    case "expectedEndsSaved": {
      const notice =
        event.changes.length === 0 ? message("saved.nothing") : message("saved", { changes: event.changes.join("; ") });
      return { ...state, spun: new Map(), notice };
    }
    case "proposeAsked":
      return { ...state, proposalShown: true };
    case "proposalWritten": {
      const notice = message("proposalWritten", { sheet: event.sheet });
      return { ...state, notice, announcement: "" };
    }
    case "applyAsked":
      return { ...state, confirming: true };
    case "applyCancelled":
    case "applyConfirmed":
      return { ...state, confirming: false };
    case "applied":
      return {
        ...state,
        spun: new Map(),
        cancelled: new Set(),
        proposalShown: false,
        proposal: null,
        canUndoApply: true,
        notice: appliedText(event),
      };
    case "applyUndone": {
      const notice = message("undone", { cells: messageCount("count.cell", event.restored) });
      return { ...state, canUndoApply: false, notice };
    }
    default:
      return null;
  }
}

/**
 * The solver's requests: each what-if step asks anew and the pane waits for that request's answer alone; an answer or a
 * cancellation of an earlier request changes nothing.
 */
function proposalReducer(state: PaneState, event: PaneEvent): PaneState | null {
  if (event.type === "proposing")
    return { ...state, proposal: { request: event.request, plan: event.plan, proposal: null } };
  if (!("request" in event) || state.proposal?.request !== event.request) return null;
  switch (event.type) {
    case "proposed":
      return { ...state, proposal: { ...state.proposal, proposal: event.proposal } };
    case "proposalCancelled":
      return { ...state, proposal: null };
    case "proposalFailed":
      return {
        ...state,
        proposal: null,
        proposalShown: false,
        problem: { title: message("proposalFailed"), message: event.message },
      };
    default:
      return null;
  }
}

export function reducePane(state: PaneState, event: PaneEvent): PaneState {
  if (event.type === "autoCheckSwitched") return { ...state, autoCheck: event.on };
  if ("request" in event) return proposalReducer(state, event) ?? state;
  return requestReducer(state, event) ?? workbookReducer(state, event) ?? whatIfReducer(state, event) ?? state;
}

// Selectors: what the pane shows, derived from the state.

/** What the pane is showing: the search for the tables, the offer to convert or create them, or the workbook. */
export function selectView(state: PaneState): "opening" | "convert" | "create" | "workbook" {
  if (state.busy === "opening") return "opening";
  if (state.hasTables !== false) return "workbook";
  return state.setUp?.convert.length ? "convert" : "create";
}

/** Requests whose progress takes the findings' place while they run. */
const REPLACES_FINDINGS: ReadonlySet<Busy> = new Set([
  "checking",
  "clearing",
  "saving",
  "applying",
  "writing",
  "undoing",
]);

/** The findings to list: the workbook's as last read or checked (opening lists them at once); null before. */
export function selectFindings(state: PaneState): CheckResult | null {
  if (state.busy !== null && REPLACES_FINDINGS.has(state.busy)) return null;
  return state.baseline?.result ?? null;
}

/** The progress line in the findings' place, for the requests that show one there. */
export function selectProgress(state: PaneState): string | null {
  return state.busy !== null && REPLACES_FINDINGS.has(state.busy) ? PROGRESS[state.busy] : null;
}

/** Whether any finding would be highlighted in the Workplan table (a finding with a cell). */
function anyMarkable(state: PaneState): boolean {
  return state.baseline?.result.findings.some((finding) => finding.cell !== null) ?? false;
}

/** Why the last Check could not write to the workbook, for the warning bar under Check; null when it could. */
export function selectNotWritten(state: PaneState): string | null {
  return state.notWritten === null ? null : message("notWritten", { reason: state.notWritten });
}

/**
 * The one line about the findings under the last check's: the last read failed (they are from the one
 * before), or the workbook's highlights were cleared since, or
 * they are absent or older than the data ("not highlighted yet"); null when they show the findings
 * listed, when the last Check could not write them (selectNotWritten says so), or there is nothing to highlight.
 */
export function selectSince(state: PaneState): string | null {
  if (state.readFailed) return message("since.failed");
  if (state.notWritten !== null || !anyMarkable(state)) return null;
  if (state.highlightsCleared) return message("since.cleared");
  if (state.marking === "absent") return message("since.absent");
  if (state.marking === "stale") return message("since.stale");
  return null;
}

export interface ClusterRow {
  number: number;
  name: string;
  plannedEnd: number;
  /** The expected end the Clusters table holds. */
  inWorkbook: number;
  /** The expected end of the what-if (the spin button's value). */
  expected: number;
}

function clustersOf(baseline: Baseline | null) {
  return [...(baseline?.result.plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
}

/** The what-if expected ends that differ from the workbook's (a co-author's change may have caught up with one). */
export function selectSlips(baseline: Baseline | null, spun: ReadonlyMap<number, number>): ReadonlyMap<number, number> {
  const slips = new Map<number, number>();
  for (const cluster of clustersOf(baseline)) {
    const year = spun.get(cluster.number);
    if (year !== undefined && year !== cluster.expectedEndInWorkbook) slips.set(cluster.number, year);
  }
  return slips;
}

export function selectClusterRows(baseline: Baseline | null, slips: ReadonlyMap<number, number>): ClusterRow[] {
  return clustersOf(baseline).map((c) => ({
    number: c.number,
    name: c.name,
    plannedEnd: c.plannedEnd,
    inWorkbook: c.expectedEndInWorkbook,
    expected: slips.get(c.number) ?? c.expectedEndInWorkbook,
  }));
}

/**
 * The check with the slips and the cancelled meetings and what it changes, in memory (domain `whatIfCheck`); null
 * before the workbook is read. The proposal for it comes from the solver (selectProposal).
 */
export function selectPreview(
  baseline: Baseline | null,
  slips: ReadonlyMap<number, number>,
  currentYear: number,
  cancelled: ReadonlySet<number> = new Set(),
): WhatIfCheck | null {
  if (!baseline) return null;
  return whatIfCheck(baseline.tables, { currentYear, expectedEnd: slips, cancel: cancelled }, baseline.result);
}

/**
 * The proposal to show for the what-if's `plan`: null until "Propose timeline" is selected (or without a plan),
 * "pending" until the solver has answered for that very plan, never a proposal made for an earlier step.
 */
export function selectProposal(state: PaneState, plan: Plan | null): Proposal | "pending" | null {
  if (!state.proposalShown || !plan) return null;
  const run = state.proposal;
  return run && run.plan === plan && run.proposal ? run.proposal : "pending";
}

/** What "Apply" and "Write proposal for the Bureau" need; null without a clean proposal for the preview's plan. */
export function selectBasis(
  preview: WhatIfCheck | null,
  proposal: Proposal | "pending" | null,
  slips: ReadonlyMap<number, number>,
  currentYear: number,
  cancelled: ReadonlySet<number> = new Set(),
): ProposalBasis | null {
  const plan = preview?.check.plan;
  const options = { currentYear, expectedEnd: slips, ...(cancelled.size > 0 ? { cancel: cancelled } : {}) };
  return proposal !== null && proposal !== "pending" && proposal.feasible && plan ? { proposal, plan, options } : null;
}

/**
 * Beside each spin button: how many findings its cluster's slip alone adds (positive) or removes
 * (negative), in memory; absent for a cluster at its workbook date.
 */
export function selectSlipCounts(
  baseline: Baseline | null,
  slips: ReadonlyMap<number, number>,
  currentYear: number,
): ReadonlyMap<number, number> {
  const counts = new Map<number, number>();
  if (!baseline) return counts;
  for (const [cluster, year] of slips) {
    const options = { currentYear, expectedEnd: new Map([[cluster, year]]) };
    const alone = whatIfCheck(baseline.tables, options, baseline.result);
    counts.set(cluster, alone.diff.appeared.length - alone.diff.disappeared.length);
  }
  return counts;
}

/** "+2 conflicts", "−1 conflict", "no change in conflicts". */
export function slipCountText(count: number): string {
  if (count === 0) return message("slip.none");
  const conflicts = messageCount("count.conflict", Math.abs(count));
  return message(count > 0 ? "slip.more" : "slip.fewer", { conflicts });
}

/** The planned meetings a what-if may cancel (not held, not already cancelled), in order. */
export function selectCancellable(baseline: Baseline | null): { meeting: number; year: number | null }[] {
  const meetings = baseline?.result.plan?.meetings ?? [];
  return meetings
    .filter((m) => !m.held && m.status !== "cancelled" && m.ordinal !== null)
    .map((m) => ({ meeting: m.ordinal as number, year: m.year }));
}

/**
 * Apply writes only what the workbook can hold: not a what-if's cancelled meetings (the Bureau's proposal sheet can).
 */
export function selectCanApply(state: PaneState): boolean {
  return state.cancelled.size === 0;
}

/** Everything Apply will change, one line each, for the confirmation. */
export function selectApplyChanges(basis: ProposalBasis | null, baseline: Baseline | null): string[] {
  return basis && baseline ? describeApplyChanges(basis, baseline.tables) : [];
}
