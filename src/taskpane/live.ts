/**
 * The live re-check: what the pane does when the workbook's tables change while it is open
 * (the changes the add-in wrote itself never get here: the workbook port drops them).
 * - A co-author's change (source "Remote") refreshes the findings: read and engine, no write,
 *   once the co-author has been quiet for `remoteMs`. Only the pane of the user who made a change
 *   writes highlights for it, so two open panes never fight over the same cells.
 * - This user's own edit (source "Local"), when auto-check is on, runs one check (which writes
 *   the highlights) once the edits have been quiet for `quietMs`: three quick edits, one check.
 *   Edits to the Conflicts table (the check's own output) change nothing the check reads.
 * - While the pane is busy (a check, an apply…), what is due waits and runs after it.
 * - The ribbon's Check workplan, run in the pane's runtime (shared), wrote the highlights: the pane reads the
 *   workbook again (`ribbonChecked`), as soon as it is not busy.
 * - When the pane regains focus, a light re-read (`changed`, one sync) catches what Excel raised no
 *   event for (a drop-down pick on the web, office-js 3888): if the tables changed, a check when
 *   auto-check is on, else a refresh of the findings. Nothing is read while something is due or running.
 */
import { isOutputOnly, type TableChange } from "./workbook";

export const QUIET_MS = 1500;
export const REMOTE_QUIET_MS = 500;
/** How soon the pane reads what the ribbon's check wrote (and how often it looks again while busy). */
export const RIBBON_MS = 100;

export interface LiveOptions {
  autoCheck(): boolean;
  busy(): boolean;
  check(): unknown;
  refresh(unheard?: boolean): unknown;
  /** Reads what the ribbon's check wrote, and its error, if any. */
  ribbonChecked(): unknown;
  /** Whether the tables changed since the pane last read them (see PaneWorkbook.changedUnheard). */
  changed(): Promise<boolean>;
  quietMs?: number;
  remoteMs?: number;
}

type Kind = "check" | "refresh" | "ribbon";

export class LiveCheck {
  private readonly timers = new Map<Kind, ReturnType<typeof setTimeout>>();
  private reading = false;

  constructor(private readonly options: LiveOptions) {}

  onChange(change: TableChange): void {
    if (change.source === "Remote") this.schedule("refresh", this.options.remoteMs ?? REMOTE_QUIET_MS);
    else if (!isOutputOnly(change) && this.options.autoCheck())
      this.schedule("check", this.options.quietMs ?? QUIET_MS);
  }

  onRibbonCheck(): void {
    this.schedule("ribbon", RIBBON_MS);
  }

  async onFocus(): Promise<void> {
    // Focus and visibilitychange often come together: one light read at a time.
    const idle = () => !this.options.busy() && this.timers.size === 0 && !this.reading;
    if (!idle()) return;
    this.reading = true;
    const changed = await this.options.changed().catch(() => false);
    this.reading = false;
    if (!changed || !idle()) return;
    if (this.options.autoCheck()) void this.options.check();
    else void this.options.refresh(true);
  }

  /** Whether a check or a refresh is waiting for the quiet period to end. */
  pending(): Kind[] {
    return [...this.timers.keys()];
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private schedule(kind: Kind, ms: number): void {
    const previous = this.timers.get(kind);
    if (previous !== undefined) clearTimeout(previous);
    this.timers.set(
      kind,
      setTimeout(() => this.fire(kind, ms), ms),
    );
  }

  private fire(kind: Kind, ms: number): void {
    this.timers.delete(kind);
    if (this.options.busy()) {
      this.schedule(kind, ms);
      return;
    }
    if (kind === "ribbon") void this.options.ribbonChecked();
    else if (kind === "refresh" && this.timers.has("check"))
      return; // the check to come reads the workbook anyway
    else if (kind === "check") {
      const refresh = this.timers.get("refresh");
      if (refresh !== undefined) clearTimeout(refresh);
      this.timers.delete("refresh");
      void this.options.check();
    } else void this.options.refresh();
  }
}
