/** A finding's cell: the engine's row and column, and the text users read derived from them. */
import { cellAddress, cellName } from "../../src/domain/cellRef";
import { findingCellName } from "../../src/domain/findings";
import { ofRule, Workbook } from "./workbook";

describe("a finding's cell", () => {
  it("names the cell it carries, as the command line and the Conflicts table print it", () => {
    const findings = Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", 2032).findings();
    const early = ofRule(findings, "cluster-too-early");
    expect(early.map((f) => f.at)).toEqual([
      { sheet: "Workplan", row: 7, column: 5 },
      { sheet: "Workplan", row: 8, column: 5 },
    ]);
    expect(early.map(findingCellName)).toEqual(["Workplan!E7", "Workplan!E8"]);
    for (const finding of findings) expect(findingCellName(finding)).toBe(`${finding.sheet}!${finding.cell}`);
  });

  it("spells columns past Z with two letters", () => {
    expect(cellAddress({ sheet: "Clusters", row: 12, column: 31 })).toBe("AE12");
    expect(cellName({ sheet: "It's mine", row: 1, column: 27 })).toBe("It's mine!AA1");
  });

  it("has no name for a finding about the workbook as a whole", () => {
    const missing = Workbook.adopted()
      .removeTable("Articles")
      .findings()
      .find((f) => f.sheet === null);
    expect(missing?.at).toBeNull();
    expect(findingCellName({ at: null })).toBeNull();
  });
});
