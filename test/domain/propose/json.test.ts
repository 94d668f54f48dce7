/** The JSON `workplan propose` prints: exactly the fields of the issue, in its order. */
import { adoptedWorkbook } from "../../../src/domain/defaults";
import { proposalToJson, proposeTimeline } from "../../../src/domain/propose";
import { readPlan } from "../../../src/domain/read";

function proposalFor(expectedEnd: [number, number]) {
  const { plan } = readPlan(adoptedWorkbook(), { currentYear: 2026, expectedEnd: new Map([expectedEnd]) });
  if (!plan) throw new Error("the adopted workbook must read");
  return proposalToJson(proposeTimeline(plan));
}

describe("proposalToJson", () => {
  it("prints a proposal with its totals, every meeting and the check after it", () => {
    const json = proposalFor([2, 2031]);
    expect(Object.keys(json)).toEqual([
      "feasible",
      "appendedMeetings",
      "inversions",
      "yearsMoved",
      "moved",
      "meetings",
      "after",
    ]);
    if (!json.feasible) throw new Error("expected a proposal");
    expect(json.meetings[0]).toEqual({ meeting: 10, year: 2023, held: true, current: 1, proposed: 1, reason: null });
    const added = json.meetings[json.meetings.length - 1];
    expect(added).toMatchObject({ meeting: 20, year: 2033, held: false, current: null, proposed: 10 });
    expect(typeof added?.reason).toBe("string");
    // Issue 13: a planned meeting whose agenda item 2 is blank also lists its flexible-topic candidates.
    const keys = (m: (typeof json.meetings)[number]) =>
      m.held
        ? "meeting,year,held,current,proposed,reason"
        : "meeting,year,held,current,proposed,reason,flexibleCandidates";
    expect(json.meetings.every((m) => Object.keys(m).join() === keys(m))).toBe(true);
    expect(json.after).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("prints no proposal as its reason, the unplaced topics and the relaxations", () => {
    const json = proposalFor([4, 2031]);
    expect(Object.keys(json)).toEqual(["feasible", "reason", "unplaced", "relaxations"]);
    expect(json).toMatchObject({
      feasible: false,
      unplaced: [9],
      relaxations: [
        { setting: "earliest", value: 3 },
        { setting: "latest", value: 2 },
      ],
    });
  });

  it("survives a round trip through JSON text unchanged", () => {
    const json = proposalFor([2, 2032]);
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
