import { defineRule, capitalize, describeMeeting, describeTopic, years } from "../findings";
import { describeCluster, describeReviewEnd, windowBreaches } from "../windows";
import { say } from "../messages/findings";

export const clusterTooEarly = defineRule({
  id: "cluster-too-early",
  severity: "error",
  source: "P§18, P§4, P§49",
  summary: say("early.rule"),
  check(plan) {
    return windowBreaches(plan, (year, window) => year < window.from).map(({ meeting, topic, year, window }) => ({
      at: meeting.at.topic,
      meeting,
      topic,
      message: say("early", {
        topic: capitalize(describeTopic(plan, topic)),
        meeting: describeMeeting(meeting),
        cluster: describeCluster(window.cluster),
        end: describeReviewEnd(window.cluster),
        year: window.from,
        years: years(window.from - year),
      }),
    }));
  },
});
