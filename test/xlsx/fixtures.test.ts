/**
 * Each fixture (test/fixtures/make-fixtures.sh) opens, reads as its tables (the package reader) and checks as expected.
 */
import { adoptedTables } from "../../src/domain/defaults";
import type { SheetTable } from "../../src/domain/tables";
import { check, fixture, SLIP, tablesOf } from "./support";

const adopted = (name: string): SheetTable => {
  const table = adoptedTables().find((t) => t.name === name);
  if (!table) throw new Error(name);
  // The fixtures hold a Conflicts table in the layout of its time (a check rewrites it in the new one).
  const earlier = ["Severity", "Rule", "Where", "Meeting", "Message", "Source"];
  return name === "Conflicts" ? { ...table, headers: earlier, rows: [earlier.map(() => null)] } : table;
};

const tableNamed = async (file: string, name: string) => (await tablesOf(fixture(file))).find((t) => t.name === name);
const findingsOf = async (file: string, expectedEnd?: ReadonlyMap<number, number>) =>
  check(await tablesOf(fixture(file)), expectedEnd).findings.map((f) => [f.rule, f.severity, `${f.sheet}!${f.cell}`]);

describe.each(["default.xlsx", "libreoffice-resaved.xlsx", "user-formatting.xlsx"])("%s", (file) => {
  it("reads as the adopted tables", async () => {
    const tables = await tablesOf(fixture(file));
    // The fixtures were made before the Sources table existed: it is optional.
    const before = adoptedTables().filter((t) => t.name !== "Sources");
    expect(tables).toEqual(before.map((t) => adopted(t.name)));
  });

  it("checks clean", async () => {
    expect(await findingsOf(file)).toEqual([]);
  });
});

describe("openpyxl-edited.xlsx (the 15th meeting moved to 2027)", () => {
  it("reads the edited year", async () => {
    const workplan = await tableNamed("openpyxl-edited.xlsx", "Workplan");
    expect(workplan?.rows[5]?.slice(0, 2)).toEqual([15, 2027]);
  });

  it("finds topic 6 too early on its cell, and two meetings in 2027 on the year's cell", async () => {
    expect(await findingsOf("openpyxl-edited.xlsx")).toEqual([
      ["cluster-too-early", "error", "Workplan!E7"],
      ["meeting-duplicate", "error", "Workplan!B7"],
    ]);
  });
});

describe("moved-sorted-extra.xlsx (tables moved, rows sorted, columns reordered, a column added)", () => {
  it("finds each table where the user moved it", async () => {
    const tables = await tablesOf(fixture("moved-sorted-extra.xlsx"));
    expect(tables.map((t) => [t.name, t.top, t.left])).toEqual([
      ["Workplan", 3, 3],
      ["Topics", 1, 1],
      ["Articles", 2, 2],
      ["Clusters", 1, 1],
      ["FlexibleTopics", 1, 1],
      ["Settings", 5, 3],
      ["Conflicts", 8, 3],
    ]);
  });

  it("reads the reordered columns, the user's column and the sorted rows from the cells", async () => {
    const workplan = await tableNamed("moved-sorted-extra.xlsx", "Workplan");
    expect(workplan?.headers).toEqual([
      "Year",
      "Meeting",
      "Status",
      "Venue",
      "Agenda item 2 (flexible topic)",
      "Agenda item 3 (fixed topic)",
      "Notes",
    ]);
    expect(workplan?.rows.map((row) => row.slice(0, 4))).toEqual(
      [...adopted("Workplan").rows].reverse().map(([meeting, year]) => [year, meeting, null, `Vienna ${year}`]),
    );
  });

  it("checks clean", async () => {
    expect(await findingsOf("moved-sorted-extra.xlsx")).toEqual([]);
  });

  it("names the moved cells when cluster 2 slips", async () => {
    expect(await findingsOf("moved-sorted-extra.xlsx", SLIP)).toEqual([
      ["cluster-too-early", "error", "Workplan!H7"],
      ["cluster-too-early", "error", "Workplan!H8"],
    ]);
  });
});
