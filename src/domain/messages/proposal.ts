/**
 * The proposal's words (src/domain/propose/*, proposalSheet.ts, timeline.ts, whatIf.ts) with named
 * parameters, so that a translation into another of the six UN languages replaces these tables
 * and nothing else. One table per part, not one for all: the pane's script carries the sheet's
 * words, and the solver's (./solver.ts, a module of its own) go only where the solver goes. Where
 * the count decides the word, one template per plural category (`….one`, `….other`; `counter`,
 * fill.ts). A module makes its
 * filler once: `const say = sayer(PROPOSAL_SHEET_MESSAGES)`. A reason that starts with a rule id
 * ("cluster-too-early: …") gets the id from the code, never from here. Keys stay short: the pane
 * carries them.
 */
import { fill, fillCount, type FormStem, type MessageParams } from "./fill";

/** The proposal sheet (proposalSheet.ts) and the note on a timeline not proven the best. */
export const PROPOSAL_SHEET_MESSAGES = {
  notProven:
    "Not proven optimal: the search ran out of time. The timeline has no error and keeps every topic in its " +
    "windows, but one with fewer appended meetings, inversions, years moved or topics moved may exist; " +
    "allow the search more time to settle it.",
  headers: "Meeting|Year|Status|Fixed topic now|Proposed fixed topic|Why",
  name: "Proposal {date}",
  title: "Proposed amendment of the timeline of the multi-year workplan",
  subtitle: "Draft for consideration by the extended Bureau",
  emptied: "No fixed topic (flexible topic only)",
  timeline: "The timeline of the fixed topics, now and as proposed",
  key: "w: an acceptable year for the topic · 15th: the meeting that holds it · 15th!: a meeting outside those years",
  now: "Now",
  asProposed: "As proposed",
  noChange: "No change needed: every topic already sits inside its cluster windows.",
  totals: "{appended} appended, {inversions} of the topic order, {years} moved in all, {topics} moved.",
  slip: "the review of {cluster} {reviewEnd}",
  cancelled: "the {meeting} meeting is cancelled",
  cancelledIn: "the {meeting} meeting ({year}) is cancelled",
  checkOnly: "Prompted by: a check of the workplan (no review slips and no meeting is cancelled).",
  prompted: "Prompted by: {causes}.",
  after: "with it the check finds {errors} and {warnings}",
  unchanged:
    "No change is needed: every topic already sits inside its cluster windows, and the check finds {errors} and " +
    "{warnings}.",
  renumbersOnly:
    "No topic needs to move, but {meetings} would be renumbered: meetings are numbered as they are held, and " +
    "{cause}; {after}.",
  "away.one": "{meetings} does not take place",
  "away.other": "{meetings} do not take place",
  runOn: "the numbers run on, one after another, from {from}",
  theMeeting: "the {meeting} meeting ({year})",
  renumberedTotals: "No topic moves; {meetings} renumbered.",
  "topics.one": "topic {topics}",
  "topics.other": "topics {topics}",
  appendsNone: "appends no meeting",
  appends: "appends {meetings}",
  appendsFor: "appends {meetings} in place of the cancelled {cancelled}",
  outcome: "The proposal moves {moved} and {appended}; {after}.",
  held: "Held",
  appended: "Appended",
  cancelledStatus: "Cancelled",
  planned: "Planned",
  renumbered: "{meeting} (was {was})",
  noneCancelled: "None (the meeting is cancelled)",
  meeting: "Meeting",
  meetingName: "{meeting} meeting",
  meetingIn: "{meeting} meeting ({year})",
  noneFits: "None fits without a finding.",
  candidateKey: "What the codes stand for",
  candidates:
    "Agenda item 2: flexible topics each meeting could take without a finding (candidates only: the choice " +
    "stays with the extended Bureau)",
  sources: "Sources",
  newMeeting: "(new meeting)",
  none: "None",
  notApplied: "The Workplan table is unchanged until the proposal is applied.",
} as const;

/** The Timeline sheet's title, legend and row labels (timeline.ts). */
export const TIMELINE_MESSAGES = {
  title: "Timeline of the workplan: review periods, acceptable years and meetings (every check redraws it)",
  review: "review under way",
  ends: "review end planned / expected (PE: both)",
  window: "acceptable year for the topic",
  meeting: "the meeting that holds the topic",
  conflict: "the meeting, outside the acceptable years (a conflict)",
  cancelled: "the meeting that held the topic, cancelled",
  topic: "Topic {topic}",
  cluster: "Cluster {cluster}",
  named: "Cluster {cluster} — {name}",
} as const;

/** A what-if cancellation that cannot be (whatIf.ts). */
export const WHAT_IF_MESSAGES = {
  held: "{meeting} was already held: only a planned meeting can be cancelled.",
  already: "{meeting} is already cancelled in the Workplan table: only a planned meeting can be cancelled.",
  alreadyPostponed: "{meeting} is already postponed in the Workplan table: only a planned meeting can be cancelled.",
  unknown: "The Workplan table has no {meeting} meeting (it has {range}).",
  none: "none",
  single: "the {meeting}",
  range: "the {first} to {last}",
} as const;

/** Counts, shared by the tables above. */
export const COUNT_MESSAGES = {
  "meeting.one": "{count} meeting",
  "meeting.other": "{count} meetings",
  "inversion.one": "{count} inversion",
  "inversion.other": "{count} inversions",
  "year.one": "{count} year",
  "year.other": "{count} years",
  "topic.one": "{count} topic",
  "topic.other": "{count} topics",
  "error.one": "{count} error",
  "error.other": "{count} errors",
  "warning.one": "{count} warning",
  "warning.other": "{count} warnings",
} as const;

type Table = Readonly<Record<string, string>>;

/** The filler of one table: `say(id, params)`, the message with its named parameters filled in. */
export function sayer<T extends Table>(table: T): (id: keyof T & string, params?: MessageParams) => string {
  return (id, params) => fill(table[id] as string, params);
}

/** The filler of one table's plurals: `count(id, n, params)`, the form of the message for n (fill.ts). */
export function counter<T extends Table>(
  table: T,
): (id: FormStem<keyof T & string>, count: number, params?: MessageParams) => string {
  return (id, count, params) => fillCount(table, id, count, params);
}
