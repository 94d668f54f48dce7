import {
  describeApply,
  describeExpectedEnds,
  planSignature,
  slipText,
  type WorkplanEdit,
} from "../../src/domain/apply";
import { parseA1 } from "../../src/domain/annotations";
import { cellAddress } from "../../src/domain/cellRef";
import { proposeTimeline, type CleanProposal } from "../../src/domain/propose";
import { readPlan } from "../../src/domain/read";
import { tablesByName } from "../../src/domain/tables";
import { CLUSTERS, Workbook, WORKPLAN } from "./workbook";

const NOW = { currentYear: 2026 };

/** Writes an edit into the test workbook the way an adapter writes it into Excel. */
function applyEdit(wb: Workbook, edit: WorkplanEdit): void {
  const table = wb.table(WORKPLAN.table);
  for (const cell of edit.cells) {
    const at = parseA1(cell.cell);
    expect(cell.sheet).toBe(table.sheet);
    (table.rows[at.row - table.top - 1] as unknown[])[at.column - table.left] = cell.value;
  }
  table.rows.push(...edit.rows.map((row) => [...row]));
}

function proposalFor(wb: Workbook, expectedEnd: Map<number, number>) {
  const { plan } = readPlan(tablesByName(wb.tables), { ...NOW, expectedEnd });
  if (!plan) throw new Error("no plan");
  const proposal = proposeTimeline(plan);
  if (!proposal.feasible) throw new Error(proposal.reason);
  return { plan, proposal: proposal as CleanProposal };
}

describe("applying a proposal to the Workplan table", () => {
  it(
    "for a one-year slip of cluster 2: five cells change, the " +
      "20th meeting is appended, and the check comes back clean",
    () => {
      const wb = Workbook.adopted();
      wb.set(WORKPLAN.table, { Meeting: 17 }, WORKPLAN.notes, "Vienna, to be confirmed");
      const slip = new Map([[2, 2031]]);
      const { plan, proposal } = proposalFor(wb, slip);
      const edit = describeApply(proposal, plan, wb.table(WORKPLAN.table));
      expect(edit.cells.map((c) => `${c.cell}=${c.value ?? ""}`)).toEqual([
        "E7=",
        "E8=6 — Record-keeping; marking (arts. 7, 8)",
        "E9=7 — Export, import and transit licensing (art. 10)",
        "E10=8 — Brokers and brokering (art. 15)",
        "E11=9 — Security and preventive measures (art. 11)",
      ]);
      expect(edit.rows).toEqual([[20, 2033, null, null, "10 — Training and technical assistance (art. 14)", null]]);
      expect(edit.changes).toEqual([
        "The 15th meeting (2028): topic 6 → no fixed topic",
        "The 16th meeting (2029): topic 7 → topic 6",
        "The 17th meeting (2030): topic 8 → topic 7",
        "The 18th meeting (2031): topic 9 → topic 8",
        "The 19th meeting (2032): topic 10 → topic 9",
        "Add the 20th meeting (2033) with topic 10",
      ]);

      applyEdit(wb, edit);
      expect(wb.check({ ...NOW, expectedEnd: slip }).summary).toEqual({ error: 0, warning: 0, info: 0 });
      expect(wb.get(WORKPLAN.table, { Meeting: 17 }, WORKPLAN.notes)).toBe("Vienna, to be confirmed");
    },
  );

  it("puts appended values under the right headers when the planner reordered the columns and added one", () => {
    const wb = Workbook.adopted();
    const table = wb.table(WORKPLAN.table);
    const order = [4, 1, 0, 2, 3, 5];
    table.headers = [...order.map((i) => table.headers[i]), "Venue"];
    table.rows = table.rows.map((row) => [...order.map((i) => row[i]), "Vienna"]);
    const { plan, proposal } = proposalFor(wb, new Map([[2, 2031]]));
    const edit = describeApply(proposal, plan, table);
    expect(edit.rows).toEqual([["10 — Training and technical assistance (art. 14)", 2033, 20, null, null, null, null]]);
    expect(edit.cells[0]).toEqual({ sheet: "Workplan", cell: "A7", value: null });
  });

  it("never rewrites a held meeting", () => {
    const wb = Workbook.adopted();
    const { plan, proposal } = proposalFor(wb, new Map([[4, 2028]]));
    const edit = describeApply(proposal, plan, wb.table(WORKPLAN.table));
    const heldCells = plan.meetings.filter((m) => m.held).map((m) => cellAddress(m.at.topic));
    expect(edit.cells.filter((c) => heldCells.includes(c.cell))).toEqual([]);
  });

  it("changes nothing when no change is needed", () => {
    const wb = Workbook.adopted();
    const { plan, proposal } = proposalFor(wb, new Map());
    expect(describeApply(proposal, plan, wb.table(WORKPLAN.table))).toEqual({ cells: [], rows: [], changes: [] });
  });
});

describe("the expected review ends to save", () => {
  it("lists only the clusters whose expected end in the workbook differs, with the cell and the slip", () => {
    const wb = Workbook.adopted();
    const { plan } = readPlan(tablesByName(wb.tables), { ...NOW, expectedEnd: new Map([[2, 2032]]) });
    if (!plan) throw new Error("no plan");
    const edit = describeExpectedEnds(
      plan,
      new Map([
        [2, 2032],
        [3, 2028],
        [4, 2025],
      ]),
    );
    expect(edit.cells).toEqual([
      { sheet: "Clusters", cell: "E3", value: 2032 },
      { sheet: "Clusters", cell: "E5", value: 2025 },
    ]);
    expect(edit.changes).toEqual([
      'Cluster 2 "Prevention": expected review end 2030 → 2032 (+2 years)',
      expect.stringMatching(/^Cluster 4 ".+": expected review end 2026 → 2025 \(−1 year\)$/),
    ]);
  });

  it("writes a blank expected end (on time) only when the year differs from the planned end", () => {
    const wb = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, null);
    const { plan } = readPlan(tablesByName(wb.tables), NOW);
    if (!plan) throw new Error("no plan");
    expect(describeExpectedEnds(plan, new Map([[2, 2030]])).cells).toEqual([]);
    expect(describeExpectedEnds(plan, new Map([[2, 2031]])).cells).toEqual([
      { sheet: "Clusters", cell: "E3", value: 2031 },
    ]);
  });

  it("names a slip in years", () => {
    expect([slipText(2032, 2030), slipText(2031, 2030), slipText(2030, 2030), slipText(2029, 2030)]).toEqual([
      "+2 years",
      "+1 year",
      "on time",
      "−1 year",
    ]);
  });
});

describe("the signature of a plan", () => {
  const signature = (wb: Workbook) => {
    const { plan } = readPlan(tablesByName(wb.tables), NOW);
    if (!plan) throw new Error("no plan");
    return planSignature(plan);
  };

  it("changes with what a proposal depends on", () => {
    const base = signature(Workbook.adopted());
    expect(signature(Workbook.adopted().set(WORKPLAN.table, { Meeting: 17 }, WORKPLAN.fixed, null))).not.toBe(base);
    expect(signature(Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2031))).not.toBe(
      base,
    );
  });

  it("stays when only notes or titles change", () => {
    const base = signature(Workbook.adopted());
    expect(signature(Workbook.adopted().set(WORKPLAN.table, { Meeting: 17 }, WORKPLAN.notes, "Vienna"))).toBe(base);
  });
});

describe("applying a proposal made with a cancellation what-if", () => {
  it("writes Cancelled into the Status, renumbers the later meetings and moves the topics: the check is clean", () => {
    const wb = Workbook.adopted();
    const options = { ...NOW, expectedEnd: new Map([[2, 2031]]), cancel: new Set([15]) };
    const { plan } = readPlan(tablesByName(wb.tables), options);
    if (!plan) throw new Error("no plan");
    const proposal = proposeTimeline(plan);
    if (!proposal.feasible) throw new Error(proposal.reason);
    const edit = describeApply(proposal, plan, wb.table(WORKPLAN.table));
    expect(edit.changes).toEqual([
      "The 15th meeting (2028): cancelled",
      "The 15th meeting (2028): topic 6 → no fixed topic",
      "The 16th meeting (2029) becomes the 15th meeting",
      "The 16th meeting (2029): topic 7 → topic 6",
      "The 17th meeting (2030) becomes the 16th meeting",
      "The 17th meeting (2030): topic 8 → topic 7",
      "The 18th meeting (2031) becomes the 17th meeting",
      "The 18th meeting (2031): topic 9 → topic 8",
      "The 19th meeting (2032) becomes the 18th meeting",
      "The 19th meeting (2032): topic 10 → topic 9",
      "Add the 19th meeting (2033) with topic 10",
    ]);
    expect(edit.cells.slice(0, 3)).toEqual([
      { sheet: "Workplan", cell: "C7", value: "Cancelled" },
      { sheet: "Workplan", cell: "E7", value: null },
      { sheet: "Workplan", cell: "A8", value: 15 },
    ]);
    applyEdit(wb, edit);
    // The workbook now says what the what-if assumed: no what-if is needed to check it clean.
    expect(wb.check({ ...NOW, expectedEnd: new Map([[2, 2031]]) }).summary).toEqual({ error: 0, warning: 0, info: 0 });
  });

  it("a proposal read with a cancellation has another signature than the plan without it", () => {
    const tables = tablesByName(Workbook.adopted().tables);
    const without = readPlan(tables, NOW).plan;
    const cancelled = readPlan(tables, { ...NOW, cancel: new Set([15]) }).plan;
    if (!without || !cancelled) throw new Error("no plan");
    expect(planSignature(cancelled)).not.toBe(planSignature(without));
  });
});
