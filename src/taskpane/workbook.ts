/**
 * What the pane can ask of the workbook: the Office.js adapter's operations bound to one
 * `Excel.run` (or a stand-in). The pane calls nothing else, so it holds no workplan logic.
 */
import {
  checkWorkbook,
  clearHighlights,
  createDefaultWorkbook,
  findTables,
  selectCell,
  type CheckOutcome,
  type ClearOutcome,
  type CreateOutcome,
  type ExcelRun,
  type WorkbookTablesFound,
} from "../office";

export type { CheckOutcome, ClearOutcome, CreateOutcome, WorkbookTablesFound };

export interface PaneWorkbook {
  findTables(): Promise<WorkbookTablesFound>;
  check(): Promise<CheckOutcome>;
  clearHighlights(): Promise<ClearOutcome>;
  create(): Promise<CreateOutcome>;
  goTo(sheet: string, cell: string): Promise<void>;
}

export function officeWorkbook(excelRun: ExcelRun, now: () => Date = () => new Date()): PaneWorkbook {
  return {
    findTables: () => findTables(excelRun),
    check: () => checkWorkbook(excelRun, { now }),
    clearHighlights: () => clearHighlights(excelRun),
    create: () => createDefaultWorkbook(excelRun),
    goTo: (sheet, cell) => selectCell(excelRun, sheet, cell),
  };
}
