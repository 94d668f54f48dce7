/** The severities in the pane: their order, Fluent's icons, and the summary line counted from a list. */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { ErrorCircle20Regular, Info20Regular, Warning20Regular } from "@fluentui/react-icons";
import type { Finding, Severity } from "../../domain/model";
import { message, messageCount } from "../messages";

export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];

const useStyles = makeStyles({
  error: { color: tokens.colorPaletteRedForeground1, "@media (forced-colors: active)": { color: "CanvasText" } },
  warning: {
    color: tokens.colorPaletteMarigoldForeground1,
    "@media (forced-colors: active)": { color: "CanvasText" },
  },
  info: { color: tokens.colorPaletteBlueForeground2, "@media (forced-colors: active)": { color: "CanvasText" } },
  icon: { flexShrink: 0 },
});

export function SeverityIcon({ severity }: { severity: Severity }) {
  const styles = useStyles();
  const className = mergeClasses(styles.icon, styles[severity]);
  if (severity === "error") return <ErrorCircle20Regular aria-hidden className={className} />;
  if (severity === "warning") return <Warning20Regular aria-hidden className={className} />;
  return <Info20Regular aria-hidden className={className} />;
}

function count(n: number, kind: "error" | "warning"): string {
  return messageCount(`count.${kind}`, n);
}

/**
 * "2 errors, 1 warning, 0 info in the workbook as it stands." — counted from the list shown, so it always matches it.
 */
export function summaryLine(
  findings: readonly Finding[],
  id: "findings.summary" | "findings.whatIf" = "findings.summary",
): string {
  const n = (severity: Severity) => findings.filter((finding) => finding.severity === severity).length;
  return message(id, {
    errors: count(n("error"), "error"),
    warnings: count(n("warning"), "warning"),
    info: n("info"),
  });
}
