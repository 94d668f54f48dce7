/** The `workplan` command line: a thin shell over the engine and the .xlsx adapter. */
import { checkWorkbook, type CheckResult } from "../domain/check";
import { DATA_RULES } from "../domain/findings";
import type { Finding } from "../domain/model";
import { cancelRefusals } from "../domain/whatIf";
import { checkTime, describeAnnotations } from "../domain/annotations";
import { tablesByName, type SheetTable, type WorkbookTables } from "../domain/tables";
import { budgetFor, proposeTimeline, type Budget, type Proposal } from "../domain/propose";
import { describeProposalSheet } from "../domain/proposalSheet";
import { readSources } from "../domain/sources";
import type { SheetOp, WorkbookState } from "../domain/sheetOps";
import { describeCheck, describeProposalSheetOps } from "../domain/write";
import {
  adoptedPackage,
  openWorkbookFile,
  patchedBytes,
  readWorkbookState,
  workbookExtension,
  WorkbookFileError,
  type XlsxPackage,
} from "../xlsx";
import { HELP, parseCommand, UsageError, type CheckArgs, type InitArgs } from "./args";
import { checkExtension, checkTarget, writeAtomically, WriteError } from "./files";
import { checkJson, formatCheck, formatProposal, printable, proposeJson } from "./format";
import { packageVersion } from "./version";
import { cliCounted, cliText } from "./messages";

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

interface LoadedWorkbook {
  tables: SheetTable[];
  /** The file's package and how it reads, or the adopted workbook as `workplan init` makes it. */
  workbook: { pkg: XlsxPackage; state: WorkbookState };
}

/** The file, or without one the adopted workbook made afresh: the findings point at the cells it writes. */
async function loadInput(file: string | null): Promise<LoadedWorkbook> {
  const pkg = file === null ? await adoptedPackage() : await openWorkbookFile(file);
  const state = readWorkbookState(pkg);
  return { tables: state.tables, workbook: { pkg, state } };
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
  if (args.out !== null) checkExtension(args.out, workbookExtension(input.workbook.pkg), "--out");
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
      cliText("args.unknownCluster", {
        clusters: unknown.join(", "),
        known: Object.keys(result.expectedEnd).join(", "),
      }),
    );
  }
  return { input, tables, result };
}

function inputName(args: CheckArgs): string {
  return args.file ?? cliText("input.embedded");
}

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  const { input, tables, result } = await analyse(args, io);
  let blocked: string | null = null;
  if (args.out !== null) {
    const { pkg, state } = input.workbook;
    const write = describeCheck(state, describeAnnotations(tables, result, checkTime(io.now())));
    writeAtomically(args.out, await patchedBytes(pkg, write.ops));
    blocked = write.blocked;
  }
  io.stdout(args.json ? checkJson(args.file, result, args.cancel.length > 0) : formatCheck(inputName(args), result));
  if (args.out !== null && !args.json) io.stdout(`${cliText("check.wrote", { file: args.out })}\n`);
  if (blocked) io.stderr(`workplan: ${printable(blocked)}\n`);
  return result.summary.error > 0 ? EXIT.findings : EXIT.ok;
}

async function runPropose(args: CheckArgs, io: Io): Promise<number> {
  const { input, tables, result } = await analyse(args, io);
  const budget = budgetOf(args.timeLimit, io);
  const unread = unreadCells(result);
  const proposal: Proposal =
    result.plan && unread.length === 0 ? proposeTimeline(result.plan, { budget }) : unreadable(result, unread);
  let wrote: string | null = null;
  let blocked: string | null = null;
  if (args.out !== null && proposal.feasible && result.plan) {
    const { pkg, state } = input.workbook;
    const now = io.now();
    // The copy shows the check the proposal starts from, as `check --out` would: a Conflicts sheet
    // saying "Not checked yet", or an older check, beside a proposal made from this one would mislead.
    const check = describeCheck(state, describeAnnotations(tables, result, checkTime(now)));
    const sheet = describeProposalSheet(
      proposal,
      result.plan,
      { date: now.toISOString().slice(0, 10), time: checkTime(now) },
      [...state.sheets.map((s) => s.name), ...sheetsAdded(check.ops)],
      readSources(tables),
    );
    writeAtomically(args.out, await patchedBytes(pkg, [...check.ops, ...describeProposalSheetOps(sheet)]));
    wrote = sheet.name;
    blocked = check.blocked;
  }
  // A proposal that changes nothing while the check finds errors would read as "all is well".
  const unchanged = proposal.feasible && proposal.moved === 0 && proposal.appendedMeetings === 0;
  const stillWrong = unchanged && result.summary.error > 0;
  if (args.json) io.stdout(proposeJson(proposal, result, args.cancel.length > 0));
  else {
    if (stillWrong) io.stdout(formatCheck(inputName(args), result));
    io.stdout(
      formatProposal(
        inputName(args),
        result,
        proposal,
        args.out === null ? null : { file: args.out, sheet: wrote },
        unread.length > 0,
      ),
    );
  }
  if (blocked) io.stderr(`workplan: ${printable(blocked)}\n`);
  return proposal.feasible && !stillWrong ? EXIT.ok : EXIT.findings;
}

/** The sheets a description adds, so that the proposal's sheet takes another name. */
function sheetsAdded(ops: readonly SheetOp[]): string[] {
  return ops.flatMap((op) => (op.op === "addSheet" ? [op.sheet] : []));
}

/** Cells the engine could not read, or tables it did not find: no timeline is proposed from such a workbook. */
function unreadCells(result: CheckResult): Finding[] {
  return result.findings.filter((f) => f.severity === "error" && Object.hasOwn(DATA_RULES, f.rule));
}

/** Say why no timeline is proposed, in the words of the findings that name the cells or tables. */
function unreadable(result: CheckResult, unread: readonly Finding[]): Proposal {
  const findings = unread.length > 0 ? unread : result.findings;
  return {
    feasible: false,
    reason: cliCounted("propose.unreadable", findings.length, {
      findings: findings.map((f) => f.message).join(" "),
    }),
    unplaced: [],
    relaxations: [],
  };
}

async function runInit(args: InitArgs, io: Io): Promise<number> {
  checkExtension(args.file, ".xlsx", "init");
  checkTarget(args.file, { force: args.force, option: "init" });
  writeAtomically(args.file, await patchedBytes(await adoptedPackage(), []));
  io.stdout(`${cliText("init.wrote", { file: args.file })}\n`);
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
    const message = printable(error instanceof Error ? error.message : String(error));
    io.stderr(`workplan: ${cliText("error.unexpected", { message })}\n`);
    return EXIT.unusable;
  }
}
