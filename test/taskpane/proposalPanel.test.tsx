/** @jest-environment jsdom */
/**
 * The proposal's table of changes in plain words: a meeting is listed when its fixed topic changes
 * or it is added; an added meeting says what it gets ("added, no fixed topic (flexible topic
 * only)"), both sides of a change name the topic with its title, and every line ends with a full stop.
 */
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import { checkWorkbook } from "../../src/domain/check";
import { proposeTimeline } from "../../src/domain/propose";
import { tablesByName } from "../../src/domain/tables";
import { ProposalPanel } from "../../src/taskpane/components/ProposalPanel";
import { Workbook } from "../domain/workbook";

function show(year: number) {
  const tables = tablesByName(Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", year).tables);
  const plan = checkWorkbook(tables, { currentYear: 2026 }).plan;
  const proposal = plan && proposeTimeline(plan);
  if (!plan || !proposal?.feasible) throw new Error("no proposal");
  render(<ProposalPanel proposal={proposal} plan={plan} busy={false} onWrite={() => {}} onApply={() => {}} />);
  const table = screen.getByRole("table", { name: "Changes to the fixed topics" });
  return { proposal, rows: within(table).getAllByRole("row").slice(1) };
}

const text = (row: HTMLElement) => row.textContent ?? "";

describe("the proposal's changes", () => {
  it("says what an added meeting gets, and never lists 'no fixed topic → no fixed topic'", () => {
    const { proposal, rows } = show(2045);
    expect(proposal.meetings.some((m) => m.appended && m.proposed === null)).toBe(true);
    expect(rows.map(text).filter((t) => /no fixed topic.*no fixed topic/.test(t))).toEqual([]);
    const added = rows.map(text).filter((t) => /appended/.test(t));
    expect(added).toHaveLength(proposal.appendedMeetings);
    expect(added).toContainEqual(
      expect.stringMatching(/^\d+(st|nd|rd|th)appended20\d\dadded, no fixed topic \(flexible topic only\)$/),
    );
  });

  it("names the current topic with its title like the proposed one, and ends every reason with a full stop", () => {
    const { rows } = show(2032);
    const moved = rows.map(text).filter((t) => / becomes /.test(t) && !/appended/.test(t));
    expect(moved.length).toBeGreaterThan(0);
    const topic = "(topic \\d+, [A-Z][^→]+|no fixed topic \\(flexible topic only\\))";
    for (const line of moved) expect(line).toMatch(new RegExp(`^\\d+\\w\\w20\\d\\d${topic} → becomes ${topic}$`));
    // Each line of a reason cell: the reason itself, then the flexible-topic candidates where there are some.
    const lines = rows.flatMap((row) => Array.from(row.querySelector("td[colspan]")?.childNodes ?? []));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.textContent).toMatch(/\.$/);
  });

  it("lists a blank agenda item 2's candidates as the command line and the sheet do, each code in brackets", () => {
    const { proposal } = show(2032);
    const open = proposal.meetings.filter((m) => m.flexibleCandidates !== null);
    expect(open.length).toBeGreaterThan(0);
    const section = screen.getByRole("region", { name: "Flexible topics that could be taken (agenda item 2)" });
    const said = within(within(section).getAllByRole("list")[0] as HTMLElement)
      .getAllByRole("listitem")
      .map(text);
    expect(said).toHaveLength(open.length);
    for (const line of said) expect(line).toMatch(/^\d+\w\w meeting \(20\d\d\): \([a-z]\)(, \([a-z]\))*$/);
  });
});
