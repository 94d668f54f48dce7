/**
 * Writing a workbook the command line made, without ever destroying one: the target is refused
 * when it is the input (by identity, whatever the path says), open in Excel or LibreOffice, or
 * already there without --force; the bytes go to a temporary file in the target's folder, flushed
 * to disk, then renamed over the target, so an interrupted write leaves the old file as it was.
 */
import { closeSync, fsyncSync, lstatSync, openSync, renameSync, statSync, unlinkSync, writeSync } from "node:fs";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { UsageError } from "./args";
import { cliText } from "./messages";

/** What identifies a file on its disk: the device and the inode (following links). */
export interface FileIdentity {
  dev: number;
  ino: number;
}

export type Identify = (file: string) => FileIdentity | null;

function identify(file: string): FileIdentity | null {
  try {
    const stat = statSync(file);
    return { dev: stat.dev, ino: stat.ino };
  } catch {
    return null;
  }
}

/**
 * Whether writing to `target` would write over `input`: the same file by device and inode, which
 * also catches hard links, symbolic links and, on a case-insensitive disk, the same name in
 * another case (the disk finds the input under either name).
 */
export function isSameFile(target: string, input: string, identityOf: Identify = identify): boolean {
  const a = identityOf(target);
  const b = identityOf(input);
  if (a && b) return a.dev === b.dev && a.ino === b.ino;
  return path.resolve(target) === path.resolve(input);
}

function exists(file: string): boolean {
  try {
    lstatSync(file);
    return true;
  } catch {
    return false;
  }
}

export interface LockFile {
  program: "Excel" | "LibreOffice";
  /** The lock file's name, in the target's folder. */
  name: string;
}

/** The lock file that says another program has the workbook open, if there is one. */
export function openIn(target: string, present: (file: string) => boolean = exists): LockFile | null {
  const dir = path.dirname(target);
  const name = path.basename(target);
  const locks: LockFile[] = [
    { program: "Excel", name: `~$${name}` },
    { program: "LibreOffice", name: `.~lock.${name}#` },
  ];
  return locks.find((lock) => present(path.join(dir, lock.name))) ?? null;
}

export interface TargetOptions {
  /** The workbook being read, which is never written. */
  input?: string | null;
  /** Replace an existing file. */
  force: boolean;
  /** How the option that names the target is spelt in messages ("--out" or "init"). */
  option: string;
}

/** Refuses, with one line saying what to do, a target that must not be written. */
export function checkTarget(target: string, options: TargetOptions): void {
  if (options.input && isSameFile(target, options.input)) {
    throw new UsageError(cliText("files.input", { option: options.option, file: target }));
  }
  if (!exists(target)) return;
  const lock = openIn(target);
  if (lock) {
    throw new UsageError(cliText("files.open", { file: target, program: lock.program, lock: lock.name }));
  }
  if (!options.force) throw new UsageError(cliText("files.exists", { file: target }));
}

/**
 * Refuses a target whose name does not end in the extension of the workbook written to it: an
 * Excel workbook named x.csv, or a macro-enabled one named .xlsx, would not open in Excel.
 */
export function checkExtension(target: string, extension: string, option: string): void {
  const actual = path.extname(target);
  if (actual.toLowerCase() === extension) return;
  const suggestion = `${actual ? target.slice(0, -actual.length) : target}${extension}`;
  throw new UsageError(cliText("files.extension", { option, file: target, extension, suggestion }));
}

/** A file in the target's folder that nothing else uses, so that the rename stays on one disk. */
function temporaryName(target: string): string {
  return path.join(
    path.dirname(target),
    `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`,
  );
}

function writeAll(fd: number, bytes: Uint8Array): void {
  for (let done = 0; done < bytes.length;) done += writeSync(fd, bytes, done, bytes.length - done);
}

/** Flushes the folder's entry for the renamed file, where the system allows it (not on Windows). */
function flushFolder(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // A folder cannot be opened or flushed on every system; the file itself is flushed.
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

export class WriteError extends Error {}

/** Writes the bytes to a temporary file beside the target, flushes it and renames it into place. */
export function writeAtomically(target: string, bytes: Uint8Array): void {
  const temporary = temporaryName(target);
  let fd: number | null = null;
  try {
    fd = openSync(temporary, "wx");
    writeAll(fd, bytes);
    fsyncSync(fd);
    closeSync(fd);
    fd = null;
    renameSync(temporary, target);
  } catch (error) {
    if (fd !== null) closeSync(fd);
    try {
      unlinkSync(temporary);
    } catch {
      // It was never made, or already renamed.
    }
    const what = exists(target) ? cliText("files.asItWas", { file: target }) : cliText("files.nothing");
    const reason =
      (error as { code?: string }).code === "ENOENT" && !exists(path.dirname(target))
        ? cliText("files.noFolder", { folder: path.dirname(target) })
        : (error as Error).message;
    throw new WriteError(cliText("files.cannotWrite", { file: target, reason, what }));
  }
  flushFolder(path.dirname(target));
}
