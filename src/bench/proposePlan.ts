/**
 * A generated workplan much larger than the Working Group's, for the proposal benchmark: 40 topics,
 * 60 meetings and 8 clusters. It is written as the workbook's tables (the layout of
 * docs/workbook.md) and read by the engine like any workbook.
 *
 * Shape: one meeting a year from 2001, the first six held. Cluster c is planned to end in
 * 2003 + 6c and the settings are earliest 3, latest 3, so each cluster's window is seven years and
 * neighbouring windows share a year. Topics are numbered in cluster order, about five a cluster,
 * and the current plan puts them in topic order, each at the first free year of its planned window. A few
 * topics have no cluster, a few have articles in two neighbouring clusters (whose windows, slip
 * included, share a year), and the last topic
 * holds a cross-cutting "last" article. Then some clusters slip by one or two years (seeded), so
 * that topics must move, meetings may have to be appended and the order of topics is at stake.
 */
import { ALL_TABLES, SETTING_NAMES } from "../domain/layout";
import type { Plan } from "../domain/model";
import { readPlan } from "../domain/read";
import { tablesByName, type CellValue, type SheetTable, type WorkbookTables } from "../domain/tables";

export interface ProposalPlanOptions {
  topics: number;
  meetings: number;
  clusters: number;
  seed: number;
}

/** The benchmark instance; its seed gives slips that a clean plan can absorb (test/bench/propose.test.ts). */
export const LARGE_PROPOSAL_PLAN: ProposalPlanOptions = { topics: 40, meetings: 60, clusters: 8, seed: 2 };

const FIRST_YEAR = 2001;
const HELD = 6;
const EARLIEST = 3;
const LATEST = 3;

/** Small deterministic generator (mulberry32): the same seed gives the same plan. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface GeneratedTopic {
  number: number;
  clusters: number[];
  last: boolean;
}

function generateTopics(options: ProposalPlanOptions, expectedEnd: number[], next: () => number): GeneratedTopic[] {
  const perCluster = (options.topics - 1) / options.clusters;
  // Two clusters' windows share a year when their expected ends are at most earliest + latest apart.
  const shareAYear = (c: number) => (expectedEnd[c] as number) - (expectedEnd[c - 1] as number) <= EARLIEST + LATEST;
  return Array.from({ length: options.topics }, (_, i) => {
    const number = i + 1;
    const last = number === options.topics;
    const cluster = Math.min(options.clusters, Math.floor(i / perCluster) + 1);
    const roll = next();
    // 1 in 12 without a cluster; 1 in 12 with a second article in the next cluster, if their windows meet.
    const twoClusters = roll < 2 / 12 && cluster < options.clusters && shareAYear(cluster);
    const clusters = last || roll < 1 / 12 ? [] : twoClusters ? [cluster, cluster + 1] : [cluster];
    return { number, clusters, last };
  });
}

/** The adopted plan before any slip: topics in topic order, each at the first free year of its planned window. */
function currentYears(topics: GeneratedTopic[], plannedEnd: number[]): Map<number, number> {
  const yearOf = new Map<number, number>();
  let year = FIRST_YEAR + 2;
  for (const t of topics) {
    const from = Math.max(-Infinity, ...t.clusters.map((c) => (plannedEnd[c - 1] as number) - EARLIEST));
    year = Math.max(year + 1, from);
    yearOf.set(year, t.number);
  }
  return yearOf;
}

function table(name: string, rows: CellValue[][]): SheetTable {
  const layout = ALL_TABLES.find((t) => t.table === name);
  if (!layout) throw new Error(`no table ${name} in the layout`);
  return { name, sheet: layout.sheet, top: 1, left: 1, headers: [...layout.columns], rows };
}

export function proposalPlanTables(options: ProposalPlanOptions = LARGE_PROPOSAL_PLAN): WorkbookTables {
  const next = random(options.seed);
  const ends = Array.from({ length: options.clusters }, (_, c) => FIRST_YEAR + 2 + 6 * (c + 1));
  // Slips: each cluster stays on time (half the time) or slips one or two years.
  const slips = ends.map(() => [0, 0, 1, 2][Math.floor(next() * 4)] as number);
  const topics = generateTopics(
    options,
    ends.map((end, c) => end + (slips[c] as number)),
    next,
  );
  const topicAt = currentYears(topics, ends);
  const articles: CellValue[][] = [];
  for (const t of topics) {
    const clusters = t.clusters.length > 0 ? t.clusters : [null];
    for (const c of clusters) articles.push([articles.length + 1, `Article ${articles.length + 1}`, c, t.number, null]);
    if (t.last) articles.push([articles.length + 1, `Article ${articles.length + 1}`, null, t.number, "last"]);
  }
  return tablesByName([
    table(
      "Workplan",
      Array.from({ length: options.meetings }, (_, i) => [
        i + 1,
        FIRST_YEAR + i,
        i < HELD ? "Held" : "Planned",
        null,
        topicAt.get(FIRST_YEAR + i) ?? null,
        null,
      ]),
    ),
    table(
      "Topics",
      topics.map((t) => [t.number, `Topic ${t.number}`]),
    ),
    table("Articles", articles),
    table(
      "Clusters",
      ends.map((end, c) => [c + 1, `Cluster ${c + 1}`, end - 4, end, end + (slips[c] as number)]),
    ),
    table("FlexibleTopics", []),
    table("Settings", [
      [SETTING_NAMES.earliest, EARLIEST],
      [SETTING_NAMES.latest, LATEST],
      [SETTING_NAMES.asOf, FIRST_YEAR + HELD],
    ]),
    table("Conflicts", []),
  ]);
}

export function proposalPlan(options: ProposalPlanOptions = LARGE_PROPOSAL_PLAN): Plan {
  const { plan, findings } = readPlan(proposalPlanTables(options), { currentYear: FIRST_YEAR + HELD });
  if (!plan || findings.length > 0)
    throw new Error(`the generated plan does not read: ${findings.map((f) => f.message).join(" ")}`);
  return plan;
}
