/**
 * The solver's words: why no clean plan exists (src/domain/propose/explain.ts, index.ts) and why
 * each topic moves (propose/reasons.ts), with named parameters, in the form of the proposal's
 * tables (./proposal.ts: `text`, `counted`). In a module of its own so that the pane's script does
 * not carry them: only the solver's worker and the pane's chunk that proposes without a worker do.
 */
/** Why no clean plan exists (propose/explain.ts, index.ts) and why each topic moves (propose/reasons.ts). */
export const SOLVER_MESSAGES = {
  severalLast:
    "{topics} each hold a cross-cutting article that must be discussed last ({articles}), but only one topic can " +
    "be at the last meeting with a fixed topic: put those articles in one topic.",
  noYear: "topic {topic} must be discussed {windows}, and no year is in all of them",
  crowded: "{topics} must {all}be discussed {years}{windows}{beforeLast}, but {meetings}.",
  both: "both ",
  all: "all ",
  beforeLast: ", before topic {topic}, which must be last",
  last: "Topic {topic} must be at the last meeting with a fixed topic (its {articles} is cross-cutting){window}",
  lastWindow: " and must be discussed {windows}",
  meetingOf: "the meeting of {year}",
  lastHeld: "{intro}, but {meeting} was already held with a fixed topic.",
  cannotBefore: "{topics} cannot be discussed before {year}",
  othersBefore: "the other topics cannot all be discussed before {year}",
  but: "{intro}, but {blocker}.",
  "leaveOut.one": "{Topics} is the topic that does not fit: with every other topic, a clean plan is possible.",
  "leaveOut.other":
    "{Topics} are the fewest topics that do not fit: with every other topic, a clean plan is possible; with any " +
    "of them, it is not.",
  noTopic: "no fixed topic",
  thisTopic: "topic {topic} itself",
  topic: "topic {topic}",
  topics: "topics {topics} and {last}",
  cancelled: "{meeting} is cancelled",
  postponed: "{meeting} is postponed",
  cancelledWhatIf: "{meeting} is taken as cancelled in this what-if check",
  heldWith: "{meeting} was already held ({now})",
  nowHas: "{meeting} has {now}",
  asItStands: ": in the workplan as it stands, {meetings}",
  "canAppend.one": "a meeting can be appended in {years}",
  "canAppend.other": "meetings can be appended in {years}",
  noMeeting: ", and no meeting is in those years",
  span: "Topic {topic} must be discussed {years}{where}.",
  "appended.one": "a meeting appended in {years}",
  "appended.other": "meetings appended in {years}",
  "held.one": "; {meetings} was already held",
  "held.other": "; {meetings} were already held",
  "isCancelled.one": "; {meetings} is cancelled",
  "isCancelled.other": "; {meetings} are cancelled",
  "isPostponed.one": "; {meetings} is postponed",
  "isPostponed.other": "; {meetings} are postponed",
  "whatIfCancelled.one": "; {meetings} is taken as cancelled in this what-if check",
  "whatIfCancelled.other": "; {meetings} are taken as cancelled in this what-if check",
  noOpen: "no meeting in those years can take a fixed topic",
  open: "only {meetings} in those years can take a fixed topic",
  window: "{years} for {cluster}, whose review is expected to end in {end}",
  windowOf: "the window of {cluster}, whose review is expected to end in {end}",
  whatIfEnd: "{year} in this what-if check",
  and: " and ",
  in: "in {year}",
  between: "between {from} and {to}",
  settings:
    "The Settings table does not give {settings} as a whole number of years, so the cluster windows are unknown: " +
    "set it, then ask for a proposal again.",
  clusters:
    "The review years of cluster {clusters} cannot be read from the Clusters table, so the window of {topics} is " +
    "unknown: correct the Clusters table, then ask for a proposal again.",
  "unfixable.one": "The plan has an error that rescheduling topics cannot fix; correct it first: {errors}",
  "unfixable.other": "The plan has errors that rescheduling topics cannot fix; correct them first: {errors}",
  stillFindings: "The best timeline found still has findings: {findings}",
  // Why each topic moves (propose/reasons.ts).
  atNoMeeting: "it was at no meeting",
  yearUnread: "it was at {meeting}, whose year cannot be read",
  wasCancelled: "it was at {meeting}, which is cancelled",
  rescheduled:
    "rescheduled with the other topics so that every topic keeps its cluster windows with the fewest changes",
  early: "the review of {cluster} {reviewEnd}, so the earliest acceptable year is {year}; it was at {meeting}",
  late: "the review of {cluster} {reviewEnd}, so the latest acceptable year is {year}; it was at {meeting}",
  mustBeLast: "{articles} is cross-cutting, so topic {topic} must be at the last meeting with a fixed topic",
  staysLast: "topic {topic} stays the last topic ({articles} is cross-cutting){now}",
  nowThat: " now that topic {topic} is at {meeting}",
  room: "makes room for topic {topic} at {meeting}",
  order: "keeps the order of topics after topic {topic}{now}",
  nowAt: ", now at {meeting}",
  appendedRow: "appended to keep one meeting a year; no fixed topic fits this year",
  notInTopics: "topic {topic} is not in the Topics table",
  discussed: "topic {topic} was already discussed at {meeting}",
  movesTo: "topic {topic} moves to {meeting}",
  stays: "topic {topic} stays at {meeting}",
  leftOut: "topic {topic} is left out",
  "numberedOn.one": "becomes the {n} meeting: meetings are numbered as they are held, and {freed} does not take place",
  "numberedOn.other": "becomes the {n} meeting: meetings are numbered as they are held, and {freed} do not take place",
  numberedFrom: "becomes the {n} meeting: meetings are numbered as they are held, one after another from {from}",
} as const;
