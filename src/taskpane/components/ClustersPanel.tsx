/**
 * The Clusters panel: each cluster's planned and expected review end, the slip in years, and a
 * spin button for the expected end (a what-if: nothing is written until "Save expected dates").
 */
import { useId, type ReactNode } from "react";
import {
  Button,
  Caption1,
  SpinButton,
  Text,
  makeStyles,
  tokens,
  type SpinButtonOnChangeData,
} from "@fluentui/react-components";
import { slipText } from "../../domain/apply";
import { slipCountText, type ClusterRow } from "../state";
import { message } from "../messages";
import { SECTION_HEADING } from "./styles";

export type { ClusterRow };

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: SECTION_HEADING,
  hint: { color: tokens.colorNeutralForeground2 },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    alignItems: "center",
    columnGap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  name: { display: "flex", flexDirection: "column", minWidth: 0, overflowWrap: "anywhere" },
  spin: { width: "96px" },
  slipped: { color: tokens.colorPaletteMarigoldForeground2, fontWeight: tokens.fontWeightSemibold },
  changed: { boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 ${tokens.colorPaletteMarigoldBorderActive}` },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  under: { gridColumn: "1 / -1", paddingTop: tokens.spacingVerticalS },
});

export interface ClustersPanelProps {
  clusters: readonly ClusterRow[];
  /** The findings each slipped cluster's slip alone adds (negative: removes). */
  counts?: ReadonlyMap<number, number>;
  /** What the what-if changes: under the cluster `diffAt`, or under the list when no cluster is that one. */
  diff?: ReactNode;
  diffAt?: number;
  busy: boolean;
  onChange(cluster: number, year: number): void;
  onSave(): void;
  onReset(): void;
}

/** The years a spin button offers: a generous span around the planned end. */
const SPAN = 15;

function ClusterItem({
  cluster,
  count,
  under,
  onChange,
}: {
  cluster: ClusterRow;
  count: number | undefined;
  under: ReactNode;
  onChange(cluster: number, year: number): void;
}) {
  const styles = useStyles();
  const slipId = useId();
  const slip = slipText(cluster.expected, cluster.plannedEnd);
  const change = (_: unknown, data: SpinButtonOnChangeData) => {
    const typed = data.value ?? (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : Number.NaN);
    if (Number.isInteger(typed))
      onChange(cluster.number, Math.min(cluster.plannedEnd + SPAN, Math.max(cluster.plannedEnd - SPAN, typed)));
  };
  return (
    <li className={`${styles.row} ${cluster.expected !== cluster.inWorkbook ? styles.changed : ""}`}>
      <div className={styles.name}>
        <Text weight="semibold">
          {message("clusters.name", { number: cluster.number })}
          {cluster.name ? ` · ${cluster.name}` : ""}
        </Text>
        <Caption1>
          {message("clusters.planned", { year: cluster.plannedEnd })}
          <span id={slipId} className={cluster.expected !== cluster.plannedEnd ? styles.slipped : undefined}>
            {slip}
            {count !== undefined ? ` · ${slipCountText(count)}` : ""}
          </span>
        </Caption1>
      </div>
      <SpinButton
        className={styles.spin}
        value={cluster.expected}
        min={cluster.plannedEnd - SPAN}
        max={cluster.plannedEnd + SPAN}
        onChange={change}
        aria-label={message("clusters.spin", { number: cluster.number })}
        aria-describedby={slipId}
      />
      {under ? <div className={styles.under}>{under}</div> : null}
    </li>
  );
}

export function ClustersPanel(props: ClustersPanelProps) {
  const { clusters, counts, diff, diffAt, busy, onChange, onSave, onReset } = props;
  const styles = useStyles();
  const under = clusters.some((c) => c.number === diffAt) ? diffAt : null;
  const headingId = useId();
  const dirty = clusters.some((c) => c.expected !== c.inWorkbook);
  return (
    <section className={styles.panel} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.heading}>
        {message("clusters.heading")}
      </h2>
      <Caption1 className={styles.hint}>{message("clusters.hint")}</Caption1>
      <ul className={styles.list}>
        {clusters.map((cluster) => (
          <ClusterItem
            key={cluster.number}
            cluster={cluster}
            count={counts?.get(cluster.number)}
            under={cluster.number === under ? diff : null}
            onChange={onChange}
          />
        ))}
      </ul>
      {under === null ? diff : null}
      <div className={styles.actions}>
        {/* Out of the tab order while nothing differs from the workbook; held (still focusable) while busy. */}
        <Button disabled={!dirty} disabledFocusable={busy} onClick={onSave}>
          {message("clusters.save")}
        </Button>
        <Button disabled={!dirty} disabledFocusable={busy} onClick={onReset}>
          {message("clusters.reset")}
        </Button>
      </div>
    </section>
  );
}
