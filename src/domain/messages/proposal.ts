/**
 * The proposal's words (src/domain/propose/*, proposalSheet.ts, timeline.ts, whatIf.ts) in one
 * catalogue with named parameters, so that a translation into another of the six UN languages
 * replaces this table and nothing else. Where the count decides the word, two keys, `….one` and
 * `….many` (`counted`). A reason that starts with a rule id ("cluster-too-early: …") gets the id
 * from the code, never from here. The pane carries this table: keys stay short.
 */
import { fill, type MessageParams } from "./fill";

export const PROPOSAL_MESSAGES = {
  // Why no clean plan exists (propose/explain.ts, propose/index.ts).
  "x.severalLast":
    "{topics} each hold a cross-cutting article that must be discussed last ({articles}), but only one topic can " +
    "be at the last meeting with a fixed topic: put those articles in one topic.",
  "x.noYear": "topic {topic} must be discussed {windows}, and no year is in all of them",
  "x.crowded": "{topics} must {all}be discussed {years}{windows}{beforeLast}, but {meetings}.",
  "x.both": "both ",
  "x.all": "all ",
  "x.beforeLast": ", before topic {topic}, which must be last (in {year})",
  "x.last": "Topic {topic} must be at the last meeting with a fixed topic (its {articles} is cross-cutting){window}",
  "x.lastWindow": " and must be discussed {windows}",
  "x.meetingOf": "the meeting of {year}",
  "x.lastHeld": "{intro}, but {meeting} was already held with a fixed topic.",
  "x.cannotBefore": "{topics} cannot be discussed before {year}",
  "x.othersBefore": "the other topics cannot all be discussed before {year}",
  "x.but": "{intro}, but {blocker}.",
  "x.leaveOut.one": "Leaving out {topics} alone would make a clean plan possible.",
  "x.leaveOut.many": "Leaving out {topics} would make a clean plan possible; leaving out fewer topics would not.",
  "x.noTopic": "no fixed topic",
  "x.thisTopic": "this topic",
  "x.topic": "topic {topic}",
  "x.topics": "topics {topics} and {last}",
  "x.cancelled": "{meeting} is cancelled",
  "x.heldWith": "{meeting} was already held ({now})",
  "x.nowHas": "{meeting} now has {now}",
  "x.canAppend.one": "a meeting can be appended in {years}",
  "x.canAppend.many": "meetings can be appended in {years}",
  "x.noMeeting": ", and no meeting is in those years",
  "x.span": "Topic {topic} must be discussed {years}{where}.",
  "x.appended.one": "a meeting appended in {years}",
  "x.appended.many": "meetings appended in {years}",
  "x.held.one": "; {meetings} was already held",
  "x.held.many": "; {meetings} were already held",
  "x.isCancelled.one": "; {meetings} is cancelled",
  "x.isCancelled.many": "; {meetings} are cancelled",
  "x.noOpen": "no meeting in those years can take a fixed topic",
  "x.open": "only {meetings} in those years can take a fixed topic",
  "x.window": "{years} for {cluster}, whose review is expected to end in {end}",
  "x.and": " and ",
  "x.in": "in {year}",
  "x.between": "between {from} and {to}",
  "x.settings":
    "The Settings table does not give {settings} as a whole number of years, so the cluster windows are unknown: " +
    "set it, then ask for a proposal again.",
  "x.clusters":
    "The review years of cluster {clusters} cannot be read from the Clusters table, so the window of {topics} is " +
    "unknown: correct the Clusters table, then ask for a proposal again.",
  "x.unfixable.one": "The plan has an error that rescheduling topics cannot fix; correct it first: {errors}",
  "x.unfixable.many": "The plan has errors that rescheduling topics cannot fix; correct them first: {errors}",
  "x.stillFindings": "The best timeline found still has findings: {findings}",
  notProven:
    "Not proven optimal: the search ran out of time. The timeline has no error and keeps every topic in its " +
    "windows, but one with fewer appended meetings, inversions, years moved or topics moved may exist; " +
    "allow the search more time to settle it.",
  // Why each topic moves (propose/reasons.ts).
  "r.noMeeting": "it was at no meeting",
  "r.noYear": "it was at {meeting}, whose year cannot be read",
  "r.wasCancelled": "it was at {meeting}, which is cancelled",
  "r.rescheduled":
    "rescheduled with the other topics so that every topic keeps its cluster windows with the fewest changes",
  "r.early": "the review of {cluster} {reviewEnd}, so the earliest acceptable year is {year}; it was at {meeting}",
  "r.late": "the review of {cluster} {reviewEnd}, so the latest acceptable year is {year}; it was at {meeting}",
  "r.mustBeLast": "{articles} is cross-cutting, so topic {topic} must be at the last meeting with a fixed topic",
  "r.staysLast": "topic {topic} stays the last topic ({articles} is cross-cutting){now}",
  "r.nowThat": " now that topic {topic} is at {meeting}",
  "r.room": "makes room for topic {topic} at {meeting}",
  "r.order": "keeps the order of topics after topic {topic}{now}",
  "r.nowAt": ", now at {meeting}",
  "r.appended": "appended to keep one meeting a year; no fixed topic fits this year",
  "r.cancelled": "{meeting} is cancelled",
  "r.notInTopics": "topic {topic} is not in the Topics table",
  "r.discussed": "topic {topic} was already discussed at {meeting}",
  "r.movesTo": "topic {topic} moves to {meeting}",
  "r.stays": "topic {topic} stays at {meeting}",
  "r.leftOut": "topic {topic} is left out",
  // The proposal sheet (proposalSheet.ts).
  "s.headers": "Meeting|Year|Status|Fixed topic now|Proposed fixed topic|Why",
  "s.name": "Proposal {date}",
  "s.title": "Proposed amendment of the timeline of the multi-year workplan",
  "s.subtitle": "Draft for consideration by the extended Bureau",
  "s.emptied": "No fixed topic (flexible topic only)",
  "s.timeline": "The timeline of the fixed topics, now and as proposed",
  "s.key":
    "w: an acceptable year for the topic · 15th: the meeting that holds it · 15th!: a meeting outside those years",
  "s.now": "Now",
  "s.asProposed": "As proposed",
  "s.noChange": "No change needed: every topic already sits inside its cluster windows.",
  "s.totals": "{appended} appended, {inversions} of the topic order, {years} moved in all, {topics} moved.",
  "s.months": "January,February,March,April,May,June,July,August,September,October,November,December",
  "s.date": "{day} {month} {year}",
  "s.slip": "the review of {cluster} {reviewEnd}",
  "s.cancelled": "the {meeting} meeting is cancelled",
  "s.cancelledIn": "the {meeting} meeting ({year}) is cancelled",
  "s.checkOnly": "Prompted by: a check of the workplan (no review slips and no meeting is cancelled).",
  "s.prompted": "Prompted by: {causes}.",
  "s.after": "with it the check finds {errors} and {warnings}",
  "s.unchanged": "No change is needed: every topic already sits inside its cluster windows; {after}.",
  "s.topics.one": "topic {topics}",
  "s.topics.many": "topics {topics}",
  "s.appendsNone": "appends no meeting",
  "s.appends": "appends {meetings}",
  "s.outcome": "The proposal moves {moved} and {appended}; {after}.",
  "s.held": "Held",
  "s.appended": "Appended",
  "s.cancelledStatus": "Cancelled",
  "s.planned": "Planned",
  "s.renumbered": "{meeting} (was {was})",
  "s.noneCancelled": "None (the meeting is cancelled)",
  "s.meeting": "Meeting",
  "s.meetingName": "{meeting} meeting",
  "s.meetingIn": "{meeting} meeting ({year})",
  "s.noneFits": "None fits without a finding.",
  "s.candidates":
    "Agenda item 2: flexible topics each meeting could take without a finding (candidates only: the choice " +
    "stays with the extended Bureau)",
  "s.sources": "Sources",
  "s.newMeeting": "(new meeting)",
  "s.none": "None",
  "s.notApplied": "The Workplan table is unchanged until the proposal is applied.",
  // The Timeline sheet (timeline.ts).
  "t.title": "Timeline of the workplan: review periods, acceptable years and meetings (every check redraws it)",
  "t.review": "review under way",
  "t.ends": "review end planned / expected (PE: both)",
  "t.window": "acceptable year for the topic",
  "t.meeting": "the meeting that holds the topic",
  "t.conflict": "the meeting, outside the acceptable years (a conflict)",
  "t.topic": "Topic {topic}",
  "t.cluster": "Cluster {cluster}",
  "t.named": "Cluster {cluster} — {name}",
  // A what-if cancellation that cannot be (whatIf.ts).
  "w.held": "{meeting} was already held: only a planned meeting can be cancelled.",
  "w.unknown": "The Workplan table has no {meeting} meeting (it has {range}).",
  "w.none": "none",
  "w.single": "the {meeting}",
  "w.range": "the {first} to {last}",
  // Counts.
  "n.meeting.one": "{count} meeting",
  "n.meeting.many": "{count} meetings",
  "n.inversion.one": "{count} inversion",
  "n.inversion.many": "{count} inversions",
  "n.year.one": "{count} year",
  "n.year.many": "{count} years",
  "n.topic.one": "{count} topic",
  "n.topic.many": "{count} topics",
  "n.error.one": "{count} error",
  "n.error.many": "{count} errors",
  "n.warning.one": "{count} warning",
  "n.warning.many": "{count} warnings",
} as const;

export type ProposalMessageId = keyof typeof PROPOSAL_MESSAGES;
type Counted<K> = K extends `${infer Base}.one` ? Base : never;
export type ProposalCountId = Counted<ProposalMessageId>;

/** The message with its named parameters filled in. */
export function proposalText(id: ProposalMessageId, params?: MessageParams): string {
  return fill(PROPOSAL_MESSAGES[id], params);
}

/** The `….one` or `….many` message for `count`, with {count} and the other parameters filled in. */
export function counted(id: ProposalCountId, count: number, params?: MessageParams): string {
  return proposalText(`${id}.${count === 1 ? "one" : "many"}`, { count, ...params });
}
