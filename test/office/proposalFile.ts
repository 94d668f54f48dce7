/** The proposal sheet as `workplan propose --out` writes it, read back by ExcelJS (an independent reader). */
import ExcelJS from "exceljs";
import type { ProposalSheet } from "../../src/domain/proposalSheet";
import { describeProposalSheetOps } from "../../src/domain/write";
import { adoptedPackage, patchedBytes } from "../../src/xlsx";

export async function patchedProposalSheet(description: ProposalSheet): Promise<ExcelJS.Worksheet> {
  const bytes = await patchedBytes(await adoptedPackage(), describeProposalSheetOps(description));
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  const sheet = book.getWorksheet(description.name);
  if (!sheet) throw new Error(`no sheet ${description.name} in the written package`);
  return sheet;
}
