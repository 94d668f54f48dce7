/** One finding: its message, its rule and source paragraph, and a link to its cell. */
import { Caption1, Link, makeStyles, Text, tokens } from "@fluentui/react-components";
import type { Finding } from "../../domain/model";

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
  meta: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "baseline",
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
  },
  source: { color: tokens.colorNeutralForeground2 },
});

export interface FindingItemProps {
  finding: Finding;
  onGoTo(sheet: string, cell: string): void;
}

export function FindingItem({ finding, onGoTo }: FindingItemProps) {
  const styles = useStyles();
  const { sheet, cell } = finding;
  return (
    <li className={styles.item}>
      <Text>{finding.message}</Text>
      <div className={styles.meta}>
        <Caption1 className={styles.source}>
          {finding.source ? `Source: ${finding.source}` : "Source: the workbook's data"} · {finding.rule}
        </Caption1>
        {sheet && cell ? (
          <Link as="button" onClick={() => onGoTo(sheet, cell)}>
            Go to {sheet}!{cell}
          </Link>
        ) : null}
      </div>
    </li>
  );
}
