/** Reading and writing `.xlsx` files; the input file is never written. */
import { readFile, writeFile } from "node:fs/promises";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { WorkbookFileError } from "./errors";
import { tableModels } from "./excelModel";
import { readablePackage } from "./package";
import { putBackUserParts, rememberUserParts, takeUserParts, userPartsOf } from "./userParts";

/** ExcelJS declares its own global `Buffer` interface, which Node's Buffer type no longer matches. */
type ExcelBuffer = Parameters<ExcelJS.Xlsx["load"]>[0];

const EXCELJS_DEFAULT_WIDTH = 9;

/** Compound-file signature: an encrypted workbook or an old binary .xls. */
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

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

async function openZip(path: string, bytes: Buffer): Promise<JSZip> {
  if (bytes.subarray(0, 4).equals(COMPOUND_FILE)) {
    throw new WorkbookFileError(
      `${path} is not an .xlsx workbook (it is password-protected or an old .xls file; save it as .xlsx without a password).`,
    );
  }
  try {
    return await JSZip.loadAsync(bytes);
  } catch {
    throw new WorkbookFileError(`${path} is not an .xlsx workbook (it is not a zip package).`);
  }
}

export async function loadWorkbook(path: string): Promise<ExcelJS.Workbook> {
  const zip = await readablePackage(await openZip(path, await readBytes(path)));
  if (!zip.file("xl/workbook.xml"))
    throw new WorkbookFileError(`${path} is not an .xlsx workbook (it has no workbook part).`);
  const parts = await takeUserParts(zip);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load((await zip.generateAsync({ type: "nodebuffer" })) as unknown as ExcelBuffer);
  } catch (error) {
    throw new WorkbookFileError(`${path} could not be read as an .xlsx workbook: ${(error as Error).message}`);
  }
  rememberUserParts(workbook, parts);
  return workbook;
}

/** ExcelJS throws on a table without a style (LibreOffice writes them); the written XML is replaced by the original anyway. */
function styleEveryTable(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets)
    for (const table of tableModels(worksheet)) table.style ??= { theme: null };
}

/** ExcelJS leaves out a column whose width equals its default of 9; a hair more keeps it. */
function keepColumnWidths(workbook: ExcelJS.Workbook): void {
  for (const worksheet of workbook.worksheets) {
    for (const column of worksheet.columns ?? [])
      if (column.width === EXCELJS_DEFAULT_WIDTH) column.width = EXCELJS_DEFAULT_WIDTH + 1e-6;
  }
}

/** The bytes of the .xlsx file for the workbook, for a caller that writes them itself. */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Buffer> {
  styleEveryTable(workbook);
  keepColumnWidths(workbook);
  const written = Buffer.from(await workbook.xlsx.writeBuffer());
  const parts = userPartsOf(workbook);
  if (!parts) return written;
  const zip = await JSZip.loadAsync(written);
  await putBackUserParts(zip, parts);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

export async function saveWorkbook(workbook: ExcelJS.Workbook, path: string): Promise<void> {
  const bytes = await workbookBytes(workbook);
  try {
    await writeFile(path, bytes);
  } catch (error) {
    throw new WorkbookFileError(`Cannot write ${path}: ${(error as Error).message}`);
  }
}
