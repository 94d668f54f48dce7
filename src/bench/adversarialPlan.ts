/**
 * A plan built to defeat an exact search (issue 9): 320 topics in 10 clusters whose windows are
 * three quarters of the horizon wide (400 meetings, one a year from 2001, windows of 300 years),
 * each cluster's window ten years after the previous one's, and the topics currently in reverse
 * order, so that every topic has hundreds of years to choose from and the order of topics is at
 * stake everywhere. A clean plan exists (each topic's window holds 300 meetings); proving the best
 * one is out of reach of the search, so the time budget decides.
 */
import { ALL_TABLES, SETTING_NAMES } from "../domain/layout";
import type { Plan } from "../domain/model";
import { readPlan } from "../domain/read";
import { tablesByName, type CellValue, type SheetTable } from "../domain/tables";

const FIRST_YEAR = 2001;
const MEETINGS = 400;
const TOPICS = 320;
const CLUSTERS = 10;
const EARLIEST = 150;
const LATEST = 149;

function table(name: string, rows: CellValue[][]): SheetTable {
  const layout = ALL_TABLES.find((t) => t.table === name);
  if (!layout) throw new Error(`no table ${name} in the layout`);
  return { name, sheet: layout.sheet, top: 1, left: 1, headers: [...layout.columns], rows };
}

export function adversarialPlan(): Plan {
  const perCluster = TOPICS / CLUSTERS;
  const clusterOf = (topic: number) => Math.floor((topic - 1) / perCluster) + 1;
  const end = (cluster: number) => FIRST_YEAR + EARLIEST + 10 * (cluster - 1);
  const tables = tablesByName([
    table(
      "Workplan",
      Array.from({ length: MEETINGS }, (_, i) => [
        i + 1,
        FIRST_YEAR + i,
        "Planned",
        null,
        i < TOPICS ? TOPICS - i : null,
        null,
      ]),
    ),
    table(
      "Topics",
      Array.from({ length: TOPICS }, (_, i) => [i + 1, `Topic ${i + 1}`]),
    ),
    table(
      "Articles",
      Array.from({ length: TOPICS }, (_, i) => [i + 1, `Article ${i + 1}`, clusterOf(i + 1), i + 1, null]),
    ),
    table(
      "Clusters",
      Array.from({ length: CLUSTERS }, (_, c) => [c + 1, `Cluster ${c + 1}`, null, end(c + 1), end(c + 1)]),
    ),
    table("FlexibleTopics", []),
    table("Settings", [
      [SETTING_NAMES.earliest, EARLIEST],
      [SETTING_NAMES.latest, LATEST],
      [SETTING_NAMES.asOf, FIRST_YEAR],
    ]),
    table("Conflicts", []),
  ]);
  const { plan, findings } = readPlan(tables, { currentYear: FIRST_YEAR });
  if (!plan || findings.length > 0)
    throw new Error(`the adversarial plan does not read: ${findings.map((f) => f.message).join(" ")}`);
  return plan;
}
