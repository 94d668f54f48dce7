/**
 * The proposal in plain words for the planners and the Bureau: the outcome first ("The workplan
 * would end in 2034 instead of 2032: two more meetings"), topics with their titles, "no fixed topic
 * (flexible topic only)" instead of "none", reasons without rule ids, and a warning when more than
 * two meetings are appended. Pure; the solver's vocabulary stays in the details (proposalTotals).
 */
import type { MeetingChange, Proposal } from "../domain/propose";
import type { Plan } from "../domain/model";
import { manyAppended, replacedMeetings } from "../domain/proposalSheet";
import { message, messageCount } from "./messages";

type Clean = Extract<Proposal, { feasible: true }>;

const WORDS = message("proposal.numbers").split(", ");

/** "two more meetings": the count in words up to ten, in the message's form for n. */
function count(n: number, stem: "proposal.moved" | "proposal.more" | "proposal.meetings" | "proposal.replace"): string {
  return messageCount(stem, n, { count: WORDS[n] ?? String(n) });
}

function lastYear(meetings: readonly MeetingChange[], which: "current" | "proposed"): number | null {
  const years = meetings
    .filter((m) => (which === "current" ? !m.appended : true) && m[which] !== null && m.year !== null)
    .map((m) => m.year as number);
  return years.length > 0 ? Math.max(...years) : null;
}

/** "The workplan would end in 2034 instead of 2032: two more meetings." */
export function outcomeLine(proposal: Clean): string {
  if (proposal.moved === 0 && proposal.appendedMeetings === 0) {
    const renumbered = proposal.meetings.filter((m) => m.renumbered !== null).length;
    if (renumbered === 0) return message("proposal.noChange");
    const meetings = count(renumbered, "proposal.meetings");
    return message("proposal.renumberOnly", { meetings });
  }
  const before = lastYear(proposal.meetings, "current");
  const after = lastYear(proposal.meetings, "proposed");
  const moved = count(proposal.moved, "proposal.moved");
  if (proposal.appendedMeetings === 0) return message("proposal.keeps", { moved });
  // Meetings appended in the years of cancelled ones replace them (docs/domain.md §3): the end stays.
  if (replacedMeetings(proposal).length > 0 && after !== null) {
    const replace = count(proposal.appendedMeetings, "proposal.replace");
    return message("proposal.stillEnds", { year: after, replace, moved });
  }
  const more = count(proposal.appendedMeetings, "proposal.more");
  if (before === null || after === null || after <= before) return message("proposal.gains", { more, moved });
  return message("proposal.ends", { after, before, more, moved });
}

/** A warning when the proposal appends more than two meetings; null otherwise. */
export function appendedWarning(proposal: Clean): string | null {
  const many = manyAppended(proposal);
  if (!many) return null;
  const meetings = count(many.count, "proposal.meetings");
  return many.lastYear !== null
    ? message("proposal.addsUntil", { meetings, year: many.lastYear })
    : message("proposal.adds", { meetings });
}

/** "topic 6, Record-keeping; marking" or "no fixed topic (flexible topic only)". */
export function topicWords(topic: number | null, plan: Plan | null): string {
  if (topic === null) return message("proposal.flexibleOnly");
  const title = plan?.topics.get(topic)?.title;
  return title ? message("proposal.topicTitle", { topic, title }) : message("proposal.topicNumber", { topic });
}

/** The reason as a sentence, without the rule id the solver puts first ("cluster-too-early: …" → "…."). */
export function plainReason(reason: string): string {
  const text = reason.replace(/^\(appended\)\s*/, "").replace(/^[a-z]+(?:-[a-z]+)+:\s*/, "");
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? "" : ".");
}
