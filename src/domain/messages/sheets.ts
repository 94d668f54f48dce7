/**
 * The words of what we write in the workbook (src/domain/write/*): the sheets' titles, labels and
 * legends and the lines that say why something was not written, in one catalogue with named
 * parameters, so that a translation into another of the six UN languages replaces this table and
 * nothing else. The column headers of the workbook's own tables (docs/workbook.md) are data the
 * reader matches, and the titles of the product's hidden record and Undo sheets are how it knows
 * them: neither is here. The pane carries this table: keys stay short.
 */
import { fill, fillCount, type FormStem, type MessageParams } from "./fill";

export const SHEET_MESSAGES = {
  "c.legend": "On the Workplan sheet the meeting's row is tinted and the cell to change is filled and framed.",
  "c.more": " and {count} more",
  "c.blocked":
    'The Conflicts table was not updated: it would grow over cells of yours on the sheet "{sheet}" ' +
    "({cells}{more}). Move those cells, or the table, and check again.",
  "w.legend": "Highlights of the last check: a tinted row has a finding; the filled, framed cell is the one to change.",
  "w.noLegend": "No legend above the Workplan table: {cell} is yours.",
  "n.sheet": 'the sheet "{sheet}"',
  "n.table": 'the table "{table}" (on sheet "{sheet}")',
  "n.refused.one":
    "Cannot create the workbook: {things} already exists, and creating never overwrites anything. Open a new " +
    "blank workbook and create it there, or rename or delete it first.",
  "n.refused.other":
    "Cannot create the workbook: {things} already exist, and creating never overwrites anything. Open a new " +
    "blank workbook and create it there, or rename or delete them first.",
  "a.blocked":
    "The proposal was not applied: the new meetings go in the rows below the Workplan table, and cells of yours " +
    "are there ({sheet}: {cells}). Move them and apply again.",
  "u.resized":
    "Undo apply was not done: the Workplan table has another size than Apply left it (rows added or removed " +
    "since), so restoring it could change your work. Change it back by hand, or apply a new proposal.",
  "u.changed.one":
    "Undo apply was not done: {cells} has changed since Apply, and undoing would write over that. Change them " +
    "back by hand, or apply a new proposal.",
  "u.changed.other":
    "Undo apply was not done: {cells} have changed since Apply, and undoing would write over that. Change them " +
    "back by hand, or apply a new proposal.",
  "s.alike": "Not converted: {ranges} all look like the {table} table; make one a table named {table} yourself.",
  "s.taken": 'Not converted: {ranges}, as the name "{table}" is taken (Formulas > Name Manager).',
  "s.notAdded": "Not added: {tables}, as a sheet or name of that name exists.",
  "t.blocked": 'The Timeline was not drawn: the sheet "{sheet}" is yours. Rename it and check again.',
  "t.header": "Cluster or topic",
  /** The printed page's footer: &P and &N are the spreadsheet's page number and count. */
  "p.footer": "Page &P of &N",
} as const;

export type SheetMessageId = keyof typeof SHEET_MESSAGES;

/** The message with its named parameters filled in. */
export function sheetText(id: SheetMessageId, params?: MessageParams): string {
  return fill(SHEET_MESSAGES[id], params);
}

/** The form of the message for `count` (see fill.ts), with {count} and the other parameters filled in. */
export function sheetCounted(id: FormStem<SheetMessageId>, count: number, params?: MessageParams): string {
  return fillCount(SHEET_MESSAGES, id, count, params);
}
