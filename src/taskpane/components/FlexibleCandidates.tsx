/**
 * The flexible topics that could be taken under agenda item 2 (P§48, P§50(a)): for every planned
 * meeting of the proposal whose agenda item 2 is blank, whether or not its fixed topic changes, the
 * candidates' codes, and what each code stands for on demand. Candidates only: the Bureau chooses.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { ordinal } from "../../domain/parse";
import type { MeetingChange } from "../../domain/propose";
import type { Plan } from "../../domain/model";
import { message } from "../messages";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  list: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalL,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    overflowWrap: "anywhere",
  },
  summary: { cursor: "pointer", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

/** "15th meeting (2029): (a), (b), (c)" — under the number the proposal gives the meeting. */
function candidateLine(m: MeetingChange): string {
  const number = m.renumbered ?? m.meeting;
  const codes = m.flexibleCandidates ?? [];
  return message(m.year === null ? "candidates.at" : "candidates.atYear", {
    meeting: number === null ? "?" : ordinal(number),
    year: m.year ?? "",
    topics:
      codes.length > 0
        ? codes.map((code) => message("proposal.code", { code })).join(", ")
        : message("candidates.none"),
  });
}

export function FlexibleCandidates({ meetings, plan }: { meetings: readonly MeetingChange[]; plan: Plan | null }) {
  const styles = useStyles();
  const headingId = useId();
  const open = meetings.filter((m) => m.flexibleCandidates !== null);
  if (open.length === 0) return null;
  const titles = new Map([...(plan?.flexibleTopics?.values() ?? [])].map((f) => [f.code, f.title]));
  // What the codes stand for, in the FlexibleTopics table's order.
  const listed = new Set(open.flatMap((m) => m.flexibleCandidates ?? []));
  const codes = [...titles.keys()].filter((code) => listed.has(code));
  return (
    <section className={styles.section} aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.heading}>
        {message("candidates.heading")}
      </h3>
      <Caption1 className={styles.hint}>{message("candidates.hint")}</Caption1>
      <ul className={styles.list}>
        {open.map((m, i) => (
          <li key={`${m.meeting ?? "?"}-${i}`}>{candidateLine(m)}</li>
        ))}
      </ul>
      {codes.length > 0 ? (
        <details>
          <summary className={styles.summary}>{message("candidates.codes")}</summary>
          <ul className={styles.list}>
            {codes.map((code) => (
              <li key={code}>{message("candidates.code", { code, title: titles.get(code) ?? "" }).trim()}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
