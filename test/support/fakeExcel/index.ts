/**
 * An in-page stand-in for Excel: the Excel JavaScript API the adapter and the pane use, over an
 * in-memory workbook, with the `Office` global beside it. For the jest tests of src/office, the
 * benchmark's sync count and the pane's end-to-end tests (see ../harness.ts). Pure TypeScript:
 * no Node modules, no packages, so it runs in Node and in a browser alike.
 */
export {
  FakeContext,
  FakeExcel,
  type FakeEventHandlerResult,
  type FakeExcelOptions,
  type FakeTableChangedEvent,
  type RangeEntity,
  type RangeFormat,
  type TableChangedHandler,
} from "./excel";
export {
  FakeError,
  SheetModel,
  TableModel,
  WorkbookModel,
  areaName,
  cellName,
  parseAddress,
  type Area,
  type Cell,
  type ConditionalFormatModel,
  type ErrorValue,
  type NoteModel,
  type PageLayoutModel,
  type Scalar,
} from "./model";
export {
  fakeOffice,
  withOffice,
  OFFICE_THEMES,
  type FakeOffice,
  type FakeOfficeOptions,
  type FakeOfficeTheme,
  type FakeCommandEvent,
  type FakeDialog,
} from "./office";
export { gridState, sheetGrid, type GridState, type GridValue, type SheetGrid } from "./grid";
export {
  allText,
  conflictsOf,
  createFakeExcel,
  fakeExcel,
  flagsSheet,
  listsSheet,
  productNotes,
  put,
  recordSyncs,
  seededWorkbook,
  plainWorkbook,
  sheet,
  userNotes,
  valueAt,
  valuesIn,
  workbookOf,
  type Seed,
  type SyncKind,
} from "./workbook";
export { HOST_PROFILES, HOSTS, hostOptions, isHostName, useHost, type HostName, type HostProfile } from "./profiles";
