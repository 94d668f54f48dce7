import { checkWorkbook } from "../../src/domain/check";
import { adoptedWorkbook } from "../../src/domain/defaults";

describe("the adopted workplan", () => {
  it("checks clean: no errors and no warnings", () => {
    const result = checkWorkbook(adoptedWorkbook(), { currentYear: 2026 });
    expect(result.findings).toEqual([]);
    expect(result.summary).toEqual({ error: 0, warning: 0, info: 0 });
    expect(result.expectedEnd).toEqual({ "1": 2024, "2": 2030, "3": 2028, "4": 2026 });
  });

  it("reports a two-year slip of cluster 2 as the paper's scenario predicts", () => {
    const result = checkWorkbook(adoptedWorkbook(), { currentYear: 2026, expectedEnd: new Map([[2, 2032]]) });
    expect(result.findings.map((f) => [f.rule, f.cell])).toEqual([
      ["cluster-too-early", "E7"],
      ["cluster-too-early", "E8"],
    ]);
  });
});
