import { cellAddress } from "../cellRef";
import { defineRule } from "../findings";
import type { Article } from "../model";
import { say } from "../messages/findings";

export const articleDuplicate = defineRule({
  id: "article-duplicate",
  severity: "error",
  source: "P§17",
  summary: say("artDup.rule"),
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
              ? say("artDup.twice", { article: article.number, cell: firstAt })
              : say("artDup", {
                  article: article.number,
                  topic: topicName(article.topic),
                  other: topicName(first?.topic ?? null),
                  cell: firstAt,
                }),
        };
      }),
    );
  },
});

function topicName(topic: number | null): string {
  return topic === null ? say("noTopic") : say("topic", { topic });
}
