import { defineRule, capitalize, describeMeeting, describeTopic, years } from "../findings";
import { describeCluster, describeReviewEnd, windowBreaches } from "../windows";
import { say } from "../messages/findings";

export const clusterTooLate = defineRule({
  id: "cluster-too-late",
  severity: "warning",
  source: "P§18",
  summary: say("late.rule"),
  check(plan) {
    return windowBreaches(plan, (year, window) => year > window.to).map(({ meeting, topic, year, window }) => ({
      at: meeting.at.topic,
      meeting,
      topic,
      message: say("late", {
        topic: capitalize(describeTopic(plan, topic)),
        meeting: describeMeeting(meeting),
        cluster: describeCluster(window.cluster),
        end: describeReviewEnd(window.cluster),
        year: window.to,
        years: years(year - window.to),
      }),
    }));
  },
});
