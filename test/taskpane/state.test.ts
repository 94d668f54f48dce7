/**
 * The pane's state machine without a DOM: the reducer's events (read, started, checked,
 * refreshed by a co-author, cleared, failed, what-if changed, proposed, applied…), what the pane
 * derives from the state, and the requests' events against a workbook port in memory.
 */
import { checkWorkbook } from "../../src/domain/check";
import type { Marking } from "../../src/domain/marking";
import type { Plan } from "../../src/domain/model";
import type { WhatIfCheck } from "../../src/domain/whatIf";
import { proposeTimeline } from "../../src/domain/propose";
import type { ProposalBasis } from "../../src/domain/proposalBasis";
import { tablesByName } from "../../src/domain/tables";
import { paneActions } from "../../src/taskpane/actions";
import {
  initialState,
  reducePane,
  selectApplyChanges,
  selectBasis,
  selectCanApply,
  selectCancellable,
  selectSlipCounts,
  slipCountText,
  selectClusterRows,
  selectFindings,
  selectPreview,
  selectProgress,
  selectProposal,
  selectNotWritten,
  selectSince,
  selectSlips,
  selectView,
  type PaneEvent,
  type PaneState,
  type WorkbookSeen,
} from "../../src/taskpane/state";
import type { CheckOutcome, MarkedRead, PaneWorkbook } from "../../src/taskpane/workbook";
import { Workbook } from "../domain/workbook";

const YEAR = 2026;
const CAPTION = ["Last checked 2026-11-23 17:50 UTC, as of 2026: 2 errors, 0 warnings, 0 info."];

/** The adopted workbook as a read brings it, cluster 2's expected review end set to `expected`. */
function seen(expected = 2030, lastCheck: readonly string[] = CAPTION, marking: Marking = "current"): WorkbookSeen {
  const tables = tablesByName(
    Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", expected).tables,
  );
  return { tables, result: checkWorkbook(tables, { currentYear: YEAR }), lastCheck, marking };
}

function after(events: PaneEvent[], state: PaneState = initialState(false)): PaneState {
  return events.reduce(reducePane, state);
}

/** The pane opened: one read, which found the tables (or none, `null`) and read them. */
const opened = (read: WorkbookSeen | null = seen()): PaneEvent[] => [
  {
    type: "read",
    read: read ? { hasTables: true, setUp: null, ...read } : { ...seen(), hasTables: false, lastCheck: [] },
  },
];
const checked = (read = seen(2032)): PaneEvent[] => [
  { type: "started", busy: "checking" },
  { type: "checked", after: "check", checked: read },
  { type: "finished" },
];
const cleared = (rulesRemoved = 3, notesRemoved = 2): PaneEvent[] => [
  { type: "started", busy: "clearing" },
  { type: "cleared", rulesRemoved, notesRemoved },
  { type: "finished" },
];

/** The solver's answer to `request`, made here and now without a budget (as the worker would, within its own). */
function answer(request: number, plan: Plan | null | undefined): PaneEvent {
  if (!plan) throw new Error("no plan to propose for");
  return { type: "proposed", request, proposal: proposeTimeline(plan) };
}

describe("opening", () => {
  it("looks for the tables first, then offers to create them when there are none", () => {
    expect(selectView(initialState(false))).toBe("opening");
    const none = after([...opened(null), { type: "finished" }]);
    expect(selectView(none)).toBe("create");
    expect(none.busy).toBeNull();
  });

  it("lists the findings it read at once, and shows the last check the workbook records", () => {
    const state = after([...opened(), { type: "finished" }]);
    expect(selectView(state)).toBe("workbook");
    expect(selectFindings(state)?.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(state.lastCheck).toEqual(CAPTION);
    expect(selectClusterRows(state.baseline, state.spun).map((c) => [c.number, c.expected])).toEqual([
      [1, 2024],
      [2, 2030],
      [3, 2028],
      [4, 2026],
    ]);
  });

  it("a read that fails is an error bar over the workbook's view, with nothing listed", () => {
    const state = after([
      { type: "failed", title: "Could not read the workbook", message: "Try again." },
      { type: "finished" },
    ]);
    expect(selectView(state)).toBe("workbook");
    expect(state.problem?.title).toBe("Could not read the workbook");
    expect(selectFindings(state)).toBeNull();
  });

  it("says why the ribbon's button could not check, in the planner's words, until a check succeeds", () => {
    const at = new Date("2026-12-01T15:40:00Z");
    const failed: PaneEvent = {
      type: "commandFailed",
      message: "Could not check the workbook. Excel refused the change: AccessDenied.",
      at,
    };
    const state = after([failed, ...opened(), { type: "finished" }]);
    expect(state.commandError).toMatch(
      /^The Check workplan button could not check the workbook on 1 December 2026 at \d\d:\d\d .*: Excel refused the change: AccessDenied\.$/,
    );
    // A read (a co-author's change, a refused write) leaves it; a check that wrote its highlights clears it.
    expect(after([{ type: "refreshed", read: seen() }], state).commandError).toBe(state.commandError);
    expect(after([{ type: "checked", after: "check", checked: seen() }], state).commandError).toBeNull();
  });

  it("still shows the workbook's view (with Check) when reading it failed", () => {
    const state = after([
      { type: "failed", title: "Could not read the workbook", message: "Try again." },
      { type: "finished" },
    ]);
    expect(selectView(state)).toBe("workbook");
    expect(state.problem).toEqual({ title: "Could not read the workbook", message: "Try again." });
  });
});

describe("a request", () => {
  it("shows its progress in place of the findings, and announces it", () => {
    const state = after([...opened(), { type: "finished" }, ...checked(), { type: "started", busy: "checking" }]);
    expect(state.busy).toBe("checking");
    expect(selectProgress(state)).toBe("Checking the workplan…");
    expect(selectFindings(state)).toBeNull();
    expect(state.announcement).toBe("Checking the workplan…");
  });

  it("drops the notice of the one before when it starts; a co-author's refresh leaves it", () => {
    const noticed = after([...opened(), { type: "finished" }, ...checked(), ...cleared()]);
    expect(noticed.notice).toMatch(/^Cleared the highlights: 3 highlight rules and 2 notes the add-in wrote\./);
    expect(reducePane(noticed, { type: "started", busy: "refreshing" }).notice).toBe(noticed.notice);
    expect(reducePane(noticed, { type: "started", busy: "going" }).notice).toBeNull();
  });

  it("that fails shows its error bar in place of any notice, until dismissed", () => {
    const state = after([...opened(), { type: "finished" }, ...cleared(), { type: "started", busy: "refreshing" }]);
    const failed = after([{ type: "failed", title: "Could not read a co-author's changes", message: "…" }], state);
    expect(failed.notice).toBeNull();
    expect(failed.announcement).toBe("");
    expect(failed.problem?.title).toBe("Could not read a co-author's changes");
    expect(after([{ type: "finished" }, { type: "dismissed" }], failed).problem).toBeNull();
  });
});

describe("checking", () => {
  it("lists the findings and announces their counts, in the words of what it followed", () => {
    const state = after([...opened(), { type: "finished" }, ...checked()]);
    expect(selectFindings(state)?.summary).toEqual({ error: 2, warning: 0, info: 0 });
    expect(state.announcement).toBe("Check done: 2 errors, 0 warnings, 0 info.");
    const saved = after([{ type: "checked", after: "save", checked: seen() }], state);
    expect(saved.announcement).toBe("Saved and checked: no conflicts.");
  });

  it("after Clear highlights, says the findings are no longer marked, until a check marks them again", () => {
    const state = after([...opened(), { type: "finished" }, ...checked(), ...cleared()]);
    expect(state.highlightsCleared).toBe(true);
    expect(selectSince(state)).toMatch(/^Highlights cleared since: the findings below are from this check/);
    // Findings still listed: the workbook still has them.
    expect(selectFindings(state)?.findings).toHaveLength(2);
    expect(selectSince(after(checked(), state))).toBeNull();
  });

  it(
    "a co-author's edit keeps the cleared state; a co-author's " +
      "check (other lines above the Conflicts table) ends it",
    () => {
      const state = after([...opened(), { type: "finished" }, ...checked(), ...cleared()]);
      const edited = reducePane(state, { type: "refreshed", read: seen(2032) });
      expect(selectSince(edited)).not.toBeNull();
      expect(edited.announcement).toBe(
        "A co-author changed the workbook, findings brought up to date: 2 errors, 0 warnings, 0 info.",
      );
      const rechecked = reducePane(state, {
        type: "refreshed",
        read: seen(2032, ["Last checked 2026-11-24 09:00 UTC"]),
      });
      expect(selectSince(rechecked)).toBeNull();
    },
  );

  it("says nothing of cleared highlights when there were none to clear, or the check found nothing", () => {
    const none = after([...opened(), { type: "finished" }, ...checked(), ...cleared(0, 0)]);
    expect(none.notice).toBe("There were no highlights to clear.");
    expect(selectSince(none)).toBeNull();
    const clean = after([...opened(), { type: "finished" }, ...checked(seen()), ...cleared()]);
    expect(selectSince(clean)).toBeNull();
  });

  it("before this pane has checked, says the findings read on opening are no longer marked", () => {
    const state = after([...opened(seen(2032)), { type: "finished" }, ...cleared()]);
    expect(selectFindings(state)?.findings).toHaveLength(2);
    expect(selectSince(state)).toMatch(/^Highlights cleared since: the findings below are from this check/);
  });
});

describe("read first, write on request", () => {
  it("lists a slip's findings on opening, marked not highlighted yet when the workbook has no highlights", () => {
    const state = after([...opened(seen(2032, CAPTION, "absent")), { type: "finished" }]);
    expect(selectFindings(state)?.summary).toEqual({ error: 2, warning: 0, info: 0 });
    expect(selectSince(state)).toBe(
      "Not highlighted yet: the findings below are not marked in the workbook. Select Check to mark them.",
    );
  });

  it("says the highlights are older than the data when they no longer match, until a check marks them", () => {
    const state = after([...opened(seen(2032, CAPTION, "stale")), { type: "finished" }]);
    expect(selectSince(state)).toMatch(/^Not highlighted yet: the workbook's highlights are older than its data/);
    expect(selectSince(after(checked(), state))).toBeNull();
  });

  it("says nothing of highlights when they match, or when nothing is to be highlighted", () => {
    expect(selectSince(after([...opened(seen(2032)), { type: "finished" }]))).toBeNull();
    expect(selectSince(after([...opened(seen(2030, CAPTION, "absent")), { type: "finished" }]))).toBeNull();
  });

  it("a co-author's change brings the marking up to date: stale after their edit, current after their check", () => {
    const state = after([...opened(seen(2030)), { type: "finished" }]);
    const edited = reducePane(state, { type: "refreshed", read: seen(2032, CAPTION, "stale") });
    expect(selectSince(edited)).toMatch(/^Not highlighted yet/);
    const rechecked = reducePane(edited, { type: "refreshed", read: seen(2032, ["Last checked later"], "current") });
    expect(selectSince(rechecked)).toBeNull();
  });

  it("keeps the list when Excel refuses the write, with one line saying why, until a check writes", () => {
    const reason = "Excel refused the change: the workbook or one of its sheets is protected.";
    const state = after([
      ...opened(seen(2032, CAPTION, "absent")),
      { type: "finished" },
      { type: "started", busy: "checking" },
      { type: "read", read: seen(2032, CAPTION, "absent") },
      { type: "notWritten", reason },
      { type: "finished" },
    ]);
    expect(state.problem).toBeNull();
    expect(selectFindings(state)?.findings).toHaveLength(2);
    expect(selectNotWritten(state)).toBe(
      `The highlights are not written; the findings below are read from it. ${reason}`,
    );
    expect(selectSince(state)).toBeNull();
    expect(state.announcement).toBe(`Check could not write to the workbook. ${selectNotWritten(state)}`);
    expect(selectNotWritten(after(checked(), state))).toBeNull();
  });
});

describe("the what-if and the proposal", () => {
  const ready = () => after([...opened(), { type: "finished" }]);
  /** What the pane derives from `state`; `memo`: the preview as the pane memoizes it (its plan is asked for). */
  const derived = (state: PaneState, memo?: WhatIfCheck | null) => {
    const slips = selectSlips(state.baseline, state.spun);
    const preview = memo === undefined ? selectPreview(state.baseline, slips, YEAR) : memo;
    const proposal = selectProposal(state, preview?.check.plan ?? null);
    return { slips, preview, proposal, basis: selectBasis(preview, proposal, slips, YEAR) };
  };

  it("a slip shows the findings it would make appear, in memory", () => {
    const state = reducePane(ready(), { type: "whatIfChanged", cluster: 2, year: 2032 });
    const { slips, preview } = derived(state);
    expect([...slips]).toEqual([[2, 2032]]);
    expect(selectClusterRows(state.baseline, slips)[1]).toMatchObject({ number: 2, inWorkbook: 2030, expected: 2032 });
    expect(preview?.diff.appeared.map((f) => f.rule)).toEqual(["cluster-too-early", "cluster-too-early"]);
    expect(derived(reducePane(state, { type: "whatIfReset" })).slips.size).toBe(0);
  });

  it("a spun value the workbook has caught up with (a co-author's change) is no slip any more", () => {
    const state = reducePane(ready(), { type: "whatIfChanged", cluster: 2, year: 2032 });
    expect(derived(reducePane(state, { type: "refreshed", read: seen(2032) })).slips.size).toBe(0);
  });

  it("proposes, confirms Apply with what will change, and after Apply starts again from the workbook", () => {
    const asked = after([{ type: "whatIfChanged", cluster: 2, year: 2032 }, { type: "proposeAsked" }], ready());
    expect(asked.proposalShown).toBe(true);
    const { preview } = derived(asked);
    const plan = preview?.check.plan ?? null;
    // Until the solver answers, the pane waits: nothing to write or apply yet.
    const pending = reducePane(asked, { type: "proposing", request: 1, plan: plan as Plan });
    expect(derived(pending, preview)).toMatchObject({ proposal: "pending", basis: null });
    const proposed = reducePane(pending, answer(1, plan));
    const { basis } = derived(proposed, preview);
    expect(basis).not.toBeNull();
    const confirming = reducePane(proposed, { type: "applyAsked" });
    expect(confirming.confirming).toBe(true);
    const changes = selectApplyChanges(basis, confirming.baseline);
    expect(changes[0]).toBe('Cluster 2 "Prevention": expected review end 2030 → 2032 (+2 years)');
    expect(changes).toContain("Add the 21st meeting (2034) with topic 10");
    expect(reducePane(confirming, { type: "applyCancelled" }).confirming).toBe(false);

    const applied = after(
      [
        { type: "applyConfirmed" },
        { type: "started", busy: "applying" },
        { type: "applied", fixedTopics: 4, meetingsAppended: 2, expectedEnds: 1 },
        { type: "checked", after: "apply", checked: seen() },
        { type: "finished" },
      ],
      confirming,
    );
    expect(applied).toMatchObject({ confirming: false, proposalShown: false, proposal: null, busy: null });
    expect(applied.spun).toEqual(new Map());
    expect(applied.notice).toBe(
      "Applied the proposal: 4 fixed topics changed, 2 meetings appended, 1 expected review end saved. " +
        "The findings below are the check after the change.",
    );
    expect(applied.announcement).toBe("Applied and checked: no conflicts.");
  });
});

describe("the solver's requests", () => {
  /** The workbook read, "Propose timeline" selected, and the solver asked (request 1) for the workbook's plan. */
  function proposingForWorkbook() {
    const state = after([...opened(), { type: "finished" }, { type: "proposeAsked" }]);
    const plan = selectPreview(state.baseline, selectSlips(state.baseline, state.spun), YEAR)?.check.plan as Plan;
    return { state: reducePane(state, { type: "proposing", request: 1, plan }), plan };
  }
  /** The next what-if step (cluster 2 to `year`) while request 1 runs: the hook cancels it and asks again. */
  function step(state: PaneState, year: number, request: number) {
    const stepped = after(
      [
        { type: "proposalCancelled", request: request - 1 },
        { type: "whatIfChanged", cluster: 2, year },
      ],
      state,
    );
    const plan = selectPreview(stepped.baseline, selectSlips(stepped.baseline, stepped.spun), YEAR)?.check.plan as Plan;
    return { state: reducePane(stepped, { type: "proposing", request, plan }), plan };
  }
  const shown = (state: PaneState, plan: Plan) => {
    const proposal = selectProposal(state, plan);
    return proposal === "pending" || proposal === null
      ? proposal
      : { appended: proposal.feasible && proposal.appendedMeetings };
  };

  it("a second step while the first is pending: only the second's answer is shown, whichever comes first", () => {
    const first = proposingForWorkbook();
    const second = step(first.state, 2032, 2);
    expect(shown(second.state, second.plan)).toBe("pending");
    // The first request's answer comes late (a worker that answered before it was ended): the pane still waits.
    const stale = reducePane(second.state, answer(1, first.plan));
    expect(stale.proposal?.request).toBe(2);
    expect(shown(stale, second.plan)).toBe("pending");
    // The slip to 2032 needs two more meetings; the workbook's own plan none.
    const answered = reducePane(stale, answer(2, second.plan));
    expect(shown(answered, second.plan)).toEqual({ appended: 2 });
    // In the other order, the first's answer after the second's changes nothing either.
    const reversed = after([answer(2, second.plan), answer(1, first.plan)], second.state);
    expect(shown(reversed, second.plan)).toEqual({ appended: 2 });
    expect(reversed).toEqual(answered);
  });

  it("never shows an answer for another step: until the hook asks for the new plan, the pane waits", () => {
    const first = proposingForWorkbook();
    const answered = reducePane(first.state, answer(1, first.plan));
    expect(shown(answered, first.plan)).toEqual({ appended: 0 });
    const stepped = reducePane(answered, { type: "whatIfChanged", cluster: 2, year: 2032 });
    const slips = selectSlips(stepped.baseline, stepped.spun);
    const preview = selectPreview(stepped.baseline, slips, YEAR);
    const plan = preview?.check.plan as Plan;
    // The answer held is for the workbook's plan, not the slip's: not shown, nothing to write or apply.
    expect(stepped.proposal?.proposal).not.toBeNull();
    expect(shown(stepped, plan)).toBe("pending");
    expect(selectBasis(preview, selectProposal(stepped, plan), slips, YEAR)).toBeNull();
  });

  it("a cancelled request's answer is dropped; the current one's failure is a problem and closes the proposal", () => {
    const first = proposingForWorkbook();
    const cancelled = reducePane(first.state, { type: "proposalCancelled", request: 1 });
    expect(cancelled.proposal).toBeNull();
    expect(reducePane(cancelled, answer(1, first.plan))).toEqual(cancelled);

    const second = step(first.state, 2032, 2);
    // A failure of the request cancelled before changes nothing.
    expect(reducePane(second.state, { type: "proposalFailed", request: 1, message: "late" })).toEqual(second.state);
    const failed = reducePane(second.state, { type: "proposalFailed", request: 2, message: "The solver stopped." });
    expect(failed).toMatchObject({ proposal: null, proposalShown: false });
    expect(failed.problem).toEqual({ title: "Could not propose a timeline", message: "The solver stopped." });
    expect(selectProposal(failed, second.plan)).toBeNull();
  });
});

describe("the counts beside the spin buttons", () => {
  it("say how many findings each cluster's slip alone adds", () => {
    const state = after([...opened(), { type: "finished" }, { type: "whatIfChanged", cluster: 2, year: 2032 }]);
    const counts = selectSlipCounts(state.baseline, selectSlips(state.baseline, state.spun), YEAR);
    expect([...counts]).toEqual([[2, 2]]);
    expect(slipCountText(2)).toBe("+2 conflicts");
    expect(slipCountText(-1)).toBe("−1 conflict");
    expect(slipCountText(0)).toBe("no change in conflicts");
  });
});

describe("the Meetings what-if", () => {
  it(
    "cancels a planned meeting in memory: its topic's " + "finding would appear, Apply is not offered, Reset ends it",
    () => {
      const ready = after([...opened(), { type: "finished" }, ...checked(seen())]);
      const state = reducePane(ready, { type: "meetingWhatIf", meeting: 19, cancelled: true });
      expect([...state.cancelled]).toEqual([19]);
      // The status region no longer repeats "Check done": the what-if's diff speaks for itself.
      expect(state.announcement).toBe("");
      const slips = selectSlips(state.baseline, state.spun);
      const preview = selectPreview(state.baseline, slips, YEAR, state.cancelled);
      expect(preview?.diff.appeared.map((f) => f.rule)).toContain("meeting-cancelled");
      // The proposal moves topic 10 off the cancelled 19th meeting; it is made for the cancellation.
      const plan = preview?.check.plan as Plan;
      const proposed = after(
        [{ type: "proposeAsked" }, { type: "proposing", request: 1, plan }, answer(1, plan)],
        state,
      );
      const proposal = selectProposal(proposed, plan);
      expect(selectBasis(preview, proposal, slips, YEAR, state.cancelled)?.options.cancel).toEqual(new Set([19]));
      expect(selectCanApply(state)).toBe(false);
      expect(selectCancellable(state.baseline).map((m) => m.meeting)).toEqual([13, 14, 15, 16, 17, 18, 19]);
      const unticked = reducePane(state, { type: "meetingWhatIf", meeting: 19, cancelled: false });
      expect(unticked.cancelled.size).toBe(0);
      expect(reducePane(state, { type: "whatIfReset" }).cancelled.size).toBe(0);
    },
  );
});

describe("Undo apply", () => {
  it("is offered after Apply and after a read that finds what an Apply kept, until undone", () => {
    const applied = after([
      ...opened(),
      { type: "finished" },
      { type: "applied", fixedTopics: 4, meetingsAppended: 2, expectedEnds: 1 },
      { type: "checked", after: "apply", checked: seen() },
    ]);
    expect(applied.canUndoApply).toBe(true);
    const undone = after(
      [
        { type: "started", busy: "undoing" },
        { type: "applyUndone", restored: 7 },
        { type: "checked", after: "undo", checked: seen(2030) },
        { type: "finished" },
      ],
      applied,
    );
    expect(undone.canUndoApply).toBe(false);
    expect(undone.notice).toBe(
      "The apply was undone: the workplan is back as it was before it (7 cells written back). The findings below " +
        "are the check after the undo.",
    );
    expect(undone.announcement).toBe("Apply undone and checked: no conflicts.");
    const reopened = after([...opened({ ...seen(), canUndoApply: true }), { type: "finished" }]);
    expect(reopened.canUndoApply).toBe(true);
    expect(selectProgress(reducePane(reopened, { type: "started", busy: "undoing" }))).toBe("Undoing the apply…");
  });
});

describe("the requests, against a workbook port in memory", () => {
  function port(overrides: Partial<PaneWorkbook> = {}): PaneWorkbook {
    const read = (): Promise<MarkedRead> =>
      Promise.resolve({
        ...seen(),
        lastCheck: [...CAPTION],
        canUndoApply: false,
        hasTables: true,
        setUp: null,
        clearsUndo: false,
      });
    const check = async (): Promise<CheckOutcome> => {
      const { tables, result } = await read();
      return { tables, result, annotations: { conflicts: { caption: CAPTION } } } as unknown as CheckOutcome;
    };
    const refuse = () => Promise.reject(new Error("not in this test"));
    return {
      read,
      check,
      clearHighlights: refuse,
      create: refuse,
      goTo: refuse,
      saveExpectedEnds: () => Promise.resolve({ cells: [], changes: ["Cluster 2: 2030 → 2032"] }),
      writeProposal: refuse,
      apply: refuse,
      watch: () => Promise.resolve(() => undefined),
      commandError: () => null,
      now: () => new Date("2026-11-23T17:50:00Z"),
      ...overrides,
    } as PaneWorkbook;
  }

  function record() {
    const events: PaneEvent[] = [];
    return { events, dispatch: (event: PaneEvent) => events.push(event), types: () => events.map((e) => e.type) };
  }

  it("Save expected dates: saved, then the check that follows, one request from start to finish", async () => {
    const { dispatch, types, events } = record();
    await paneActions(port(), dispatch).saveExpected(new Map([[2, 2032]]));
    expect(types()).toEqual(["started", "expectedEndsSaved", "checked", "finished"]);
    expect(after(events).notice).toBe("Saved to the Clusters table: Cluster 2: 2030 → 2032.");
  });

  it("opening is one read: a workbook without tables offers to create them", async () => {
    const { dispatch, events } = record();
    const read = jest.fn(() =>
      Promise.resolve({
        ...seen(),
        lastCheck: [],
        canUndoApply: false,
        hasTables: false,
        setUp: null,
        clearsUndo: false,
      }),
    );
    await paneActions(port({ read }), dispatch).open();
    expect(events.map((e) => e.type)).toEqual(["started", "read", "finished"]);
    expect(read).toHaveBeenCalledTimes(1);
    expect(selectView(after(events))).toBe("create");
  });

  it("Apply closes the confirmation, applies, then checks; the notice counts what changed", async () => {
    const { dispatch, events, types } = record();
    const edit = { cells: [{}, {}], rows: [[], []], changes: [] };
    const applied = { edit, expectedEnds: { cells: [{}], changes: [] } };
    const applying = port({ apply: () => Promise.resolve(applied as never) });
    const asked = after([...opened(), { type: "finished" }, { type: "proposeAsked" }, { type: "applyAsked" }]);
    await paneActions(applying, dispatch).apply({} as ProposalBasis);
    expect(types()).toEqual(["applyConfirmed", "started", "applied", "checked", "finished"]);
    const state = after(events, asked);
    expect(state).toMatchObject({ confirming: false, proposalShown: false, busy: null });
    expect(state.notice).toMatch(/^Applied the proposal: 2 fixed topics changed, 2 meetings appended, 1 expected/);
    expect(state.announcement).toBe("Applied and checked: no conflicts.");
  });

  it("runs one request at a time: a second asked for meanwhile is dropped", async () => {
    const { dispatch, types } = record();
    const actions = paneActions(port(), dispatch);
    const first = actions.check();
    expect(actions.busy()).toBe(true);
    await actions.refresh();
    await first;
    expect(types()).toEqual(["started", "checked", "finished"]);
    expect(actions.busy()).toBe(false);
  });

  it("Check whose write Excel refuses reads the workbook again and says why, with no error bar", async () => {
    const { dispatch, events, types } = record();
    const refused = new Error("Could not check the workbook. Excel refused the change: the sheet is protected.");
    await paneActions(port({ check: () => Promise.reject(refused) }), dispatch).check();
    expect(types()).toEqual(["started", "read", "notWritten", "finished"]);
    const state = after(events, after([...opened(), { type: "finished" }]));
    expect(state.problem).toBeNull();
    expect(state.notWritten).toBe("Excel refused the change: the sheet is protected.");
  });

  it("Check whose read fails too is an error bar", async () => {
    const { dispatch, types } = record();
    const failing = () => Promise.reject(new Error("Could not read the workbook."));
    await paneActions(port({ check: failing, read: failing }), dispatch).check();
    expect(types()).toEqual(["started", "failed", "finished"]);
  });

  it("turns an error into the message bar, named after what failed", async () => {
    const { dispatch, events } = record();
    await paneActions(port(), dispatch).goTo("Workplan", "E7");
    expect(events.map((e) => e.type)).toEqual(["started", "failed", "finished"]);
    expect(after(events).problem).toEqual({ title: "Could not go to Workplan!E7", message: "not in this test" });
  });
});

describe("setting up the secretariat's workbook", () => {
  const setUp = {
    missing: ["Workplan", "Sources"],
    convert: ["Workplan (Data!A3:F20)"],
    add: ["Sources"],
    why: [],
    notCreated: null,
  };
  const read = (hasTables: boolean, found: typeof setUp | null): WorkbookSeen => ({
    ...seen(),
    hasTables,
    setUp: found,
  });
  const opened = (hasTables: boolean, found: typeof setUp | null) =>
    reducePane({ ...initialState(true), busy: null }, { type: "read", read: read(hasTables, found) });

  it("shows the convert view before the workbook has a table, the create view when nothing converts", () => {
    expect(selectView(opened(false, setUp))).toBe("convert");
    expect(selectView(opened(false, { ...setUp, convert: [] }))).toBe("create");
    expect(selectView(opened(false, null))).toBe("create");
    expect(selectView(opened(true, setUp))).toBe("workbook");
  });

  it("says what was converted or added", () => {
    const converted = reducePane(opened(false, setUp), {
      type: "setUpDone",
      added: false,
      tables: ["Workplan", "Topics"],
    });
    expect(converted.notice).toBe("Converted to tables: Workplan and Topics.");
    const added = reducePane(opened(true, setUp), { type: "setUpDone", added: true, tables: ["Sources"] });
    expect(added.notice).toBe("Added Sources on new sheets.");
    // Opening again forgets what no longer needs setting up.
    expect(reducePane(added, { type: "read", read: read(true, null) }).setUp).toBeNull();
  });

  it("a co-author's change brings the offer up to date on the same refresh as the findings", () => {
    const before = opened(true, setUp);
    const refresh = (found: typeof setUp | null): PaneEvent => ({ type: "refreshed", read: read(true, found) });
    // The co-author added Sources: only Workplan is left to convert.
    const fewer = reducePane(before, refresh({ ...setUp, missing: ["Workplan"], add: [] }));
    expect(fewer.setUp).toMatchObject({ missing: ["Workplan"], add: [] });
    expect(fewer.announcement).toMatch(/^A co-author changed the workbook/);
    // … and converted the rest: nothing is missing, nothing offered.
    expect(reducePane(fewer, refresh(null)).setUp).toBeNull();
    // A check does not look at the tables there are: it leaves the offer as the last read found it.
    expect(reducePane(before, { type: "checked", after: "check", checked: seen() }).setUp).toEqual(setUp);
  });
});
