import { cellAddress } from "../cellRef";
import { defineRule } from "../findings";
import type { Article } from "../model";

export const articleDuplicate = defineRule({
  id: "article-duplicate",
  severity: "error",
  source: "P§17",
  summary: "An article is in more than one topic.",
  check(plan) {
    const byNumber = new Map<number, Article[]>();
    for (const article of plan.articles)
      byNumber.set(article.number, [...(byNumber.get(article.number) ?? []), article]);
    return [...byNumber.values()].flatMap(([first, ...again]) =>
      again.map((article) => {
        const firstAt = first ? cellAddress(first.at.article) : "";
        return {
          at: article.at.article,
          topic: article.topic,
          message:
            article.topic === first?.topic
              ? `Article ${article.number} is listed twice in the Articles table (also ` +
                `at ${firstAt}); list each article once.`
              : `Article ${article.number} is in ${topicName(article.topic)} here and ` +
                `in ${topicName(first?.topic ?? null)} at ${firstAt}: an article belongs to one topic.`,
        };
      }),
    );
  },
});

function topicName(topic: number | null): string {
  return topic === null ? "no topic" : `topic ${topic}`;
}
