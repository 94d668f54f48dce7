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
  "progress.refreshing": "Reading the latest changes…",
  "progress.saving": "Saving the expected review ends…",
  "progress.writing": "Writing the proposal for the Bureau…",
  "progress.applying": "Applying the proposal to the workplan…",
  "progress.undoing": "Undoing the apply…",
  "progress.converting": "Converting to tables…",
  "progress.adding": "Adding the missing tables…",
  "setUp.missing": "Missing tables: {tables}.",
  "setUp.convert": "Found as plain ranges: {ranges}. Converting keeps their headers, values and formats.",
  "setUp.add": "Adds {tables} on new sheets, overwriting nothing.",
  converted: "Converted to tables: {tables}.",
  added: "Added {tables} on new sheets.",
  "checked.check": "Check done",
  "checked.save": "Saved and checked",
  "checked.apply": "Applied and checked",
  "checked.undo": "Apply undone and checked",
  "checked.refreshed": "A co-author changed the workbook, findings brought up to date",
  "checked.changed": "The workbook changed, findings brought up to date",
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
  "timeline.title": "Timeline",
  "timeline.meetings": "Meetings",
  "timeline.current": "Current",
  "timeline.proposed": "Proposed",
  "timeline.cluster": "Cluster {cluster}",
  "timeline.review": "Cluster {cluster}: review from {start}, planned end {planned}, expected end {expected}",
  "timeline.meeting": "{meeting} meeting, {year}: {topic}, {status}",
  "timeline.topic": "topic {topic}",
  "timeline.noTopic": "no fixed topic",
  "timeline.held": "held",
  "timeline.planned": "planned",
  "timeline.cancelled": "cancelled",
  "timeline.conflict": "in conflict",
  "timeline.legend": "● held ○ planned × cancelled ▲ in conflict",
  "timeline.window": "Shaded: acceptable years for topic {topic}, {from} to {to}.",
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The message with its named parameters filled in; a parameter not given stays visible as {name}. */
export function message(id: MessageId, params: Readonly<Record<string, string | number>> = {}): string {
  return MESSAGES[id].replace(/\{(\w+)\}/g, (whole, name: string) =>
    params[name] !== undefined ? String(params[name]) : whole,
  );
}
