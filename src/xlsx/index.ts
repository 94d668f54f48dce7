/** The `.xlsx` adapter: moves data between a workbook file and the engine in src/domain. */
export { WorkbookFileError } from "./errors";
export { loadWorkbook, saveWorkbook, workbookBytes } from "./file";
export { readTables } from "./readTables";
export { buildDefaultWorkbook } from "./defaultWorkbook";
export { applyAnnotations, clearAnnotations } from "./annotations";
export { openPackage, XlsxPackage } from "./ooxml/package";
export { readWorkbookState, readRecord, readAllTables, cellValueAt } from "./ooxml/state";
