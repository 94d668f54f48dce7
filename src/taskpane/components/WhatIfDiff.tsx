/** What a what-if slip changes before anything is written: the findings that appear and those that disappear. */
import { Caption1, Text, makeStyles, tokens } from "@fluentui/react-components";
import { findingCellName } from "../../domain/findings";
import type { Finding, Plan } from "../../domain/model";
import type { FindingDiff } from "../../domain/whatIf";
import { findingText } from "../findingText";
import { message, messageCount } from "../messages";
import { SeverityIcon } from "./severity";

const useStyles = makeStyles({
  diff: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: {
    margin: 0,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  item: {
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderLeft: `${tokens.strokeWidthThicker} solid`,
    overflowWrap: "anywhere",
  },
  // A finding that would appear is edged in its severity's colour; one that would go, in green.
  appeared: { backgroundColor: tokens.colorNeutralBackground2 },
  disappeared: {
    borderLeftColor: tokens.colorPaletteGreenBorder2,
    backgroundColor: tokens.colorPaletteGreenBackground1,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorder2 },
  warning: { borderLeftColor: tokens.colorPaletteMarigoldBorder2 },
  info: { borderLeftColor: tokens.colorPaletteBlueBorderActive },
  line: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalXS },
  meta: { color: tokens.colorNeutralForeground2 },
  headline: { fontWeight: tokens.fontWeightSemibold },
  summary: { cursor: "pointer", color: tokens.colorNeutralForeground2, fontSize: tokens.fontSizeBase200 },
});

function Group({
  title,
  findings,
  kind,
  plan,
}: {
  title: string;
  findings: readonly Finding[];
  kind: "appeared" | "disappeared";
  /** The plan the findings are of (the what-if's for those that appear, the workbook's for those that go). */
  plan: Plan | null;
}) {
  const styles = useStyles();
  if (findings.length === 0) return null;
  return (
    <section aria-label={message("diff.group", { title, count: findings.length })}>
      <h3 className={styles.heading}>{message("diff.group", { title, count: findings.length })}</h3>
      <ul className={styles.list}>
        {findings.map((finding, i) => (
          <li
            key={`${finding.rule}-${finding.cell ?? ""}-${i}`}
            className={`${styles.item} ${styles[kind]} ${kind === "appeared" ? styles[finding.severity] : ""}`}
          >
            {/* The severity as the findings list shows it (icon and word), then the headline in plain words. */}
            <div className={styles.line}>
              <SeverityIcon severity={finding.severity} />
              <Text size={200}>
                {message("diff.severity", { severity: message(`severity.${finding.severity}`) })}{" "}
                <span className={styles.headline}>{findingText(finding, plan).headline}</span>
              </Text>
            </div>
            <details>
              <summary className={styles.summary}>{message("finding.details")}</summary>
              <Text size={200}>{finding.message}</Text>
              <br />
              <Caption1 className={styles.meta}>
                {finding.severity} · {finding.rule}
                {findingCellName(finding) ? ` · ${findingCellName(finding)}` : ""}
              </Caption1>
            </details>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "2 findings would appear, 1 would disappear." — what the polite live region says after each step. */
export function diffSummary(diff: FindingDiff): string {
  const { appeared, disappeared } = diff;
  if (appeared.length === 0 && disappeared.length === 0) return message("diff.none");
  const n = (count: number) => messageCount("diff.finding", count);
  return message("diff.summary", { appeared: n(appeared.length), disappeared: disappeared.length });
}

export function WhatIfDiff({ diff, plan, before }: { diff: FindingDiff; plan: Plan | null; before: Plan | null }) {
  const styles = useStyles();
  return (
    <div className={styles.diff} role="group" aria-label={message("diff.label")}>
      <Text aria-live="polite" weight="semibold">
        {diffSummary(diff)}
      </Text>
      <Group title={message("diff.appear")} findings={diff.appeared} kind="appeared" plan={plan} />
      <Group title={message("diff.disappear")} findings={diff.disappeared} kind="disappeared" plan={before} />
    </div>
  );
}
