/**
 * The proposed timeline as a compact diff (meeting and year, current → proposed fixed topic, the
 * reason), appended meetings marked and moved topics highlighted; or, when no clean plan exists,
 * why, and the widening of a setting that would allow one.
 */
import { Button, Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { SETTING_NAMES } from "../../domain/layout";
import { ordinal } from "../../domain/parse";
import type { MeetingChange, Proposal } from "../../domain/propose";
import type { Plan } from "../../domain/model";
import { proposalTotals } from "../../domain/proposalSheet";
import { message } from "../messages";
import { Becomes } from "./Becomes";
import { appendedWarning, outcomeLine, plainReason, topicWords } from "../proposalText";
import { FlexibleCandidates } from "./FlexibleCandidates";
import { Notice } from "./Notice";
import { SECTION_HEADING } from "./styles";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: SECTION_HEADING,
  table: {
    width: "100%",
    borderCollapse: "collapse",
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  th: {
    textAlign: "left",
    fontWeight: tokens.fontWeightSemibold,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
  },
  td: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    whiteSpace: "nowrap",
  },
  reason: {
    padding: `0 ${tokens.spacingHorizontalXS} ${tokens.spacingVerticalXS}`,
    color: tokens.colorNeutralForeground2,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  moved: { backgroundColor: tokens.colorPaletteYellowBackground2, fontWeight: tokens.fontWeightSemibold },
  appended: { fontStyle: "italic" },
  tag: {
    marginLeft: tokens.spacingHorizontalXS,
    padding: `0 ${tokens.spacingHorizontalXS}`,
    borderRadius: tokens.borderRadiusSmall,
    backgroundColor: tokens.colorBrandBackground2,
    color: tokens.colorBrandForeground2,
    fontSize: tokens.fontSizeBase100,
    fontStyle: "normal",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  topic: {
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    verticalAlign: "top",
    overflowWrap: "anywhere",
  },
  was: { display: "block", color: tokens.colorNeutralForeground2 },
  after: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalS,
    borderTop: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
});

const AFTER_ID = "proposal-after-bureau";

/** The fixed topic's change: added, kept under a new number, emptied by a cancellation, or moved. */
function TopicChange({ change, plan }: { change: MeetingChange; plan: Plan | null }) {
  const styles = useStyles();
  if (change.appended) return <>{message("proposal.added", { topic: topicWords(change.proposed, plan) })}</>;
  if (change.current === change.proposed)
    return <>{message("proposal.same", { topic: topicWords(change.current, plan) })}</>;
  const proposed =
    change.cancelled && change.proposed === null
      ? message("proposal.cancelledNone")
      : topicWords(change.proposed, plan);
  return (
    <>
      {topicWords(change.current, plan)} <Becomes />
      <span className={change.proposed !== null ? styles.moved : undefined}>{proposed}</span>
    </>
  );
}

function ChangeRows({ change, plan }: { change: MeetingChange; plan: Plan | null }) {
  const styles = useStyles();
  // The number the proposal gives the meeting, with its old one after a cancellation, as the proposal sheet says it.
  const number = change.renumbered ?? change.meeting;
  const reason = change.reason
    ? plainReason(change.reason)
    : change.renumbered !== null
      ? message("proposal.renumbered")
      : null;
  const tag = change.appended ? "proposal.appended" : change.cancelled ? "proposal.cancelled" : null;
  return (
    <>
      <tr className={change.appended ? styles.appended : undefined}>
        <td className={styles.td}>
          {number === null ? "?" : ordinal(number)}
          {change.renumbered !== null && change.meeting !== null ? (
            <span className={styles.was}> {message("proposal.was", { was: ordinal(change.meeting) })}</span>
          ) : null}
          {tag ? <span className={styles.tag}>{message(tag)}</span> : null}
        </td>
        <td className={styles.td}>{change.year ?? "?"}</td>
        <td className={styles.topic}>
          <TopicChange change={change} plan={plan} />
        </td>
      </tr>
      {reason ? (
        <tr>
          <td colSpan={3} className={styles.reason}>
            {reason}
          </td>
        </tr>
      ) : null}
    </>
  );
}

export interface ProposalPanelProps {
  proposal: Proposal;
  /** The plan the proposal was made for: the topics' titles. */
  plan?: Plan | null;
  busy: boolean;
  /** Whether Apply is offered: not for a what-if with cancelled meetings, which the Workplan table does not record. */
  canApply?: boolean;
  /** Whether the workplan the proposal was asked for has warnings but no error (then it may be kept). */
  onlyWarnings?: boolean;
  onWrite(): void;
  onApply(): void;
}

export function ProposalPanel(props: ProposalPanelProps) {
  const { proposal, plan = null, busy, canApply = true, onlyWarnings = false, onWrite, onApply } = props;
  const styles = useStyles();
  if (!proposal.feasible) {
    return (
      <Notice intent="warning" title={message("proposal.infeasible")}>
        {proposal.reason}
        {proposal.relaxations.length > 0 ? (
          <ul aria-label={message("proposal.relaxations")}>
            {proposal.relaxations.map((r) => (
              <li key={r.setting}>
                {message("proposal.relaxation", { setting: SETTING_NAMES[r.setting], value: r.value })}
              </li>
            ))}
          </ul>
        ) : null}
        {onlyWarnings ? <p>{message("proposal.noError")}</p> : null}
      </Notice>
    );
  }
  // Listed: a meeting whose fixed topic or number changes, or that the proposal adds.
  const changes = proposal.meetings.filter((m) => m.appended || m.current !== m.proposed || m.renumbered !== null);
  const { error, warning: warnings, info } = proposal.after;
  const warning = appendedWarning(proposal);
  return (
    <section className={styles.panel} aria-label={message("proposal.heading")}>
      <h2 className={styles.heading}>{message("proposal.heading")}</h2>
      <Text weight="semibold">{outcomeLine(proposal)}</Text>
      {proposal.proven ? null : <Notice intent="info">{message("proposal.notProven")}</Notice>}
      {warning ? <Notice intent="warning">{warning}</Notice> : null}
      {changes.length > 0 ? (
        <table className={styles.table} aria-label={message("proposal.table")}>
          <thead>
            <tr>
              <th className={styles.th} scope="col">
                {message("proposal.meeting")}
              </th>
              <th className={styles.th} scope="col">
                {message("proposal.year")}
              </th>
              <th className={styles.th} scope="col">
                {message("proposal.topic")}
              </th>
            </tr>
          </thead>
          <tbody>
            {changes.map((change, i) => (
              <ChangeRows key={`${change.meeting ?? "?"}-${i}`} change={change} plan={plan} />
            ))}
          </tbody>
        </table>
      ) : null}
      <FlexibleCandidates meetings={proposal.meetings} plan={plan} />
      <Caption1>{message("proposal.after", { errors: error, warnings, info })}</Caption1>
      <details>
        <summary>{message("proposal.how")}</summary>
        <Caption1>{proposalTotals(proposal)}</Caption1>
      </details>
      <div className={styles.actions}>
        <Button appearance="primary" disabledFocusable={busy} onClick={onWrite}>
          {message("proposal.write")}
        </Button>
      </div>
      {changes.length > 0 && !canApply ? <Caption1>{message("proposal.noApply")}</Caption1> : null}
      {changes.length > 0 && canApply ? (
        <div className={styles.after}>
          <Caption1 id={AFTER_ID}>{message("proposal.afterBureau")}</Caption1>
          <Button aria-describedby={AFTER_ID} disabledFocusable={busy} onClick={onApply}>
            {message("proposal.apply")}
          </Button>
        </div>
      ) : null}
    </section>
  );
}
