/** One check of a workbook: read the plan, apply every rule, count what was found. */
import type { Finding, Plan, Severity } from "./model";
import { readPlan, type ReadOptions } from "./read";
import { RULES, type PlanRuleId } from "./rules";
import { toFinding, type Rule } from "./findings";
import { inPlainWords } from "./remedies";
import { quoteOf, readSources } from "./sources";
import type { WorkbookTables } from "./tables";

export type Summary = Record<Severity, number>;

export interface CheckResult {
  plan: Plan | null;
  findings: Finding[];
  /** The "As of year" the check used. */
  asOf: number | null;
  /** Expected review end by cluster number, what-if overrides included. */
  expectedEnd: Record<string, number>;
  /** Meeting numbers this check cancelled as a what-if (empty without one). */
  cancelled: number[];
  summary: Summary;
}

/** The findings of every rule (or of the rules given, in their order). */
export function checkPlan(plan: Plan, rules: readonly Rule<PlanRuleId>[] = RULES): Finding[] {
  return rules.flatMap((rule) => rule.check(plan).map((hit) => inPlainWords(toFinding(rule, hit), plan)));
}

export function summarize(findings: readonly Finding[]): Summary {
  const summary: Summary = { error: 0, warning: 0, info: 0 };
  for (const finding of findings) summary[finding.severity]++;
  return summary;
}

export function expectedEnds(plan: Plan | null): Record<string, number> {
  const ends: Record<string, number> = {};
  for (const cluster of [...(plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number)) {
    ends[String(cluster.number)] = cluster.expectedEnd;
  }
  return ends;
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Findings grouped by severity (errors first); within a group, a sheet's findings in the order of its rows, so
 * that the 15th meeting's come before the 16th's; sheets, and findings on no cell, in the order found.
 */
export function bySeverity(findings: readonly Finding[]): Finding[] {
  const sheets = new Map([...new Set(findings.map((f) => f.at?.sheet ?? null))].map((sheet, i) => [sheet, i]));
  const sheetRank = (f: Finding) => sheets.get(f.at?.sheet ?? null) ?? 0;
  const row = (f: Finding) => f.at?.row ?? Number.MAX_SAFE_INTEGER;
  return [...findings].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || sheetRank(a) - sheetRank(b) || row(a) - row(b),
  );
}

export function checkWorkbook(tables: WorkbookTables, options: ReadOptions): CheckResult {
  const { plan, findings: dataFindings, cancelled } = readPlan(tables, options);
  const texts = readSources(tables);
  const data = dataFindings.map((finding) => inPlainWords(finding, plan));
  const findings = bySeverity([...data, ...(plan ? checkPlan(plan) : [])]).map((finding) => ({
    ...finding,
    quote: quoteOf(finding.source, texts),
  }));
  return {
    plan,
    findings,
    asOf: plan?.settings.asOf ?? null,
    expectedEnd: expectedEnds(plan),
    cancelled,
    summary: summarize(findings),
  };
}
