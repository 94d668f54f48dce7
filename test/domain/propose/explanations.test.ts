/**
 * What a planner reads besides the numbers: why each topic moves, why a meeting is emptied, and,
 * when no clean plan exists, which topics and why. Small plans built by hand, one meeting a year
 * from 2020 (the 10th), windows from settings earliest 1 and latest 1 unless said otherwise.
 */
import { proposeTimeline, type CleanProposal, type NoProposal, type Proposal } from "../../../src/domain/propose";
import { planOf, type MeetingSpec, type PlanSpec, type TopicSpec } from "./planBuilder";

function meetings(topics: (number | null)[], held = 0): MeetingSpec[] {
  return topics.map((topic, i) => ({ ordinal: 10 + i, year: 2020 + i, held: i < held, topic }));
}

function spec(
  meetingList: MeetingSpec[],
  topics: TopicSpec[],
  expectedEnd: Record<number, number> = {},
  more: Partial<PlanSpec> = {},
): PlanSpec {
  return { meetings: meetingList, topics, expectedEnd, earliest: 1, latest: 1, ...more };
}

function clean(proposal: Proposal): CleanProposal {
  if (!proposal.feasible) throw new Error(`expected a proposal, got: ${proposal.reason}`);
  return proposal;
}

function none(proposal: Proposal): NoProposal {
  if (proposal.feasible) throw new Error("expected no clean plan");
  return proposal;
}

const reasonAt = (proposal: CleanProposal, meeting: number) =>
  proposal.meetings.find((m) => m.meeting === meeting)?.reason;

describe("reasons for moves", () => {
  it("a topic that follows another topic pushed later keeps the order of topics", () => {
    // Topic 1 (cluster 1 ends 2023: 2022–2024) at 2020 is too early and goes to 2022. Topic 2 has
    // no window; left at 2021 it would come before topic 1, so it goes after it, to 2023.
    const proposal = clean(
      proposeTimeline(
        planOf(
          spec(
            meetings([1, 2, null, null]),
            [
              { number: 1, clusters: [1] },
              { number: 2, clusters: [] },
            ],
            { 1: 2023 },
          ),
        ),
      ),
    );
    expect(proposal).toMatchObject({ inversions: 0, moved: 2, yearsMoved: 4 });
    expect(reasonAt(proposal, 12)).toMatch(
      /^cluster-too-early: .*earliest acceptable year is 2022; it was at the 10th meeting \(2020\)/,
    );
    expect(reasonAt(proposal, 13)).toBe(
      "topic-order: keeps the order of topics after topic 1, now at the 12th meeting (2022)",
    );
  });

  it("a topic after its window moves earlier with the cluster-too-late reason", () => {
    const proposal = clean(
      proposeTimeline(
        planOf(
          spec(
            meetings([null, 1, null, 2]),
            [
              { number: 1, clusters: [] },
              { number: 2, clusters: [1] },
            ],
            { 1: 2021 },
          ),
        ),
      ),
    );
    expect(proposal.meetings.find((m) => m.proposed === 2)).toMatchObject({ meeting: 12, year: 2022 });
    expect(reasonAt(proposal, 12)).toMatch(
      /^cluster-too-late: .*latest acceptable year is 2022; it was at the 13th meeting \(2023\)/,
    );
  });

  it("an unscheduled topic is placed and says it was at no meeting", () => {
    const proposal = clean(
      proposeTimeline(
        planOf(
          spec(meetings([1, null]), [
            { number: 1, clusters: [] },
            { number: 2, clusters: [] },
          ]),
        ),
      ),
    );
    expect(proposal.meetings.map((m) => m.proposed)).toEqual([1, 2]);
    expect(reasonAt(proposal, 11)).toBe("topic-unscheduled: it was at no meeting");
    expect(proposal).toMatchObject({ moved: 1, yearsMoved: 0 });
  });

  it("a topic named twice stays at its first meeting and the second is emptied", () => {
    const proposal = clean(proposeTimeline(planOf(spec(meetings([1, 1]), [{ number: 1, clusters: [] }]))));
    expect(proposal.meetings.map((m) => m.proposed)).toEqual([1, null]);
    expect(reasonAt(proposal, 11)).toBe("topic-duplicate: topic 1 stays at the 10th meeting (2020)");
    expect(proposal.moved).toBe(0);
  });

  it("a planned meeting repeating a held topic, or naming an unknown one, is emptied", () => {
    const proposal = clean(proposeTimeline(planOf(spec(meetings([1, 1, 7], 1), [{ number: 1, clusters: [] }]))));
    expect(proposal.meetings.map((m) => m.proposed)).toEqual([1, null, null]);
    expect(reasonAt(proposal, 11)).toBe("topic-duplicate: topic 1 was already discussed at the 10th meeting (2020)");
    expect(reasonAt(proposal, 12)).toBe("topic-unknown: topic 7 is not in the Topics table");
  });

  it("a year between the last meeting and a window is appended without a fixed topic", () => {
    // Topic 1's window is 2022–2024 and the last meeting is 2020: the 11th (2021) is appended
    // empty, one meeting a year, and the 12th (2022) takes topic 1.
    const proposal = clean(proposeTimeline(planOf(spec(meetings([1]), [{ number: 1, clusters: [1] }], { 1: 2023 }))));
    expect(proposal.meetings.map((m) => [m.meeting, m.year, m.proposed])).toEqual([
      [10, 2020, null],
      [11, 2021, null],
      [12, 2022, 1],
    ]);
    expect(reasonAt(proposal, 11)).toBe("appended to keep one meeting a year; no fixed topic fits this year");
  });

  it("a held topic outside its window never blocks: it stays, with an info finding", () => {
    const proposal = clean(
      proposeTimeline(
        planOf(
          spec(
            meetings([1, 2], 1),
            [
              { number: 1, clusters: [1] },
              { number: 2, clusters: [] },
            ],
            { 1: 2030 },
          ),
        ),
      ),
    );
    expect(proposal.meetings.map((m) => m.proposed)).toEqual([1, 2]);
    expect(proposal.after).toEqual({ error: 0, warning: 0, info: 1 });
  });
});

describe("no clean plan", () => {
  it("names a topic whose clusters' windows have no year in common", () => {
    const proposal = none(
      proposeTimeline(planOf(spec(meetings([1, null, null]), [{ number: 1, clusters: [1, 2] }], { 1: 2020, 2: 2025 }))),
    );
    expect(proposal.unplaced).toEqual([1]);
    expect(proposal.reason).toContain("Topic 1 must be discussed between 2019 and 2021 for cluster 1");
    expect(proposal.reason).toContain("between 2024 and 2026 for cluster 2");
    expect(proposal.reason).toContain("no year is in all of them");
    // earliest 4: cluster 2 from 2021, which cluster 1's window still holds.
    expect(proposal.relaxations).toEqual([
      { setting: "earliest", value: 4 },
      { setting: "latest", value: 4 },
    ]);
  });

  it("names the last topic when its window ends before another topic can be discussed", () => {
    // Topic 2 (art. "last", cluster 1: 2019–2021) must come after topic 1 (cluster 2: 2022–2024).
    const topics: TopicSpec[] = [
      { number: 1, clusters: [2] },
      { number: 2, clusters: [1], last: true },
    ];
    const proposal = none(proposeTimeline(planOf(spec(meetings([2, 1, null]), topics, { 1: 2020, 2: 2023 }))));
    expect(proposal.unplaced).toEqual([2]);
    expect(proposal.reason).toMatch(
      /^Topic 2 must be at the last meeting with a fixed topic \(its art\. \d+ is cross-cutting\)/,
    );
    expect(proposal.reason).toContain("topic 1 cannot be discussed before 2021");
  });

  it("names the last topic when a held meeting with a topic comes after its window", () => {
    const topics: TopicSpec[] = [
      { number: 1, clusters: [] },
      { number: 2, clusters: [1], last: true },
    ];
    const proposal = none(
      proposeTimeline(
        planOf(
          spec(
            [
              { ordinal: 10, year: 2020, held: false, topic: 2 },
              { ordinal: 11, year: 2021, held: true, topic: 1 },
            ],
            topics,
            { 1: 2020 },
          ),
        ),
      ),
    );
    expect(proposal.unplaced).toEqual([2]);
    expect(proposal.reason).toContain("the 11th meeting (2021) was already held with a fixed topic");
  });

  it("says that two topics cannot both be last, and that no setting helps", () => {
    const topics: TopicSpec[] = [
      { number: 1, clusters: [], last: true },
      { number: 2, clusters: [], last: true },
    ];
    const proposal = none(proposeTimeline(planOf(spec(meetings([1, 2]), topics))));
    expect(proposal.unplaced).toEqual([1, 2]);
    expect(proposal.reason).toMatch(/^Topics 1 and 2 each hold a cross-cutting article that must be discussed last/);
    expect(proposal.relaxations).toEqual([]);
  });

  it("does not try to fix errors no rescheduling can fix", () => {
    const plan = planOf(
      spec([...meetings([1]), { ordinal: 11, year: 2020, held: false, topic: null }], [{ number: 1, clusters: [] }]),
    );
    const proposal = none(proposeTimeline(plan));
    expect(proposal.reason).toMatch(
      /^The plan has an error that rescheduling topics cannot fix; correct it first: meeting-duplicate: /,
    );
    expect(proposal).toMatchObject({ unplaced: [], relaxations: [] });
  });

  it("asks for the review years of a cluster that cannot be read", () => {
    const plan = planOf(
      spec(
        meetings([1, 2]),
        [
          { number: 1, clusters: [1] },
          { number: 2, clusters: [] },
        ],
        { 2: 2020 },
      ),
    );
    const proposal = none(proposeTimeline({ ...plan, unreadableClusters: new Set([1]) }));
    expect(proposal.reason).toMatch(
      /^The review years of cluster 1 cannot be read from the Clusters table, so the window of topic 1 is unknown/,
    );
    expect(proposal.unplaced).toEqual([1]);
  });

  it("asks for the window settings when they cannot be read", () => {
    const plan = planOf(spec(meetings([1]), [{ number: 1, clusters: [1] }], { 1: 2020 }));
    const proposal = none(proposeTimeline({ ...plan, settings: { ...plan.settings, latest: null } }));
    expect(proposal.reason).toContain('"Latest (years after review end)"');
  });
});
