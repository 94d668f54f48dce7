/**
 * The fake Office for end-to-end and screenshot pages: the pane's real bundle runs against an
 * in-memory Excel instead of office.js.
 *
 * Contract (nothing here depends on webpack; any bundler, a plain ES module, or jsdom will do):
 * - Call `installFakeOffice(window, options)` in a script that runs BEFORE the pane's bundle, in
 *   place of office.js, or once office.js is ready (`Office.onReady`: until then it may put its
 *   own namespace back at window.Office). `test/support/fakeExcel/install.ts` is such an entry: it reads
 *   the options from the page's query string. It sets `window.Office` (fakeExcel/office.ts:
 *   requirement sets, `officeTheme`, `onReady`, `actions.associate`, document settings,
 *   `Promise`), `window.Excel` (`run`) and `window.OfficeExtension` (`Error`), and calls
 *   `Office.initialize` if the page sets it.
 * - Options: `seed` "default" (the adopted workplan laid out as "Create workbook" does), "empty"
 *   (a blank workbook), "plain" (the adopted input tables as plain ranges, as the secretariat keeps
 *   them) or tables; `version` the highest ExcelApi set ("1.20"; "1.17" has no
 *   notes API, "1.12" no Table.resize); `platform` "PC" | "Mac" | "OfficeOnline"; `theme` "light"
 *   | "dark" or colours; `host` "web" | "windows" | "mac" a host profile (profiles.ts: its platform,
 *   late and coalesced events, no event for drop-down picks on the web), or "windows-1908" (no
 *   SharedRuntime 1.1: no "Open the pane"); `latencyMs` per sync (to
 *   see the pane's busy state); `nullChains` "refuse" or `notesBroken` true | "write" break one
 *   behaviour (FakeExcelOptions; Diagnostics fails that row).
 * - It returns a handle, also left at `window.__workplanFake` for `page.evaluate`: `grid()` the
 *   workbook as a person would see it (values, fills from the highlight rules, notes, sheet
 *   visibility; plain JSON), `syncs()` the number of `context.sync()` calls so far, `runs()` the
 *   number of `Excel.run` calls, `invokeCommand("checkWorkplan")` runs a function command as the
 *   ribbon button would (resolves when it calls `event.completed()`), `failNextSync(code)` makes
 *   the next sync fail with that Office error code, `setCell(sheet, address, value)` types into
 *   a cell between checks (as this Excel's user: a "Local" change event where the cell is in a
 *   table), `coAuthorEdit(sheet, address, value)` is the same edit made by a co-author (a
 *   "Remote" change event), `pickFromList(sheet, address, value)` picks from a cell's drop-down
 *   (no event on the web), `events()` the table change events delivered so far; `excel` and
 *   `office` are the fakes themselves.
 * - Query form (optionsFromQuery): `?seed=empty&theme=dark&version=1.17&platform=Mac&latency=300`, `&host=web`,
 *   `&nullChains=refuse`, `&notesBroken=true` (or `write`).
 */
import { gridState, type GridState } from "./grid";
import { FakeError } from "./model";
import { hostOptions, isHostName, type HostName } from "./profiles";
import { fakeOffice, type FakeOffice, type FakeOfficeTheme } from "./office";
import { createFakeExcel, type Seed } from "./workbook";
import type { FakeExcel, FakeTableChangedEvent } from "./excel";

export interface HarnessOptions {
  seed?: Seed;
  /** A host profile; `platform` and the other options given beside it take precedence. */
  host?: HostName;
  version?: string;
  platform?: "PC" | "Mac" | "OfficeOnline";
  theme?: "light" | "dark" | FakeOfficeTheme;
  latencyMs?: number;
  /** Breaks one behaviour (see FakeExcelOptions), e.g. to see Diagnostics fail that row. */
  nullChains?: "null" | "refuse";
  notesBroken?: boolean | "write";
}

export interface FakeOfficeHandle {
  excel: FakeExcel;
  office: FakeOffice;
  grid(): GridState;
  syncs(): number;
  runs(): number;
  invokeCommand(id: string): Promise<void>;
  failNextSync(code: string, message?: string): void;
  /** Every later write fails with this code (a read-only file, a protected sheet); null lifts it. */
  refuseWrites(code: string | null, message?: string): void;
  setCell(sheet: string, address: string, value: string | number | boolean | null): void;
  coAuthorEdit(sheet: string, address: string, value: string | number | boolean | null): void;
  pickFromList(sheet: string, address: string, value: string): void;
  events(): FakeTableChangedEvent[];
  /** With `?checked=…` (install.ts): done once the ribbon-style check before opening is done. */
  ready?: Promise<void>;
  /** The syncs and the grid once that check was done, before the pane opened. */
  opened?: { syncs: number; grid: GridState };
}

export const HANDLE_NAME = "__workplanFake";

export function installFakeOffice(target: object, options: HarnessOptions = {}): FakeOfficeHandle {
  const { seed, version, platform, latencyMs, nullChains, notesBroken } = options;
  const given = Object.entries({ version, platform, latencyMs, nullChains, notesBroken }).filter(
    ([, v]) => v !== undefined,
  );
  // The options given win over the host profile's.
  const profile = options.host ? hostOptions(options.host) : {};
  const excel = createFakeExcel({ seed, ...profile, ...Object.fromEntries(given) });
  const office = fakeOffice(excel, { theme: options.theme });
  const handle: FakeOfficeHandle = {
    excel,
    office,
    grid: () => gridState(excel.model),
    syncs: () => excel.syncs,
    runs: () => excel.runOptions.length,
    invokeCommand: (id) => office.invokeCommand(id),
    failNextSync: (code, message) => excel.failNextSync(code, message),
    refuseWrites: (code, message) => excel.refuseWrites(code, message),
    setCell: (sheetName, address, value) => excel.editCell(sheetName, address, value, "Local"),
    coAuthorEdit: (sheetName, address, value) => excel.editCell(sheetName, address, value, "Remote"),
    pickFromList: (sheetName, address, value) => excel.pickFromList(sheetName, address, value),
    events: () => excel.events.map((event) => ({ ...event })),
  };
  const globals = target as Record<string, unknown>;
  globals.Office = office;
  globals.Excel = { run: excel.run };
  globals.OfficeExtension = { Error: FakeError };
  globals[HANDLE_NAME] = handle;
  // Office.js calls Office.initialize once the page's scripts have run, when the page sets it.
  setTimeout(() => office.initialize?.("documentOpened"), 0);
  return handle;
}

/** Options from a query string such as "?seed=empty&theme=dark&version=1.17&platform=Mac&latency=300". */
export function optionsFromQuery(search: string): HarnessOptions {
  const query = new URLSearchParams(search);
  const options: HarnessOptions = {};
  const seed = query.get("seed");
  if (seed === "default" || seed === "empty" || seed === "plain") options.seed = seed;
  const theme = query.get("theme");
  if (theme === "light" || theme === "dark") options.theme = theme;
  const host = query.get("host");
  if (isHostName(host)) options.host = host;
  const version = query.get("version");
  if (version && /^1\.\d+$/.test(version)) options.version = version;
  const platform = query.get("platform");
  if (platform === "PC" || platform === "Mac" || platform === "OfficeOnline") options.platform = platform;
  const latency = Number(query.get("latency"));
  if (Number.isFinite(latency) && latency > 0) options.latencyMs = latency;
  if (query.get("nullChains") === "refuse") options.nullChains = "refuse";
  const notes = query.get("notesBroken");
  if (notes === "true" || notes === "write") options.notesBroken = notes === "true" ? true : "write";
  return options;
}
