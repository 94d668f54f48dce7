/**
 * In the shared runtime (manifest.xml, the Runtimes element), the ribbon's Check workplan runs in the pane's own
 * page: the pane, where it is open, hears when that check is done and reads the workbook again, so it shows what the
 * ribbon wrote. The check writes only its output (the Conflicts table, highlights, notes), whose change events start
 * no check of the pane's (events.ts, isOutputOnly). Where no pane listens (no shared runtime, no pane yet), nobody
 * hears.
 */
let listener: (() => void) | null = null;

/** Calls `given` after each ribbon check in this runtime, failed or not; gives the function that stops it. */
export function hearRibbonChecks(given: () => void): () => void {
  listener = given;
  return () => {
    if (listener === given) listener = null;
  };
}

/** Said by the ribbon's command once its check is done (its error, if any, already in the document's settings). */
export const ribbonChecked = (): void => listener?.();
