/** The proposal as `workplan propose` prints it (the shape the issue fixes). */
import type { Summary } from "../check";
import type { MeetingChange, Proposal, Relaxation } from "./proposal";
import { PROPOSAL_SHEET_MESSAGES } from "../messages/proposal";

export interface MeetingJson {
  meeting: number | null;
  year: number | null;
  held: boolean;
  current: number | null;
  proposed: number | null;
  reason: string | null;
  /** Only on a cancelled row. */
  cancelled?: true;
  /** Only on a planned meeting that a cancellation renumbers: the number the proposal gives it. */
  renumbered?: number;
  /** Only on a planned meeting whose agenda item 2 is blank (`[]` when no flexible topic fits). */
  flexibleCandidates?: string[];
}

export type ProposalJson =
  | {
      feasible: true;
      appendedMeetings: number;
      inversions: number;
      yearsMoved: number;
      moved: number;
      meetings: MeetingJson[];
      after: Summary;
      /** Only when the time budget ran out before the timeline was proven the best. */
      proven?: false;
      note?: string;
    }
  | { feasible: false; reason: string; unplaced: number[]; relaxations: Relaxation[] };

/** What a timeline found within the time budget leaves open. */
export const NOT_PROVEN = PROPOSAL_SHEET_MESSAGES.notProven;

export function proposalToJson(proposal: Proposal): ProposalJson {
  if (!proposal.feasible) {
    const { reason, unplaced, relaxations } = proposal;
    return {
      feasible: false,
      reason,
      unplaced: [...unplaced],
      relaxations: relaxations.map(({ setting, value }) => ({ setting, value })),
    };
  }
  const { appendedMeetings, inversions, yearsMoved, moved, after } = proposal;
  return {
    feasible: true,
    appendedMeetings,
    inversions,
    yearsMoved,
    moved,
    meetings: proposal.meetings.map(meetingJson),
    after: { error: after.error, warning: after.warning, info: after.info },
    ...(proposal.proven ? {} : { proven: false as const, note: NOT_PROVEN }),
  };
}

function meetingJson(change: MeetingChange): MeetingJson {
  const { meeting, year, held, current, proposed, reason, cancelled, renumbered, flexibleCandidates } = change;
  return {
    meeting,
    year,
    held,
    current,
    proposed,
    reason,
    ...(cancelled ? { cancelled: true as const } : {}),
    ...(renumbered !== null ? { renumbered } : {}),
    ...(flexibleCandidates !== null ? { flexibleCandidates: [...flexibleCandidates] } : {}),
  };
}
