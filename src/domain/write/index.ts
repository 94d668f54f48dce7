/** The one description of what to write, for every write the product makes (see sheetOps.ts). */
export { describeCheck, describeClear, listOps, noteSize, type CheckWrite, type ClearWrite } from "./check";
export { describeConflicts, type ConflictsWrite } from "./conflicts";
export { describeCreate, inTheWayMessage, type CreateWrite } from "./create";
export { cellEditOps, describeApplyEdit, describeApplyWrite, describeProposalSheetOps, type EditWrite } from "./edits";
export {
  EMPTY_RECORD,
  RECORD_LEFT,
  RECORD_SHEET,
  RECORD_TITLE,
  RECORD_WIDTH,
  recordFromSheet,
  writeRecord,
} from "./record";
export {
  describeApplySnapshot,
  describeUndoApply,
  snapshotFromSheet,
  UNDO_LEFT,
  UNDO_SHEET,
  UNDO_TITLE,
  type ApplySnapshot,
  type UndoWrite,
} from "./undo";
export { addingEachSheetOnce } from "./sheets";
