/** Whether the workbook's highlights (the flags the last check wrote) show the findings as they stand. */
import { highlightsFor } from "../../src/domain/annotations";
import { checkWorkbook } from "../../src/domain/check";
import { markingOf, type FlagsRead } from "../../src/domain/marking";
import { tablesByName } from "../../src/domain/tables";
import { Workbook } from "./workbook";

function slipped(year: number) {
  const tables = tablesByName(Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", year).tables);
  return { tables, result: checkWorkbook(tables, { currentYear: 2026 }) };
}

/** The flags a check of `year` wrote, as the flags sheet's used range would read them. */
function writtenFor(year: number): FlagsRead {
  const { tables, result } = slipped(year);
  const highlights = highlightsFor(tables, result.findings);
  if (!highlights) throw new Error("no highlights");
  // The cells' flags, then each row's flag in the next column, as describeCheck writes them.
  const values = highlights.flags.map((row, r) => [...row, highlights.rowFlags[r] ?? 0]);
  return { top: highlights.top, left: highlights.left, values };
}

describe("markingOf", () => {
  it("is current when the flags written are those of the findings as they stand", () => {
    const { tables, result } = slipped(2032);
    expect(markingOf(tables, result, writtenFor(2032))).toBe("current");
  });

  it("is absent when nothing was written, or the flags were emptied (Clear highlights)", () => {
    const { tables, result } = slipped(2032);
    expect(markingOf(tables, result, null)).toBe("absent");
    const emptied = { ...writtenFor(2032), values: writtenFor(2032).values.map((row) => row.map(() => null)) };
    expect(markingOf(tables, result, emptied)).toBe("absent");
  });

  it("is stale when the flags were written for other data", () => {
    const { tables, result } = slipped(2033);
    expect(markingOf(tables, result, writtenFor(2032))).toBe("stale");
    const clean = slipped(2030);
    expect(markingOf(clean.tables, clean.result, writtenFor(2032))).toBe("stale");
  });

  it("is current for a clean plan with no flags sheet: there is nothing to highlight", () => {
    const { tables, result } = slipped(2030);
    expect(result.findings).toHaveLength(0);
    expect(markingOf(tables, result, null)).toBe("current");
  });
});
