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
  help: { type: "boolean", short: "h" },
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

/** A cluster named twice with two years is refused: which one was meant cannot be guessed. */
export function parseExpectedEnds(values: readonly string[]): Map<number, number> {
  const ends = new Map<number, number>();
  for (const value of values) {
    const match = /^\s*(\d+)\s*=\s*(\d{4})\s*$/.exec(value);
    if (!match) throw new UsageError(cliText("args.expectedEnd", { value }));
    const [cluster, year] = [Number(match[1]), Number(match[2])];
    const earlier = ends.get(cluster);
    if (earlier !== undefined && earlier !== year)
      throw new UsageError(cliText("args.expectedEndTwice", { cluster, first: earlier, second: year }));
    ends.set(cluster, year);
  }
  return ends;
}

/** Each meeting once, in the order given: `--cancel 17 --cancel 17th` names the same meeting. */
export function parseCancel(values: readonly string[]): number[] {
  const meetings = values.map((value) => {
    const parsed = parseMeetingOrdinal(value);
    if (!parsed.ok) throw new UsageError(cliText("args.cancel", { value }));
    return parsed.value;
  });
  return [...new Set(meetings)];
}

/**
 * An option that takes one value, given twice with two values (`--out a.xlsx --out b.xlsx`), is
 * refused: Node would keep the last one without a word. The same value twice does no harm.
 */
function refuseRepeats(tokens: readonly { kind: string; name?: string; value?: string }[]): void {
  const seen = new Map<string, string | undefined>();
  for (const token of tokens) {
    if (token.kind !== "option" || token.name === undefined) continue;
    const option = CHECK_OPTIONS[token.name as keyof typeof CHECK_OPTIONS] as { multiple?: boolean } | undefined;
    if (!option || option.multiple) continue;
    if (seen.has(token.name) && seen.get(token.name) !== token.value)
      throw new UsageError(
        cliText("args.twice", {
          option: `--${token.name}`,
          first: seen.get(token.name) ?? "",
          second: token.value ?? "",
        }),
      );
    seen.set(token.name, token.value);
  }
}

export function parseTimeLimit(value: string | undefined): number {
  if (value === undefined) return DEFAULT_TIME_LIMIT;
  const seconds = /^\s*\d+(?:\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  if (!(seconds > 0 && seconds <= 3600)) throw new UsageError(cliText("args.timeLimit", { value }));
  return seconds;
}

/** `workplan check --help` (or -h) anywhere among a command's arguments asks for the usage. */
function asksForHelp(argv: readonly string[]): boolean {
  const end = argv.indexOf("--");
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === "--help" || a === "-h");
}

function parseCheck(argv: string[], command: string): CheckArgs {
  const { values, positionals, tokens } = guard(() =>
    parseArgs({ args: argv, options: CHECK_OPTIONS, allowPositionals: true, strict: true, tokens: true }),
  );
  refuseRepeats(tokens);
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
      return asksForHelp(rest) ? { name: "help" } : { name, args: parseCheck(rest, name) };
    case "init": {
      if (asksForHelp(rest)) return { name: "help" };
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
