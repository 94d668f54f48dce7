/**
 * What the command line prints from a workbook's cells cannot take over the terminal: carriage
 * returns, other control characters and bidi controls are shown as escapes, in text and in JSON.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { printable } from "../../src/cli/format";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-output-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// XML turns the carriage return into a line feed and cannot hold most C0 controls: these survive.
const HOSTILE = "Held\rPlanned\u202Eevil\u2066\u0085\u200F";
// eslint-disable-next-line no-control-regex -- looking for control characters is the point
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

async function hostileWorkbook(): Promise<string> {
  const file = path.join(dir, "hostile.xlsx");
  expect((await workplan("init", file)).code).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  const sheet = workbook.getWorksheet("Workplan");
  let status: ExcelJS.Cell | undefined;
  sheet?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.value === "Status") status ??= cell;
    }),
  );
  if (!sheet || !status) throw new Error("no Status header on the Workplan sheet");
  sheet.getCell(Number(status.row) + 1, Number(status.col)).value = HOSTILE;
  await workbook.xlsx.writeFile(file);
  return file;
}

describe("cell text in what the command line prints", () => {
  let file: string;
  beforeAll(async () => {
    file = await hostileWorkbook();
  });

  it("shows control and bidi characters as escapes, one finding on its own lines", async () => {
    const run = await workplan("check", file);
    expect(run.stdout).toMatch(/"Held\\[rn]Planned\\u202Eevil\\u2066\\u0085\\u200F"; expected "Held"/);
    expect(run.stdout).not.toMatch(RAW);
  });

  it("keeps JSON valid and exact, with the characters JSON leaves as they are escaped", async () => {
    const run = await workplan("check", file, "--json");
    expect(run.stdout).not.toMatch(RAW);
    const messages = (JSON.parse(run.stdout) as { findings: { message: string }[] }).findings.map((f) => f.message);
    expect(messages.some((message) => /"Held[\r\n]Planned\u202Eevil\u2066\u0085\u200F"/.test(message))).toBe(true);
  });

  it("escapes every C0 and C1 control, DEL and the bidi controls, and nothing else", () => {
    expect(printable("a\tb\nc\r\u001b[31m\u007f\u009b")).toBe("a\\tb\\nc\\r\\u001B[31m\\u007F\\u009B");
    expect(printable("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")).toBe(
      "\\u200E\\u200F\\u202A\\u202B\\u202C\\u202D\\u202E\\u2066\\u2067\\u2068\\u2069",
    );
    const plain = "Réunion — 2028 · ١٢ « » 中文 \u00a0";
    expect(printable(plain)).toBe(plain);
  });
});
