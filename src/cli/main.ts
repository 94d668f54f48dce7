/** The `workplan` command line: a thin shell over the engine and the .xlsx adapter. */
import { existsSync, realpathSync } from "node:fs";
import path from "node:path";
import { checkWorkbook, type CheckResult } from "../domain/check";
import { describeAnnotations } from "../domain/annotations";
import { adoptedTables } from "../domain/defaults";
import { tablesByName, type SheetTable } from "../domain/tables";
import { applyAnnotations, buildDefaultWorkbook, loadWorkbook, readTables, saveWorkbook, WorkbookFileError } from "../xlsx";
import { HELP, parseCommand, UsageError, type CheckArgs, type InitArgs } from "./args";
import { checkJson, formatCheck } from "./format";
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

/** "2026-11-23 17:50 UTC" */
export function checkTime(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

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

async function runCheck(args: CheckArgs, io: Io): Promise<number> {
  if (args.out !== null && args.file !== null && samePath(args.out, args.file)) {
    throw new UsageError(`--out ${args.out} is the workbook being checked; write the checked copy to another file.`);
  }
  const input = await loadInput(args.file);
  const tables = tablesByName(input.tables);
  const result = checkWorkbook(tables, { currentYear: io.now().getFullYear(), asOf: args.asOf, expectedEnd: args.expectedEnd });
  const unknown = unknownClusters(args, result);
  if (unknown.length > 0) {
    throw new UsageError(`--expected-end names cluster ${unknown.join(", ")}, which the Clusters table does not have (it has ${Object.keys(result.expectedEnd).join(", ")}).`);
  }
  if (args.out !== null) {
    const workbook = input.workbook ?? buildDefaultWorkbook();
    applyAnnotations(workbook, describeAnnotations(tables, result, checkTime(io.now())));
    await saveWorkbook(workbook, args.out);
  }
  const name = args.file ?? "embedded adopted plan";
  io.stdout(args.json ? checkJson(args.file, result) : formatCheck(name, result));
  if (args.out !== null && !args.json) io.stdout(`Wrote ${args.out} with the highlights, notes and Conflicts table.\n`);
  return result.summary.error > 0 ? EXIT.findings : EXIT.ok;
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
        throw new UsageError('"workplan propose" is not available yet.');
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
