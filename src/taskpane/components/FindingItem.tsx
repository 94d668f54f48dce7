/**
 * One finding as a planner scans it: the headline, what would fix it, the go-to action named after
 * the meeting and agenda item, and an expandable detail with the full explanation and the source.
 */
import { Caption1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import { findingCellName } from "../../domain/findings";
import type { Finding } from "../../domain/model";
import { sourceInWords } from "../../domain/sources";
import type { FindingText } from "../findingText";
import { message } from "../messages";

const useStyles = makeStyles({
  item: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  headline: { fontWeight: tokens.fontWeightSemibold },
  detail: { color: tokens.colorNeutralForeground2 },
  summary: { cursor: "pointer", color: tokens.colorNeutralForeground2 },
  source: { color: tokens.colorNeutralForeground2, display: "block", marginTop: tokens.spacingVerticalXXS },
  link: {
    alignSelf: "flex-start",
    "@media (forced-colors: active)": { color: "LinkText", textDecoration: "underline" },
  },
});

export interface FindingItemProps {
  finding: Finding;
  text: FindingText;
  /** The go-to action's name ("Go to the 15th meeting, agenda item 3"); null when it has no cell. */
  goTo: string | null;
  onGoTo(sheet: string, cell: string): void;
  /** Focus moved into the finding (its go-to, its details): the timeline shows its meeting. */
  onPoint?(finding: Finding): void;
}

export function FindingItem({ finding, text, goTo, onGoTo, onPoint }: FindingItemProps) {
  const styles = useStyles();
  const { sheet, cell } = finding;
  return (
    <li className={styles.item} onFocus={onPoint ? () => onPoint(finding) : undefined}>
      <Text className={styles.headline}>{text.headline}</Text>
      {text.fix ? <Text>{message("finding.fix", { fix: text.fix })}</Text> : null}
      {goTo && sheet && cell ? (
        <Link as="button" className={styles.link} onClick={() => onGoTo(sheet, cell)}>
          {goTo}
        </Link>
      ) : null}
      <details className={styles.detail}>
        <summary className={styles.summary}>{message("finding.details")}</summary>
        <Text as="p">{text.detail}</Text>
        {/* The quote carries its own marks and paragraph ids (the Sources table). */}
        {text.quote ? <Text as="p">{text.quote}</Text> : null}
        <Caption1 className={styles.source}>
          {finding.source
            ? message("finding.source", { source: sourceInWords(finding.source) ?? finding.source, rule: finding.rule })
            : message("finding.sourceData", { rule: finding.rule })}
          {findingCellName(finding) ? ` · ${findingCellName(finding)}` : ""}
        </Caption1>
      </details>
    </li>
  );
}
