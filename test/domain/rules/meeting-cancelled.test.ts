/** meeting-cancelled (P§49): a fixed topic at a cancelled meeting will not be discussed there. */
import fc from "fast-check";
import { parseStatus } from "../../../src/domain/parse";
import type { CellValue } from "../../../src/domain/tables";
import { WORKPLAN, Workbook, ofRule, single } from "../workbook";

const RULE = "meeting-cancelled";

describe(RULE, () => {
  it("is silent on the adopted plan, and on a cancelled row whose agenda item 3 is blank", () => {
    expect(ofRule(Workbook.adopted().findings(), RULE)).toEqual([]);
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.status, "Cancelled")
      .set(WORKPLAN.table, { Meeting: 19 }, WORKPLAN.fixed, null);
    expect(ofRule(wb.findings(), RULE)).toEqual([]);
  });

  it("flags topic 6 at the cancelled 15th meeting (Workplan E7), and nothing else about that topic", () => {
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled").findings();
    expect(findings.filter((f) => f.severity !== "info").map((f) => f.rule)).toEqual([RULE]);
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({
      severity: "error",
      held: false,
      sheet: "Workplan",
      cell: "E7",
      meeting: 15,
      year: 2028,
      topic: 6,
      source: "P§49",
    });
    expect(finding.message).toContain('Topic 6 "Record-keeping; marking" (arts. 7, 8) is at the 15th meeting (2028)');
    expect(finding.message).toContain("will not be discussed there");
    // Not also a topic-unscheduled: the same fact would be said twice.
    expect(ofRule(findings, "topic-unscheduled")).toEqual([]);
  });

  it("says a meeting cancelled by a what-if is the check's assumption, not what its Status cell says", () => {
    const findings = Workbook.adopted().findings({ cancel: new Set([15]), currentYear: 2026 });
    const { message } = single(findings, RULE);
    expect(message).toContain(
      "is at the 15th meeting (2028), which this what-if check takes as cancelled (its Status cell does not say so)",
    );
    const numbering = ofRule(findings, "meeting-numbering").map((f) => f.message);
    expect(numbering.length).toBeGreaterThan(0);
    for (const words of numbering)
      expect(words).toContain("the 15th meeting (2028), taken as cancelled in this what-if check, does not take place");
  });

  it.each(["cancelled", "CANCELLED", " Postponed ", "postponed", "Canceled"])(
    "reads the status %p as cancelled",
    (status) => {
      const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, status);
      expect(single(wb.findings(), RULE)).toMatchObject({ cell: "E7", topic: 6 });
    },
  );

  it("says 'postponed' of a meeting whose status says so, and 'cancelled' of one cancelled", () => {
    const postponed = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, " Postponed ");
    expect(single(postponed.findings(), RULE).message).toMatch(/is at the 15th meeting \(2028\), which is postponed/);
    const cancelled = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Cancelled");
    expect(single(cancelled.findings(), RULE).message).toMatch(/is at the 15th meeting \(2028\), which is cancelled/);
  });

  it("leaves a cancelled row out of every rule that compares meetings", () => {
    // A cancelled 15th (2028) holding topic 7 and sharing its number and year with a replacement
    // meeting in 2028 that takes topic 6: no meeting-duplicate, topic-duplicate, topic-order, or
    // timing finding about the cancelled row; only the topic left at it.
    const wb = Workbook.adopted()
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, "Postponed")
      .set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.fixed, 7)
      .addRow(WORKPLAN.table, { [WORKPLAN.meeting]: 15, [WORKPLAN.year]: 2028, [WORKPLAN.fixed]: 6 });
    const findings = wb.findings({ expectedEnd: new Map([[2, 2032]]) });
    const aboutRow = findings.filter((f) => f.cell?.endsWith("7") && f.sheet === "Workplan");
    expect(aboutRow.map((f) => f.rule)).toEqual([RULE]);
    expect(ofRule(findings, "meeting-duplicate")).toEqual([]);
    expect(ofRule(findings, "topic-duplicate")).toEqual([]);
  });

  it("is not about held meetings: a held row is never cancelled", () => {
    const wb = Workbook.adopted();
    expect(ofRule(wb.findings({ currentYear: 2030 }), RULE)).toEqual([]);
  });
});

describe("the Status column, any text", () => {
  it("never throws: it reads as held, planned, cancelled or blank, or is an invalid-value naming the cell", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.anything()), (status) => {
        const parsed = parseStatus(status as CellValue);
        if (parsed.ok) expect([null, "held", "planned", "cancelled"]).toContain(parsed.value);
        const wb = Workbook.adopted().set(WORKPLAN.table, { Meeting: 15 }, WORKPLAN.status, status as CellValue);
        const invalid = ofRule(wb.findings(), "invalid-value");
        expect(invalid.map((f) => f.cell)).toEqual(parsed.ok ? [] : ["C7"]);
      }),
      { numRuns: 300 },
    );
  });
});
