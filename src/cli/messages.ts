/**
 * The command line's own words (src/cli/*), in the same form as the pane's catalogue
 * (src/taskpane/messages.ts): one table with named parameters, so that a translation into another
 * of the six UN languages replaces the table and nothing else. The proposal's and the sheets'
 * words come from the engine's catalogues (src/domain/messages/). Command names, option names
 * (--out) and rule ids are the command line's vocabulary in every language: they stay as they are.
 */
import { fill, fillCount, type FormStem, type MessageParams } from "../domain/messages/fill";

export const CLI_MESSAGES = {
  "check.errors": "Errors",
  "check.warnings": "Warnings",
  "check.info": "Info",
  "check.group": "{heading} ({count})",
  "check.none": "no conflicts",
  "check.counts": "{errors}, {warnings}, {info} info",
  "check.summary": "{name}: {counts}",
  "check.context": " ({context})",
  "check.workbook": "workbook",
  "check.fix": "What would fix it: {fix}",
  "check.whatIf": " (what-if)",
  "check.asOf": "as of {year}",
  "check.expectedEnds": "expected review ends {ends}",
  "check.cancelled.one": "the {meetings} meeting cancelled for this run",
  "check.cancelled.other": "the {meetings} meetings cancelled for this run",
  "check.wrote": "Wrote {file} with the highlights, notes and Conflicts table.",
  "count.error.one": "{count} error",
  "count.error.other": "{count} errors",
  "count.warning.one": "{count} warning",
  "count.warning.other": "{count} warnings",
  "propose.none": "no fixed topic",
  "propose.same": "{topic} (unchanged)",
  "propose.noCandidate": "none",
  "propose.details": "  In the solver's terms: {totals}",
  "propose.manyAppended":
    "  Warning: this proposal adds {count} meetings, up to {year}, one a year after the last. Check whether the " +
    "slip is right, and whether the extended Bureau would rather widen a window (the earliest and latest settings).",
  "propose.renumbered": "renumbered: meetings are numbered as they are held",
  "propose.headers": "Meeting|Year|Fixed topic|Reason",
  "propose.appended": "(appended) ",
  "propose.cancelled": "(cancelled) ",
  "propose.flexible":
    "Agenda item 2 is blank at these planned meetings; flexible topics that could be taken there without a " +
    "finding (the choice is the extended Bureau's, para. 48):",
  "propose.after": "After the change: {errors}, {warnings}, {info} info.",
  "propose.asItStands": "As it stands: {errors}, {warnings}, {info} info.",
  "propose.unplaced": "  Topics that cannot be placed: {topics}.",
  "propose.relaxation": "the setting “{setting}” at {value} (now {now})",
  "propose.or": ", or ",
  "propose.relaxations": "  A clean timeline becomes possible with {relaxations}.",
  "propose.noClean": "{name}: no clean timeline exists{context}",
  "propose.noError":
    "  The workplan as it stands has no error: only its warnings cannot all be cleared by moving topics, so it may " +
    "be kept as it is.",
  "propose.notProposed": "{name}: no timeline proposed, as the workbook cannot be read fully{context}",
  "propose.nothingWritten": "Nothing written to {file}: there is no proposal to put to the Bureau.",
  "propose.wrote":
    'Wrote {file} with the sheet "{sheet}" and the highlights, notes and Conflicts table of the check; its ' +
    "Workplan table is unchanged.",
  "propose.unreadable.one":
    "The workbook cannot be read fully, so no timeline is proposed from it: {findings} Correct this and propose " +
    "again.",
  "propose.unreadable.other":
    "The workbook cannot be read fully, so no timeline is proposed from it: {findings} Correct these and propose " +
    "again.",
  "input.embedded": "embedded adopted plan",
  "init.wrote": 'Wrote {file}: the adopted workplan, ready to edit and check with "workplan check {file}".',
  "error.unexpected": "unexpected error: {message}",
  "args.options": '{problem}. Run "workplan --help" for the options.',
  "args.onePositional": '"workplan {command}" takes one workbook, not {count}: {files}.',
  "args.noValue": "{option} needs a value",
  "args.dashValue": '{option} takes a value that does not begin with "-"',
  "args.unknownOption": "There is no option {option}",
  "args.asOf": '--as-of takes a year such as 2026, not "{value}".',
  "args.expectedEnd":
    '--expected-end takes CLUSTER=YEAR, a cluster number and a year from 1000 to 9999, such as 2=2032, not "{value}".',
  "args.expectedEndTwice": "--expected-end names cluster {cluster} twice ({first} and {second}); give it once.",
  "args.twice": '{option} is given twice ("{first}" and "{second}"); give it once.',
  "args.forceWithoutOut":
    "--force only lets --out replace an existing file, and there is no --out: add --out OUT, or leave out --force.",
  "args.cancel": '--cancel takes a meeting number such as 15 or 15th, not "{value}".',
  "args.timeLimit": '--time-limit takes a number of seconds such as 2 or 0.5 (at most 3600), not "{value}".',
  "args.unknownCommand": 'Unknown command "{name}". Run "workplan --help" for the commands.',
  "args.unknownCluster":
    "--expected-end names cluster {clusters}, which the Clusters table does not have (it has {known}).",
  "files.input": "{option} {file} is the workbook being checked; write the copy to another file.",
  "files.open":
    "{file} is open in {program} (its lock file {lock} is there); close it there first, or write to another file " +
    "(if it is not open, delete the lock file).",
  "files.extension":
    "{option} {file}: the workbook written must be named with the extension {extension}, as Excel opens it by " +
    "that name; write to {suggestion}, for example.",
  "files.exists": "{file} already exists; use --force to overwrite it.",
  "files.asItWas": "{file} is as it was",
  "files.nothing": "nothing was written",
  "files.cannotWrite": "Cannot write {file} ({reason}); {what}.",
  "files.noFolder": "the folder {folder} does not exist",
  help:
    "workplan — checks the multi-year workplan of the Working Group on Firearms\n" +
    "\n" +
    "Usage:\n" +
    "  workplan init [FILE] [--force]\n" +
    "      Write the adopted workplan as a new workbook (default workplan.xlsx).\n" +
    "      Refuses to overwrite an existing file unless --force.\n" +
    "  workplan check [FILE] [--json] [--as-of YEAR] [--expected-end CLUSTER=YEAR]... " +
    "[--cancel MEETING]... [--out OUT [--force]]\n" +
    "      Check FILE (default: the embedded adopted plan) against every rule.\n" +
    "      --expected-end 2=2032  what-if: cluster 2's review is expected to end in 2032 (this run only)\n" +
    "      --cancel 15            what-if: the 15th meeting is cancelled (this run only; never written)\n" +
    "      --as-of 2026           meetings before this year with a blank status count as held\n" +
    "      --out OUT              write a copy with highlights, notes and the Conflicts table\n" +
    "      --force                replace OUT if it exists (never the input, nor a file open in Excel)\n" +
    "      --json                 print one JSON document\n" +
    "  workplan propose [FILE] [--json] [--as-of YEAR] [--expected-end CLUSTER=YEAR]... [--cancel MEETING]...\n" +
    "                   [--time-limit SECONDS] [--out OUT [--force]]\n" +
    "      Propose an amended timeline that follows every rule.\n" +
    "      --time-limit 2         search for the best timeline at most this long (default 2 seconds); past it,\n" +
    "                             the best clean timeline found is shown, marked not proven optimal\n" +
    "\n" +
    "Exit status: 0 no errors, 1 errors found (or no clean timeline), 2 the input cannot be used.\n",
} as const;

export type CliMessageId = keyof typeof CLI_MESSAGES;

/** The message with its named parameters filled in. */
export function cliText(id: CliMessageId, params?: MessageParams): string {
  return fill(CLI_MESSAGES[id], params);
}

/** The form of the message for `count` (see fill.ts), with {count} and the other parameters filled in. */
export function cliCounted(id: FormStem<CliMessageId>, count: number, params?: MessageParams): string {
  return fillCount(CLI_MESSAGES, id, count, params);
}
