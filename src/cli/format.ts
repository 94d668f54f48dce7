/** Human-readable output of a check: a summary line, then the findings grouped by severity. */
import type { CheckResult } from "../domain/check";
import type { Finding, Severity } from "../domain/model";

const HEADINGS: Record<Severity, string> = { error: "Errors", warning: "Warnings", info: "Info" };

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

export function expectedEndsText(result: CheckResult): string {
  const clusters = [...(result.plan?.clusters.values() ?? [])].sort((a, b) => a.number - b.number);
  return clusters.map((c) => `${c.number}: ${c.expectedEnd}${c.expectedEnd !== c.expectedEndInWorkbook ? " (what-if)" : ""}`).join(", ");
}

export function summaryLine(name: string, result: CheckResult): string {
  const { error, warning, info } = result.summary;
  const counts = error + warning + info === 0 ? "no conflicts" : `${plural(error, "error")}, ${plural(warning, "warning")}, ${info} info`;
  const context = [result.asOf !== null ? `as of ${result.asOf}` : "", result.plan ? `expected review ends ${expectedEndsText(result)}` : ""].filter(Boolean).join("; ");
  return `${name}: ${counts}${context ? ` (${context})` : ""}`;
}

function findingLines(finding: Finding): string[] {
  const where = finding.sheet && finding.cell ? `${finding.sheet}!${finding.cell}` : finding.sheet ?? "workbook";
  const source = finding.source ? ` [${finding.source}]` : "";
  return [`  ${where}  ${finding.rule}${source}`, `    ${finding.message}`];
}

export function formatCheck(name: string, result: CheckResult): string {
  const lines = [summaryLine(name, result)];
  for (const severity of ["error", "warning", "info"] as const) {
    const group = result.findings.filter((f) => f.severity === severity);
    if (group.length === 0) continue;
    lines.push("", `${HEADINGS[severity]} (${group.length})`, ...group.flatMap(findingLines));
  }
  return `${lines.join("\n")}\n`;
}

export function checkJson(workbook: string | null, result: CheckResult): string {
  return `${JSON.stringify({ workbook, asOf: result.asOf, expectedEnd: result.expectedEnd, summary: result.summary, findings: result.findings })}\n`;
}
