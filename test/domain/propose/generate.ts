/**
 * Generated small plans for property tests: meetings one a year (now and then a gap), the first
 * ones held, topics whose articles fall in up to two of three clusters, at most one topic with a
 * "last" article, expected review ends anywhere around the meetings (slips either way), window
 * settings of a few years, and current topics at random: misplaced, duplicated, missing, unknown.
 * With `cancelled`, some meetings after the held ones are cancelled rows (now and then with a
 * replacement meeting in the same year), numbered as the table had them before the cancellation.
 */
import fc from "fast-check";
import type { PlanSpec } from "./planBuilder";

export const FIRST_YEAR = 2020;

export function planSpecs(maxTopics: number, maxMeetings: number, withCancelled = false): fc.Arbitrary<PlanSpec> {
  const fields = {
    gaps: fc.array(fc.oneof({ weight: 5, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: fc.constant(2) }), {
      minLength: 1,
      maxLength: maxMeetings,
    }),
    heldShare: fc.double({ min: 0, max: 0.6, noNaN: true }),
    topicCount: fc.integer({ min: 1, max: maxTopics }),
    clusters: fc.array(fc.subarray([1, 2, 3], { maxLength: 2 }), { minLength: maxTopics, maxLength: maxTopics }),
    lastTopic: fc.option(fc.integer({ min: 0, max: maxTopics - 1 }), { nil: null }),
    ends: fc.array(fc.integer({ min: FIRST_YEAR - 1, max: FIRST_YEAR + maxMeetings + 2 }), {
      minLength: 3,
      maxLength: 3,
    }),
    earliest: fc.integer({ min: 0, max: 3 }),
    latest: fc.integer({ min: 0, max: 3 }),
    current: fc.array(fc.option(fc.integer({ min: 1, max: maxTopics + 1 }), { nil: null, freq: 4 }), {
      minLength: maxMeetings,
      maxLength: maxMeetings,
    }),
  };
  // Without cancelled rows the arbitrary is exactly the one the existing seeds were chosen for.
  const cancel = fc.array(fc.integer({ min: 0, max: 5 }), { minLength: maxMeetings, maxLength: maxMeetings });
  const drawn = withCancelled
    ? fc.record({ ...fields, cancel })
    : fc.record(fields).map((r) => ({ ...r, cancel: [] as number[] }));
  return drawn.map(({ cancel, gaps, heldShare, topicCount, clusters, lastTopic, ends, earliest, latest, current }) => {
    let year = FIRST_YEAR;
    const held = Math.floor(gaps.length * heldShare);
    const meetings: PlanSpec["meetings"] = [];
    gaps.forEach((gap, i) => {
      // A replacement meeting in the year of the cancelled row before it (1 in 5 of those rows).
      const replacement = meetings[meetings.length - 1]?.cancelled === true && cancel[i] === 1;
      year += i === 0 || replacement ? 0 : gap;
      // maxTopics + 1 is never in the Topics table: a topic-unknown for the proposal to clear.
      const topic = current[i] ?? null;
      meetings.push({
        ordinal: 10 + i,
        year,
        held: i < held,
        topic: topic !== null && topic > topicCount && topic !== maxTopics + 1 ? null : topic,
        // Cancelled: 1 in 3 of the meetings after the held ones.
        ...(i >= held && (cancel[i] ?? 0) >= 4 ? { cancelled: true } : {}),
      });
    });
    const topics = Array.from({ length: topicCount }, (_, i) => ({
      number: i + 1,
      clusters: clusters[i] ?? [],
      last: lastTopic === i,
    }));
    return {
      meetings,
      topics,
      expectedEnd: { 1: ends[0] as number, 2: ends[1] as number, 3: ends[2] as number },
      earliest,
      latest,
    };
  });
}
