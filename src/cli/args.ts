/** Command-line arguments: parsed strictly, every mistake one line that says what is wrong. */
import { parseArgs } from "node:util";
import { parseMeetingOrdinal } from "../domain/parse";

export class UsageError extends Error {}

export interface CheckArgs {
  file: string | null;
  json: boolean;
  asOf: number | undefined;
  expectedEnd: Map<number, number>;
  /** Meetings cancelled for this run only (numbers as written in the Workplan table). */
  cancel: number[];
  /** How long `propose` may search for the best timeline, in seconds. */
  timeLimit: number;
  out: string | null;
  /** Replace an existing OUT. */
  force: boolean;
}

/** The default of --time-limit, in seconds. */
export const DEFAULT_TIME_LIMIT = 2;

export interface InitArgs {
  file: string;
  force: boolean;
}

export type Command =
  | { name: "check"; args: CheckArgs }
  | { name: "propose"; args: CheckArgs }
  | { name: "init"; args: InitArgs }
  | { name: "help" }
  | { name: "version" };

const CHECK_OPTIONS = {
  json: { type: "boolean" },
  "as-of": { type: "string" },
  "expected-end": { type: "string", multiple: true },
  cancel: { type: "string", multiple: true },
  "time-limit": { type: "string" },
  out: { type: "string" },
  force: { type: "boolean" },
} as const;

function guard<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message.split("\n")[0]?.replace(/\. To specify a positional.*$/, "")}. Run "workplan ` +
        `--help" for the options.`,
    );
  }
}

function onePositional(positionals: string[], command: string): string | null {
  if (positionals.length > 1)
    throw new UsageError(
      `"workplan ${command}" takes one workbook, not ${positionals.length}: ${positionals.join(" ")}.`,
    );
  return positionals[0] ?? null;
}

function parseAsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(`--as-of takes a year such as 2026, not "${value}".`);
  return Number(value);
}

export function parseExpectedEnds(values: readonly string[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const value of values) {
    const match = /^\s*(\d+)\s*=\s*(\d{4})\s*$/.exec(value);
    if (!match) throw new UsageError(`--expected-end takes CLUSTER=YEAR, such as 2=2032, not "${value}".`);
    ends.set(Number(match[1]), Number(match[2]));
  }
  return ends;
}

export function parseCancel(values: readonly string[]): number[] {
  return values.map((value) => {
    const parsed = parseMeetingOrdinal(value);
    if (!parsed.ok) throw new UsageError(`--cancel takes a meeting number such as 15 or 15th, not "${value}".`);
    return parsed.value;
  });
}

export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT;
  const seconds = /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600))
    throw new UsageError(`--time-limit takes a number of seconds such as 2 or 0.5 (at most 3600), not "${value}".`);
  return seconds;
}

function parseCheck(argv: string[], command: string): CheckArgs {
  const { values, positionals } = guard(() =>
    parseArgs({ args: argv, options: CHECK_OPTIONS, allowPositionals: true, strict: true }),
  );
  return {
    file: onePositional(positionals, command),
    json: values.json ?? false,
    asOf: parseAsOf(values["as-of"]),
    expectedEnd: parseExpectedEnds(values["expected-end"] ?? []),
    cancel: parseCancel(values.cancel ?? []),
    timeLimit: parseTimeLimit(values["time-limit"]),
    out: values.out ?? null,
    force: values.force ?? false,
  };
}

export function parseCommand(argv: string[]): Command {
  const [name, ...rest] = argv;
  switch (name) {
    case undefined:
    case "help":
    case "--help":
    case "-h":
      return { name: "help" };
    case "--version":
    case "-v":
      return { name: "version" };
    case "check":
    case "propose":
      return { name, args: parseCheck(rest, name) };
    case "init": {
      const { values, positionals } = guard(() =>
        parseArgs({ args: rest, options: { force: { type: "boolean" } }, allowPositionals: true, strict: true }),
      );
      return {
        name: "init",
        args: { file: onePositional(positionals, "init") ?? "workplan.xlsx", force: values.force ?? false },
      };
    }
    default:
      throw new UsageError(`Unknown command "${name}". Run "workplan --help" for the commands.`);
  }
}

export const HELP =
  `workplan — checks the multi-year workplan of the Working Group on Firearms

Usage:
  workplan init [FILE] [--force]
      Write the adopted workplan as a new workbook (default workplan.xlsx).
      Refuses to overwrite an existing file unless --force.
  workplan check [FILE] [--json] [--as-of YEAR] [--expected-end CLUSTER=YEAR]... ` +
  `[--cancel MEETING]... [--out OUT [--force]]
      Check FILE (default: the embedded adopted plan) against every rule.
      --expected-end 2=2032  what-if: cluster 2's review is expected to end in 2032 (this run only)
      --cancel 15            what-if: the 15th meeting is cancelled (this run only; never written)
      --as-of 2026           meetings before this year with a blank status count as held
      --out OUT              write a copy with highlights, notes and the Conflicts table
      --force                replace OUT if it exists (never the input, nor a file open in Excel)
      --json                 print one JSON document
  workplan propose [FILE] [--json] [--as-of YEAR] [--expected-end CLUSTER=YEAR]... [--cancel MEETING]...
                   [--time-limit SECONDS] [--out OUT [--force]]
      Propose an amended timeline that follows every rule.
      --time-limit 2         search for the best timeline at most this long (default 2 seconds); past it,
                             the best clean timeline found is shown, marked not proven optimal

Exit status: 0 no errors, 1 errors found (or no clean timeline), 2 the input cannot be used.
`;
