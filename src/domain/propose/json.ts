/** The proposal as `workplan propose` prints it (the shape the issue fixes). */
import type { Summary } from "../check";
import type { Proposal, Relaxation } from "./proposal";

export interface MeetingJson {
  meeting: number | null;
  year: number | null;
  held: boolean;
  current: number | null;
  proposed: number | null;
  reason: string | null;
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
    }
  | { feasible: false; reason: string; unplaced: number[]; relaxations: Relaxation[] };

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
    meetings: proposal.meetings.map(({ meeting, year, held, current, proposed, reason }) => ({
      meeting,
      year,
      held,
      current,
      proposed,
      reason,
    })),
    after: { error: after.error, warning: after.warning, info: after.info },
  };
}
