/** The `workplan` command line: a thin shell over the engine and the .xlsx adapter. */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../domain/check";
import { cancelRefusals } from "../domain/whatIf";
import { checkTime, describeAnnotations } from "../domain/annotations";
import { adoptedTables } from "../domain/defaults";
import { tablesByName, type SheetTable, type WorkbookTables } from "../domain/tables";
import { budgetFor, proposeTimeline, type Budget, type Proposal } from "../domain/propose";
import { describeProposalSheet } from "../domain/proposalSheet";
import { addProposalSheet } from "../xlsx/proposalSheet";
import {
  applyAnnotations,
  buildDefaultWorkbook,
  loadWorkbook,
  readTables,
  saveWorkbook,
  WorkbookFileError,
} from "../xlsx";
import { HELP, parseCommand, UsageError, type CheckArgs, type InitArgs } from "./args";
import { checkJson, formatCheck, formatProposal, proposeJson } from "./format";
import { packageVersion } from "./version";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
  /** Milliseconds on a clock that only moves forward, for the solver's time budget. */
  elapsed?(): number;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
  elapsed: () => performance.now(),
};

/** The solver's budget, on the io's clock, so that the proposal is done within the time limit. */
function budgetOf(seconds: number, io: Io): Budget {
  return budgetFor(seconds, io.elapsed ?? (() => performance.now()));
}

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

function samePath(a: string, b: string): boolean {
  const resolve = (p: string) => (existsSync(p) ? realpathSync(p) : path.resolve(p));
  return resolve(a) === resolve(b);
}

interface LoadedWorkbook {
  tables: SheetTable[];
  workbook: Awaited<ReturnType<typeof loadWorkbook>> | null;
}

async function loadInput(file: string | null): Promise<LoadedWorkbook> {
  if (file === null) return { tables: adoptedTables(), workbook: null };
  const workbook = await loadWorkbook(file);
  return { tables: readTables(workbook), workbook };
}

function unknownClusters(args: CheckArgs, result: CheckResult): number[] {
  if (!result.plan) return [];
  const plan = result.plan;
  return [...args.expectedEnd.keys()].filter((n) => !plan.clusters.has(n));
}

interface Analysis {
  input: LoadedWorkbook;
  tables: WorkbookTables;
  result: CheckResult;
}

/** Reads the input and checks it, with the what-ifs; refuses input that cannot be used at all. */
async function analyse(args: CheckArgs, io: Io): Promise<Analysis> {
  if (args.out !== null && args.file !== null && samePath(args.out, args.file)) {
    throw new UsageError(`--out ${args.out} is the workbook being checked; write the copy to another file.`);
  }
  const input = await loadInput(args.file);
  const tables = tablesByName(input.tables);
  const result = checkWorkbook(tables, {
    currentYear: io.now().getFullYear(),
    asOf: args.asOf,
    expectedEnd: args.expectedEnd,
    cancel: new Set(args.cancel),
  });
  const refused = result.plan ? cancelRefusals(result.plan, args.cancel) : [];
  if (refused.length > 0) throw new UsageError(`--cancel: ${refused.map((r) => r.message).join(" ")}`);
  const unknown = unknownClusters(args, result);
  if (unknown.length > 0) {
    throw new UsageError(
      `--expected-end names cluster ${unknown.join(", ")}, which the Clusters table does not have (it has ${Object.keys(result.expectedEnd).join(", ")}).`,
    );
  }
  return { input, tables, result };
}

function inputName(args: CheckArgs): string {
  return args.file ?? "embedded adopted plan";
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const { input, tables, result } = await analyse(args, io);
  if (args.out !== null) {
    const workbook = input.workbook ?? buildDefaultWorkbook();
    applyAnnotations(workbook, describeAnnotations(tables, result, checkTime(io.now())));
    await saveWorkbook(workbook, args.out);
  }
  io.stdout(args.json ? checkJson(args.file, result, args.cancel.length > 0) : formatCheck(inputName(args), result));
  if (args.out !== null && !args.json) io.stdout(`Wrote ${args.out} with the highlights, notes and Conflicts table.\n`);
  return result.summary.error > 0 ? EXIT.findings : EXIT.ok;
}

async function runPropose(args: CheckArgs, io: Io): Promise<number> {
  const { input, result } = await analyse(args, io);
  const budget = budgetOf(args.timeLimit, io);
  const proposal: Proposal = result.plan ? proposeTimeline(result.plan, { budget }) : unreadable(result);
  let wrote: string | null = null;
  if (args.out !== null && proposal.feasible && result.plan) {
    const workbook = input.workbook ?? buildDefaultWorkbook();
    const now = io.now();
    const sheet = describeProposalSheet(
      proposal,
      result.plan,
      { date: now.toISOString().slice(0, 10), time: checkTime(now) },
      workbook.worksheets.map((w) => w.name),
    );
    addProposalSheet(workbook, sheet);
    await saveWorkbook(workbook, args.out);
    wrote = sheet.name;
  }
  if (args.json) io.stdout(proposeJson(proposal, result, args.cancel.length > 0));
  else
    io.stdout(
      formatProposal(inputName(args), result, proposal, args.out === null ? null : { file: args.out, sheet: wrote }),
    );
  return proposal.feasible ? EXIT.ok : EXIT.findings;
}

/** No plan could be read: say why, in the words of the missing-table findings. */
function unreadable(result: CheckResult): Proposal {
  return {
    feasible: false,
    reason: `The workbook cannot be read as a plan: ${result.findings.map((f) => f.message).join(" ")}`,
    unplaced: [],
    relaxations: [],
  };
}

async function runInit(args: InitArgs, io: Io): Promise<number> {
  if (existsSync(args.file) && !args.force) {
    throw new UsageError(`${args.file} already exists; use --force to overwrite it.`);
  }
  await saveWorkbook(buildDefaultWorkbook(), args.file);
  io.stdout(`Wrote ${args.file}: the adopted workplan, ready to edit and check with "workplan check ${args.file}".\n`);
  return EXIT.ok;
}

export async function main(argv: string[], io: Io = processIo): Promise<number> {
  try {
    const command = parseCommand(argv);
    switch (command.name) {
      case "help":
        io.stdout(HELP);
        return EXIT.ok;
      case "version":
        io.stdout(`workplan ${packageVersion()}\n`);
        return EXIT.ok;
      case "init":
        return await runInit(command.args, io);
      case "check":
        return await runCheck(command.args, io);
      case "propose":
        return await runPropose(command.args, io);
    }
  } catch (error) {
    if (error instanceof UsageError || error instanceof WorkbookFileError) {
      io.stderr(`workplan: ${error.message}\n`);
      return EXIT.unusable;
    }
    io.stderr(`workplan: unexpected error: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.unusable;
  }
}
