/**
 * Diagnostics, for IT on its first day: runs the port's diagnostics on request and shows each
 * Excel behaviour the add-in relies on as passed, failed or skipped, with the platform, the
 * Office version and the requirement sets; "Copy report" puts the same as plain text on the
 * clipboard, to paste into a ticket or an e-mail.
 */
import { Button, Caption1, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import type { DiagnosticsReport } from "../workbook";
import { message } from "../messages";
import { Notice } from "./Notice";
import { localTime, longDate } from "../dates";

type Row = DiagnosticsReport["rows"][number];

/** "ExcelApi 1.1–1.20", or the sets one by one where some are missing in between. */
export function setsText(supported: readonly string[]): string {
  const minors = supported.map((set) => Number(/^ExcelApi 1\.(\d+)$/.exec(set)?.[1] ?? NaN));
  const contiguous = minors.length > 1 && minors.every((minor, i) => minor === i + 1);
  if (contiguous) return `ExcelApi 1.1–1.${minors.length}`;
  return supported.length > 0 ? supported.join(", ") : message("diagnostics.none");
}

function counts(rows: readonly Row[]): string {
  const count = (result: Row["result"]) => rows.filter((row) => row.result === result).length;
  return message("diagnostics.counts", { pass: count("pass"), fail: count("fail"), skipped: count("skipped") });
}

/** The report as plain text, one behaviour a line. */
export function reportText(report: DiagnosticsReport, at: Date = new Date()): string {
  return [
    message("report.title"),
    message("report.run", {
      at: message("date.at", { date: longDate(at, "UTC"), time: localTime(at, "UTC") }),
    }),
    message("report.host", { host: report.host, platform: report.platform, version: report.officeVersion }),
    message("report.sets", { sets: setsText(report.supported) }),
    message("report.result", { counts: counts(report.rows) }),
    "",
    ...report.rows.map(
      (row) => `[${row.result.toUpperCase()}] ${row.behaviour} (${row.requirementSet}): ${row.detail}`,
    ),
  ].join("\n");
}

/** Puts text on the clipboard; where the pane may not use the Clipboard API, the copy command. */
async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try {
      return document.execCommand("copy");
    } catch {
      return false;
    } finally {
      area.remove();
    }
  }
}

const useStyles = makeStyles({
  panel: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  heading: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", gap: tokens.spacingHorizontalS, flexWrap: "wrap", alignItems: "center" },
  table: { borderCollapse: "collapse", width: "100%" },
  cell: {
    textAlign: "left",
    verticalAlign: "top",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalXS}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    overflowWrap: "anywhere",
  },
  // "Passed" on one line: the behaviour's cell takes the rest of the pane's width.
  result: { overflowWrap: "normal", whiteSpace: "nowrap" },
  pass: { color: tokens.colorPaletteGreenForeground1 },
  fail: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  skipped: { color: tokens.colorNeutralForeground2 },
  meta: { color: tokens.colorNeutralForeground2 },
  report: { width: "100%", minHeight: "8em", fontFamily: tokens.fontFamilyMonospace },
});

function ResultTable({ report }: { report: DiagnosticsReport }) {
  const styles = useStyles();
  return (
    <table className={styles.table} aria-label={message("diagnostics.results")}>
      <thead>
        <tr>
          <th className={styles.cell}>{message("diagnostics.behaviour")}</th>
          <th className={`${styles.cell} ${styles.result}`}>{message("diagnostics.result")}</th>
        </tr>
      </thead>
      <tbody>
        {report.rows.map((row) => (
          <tr key={row.behaviour}>
            <td className={styles.cell}>
              <Text size={200}>{row.behaviour}</Text>
              <br />
              <Caption1 className={styles.meta}>
                {row.requirementSet} · {row.detail}
              </Caption1>
            </td>
            <td className={`${styles.cell} ${styles.result} ${styles[row.result]}`}>
              {message(`diagnostics.${row.result}`)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export interface DiagnosticsProps {
  /** The port's `diagnose`. */
  run(): Promise<DiagnosticsReport>;
  /** Puts the report on the clipboard; says whether it could (tests pass their own). */
  copy?(text: string): Promise<boolean>;
  now?(): Date;
}

export function Diagnostics({ run, copy = copyText, now = () => new Date() }: DiagnosticsProps) {
  const styles = useStyles();
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<{ report: DiagnosticsReport; at: Date } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [copied, setCopied] = useState<"copied" | "failed" | null>(null);
  const start = async () => {
    setRunning(true);
    setProblem(null);
    setCopied(null);
    try {
      setReport({ report: await run(), at: now() });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setRunning(false);
    }
  };
  const text = report ? reportText(report.report, report.at) : "";
  return (
    <section className={styles.panel} aria-labelledby="diagnostics-heading">
      <h2 id="diagnostics-heading" className={styles.heading}>
        {message("diagnostics.heading")}
      </h2>
      <Text size={200}>{message("diagnostics.about")}</Text>
      <div className={styles.actions}>
        <Button onClick={() => void start()} disabled={running}>
          {message("diagnostics.run")}
        </Button>
        {report ? (
          <Button onClick={() => void copy(text).then((ok) => setCopied(ok ? "copied" : "failed"))}>
            {message("diagnostics.copy")}
          </Button>
        ) : null}
        {running ? <Spinner size="tiny" label={message("diagnostics.running")} /> : null}
      </div>
      {problem ? <Notice intent="error">{problem}</Notice> : null}
      {report ? (
        <>
          <Text size={200} role="status">
            {message("diagnostics.outcome", {
              counts: counts(report.report.rows),
              platform: report.report.platform,
              version: report.report.officeVersion,
              sets: setsText(report.report.supported),
            })}
          </Text>
          <ResultTable report={report.report} />
        </>
      ) : null}
      {copied === "copied" ? <Text role="status">{message("diagnostics.copied")}</Text> : null}
      {copied === "failed" ? (
        <>
          <Text role="status">{message("diagnostics.noClipboard")}</Text>
          <textarea className={styles.report} readOnly value={text} aria-label={message("diagnostics.report")} />
        </>
      ) : null}
    </section>
  );
}
