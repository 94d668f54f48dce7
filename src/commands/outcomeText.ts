/**
 * What the outcome window of the ribbon's "Check workplan" says: the counts, what the check could
 * not write, or the error; and where the pane is. Words from the ribbon's catalogue (messages.ts).
 */
import type { Summary } from "../domain/check";
import type { CheckOutcome } from "../office";
import { ribbonCount, ribbonMessage } from "./messages";
import type { DialogContent } from "./outcomeDialog";

/** The ribbon's own labels, as manifest.xml has them (test/commands checks they agree). */
export const RIBBON_LABELS = { button: "Workplan", group: "Workplan Checker" } as const;

export interface Presentation {
  /** Whether the window offers "Open the pane" (only where this runtime can open it). */
  canOpenPane: boolean;
  colors: DialogContent["colors"];
}

/** "Found 2 errors and 1 warning." (info findings only when there are some); "No conflicts…" when none. */
export function countsLine({ error, warning, info }: Summary): string {
  if (error + warning + info === 0) return ribbonMessage("none");
  const parts = [ribbonCount("count.error", error), ribbonCount("count.warning", warning)];
  if (info > 0) parts.push(ribbonCount("count.info", info));
  const last = parts.pop() as string;
  return ribbonMessage("counts", { list: ribbonMessage("and", { first: parts.join(", "), last }) });
}

function content(heading: string, lines: string[], failed: boolean, presentation: Presentation): DialogContent {
  const where = presentation.canOpenPane ? ribbonMessage("whereButton") : ribbonMessage("where", RIBBON_LABELS);
  return {
    heading,
    lines: [...lines, where],
    failed,
    close: ribbonMessage("close"),
    openPane: presentation.canOpenPane ? ribbonMessage("openPane") : null,
    colors: presentation.colors,
  };
}

export function checkedContent(outcome: CheckOutcome, presentation: Presentation): DialogContent {
  const { blocked, notesWithheld } = outcome.written;
  const notWritten = [blocked, notesWithheld].filter((line): line is string => typeof line === "string" && line !== "");
  const lines = [
    countsLine(outcome.result.summary),
    ...(notWritten.length > 0 ? notWritten : [ribbonMessage("written")]),
  ];
  return content(ribbonMessage("title.checked"), lines, false, presentation);
}

export function failedContent(message: string, presentation: Presentation): DialogContent {
  return content(ribbonMessage("title.failed"), [message], true, presentation);
}
