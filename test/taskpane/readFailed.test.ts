/**
 * The pane's state after a request that fails: when the request would have read the findings (opening, a
 * check, a co-author's refresh, a save, an apply, an undo), the findings listed are from the read before
 * and the status line says so until a read or a check succeeds; a failed go-to or clear leaves them current.
 */
import { checkWorkbook } from "../../src/domain/check";
import { tablesByName } from "../../src/domain/tables";
import {
  initialState,
  reducePane,
  selectSince,
  type Busy,
  type PaneEvent,
  type PaneState,
  type WorkbookSeen,
} from "../../src/taskpane/state";
import { Workbook } from "../domain/workbook";

function seen(): WorkbookSeen {
  const tables = tablesByName(Workbook.adopted().set("Clusters", { Cluster: 2 }, "Review end (expected)", 2032).tables);
  return { tables, result: checkWorkbook(tables, { currentYear: 2026 }), lastCheck: [], marking: "current" };
}

const after = (events: PaneEvent[], state: PaneState = initialState(false)) => events.reduce(reducePane, state);
const opened = after([{ type: "read", read: { hasTables: true, setUp: null, ...seen() } }, { type: "finished" }]);
const failing = (busy: Busy): PaneEvent[] => [
  { type: "started", busy },
  { type: "failed", title: "Could not", message: "Excel said no." },
  { type: "finished" },
];

describe("a request that fails", () => {
  it.each<Busy>(["checking", "refreshing", "saving", "applying", "undoing"])(
    "%s: the findings are marked as the last read's, until the next read",
    (busy) => {
      const failed = after(failing(busy), opened);
      expect(failed.readFailed).toBe(true);
      expect(failed.baseline).toBe(opened.baseline);
      expect(selectSince(failed)).toMatch(/^Not up to date: the workbook could not be read just now/);
      const again = after([{ type: "refreshed", read: seen() }], failed);
      expect(again.readFailed).toBe(false);
      expect(selectSince(again)).toBeNull();
    },
  );

  it.each<Busy>(["going", "clearing", "writing"])("%s: the findings stay current", (busy) => {
    const failed = after(failing(busy), opened);
    expect(failed.readFailed).toBe(false);
    expect(selectSince(failed)).toBeNull();
  });
});
