/**
 * The status line: when a check wrote the workbook's highlights (the UTC time it wrote above the
 * Conflicts table, shown in the reader's time zone), whether it took what-if values, and whether the
 * highlights show the findings. The counts are the summary's, and the expected review ends the
 * Clusters panel's: never repeated here, where they could disagree after a what-if.
 */
import { Caption1, makeStyles, tokens } from "@fluentui/react-components";
import { NOT_CHECKED_CAPTION, WHAT_IF_MARK } from "../../domain/annotations";
import { asOfExplained, dateAt, stampOf } from "../dates";
import { message } from "../messages";

const useStyles = makeStyles({
  lines: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    color: tokens.colorNeutralForeground2,
  },
  since: { color: tokens.colorNeutralForeground1, fontWeight: tokens.fontWeightSemibold },
});

export interface HeaderProps {
  /** The caption lines of the last check; empty when the workbook has not been checked. */
  lines: readonly string[];
  /** Whether the workbook's highlights show the findings (cleared since, not written, not highlighted yet). */
  since?: string | null;
}

export function Header({ lines, since }: HeaderProps) {
  const styles = useStyles();
  // The lines "create" writes above an empty Conflicts table speak of the table; here, of the workbook.
  const checked = lines.length > 0 && lines[0] !== NOT_CHECKED_CAPTION[0];
  const first = checked ? (lines[0] ?? "") : "";
  // Dates as "1 December 2026", the time in the reader's time zone, and what "as of" means.
  const at = stampOf(first);
  const explained = asOfExplained(first);
  const shown = checked
    ? [
        at ? message("header.written", { at: dateAt(at) }) : first,
        ...lines.filter((line) => line.startsWith(WHAT_IF_MARK)),
        ...(explained ? [explained] : []),
      ]
    : [message("header.notChecked")];
  return (
    <div className={styles.lines} role="group" aria-label={message("header.label")}>
      {shown.map((line) => (
        <Caption1 key={line}>{line}</Caption1>
      ))}
      {since ? <Caption1 className={styles.since}>{since}</Caption1> : null}
    </div>
  );
}
