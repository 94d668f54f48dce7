/**
 * The pane's words in one catalogue, each with named parameters ({count}, {sheet}…), so that a
 * translation into another of the six UN languages replaces this table and nothing else. UN
 * editorial style: -ize spellings, "para. 49", dates as "1 December 2026".
 *
 * A component never writes words itself (test/taskpane/strayText.test.ts scans them): add a key
 * named after the component, `"timeline.label": "Timeline of {count} meetings"`, and write
 * `message("timeline.label", { count })`. Where the count decides the word, one key per plural
 * category of the language, `….one` and `….other` in English (a language that needs them adds
 * `….two`, `….few`, `….many`; src/domain/messages/fill.ts), written `messageCount("count.cell", n)`.
 * The ribbon's words are in src/commands/messages.ts, in the same form.
 */
import { fill, fillCount, type FormStem, type MessageParams } from "../domain/messages/fill";

export { fill, type MessageParams };

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
  // The title of the message bar when a request fails (actions.ts); the reason follows it.
  "failed.open": "Could not read the workbook",
  "failed.refresh": "Could not read a co-author's changes",
  "failed.check": "Could not check the workbook",
  "failed.clear": "Could not clear the highlights",
  "failed.create": "Could not create the workbook",
  "failed.add": "Could not add the missing tables",
  "failed.convert": "Could not convert the ranges",
  "failed.goTo": "Could not go to {sheet}!{cell}",
  "failed.save": "Could not save the expected review ends",
  "failed.write": "Could not write the proposal sheet",
  "failed.apply": "Could not apply the proposal",
  "failed.undo": "Could not undo the apply",
  // Outside Excel, or without Office.js (start.tsx).
  "start.title": "Open this pane in Excel",
  "start.noOffice":
    "Office.js did not load. Check the network connection, then close the pane and open it again (Home > Workplan).",
  "start.notExcel":
    "Workplan Checker works in Excel: open the workplan workbook in Excel (desktop or on the web), then " +
    "Home > Workplan.",
  "setUp.missing": "Missing tables: {tables}.",
  "setUp.convert": "Found as plain ranges: {ranges}. Converting keeps their headers, values and formats.",
  "setUp.add": "Adds {tables} on new sheets, overwriting nothing.",
  "setUp.label": "Set up the workbook",
  "setUp.addButton": "Add the missing tables",
  "setUp.convertButton": "Convert to tables",
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
  commandFailed: "The Check workplan button could not check the workbook on {date} at {time}: {reason}",
  "notWritten.title": "Check could not write to the workbook.",
  notWritten: "The highlights are not written; the findings below are read from it. {reason}",
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
    "The apply was undone: the workplan is back as it was before it ({cells} written back). The findings " +
    "below are the check after the undo.",
  "since.cleared":
    "Highlights cleared since: the findings below are from this check and no longer marked in the workbook. " +
    "Select Check to mark them again.",
  "since.failed":
    "Not up to date: the workbook could not be read just now, so what follows is from the last time it could. " +
    "Select Check to try again.",
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
  "timeline.flexibleOnly": "no fixed topic (flexible topic only)",
  "timeline.held": "held",
  "timeline.planned": "planned",
  "timeline.open": "planned",
  "timeline.cancelled": "cancelled",
  "timeline.conflict": "in conflict",
  "timeline.legend": "● held ○ planned ◇ no fixed topic × cancelled ▲ in conflict",
  "timeline.window": "Shaded: acceptable years for topic {topic}, {from} to {to}.",
  // The views' own words: one key per piece of text, named after the component ("actions.check").
  "pane.title": "Workplan Checker",
  "pane.stopped": "The pane stopped working",
  "pane.stoppedHow": "Close the pane and open it again (Home > Workplan). ({reason})",
  "pane.propose": "Propose timeline",
  "pane.undoApply": "Undo apply",
  "pane.diagnostics": "Diagnostics (for IT)",
  "actions.label": "Workplan actions",
  "actions.check": "Check",
  "actions.clear": "Clear highlights",
  "actions.clearsUndo":
    "The first check adds hidden helper sheets; Excel on Windows and Mac then cannot undo earlier edits.",
  "header.label": "Last check",
  "header.notChecked": "Not checked yet.",
  "header.written": "Highlights written on {at}.",
  "problem.dismiss": "Dismiss the message",
  "autoCheck.label": "Re-check automatically after my edits",
  "create.text":
    "This workbook has no workplan tables yet. Create them with the adopted workplan: the sheets {sheets}, with " +
    "drop-down lists on the topic columns. Nothing that is already in the workbook is overwritten.",
  "create.button": "Create the workplan workbook",
  "findings.none": "No conflicts",
  "findings.noneText": "The workplan follows every rule.",
  "findings.noneThen": "No conflicts the last time the workbook could be read.",
  "findings.summary": "{errors}, {warnings}, {info} info in the workbook as it stands.",
  "findings.noneHere": "No conflicts in the workbook as it stands.",
  "findings.whatIf": "With this what-if (not written): {errors}, {warnings}, {info} info.",
  "findings.group.error": "Errors ({count})",
  "findings.group.warning": "Warnings ({count})",
  "findings.group.info": "Info ({count})",
  "findings.list.error": "Error findings",
  "findings.list.warning": "Warning findings",
  "findings.list.info": "Info findings",
  "finding.fix": "What would fix it: {fix}",
  "finding.details": "Details",
  "finding.source": "Source: {source} · rule {rule}",
  "finding.sourceData": "Source: the workbook's data · rule {rule}",
  "count.error.one": "{count} error",
  "count.error.other": "{count} errors",
  "count.warning.one": "{count} warning",
  "count.warning.other": "{count} warnings",
  "count.rule.one": "{count} highlight rule",
  "count.rule.other": "{count} highlight rules",
  "count.note.one": "{count} note",
  "count.note.other": "{count} notes",
  "count.topic.one": "{count} fixed topic",
  "count.topic.other": "{count} fixed topics",
  "count.meeting.one": "{count} meeting",
  "count.meeting.other": "{count} meetings",
  "count.end.one": "{count} expected review end",
  "count.end.other": "{count} expected review ends",
  "count.cell.one": "{count} cell",
  "count.cell.other": "{count} cells",
  "count.conflict.one": "{count} conflict",
  "count.conflict.other": "{count} conflicts",
  "slip.none": "no change in conflicts",
  "slip.more": "+{conflicts}",
  "slip.fewer": "−{conflicts}",
  "clusters.heading": "Clusters",
  "clusters.hint": "Change an expected review end to see what it does to the plan. Nothing is written until you save.",
  "clusters.name": "Cluster {number}",
  "clusters.planned": "Planned {year} · ",
  "clusters.spin": "Expected review end of cluster {number}",
  "clusters.save": "Save expected dates",
  "clusters.reset": "Reset",
  "meetings.heading": "Meetings",
  "meetings.hint": "Cancel a planned meeting to see what it does to the plan. Nothing is written to the workbook.",
  "meetings.cancel": "Cancel the {meeting} meeting",
  "meetings.cancelIn": "Cancel the {meeting} meeting ({year})",
  "diff.label": "What the slip changes",
  "severity.error": "Error",
  "severity.warning": "Warning",
  "severity.info": "Info",
  "diff.severity": "{severity}:",
  "diff.appear": "Would appear",
  "diff.disappear": "Would disappear",
  "diff.group": "{title} ({count})",
  "diff.none": "No finding appears or disappears with this what-if.",
  "diff.summary": "{appeared} would appear, {disappeared} would disappear.",
  "diff.finding.one": "{count} finding",
  "diff.finding.other": "{count} findings",
  "apply.title": "Apply the proposal to the workplan?",
  "apply.lead": "This will change the workbook:",
  "apply.kept":
    "Everything else, including the other columns and your own values, stays as it is. The workplan as it is now " +
    "is kept in the workbook: Undo apply in this pane writes it back exactly, until the next Apply.",
  "apply.confirm": "Apply",
  "apply.cancel": "Cancel",
  "proposal.infeasible": "No clean timeline exists",
  "proposal.relaxations": "What would allow one",
  "proposal.relaxation": "Setting “{setting}” to {value} would allow one.",
  "proposal.noError":
    "The workplan as it stands has no error: only its warnings cannot all be cleared by moving topics, so it may " +
    "be kept as it is.",
  "proposal.heading": "Proposed timeline",
  "proposal.table": "Changes to the fixed topics",
  "proposal.meeting": "Meeting",
  "proposal.year": "Year",
  "proposal.topic": "Fixed topic",
  "proposal.appended": "appended",
  "proposal.becomes": "becomes ",
  "proposal.added": "added, {topic}",
  "proposal.topicNumber": "topic {topic}",
  "proposal.was": "(was {was})",
  "proposal.cancelled": "cancelled",
  "proposal.cancelledNone": "none, the meeting is cancelled",
  "proposal.same": "keeps {topic}",
  "proposal.renumbered":
    "Renumbered: meetings are numbered as they take place, so the cancelled meeting's number passes to the next.",
  "candidates.heading": "Flexible topics that could be taken (agenda item 2)",
  "candidates.hint":
    "Where agenda item 2 is blank, the flexible topics each meeting could take without a finding (candidates " +
    "only: the choice stays with the extended Bureau).",
  "candidates.at": "{meeting} meeting: {topics}",
  "candidates.atYear": "{meeting} meeting ({year}): {topics}",
  "candidates.none": "none fits without a finding",
  "candidates.codes": "What the codes stand for",
  "candidates.code": "({code}) {title}",
  "proposal.code": "({code})",
  "proposal.after": "After the change: {errors} errors, {warnings} warnings, {info} info.",
  "proposal.how": "How the proposal was chosen",
  "proposal.write": "Write proposal for the Bureau",
  "proposal.noApply":
    "Apply is not offered for a what-if with cancelled meetings: mark the meeting cancelled in the Workplan table " +
    "once the extended Bureau has decided, then propose again.",
  "proposal.afterBureau":
    "After the extended Bureau has agreed to the proposal (para. 49), apply it to the Workplan table:",
  "proposal.apply": "Apply to workplan",
  "diagnostics.heading": "Diagnostics",
  "diagnostics.about":
    "Tries each Excel feature the add-in relies on, on a scratch sheet it adds and then removes; your sheets are " +
    "not touched. It takes up to 20 seconds and clears Excel's undo history (Excel cannot undo removing a sheet).",
  "diagnostics.run": "Run diagnostics",
  "diagnostics.copy": "Copy report",
  "diagnostics.running": "Running diagnostics…",
  "diagnostics.results": "Diagnostics results",
  "diagnostics.behaviour": "Behaviour",
  "diagnostics.result": "Result",
  "diagnostics.pass": "Passed",
  "diagnostics.fail": "Failed",
  "diagnostics.skipped": "Skipped",
  "diagnostics.counts": "{pass} passed, {fail} failed, {skipped} skipped",
  "diagnostics.outcome": "{counts}. Excel on {platform}, version {version}; {sets}.",
  "diagnostics.none": "none",
  "diagnostics.copied": "Report copied to the clipboard.",
  "diagnostics.noClipboard": "The pane may not use the clipboard here: select the report below and copy it.",
  "diagnostics.report": "Diagnostics report",
  // A finding's headline, fix and go-to action (findingText.ts); {at} is "15th meeting (2028): " or empty.
  "finding.at": "{meeting} meeting: ",
  "finding.atYear": "{meeting} meeting ({year}): ",
  "finding.early": "{at}topic {topic} is too early",
  "finding.earlyFrom": "{at}topic {topic} is too early — earliest {year}",
  "finding.earlyFix": "Move topic {topic} to a meeting in a later year.",
  "finding.earlyFixFrom": "Move topic {topic} to a meeting in {year} or later.",
  "finding.late": "{at}topic {topic} is too late",
  "finding.lateTo": "{at}topic {topic} is too late — latest {year}",
  "finding.lateFix": "Move topic {topic} to a meeting in an earlier year.",
  "finding.lateFixTo": "Move topic {topic} to a meeting in {year} or earlier.",
  "finding.last": "{at}topic {topic} should come last",
  "finding.lastFix": "Move topic {topic} to the last meeting that has a fixed topic.",
  "finding.unscheduled": "Topic {topic} is at no meeting",
  "finding.unscheduledFix": "Give topic {topic} a meeting (agenda item 3).",
  "finding.duplicate": "{at}topic {topic} is at more than one meeting",
  "finding.duplicateFix": "Keep topic {topic} at one meeting.",
  "finding.cancelled": "{at}topic {topic} is at a cancelled meeting",
  "finding.cancelledFix": "Move topic {topic} to a meeting that takes place.",
  "finding.order": "{at}topic {topic} is out of the adopted order",
  "finding.orderFix": "Put the fixed topics in ascending order, or keep the change knowingly (para. 50 (b)).",
  "finding.sentence": "{at}{sentence}",
  "finding.held": "{headline} (already held)",
  "finding.propose": "“Propose timeline” below finds the timeline with the fewest changes",
  "finding.goTo": "Go to the {meeting} meeting, {column}",
  "finding.goToMeeting": "Go to the {meeting} meeting",
  "finding.goToCell": "Go to {name}",
  // The proposal in plain words (proposalText.ts).
  "proposal.numbers": "no, one, two, three, four, five, six, seven, eight, nine, ten",
  "proposal.noChange": "No change needed: every topic already sits inside its cluster windows.",
  "proposal.moved.one": "{count} topic moves to another meeting",
  "proposal.moved.other": "{count} topics move to another meeting",
  "proposal.more.one": "{count} more meeting",
  "proposal.more.other": "{count} more meetings",
  "proposal.meetings.one": "{count} meeting",
  "proposal.meetings.other": "{count} meetings",
  "proposal.keeps": "The workplan would keep its meetings: {moved}.",
  "proposal.renumberOnly": "No fixed topic moves: only the numbers of {meetings} change.",
  "proposal.replace.one": "{count} meeting appended in place of a cancelled one",
  "proposal.replace.other": "{count} meetings appended in place of cancelled ones",
  "proposal.stillEnds": "The workplan would still end in {year}: {replace}, and {moved}.",
  "proposal.gains": "The workplan would have {more}, and {moved}.",
  "proposal.ends": "The workplan would end in {after} instead of {before}: {more}, and {moved}.",
  "proposal.adds":
    "This proposal adds {meetings}, one a year after the last. Check whether the slip is right and whether the " +
    "Bureau would rather widen a window or drop a topic.",
  "proposal.addsUntil":
    "This proposal adds {meetings}, up to {year}, one a year after the last. Check whether the slip is right and " +
    "whether the Bureau would rather widen a window or drop a topic.",
  "proposal.flexibleOnly": "no fixed topic (flexible topic only)",
  "proposal.topicTitle": "topic {topic}, {title}",
  // Dates (dates.ts) and the diagnostics report that IT copies (Diagnostics.tsx).
  "date.at": "{date} at {time}",
  "date.asOf": "As of {year}: meetings before {year} with a blank status count as held.",
  "report.title": "Workplan Checker diagnostics",
  "report.run": "Run: {at}",
  "report.host": "Host: {host} · Platform: {platform} · Office version: {version}",
  "report.sets": "Requirement sets: {sets}",
  "report.result": "Result: {counts}",
} as const;

export type MessageId = keyof typeof MESSAGES;

/** The message with its named parameters filled in; a parameter not given stays visible as {name}. */
export function message(id: MessageId, params: MessageParams = {}): string {
  return fill(MESSAGES[id], params);
}

/** The form of the message for `count` (its plural category's), with {count} and the other parameters filled in. */
export function messageCount(stem: FormStem<MessageId>, count: number, params: MessageParams = {}): string {
  return fillCount(MESSAGES, stem, count, params);
}
