/**
 * Test helper: a Plan built straight from a compact description (meetings, topics with their
 * clusters, cluster ends, settings), for generated plans that need no workbook.
 */
import { parseA1 } from "../../../src/domain/areas";
import type { Article, CellRef, Cluster, Meeting, Plan, Topic } from "../../../src/domain/model";

export interface MeetingSpec {
  ordinal: number;
  year: number;
  held: boolean;
  topic: number | null;
  /** Status Cancelled: the row takes place in no year (never held). */
  cancelled?: boolean;
}

export interface TopicSpec {
  number: number;
  /** Clusters of its articles: one article per cluster; none = one article without a cluster. */
  clusters: number[];
  /** Adds a cross-cutting article with the "last" rule. */
  last?: boolean;
}

export interface PlanSpec {
  meetings: MeetingSpec[];
  topics: TopicSpec[];
  /** Cluster number → expected review end (planned end is the same unless `plannedEnd` says). */
  expectedEnd: Record<number, number>;
  plannedEnd?: Record<number, number>;
  earliest: number;
  latest: number;
  asOf?: number;
}

const at = (cell: string): CellRef => ({ sheet: "Test", ...parseA1(cell) });

export function planOf(spec: PlanSpec): Plan {
  const meetings: Meeting[] = spec.meetings.map((m, row) => ({
    row,
    ordinal: m.ordinal,
    year: m.year,
    status: m.cancelled ? "cancelled" : m.held ? "held" : "planned",
    held: m.held && !m.cancelled,
    flexible: null,
    topic: m.topic,
    at: { ordinal: at(`A${row + 2}`), year: at(`B${row + 2}`), flexible: null, topic: at(`E${row + 2}`) },
  }));
  const topics = new Map<number, Topic>(
    spec.topics.map((t) => [t.number, { number: t.number, title: `Topic ${t.number}`, at: at(`A${t.number}`) }]),
  );
  const articles: Article[] = [];
  const article = (cluster: number | null, topic: number, last: boolean): void => {
    const number = articles.length + 1;
    articles.push({
      number,
      title: `Article ${number}`,
      cluster,
      topic,
      topicUnreadable: false,
      last,
      at: { article: at(`A${number}`), cluster: at(`C${number}`), topic: at(`D${number}`) },
    });
  };
  for (const t of spec.topics) {
    if (t.clusters.length === 0 && !t.last) article(null, t.number, false);
    for (const c of t.clusters) article(c, t.number, false);
    if (t.last) article(null, t.number, true);
  }
  const clusters = new Map<number, Cluster>(
    Object.entries(spec.expectedEnd).map(([n, end]) => {
      const number = Number(n);
      const planned = spec.plannedEnd?.[number] ?? end;
      return [
        number,
        {
          number,
          name: `Cluster ${number}`,
          reviewStart: null,
          plannedEnd: planned,
          expectedEnd: end,
          expectedEndInWorkbook: planned,
          at: { cluster: at(`A${number}`), expectedEnd: at(`E${number}`) },
        },
      ];
    }),
  );
  const asOf = spec.asOf ?? Math.min(...spec.meetings.filter((m) => !m.held || m.cancelled).map((m) => m.year), 9999);
  return {
    meetings,
    topics,
    articles,
    clusters,
    unreadableClusters: new Set(),
    flexibleTopics: null,
    settings: { earliest: spec.earliest, latest: spec.latest, asOf },
  };
}
