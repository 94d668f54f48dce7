/**
 * A proposal where no topic moves but meetings take new numbers (domain.md §3: planned meetings are
 * numbered on from the last held one): the headline says so and why, and every renumbered meeting
 * has a reason. The adopted workbook checked in 2026 (the 10th–12th meetings held).
 */
import { proposeTimeline, type CleanProposal } from "../../../src/domain/propose";
import { outcomeSentence, proposalTotals } from "../../../src/domain/proposalSheet";
import { readPlan } from "../../../src/domain/read";
import { tablesByName } from "../../../src/domain/tables";
import { SETTING_NAMES, WORKPLAN, Workbook } from "../workbook";

function propose(wb: Workbook): CleanProposal {
  const { plan } = readPlan(tablesByName(wb.tables), { currentYear: 2026 });
  if (!plan) throw new Error("the workbook must read");
  const proposal = proposeTimeline(plan);
  if (!proposal.feasible) throw new Error(`expected a proposal, got: ${proposal.reason}`);
  return proposal;
}

describe("a proposal that only renumbers meetings", () => {
  it("after the cancelled 15th (2028), every topic a year later up to the 20th (2033), latest 2", () => {
    const wb = Workbook.adopted()
      .setting(SETTING_NAMES.latest, 2)
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.fixed, null);
    for (const meeting of [19, 18, 17, 16]) {
      wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.fixed, meeting - 10);
      wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.year, meeting + 2013);
    }
    wb.set(WORKPLAN.table, { Meeting: 16 }, WORKPLAN.year, 2029);
    wb.addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 20, [WORKPLAN.year]: 2033, [WORKPLAN.fixed]: 10 });
    const proposal = propose(wb);
    expect(proposal).toMatchObject({ moved: 0, appendedMeetings: 0 });
    expect(outcomeSentence(proposal)).toBe(
      "No topic needs to move, but 5 meetings would be renumbered: meetings are numbered as they are held, and " +
        "the 15th meeting (2028) does not take place; with it the check finds 0 errors and 0 warnings.",
    );
    expect(proposalTotals(proposal)).toBe("No topic moves; 5 meetings renumbered.");
    const renumbered = proposal.meetings.filter((m) => m.renumbered !== null);
    expect(renumbered.map((m) => [m.meeting, m.renumbered])).toEqual([
      [16, 15],
      [17, 16],
      [18, 17],
      [19, 18],
      [20, 19],
    ]);
    expect(renumbered[0]?.reason).toBe(
      "meeting-numbering: becomes the 15th meeting: meetings are numbered as they are held, and the 15th meeting " +
        "(2028) does not take place",
    );
    expect(renumbered.every((m) => m.reason?.startsWith("meeting-numbering: "))).toBe(true);
  });

  it("after a gap in the numbers (the 13th in 2026, then the 15th in 2027): renumbered from the 13th", () => {
    const wb = Workbook.adopted();
    for (const meeting of [19, 18, 17, 16, 15, 14])
      wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.meeting, meeting + 1);
    const proposal = propose(wb);
    expect(outcomeSentence(proposal)).toBe(
      "No topic needs to move, but 6 meetings would be renumbered: meetings are numbered as they are held, and " +
        "the numbers run on, one after another, from the 13th meeting (2026); with it the check finds 0 errors and " +
        "0 warnings.",
    );
    expect(proposal.meetings.find((m) => m.meeting === 15)).toMatchObject({
      renumbered: 14,
      reason:
        "meeting-numbering: becomes the 14th meeting: meetings are numbered as they are held, one after another " +
        "from the 13th meeting (2026)",
    });
    expect(proposal.plan.meetings.map((m) => m.ordinal)).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
  });

  it("says no change is needed when nothing is renumbered either (the adopted plan)", () => {
    expect(outcomeSentence(propose(Workbook.adopted()))).toMatch(/^No change is needed/);
  });
});
