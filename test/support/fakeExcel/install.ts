/**
 * A page entry that installs the fake Office from the page's query string (see harness.ts):
 * bundle it as its own script and load it before the pane's bundle, in place of office.js.
 *
 * `&checked=Clusters!E3:2032` (edits separated by ";") opens a workbook a planner edited and then
 * checked with the ribbon's button before the pane opened: the pane starts once that check is
 * done (`ready`), and `opened` keeps the sync count and the grid at that moment, so a test can
 * count what the pane's opening itself did.
 */
import { checkWorkbook } from "../../../src/office";
import { gridState } from "./grid";
import { installFakeOffice, optionsFromQuery, type FakeOfficeHandle } from "./harness";

const handle = installFakeOffice(window, optionsFromQuery(window.location.search));
const checked = new URLSearchParams(window.location.search).get("checked");
if (checked) (handle as FakeOfficeHandle & { ready?: Promise<void> }).ready = checkBeforeOpening(checked);

async function checkBeforeOpening(edits: string): Promise<void> {
  for (const edit of edits.split(";")) {
    const [, sheet, cell, value] = /^([^!]+)!([A-Z]+\d+):(.*)$/.exec(edit) ?? [];
    if (!sheet || !cell || value === undefined) throw new Error(`checked: "${edit}" is not Sheet!A1:value`);
    handle.setCell(sheet, cell, /^-?\d+$/.test(value) ? Number(value) : value);
  }
  await checkWorkbook(handle.excel.run, { now: () => new Date() });
  handle.opened = { syncs: handle.syncs(), grid: gridState(handle.excel.model) };
}
