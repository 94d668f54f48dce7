/** The `workplan` command line: a thin shell over the engine and the .xlsx adapter. */
import { checkWorkbook, type CheckResult } from "../domain/check";
import { cancelRefusals } from "../domain/whatIf";
import { checkTime, describeAnnotations } from "../domain/annotations";
import { adoptedTables } from "../domain/defaults";
import { tablesByName, type SheetTable, type WorkbookTables } from "../domain/tables";
import { proposeTimeline, type Proposal } from "../domain/propose";
import { describeProposalSheet } from "../domain/proposalSheet";
import { readSources } from "../domain/sources";
import { addProposalSheet } from "../xlsx/proposalSheet";
import {
  applyAnnotations,
  buildDefaultWorkbook,
  loadWorkbook,
  readTables,
  workbookBytes,
  WorkbookFileError,
} from "../xlsx";
import { HELP, parseCommand, UsageError, type CheckArgs, type InitArgs } from "./args";
import { checkTarget, writeAtomically, WriteError } from "./files";
import { checkJson, formatCheck, formatProposal, printable, proposeJson } from "./format";
import { packageVersion } from "./version";

export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  now(): Date;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date(),
};

export const EXIT = { ok: 0, findings: 1, unusable: 2 } as const;

/** Writes the workbook where the user asked, never over the input or another program's open file. */
async function saveTo(workbook: Parameters<typeof workbookBytes>[0], target: string): Promise<void> {
  writeAtomically(target, await workbookBytes(workbook));
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
  if (args.out !== null) checkTarget(args.out, { input: args.file, force: args.force, option: "--out" });
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
    await saveTo(workbook, args.out);
  }
  io.stdout(args.json ? checkJson(args.file, result, args.cancel.length > 0) : formatCheck(inputName(args), result));
  if (args.out !== null && !args.json) io.stdout(`Wrote ${args.out} with the highlights, notes and Conflicts table.\n`);
  return result.summary.error > 0 ? EXIT.findings : EXIT.ok;
}

async function runPropose(args: CheckArgs, io: Io): Promise<number> {
  const { input, tables, result } = await analyse(args, io);
  const proposal: Proposal = result.plan ? proposeTimeline(result.plan) : unreadable(result);
  let wrote: string | null = null;
  if (args.out !== null && proposal.feasible && result.plan) {
    const workbook = input.workbook ?? buildDefaultWorkbook();
    const now = io.now();
    const sheet = describeProposalSheet(
      proposal,
      result.plan,
      { date: now.toISOString().slice(0, 10), time: checkTime(now) },
      workbook.worksheets.map((w) => w.name),
      readSources(tables),
    );
    addProposalSheet(workbook, sheet);
    await saveTo(workbook, args.out);
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
  checkTarget(args.file, { force: args.force, option: "init" });
  await saveTo(buildDefaultWorkbook(), args.file);
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
    if (error instanceof UsageError || error instanceof WorkbookFileError || error instanceof WriteError) {
      io.stderr(`workplan: ${printable(error.message)}\n`);
      return EXIT.unusable;
    }
    io.stderr(`workplan: unexpected error: ${printable(error instanceof Error ? error.message : String(error))}\n`);
    return EXIT.unusable;
  }
}
