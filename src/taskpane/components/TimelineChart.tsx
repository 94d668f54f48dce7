/**
 * The timeline at a glance, drawn by hand in SVG (a charting library would not fit the pane's
 * budget): years across, each cluster's review period to its planned end and on to its expected
 * end, a row of meetings (two with a proposal: current and proposed), and the acceptable years of
 * the topic in focus shaded. The chart is one tab stop; the arrow keys, Home and End move between
 * the meetings and say which is in focus. A visually hidden list says everything it shows.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import type { Cluster } from "../../domain/model";
import { ordinal } from "../../domain/parse";
import { acceptableYears } from "../../domain/timeline";
import {
  chartAxis,
  firstConflictTopic,
  timelineChart,
  type ChartMeeting,
  type ChartPlan,
  type MarkerStatus,
} from "../../domain/timelineChart";
import { message } from "../messages";
import { SECTION_HEADING, VISUALLY_HIDDEN } from "./styles";

const FORCED = "@media (forced-colors: active)";
const useStyles = makeStyles({
  heading: SECTION_HEADING,
  chart: { display: "block", width: "100%" },
  bar: { color: tokens.colorBrandBackground, [FORCED]: { color: "CanvasText" } },
  window: { color: tokens.colorBrandForeground1, [FORCED]: { color: "Highlight" } },
  conflict: { color: tokens.colorPaletteRedForeground1, [FORCED]: { color: "Highlight" } },
  caption: { margin: 0, fontSize: tokens.fontSizeBase200, color: tokens.colorNeutralForeground2 },
  hidden: VISUALLY_HIDDEN,
});

/** Each status its own shape, not its colour alone (the legend's glyphs are the same shapes). */
const CIRCLE = "M-4 0a4 4 0 1 0 8 0a4 4 0 1 0-8 0";
const SHAPES: Record<MarkerStatus, [d: string, filled?: boolean]> = {
  held: [CIRCLE, true],
  planned: [CIRCLE],
  open: ["M0-5l5 5-5 5-5-5z"],
  cancelled: ["M-4-4l8 8m0-8l-8 8"],
  conflict: ["M0-5l5 9h-10z", true],
};

/** The width drawn before the pane is measured; once measured, one unit of the drawing is one CSS pixel. */
const WIDTH = 296;
/** Fluent's caption size: the labels are read at this size at any pane width. */
const FONT = 12;
const LABELS = 60;
const TOP = 16;
const ROW = 14;
/** The room a year's label takes on the axis. */
const YEAR_LABEL = 36;

/** The drawing's width: that of the chart on the screen, followed as the pane is resized. */
function useWidth(shown: boolean) {
  const ref = useRef<SVGSVGElement>(null);
  const [width, setWidth] = useState(WIDTH);
  useEffect(() => {
    const svg = ref.current;
    if (!svg || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(([entry]) => {
      const measured = Math.round(entry?.contentRect.width ?? 0);
      if (measured > 0) setWidth(measured);
    });
    observer.observe(svg);
    return () => observer.disconnect();
  }, [shown]);
  return { ref, width };
}

/** "15th meeting, 2028: topic 6, in conflict" */
export const meetingLine = (m: ChartMeeting) =>
  message("timeline.meeting", {
    meeting: m.meeting === null ? "?" : ordinal(m.meeting),
    year: m.year,
    topic: m.topic === null ? message("timeline.flexibleOnly") : message("timeline.topic", { topic: m.topic }),
    status: message(`timeline.${m.status}`),
  });

const clusterLine = (c: Cluster) =>
  message("timeline.review", {
    cluster: c.number,
    start: c.reviewStart ?? "?",
    planned: c.plannedEnd,
    expected: c.expectedEnd,
  });

/** Each cluster's label, its review to the planned end (solid) and on, or back, to the expected end (dashed). */
function clusterBars(clusters: Cluster[], x: (year: number) => number, unit: number, bar: string) {
  return clusters.map((c, i) => {
    const y = TOP + i * ROW;
    const first = c.reviewStart ?? c.plannedEnd;
    return (
      <g key={c.number}>
        <text y={y + 11}>{message("timeline.cluster", { cluster: c.number })}</text>
        <rect className={bar} x={x(first)} y={y + 4} height={7} width={(c.plannedEnd + 1 - first) * unit} />
        <rect
          x={x(Math.min(c.plannedEnd, c.expectedEnd) + 1)}
          y={y + 4.5}
          height={6}
          width={Math.abs(c.expectedEnd - c.plannedEnd) * unit}
          fill="none"
          stroke="currentColor"
          strokeDasharray="2 1"
        />
      </g>
    );
  });
}

export interface TimelineChartProps {
  /** The workbook with its what-ifs, then the proposal when one is shown. */
  plans: readonly ChartPlan[];
  /** The meeting and topic of the finding in focus in the list, until the chart's own arrow keys move. */
  pointed?: { meeting: number | null; topic: number | null } | null;
}

export function TimelineChart({ plans, pointed = null }: TimelineChartProps) {
  const styles = useStyles();
  const chart = timelineChart(plans);
  const { ref, width } = useWidth(chart !== null);
  const [at, setAt] = useState(-1);
  // A finding in focus takes the chart's focus back from the arrow keys.
  useEffect(() => setAt(-1), [pointed?.meeting, pointed?.topic]);
  if (!chart || !plans[0]) return null;
  const { clusters, rows } = chart;
  const { from, to, ticks } = chartAxis(chart, Math.max(2, Math.floor((width - LABELS) / YEAR_LABEL)));
  const title = message("timeline.title");
  // Room on the right for half the last year label, centred on its year.
  const unit = (width - LABELS - YEAR_LABEL / 2) / (to - from + 1);
  // Markers shrink where the years are narrow, so that neighbours never touch.
  const scale = Math.min(1, (unit - 2) / 10);
  const x = (year: number) => LABELS + (year - from) * unit;
  const two = rows.length > 1;
  const rowNames = two ? [message("timeline.current"), message("timeline.proposed")] : [message("timeline.meetings")];
  const meetings = rows.flatMap((row, r) =>
    row.map((m) => ({ m, r, line: two ? `${rowNames[r]}: ${meetingLine(m)}` : meetingLine(m) })),
  );
  const own = meetings[Math.min(at, meetings.length - 1)];
  const focus = own ?? (pointed ? meetings.find(({ m, r }) => r === 0 && m.meeting === pointed.meeting) : undefined);
  const topic = own ? own.m.topic : pointed ? (pointed.topic ?? focus?.m.topic ?? null) : firstConflictTopic(chart);
  const shade = topic === null ? null : acceptableYears(plans[0].plan, topic);
  const rowY = (r: number) => TOP + clusters.length * ROW + 12 + r * 20;
  const height = rowY(rows.length) - 8;
  const move = (event: KeyboardEvent) => {
    const by = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -1e3, End: 1e3 }[event.key];
    if (!by) return;
    event.preventDefault();
    setAt(Math.max(0, Math.min(meetings.length - 1, at + by)));
  };
  return (
    <section>
      <h2 className={styles.heading}>{title}</h2>
      <svg
        className={styles.chart}
        ref={ref}
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-label={title}
        tabIndex={0}
        onKeyDown={move}
      >
        <g aria-hidden="true" fill="currentColor" strokeWidth={1.5} fontSize={FONT}>
          {shade ? (
            <rect
              className={styles.window}
              x={x(shade.from)}
              y={TOP - 2}
              width={(shade.to - shade.from + 1) * unit}
              height={height}
              fillOpacity={0.2}
            />
          ) : null}
          {ticks.map((year) => (
            <text key={year} x={x(year) + unit / 2} y={11} textAnchor="middle">
              {year}
            </text>
          ))}
          {clusterBars(clusters, x, unit, styles.bar)}
          {rowNames.map((name, r) => (
            <text key={r} y={rowY(r) + 4}>
              {name}
            </text>
          ))}
          {meetings.map(({ m, r }, i) => (
            <g
              key={i}
              className={m.status === "conflict" ? styles.conflict : undefined}
              transform={`translate(${x(m.year) + unit / 2} ${rowY(r)})`}
              stroke="currentColor"
              onClick={() => setAt(i)}
            >
              <path
                d={SHAPES[m.status][0]}
                transform={`scale(${scale})`}
                fill={SHAPES[m.status][1] ? undefined : "none"}
              />
              {meetings[i] === focus ? <rect x={-7} y={-8} width={14} height={15} fill="none" strokeWidth={2} /> : null}
            </g>
          ))}
        </g>
      </svg>
      <p className={styles.caption}>
        <span aria-hidden="true">{message("timeline.legend")}</span>
        <br />
        <span aria-live="polite">{own ? `${own.line}. ` : ""}</span>
        {shade && topic !== null ? message("timeline.window", { topic, ...shade }) : null}
      </p>
      <ul className={styles.hidden}>
        {clusters.map((c) => (
          <li key={c.number}>{clusterLine(c)}</li>
        ))}
        {meetings.map(({ line }, i) => (
          <li key={i}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
