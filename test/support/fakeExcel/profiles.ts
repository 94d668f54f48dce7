/**
 * The fake Excel as each host behaves, where Microsoft's documentation or the office-js issue
 * tracker says the hosts differ (docs/excel-behaviour.md, "Host profiles"):
 * - "web" (Excel on the web, platform OfficeOnline): `Worksheet.visibility` keeps the undo stack;
 *   picking a value from a data-validation drop-down raises no change event (office-js #3888).
 * - "windows" (PC) and "mac" (Mac): `Worksheet.visibility` has no undo, clears the user's undo stack
 *   and throws UndoNotSupported inside a merged undo group (Undo support with the Excel JavaScript API).
 * - All three deliver change events late and coalesced (office-js #521 reports them seconds late):
 *   the delays are not measured, only long enough that nothing may count on an event arriving at
 *   once, or one per change.
 * - All three support SharedRuntime 1.1 (Excel on the web; Windows from version 2002; Mac from 16.35), so the
 *   ribbon's command shares the pane's runtime and can open it. "windows-1908", Microsoft 365 on Windows
 *   before version 2002 (ExcelApi 1.10, no SharedRuntime), is the client where it cannot: not among HOSTS,
 *   which the per-host suites run over, but a profile for the tests of the ribbon and `?host=windows-1908`.
 * Notes failing to load (office-js #6198, one report on the web) and co-authoring stay switches of
 * their own (FakeExcelOptions.notesBroken, coauthoring): no host is known to do either always.
 */
import { FakeExcel, type FakeExcelOptions } from "./excel";

export type HostName = "web" | "windows" | "mac" | "windows-1908";

export interface HostProfile extends FakeExcelOptions {
  name: HostName;
  platform: "PC" | "Mac" | "OfficeOnline";
  eventDelayMs: number;
  coalesceMs: number;
  sharedRuntime: boolean;
  /** The highest ExcelApi set, where the profile is an older client. */
  version?: string;
}

const LATE = { eventDelayMs: 120, coalesceMs: 40 };

export const HOST_PROFILES: Readonly<Record<HostName, HostProfile>> = {
  web: { name: "web", platform: "OfficeOnline", ...LATE, sharedRuntime: true },
  windows: { name: "windows", platform: "PC", ...LATE, sharedRuntime: true },
  mac: { name: "mac", platform: "Mac", ...LATE, sharedRuntime: true },
  "windows-1908": { name: "windows-1908", platform: "PC", ...LATE, sharedRuntime: false, version: "1.10" },
};

/** The hosts the per-host suites run over (forEachHost). */
export const HOSTS: readonly HostName[] = ["web", "windows", "mac"];

export function isHostName(name: unknown): name is HostName {
  return typeof name === "string" && Object.hasOwn(HOST_PROFILES, name);
}

/** A host's profile as the options of a FakeExcel. */
export function hostOptions(name: HostName): FakeExcelOptions {
  const { platform, eventDelayMs, coalesceMs, sharedRuntime, version } = HOST_PROFILES[name];
  return { platform, eventDelayMs, coalesceMs, sharedRuntime, ...(version ? { version } : {}) };
}

/** Every FakeExcel made from now on starts from this host's profile (null: the plain fake, PC, events at once). */
export function useHost(name: HostName | null): void {
  if (name === null) {
    FakeExcel.defaults = {};
    return;
  }
  FakeExcel.defaults = hostOptions(name);
}
