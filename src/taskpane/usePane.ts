/**
 * Binds the pane's state (state.ts) and requests (actions.ts) to React: one reducer, the requests
 * bound to the workbook port, opening on mount, the live re-check after edits and co-authors'
 * changes and when the pane regains focus (live.ts), and the derived values memoized (the what-if
 * re-runs the check in memory, well within a frame for the adopted plan: `preview_seed_ms` in the bench).
 * The proposal for the what-if comes from the solver port (solver.ts, a Web Worker), asked again at
 * every step once "Propose timeline" is selected; each step cancels the request before it.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from "react";
import type { Plan } from "../domain/model";
import type { Proposal } from "../domain/propose";
import type { WhatIfCheck } from "../domain/whatIf";
import type { ProposalBasis } from "../domain/proposalBasis";
import { paneActions, type Dispatch, type PaneActions } from "./actions";
import { LiveCheck } from "./live";
import { loadAutoCheck } from "./preferences";
import {
  initialState,
  reducePane,
  selectBasis,
  selectCancellable,
  selectSlipCounts,
  selectClusterRows,
  selectPreview,
  selectProposal,
  selectSlips,
  type ClusterRow,
  type PaneState,
} from "./state";
import { PANE_BUDGET_MS, paneSolver, type ProposalSolver } from "./solver";
import type { PaneWorkbook } from "./workbook";

export interface WhatIfView {
  clusters: ClusterRow[];
  /** The planned meetings the Meetings what-if may cancel. */
  meetings: { meeting: number; year: number | null }[];
  /** Beside each slipped cluster's spin button: the findings its slip alone adds (or removes, negative). */
  counts: ReadonlyMap<number, number>;
  slips: ReadonlyMap<number, number>;
  preview: WhatIfCheck | null;
  /** The solver's proposal for the preview's plan; "pending" while it works on it; null until asked. */
  proposal: Proposal | "pending" | null;
  basis: ProposalBasis | null;
}

export interface PaneBinding {
  state: PaneState;
  dispatch: Dispatch;
  actions: PaneActions;
  whatIf: WhatIfView;
}

function useWhatIfView(state: PaneState, currentYear: number): WhatIfView {
  const { baseline, spun, cancelled } = state;
  const slips = useMemo(() => selectSlips(baseline, spun), [baseline, spun]);
  const clusters = useMemo(() => selectClusterRows(baseline, slips), [baseline, slips]);
  const meetings = useMemo(() => selectCancellable(baseline), [baseline]);
  const counts = useMemo(() => selectSlipCounts(baseline, slips, currentYear), [baseline, slips, currentYear]);
  const preview = useMemo(
    () => selectPreview(baseline, slips, currentYear, cancelled),
    [baseline, slips, currentYear, cancelled],
  );
  const proposal = selectProposal(state, preview?.check.plan ?? null);
  const basis = useMemo(
    () => selectBasis(preview, proposal, slips, currentYear, cancelled),
    [preview, proposal, slips, currentYear, cancelled],
  );
  return { clusters, meetings, counts, slips, preview, proposal, basis };
}

/** The solver the pane was given, or its own (a Web Worker where the host has them), ended with the pane. */
function useSolver(given: ProposalSolver | undefined): ProposalSolver {
  const [solver] = useState(() => given ?? paneSolver());
  useEffect(() => () => solver.dispose(), [solver]);
  return solver;
}

/**
 * Once "Propose timeline" is selected, asks the solver for the what-if's plan at every step, within the pane's budget;
 * the next step (or closing the proposal) cancels the request.
 */
function useProposals(solver: ProposalSolver, shown: boolean, plan: Plan | null, dispatch: Dispatch): void {
  const requests = useRef(0);
  useEffect(() => {
    if (!shown || !plan) return;
    const request = ++requests.current;
    dispatch({ type: "proposing", request, plan });
    solver.propose(plan, PANE_BUDGET_MS).then(
      (proposal) => {
        if (proposal) dispatch({ type: "proposed", request, proposal });
      },
      (error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        dispatch({ type: "proposalFailed", request, message });
      },
    );
    return () => {
      solver.cancel();
      dispatch({ type: "proposalCancelled", request });
    };
  }, [solver, shown, plan, dispatch]);
}

/** The live re-check: the events that come at any time, with the latest setting. */
function useLiveCheck(workbook: PaneWorkbook, actions: PaneActions, autoCheck: boolean): void {
  const latest = useRef(autoCheck);
  latest.current = autoCheck;
  useEffect(() => {
    const live = new LiveCheck({
      autoCheck: () => latest.current,
      busy: () => actions.busy(),
      check: () => actions.check(),
      refresh: (unheard) => actions.refresh(unheard),
      ribbonChecked: () => actions.ribbonChecked(),
      changed: () => workbook.changedUnheard(),
    });
    const unhear = workbook.hearRibbonChecks(() => live.onRibbonCheck());
    const regained = () => {
      if (document.visibilityState !== "hidden") void live.onFocus();
    };
    window.addEventListener("focus", regained);
    document.addEventListener("visibilitychange", regained);
    let stop: (() => void) | null = null;
    let gone = false;
    workbook
      .watch((change) => live.onChange(change))
      .then(
        (unsubscribe) => (gone ? unsubscribe() : (stop = unsubscribe)),
        // Without events the pane still works; it just does not re-check by itself.
        () => undefined,
      );
    return () => {
      gone = true;
      window.removeEventListener("focus", regained);
      document.removeEventListener("visibilitychange", regained);
      stop?.();
      unhear();
      live.dispose();
    };
  }, [workbook, actions]);
}

/** @param solver the proposal solver; by default the pane's own (paneSolver). */
export function usePane(workbook: PaneWorkbook, solver?: ProposalSolver): PaneBinding {
  const [state, dispatch] = useReducer(reducePane, undefined, () => initialState(loadAutoCheck()));
  const actions = useMemo(() => paneActions(workbook, dispatch), [workbook]);
  // Effects run in order: the live re-check asks to watch first, so that opening's read subscribes it in its sync.
  useLiveCheck(workbook, actions, state.autoCheck);
  useEffect(() => {
    void actions.open();
  }, [actions]);
  const currentYear = useMemo(() => workbook.now().getFullYear(), [workbook]);
  const whatIf = useWhatIfView(state, currentYear);
  useProposals(useSolver(solver), state.proposalShown, whatIf.preview?.check.plan ?? null, dispatch);
  return { state, dispatch, actions, whatIf };
}
