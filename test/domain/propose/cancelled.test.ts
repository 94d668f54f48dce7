/**
 * Cancelled meetings in the paper's scenarios (P§49, "other unforeseen circumstances"): the
 * adopted workplan checked in 2026 (the 10th–12th meetings held), each planned meeting cancelled in
 * turn as a what-if, with and without a slip of cluster 2 (windows: cluster 4, topics 3–5,
 * 2024–2027; cluster 2, topics 6–9, 2028–2031 on time; topic 10 last).
 */
import { checkPlan } from "../../../src/domain/check";
import { adoptedWorkbook } from "../../../src/domain/defaults";
import type { Plan } from "../../../src/domain/model";
import {
  blocks,
  proposeTimeline,
  type CleanProposal,
  type NoProposal,
  type Proposal,
} from "../../../src/domain/propose";
import { readPlan } from "../../../src/domain/read";

function adopted(cancel: number[], slip: number | null = null): Plan {
  const expectedEnd = new Map(slip === null ? [] : [[2, slip]]);
  const { plan, cancelled } = readPlan(adoptedWorkbook(), { currentYear: 2026, expectedEnd, cancel: new Set(cancel) });
  if (!plan) throw new Error("the adopted workbook must read");
  expect(cancelled).toEqual(cancel);
  return plan;
}

function clean(proposal: Proposal): CleanProposal {
  if (!proposal.feasible) throw new Error(`expected a proposal, got: ${proposal.reason}`);
  return proposal;
}

function none(proposal: Proposal): NoProposal {
  if (proposal.feasible) throw new Error("expected no clean plan");
  return proposal;
}

/** "number year: current → proposed" for every meeting that is not held; x marks a cancelled row. */
function grid(proposal: CleanProposal): string[] {
  return proposal.meetings
    .filter((m) => !m.held)
    .map(
      (m) =>
        `${m.renumbered ?? m.meeting}${m.cancelled ? "x" : ""} ${m.year}: ${m.current ?? "-"} → ${m.proposed ?? "-"}`,
    );
}

describe("each planned meeting cancelled in turn", () => {
  const cases: [slip: number | null, meeting: number, feasible: boolean][] = [];
  for (const slip of [null, 2031, 2032])
    for (let meeting = 13; meeting <= 19; meeting++) cases.push([slip, meeting, true]);

  it.each(cases)("slip %p, the %ith cancelled: a clean proposal or the exact reason none exists", (slip, meeting) => {
    const plan = adopted([meeting], slip);
    const proposal = proposeTimeline(plan);
    if (proposal.feasible) {
      expect(checkPlan(proposal.plan).filter(blocks)).toEqual([]);
      const row = proposal.meetings.find((m) => m.cancelled);
      expect(row).toMatchObject({
        meeting,
        cancelled: true,
        proposed: null,
        renumbered: null,
        flexibleCandidates: null,
      });
      expect(proposal.plan.meetings.filter((m) => m.status === "cancelled").map((m) => m.ordinal)).toEqual([meeting]);
      // Meetings that take place are numbered on, one after the other, from the 10th.
      const numbers = proposal.meetings.filter((m) => !m.cancelled).map((m) => m.renumbered ?? m.meeting);
      expect(numbers).toEqual(numbers.map((_, i) => 10 + i));
    } else {
      expect(proposal.unplaced.length).toBeGreaterThan(0);
      expect(proposal.reason).toContain(`the ${meeting}th meeting`);
      expect(proposal.reason).toContain("is taken as cancelled in this what-if check");
      expect(proposal.relaxations.length).toBeGreaterThan(0);
    }
  });
});

describe("the 15th meeting (2028) cancelled", () => {
  it("on time: topics 6–9 need four of 2028–2031 before topic 10, three remain, so no clean plan", () => {
    const proposal = none(proposeTimeline(adopted([15])));
    expect(proposal.unplaced).toEqual([9]);
    expect(proposal.reason).toContain("Topics 6, 7, 8 and 9 must all be discussed between 2028 and 2031");
    expect(proposal.reason).toContain("only 3 meetings in those years can take a fixed topic");
    expect(proposal.reason).toContain("the 15th meeting (2028) is taken as cancelled in this what-if check");
    expect(proposal.reason).toContain(
      "Topic 9 is the topic that does not fit: with every other topic, a clean plan is possible.",
    );
    // latest 2: cluster 2 runs to 2032, the 19th meeting takes topic 9 and topic 10 goes to 2033.
    expect(proposal.relaxations).toEqual([{ setting: "latest", value: 2 }]);
  });

  it(
    "with a one-year slip of cluster 2 (2029–2032) the 2028 meeting was of " +
      "no use anyway: the slip's plan, renumbered",
    () => {
      const proposal = clean(proposeTimeline(adopted([15], 2031)));
      expect(proposal).toMatchObject({ appendedMeetings: 1, inversions: 0, yearsMoved: 5, moved: 5 });
      expect(grid(proposal)).toEqual([
        "13 2026: 4 → 4",
        "14 2027: 5 → 5",
        "15x 2028: 6 → -",
        "15 2029: 7 → 6",
        "16 2030: 8 → 7",
        "17 2031: 9 → 8",
        "18 2032: 10 → 9",
        "19 2033: - → 10",
      ]);
      expect(proposal.meetings.find((m) => m.cancelled)?.reason).toBe(
        "meeting-cancelled: the 15th meeting (2028) is cancelled; topic 6 moves to the 15th meeting (2029)",
      );
    },
  );
});

describe("the 19th meeting (2032), the last one, cancelled", () => {
  it("a replacement meeting is appended in 2032 and takes the freed number and topic 10", () => {
    const proposal = clean(proposeTimeline(adopted([19])));
    expect(proposal).toMatchObject({ appendedMeetings: 1, inversions: 0, yearsMoved: 0, moved: 1 });
    expect(grid(proposal).slice(-2)).toEqual(["19x 2032: 10 → -", "19 2032: - → 10"]);
    expect(proposal.moves).toEqual([
      expect.objectContaining({
        topic: 10,
        reason: "meeting-cancelled: it was at the 19th meeting (2032), which is cancelled",
      }),
    ]);
  });
});

describe("flexible-topic candidates (P§48, P§50(a))", () => {
  it("a planned meeting with a blank agenda item 2 lists the codes that give no finding, in table order", () => {
    const proposal = clean(proposeTimeline(adopted([], null)));
    const byMeeting = new Map(proposal.meetings.map((m) => [m.meeting, m.flexibleCandidates]));
    // Held meetings get none; (e) was discussed at the 9th meeting.
    expect(byMeeting.get(12)).toBeNull();
    for (const codes of [...byMeeting.values()].filter((c) => c !== null)) expect(codes).not.toContain("e");
    // The 17th meeting (2030) takes topic 8, art. 15: (d) brokers relates to it.
    expect(byMeeting.get(17)).toEqual(["a", "b", "c", "f", "g", "h", "i", "j", "k"]);
    // The 16th (2029) takes topic 7, art. 10: (j) relates to it.
    expect(byMeeting.get(16)).toEqual(["a", "b", "c", "d", "f", "g", "h", "i", "k"]);
  });

  it("a code taken at a meeting is no candidate elsewhere, and that meeting gets none", () => {
    const { plan } = readPlan(adoptedWorkbook(), { currentYear: 2026 });
    if (!plan) throw new Error("the adopted workbook must read");
    const meetings = plan.meetings.map((m) =>
      m.ordinal === 14 ? { ...m, flexible: { kind: "code" as const, code: "a" } } : m,
    );
    const proposal = clean(proposeTimeline({ ...plan, meetings }));
    expect(proposal.meetings.find((m) => m.meeting === 14)?.flexibleCandidates).toBeNull();
    for (const m of proposal.meetings) expect(m.flexibleCandidates ?? []).not.toContain("a");
  });
});
