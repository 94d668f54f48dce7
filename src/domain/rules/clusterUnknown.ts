import { defineRule } from "../findings";

export const clusterUnknown = defineRule({
  id: "cluster-unknown",
  severity: "error",
  source: null,
  summary: "An article names a cluster that the Clusters table does not have.",
  check(plan) {
    const known = [...plan.clusters.keys()].sort((a, b) => a - b).join(", ");
    return plan.articles
      .filter(
        (article) =>
          article.cluster !== null &&
          !plan.clusters.has(article.cluster) &&
          !plan.unreadableClusters.has(article.cluster),
      )
      .map((article) => ({
        at: article.at.cluster,
        topic: article.topic,
        message:
          `Article ${article.number} names cluster ${article.cluster}, which the Clusters table does not have (it ` +
          `has ${known || "none"}): add the cluster or correct the article.`,
      }));
  },
});
