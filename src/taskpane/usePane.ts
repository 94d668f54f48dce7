/**
 * Binds the pane's state (state.ts) and requests (actions.ts) to React: one reducer, the requests
 * bound to the workbook port, opening on mount, the live re-check after edits and co-authors'
 * changes and when the pane regains focus (live.ts), and the derived values memoized (the what-if
 * re-runs the engine in memory, well within a frame for the adopted plan: `preview_seed_ms` in the bench).
 */
import { useEffect, useMemo, useReducer, useRef } from "react";
import type { WhatIf } from "../domain/whatIf";
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
  selectSlips,
  type ClusterRow,
  type PaneState,
} from "./state";
import type { PaneWorkbook } from "./workbook";

export interface WhatIfView {
  clusters: ClusterRow[];
  /** The planned meetings the Meetings what-if may cancel. */
  meetings: { meeting: number; year: number | null }[];
  /** Beside each slipped cluster's spin button: the findings its slip alone adds (or removes, negative). */
  counts: ReadonlyMap<number, number>;
  slips: ReadonlyMap<number, number>;
  preview: WhatIf | null;
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
  const basis = useMemo(
    () => selectBasis(preview, slips, currentYear, cancelled),
    [preview, slips, currentYear, cancelled],
  );
  return { clusters, meetings, counts, slips, preview, basis };
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
      changed: () => workbook.changedUnheard(),
    });
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
      live.dispose();
    };
  }, [workbook, actions]);
}

export function usePane(workbook: PaneWorkbook): PaneBinding {
  const [state, dispatch] = useReducer(reducePane, undefined, () => initialState(loadAutoCheck()));
  const actions = useMemo(() => paneActions(workbook, dispatch), [workbook]);
  useEffect(() => {
    void actions.open();
  }, [actions]);
  useLiveCheck(workbook, actions, state.autoCheck);
  const currentYear = useMemo(() => workbook.now().getFullYear(), [workbook]);
  const whatIf = useWhatIfView(state, currentYear);
  return { state, dispatch, actions, whatIf };
}
