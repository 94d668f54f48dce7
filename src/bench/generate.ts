/** Generated workbooks for the benchmark: large, realistic plans with a few conflicts. */
import { ALL_TABLES, SETTING_NAMES } from "../domain/layout";
import type { CellValue, SheetTable } from "../domain/tables";

export interface LargePlanSize {
  meetings: number;
  topics: number;
  articles: number;
  clusters: number;
}

function table(name: string, rows: CellValue[][]): SheetTable {
  const layout = ALL_TABLES.find((t) => t.table === name);
  if (!layout) throw new Error(`no table ${name}`);
  return { name, sheet: layout.sheet, top: 1, left: 1, headers: [...layout.columns], rows };
}

/**
 * Topic t sits at meeting t, one a year from 2001; its articles belong to the cluster whose
 * review ends near that year, so the plan is mostly clean, with a slip on every fifth cluster.
 */
export function largePlanTables(size: LargePlanSize): SheetTable[] {
  const span = Math.ceil(size.topics / size.clusters);
  const clusterOf = (topic: number) => Math.min(size.clusters, Math.floor((topic - 1) / span) + 1);
  const plannedEnd = (cluster: number) => 2000 + cluster * span;
  const clusters = Array.from({ length: size.clusters }, (_, i) => {
    const c = i + 1;
    return [c, `Cluster ${c}`, plannedEnd(c) - span, plannedEnd(c), plannedEnd(c) + (c % 5 === 0 ? 2 : 0)];
  });
  const topics = Array.from({ length: size.topics }, (_, i) => [i + 1, `Topic ${i + 1}`]);
  const articles = Array.from({ length: size.articles }, (_, i) => {
    const topic = (i % size.topics) + 1;
    return [i + 1, `Article ${i + 1}`, clusterOf(topic), topic, null];
  });
  const meetings = Array.from({ length: size.meetings }, (_, i) => {
    const topic = i < size.topics ? i + 1 : null;
    return [i + 1, 2001 + i, null, i % 7 === 0 ? "e" : null, topic === null ? null : `${topic} — Topic ${topic}`, null];
  });
  return [
    table("Workplan", meetings),
    table("Topics", topics),
    table("Articles", articles),
    table("Clusters", clusters),
    table("FlexibleTopics", [["e", "Ammunition", "1-3", null]]),
    table("Settings", [
      [SETTING_NAMES.earliest, span],
      [SETTING_NAMES.latest, 1],
      [SETTING_NAMES.asOf, 2001 + Math.floor(size.meetings / 2)],
    ]),
  ];
}
