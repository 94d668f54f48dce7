/** The order a planner reads the findings in: by severity, then down the Workplan, meeting by meeting. */
import { Workbook } from "./workbook";

describe("the order of the findings", () => {
  it("lists a sheet's findings of one severity in the order of its rows, the 15th meeting before the 16th", () => {
    const result = Workbook.adopted().check({
      currentYear: 2026,
      cancel: new Set([15]),
      expectedEnd: new Map([[2, 2032]]),
    });
    const errors = result.findings.filter((f) => f.severity === "error" && f.at?.sheet === "Workplan");
    const rows = errors.map((f) => f.at?.row ?? 0);
    expect(rows.length).toBeGreaterThan(1);
    expect(new Set(rows).size).toBeGreaterThan(1);
    expect(rows).toEqual([...rows].sort((a, b) => a - b));
  });

  it("keeps errors before warnings before information", () => {
    const result = Workbook.adopted().check({ currentYear: 2026, cancel: new Set([15]) });
    const ranks = result.findings.map((f) => ["error", "warning", "info"].indexOf(f.severity));
    expect(new Set(ranks).size).toBeGreaterThan(1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});
