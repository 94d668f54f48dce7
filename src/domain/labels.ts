/** Labels people see for topics: the article list is always derived from the Articles table. */
import { articleList, topicArticles } from "./findings";
import type { Plan } from "./model";

/** `3 — Confiscation, seizure and disposal; deactivation (arts. 6, 9)` */
export function topicLabel(topic: number, title: string, articles: readonly number[]): string {
  const list = articleList(articles);
  return `${topic}${title ? ` — ${title}` : ""}${list ? ` (${list})` : ""}`;
}

export function topicLabels(plan: Plan): string[] {
  return [...plan.topics.values()]
    .sort((a, b) => a.number - b.number)
    .map((t) => topicLabel(t.number, t.title, topicArticles(plan, t.number)));
}

/** `e — Ammunition` */
export function flexibleLabel(code: string, title: string): string {
  return `${code}${title ? ` — ${title}` : ""}`;
}

export function flexibleLabels(plan: Plan): string[] {
  return [...(plan.flexibleTopics?.values() ?? [])].map((f) => flexibleLabel(f.code, f.title));
}
