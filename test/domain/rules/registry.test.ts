/** The rule set as a whole: the ids, severities and sources of docs/domain.md §2. */
import { RULES, type RuleId } from "../../../src/domain/rules";
import { DATA_RULES } from "../../../src/domain/findings";

/** docs/domain.md §2, in the order of its table (copied here, so that a change on either side is seen). */
const SPEC: readonly [id: string, severity: string, source: string | null][] = [
  ["cluster-too-early", "error", "P§18, P§4, P§49"],
  ["cluster-too-late", "warning", "P§18"],
  ["last-topic", "error", "P§18(d)"],
  ["topic-unscheduled", "error", "P§3"],
  ["topic-duplicate", "error", "P-annex"],
  ["article-unassigned", "error", "P§3"],
  ["article-duplicate", "error", "P§17"],
  ["meeting-duplicate", "error", "R-rec 46, report §3"],
  ["meeting-sequence", "error", "P-annex table"],
  ["topic-order", "warning", "P§50(b)"],
  ["cluster-unknown", "error", null],
  ["topic-unknown", "error", null],
  ["flexible-unknown", "warning", "P§48, P§50(a)"],
  ["flexible-repeat", "warning", "P§10"],
  ["flexible-overlap", "info", "P§9, P§12, P§13, P§15, P§16"],
  ["meeting-cancelled", "error", "P§49"],
  ["meeting-numbering", "info", "P-annex table"],
  ["invalid-value", "error", null],
  ["missing-table", "error", null],
];

const all = [
  ...RULES.map((r) => ({ id: r.id, severity: r.severity, summary: r.summary, source: r.source })),
  ...Object.entries(DATA_RULES).map(([id, r]) => ({ id, severity: r.severity, summary: r.summary, source: null })),
];

describe("the rule set", () => {
  it("has exactly the ids of domain.md §2, in its order, each once", () => {
    expect(all.map((r) => r.id)).toEqual(SPEC.map(([id]) => id));
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
  });

  it.each(SPEC)("%s is a %s with source %p", (id, severity, source) => {
    const rule = all.find((r) => r.id === id);
    expect(rule?.severity).toBe(severity);
    expect(rule?.source).toBe(source);
  });

  it("every rule has a non-empty id, a severity and a summary", () => {
    for (const rule of all) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)+$/);
      expect(["error", "warning", "info"]).toContain(rule.severity);
      expect(rule.summary.trim().length).toBeGreaterThan(10);
    }
  });
});

describe("the type of a finding's rule", () => {
  it("is the union of the registry's ids (the type checker refuses any other text)", () => {
    const right: RuleId = "meeting-cancelled";
    // @ts-expect-error "no-such-rule" is no rule id
    const wrong: RuleId = "no-such-rule";
    expect([right, wrong].map((id) => all.some((r) => r.id === id))).toEqual([true, false]);
  });
});
