/**
 * The shared-workbook layout contract (docs/workbook.md): table names, their sheets and
 * the header texts by which columns are found.
 */
export const WORKPLAN = {
  table: "Workplan",
  sheet: "Workplan",
  meeting: "Meeting",
  year: "Year",
  status: "Status",
  flexible: "Agenda item 2 (flexible topic)",
  fixed: "Agenda item 3 (fixed topic)",
  notes: "Notes",
} as const;

export const TOPICS = { table: "Topics", sheet: "Topics", topic: "Topic", title: "Title" } as const;

export const ARTICLES = {
  table: "Articles",
  sheet: "Articles",
  article: "Article",
  title: "Title",
  cluster: "Cluster",
  topic: "Topic",
  rule: "Rule",
} as const;

export const CLUSTERS = {
  table: "Clusters",
  sheet: "Clusters",
  cluster: "Cluster",
  name: "Name",
  reviewStart: "Review start",
  plannedEnd: "Review end (planned)",
  expectedEnd: "Review end (expected)",
} as const;

export const FLEXIBLE = {
  table: "FlexibleTopics",
  sheet: "FlexibleTopics",
  code: "Code",
  title: "Title",
  related: "Related articles",
  discussedAt: "Discussed at meeting",
} as const;

export const SETTINGS = { table: "Settings", sheet: "Settings", setting: "Setting", value: "Value" } as const;

/** The sentences of each source the rules cite (optional: without it findings cite the id alone). */
export const SOURCES = {
  table: "Sources",
  sheet: "Sources",
  source: "Source",
  document: "Document",
  text: "Text",
  /** The source in words ("Background paper, para. 18"), first in the table we create; the reader ignores it. */
  reference: "Reference",
} as const;

export const CONFLICTS = {
  table: "Conflicts",
  sheet: "Conflicts",
  headers: ["Severity", "Meeting", "Agenda item", "Problem", "What would fix it", "Source", "Rule", "Cell"],
} as const;

/** Row of the Conflicts table's header when the product makes it: two caption lines and a blank row sit above it. */
export const CONFLICTS_HEADER_ROW = 4;

export const SETTING_NAMES = {
  earliest: "Earliest (years before review end)",
  latest: "Latest (years after review end)",
  asOf: "As of year",
} as const;

export interface TableLayout {
  table: string;
  sheet: string;
  columns: readonly string[];
}

export const INPUT_TABLES: readonly TableLayout[] = [
  {
    table: WORKPLAN.table,
    sheet: WORKPLAN.sheet,
    columns: [WORKPLAN.meeting, WORKPLAN.year, WORKPLAN.status, WORKPLAN.flexible, WORKPLAN.fixed, WORKPLAN.notes],
  },
  { table: TOPICS.table, sheet: TOPICS.sheet, columns: [TOPICS.topic, TOPICS.title] },
  {
    table: ARTICLES.table,
    sheet: ARTICLES.sheet,
    columns: [ARTICLES.article, ARTICLES.title, ARTICLES.cluster, ARTICLES.topic, ARTICLES.rule],
  },
  {
    table: CLUSTERS.table,
    sheet: CLUSTERS.sheet,
    columns: [CLUSTERS.cluster, CLUSTERS.name, CLUSTERS.reviewStart, CLUSTERS.plannedEnd, CLUSTERS.expectedEnd],
  },
  {
    table: FLEXIBLE.table,
    sheet: FLEXIBLE.sheet,
    columns: [FLEXIBLE.code, FLEXIBLE.title, FLEXIBLE.related, FLEXIBLE.discussedAt],
  },
  { table: SETTINGS.table, sheet: SETTINGS.sheet, columns: [SETTINGS.setting, SETTINGS.value] },
  { table: SOURCES.table, sheet: SOURCES.sheet, columns: [SOURCES.source, SOURCES.document, SOURCES.text] },
];

export const ALL_TABLES: readonly TableLayout[] = [
  ...INPUT_TABLES,
  { table: CONFLICTS.table, sheet: CONFLICTS.sheet, columns: CONFLICTS.headers },
];

/**
 * Columns the engine reads; a missing one is a missing-table finding, because without it a rule
 * would silently do less (no Rule column: article 14 never checked as last). Titles, notes and
 * the review start are for people and may be absent.
 */
export const REQUIRED_COLUMNS: Readonly<Record<string, readonly string[]>> = {
  [WORKPLAN.table]: [WORKPLAN.meeting, WORKPLAN.year, WORKPLAN.status, WORKPLAN.flexible, WORKPLAN.fixed],
  [TOPICS.table]: [TOPICS.topic],
  [ARTICLES.table]: [ARTICLES.article, ARTICLES.cluster, ARTICLES.topic, ARTICLES.rule],
  [CLUSTERS.table]: [CLUSTERS.cluster, CLUSTERS.plannedEnd, CLUSTERS.expectedEnd],
  [FLEXIBLE.table]: [FLEXIBLE.code, FLEXIBLE.related, FLEXIBLE.discussedAt],
  [SETTINGS.table]: [SETTINGS.setting, SETTINGS.value],
};
