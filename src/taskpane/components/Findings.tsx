/** The findings of a check, grouped by severity (errors first) with their counts; or "No conflicts". */
import { MessageBar, MessageBarBody, MessageBarTitle, makeStyles, tokens } from "@fluentui/react-components";
import { SEVERITY_STYLE } from "../../domain/annotations";
import type { Finding, Severity } from "../../domain/model";
import type { Summary } from "../../domain/check";
import { FindingItem } from "./FindingItem";

const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
const GROUP_NAME: Readonly<Record<Severity, string>> = { error: "Errors", warning: "Warnings", info: "Info" };

const useStyles = makeStyles({
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase400,
    lineHeight: tokens.lineHeightBase400,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
});

export interface FindingsProps {
  findings: readonly Finding[];
  summary: Summary;
  onGoTo(sheet: string, cell: string): void;
}

export function Findings({ findings, summary, onGoTo }: FindingsProps) {
  const styles = useStyles();
  if (findings.length === 0) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>No conflicts</MessageBarTitle>
          The workplan follows every rule.
        </MessageBarBody>
      </MessageBar>
    );
  }
  return (
    <div className={styles.findings}>
      {SEVERITIES.filter((severity) => summary[severity] > 0).map((severity) => (
        <section
          key={severity}
          className={`${styles.group} ${styles[severity]}`}
          aria-labelledby={`findings-${severity}`}
        >
          <h2 id={`findings-${severity}`} className={styles.heading}>
            {GROUP_NAME[severity]} ({summary[severity]})
          </h2>
          <ul className={styles.list} aria-label={`${SEVERITY_STYLE[severity].label} findings`}>
            {findings
              .filter((finding) => finding.severity === severity)
              .map((finding, i) => (
                <FindingItem
                  key={`${finding.rule}-${finding.sheet ?? ""}-${finding.cell ?? ""}-${i}`}
                  finding={finding}
                  onGoTo={onGoTo}
                />
              ))}
          </ul>
        </section>
      ))}
    </div>
  );
}
