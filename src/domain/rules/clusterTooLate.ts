import { defineRule, capitalize, describeMeeting, describeTopic, years } from "../findings";
import { describeCluster, describeReviewEnd, windowBreaches } from "../windows";

export const clusterTooLate = defineRule({
  id: "cluster-too-late",
  severity: "warning",
  source: "P§18",
  summary:
    "A fixed topic is discussed after (expected review end + latest) of the cluster of any of its articles: no " +
    'longer "when, or shortly after" the review.',
  check(plan) {
    return windowBreaches(plan, (year, window) => year > window.to).map(({ meeting, topic, year, window }) => ({
      at: meeting.at.topic,
      meeting,
      topic,
      message:
        `${capitalize(describeTopic(plan, topic))} is at ${describeMeeting(meeting)}, no longer "when, or ` +
        `shortly after" the review of ${describeCluster(window.cluster)}: ` +
        (`that review ${describeReviewEnd(window.cluster)}, so the latest acceptable year ` +
          `is ${window.to}, ${years(year - window.to)} before this meeting.`),
    }));
  },
});
