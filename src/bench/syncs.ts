/**
 * `syncs_per_check`: the Excel round trips (`context.sync()` calls) of one check by the Office.js
 * adapter, counted on the fake Excel seeded with the adopted workbook, once the first check has
 * added the helper sheets (from then on every check is one read and one write; target 2). The
 * check runs the demo's what-if (cluster 2's review ends in 2032), so it writes highlights,
 * notes and the Conflicts table.
 */
import { createFakeExcel, withOffice } from "../../test/support/fakeExcel";
import { checkWorkbook } from "../office";

export async function syncFigures(): Promise<{ syncs_per_check: number }> {
  const excel = createFakeExcel({ seed: "default", version: "1.20", platform: "PC" });
  const restore = withOffice(excel);
  try {
    const options = { now: () => new Date(), expectedEnd: new Map([[2, 2032]]) };
    await checkWorkbook(excel.run, options);
    const before = excel.syncs;
    await checkWorkbook(excel.run, options);
    return { syncs_per_check: excel.syncs - before };
  } finally {
    restore();
  }
}
