/**
 * The Meetings what-if, beside the Clusters one: cancel any planned meeting for this what-if
 * (domain.md §3, cancelled meetings). Worked out in the pane, without asking Excel; nothing is
 * written to the workbook.
 */
import { Caption1, Checkbox, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { ordinal } from "../../domain/parse";

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  hint: { color: tokens.colorNeutralForeground2 },
  list: { listStyleType: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column" },
});

export interface MeetingsPanelProps {
  meetings: readonly { meeting: number; year: number | null }[];
  cancelled: ReadonlySet<number>;
  onChange(meeting: number, cancelled: boolean): void;
}

export function MeetingsPanel({ meetings, cancelled, onChange }: MeetingsPanelProps) {
  const styles = useStyles();
  const headingId = useId();
  if (meetings.length === 0) return null;
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        Meetings
      </h2>
      <Caption1 className={styles.hint}>
        Cancel a planned meeting to see what it does to the plan. Nothing is written to the workbook.
      </Caption1>
      <ul className={styles.list}>
        {meetings.map(({ meeting, year }) => (
          <li key={meeting}>
            <Checkbox
              checked={cancelled.has(meeting)}
              label={`Cancel the ${ordinal(meeting)} meeting${year !== null ? ` (${year})` : ""}`}
              onChange={(_, data) => onChange(meeting, data.checked === true)}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
