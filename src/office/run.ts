/// <reference types="office-js" />
/**
 * Running a batch in Excel: which requirement sets the client has, one undo step where Excel
 * can merge them, and errors turned into messages that say what to do.
 */

import type { MessageParams } from "../domain/messages/fill";
import { officeAdvice, officeText, type OfficeAction } from "./messages";

export type Batch<T> = (context: Excel.RequestContext) => Promise<T>;

/** `Excel.run`, or a stand-in with the same two forms (tests inject one). */
export interface ExcelRun {
  <T>(batch: Batch<T>): Promise<T>;
  <T>(options: Excel.RunOptions, batch: Batch<T>): Promise<T>;
}

/** What the client supports, from `Office.context.requirements.isSetSupported`. */
export interface Support {
  /** ExcelApi 1.18: `workbook.notes`, `worksheet.notes`. */
  notes: boolean;
  /** ExcelApi 1.20: `Excel.run({ mergeUndoGroup: true })`. */
  mergeUndo: boolean;
  /** ExcelApi 1.13: `Table.resize`. */
  resize: boolean;
  /** ExcelApi 1.9: `Table.autoFilter` (whether a filter hides rows). */
  autoFilter?: boolean;
}

interface RequirementsHost {
  context?: { requirements?: { isSetSupported?(name: string, minVersion?: string): boolean } };
}

export function detectSupport(): Support {
  const office = (globalThis as { Office?: RequirementsHost }).Office;
  const has = (version: string): boolean => {
    try {
      return office?.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;
    } catch {
      return false;
    }
  };
  // A host may answer for a requirement set that the loaded Office.js library does not implement
  // (the npm package stops at ExcelApi 1.15): where the library is on the page, its classes say.
  return {
    notes: has("1.18") && implemented("NoteCollection"),
    mergeUndo: has("1.20"),
    resize: has("1.13") && implemented("Table", "resize"),
    autoFilter: has("1.9") && implemented("AutoFilter"),
  };
}

/**
 * Whether changing a sheet's visibility clears the user's undo history here: Excel on Windows ("PC") and on Mac,
 * not on the web (*Undo support with the Excel JavaScript API*, `Worksheet.visibility`).
 */
export function visibilityClearsUndo(): boolean {
  const office = (globalThis as { Office?: { context?: { diagnostics?: { platform?: unknown } } } }).Office;
  const platform = office?.context?.diagnostics?.platform;
  return platform === "PC" || platform === "Mac";
}

/**
 * Whether the Office.js library on the page has the class. Without the library (the fake Excel
 * of the tests and the end-to-end run) the host's answer stands.
 */
function implemented(member: string, method?: string): boolean {
  const excel = (globalThis as { Excel?: Record<string, unknown> }).Excel;
  if (!excel || typeof excel !== "object" || !("run" in excel) || !("RequestContext" in excel)) return true;
  const found = excel[member] as { prototype?: object } | undefined;
  if (!found) return false;
  return method === undefined || (typeof found.prototype === "object" && method in found.prototype);
}

/** A refusal or a problem the add-in found itself; its message is already meant for the user. */
export class WorkbookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WorkbookError";
  }
}

interface OfficeErrorLike {
  code?: unknown;
  message?: unknown;
}

export function errorCode(error: unknown): string | null {
  const code = (error as OfficeErrorLike | null)?.code;
  return typeof code === "string" ? code : null;
}

/**
 * An Error whose message says what happened and what to do, for the pane's message bar; `action` names what
 * could not be done (with its parameters, such as the cell of "go to {sheet}!{cell}"); `kind` "read" for a
 * request that writes nothing, so that a refusal is not called a refused change.
 */
export function userError(
  error: unknown,
  action: OfficeAction,
  kind: "read" | "change" = "change",
  params?: MessageParams,
): Error {
  if (error instanceof WorkbookError) return error;
  const code = errorCode(error);
  const said = (error as OfficeErrorLike | null)?.message;
  const detail =
    code || typeof said === "string"
      ? officeText("excelSaid", { said: [code, typeof said === "string" ? said : null].filter(Boolean).join(": ") })
      : "";
  const advice =
    (code !== null && kind === "read" ? officeAdvice("readAdvice", code) : undefined) ??
    (code !== null ? officeAdvice("advice", code) : undefined) ??
    officeText("otherAdvice");
  const wrapped = new Error(officeText("failed", { action: officeText(action, params), advice, detail }));
  (wrapped as Error & { cause?: unknown }).cause = error;
  return wrapped;
}

/**
 * Runs a batch as one undo step where the client can merge undo groups (ExcelApi 1.20), waiting
 * for the user to leave cell-edit mode (ExcelApi 1.11; older clients ignore the option).
 */
export function runBatch<T>(excelRun: ExcelRun, merge: boolean, batch: Batch<T>): Promise<T> {
  const options: Excel.RunOptions = merge
    ? { delayForCellEdit: true, mergeUndoGroup: true }
    : { delayForCellEdit: true };
  return excelRun(options, batch);
}

/** What a merged batch returns to be run again unmerged (see withUndoGroup). */
export const UNMERGED = Symbol("UNMERGED");

/**
 * Runs `attempt` as one undo step where the client can merge undo groups, else unmerged. A
 * merged attempt that returns UNMERGED, or that a client refuses with UndoNotSupported, runs
 * again unmerged: callers make sure that repeating is safe (writing the same values again, or
 * re-reading and refusing when the workbook is no longer what the work was planned for).
 */
export async function withUndoGroup<T>(
  excelRun: ExcelRun,
  support: Support,
  attempt: (merge: boolean) => Promise<T | typeof UNMERGED>,
): Promise<T> {
  if (support.mergeUndo) {
    try {
      const merged = await attempt(true);
      if (merged !== UNMERGED) return merged;
    } catch (error) {
      if (errorCode(error) !== "UndoNotSupported") throw error;
    }
  }
  const result = await attempt(false);
  if (result === UNMERGED) throw new Error("unreachable: an unmerged run asked to run unmerged");
  return result;
}
