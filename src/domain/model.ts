/** The plan as the rules see it, read from the workbook's tables. */
import type { FlexibleRef, MeetingStatus } from "./parse";
import type { RuleId } from "./rules";

export type Severity = "error" | "warning" | "info";

/** A cell of the workbook as the engine knows it: its sheet, and its row and column (from 1). */
export interface CellRef {
  sheet: string;
  row: number;
  column: number;
}

/** Where a value of the plan was read. */
export type Where = CellRef;

/** A cell named by its A1 text on a sheet, as edits give it: { sheet: "Workplan", cell: "E7" }. */
export interface CellAt {
  sheet: string;
  cell: string;
}

export interface Meeting {
  /** Position in the Workplan table's data body. */
  row: number;
  ordinal: number | null;
  year: number | null;
  status: MeetingStatus;
  /** Held by status, or by a blank status and a year before the "As of year". */
  held: boolean;
  flexible: FlexibleRef | null;
  topic: number | null;
  /** Cancelled by a what-if for this run only; the Status cell does not say so. */
  whatIfCancelled?: boolean;
  /** Its Status cell says "Postponed": cancelled for this year, to be held later in a row of its own. */
  postponed?: boolean;
  at: { ordinal: Where; year: Where; flexible: Where | null; topic: Where; status?: Where };
}

/** A meeting whose year can be read: it has a place in time. */
export type DatedMeeting = Meeting & { year: number };

/** A meeting with a readable year and a fixed topic: it schedules that topic in that year. */
export type ScheduledMeeting = DatedMeeting & { topic: number };

export interface Topic {
  number: number;
  title: string;
  at: Where;
}

export interface Article {
  number: number;
  title: string;
  cluster: number | null;
  topic: number | null;
  topicUnreadable: boolean;
  last: boolean;
  at: { article: Where; cluster: Where; topic: Where };
}

/** An article put in a topic. */
export type ArticleInTopic = Article & { topic: number };

/** An article that names a cluster. */
export type ArticleInCluster = Article & { cluster: number };

export interface Cluster {
  number: number;
  name: string;
  reviewStart: number | null;
  plannedEnd: number;
  expectedEnd: number;
  /** The expected end the Clusters table holds; differs from expectedEnd under a what-if. */
  expectedEndInWorkbook: number;
  at: { cluster: Where; expectedEnd: Where };
}

export interface FlexibleTopic {
  code: string;
  title: string;
  related: number[];
  discussedAt: number | null;
  at: Where;
}

export interface Settings {
  /** Years before a cluster's expected review end that a topic may be discussed. */
  earliest: number | null;
  /** Years after a cluster's expected review end that a topic may still be discussed. */
  latest: number | null;
  asOf: number;
}

export interface Plan {
  meetings: Meeting[];
  topics: Map<number, Topic>;
  articles: Article[];
  clusters: Map<number, Cluster>;
  /** Clusters listed in the Clusters table whose review years cannot be read (already a finding). */
  unreadableClusters: Set<number>;
  /** Null when the workbook has no FlexibleTopics table. */
  flexibleTopics: Map<string, FlexibleTopic> | null;
  settings: Settings;
}

export interface Finding {
  rule: RuleId;
  severity: Severity;
  held: boolean;
  /** The cell the finding is about, or null for the workbook as a whole. */
  at: CellRef | null;
  /** The sheet and the A1 text of `at` ("E7"), derived from it by `findingPlace` for output. */
  sheet: string | null;
  cell: string | null;
  meeting: number | null;
  year: number | null;
  topic: number | null;
  message: string;
  source: string | null;
  /** The source's sentences from the workbook's Sources table; null without the table or the id in it. */
  quote: string | null;
  /** What is wrong, in one or two sentences a delegate can read (the message, without the technical ids). */
  problem: string;
  /** What would fix it, in one sentence; null when nothing needs fixing (information only). */
  fix: string | null;
}
