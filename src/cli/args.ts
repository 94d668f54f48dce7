/** Command-line arguments: parsed strictly, every mistake one line that says what is wrong. */
import { parseArgs } from "node:util";
import { parseMeetingOrdinal } from "../domain/parse";
import { cliText } from "./messages";

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

/** Node's words for a bad option, in ours: which option, and what it needs. */
function optionProblem(error: Error & { code?: string }): string {
  const first = error.message.split("\n")[0] ?? "";
  const option = /'(--?[\w-]+)/.exec(first)?.[1];
  if (option && error.code === "ERR_PARSE_ARGS_INVALID_OPTION_VALUE")
    return cliText(/ambiguous/.test(first) ? "args.dashValue" : "args.noValue", { option });
  if (option && error.code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") return cliText("args.unknownOption", { option });
  return first.replace(/\. To specify a positional.*$/, "").replace(/\.$/, "");
}

function guard<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    throw new UsageError(cliText("args.options", { problem: optionProblem(error as Error & { code?: string }) }));
  }
}

function onePositional(positionals: string[], command: string): string | null {
  if (positionals.length > 1)
    throw new UsageError(
      cliText("args.onePositional", { command, count: positionals.length, files: positionals.join(" ") }),
    );
  return positionals[0] ?? null;
}

function parseAsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{4}$/.test(value.trim())) throw new UsageError(cliText("args.asOf", { value }));
  return Number(value);
}

export function parseExpectedEnds(values: readonly string[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const value of values) {
    const match = /^\s*(\d+)\s*=\s*(\d{4})\s*$/.exec(value);
    if (!match) throw new UsageError(cliText("args.expectedEnd", { value }));
    ends.set(Number(match[1]), Number(match[2]));
  }
  return ends;
}

export function parseCancel(values: readonly string[]): number[] {
  return values.map((value) => {
    const parsed = parseMeetingOrdinal(value);
    if (!parsed.ok) throw new UsageError(cliText("args.cancel", { value }));
    return parsed.value;
  });
}

export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT;
  const seconds = /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(cliText("args.timeLimit", { value }));
  return seconds;
}

function parseCheck(argv: string[], command: string): CheckArgs {
  const { values, positionals } = guard(() =>
    parseArgs({ args: argv, options: CHECK_OPTIONS, allowPositionals: true, strict: true }),
  );
  // Without --out nothing is written, so --force would be silently ignored.
  if (values.force && values.out === undefined) throw new UsageError(cliText("args.forceWithoutOut"));
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
      throw new UsageError(cliText("args.unknownCommand", { name }));
  }
}

export const HELP = cliText("help");
