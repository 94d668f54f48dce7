/**
 * The paper's scenarios (P§18, P§49): the adopted workplan of the annex, checked in 2026 (the
 * 10th–12th meetings held) unless said otherwise, with a what-if slip of one cluster.
 *
 * Windows (settings earliest 2, latest 1): cluster 4 (topics 3, 4, 5) planned to end 2026, so
 * 2024–2027; cluster 2 (topics 6–9) planned to end 2030, so 2028–2031; topic 10 holds article 14,
 * cross-cutting, and must be last.
 */
import { adoptedWorkbook } from "../../../src/domain/defaults";
import type { Plan } from "../../../src/domain/model";
import { proposeTimeline, type CleanProposal, type NoProposal, type Proposal } from "../../../src/domain/propose";
import { readPlan } from "../../../src/domain/read";

function adopted(currentYear: number, slip: [cluster: number, expectedEnd: number] | null): Plan {
  const { plan } = readPlan(adoptedWorkbook(), { currentYear, expectedEnd: new Map(slip ? [slip] : []) });
  if (!plan) throw new Error("the adopted workbook must read");
  return plan;
}

function adoptedWith(currentYear: number, slips: [cluster: number, expectedEnd: number][]): Plan {
  const { plan } = readPlan(adoptedWorkbook(), { currentYear, expectedEnd: new Map(slips) });
  if (!plan) throw new Error("the adopted workbook must read");
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

/** "meeting year: current → proposed" for the meetings whose fixed topic changes. */
function diff(proposal: CleanProposal): string[] {
  return proposal.meetings
    .filter((m) => m.current !== m.proposed)
    .map((m) => `${m.meeting} ${m.year}: ${m.current ?? "-"} → ${m.proposed ?? "-"}`);
}

function reasonAt(proposal: CleanProposal, meeting: number): string {
  return proposal.meetings.find((m) => m.meeting === meeting)?.reason ?? "";
}

describe("the adopted workplan, no slip", () => {
  it("is proposed unchanged: nothing to move, nothing appended", () => {
    const proposal = clean(proposeTimeline(adopted(2026, null)));
    expect(proposal).toMatchObject({
      appendedMeetings: 0,
      inversions: 0,
      yearsMoved: 0,
      moved: 0,
      after: { error: 0, warning: 0, info: 0 },
    });
    expect(diff(proposal)).toEqual([]);
    expect(proposal.meetings.every((m) => m.reason === null)).toBe(true);
  });
});

describe("cluster 2 slips one year (expected end 2031: window 2029–2032)", () => {
  // Topic 6 at 2028 is now too early. Topics 6–9 need four of the years 2029–2032 and topic 10
  // must follow them all, so the existing meetings (last 2032) are one short: one meeting is
  // appended, the 20th in 2033. Keeping topic order, 6–9 take 2029–2032 and 10 takes 2033: each
  // of the five moves one year; the 15th meeting (2028) is left without a fixed topic.
  const proposal = clean(proposeTimeline(adopted(2026, [2, 2031])));

  it("appends one meeting, keeps the order of topics and moves five topics one year each", () => {
    expect(proposal).toMatchObject({
      appendedMeetings: 1,
      inversions: 0,
      yearsMoved: 5,
      moved: 5,
      after: { error: 0, warning: 0, info: 0 },
    });
    expect(diff(proposal)).toEqual([
      "15 2028: 6 → -",
      "16 2029: 7 → 6",
      "17 2030: 8 → 7",
      "18 2031: 9 → 8",
      "19 2032: 10 → 9",
      "20 2033: - → 10",
    ]);
  });

  it("keeps the held meetings and topics 4 and 5 where they are", () => {
    expect(proposal.meetings.slice(0, 5).map((m) => [m.meeting, m.held, m.proposed])).toEqual([
      [10, true, 1],
      [11, true, 2],
      [12, true, 3],
      [13, false, 4],
      [14, false, 5],
    ]);
  });

  it("says why each topic moves: the finding it resolves or the room it makes", () => {
    expect(reasonAt(proposal, 16)).toMatch(
      /^cluster-too-early: .*cluster 2 "Prevention".*2031.*earliest acceptable year is 2029/,
    );
    expect(reasonAt(proposal, 17)).toBe("makes room for topic 6 at the 16th meeting (2029)");
    expect(reasonAt(proposal, 19)).toBe("makes room for topic 8 at the 18th meeting (2031)");
    expect(reasonAt(proposal, 20)).toMatch(
      /^last-topic: topic 10 stays the last topic \(art\. 14 is cross-cutting\).*topic 9 .*19th meeting \(2032\)/,
    );
    expect(reasonAt(proposal, 15)).toBe("topic 6 moves to the 16th meeting (2029)");
    expect(proposal.moves.map((m) => m.topic)).toEqual([6, 7, 8, 9, 10]);
  });

  it("adds the 20th meeting as a planned row after the 19th", () => {
    const added = proposal.plan.meetings[proposal.plan.meetings.length - 1];
    expect(added).toMatchObject({ ordinal: 20, year: 2033, held: false, status: "planned", topic: 10 });
  });
});

describe("cluster 2 slips two years (expected end 2032: window 2030–2033)", () => {
  // Topics 6 (2028) and 7 (2029) are too early. 6–9 need 2030–2033, so two meetings are appended:
  // 9 goes to the 20th (2033) and 10 to the 21st (2034); every move is two years.
  const proposal = clean(proposeTimeline(adopted(2026, [2, 2032])));

  it("appends two meetings and moves five topics two years each", () => {
    expect(proposal).toMatchObject({
      appendedMeetings: 2,
      inversions: 0,
      yearsMoved: 10,
      moved: 5,
      after: { error: 0, warning: 0, info: 0 },
    });
    expect(diff(proposal)).toEqual([
      "15 2028: 6 → -",
      "16 2029: 7 → -",
      "17 2030: 8 → 6",
      "18 2031: 9 → 7",
      "19 2032: 10 → 8",
      "20 2033: - → 9",
      "21 2034: - → 10",
    ]);
  });

  it("gives both too-early topics the cluster-too-early reason", () => {
    expect(reasonAt(proposal, 17)).toMatch(
      /^cluster-too-early: .*earliest acceptable year is 2030; it was at the 15th meeting \(2028\)/,
    );
    expect(reasonAt(proposal, 18)).toMatch(/^cluster-too-early: .*it was at the 16th meeting \(2029\)/);
    expect(reasonAt(proposal, 20)).toBe("makes room for topic 7 at the 18th meeting (2031)");
  });
});

describe("cluster 4 slips two years (expected end 2028: window 2026–2029)", () => {
  it("with its first topic already held (2026: the 12th meeting, 2025, is held) nothing moves", () => {
    // Topic 3 at the 12th meeting is now too early, but that meeting was held: an info finding
    // that never blocks. Topics 4 (2026) and 5 (2027) are still inside 2026–2029.
    const proposal = clean(proposeTimeline(adopted(2026, [4, 2028])));
    expect(proposal).toMatchObject({
      appendedMeetings: 0,
      inversions: 0,
      yearsMoved: 0,
      moved: 0,
      after: { error: 0, warning: 0, info: 1 },
    });
    expect(diff(proposal)).toEqual([]);
    expect(proposal.findings.map((f) => [f.rule, f.severity, f.meeting])).toEqual([["cluster-too-early", "info", 12]]);
  });

  it("with its first topic still planned (2025: the 12th meeting is not held yet) no clean plan exists", () => {
    // Topic 3 must now move into 2026–2029 with 4 and 5, while 6–9 need 2028–2031: seven topics
    // for the six years 2026–2031. Widening either window by a year makes seven years.
    const proposal = none(proposeTimeline(adopted(2025, [4, 2028])));
    expect(proposal.unplaced).toEqual([9]);
    expect(proposal.reason).toContain("Topics 3, 4, 5, 6, 7, 8 and 9 must all be discussed between 2026 and 2031");
    expect(proposal.reason).toContain("only 6 meetings in those years can take a fixed topic");
    expect(proposal.reason).toContain("the 13th meeting (2026)");
    expect(proposal.relaxations).toEqual([
      { setting: "earliest", value: 3 },
      { setting: "latest", value: 2 },
    ]);
  });
});

describe("the explanation of no clean plan, read by a planner", () => {
  const proposal = none(
    proposeTimeline(
      adoptedWith(2026, [
        [2, 2031],
        [4, 2031],
      ]),
    ),
  );

  it("says the crowded years once, naming the clusters whose window they are", () => {
    expect(proposal.reason).toContain(
      "Topics 4, 5, 6, 7, 8 and 9 must all be discussed between 2029 and 2032 (the window of cluster 4 " +
        '"International cooperation, mutual legal assistance and confiscation", whose review is expected to end in ' +
        '2031 in this what-if check; the window of cluster 2 "Prevention", whose review is expected to end in 2031 ' +
        "in this what-if check), before topic 10",
    );
    expect(proposal.reason.match(/between 2029 and 2032/g)).toHaveLength(3);
  });

  it("says which meeting has which topic in the workplan as it stands", () => {
    expect(proposal.unplaced).toEqual([8, 9]);
    expect(proposal.reason).toContain(
      "Topic 8 must be discussed between 2029 and 2032: in the workplan as it stands, the 16th meeting (2029) has " +
        "topic 7, the 17th meeting (2030) has topic 8 itself, the 18th meeting (2031) has topic 9 and the 19th " +
        "meeting (2032) has topic 10.",
    );
    expect(proposal.reason).not.toMatch(/this topic|now has/);
  });
});

describe("a slip that leaves no clean plan: cluster 4 five years late (expected end 2031)", () => {
  // Cluster 4's window becomes 2029–2032 and overlaps cluster 2's 2028–2031: topics 4–9 need six
  // meetings in 2028–2032, which has five. Appending meetings does not help: they come after 2032.
  const proposal = none(proposeTimeline(adopted(2026, [4, 2031])));

  it("proposes nothing and names the crowded years, windows and meetings", () => {
    expect(proposal.feasible).toBe(false);
    expect(proposal.reason).toContain("Topics 4, 5, 6, 7, 8 and 9 must all be discussed between 2028 and 2032");
    expect(proposal.reason).toContain('between 2029 and 2032 for cluster 4 "International cooperation');
    expect(proposal.reason).toContain('between 2028 and 2031 for cluster 2 "Prevention"');
    expect(proposal.reason).toContain("only 5 meetings");
    expect(proposal.unplaced).toHaveLength(1);
  });

  it("finds the smallest widening of each setting alone that would allow a plan", () => {
    // earliest 3: 2028–2032 and 2027–2031 give six years; latest 2: 2029–2033 and 2028–2032 too.
    expect(proposal.relaxations).toEqual([
      { setting: "earliest", value: 3 },
      { setting: "latest", value: 2 },
    ]);
    for (const { setting, value } of proposal.relaxations) {
      const plan = adopted(2026, [4, 2031]);
      expect(proposeTimeline({ ...plan, settings: { ...plan.settings, [setting]: value } }).feasible).toBe(true);
      expect(proposeTimeline({ ...plan, settings: { ...plan.settings, [setting]: value - 1 } }).feasible).toBe(false);
    }
  });
});
