/** missing-table (data): a required table, column or setting that is not there, and how to create it. */
import { CLUSTERS, SETTINGS, SETTING_NAMES, WORKPLAN, Workbook, single } from "../workbook";

const RULE = "missing-table";

describe(RULE, () => {
  it("names a missing table, the sheet to put it on, its columns and how to create it", () => {
    const result = Workbook.adopted().removeTable(WORKPLAN.table).check();
    expect(result.plan).toBeNull();
    const finding = single(result.findings, RULE);
    expect(finding).toMatchObject({ severity: "error", held: false, source: null });
    expect(finding.message).toContain('no table named "Workplan"');
    expect(finding.message).toContain('sheet "Workplan"');
    for (const column of [
      "Meeting",
      "Year",
      "Status",
      "Agenda item 2 (flexible topic)",
      "Agenda item 3 (fixed topic)",
      "Notes",
    ]) {
      expect(finding.message).toContain(`"${column}"`);
    }
    expect(finding.message).toContain("Insert > Table");
  });

  it("names a missing column at the table's header (Clusters A1) and says to add it", () => {
    const wb = Workbook.adopted();
    wb.table(CLUSTERS.table).headers[wb.column(CLUSTERS.table, CLUSTERS.plannedEnd)] = "Planned end";
    const result = wb.check();
    expect(result.plan).toBeNull();
    const finding = single(result.findings, RULE);
    expect(finding).toMatchObject({ sheet: "Clusters", cell: "A1" });
    expect(finding.message).toContain('"Review end (planned)"');
    expect(finding.message).toContain("Add a column with exactly that header text");
  });

  it("names a missing setting row (Settings A1) and the value the adopted plan uses", () => {
    const findings = Workbook.adopted().removeRow(SETTINGS.table, { Setting: SETTING_NAMES.latest }).findings();
    const finding = single(findings, RULE);
    expect(finding).toMatchObject({ sheet: "Settings", cell: "A1" });
    expect(finding.message).toContain(`"${SETTING_NAMES.latest}"`);
    expect(finding.message).toContain("uses 1");
  });
});
