import { defineRule, capitalize, describeMeeting, describeTopic, years } from "../findings";
import { describeCluster, describeReviewEnd, windowBreaches } from "../windows";

export const clusterTooEarly = defineRule({
  id: "cluster-too-early",
  severity: "error",
  source: "P§18, P§4, P§49",
  summary: "A fixed topic is discussed before (expected review end − earliest) of the cluster of any of its articles.",
  check(plan) {
    return windowBreaches(plan, (year, window) => year < window.from).map(({ meeting, topic, year, window }) => ({
      at: meeting.at.topic,
      meeting,
      topic,
      message:
        `${capitalize(describeTopic(plan, topic))} is at ${describeMeeting(meeting)}, before the review ` +
        `of ${describeCluster(window.cluster)} is finalized or finalizing: ` +
        (`that review ${describeReviewEnd(window.cluster)}, so the earliest acceptable year ` +
          `is ${window.from}, ${years(window.from - year)} after this meeting.`),
    }));
  },
});
