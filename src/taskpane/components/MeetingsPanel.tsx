/**
 * The Meetings what-if, beside the Clusters one: cancel any planned meeting for this what-if
 * (domain.md §3, cancelled meetings). Worked out in the pane, without asking Excel; nothing is
 * written to the workbook.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { useId, type ReactNode } from "react";
import { ordinal } from "../../domain/parse";
import { message } from "../messages";
import { SECTION_HEADING, CHECK_BOX } from "./styles";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: SECTION_HEADING,
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
  option: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    minHeight: "32px",
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    cursor: "pointer",
  },
  box: CHECK_BOX,
});

export interface MeetingsPanelProps {
  meetings: readonly { meeting: number; year: number | null }[];
  cancelled: ReadonlySet<number>;
  /** What the what-if changes, under the meeting `diffAt`. */
  diff?: ReactNode;
  diffAt?: number;
  onChange(meeting: number, cancelled: boolean): void;
}

export function MeetingsPanel({ meetings, cancelled, diff, diffAt, onChange }: MeetingsPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  if (meetings.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {message("meetings.heading")}
      </h2>
      <Caption1 className={styles.hint}>{message("meetings.hint")}</Caption1>
      <ul className={styles.list}>
        {meetings.map(({ meeting, year }) => (
          <li key={meeting}>
            {/* A native check box: Fluent's would cost the pane's script about 2 kB it cannot spare. */}
            <label className={styles.option}>
              <input
                type="checkbox"
                className={styles.box}
                checked={cancelled.has(meeting)}
                onChange={(event) => onChange(meeting, event.currentTarget.checked)}
              />
              {year !== null
                ? message("meetings.cancelIn", { meeting: ordinal(meeting), year })
                : message("meetings.cancel", { meeting: ordinal(meeting) })}
            </label>
            {meeting === diffAt ? diff : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
