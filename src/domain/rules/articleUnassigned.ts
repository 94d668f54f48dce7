import { defineRule } from "../findings";

export const articleUnassigned = defineRule({
  id: "article-unassigned",
  severity: "error",
  source: "P§3",
  summary: "An article is in no topic.",
  check(plan) {
    return plan.articles
      .filter((article) => article.topic === null && !article.topicUnreadable)
      .map((article) => ({
        at: article.at.topic,
        message:
          `Article ${article.number}${article.title ? ` "${article.title}"` : ""} is in no topic, so it would ` +
          `never be discussed: give it a topic number in the Topic column of the Articles table.`,
      }));
  },
});
