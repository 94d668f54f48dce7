/** Cluster windows: the years in which a topic may be discussed, from the workbook's settings. */
import type { Cluster, Meeting, Plan } from "./model";
import { inCluster, meetingsTakingPlace, years } from "./findings";
import { say } from "./messages/findings";
import { titled } from "./wording";

export interface ClusterWindow {
  cluster: Cluster;
  /** First acceptable year: expected review end − earliest. */
  from: number;
  /** Last acceptable year: expected review end + latest. */
  to: number;
}

export function clusterWindow(plan: Plan, cluster: Cluster): ClusterWindow | null {
  const { earliest, latest } = plan.settings;
  if (earliest === null || latest === null) return null;
  return { cluster, from: cluster.expectedEnd - earliest, to: cluster.expectedEnd + latest };
}

/** Cluster numbers of each topic's articles, worked out once per plan (rules ask for every meeting). */
const clustersByTopic = new WeakMap<Plan, Map<number | null, Set<number>>>();

function clusterNumbers(plan: Plan, topic: number): Set<number> {
  let index = clustersByTopic.get(plan);
  if (!index) {
    index = new Map();
    for (const article of plan.articles.filter(inCluster)) {
      const numbers = index.get(article.topic) ?? new Set<number>();
      numbers.add(article.cluster);
      index.set(article.topic, numbers);
    }
    clustersByTopic.set(plan, index);
  }
  return index.get(topic) ?? new Set();
}

/** The known clusters of a topic's articles, in cluster order. */
export function topicClusters(plan: Plan, topic: number): Cluster[] {
  return [...clusterNumbers(plan, topic)]
    .sort((a, b) => a - b)
    .map((n) => plan.clusters.get(n))
    .filter((c): c is Cluster => c !== undefined);
}

export function topicWindows(plan: Plan, topic: number): ClusterWindow[] {
  return topicClusters(plan, topic)
    .map((c) => clusterWindow(plan, c))
    .filter((w): w is ClusterWindow => w !== null);
}

/** `cluster 2 "Prevention"` */
export function describeCluster(cluster: Cluster): string {
  return titled(say("cluster", { cluster: cluster.number }), cluster.name);
}

/**
 * "is now expected to end in 2032, 2 years later than planned (2030)"; under a what-if, "is expected
 * to end in 2032 in this what-if check, 2 years later than planned (the Clusters table says 2030)":
 * a note or a Conflicts row read on its own must not state the what-if year as the workbook's.
 */
export function describeReviewEnd(cluster: Cluster): string {
  const slip = cluster.expectedEnd - cluster.plannedEnd;
  if (cluster.expectedEnd !== cluster.expectedEndInWorkbook) return whatIfReviewEnd(cluster, slip);
  if (slip === 0) return say("end.onTime", { year: cluster.expectedEnd });
  return say(slip > 0 ? "end.later" : "end.earlier", {
    year: cluster.expectedEnd,
    years: years(Math.abs(slip)),
    planned: cluster.plannedEnd,
  });
}

function whatIfReviewEnd(cluster: Cluster, slip: number): string {
  const { expectedEnd: year, expectedEndInWorkbook: workbook, plannedEnd: planned } = cluster;
  const slipped =
    slip === 0
      ? say("whatIf.asPlanned")
      : say(slip > 0 ? "whatIf.later" : "whatIf.earlier", {
          years: years(Math.abs(slip)),
        });
  const table =
    slip === 0 || workbook === planned
      ? say("whatIf.table", { workbook })
      : say("whatIf.planned", {
          planned,
          workbook,
        });
  return say("end.whatIf", { year, slip: slipped, table });
}

export interface WindowBreach {
  meeting: Meeting;
  topic: number;
  year: number;
  window: ClusterWindow;
}

/** Each meeting's fixed topic against each of its cluster windows, where `outside` says it falls out. */
export function windowBreaches(plan: Plan, outside: (year: number, window: ClusterWindow) => boolean): WindowBreach[] {
  return meetingsTakingPlace(plan).flatMap((meeting) => {
    const { topic, year } = meeting;
    if (topic === null || year === null) return [];
    return topicWindows(plan, topic)
      .filter((window) => outside(year, window))
      .map((window) => ({ meeting, topic, year, window }));
  });
}
