/**
 * The pane's words in one catalogue, each with named parameters ({count}, {sheet}…), so that a
 * translation into another of the six UN languages replaces this table and nothing else. UN
 * editorial style: -ize spellings, "para. 49", dates as "1 December 2026".
 */
export const MESSAGES = {
  "progress.opening": "Looking for the workplan tables…",
  "progress.checking": "Checking the workplan…",
  "progress.clearing": "Clearing the highlights…",
  "progress.creating": "Creating the workplan workbook…",
  "progress.going": "Going to the cell…",
  "progress.refreshing": "Reading a co-author's changes…",
  "progress.saving": "Saving the expected review ends…",
  "progress.writing": "Writing the proposal for the Bureau…",
  "progress.applying": "Applying the proposal to the workplan…",
  "progress.undoing": "Undoing the apply…",
  "checked.check": "Check done",
  "checked.save": "Saved and checked",
  "checked.apply": "Applied and checked",
  "checked.undo": "Apply undone and checked",
  "checked.refreshed": "A co-author changed the workbook, findings brought up to date",
  "checked.none": "{prefix}: no conflicts.",
  "checked.counts": "{prefix}: {errors}, {warnings}, {info} info.",
  notWritten: "The findings are listed, but the highlights could not be written in the workbook. {reason}",
  "cleared.nothing": "There were no highlights to clear.",
  "cleared.some":
    "Cleared the highlights: {rules} and {notes} the add-in wrote. Your own formatting and notes are untouched.",
  applied: "Applied the proposal: {parts}. The findings below are the check after the change.",
  "applied.topics": "{fixedTopics} changed",
  "applied.meetings": "{meetings} appended",
  "applied.ends": "{ends} saved",
  created: "Created the sheets {sheets} with the adopted workplan. Select Check to check it.",
  wentTo: "Selected {sheet}!{cell}.",
  "saved.nothing": "The Clusters table already holds these dates.",
  saved: "Saved to the Clusters table: {changes}.",
  proposing: "Proposing a timeline…",
  proposalFailed: "Could not propose a timeline",
  "proposal.notProven":
    "Not proven to be the best timeline: the pane gives the search a quarter of a second at each step, and it ran " +
    "out of time. This timeline has no error and keeps every topic inside its cluster windows, but one that adds " +
    "fewer meetings or moves fewer topics may exist. The command line's workplan propose can search longer.",
  proposalWritten:
    "Wrote the sheet “{sheet}” for the Bureau: the proposed timeline, the changed topics highlighted and the " +
    "reasons. The Workplan table is unchanged.",
  undone:
    "Undid the apply: {cells} written back as they were before it. The findings below are the check after the undo.",
  "since.cleared":
    "Highlights cleared since: the findings below are from this check and no longer marked in the workbook. " +
    "Select Check to mark them again.",
  "since.absent": "Not highlighted yet: the findings below are not marked in the workbook. Select Check to mark them.",
  "since.stale":
    "Not highlighted yet: the workbook's highlights are older than its data and do not match the findings below. " +
    "Select Check to mark them again.",
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The message with its named parameters filled in; a parameter not given stays visible as {name}. */
export function message(id: MessageId, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
