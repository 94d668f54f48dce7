import { defineRule } from "../findings";
import { say } from "../messages/findings";
import { commaList } from "../wording";

export const clusterUnknown = defineRule({
  id: "cluster-unknown",
  severity: "error",
  source: null,
  summary: say("clusterUnk.rule"),
  check(plan) {
    const known = commaList([...plan.clusters.keys()].sort((a, b) => a - b));
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
        message: say("clusterUnk", {
          article: article.number,
          cluster: article.cluster ?? "",
          known: known || say("none"),
        }),
      }));
  },
});
