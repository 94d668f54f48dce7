/**
 * The explanation when no clean plan exists, in the words of the workbook: a year is said only
 * where a rule or the workbook gives it, a postponed meeting is called postponed, and a meeting is
 * named once even when a cancelled row and its replacement read alike. The adopted workbook,
 * checked in 2026 (the 10th–12th meetings held), edited as a planner would.
 */
import { proposeTimeline, type NoProposal, type Proposal } from "../../../src/domain/propose";
import { readPlan } from "../../../src/domain/read";
import { tablesByName } from "../../../src/domain/tables";
import { WORKPLAN, Workbook } from "../workbook";

function propose(wb: Workbook, cancel: number[] = []): Proposal {
  const { plan } = readPlan(tablesByName(wb.tables), { currentYear: 2026, cancel: new Set(cancel) });
  if (!plan) throw new Error("the workbook must read");
  return proposeTimeline(plan);
}

function none(proposal: Proposal): NoProposal {
  if (proposal.feasible) throw new Error("expected no clean plan");
  return proposal;
}

/** The 15th (2028) cancelled with no topic; topics 6–9 at the 16th–19th, topic 10 at a 20th meeting in 2033. */
function fifteenthCancelledTenthTopicIn2033(): Workbook {
  const wb = Workbook.adopted()
    .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
    .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.fixed, null);
  for (const meeting of [16, 17, 18, 19]) wb.set(WORKPLAN.table, { Meeting: meeting }, WORKPLAN.fixed, meeting - 10);
  return wb.addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 20, [WORKPLAN.year]: 2033, [WORKPLAN.fixed]: 10 });
}

describe("the explanation when no clean plan exists", () => {
  it("says topic 10 must be last without a year the search picked (it is at 2033, not 2032)", () => {
    const proposal = none(propose(fifteenthCancelledTenthTopicIn2033()));
    expect(proposal.reason).toContain("between 2028 and 2031 (the window of cluster 2");
    expect(proposal.reason).toContain(", before topic 10, which must be last, but only 3 meetings");
    expect(proposal.reason).not.toContain("2032");
  });

  it("calls a postponed meeting postponed, as the check does", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 10 }, WORKPLAN.fixed, 2)
      .set(WORKPLAN.table, { Meeting: 11 }, WORKPLAN.fixed, 1)
      .set(WORKPLAN.table, { Meeting: 14 }, WORKPLAN.status, "postponed");
    const proposal = none(propose(wb));
    expect(proposal.reason).toContain("the 14th meeting (2027) is postponed");
    expect(proposal.reason).not.toContain("cancelled");
    const check = wb.findings({ currentYear: 2026 }).find((f) => f.rule === "meeting-cancelled");
    expect(check?.message).toContain("which is postponed");
  });

  it("names a cancelled row and its replacement, both the 15th meeting (2028), once under --cancel 15", () => {
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled")
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.fixed, null)
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 15, [WORKPLAN.year]: 2028, [WORKPLAN.status]: "Planned" });
    const proposal = none(propose(wb, [15]));
    expect(proposal.reason.split("the 15th meeting (2028)")).toHaveLength(3);
    expect(proposal.reason).toContain("; the 15th meeting (2028) is cancelled.");
    expect(proposal.reason).toContain("as it stands, the 15th meeting (2028) is cancelled, the 16th meeting (2029)");
  });
});
