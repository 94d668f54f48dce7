import type { DataRuleId } from "../findings";
import { articleDuplicate } from "./articleDuplicate";
import { articleUnassigned } from "./articleUnassigned";
import { clusterTooEarly } from "./clusterTooEarly";
import { clusterTooLate } from "./clusterTooLate";
import { clusterUnknown } from "./clusterUnknown";
import { flexibleOverlap } from "./flexibleOverlap";
import { flexibleRepeat } from "./flexibleRepeat";
import { flexibleUnknown } from "./flexibleUnknown";
import { lastTopic } from "./lastTopic";
import { meetingCancelled } from "./meetingCancelled";
import { meetingDuplicate } from "./meetingDuplicate";
import { meetingNumbering } from "./meetingNumbering";
import { meetingSequence } from "./meetingSequence";
import { topicDuplicate } from "./topicDuplicate";
import { topicOrder } from "./topicOrder";
import { topicUnknown } from "./topicUnknown";
import { topicUnscheduled } from "./topicUnscheduled";

/** Every rule of docs/domain.md §2 that reads the plan, in the order of that table. */
export const RULES = [
  clusterTooEarly,
  clusterTooLate,
  lastTopic,
  topicUnscheduled,
  topicDuplicate,
  articleUnassigned,
  articleDuplicate,
  meetingDuplicate,
  meetingSequence,
  topicOrder,
  clusterUnknown,
  topicUnknown,
  flexibleUnknown,
  flexibleRepeat,
  flexibleOverlap,
  meetingCancelled,
  meetingNumbering,
] as const;

/** The id of a rule that reads the plan. */
export type PlanRuleId = (typeof RULES)[number]["id"];

/** The id of any rule a finding can carry: the plan's rules and the data rules. */
export type RuleId = PlanRuleId | DataRuleId;
