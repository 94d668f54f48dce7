/** What the solver hands back: a proposal the Bureau can read, or why there is none. */
import type { Summary } from "../check";
import type { Finding, Plan } from "../model";

/** One meeting of the proposal, as the diff shows it. */
export interface MeetingChange {
  /** Meeting number (ordinal); null when the Workplan cell cannot be read. */
  meeting: number | null;
  year: number | null;
  held: boolean;
  /** A meeting the proposal adds after the last one. */
  appended: boolean;
  /** A cancelled row: kept for the record with no fixed topic, never renumbered. */
  cancelled: boolean;
  /** The number the proposal gives a planned meeting after a cancellation; null when it keeps its own. */
  renumbered: number | null;
  current: number | null;
  proposed: number | null;
  /** Why the meeting's fixed topic changes; null when it does not. */
  reason: string | null;
  /**
   * For a planned meeting whose agenda item 2 is blank: the flexible topics that could be taken
   * there without any finding, in the order of the FlexibleTopics table (P§48, P§50(a)). Null for
   * held and cancelled meetings and where agenda item 2 is already filled.
   */
  flexibleCandidates: string[] | null;
}

/** A topic the proposal moves: from where, to where, and the finding it resolves or the room it makes. */
export interface TopicMove {
  topic: number;
  from: { meeting: number | null; year: number | null } | null;
  to: { meeting: number | null; year: number };
  reason: string;
}

export interface CleanProposal {
  feasible: true;
  /**
   * False when the time budget ran out before the search could prove this timeline the best for
   * the priorities of §3: it is clean, but one with fewer appended meetings, inversions, years or
   * moves may exist.
   */
  proven: boolean;
  appendedMeetings: number;
  /** Pairs of topics (a < b) with a at a later year than b. */
  inversions: number;
  /** Sum over moved topics of the years between their current and proposed meetings. */
  yearsMoved: number;
  /** Topics whose meeting changes. */
  moved: number;
  /** Every meeting in time order, appended ones last. */
  meetings: MeetingChange[];
  /** Moved topics in topic order. */
  moves: TopicMove[];
  /** The plan as it would be if applied. */
  plan: Plan;
  /** What the checker finds on the proposed plan. */
  findings: Finding[];
  after: Summary;
}

export type Setting = "earliest" | "latest";

/** The smallest value of one setting, changed alone, that makes a clean plan possible. */
export interface Relaxation {
  setting: Setting;
  value: number;
}

export interface NoProposal {
  feasible: false;
  /** Why no clean plan exists, in words a planner can put to the Bureau. */
  reason: string;
  /** Topics that cannot be placed. */
  unplaced: number[];
  relaxations: Relaxation[];
}

export type Proposal = CleanProposal | NoProposal;
