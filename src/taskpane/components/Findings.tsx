/**
 * The findings, grouped by severity (errors first) in groups that collapse, each group with its
 * icon and count, under one summary line counted from the list itself; or "No conflicts".
 */
import { Text, makeStyles, tokens } from "@fluentui/react-components";
import { ChevronDown16Regular, ChevronRight16Regular } from "@fluentui/react-icons";
import { useState } from "react";
import type { Finding, Plan, Severity } from "../../domain/model";
import type { WorkbookTables } from "../../domain/tables";
import { findingText, goToLabel } from "../findingText";
import { FindingItem } from "./FindingItem";
import { SEVERITIES, SeverityIcon, summaryLine } from "./severity";
import { message } from "../messages";
import { Notice } from "./Notice";

const useStyles = makeStyles({
  findings: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  group: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    paddingLeft: tokens.spacingHorizontalS,
    "@media (forced-colors: active)": { borderLeftStyle: "double" },
  },
  error: {
    borderLeftColor: tokens.colorPaletteRedBorder2,
    "@media (forced-colors: active)": { borderLeftColor: "Mark" },
  },
  warning: {
    borderLeftColor: tokens.colorPaletteMarigoldBorder2,
    "@media (forced-colors: active)": { borderLeftColor: "Highlight" },
  },
  info: {
    borderLeftColor: tokens.colorPaletteBlueBorderActive,
    "@media (forced-colors: active)": { borderLeftColor: "CanvasText" },
  },
  heading: { margin: 0 },
  toggle: {
    display: "flex",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    width: "100%",
    padding: 0,
    border: "none",
    background: "none",
    color: "inherit",
    cursor: "pointer",
    textAlign: "start",
    fontFamily: "inherit",
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
  /** The plan and tables the findings were found in: for the headlines' windows and the go-to names. */
  plan: Plan | null;
  tables: WorkbookTables | null;
  /** The findings of the what-if, when one is set: the summary says what it brings beside the workbook's. */
  whatIf?: readonly Finding[] | null;
  /** The last read failed: these are the findings of the read before, not said to be current. */
  stale?: boolean;
  onGoTo(sheet: string, cell: string): void;
  onPoint?(finding: Finding): void;
}

function Group({ severity, findings, plan, tables, onGoTo, onPoint }: FindingsProps & { severity: Severity }) {
  const styles = useStyles();
  const [open, setOpen] = useState(true);
  const id = `findings-${severity}`;
  return (
    <section className={`${styles.group} ${styles[severity]}`} aria-labelledby={id}>
      <h2 className={styles.heading}>
        <button
          id={id}
          type="button"
          className={styles.toggle}
          aria-expanded={open}
          aria-controls={`${id}-list`}
          onClick={() => setOpen(!open)}
        >
          {open ? <ChevronDown16Regular aria-hidden /> : <ChevronRight16Regular aria-hidden />}
          <SeverityIcon severity={severity} />
          {message(`findings.group.${severity}`, { count: findings.length })}
        </button>
      </h2>
      <ul id={`${id}-list`} className={styles.list} aria-label={message(`findings.list.${severity}`)} hidden={!open}>
        {findings.map((finding, i) => (
          <FindingItem
            key={`${finding.rule}-${finding.sheet ?? ""}-${finding.cell ?? ""}-${i}`}
            finding={finding}
            text={findingText(finding, plan)}
            goTo={goToLabel(finding, tables)}
            onGoTo={onGoTo}
            onPoint={onPoint}
          />
        ))}
      </ul>
    </section>
  );
}

export function Findings(props: FindingsProps) {
  const styles = useStyles();
  const { findings, whatIf, stale } = props;
  if (findings.length === 0 && !whatIf?.length) {
    if (stale) return <Text>{message("findings.noneThen")}</Text>;
    return (
      <Notice intent="success" title={message("findings.none")}>
        {message("findings.noneText")}
      </Notice>
    );
  }
  return (
    <div className={styles.findings}>
      <Text weight="semibold">{findings.length > 0 ? summaryLine(findings) : message("findings.noneHere")}</Text>
      {whatIf ? <Text>{summaryLine(whatIf, "findings.whatIf")}</Text> : null}
      {SEVERITIES.map((severity) => {
        const group = findings.filter((finding) => finding.severity === severity);
        return group.length > 0 ? <Group key={severity} {...props} severity={severity} findings={group} /> : null;
      })}
    </div>
  );
}
