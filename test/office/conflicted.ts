/** Test fixture shared by the Office.js adapter tests. */
import { ADOPTED_TOPIC_LABELS, adoptedTables } from "../../src/domain/defaults";
import type { SheetTable } from "../../src/domain/tables";

/** The adopted plan with conflicts: topic 10 (article 14, "last") and topic 3 swapped, a bad year. */
export function conflicted(): SheetTable[] {
  const tables = adoptedTables();
  const workplan = tables.find((t) => t.name === "Workplan") as SheetTable;
  (workplan.rows[2] as unknown[])[4] = ADOPTED_TOPIC_LABELS[9];
  (workplan.rows[9] as unknown[])[4] = ADOPTED_TOPIC_LABELS[2];
  (workplan.rows[6] as unknown[])[1] = "20x9";
  return tables;
}
