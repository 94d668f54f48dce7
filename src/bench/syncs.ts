/**
 * Excel round trips (`context.sync()` calls) of the Office.js adapter, counted on the fake Excel
 * seeded with the adopted workbook, once a first check has added the helper sheets:
 * - `syncs_per_check`: one check (target 2: one read, one write). The check runs the demo's
 *   what-if (cluster 2's review ends in 2032), so it writes highlights, notes and the Conflicts table;
 * - `syncs_per_save`: Save expected dates with the check that follows it, in one Excel.run (target 2);
 * - `syncs_per_apply`: Apply a proposal with the check that follows it, in one Excel.run (target 2);
 * - `syncs_per_open`: the pane opening on the checked workbook, through its own requests and port: which
 *   tables there are, the tables, the last check and its flags, and the subscription to changes (target 1).
 */
import { createFakeExcel, withOffice, type FakeExcel } from "../../test/support/fakeExcel";
import { whatIf } from "../domain/whatIf";
import { applyProposalAndCheck, checkWorkbook, readWorkbook, saveExpectedEndsAndCheck } from "../office";
import { paneActions } from "../taskpane/actions";
import { officeWorkbook } from "../taskpane/workbook";

const SLIP = new Map([[2, 2032]]);

async function counted(work: (excel: FakeExcel, check: { now(): Date }) => Promise<unknown>): Promise<number> {
  const excel = createFakeExcel({ seed: "default", version: "1.20", platform: "PC" });
  const restore = withOffice(excel);
  try {
    const check = { now: () => new Date() };
    await checkWorkbook(excel.run, check);
    const before = excel.syncs;
    await work(excel, check);
    return excel.syncs - before;
  } finally {
    restore();
  }
}

export async function syncFigures(): Promise<{
  syncs_per_check: number;
  syncs_per_save: number;
  syncs_per_apply: number;
  syncs_per_open: number;
}> {
  const syncs_per_check = await counted((excel, check) => checkWorkbook(excel.run, { ...check, expectedEnd: SLIP }));
  const options = () => ({ currentYear: new Date().getFullYear() });
  const syncs_per_save = await counted((excel, check) => saveExpectedEndsAndCheck(excel.run, SLIP, options(), check));
  let syncs_per_apply = 0;
  await counted(async (excel, check) => {
    const read = await readWorkbook(excel.run, options());
    const preview = whatIf(read.tables, { ...options(), expectedEnd: SLIP }, read.result);
    if (!preview.proposal?.feasible || !preview.check.plan)
      throw new Error("bench: the demo slip has no clean proposal");
    const before = excel.syncs;
    await applyProposalAndCheck(
      excel.run,
      { proposal: preview.proposal, plan: preview.check.plan, options: { ...options(), expectedEnd: SLIP } },
      check,
    );
    syncs_per_apply = excel.syncs - before;
  });
  const syncs_per_open = await counted(async (excel) => {
    // As the pane's hook does: the live re-check asks to watch, then opening reads.
    const port = officeWorkbook(excel.run);
    const watching = port.watch(() => undefined);
    await paneActions(port, () => undefined).open();
    (await watching)();
  });
  return { syncs_per_check, syncs_per_save, syncs_per_apply, syncs_per_open };
}
