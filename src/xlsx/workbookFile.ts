/**
 * The command line's workbook: a file's package read as it is, or the adopted workbook made from
 * an empty package with the same operations the add-in's Create applies. The input file is never
 * written; what is written is the package's bytes.
 */
import { readFile } from "node:fs/promises";
import type { SheetOp } from "../domain/sheetOps";
import { describeCreate } from "../domain/write";
import { WorkbookFileError } from "./errors";
import { applyOps } from "./ooxml/applyOps";
import { emptyPackage, writePackage } from "./ooxml/empty";
import { openPackage, type XlsxPackage } from "./ooxml/package";
import { readWorkbookState } from "./ooxml/state";

async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new WorkbookFileError(`No such file: ${path}`);
    if (code === "EISDIR") throw new WorkbookFileError(`${path} is a folder, not an .xlsx workbook.`);
    throw new WorkbookFileError(`Cannot read ${path}: ${(error as Error).message}`);
  }
}

export async function openWorkbookFile(path: string): Promise<XlsxPackage> {
  return openPackage(await readBytes(path), path);
}

/** The adopted workbook (`workplan init`, and what `check --out` writes without a FILE). */
export async function adoptedPackage(): Promise<XlsxPackage> {
  const pkg = await emptyPackage();
  const create = describeCreate(readWorkbookState(pkg));
  if ("refused" in create) throw new WorkbookFileError(create.refused);
  applyOps(pkg, create.ops);
  return pkg;
}

/** Applies one description of what to write and returns the package's bytes. */
export async function patchedBytes(pkg: XlsxPackage, ops: readonly SheetOp[]): Promise<Buffer> {
  applyOps(pkg, ops);
  return writePackage(pkg);
}
