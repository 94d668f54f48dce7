import { defineRule } from "../findings";
import { say } from "../messages/findings";
import { titled } from "../wording";

export const articleUnassigned = defineRule({
  id: "article-unassigned",
  severity: "error",
  source: "P§3",
  summary: say("artNone.rule"),
  check(plan) {
    return plan.articles
      .filter((article) => article.topic === null && !article.topicUnreadable)
      .map((article) => ({
        at: article.at.topic,
        message: say("artNone", { article: titled(say("article", { article: article.number }), article.title) }),
      }));
  },
});
