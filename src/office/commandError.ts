/// <reference types="office-js" />
/**
 * The message a failed ribbon check leaves in the document's settings (Office.context.document.settings,
 * kept with the workbook), for the pane to show when it next opens; cleared by the next check that succeeds,
 * the ribbon's or the pane's. Never throws: the settings are a convenience, not the workbook.
 */

/** Where a failed ribbon check leaves its message. */
export const COMMAND_ERROR_SETTING = "workplanChecker.commandError";

/** What a failed ribbon check left: its message and when (an ISO time). */
export interface CommandError {
  message: string;
  at: Date;
}

export interface DocumentSettings {
  get?(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(): void;
}

/** The document's settings where Office.js has them (not outside Office, nor in a test's page without them). */
export function documentSettings(): DocumentSettings | undefined {
  try {
    return (globalThis as { Office?: { context?: { document?: { settings?: DocumentSettings } } } }).Office?.context
      ?.document?.settings;
  } catch {
    return undefined;
  }
}

/** Keeps (or, with null, clears) the ribbon check's error; saves only when something changes. */
export function keepCommandError(settings: DocumentSettings | undefined, message: string | null, at = new Date()) {
  try {
    if (!settings) return;
    if (message === null) {
      if (settings.get && settings.get(COMMAND_ERROR_SETTING) == null) return;
      settings.remove(COMMAND_ERROR_SETTING);
    } else settings.set(COMMAND_ERROR_SETTING, { message, at: at.toISOString() });
    settings.saveAsync();
  } catch {
    // The console has the message where it matters (the ribbon's function file).
  }
}

/** The error the ribbon's check left, or null (none, or not in the form it writes). */
export function readCommandError(settings: DocumentSettings | undefined): CommandError | null {
  try {
    const kept = settings?.get?.(COMMAND_ERROR_SETTING) as { message?: unknown; at?: unknown } | null | undefined;
    if (!kept || typeof kept.message !== "string" || typeof kept.at !== "string") return null;
    const at = new Date(kept.at);
    return Number.isNaN(at.getTime()) ? null : { message: kept.message, at };
  } catch {
    return null;
  }
}
