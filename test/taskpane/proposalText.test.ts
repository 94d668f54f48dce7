/** The proposal in plain words: the outcome first, topics with titles, reasons without rule ids, the warning. */
import { checkWorkbook } from "../../src/domain/check";
import { proposeTimeline } from "../../src/domain/propose";
import { tablesByName } from "../../src/domain/tables";
import { outcomeSentence } from "../../src/domain/proposalSheet";
import { appendedWarning, outcomeLine, plainReason, topicWords } from "../../src/taskpane/proposalText";
import { Workbook } from "../domain/workbook";

function proposalFor(year: number) {
  const tables = tablesByName(Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", year).tables);
  const plan = checkWorkbook(tables, { currentYear: 2026 }).plan;
  if (!plan) throw new Error("no plan");
  const proposal = proposeTimeline(plan);
  if (!proposal.feasible) throw new Error("no proposal");
  return { plan, proposal };
}

describe("the proposal in plain words", () => {
  it("leads with the outcome: the year the workplan ends and the meetings it gains", () => {
    const { proposal } = proposalFor(2032);
    expect(proposal.appendedMeetings).toBe(2);
    expect(outcomeLine(proposal)).toMatch(
      /^The workplan would end in 2034 instead of 2032: two more meetings, and \w+ topics move to another meeting\.$/,
    );
    expect(appendedWarning(proposal)).toBeNull();
  });

  it("after the last planned meeting is cancelled, says its replacement keeps the end, as the command line", () => {
    const tables = tablesByName(Workbook.adopted().set("Workplan", { Meeting: 19 }, "Status", "Cancelled").tables);
    const plan = checkWorkbook(tables, { currentYear: 2026 }).plan;
    const proposal = plan && proposeTimeline(plan);
    if (!proposal?.feasible) throw new Error("no proposal");
    expect(proposal.meetings.filter((m) => m.appended).map((m) => [m.meeting, m.year])).toEqual([[19, 2032]]);
    expect(outcomeLine(proposal)).toBe(
      "The workplan would still end in 2032: one meeting appended in place of a cancelled one, and one topic moves " +
        "to another meeting.",
    );
    expect(outcomeSentence(proposal)).toBe(
      "The proposal moves topic 10 and appends 1 meeting in place of the cancelled 19th meeting (2032); with it " +
        "the check finds 0 errors and 0 warnings.",
    );
  });

  it("warns when more than two meetings are appended, saying up to which year", () => {
    const { proposal } = proposalFor(2045);
    expect(proposal.appendedMeetings).toBeGreaterThan(2);
    expect(appendedWarning(proposal)).toMatch(
      /^This proposal adds \w+ meetings, up to 20\d\d, one a year after the last\./,
    );
  });

  it("does not say 'No change needed' when meetings would be renumbered (the 13th in 2026, then the 15th)", () => {
    const wb = Workbook.adopted();
    for (const meeting of [19, 18, 17, 16, 15, 14]) wb.set("Workplan", { Meeting: meeting }, "Meeting", meeting + 1);
    const plan = checkWorkbook(tablesByName(wb.tables), { currentYear: 2026 }).plan;
    if (!plan) throw new Error("no plan");
    const proposal = proposeTimeline(plan);
    if (!proposal.feasible) throw new Error("no proposal");
    expect(outcomeLine(proposal)).toBe("No fixed topic moves: only the numbers of six meetings change.");
    expect(outcomeLine(proposalFor(2030).proposal)).toMatch(/^No change needed/);
  });

  it("names topics with their titles, and a meeting without one as flexible topic only", () => {
    const { plan } = proposalFor(2032);
    expect(topicWords(6, plan)).toBe("topic 6, Record-keeping; marking");
    expect(topicWords(null, plan)).toBe("no fixed topic (flexible topic only)");
  });

  it("drops the rule id from a reason and ends it with a full stop, as the candidates' line", () => {
    expect(plainReason("cluster-too-early: the review of cluster 2 ends in 2031")).toBe(
      "The review of cluster 2 ends in 2031.",
    );
    expect(plainReason("(appended) last-topic: topic 10 stays the last topic")).toBe("Topic 10 stays the last topic.");
    expect(plainReason("topic 6 moves to the 16th meeting (2029).")).toBe("Topic 6 moves to the 16th meeting (2029).");
  });
});
