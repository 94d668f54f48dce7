/**
 * The adopted workplan (docs/domain.md §1): what "create workbook" writes and what
 * `workplan check` checks when no file is given. The one place these values live.
 */
import { ALL_TABLES, CONFLICTS_HEADER_ROW, SETTING_NAMES } from "./layout";
import { topicLabel, flexibleLabel } from "./labels";
import { ADOPTED_SOURCES } from "./adoptedSources";
import { tablesByName, type CellValue, type SheetTable, type WorkbookTables } from "./tables";

interface AdoptedTopic {
  topic: number;
  title: string;
  meeting: number;
  year: number;
}

/** P-annex: topics in the order and at the meetings the Working Group adopted. */
const TOPICS: readonly AdoptedTopic[] = [
  { topic: 1, title: "Use of terms; scope of application", meeting: 10, year: 2023 },
  { topic: 2, title: "Criminalization and criminal justice responses", meeting: 11, year: 2024 },
  { topic: 3, title: "Confiscation, seizure and disposal; deactivation", meeting: 12, year: 2025 },
  { topic: 4, title: "Information", meeting: 13, year: 2026 },
  { topic: 5, title: "Cooperation", meeting: 14, year: 2027 },
  { topic: 6, title: "Record-keeping; marking", meeting: 15, year: 2028 },
  { topic: 7, title: "Export, import and transit licensing", meeting: 16, year: 2029 },
  { topic: 8, title: "Brokers and brokering", meeting: 17, year: 2030 },
  { topic: 9, title: "Security and preventive measures", meeting: 18, year: 2031 },
  { topic: 10, title: "Training and technical assistance", meeting: 19, year: 2032 },
];

/** P§17–18, P-annex: article, title, cluster (P§18 (a)–(d)), topic, rule. */
const ARTICLES: readonly [number, string, number | null, number, "last" | null][] = [
  [1, "Relation with the Organized Crime Convention", 1, 2, null],
  [3, "Use of terms", 1, 1, null],
  [4, "Scope of application", 1, 1, null],
  [5, "Criminalization", 1, 2, null],
  [6, "Confiscation, seizure and disposal", 4, 3, null],
  [7, "Record-keeping", 2, 6, null],
  [8, "Marking of firearms", 2, 6, null],
  [9, "Deactivation of firearms", 4, 3, null],
  [10, "General requirements for export, import and transit licensing or authorization systems", 2, 7, null],
  [11, "Security and preventive measures", 2, 9, null],
  [12, "Information", 4, 4, null],
  [13, "Cooperation", 4, 5, null],
  [14, "Training and technical assistance", null, 10, "last"],
  [15, "Brokers and brokering", 2, 8, null],
];

/** P§18 footnote 1: cluster, name, review start, planned end (expected = planned). */
const CLUSTERS: readonly [number, string, number, number][] = [
  [1, "Criminalization and jurisdiction", 2021, 2024],
  [2, "Prevention", 2027, 2030],
  [3, "Third cluster (no provision of the Protocol is reviewed under it)", 2025, 2028],
  [4, "International cooperation, mutual legal assistance and confiscation", 2023, 2026],
];

/** R-rec 47 (a)–(k), P§6–16: code, title, related articles, meeting where discussed. */
const FLEXIBLE_TOPICS: readonly [string, string, string, number | null][] = [
  ["a", "Gender perspectives in preventing and countering illicit manufacturing and trafficking", "", null],
  ["b", "Victim-centred approaches", "", null],
  ["c", "The Firearms Protocol and the 2030 Agenda for Sustainable Development (target 16.4)", "", null],
  ["d", "Brokers, brokering and brokering-related activities", "15", null],
  ["e", "Trade in, illicit manufacturing of and trafficking in ammunition", "", 9],
  ["f", "Manufacturing from parts and components, conversion, ghost guns and 3D printing", "", null],
  ["g", "Tracing and marking", "8, 12", null],
  ["h", "International cooperation mechanisms, especially between neighbouring countries", "13", null],
  ["i", "The role of commercial carriers", "13", null],
  ["j", "Operationalizing article 10: national transfer control systems", "10", null],
  ["k", "National firearms focal points", "13", null],
];

function articlesOf(topic: number): number[] {
  return ARTICLES.filter((a) => a[3] === topic)
    .map((a) => a[0])
    .sort((a, b) => a - b);
}

export const ADOPTED_TOPIC_LABELS: readonly string[] = TOPICS.map((t) =>
  topicLabel(t.topic, t.title, articlesOf(t.topic)),
);
export const ADOPTED_FLEXIBLE_LABELS: readonly string[] = FLEXIBLE_TOPICS.map(([code, title]) =>
  flexibleLabel(code, title),
);

const ROWS: Readonly<Record<string, CellValue[][]>> = {
  Workplan: TOPICS.map((t, i) => [t.meeting, t.year, null, null, ADOPTED_TOPIC_LABELS[i], null]),
  Topics: TOPICS.map((t) => [t.topic, t.title]),
  Articles: ARTICLES.map(([article, title, cluster, topic, rule]) => [article, title, cluster, topic, rule]),
  Clusters: CLUSTERS.map(([cluster, name, start, end]) => [cluster, name, start, end, end]),
  FlexibleTopics: FLEXIBLE_TOPICS.map(([code, title, related, discussed]) => [code, title, related || null, discussed]),
  Settings: [
    [SETTING_NAMES.earliest, 2],
    [SETTING_NAMES.latest, 1],
    [SETTING_NAMES.asOf, null],
  ],
  Sources: ADOPTED_SOURCES.map((row) => [...row]),
  Conflicts: [],
};

export { CONFLICTS_HEADER_ROW };

/** The adopted workbook's tables, at the positions `workplan init` writes them. */
export function adoptedTables(): SheetTable[] {
  return ALL_TABLES.map((layout) => ({
    name: layout.table,
    sheet: layout.sheet,
    top: layout.table === "Conflicts" ? CONFLICTS_HEADER_ROW : 1,
    left: 1,
    headers: [...layout.columns],
    rows: (ROWS[layout.table] ?? []).map((row) => [...row]),
  }));
}

export function adoptedWorkbook(): WorkbookTables {
  return tablesByName(adoptedTables());
}
