/**
 * The script of dialog.html, the window in which the ribbon's "Check workplan" shows its outcome.
 * Kept tiny and apart from the pane's script: it draws what the query string holds and sends the
 * buttons' choice to the function file, once Office.js is ready (a dialog must initialize Office.js
 * before it calls messageParent).
 */
import { contentOf, renderOutcome } from "./outcomeDialog";

interface DialogOffice {
  onReady(callback: () => void): unknown;
  context: { ui: { messageParent(message: string): void } };
}

export function startDialog(office: DialogOffice | undefined, doc: Document = document): void {
  const root = doc.getElementById("outcome");
  const content = contentOf(doc.location.search);
  if (!office || !root || !content) return;
  office.onReady(() => renderOutcome(root, content, (said) => office.context.ui.messageParent(said)));
}

startDialog((globalThis as { Office?: DialogOffice }).Office);
