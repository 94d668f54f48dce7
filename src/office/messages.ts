/**
 * The Office.js adapter's words (src/office/*): what the pane's error bars say when Excel refuses a
 * request or the add-in refuses one itself, in the same form as the pane's catalogue
 * (src/taskpane/messages.ts): one table with named parameters, so that a translation into another
 * of the six UN languages replaces the table and nothing else. Excel's error codes and the
 * diagnostics for IT staff (src/office/diagnostics.ts) stay as they are.
 *
 * test/office/strayText.test.ts checks that no other module of src/office writes a sentence itself.
 */
import { fill, type MessageParams } from "../domain/messages/fill";

export const OFFICE_MESSAGES = {
  // What could not be done: "Could not {action}." (run.ts, userError).
  "action.check": "check the workbook",
  "action.clear": "clear the highlights",
  "action.create": "create the workbook",
  "action.follow": "follow the changes to the workbook",
  "action.goTo": "go to {sheet}!{cell}",
  "action.read": "read the workbook",
  "action.writeProposal": "write the proposal sheet",
  "action.add": "add the missing tables",
  "action.convert": "convert the ranges to tables",
  "action.saveEnds": "save the expected review ends",
  "action.apply": "apply the proposal",
  "action.undo": "undo the apply",
  failed: "Could not {action}. {advice}{detail}",
  excelSaid: " (Excel said: {said})",
  // What to do, by Excel's error code: "advice.{code}"; "readAdvice.{code}" where a request that only reads
  // is refused and the words for a refused change would mislead (a read-only file can still be read).
  "advice.InvalidOperationInCellEditMode":
    "Excel is editing a cell. Press Enter or Esc to finish editing, then try again.",
  "advice.AccessDenied":
    "Excel refused the change: the workbook or one of its sheets is protected, or the file is open read-only. " +
    "Unprotect it (Review > Unprotect Sheet / Protect Workbook) or save an editable copy, then try again.",
  "advice.ItemAlreadyExists":
    "Something the add-in creates already exists under the same name. Rename or delete it, then try again.",
  "advice.InsertDeleteConflict":
    "Something on the sheet is in the way of the Conflicts table (merged cells, a filter, a PivotTable or " +
    "another table next to it). Move it away from the table, then try again.",
  "advice.MergedRangeConflict":
    "Merged cells are in the way of what the add-in writes. Unmerge the cells around the Conflicts table, then " +
    "try again.",
  "advice.FilteredRangeConflict":
    "A filter is in the way of what the add-in writes. Clear the filter on the Conflicts table, then try again.",
  "advice.PivotTableRangeConflict":
    "A PivotTable is in the way of the Conflicts table. Move the PivotTable, then try again.",
  "advice.Conflict": "Someone else changed the workbook at the same time. Wait a moment, then try again.",
  "advice.RequestAborted": "Excel stopped the request. Try again; if it keeps happening, save and reopen the workbook.",
  "advice.ResponsePayloadSizeLimitExceeded":
    "The workbook's tables are too large for Excel to hand over in one go. Remove empty rows at the end of the " +
    "tables, or run the command-line check on a copy of the file.",
  "advice.RequestPayloadSizeLimitExceeded":
    "What the check writes is too large for Excel to take in one go. Remove empty rows at the end of the " +
    "Workplan table, or run the command-line check on a copy of the file.",
  "advice.OperationCellsExceedLimit":
    "The tables are too large for Excel to update in one go. Remove empty rows at the end of the tables, or run " +
    "the command-line check on a copy of the file.",
  "advice.ApiNotFound":
    "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web.",
  "advice.NotImplemented":
    "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web.",
  "advice.UnsupportedFeature":
    "This version of Excel lacks a feature the add-in needs. Update Office, or use Excel on the web.",
  "advice.UnsupportedSheet":
    "One of the sheets is of a kind the add-in cannot write to (a chart or macro sheet). Rename it so that it " +
    "does not clash with the workplan's sheets, then try again.",
  "readAdvice.AccessDenied":
    "Excel refused the add-in access to the workbook's contents. Close the workbook and open it again, then try " +
    "again; if it keeps failing, the file's permissions may not let add-ins read it: open a copy of the file.",
  otherAdvice:
    "Excel could not finish. Save the workbook and try again; if it keeps failing, reopen the workbook or run " +
    "the command-line check on a copy of the file.",
  // The add-in's own refusals (WorkbookError).
  "refused.keptChanging":
    "The workplan kept changing while the add-in checked it ({count} times in a row), so the " +
    "highlights may not match the latest edits. Check again when the editing has stopped.",
  "refused.sheetGone":
    'The sheet "{sheet}" is not in the workbook any more. Check again to bring the findings up to date.',
  "refused.nothingToSetUp": "Nothing to set up.",
  "refused.unreadable":
    "The workplan's tables cannot be read as a plan (a table or a column is missing). Check the workbook to see " +
    "what is missing.",
  "refused.filtered":
    "The proposal was not applied: a filter hides rows of the Workplan table, and rows written below a filtered " +
    "table may land among the hidden ones. Clear the filter (Data > Clear), then apply again.",
  "refused.clusterGone":
    "The Clusters table has no cluster {clusters} any more. Check the workbook, then set the dates again.",
  "refused.planChanged":
    "The workplan changed since this proposal was made (someone edited the Workplan, Topics, Articles, Clusters " +
    "or Settings table), so it was not applied. Propose the timeline again and apply the new proposal.",
  "refused.nothingToUndo": "There is no Apply to undo: the workbook keeps no workplan from before an Apply.",
  // A check that could not write notes (state.ts).
  "notes.unavailable":
    "Checked without notes: this Excel could not read or write notes, so the findings are in the " +
    "Conflicts table and the highlights only.",
} as const;

export type OfficeMessageId = keyof typeof OFFICE_MESSAGES;

/** What could not be done, as userError's `action` names it. */
export type OfficeAction = Extract<OfficeMessageId, `action.${string}`>;

/** The advice under `advice.{code}` or `readAdvice.{code}`, when the catalogue has one for the code. */
export function officeAdvice(stem: "advice" | "readAdvice", code: string): string | undefined {
  const id = `${stem}.${code}`;
  return Object.prototype.hasOwnProperty.call(OFFICE_MESSAGES, id) ? officeText(id as OfficeMessageId) : undefined;
}

/** The message with its named parameters filled in. */
export function officeText(id: OfficeMessageId, params?: MessageParams): string {
  return fill(OFFICE_MESSAGES[id], params);
}
