/**
 * The slip what-if of the pane, in memory: the tables as last read, the expected review ends the
 * planner has spun, and for every change the check and the proposal again (domain `whatIf`, well
 * within a frame for the adopted plan: `preview_seed_ms` in the bench). Excel is not asked.
 */
import { useCallback, useMemo, useState } from "react";
import type { CheckResult } from "../domain/check";
import type { ProposalBasis } from "../domain/proposalBasis";
import type { WorkbookTables } from "../domain/tables";
import { whatIf, type WhatIf } from "../domain/whatIf";
import type { ClusterRow } from "./components/ClustersPanel";

/** The workbook as it stands: its tables and the engine's findings without what-ifs. */
export interface Baseline {
  tables: WorkbookTables;
  result: CheckResult;
}

export interface WhatIfState {
  clusters: ClusterRow[];
  /** The what-if expected ends that differ from the workbook's, by cluster. */
  slips: ReadonlyMap<number, number>;
  preview: WhatIf | null;
  /** What "Apply" and "Write proposal sheet" need; null without a clean proposal. */
  basis: ProposalBasis | null;
  setExpected(cluster: number, year: number): void;
  reset(): void;
}

export function useWhatIf(baseline: Baseline | null, currentYear: number): WhatIfState {
  const [spun, setSpun] = useState<ReadonlyMap<number, number>>(new Map());

  const clustersInWorkbook = useMemo(
    () => [...(baseline?.result.plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number),
    [baseline],
  );

  // Only spun values that differ from the workbook are slips; a co-author's refresh may have caught up with them.
  const slips = useMemo(() => {
    const differing = new Map<number, number>();
    for (const cluster of clustersInWorkbook) {
      const year = spun.get(cluster.number);
      if (year !== undefined && year !== cluster.expectedEndInWorkbook) differing.set(cluster.number, year);
    }
    return differing;
  }, [clustersInWorkbook, spun]);

  const preview = useMemo(
    () => (baseline ? whatIf(baseline.tables, { currentYear, expectedEnd: slips }, baseline.result) : null),
    [baseline, currentYear, slips],
  );

  const basis = useMemo<ProposalBasis | null>(() => {
    const proposal = preview?.proposal;
    const plan = preview?.check.plan;
    return proposal?.feasible && plan ? { proposal, plan, options: { currentYear, expectedEnd: slips } } : null;
  }, [preview, currentYear, slips]);

  const clusters = useMemo<ClusterRow[]>(
    () =>
      clustersInWorkbook.map((c) => ({
        number: c.number,
        name: c.name,
        plannedEnd: c.plannedEnd,
        inWorkbook: c.expectedEndInWorkbook,
        expected: slips.get(c.number) ?? c.expectedEndInWorkbook,
      })),
    [clustersInWorkbook, slips],
  );

  const setExpected = useCallback(
    (cluster: number, year: number) => setSpun((before) => new Map(before).set(cluster, year)),
    [],
  );
  const reset = useCallback(() => setSpun(new Map()), []);

  return { clusters, slips, preview, basis, setExpected, reset };
}
