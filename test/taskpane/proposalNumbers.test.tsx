/** @jest-environment jsdom */
/**
 * The proposal after a cancelled meeting, and the flexible-topic candidates: the planned meetings
 * that follow a cancelled one take the freed numbers (domain.md §3), and the pane gives the new
 * number with the old one as the proposal sheet does ("15th (was 16th)"); a proposal that only
 * renumbers says so; the candidates of every planned meeting whose agenda item 2 is blank are
 * listed, whether or not its fixed topic changes, and also when no change is needed.
 */
import "@testing-library/jest-dom";
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { checkWorkbook } from "../../src/domain/check";
import { proposeTimeline } from "../../src/domain/propose";
import { tablesByName } from "../../src/domain/tables";
import { App } from "../../src/taskpane/App";
import { ProposalPanel } from "../../src/taskpane/components/ProposalPanel";
import { officeWorkbook } from "../../src/taskpane/workbook";
import { createFakeExcel, withOffice } from "../support/fakeExcel";
import { Workbook } from "../domain/workbook";

const NOW = new Date("2026-11-23T17:50:00Z");

let restore: (() => void) | null = null;
afterEach(() => {
  restore?.();
  restore = null;
});

function show() {
  const excel = createFakeExcel({ seed: "default" });
  restore = withOffice(excel);
  const user = userEvent.setup();
  render(<App theme="light" workbook={officeWorkbook(excel.run, () => NOW)} />);
  return user;
}

type User = ReturnType<typeof userEvent.setup>;

async function propose(user: User) {
  await user.click(await screen.findByRole("button", { name: "Propose timeline" }));
  return screen.findByRole("region", { name: "Proposed timeline" });
}

/** Cluster 2 expected to end in 2031 and the 15th meeting (2028) cancelled, in the what-if. */
async function slipAndCancel(user: User) {
  const spin = await screen.findByRole("spinbutton", { name: "Expected review end of cluster 2" });
  await user.click(spin);
  await user.keyboard("{ArrowUp}");
  const meetings = screen.getByRole("region", { name: "Meetings" });
  await user.click(within(meetings).getByRole("checkbox", { name: "Cancel the 15th meeting (2028)" }));
}

/** Each row of the proposal's table as [meeting, year, fixed topic], the reasons' rows left out. */
function rowsOf(panel: HTMLElement): string[][] {
  const table = within(panel).getByRole("table", { name: "Changes to the fixed topics" });
  return within(table)
    .getAllByRole("row")
    .slice(1)
    .map((row) => Array.from(row.querySelectorAll("td")).map((cell) => cell.textContent ?? ""))
    .filter((cells) => cells.length === 3);
}

/** The first list of the candidates' section: one line a meeting (the codes' titles come after, in their own list). */
function candidates(panel: HTMLElement): (string | null)[] {
  const section = within(panel).getByRole("region", { name: "Flexible topics that could be taken (agenda item 2)" });
  const [meetings] = within(section).getAllByRole("list");
  return within(meetings as HTMLElement)
    .getAllByRole("listitem")
    .map((li) => li.textContent);
}

describe("the proposal after a cancelled meeting", () => {
  it("gives the meetings that follow their new numbers with the old ones, never two of one number", async () => {
    const user = show();
    await slipAndCancel(user);
    const panel = await propose(user);
    const rows = rowsOf(panel);
    expect(rows.map(([meeting, year]) => `${meeting} ${year}`)).toEqual([
      "15thcancelled 2028",
      "15th (was 16th) 2029",
      "16th (was 17th) 2030",
      "17th (was 18th) 2031",
      "18th (was 19th) 2032",
      "19thappended 2033",
    ]);
    // The reasons speak of the same numbers as the table.
    expect(panel).toHaveTextContent("topic 6 moves to the 15th meeting (2029)");
    expect(rows[1]?.[2]).toMatch(/^topic 7, .* → becomes topic 6, Record-keeping; marking$/);
    // The cancelled meeting is emptied because it is cancelled, not left a flexible-topic meeting.
    expect(rows[0]?.[2]).toMatch(/→ becomes none, the meeting is cancelled$/);
    // Its candidates come under the number the meeting takes, as on the command line.
    expect(candidates(panel)).toContainEqual(expect.stringMatching(/^15th meeting \(2029\): \(a\), \(b\)/));
  });

  it("says so when the proposal only renumbers the meetings, and lists no 'topic 10 → topic 10'", () => {
    // The 19th meeting (2032) without a fixed topic, topic 10 at a 20th (2033); the 19th cancelled.
    const book = Workbook.adopted();
    const ten = book.get("Workplan", { Meeting: 19 }, "Agenda item 3 (fixed topic)");
    book.set("Workplan", { Meeting: 19 }, "Agenda item 3 (fixed topic)", null);
    book.addRow("Workplan", { Meeting: 20, Year: 2033, "Agenda item 3 (fixed topic)": ten });
    const plan = checkWorkbook(tablesByName(book.tables), { currentYear: 2026, cancel: new Set([19]) }).plan;
    const proposal = plan && proposeTimeline(plan);
    if (!plan || !proposal?.feasible) throw new Error("no proposal");
    const { container } = render(
      <ProposalPanel proposal={proposal} plan={plan} busy={false} onWrite={() => {}} onApply={() => {}} />,
    );
    const panel = screen.getByRole("region", { name: "Proposed timeline" });
    const outcome = "No fixed topic moves: only the numbers of one meeting change.";
    expect(within(panel).getByText(outcome)).toBeInTheDocument();
    expect(rowsOf(panel)).toEqual([["19th (was 20th)", "2033", "keeps topic 10, Training and technical assistance"]]);
    expect(panel).toHaveTextContent(/Becomes the 19th meeting: meetings are numbered as they are held/);
    expect(container).not.toHaveTextContent(/topic 10[^.]*→[^.]*topic 10/);
  });
});

describe("the flexible-topic candidates", () => {
  it("are listed for every planned meeting whose agenda item 2 is blank, also when no change is needed", async () => {
    const user = show();
    const panel = await propose(user);
    expect(panel).toHaveTextContent("No change needed");
    expect(within(panel).queryByRole("table")).toBeNull();
    const listed = candidates(panel);
    expect(listed.map((line) => line?.replace(/:.*/, ""))).toEqual(
      [13, 14, 15, 16, 17, 18, 19].map((n, i) => `${n}th meeting (${2026 + i})`),
    );
    for (const line of listed) expect(line).toMatch(/: (\([a-z]\)(, \([a-z]\))*|none fits without a finding)$/);
    // What each code stands for, on demand, in the FlexibleTopics table's words.
    const codes = within(panel).getByText("What the codes stand for").closest("details") as HTMLElement;
    const titles = within(codes)
      .getAllByRole("listitem")
      .map((li) => li.textContent?.slice(0, 3));
    // In the FlexibleTopics table's order.
    expect(titles).toEqual([...titles].sort());
    expect(within(codes).getAllByRole("listitem")[0]).toHaveTextContent(/^\(a\) \w/);
  });

  it("come under the meeting the slip changes too: the 13th and 14th keep theirs", async () => {
    const user = show();
    await slipAndCancel(user);
    const panel = await propose(user);
    expect(candidates(panel).slice(0, 2)).toEqual([
      expect.stringMatching(/^13th meeting \(2026\): \(/),
      expect.stringMatching(/^14th meeting \(2027\): \(/),
    ]);
  });
});
