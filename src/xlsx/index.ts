/** The `.xlsx` adapter: moves data between a workbook file and the engine in src/domain. */
export { WorkbookFileError } from "./errors";
/*
 * The package reader and patching interpreter (src/xlsx/ooxml): openPackage reads a workbook's
 * bytes, readWorkbookState gives what the engine and the write planner need, applyOps applies the
 * one description of what to write (src/domain/sheetOps.ts), writePackage returns the bytes with
 * every part no operation touched exactly as it was; emptyPackage starts a new workbook for init.
 */
export { openPackage, workbookExtension, XlsxPackage } from "./ooxml/package";
export { readWorkbookState, readRecord, readAllTables, cellValueAt } from "./ooxml/state";
export { applyOps } from "./ooxml/applyOps";
export { emptyPackage, writePackage } from "./ooxml/empty";
export { adoptedPackage, openWorkbookFile, patchedBytes } from "./workbookFile";
