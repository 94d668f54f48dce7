/**
 * The proposal in plain words for the planners and the Bureau: the outcome first ("The workplan
 * would end in 2034 instead of 2032: two more meetings"), topics with their titles, "no fixed topic
 * (flexible topic only)" instead of "none", reasons without rule ids, and a warning when more than
 * two meetings are appended. Pure; the solver's vocabulary stays in the details (proposalTotals).
 */
import type { MeetingChange, Proposal } from "../domain/propose";
import type { Plan } from "../domain/model";

type Clean = Extract<Proposal, { feasible: true }>;

const WORDS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];

function count(n: number, one: string, many: string): string {
  return `${WORDS[n] ?? String(n)} ${n === 1 ? one : many}`;
}

function lastYear(meetings: readonly MeetingChange[], which: "current" | "proposed"): number | null {
  const years = meetings
    .filter((m) => (which === "current" ? !m.appended : true) && m[which] !== null && m.year !== null)
    .map((m) => m.year as number);
  return years.length > 0 ? Math.max(...years) : null;
}

/** "The workplan would end in 2034 instead of 2032: two more meetings." */
export function outcomeLine(proposal: Clean): string {
  if (proposal.moved === 0 && proposal.appendedMeetings === 0)
    return "No change needed: every topic already sits inside its cluster windows.";
  const before = lastYear(proposal.meetings, "current");
  const after = lastYear(proposal.meetings, "proposed");
  const moved = `${count(proposal.moved, "topic moves", "topics move")} to another meeting`;
  if (proposal.appendedMeetings === 0 || before === null || after === null || after === before)
    return `The workplan would keep its meetings: ${moved}.`;
  return (
    `The workplan would end in ${after} instead of ${before}: ` +
    `${count(proposal.appendedMeetings, "more meeting", "more meetings")}, and ${moved}.`
  );
}

/** A warning when the proposal appends more than two meetings; null otherwise. */
export function appendedWarning(proposal: Clean): string | null {
  const n = proposal.appendedMeetings;
  if (n <= 2) return null;
  const years = proposal.meetings.filter((m) => m.appended && m.year !== null).map((m) => m.year as number);
  const until = years.length > 0 ? `, up to ${Math.max(...years)}` : "";
  return (
    `This proposal adds ${count(n, "meeting", "meetings")}${until}, one a year after the last. ` +
    "Check whether the slip is right and whether the Bureau would rather widen a window or drop a topic."
  );
}

/** "topic 6, Record-keeping; marking" or "no fixed topic (flexible topic only)". */
export function topicWords(topic: number | null, plan: Plan | null): string {
  if (topic === null) return "no fixed topic (flexible topic only)";
  const title = plan?.topics.get(topic)?.title;
  return title ? `topic ${topic}, ${title}` : `topic ${topic}`;
}

/** The reason without the rule id the solver puts first ("cluster-too-early: …" → "…"). */
export function plainReason(reason: string): string {
  const text = reason.replace(/^\(appended\)\s*/, "").replace(/^[a-z]+(?:-[a-z]+)+:\s*/, "");
  return text.charAt(0).toUpperCase() + text.slice(1);
}
