/// <reference types="office-js" />
/**
 * "Write proposal sheet": the proposal as its own sheet for the Bureau, the same sheet that
 * `workplan propose --out` adds with ExcelJS (src/xlsx/proposalSheet.ts): the caption lines, the
 * header row in bold, one row per meeting, the changed proposed topics filled and bold, the
 * columns as wide as their text (the reasons wrapped), the header frozen, printed landscape at
 * page width. One read sync (the sheet names, to pick a free name) and one write sync.
 */
import {
  CHANGED_FILL,
  PROPOSED_COLUMN,
  proposalColumns,
  uniqueSheetName,
  type ProposalSheet,
} from "../domain/proposalSheet";
import { a1 } from "../domain/tables";
import { areaAddress, areaOf } from "./address";
import { writtenValue, type Written } from "./cells";
import { runBatch, userError, type ExcelRun } from "./run";
import { setCells } from "./write";

/** Excel's column width in points for a width in characters (7-pixel digits plus 5 pixels of padding, at 96 dpi). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

export interface ProposalSheetWritten {
  /** The sheet's name: the one asked for, with " (2)", " (3)" … when that is taken. */
  name: string;
}

/**
 * Adds the proposal sheet after the last sheet and shows it. `sheet.name` is the name wanted
 * (`Proposal YYYY-MM-DD`); when a sheet has it, a suffix is added as `proposalSheetName` does.
 */
export async function writeProposalSheet(excelRun: ExcelRun, sheet: ProposalSheet): Promise<ProposalSheetWritten> {
  try {
    return await runBatch(excelRun, false, async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load("items/name");
      await context.sync();

      const name = uniqueSheetName(
        sheet.name,
        sheets.items.map((s) => s.name),
      );
      const added = sheets.add(name);
      const width = sheet.headers.length;
      const headerRow = sheet.caption.length + 2;
      sheet.caption.forEach((line, i) => setCells(added.getRange(a1(i + 1, 1)), [[line]]));
      const title = added.getRange("A1").format.font;
      title.bold = true;
      title.size = 13;
      const header = added.getRange(areaAddress(areaOf(headerRow, 1, 1, width)));
      setCells(header, [sheet.headers.map((h) => h as Written)]);
      header.format.font.bold = true;
      if (sheet.rows.length > 0) {
        const body: Written[][] = sheet.rows.map((row) =>
          Array.from({ length: width }, (_, c) => writtenValue(row[c] ?? null)),
        );
        setCells(added.getRange(areaAddress(areaOf(headerRow + 1, 1, body.length, width))), body);
      }
      for (const i of sheet.changedRows) {
        const cell = added.getRange(a1(headerRow + 1 + i, PROPOSED_COLUMN + 1)).format;
        cell.fill.color = `#${CHANGED_FILL}`;
        cell.font.bold = true;
      }
      proposalColumns(sheet).forEach((column, c) => {
        const top = added.getRange(a1(headerRow, c + 1));
        top.format.columnWidth = widthInPoints(column.width);
        if (column.wrap) {
          const cells = added.getRange(areaAddress(areaOf(headerRow, c + 1, sheet.rows.length + 1, 1))).format;
          cells.wrapText = true;
          cells.verticalAlignment = "Top";
        }
      });
      added.freezePanes.freezeRows(headerRow);
      added.pageLayout.orientation = "Landscape";
      added.pageLayout.zoom = { horizontalFitToPages: 1 };
      added.activate();
      await context.sync();
      return { name };
    });
  } catch (error) {
    throw userError(error, "write the proposal sheet");
  }
}
