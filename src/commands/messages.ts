/**
 * The ribbon command's words, in the same form as the pane's catalogue (src/taskpane/messages.ts):
 * one table with named parameters, so that a translation into another of the six UN languages
 * replaces the table and nothing else. Kept apart from the pane's so that the pane's script does
 * not carry them. UN editorial style: -ize spellings, "para. 49", dates as "1 December 2026".
 */
import { fill, fillCount, type FormStem, type MessageParams } from "../domain/messages/fill";

export const RIBBON_MESSAGES = {
  "title.checked": "Workplan checked",
  "title.failed": "The workplan was not checked",
  "count.error.one": "{count} error",
  "count.error.other": "{count} errors",
  "count.warning.one": "{count} warning",
  "count.warning.other": "{count} warnings",
  "count.info.one": "{count} info finding",
  "count.info.other": "{count} info findings",
  /** {list}: the counts joined with "and" before the last. */
  counts: "Found {list}.",
  and: "{first} and {last}",
  none: "No conflicts: the workplan follows every rule.",
  written: "The highlights, the notes and the Conflicts table now show this check.",
  /** {button} and {group}: the ribbon's own labels (manifest.xml, PaneButton.Label and WorkplanGroup.Label). */
  where: "To read each finding and what would fix it, select {button} in the {group} group on the Home tab.",
  whereButton: "To read each finding and what would fix it, open the pane.",
  openPane: "Open the pane",
  close: "Close",
} as const;

export type RibbonMessageId = keyof typeof RIBBON_MESSAGES;

export function ribbonMessage(id: RibbonMessageId, params: MessageParams = {}): string {
  return fill(RIBBON_MESSAGES[id], params);
}

/** The form of the message for `count` (see src/domain/messages/fill.ts), with {count} filled in. */
export function ribbonCount(id: FormStem<RibbonMessageId>, count: number): string {
  return fillCount(RIBBON_MESSAGES, id, count);
}
