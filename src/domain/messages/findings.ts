/**
 * The engine's words in one catalogue: the findings' sentences (problem and fix), what a cell
 * should hold, the notes and the Conflicts sheet's captions, the sources in words, the changes an
 * Apply lists, and the small words the wording helpers put together (ordinals, "a, b and c").
 * Each template has named parameters ({meeting}, {topic}, {year}…), filled by `say`; where the
 * count decides the word, one template per plural category of the language (`….one`, `….other`,
 * see fill.ts), and the ordinals ("15th") the same under `ord`. A translation replaces this table
 * and nothing else.
 *
 * Keys are short because the pane's bundle carries them: a rule's words under its short name
 * ("early" for cluster-too-early), its summary as `….rule`, its remedy as `….fix`.
 * test/domain/messages.test.ts finds any sentence the finding files write outside this table.
 */
import { fill, fillCount, formKey, type FormStem, type MessageParams } from "./fill";

export const FINDING_MESSAGES = {
  // The wording helpers (wording.ts, parse.ts, findings.ts, windows.ts).
  "list.and": "{first} and {last}",
  "list.comma": ", ",
  months: "January,February,March,April,May,June,July,August,September,October,November,December",
  date: "{day} {month} {year}",
  "years.one": "{count} year",
  "years.other": "{count} years",
  "ord.one": "{n}st",
  "ord.two": "{n}nd",
  "ord.few": "{n}rd",
  "ord.other": "{n}th",
  thousands: ",",
  quoted: '"{text}"',
  titled: '{name} "{title}"',
  meeting: "the meeting",
  "meeting.n": "the {n} meeting",
  "meeting.year": "{meeting} ({year})",
  topic: "topic {topic}",
  "topic.arts": "{topic} ({articles})",
  "arts.one": "art. {list}",
  "arts.other": "arts. {list}",
  cluster: "cluster {cluster}",
  flexible: "Flexible topic ({code})",
  article: "Article {article}",
  none: "none",
  noTopic: "no topic",
  theTopic: "the topic",
  noYear: "no year",
  "end.onTime": "is expected to end in {year}, as planned",
  "end.later": "is now expected to end in {year}, {years} later than planned ({planned})",
  "end.earlier": "is now expected to end in {year}, {years} earlier than planned ({planned})",
  // A review end that a what-if moved: said as the check's assumption, next to what the workbook says.
  "end.whatIf": "is expected to end in {year} in this what-if check, {slip} ({table})",
  "whatIf.asPlanned": "as planned",
  "whatIf.later": "{years} later than planned",
  "whatIf.earlier": "{years} earlier than planned",
  "whatIf.table": "the Clusters table says {workbook}",
  "whatIf.planned": "{planned}; the Clusters table says {workbook}",
  held: "{message} {meeting} was already held, so this is for information only.",

  // The rules (rules/*.ts), their summaries and their remedies (remedies.ts).
  propose: '"workplan propose" ("Propose timeline" in the add-in) finds the timeline with the fewest changes',
  "years.in": "in {year}",
  "years.range": "from {from} to {to}",
  move: "Move {topic} to a meeting inside the acceptable years of its clusters; {propose}.",
  "move.in": "Move {topic} to a meeting held {years}, its acceptable years; {propose}.",
  "early.rule":
    "A fixed topic is discussed before (expected review end − earliest) of the cluster of any of its articles.",
  early:
    "{topic} is at {meeting}, too early for the review of {cluster}: that review {end}, so the " +
    "earliest acceptable year is {year}, {years} after this meeting.",
  "late.rule":
    "A fixed topic is discussed after (expected review end + latest) of the cluster of any of its articles: no " +
    'longer "when, or shortly after" the review.',
  late:
    '{topic} is at {meeting}, no longer "when, or shortly after" the review of {cluster}: that review {end}, so the ' +
    "latest acceptable year is {year}, {years} before this meeting.",
  "last.rule": 'A topic holding a cross-cutting "last" article (14) is not at the last meeting that has a fixed topic.',
  last:
    "{topic} must be the last topic of the workplan ({articles} is cross-cutting and relates to all the topics " +
    "before it), but it is at {meeting} and {final} comes after it, at {finalMeeting}.",
  "last.fix": "Put {topic} at the last meeting that has a fixed topic, after every other topic.",
  "unsched.rule": "A topic of the Topics table is at no meeting.",
  unsched:
    "{topic} is not at any meeting: every topic needs a meeting so that the Working Group considers the full range " +
    "of commitments under the Protocol.",
  "unsched.fix": "Put {topic} in agenda item 3 of a planned meeting; {propose}.",
  "unsched.fixIn": "Put {topic} in agenda item 3 of a planned meeting held {years}; {propose}.",
  "topicDup.rule": "A topic is at more than one meeting.",
  topicDup: "{topic} is at {meeting} and already at {first}: each topic is discussed at one meeting.",
  "topicDup.fix": "Keep {topic} at one meeting only and give the other meeting another topic, or none.",
  "artNone.rule": "An article is in no topic.",
  artNone:
    "{article} is in no topic, so it would never be discussed: give it a topic number in the Topic column of the " +
    "Articles table.",
  "artNone.fix": "Give the article a topic in the Topic column of the Articles table.",
  "artDup.rule": "An article is in more than one topic.",
  artDup: "Article {article} is in {topic} here and in {other} at {cell}: an article belongs to one topic.",
  "artDup.twice": "Article {article} is listed twice in the Articles table (also at {cell}); list each article once.",
  "artDup.fix": "Keep the article in one topic only (the Topic column of the Articles table).",
  "meetDup.rule": "Two rows share a meeting number or a year (one meeting a year).",
  meetDup:
    "Meeting number {n} is used twice: here ({year}) and at {cell} ({firstYear}); each meeting has its own number.",
  "meetDup.year":
    "Two meetings are planned in {year}: {meeting} and {first} ({cell}); the Working Group meets once a year.",
  "meetDup.fix":
    "Give each meeting its own number and its own year (one meeting a year), or mark the one that will not take " +
    "place as cancelled.",
  "seq.rule": "Meeting numbers do not increase with the years.",
  seq: "{meeting} comes after {before} in time, so its number should be higher than {n}.",
  "seq.fix": "Correct the meeting numbers or the years so that the numbers increase with the years.",
  "order.rule": "Fixed topics are not in ascending topic order over the meetings.",
  order:
    "Topic {topic} at {meeting} comes after topic {before} at {beforeMeeting}: the workplan is to follow the order " +
    "of topics.",
  "order.fix":
    "Put the fixed topics in ascending order over the meetings, or keep this order if the extended Bureau agrees; " +
    "{propose}.",
  "clusterUnk.rule": "An article names a cluster that the Clusters table does not have.",
  clusterUnk:
    "Article {article} names cluster {cluster}, which the Clusters table does not have (it has {known}): add the " +
    "cluster or correct the article.",
  "clusterUnk.fix": "Add the cluster to the Clusters table, or correct the cluster number in the Articles table.",
  "topicUnk.rule": "A meeting (or an article) names a fixed topic that the Topics table does not have.",
  "topicUnk.known": "the Topics table has {topics}",
  topicUnk: "{meeting} names topic {topic}, which is not in the Topics table ({known}).",
  "topicUnk.article": "Article {article} is put in topic {topic}, which is not in the Topics table ({known}).",
  "topicUnk.fix": "Add the topic to the Topics table, or choose a topic from the drop-down list of the cell.",
  "flexUnk.rule":
    "Agenda item 2 is neither a code of the flexible list nor marked as an additional topic approved by the " +
    "extended Bureau.",
  flexUnk:
    'Agenda item 2 of {meeting}, "{text}", is not on the list of flexible topics ({codes}). Use one of those codes, ' +
    'or write "Other: <title>" for an additional topic approved by the extended Bureau.',
  "flexUnk.fix":
    "Choose a topic of the flexible list from the drop-down, or write “Other: ” and its title for a topic the " +
    "extended Bureau approved.",
  "flexRep.rule":
    "A flexible topic is taken at two meetings, or again after the meeting where it was already discussed.",
  flexRep: "{flexible} is taken at {meeting} and already at {first}.",
  "flexRep.done": "{flexible} was already discussed at the {n} meeting; taking it again at {meeting} repeats it.",
  "flexRep.fix": "Choose another flexible topic for this meeting, one not discussed before.",
  "overlap.rule":
    "The flexible topic relates to an article of the same meeting's fixed topic: it could be discussed under " +
    "agenda item 3 instead.",
  overlap:
    "{flexible} at {meeting} relates to {articles}, which topic {topic} covers under agenda item 3 at the same " +
    "meeting: it could be discussed there instead, freeing agenda item 2.",
  "overlap.fix":
    "Nothing must change; the extended Bureau may prefer another flexible topic, since this one could be " +
    "discussed under agenda item 3.",
  "cancelled.rule": "A fixed topic sits at a cancelled meeting: it will not be discussed there.",
  cancelled:
    "{topic} is at {meeting}, which is cancelled: it will not be discussed there. Move it to a meeting that takes " +
    "place (a proposal finds one), or clear agenda item 3 of the cancelled row.",
  "cancelled.whatIf":
    "{topic} is at {meeting}, which this what-if check takes as cancelled (its Status cell does not say so): it " +
    "would not be discussed there. Move it to a meeting that takes place (a proposal finds one), or keep it there " +
    "if the meeting is not cancelled after all.",
  postponed:
    "{topic} is at {meeting}, which is postponed: it will not be discussed that year. Move it to a meeting that " +
    "takes place (a proposal finds one), or clear agenda item 3 of the postponed row.",
  "cancelled.fix":
    "Move {topic} to a meeting that takes place and leave agenda item 3 of the cancelled meeting empty; {propose}.",
  "numbering.rule":
    "Among the meetings that take place, in year order, a planned meeting's number is not the one after the " +
    "previous meeting's: meetings are numbered as they are held, so after a cancellation the later meetings take " +
    "the freed numbers.",
  "numbering.one":
    "{meeting} would be the {n} meeting: meetings are numbered as they are held, and {freed} does not take place. " +
    "Renumber it, or leave the numbers for a proposal to set.",
  "numbering.other":
    "{meeting} would be the {n} meeting: meetings are numbered as they are held, and {freed} do not take place. " +
    "Renumber it, or leave the numbers for a proposal to set.",
  "numbering.gap":
    "{meeting} would be the {n} meeting: meetings are numbered as they are held, one after another from {from}. " +
    "Renumber it, or leave the numbers for a proposal to set.",
  "numbering.whatIf": "{meeting}, taken as cancelled in this what-if check,",
  "numbering.fix":
    "Number the meetings in the order they take place, the next number after the previous meeting's; {propose} " +
    "and renumbers them.",

  // Reading the workbook (read.ts, parse.ts): the data rules.
  "invalid.rule": "a cell cannot be read as what its column holds",
  invalid: "{cell}: the {what} is {value}; expected {expected}.",
  "invalid.long": "{cell}: the {what} is {length} characters long; expected at most {max}.",
  "invalid.blank": "{cell}: the {what} is blank; expected {expected}.",
  "invalid.fix": "Correct the cell: enter a value of the form the problem names.",
  "missing.rule": "a required sheet, table or column is not in the workbook",
  missing:
    'The workbook has no table named "{table}". Create it on a sheet "{sheet}" with the columns {columns} ' +
    '(Insert > Table, then name it "{table}"), or start from a new workbook made by "workplan init" or the ' +
    'add-in\'s "Create the workplan workbook".',
  "missing.column":
    'The table "{table}" on sheet "{sheet}" has no column {columns}. Add a column with exactly that header text to ' +
    "the table.",
  "missing.setting":
    'The Settings table has no row "{setting}". Add a row with that setting and its value in years (the adopted ' +
    "plan uses {years}).",
  "missing.fix":
    'Add the table or column the problem names, or start from a new workbook made by "workplan init" or the ' +
    'add-in\'s "Create the workplan workbook".',
  "twice.topic": "{cell}: topic {topic} is listed twice in the Topics table; expected each topic number once.",
  "twice.cluster": "{cell}: cluster {cluster} is listed twice in the Clusters table; expected each cluster once.",
  "twice.code":
    "{cell}: flexible topic ({code}) is listed twice in the FlexibleTopics table (also at {first}); expected each " +
    "code once.",
  "code.bad": '{cell}: the flexible topic code is {value}; expected a code such as "e".',
  "what.topic": "topic number",
  "what.article": "article number",
  "what.cluster": "cluster",
  "what.articleTopic": "topic of the article",
  "what.rule": "rule",
  "what.clusterNo": "cluster number",
  "what.start": "review start",
  "what.planned": "planned review end",
  "what.expected": "expected review end",
  "what.code": "flexible topic code",
  "what.related": "list of related articles",
  "what.discussed": "meeting where it was discussed",
  "what.settingName": "setting name",
  "what.setting": 'setting "{setting}"',
  "what.meeting": "meeting number",
  "what.year": "year",
  "what.status": "status",
  "what.flexible": "flexible topic (agenda item 2)",
  "what.fixed": "fixed topic (agenda item 3)",
  "value.date": "the date {date}",
  "value.invalid": "an invalid date",
  "value.any": "a value of another kind",
  "value.formula": "a formula with no saved value (open and save the file in Excel)",
  "exp.value": "a value",
  "exp.whole": "a whole number",
  "exp.years": "a whole number of years, 0 or more",
  "exp.year": "a year as a whole number, such as 2028",
  "exp.meeting": 'a meeting number such as 10 or "10th"',
  "exp.status": '"Held", "Planned" or blank, or "Cancelled" (or "Postponed") for a meeting that does not take place',
  "exp.topic": 'a topic number such as 3, "Topic 3" or "3 — Title", or blank',
  "exp.cluster": 'a cluster number such as 2 (or "Cluster 2"), or blank for none',
  "exp.article": "an article number such as 5",
  "exp.rule": 'blank (the cluster window applies) or "last"',
  "exp.articles": 'a list of article numbers such as "8, 12", "8 and 12" or "6–9", or blank',
  "exp.flexible": 'a flexible topic code such as "e" or "(e) — Title", "Other: <title>", or blank',
  "exp.code": 'a code such as "e"',

  // What a check writes (annotations.ts): notes, the Conflicts sheet and its captions.
  "sev.error": "Error",
  "sev.warning": "Warning",
  "sev.info": "Info",
  unchecked:
    "Not checked yet: this table fills in when the workbook is checked (workplan check, or Check in the add-in).",
  "unchecked.ends": "Expected review ends used: none yet.",
  "note.problem": "{severity}: {problem}",
  "note.fix": "What would fix it: {fix}",
  "note.cite": "({source}; {rule})",
  "note.rule": "({rule})",
  ends: "Expected review ends used: {ends}.",
  "ends.none": "Expected review ends used: none (the Clusters table could not be read).",
  "ends.cluster": "cluster {cluster} {year}",
  "ends.whatIf": "cluster {cluster} {year} (what-if; the workbook says {workbook})",
  item3: "Agenda item 3 (fixed topic)",
  "item3.topic": "Agenda item 3 (fixed topic): {topic}",
  item2: "Agenda item 2 (flexible topic)",
  table: "{table} table",
  "row.meeting": "{n} meeting",
  "row.none": "None",
  "row.ok": "No conflicts: the workplan follows every rule.",
  "errors.one": "{count} error",
  "errors.other": "{count} errors",
  "warnings.one": "{count} warning",
  "warnings.other": "{count} warnings",
  caption: "Last checked {at}: {errors}, {warnings}, {info} info.",
  "caption.asOf": "Last checked {at}, as of {year}: {errors}, {warnings}, {info} info.",
  "whatIf.end": "cluster {cluster}'s review end taken as {year} (the Clusters table says {workbook})",
  "whatIf.cancel": "the {n} meeting taken as cancelled",
  "whatIf.mark": "WHAT-IF CHECK:",
  whatIf: "{mark} {changes}. The workbook's tables are unchanged.",

  // A rule's source in words (sources.ts).
  "src.paper": "Background paper",
  "src.report": "2021 report",
  "src.in": "{document}, {places}",
  "src.annex": "annex",
  "src.annexTable": "annex, table of meetings",
  "src.rec": "recommendation {n}",
  "paras.one": "para. {list}",
  "paras.other": "paras. {list}",
  "src.quote": "“{text}”",
  "src.cite": "{id}: {quote}",

  // Applying a proposal or saving expected ends (apply.ts): what will change, one line each.
  noFixed: "no fixed topic",
  "apply.cancel": "{meeting}: cancelled",
  "apply.number": "{meeting} becomes the {n} meeting",
  "apply.topic": "{meeting}: {from} → {to}",
  "apply.add": "Add {meeting} with {topic}",
  "apply.end": "{cluster}: expected review end {from} → {to} ({slip})",
  "slip.none": "on time",
  "slip.later": "+{years}",
  "slip.earlier": "−{years}",
} as const;

export type FindingMessageId = keyof typeof FINDING_MESSAGES;

/** The stems of the keys that come in forms, one per plural category (`….one`, `….other`). */
export type CountedId = FormStem<FindingMessageId>;

/** The message with its named parameters filled in. */
export function say(id: FindingMessageId, params?: MessageParams): string {
  return fill(FINDING_MESSAGES[id], params);
}

/** The form of the message for `count`, with {count} and the other parameters filled in. */
export function sayCount(id: CountedId, count: number, params: MessageParams = {}): string {
  return fillCount(FINDING_MESSAGES, id, count, params);
}

/** "15th": the ordinal form (`ord.one`, `ord.two`, `ord.few` or `ord.other`) for `n`. */
export function sayOrdinal(n: number): string {
  return say(formKey(FINDING_MESSAGES, "ord", n, "ordinal") as FindingMessageId, { n });
}
