/// <reference types="office-js" />
/**
 * "Write proposal sheet": the proposal as its own sheet for the Bureau, the same sheet that
 * `workplan propose --out` adds, as the core describes it (describeProposalSheetOps). One read
 * sync (the sheet names, to pick a free name) and one write sync.
 */
import { uniqueSheetName, type ProposalSheet } from "../domain/proposalSheet";
import { describeProposalSheetOps } from "../domain/write";
import { applyOps, widthInPoints } from "./ops";
import { detectSupport, runBatch, userError, type ExcelRun } from "./run";
import type { Found } from "./state";

export { widthInPoints };

export interface ProposalSheetWritten {
  /** The sheet's name: the one asked for, with " (2)", " (3)" … when that is taken. */
  name: string;
}

const NOTHING_FOUND: Found = { rules: new Map(), notes: new Map(), ownNotes: [], tables: new Map(), names: new Map() };

/**
 * Adds the proposal sheet after the last sheet and shows it. `sheet.name` is the name wanted
 * (`Proposal YYYY-MM-DD`); when a sheet has it, a suffix is added as `proposalSheetName` does.
 */
export async function writeProposalSheet(excelRun: ExcelRun, sheet: ProposalSheet): Promise<ProposalSheetWritten> {
  const support = detectSupport();
  try {
    return await runBatch(excelRun, false, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();
      const name = uniqueSheetName(
        sheet.name,
        sheets.items.map((s) => s.name),
      );
      applyOps(context, describeProposalSheetOps({ ...sheet, name }), NOTHING_FOUND, { support });
      await context.sync();
      return { name };
    });
  } catch (error) {
    throw userError(error, "action.writeProposal");
  }
}
