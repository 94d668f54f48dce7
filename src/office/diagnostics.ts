/// <reference types="office-js" />
/**
 * Diagnostics in the user's own Excel: each behaviour of docs/excel-behaviour.md tried in the
 * real host, on scratch sheets the run adds and removes (never a sheet of the user's), with the
 * platform, the Office version and the requirement sets the host answers for. Every step is its
 * own `Excel.run` and is caught, so one failing behaviour is one failing row, never a crash.
 *
 * Deleting a sheet (`Worksheet.delete`) cannot be undone on any platform, and hiding one
 * (`Worksheet.visibility`) cannot on Windows and Mac: running the diagnostics clears Excel's undo
 * history (Undo support with the Excel JavaScript API, "Unsupported APIs").
 */
import { cellValue } from "./ops";
import { detectSupport, errorCode, type Batch, type ExcelRun } from "./run";
import { formulaKey } from "../domain/sheetOps";

export type DiagnosticResult = "pass" | "fail" | "skipped";

export interface DiagnosticRow {
  behaviour: string;
  /** The requirement set the behaviour needs, e.g. "ExcelApi 1.18". */
  requirementSet: string;
  result: DiagnosticResult;
  detail: string;
}

export interface DiagnosticsReport {
  host: string;
  platform: string;
  officeVersion: string;
  /** The ExcelApi requirement sets the host says it supports, from 1.1 to 1.20. */
  supported: string[];
  rows: DiagnosticRow[];
}

export interface DiagnosticsOptions {
  /** How long to wait for the change event of the add-in's own write (events can come late, office-js #521). */
  eventWaitMs?: number;
}

/** The scratch sheet's name, or the first of "…2", "…3" … that the workbook does not use. */
export const SCRATCH_SHEET = "WorkplanDiagnostics";
const NOTE_TEXT = "Workplan Checker diagnostics: a note to read back and delete.";
const TEXT_SAMPLES = ["=not a formula", "+ two", "-", "@home", "1-2", "TRUE", "'quoted", "March 2027"];
const API_VERSIONS = Array.from({ length: 20 }, (_, i) => `1.${i + 1}`);

interface OfficeLike {
  context?: {
    diagnostics?: { host?: unknown; platform?: unknown; version?: unknown };
    requirements?: { isSetSupported?(name: string, minVersion?: string): boolean };
  };
}

interface Scratch {
  sheet: string;
  hidden: string;
  /** A table name and a sheet name the workbook does not have. */
  missing: string;
  table: { id: string; name: string };
}

type Step = (excelRun: ExcelRun, scratch: Scratch) => Promise<DiagnosticRow>;

const row = (behaviour: string, requirementSet: string, result: DiagnosticResult, detail: string): DiagnosticRow => ({
  behaviour,
  requirementSet,
  result,
  detail,
});

function said(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  return code ? `${code}: ${message}` : message;
}

function officeHost(): OfficeLike | undefined {
  return (globalThis as { Office?: OfficeLike }).Office;
}

function supports(version: string): boolean {
  try {
    return officeHost()?.context?.requirements?.isSetSupported?.("ExcelApi", version) === true;
  } catch {
    return false;
  }
}

function freeName(base: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const name = n === 1 ? base : `${base}${n}`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

/** Names for the scratch sheets, and a name that no table or sheet of the workbook has: one read. */
async function chooseNames(excelRun: ExcelRun): Promise<Omit<Scratch, "table">> {
  return excelRun(async (context) => {
    const sheets = context.workbook.worksheets;
    sheets.load("items/name");
    const tables = context.workbook.tables;
    tables.load("items/name");
    await context.sync();
    const taken = new Set([...sheets.items, ...tables.items].map((item) => item.name.toLowerCase()));
    const sheet = freeName(SCRATCH_SHEET, taken);
    return { sheet, hidden: freeName(`${sheet}Hidden`, taken), missing: freeName(`${sheet}Absent`, taken) };
  });
}

/** Adds the scratch sheet with a small table (a header and one row). */
async function addScratch(excelRun: ExcelRun, names: Omit<Scratch, "table">): Promise<Scratch> {
  return excelRun(async (context) => {
    const scratch = context.workbook.worksheets.add(names.sheet);
    scratch.getRange("A1:B2").values = [
      ["Meeting", "Topic"],
      [1, "first"],
    ];
    const table = scratch.tables.add("A1:B2", true);
    table.load("id, name");
    await context.sync();
    return { ...names, table: { id: table.id, name: table.name } };
  });
}

/** Removes the scratch sheets (the very hidden one is made hidden first: Excel deletes no very hidden sheet). */
async function removeScratch(excelRun: ExcelRun, names: readonly string[]): Promise<void> {
  await excelRun(async (context) => {
    const sheets = names.map((name) => context.workbook.worksheets.getItemOrNullObject(name));
    for (const sheet of sheets) sheet.load("visibility");
    await context.sync();
    for (const sheet of sheets) {
      if (sheet.isNullObject) continue;
      if (sheet.visibility === "VeryHidden") sheet.visibility = "Hidden" as Excel.SheetVisibility;
      sheet.delete();
    }
    await context.sync();
  });
}

const nullChains: Step = async (excelRun, scratch) => {
  const behaviour = "Null-object chains in one batch";
  try {
    const found = await excelRun(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject(scratch.missing);
      table.worksheet.load("name");
      table.getRange().load("address");
      const sheet = context.workbook.worksheets.getItemOrNullObject(scratch.missing);
      sheet.getUsedRangeOrNullObject(true).load("address");
      await context.sync();
      return table.isNullObject && sheet.isNullObject;
    });
    return found
      ? row(behaviour, "ExcelApi 1.4", "pass", "A missing table and sheet, and what lies through them, read as null.")
      : row(behaviour, "ExcelApi 1.4", "fail", "A table or sheet that does not exist did not read as a null object.");
  } catch (error) {
    return row(
      behaviour,
      "ExcelApi 1.4",
      "fail",
      `Excel refused to reach through a missing table or sheet (${said(error)}). The add-in then reads in ` +
        "two steps (one more round trip on a workbook without its tables); nothing to do.",
    );
  }
};

const hiddenSheetRule: Step = async (excelRun, scratch) => {
  const behaviour = "A conditional format whose formula reads a very hidden sheet";
  const formula = `=${scratch.hidden}!$A$1=1`;
  try {
    const { visibility, formulas } = await excelRun(async (context) => {
      const hidden = context.workbook.worksheets.add(scratch.hidden);
      hidden.getRange("A1").values = [[1]];
      hidden.visibility = "VeryHidden" as Excel.SheetVisibility;
      const rule = context.workbook.worksheets
        .getItem(scratch.sheet)
        .getRange("D2")
        .conditionalFormats.add("Custom" as Excel.ConditionalFormatType);
      rule.custom.rule.formula = formula;
      rule.custom.format.fill.color = "#FFC7CE";
      await context.sync();
      hidden.load("visibility");
      const rules = context.workbook.worksheets.getItem(scratch.sheet).getRange("D2").conditionalFormats;
      rules.load("items/type, items/customOrNullObject/rule/formula");
      await context.sync();
      return {
        visibility: hidden.visibility as string,
        formulas: rules.items
          .filter((item) => item.type === "Custom" && item.customOrNullObject.isNullObject !== true)
          .map((item) => item.customOrNullObject.rule.formula),
      };
    });
    if (visibility !== "VeryHidden") return row(behaviour, "ExcelApi 1.6", "fail", `The sheet reads as ${visibility}.`);
    if (!formulas.some((f) => formulaKey(f) === formulaKey(formula)))
      return row(behaviour, "ExcelApi 1.6", "fail", `The rule read back as ${formulas.join("; ") || "nothing"}.`);
    return row(
      behaviour,
      "ExcelApi 1.6",
      "pass",
      `The rule ${formula}, which reads a very hidden sheet, was kept as written.`,
    );
  } catch (error) {
    return row(behaviour, "ExcelApi 1.6", "fail", `Excel refused it (${said(error)}).`);
  }
};

/** Adds a note, reads it back, deletes it and looks for it again: three round trips. */
async function noteRoundTrip(excelRun: ExcelRun, sheetName: string): Promise<{ content: string; gone: boolean }> {
  return excelRun(async (context) => {
    const notes = context.workbook.worksheets.getItem(sheetName).notes;
    notes.add("B5", NOTE_TEXT);
    await context.sync();
    const note = notes.getItem("B5");
    note.load("content");
    await context.sync();
    const content = note.content;
    note.delete();
    const after = notes.getItemOrNullObject("B5");
    await context.sync();
    return { content, gone: after.isNullObject };
  });
}

const notes: Step = async (excelRun, scratch) => {
  const behaviour = "Notes added, read and deleted";
  if (!supports("1.18"))
    return row(behaviour, "ExcelApi 1.18", "skipped", "This Excel has no notes API: checks run without notes.");
  if (!detectSupport().notes)
    return row(
      behaviour,
      "ExcelApi 1.18",
      "fail",
      "Excel supports notes but the Office.js library on the page lacks them: load Office.js from Microsoft's CDN.",
    );
  try {
    const { content, gone } = await noteRoundTrip(excelRun, scratch.sheet);
    if (content !== NOTE_TEXT) return row(behaviour, "ExcelApi 1.18", "fail", `The note read back as "${content}".`);
    if (!gone) return row(behaviour, "ExcelApi 1.18", "fail", "The note was still there after it was deleted.");
    return row(behaviour, "ExcelApi 1.18", "pass", "Added, read back word for word, deleted.");
  } catch (error) {
    return row(
      behaviour,
      "ExcelApi 1.18",
      "fail",
      `Excel refused (${said(error)}): checks here run without notes and say so.`,
    );
  }
};

interface HeardEvent {
  source?: string;
  tableId?: string;
}

/** Resolves with the first Local change event of the table, or null after `waitMs`. */
function firstEvent(tableId: string, waitMs: number) {
  let heard: (event: HeardEvent) => void = () => undefined;
  const event = new Promise<HeardEvent | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), waitMs);
    heard = (e) => {
      if (e.tableId !== tableId) return;
      clearTimeout(timer);
      resolve(e);
    };
  });
  return { event, heard };
}

const ownWriteEvent = (waitMs: number): Step => {
  const behaviour = "A change event for the add-in's own write";
  return async (excelRun, scratch) => {
    try {
      const { heard, after } = await excelRun(async (context) => {
        const wait = firstEvent(scratch.table.id, waitMs);
        const handler = context.workbook.tables.onChanged.add(async (e) => wait.heard(e as HeardEvent));
        await context.sync();
        const started = Date.now();
        context.workbook.worksheets.getItem(scratch.sheet).getRange("B2").values = [["changed"]];
        await context.sync();
        const heard = await wait.event;
        const after = Date.now() - started;
        handler.remove();
        await context.sync();
        return { heard, after };
      });
      if (!heard)
        return row(
          behaviour,
          "ExcelApi 1.7",
          "fail",
          `No event within ${Math.round(waitMs / 1000)} seconds; the add-in also knows its writes by where they went.`,
        );
      return row(behaviour, "ExcelApi 1.7", "pass", `Arrived after ${after} ms, source ${heard.source ?? "unknown"}.`);
    } catch (error) {
      return row(behaviour, "ExcelApi 1.7", "fail", `Excel refused (${said(error)}).`);
    }
  };
};

const typedValueEvent: Step = async () =>
  row(
    "A change event for a typed value",
    "ExcelApi 1.7",
    "skipped",
    "Needs a person: with auto-check on, type into the Workplan table and see the pane check again " +
      "(docs/excel-acceptance.md). On the web, a pick from a drop-down raises no event.",
  );

/** Writes two rows below the scratch table and grows it over them, as Apply does. */
async function growTable(excelRun: ExcelRun, scratch: Scratch) {
  return excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItem(scratch.sheet);
    const table = context.workbook.tables.getItem(scratch.table.name);
    const filter = supports("1.9") ? table.autoFilter : null;
    filter?.load("isDataFiltered");
    await context.sync();
    if (filter?.isDataFiltered) return { filtered: true, address: "", values: [] as unknown[][] };
    sheet.getRange("A3:B4").values = [
      [2, "second"],
      [3, "third"],
    ];
    await context.sync();
    table.resize(sheet.getRange("A1:B4"));
    const range = table.getRange();
    range.load("address, values");
    await context.sync();
    return { filtered: false, address: range.address, values: range.values };
  });
}

const rowsBelowTable: Step = async (excelRun, scratch) => {
  const behaviour = "Rows written below a table, the table resized";
  if (!detectSupport().resize)
    return row(behaviour, "ExcelApi 1.13", "skipped", "No Table.resize here: Apply makes the table again instead.");
  try {
    const { filtered, address, values } = await growTable(excelRun, scratch);
    if (filtered)
      return row(behaviour, "ExcelApi 1.13", "fail", "The new table reads as filtered: Apply would refuse to write.");
    const last = values[values.length - 1];
    if (!/A1:B4$/.test(address) || last?.[1] !== "third")
      return row(behaviour, "ExcelApi 1.13", "fail", `The table covers ${address || "nothing"} after resizing.`);
    return row(behaviour, "ExcelApi 1.13", "pass", "The rows were written below it and the table grew over them.");
  } catch (error) {
    return row(behaviour, "ExcelApi 1.13", "fail", `Excel refused (${said(error)}).`);
  }
};

const undoGroup: Step = async (excelRun, scratch) => {
  const behaviour = "One undo step for a batch of several round trips";
  if (!supports("1.20"))
    return row(behaviour, "ExcelApi 1.20", "skipped", "Not supported here: each round trip is its own undo step.");
  try {
    await excelRun({ mergeUndoGroup: true }, async (context) => {
      const sheet = context.workbook.worksheets.getItem(scratch.sheet);
      sheet.getRange("D5").values = [["first step"]];
      await context.sync();
      sheet.getRange("D6").values = [["second step"]];
      await context.sync();
    });
    return row(
      behaviour,
      "ExcelApi 1.20",
      "pass",
      "mergeUndoGroup accepted: one Ctrl+Z undoes a whole check or Apply (seeing it needs a person).",
    );
  } catch (error) {
    return row(behaviour, "ExcelApi 1.20", "fail", `Excel refused the merged undo group (${said(error)}).`);
  }
};

const textStaysText: Step = async (excelRun, scratch) => {
  const behaviour = 'Text starting with "=" kept as text';
  const address = `F1:F${TEXT_SAMPLES.length}`;
  try {
    const { values, types } = await excelRun(async (context) => {
      const range = context.workbook.worksheets.getItem(scratch.sheet).getRange(address);
      range.values = TEXT_SAMPLES.map((text) => [cellValue(text)]);
      range.load("values, valueTypes");
      await context.sync();
      return { values: range.values, types: range.valueTypes as string[][] };
    });
    const changed = TEXT_SAMPLES.flatMap((text, i) =>
      values[i]?.[0] === text && types[i]?.[0] === "String"
        ? []
        : [`"${text}" read back as ${String(values[i]?.[0])} (${String(types[i]?.[0])})`],
    );
    if (changed.length > 0) return row(behaviour, "ExcelApi 1.1", "fail", changed.join("; "));
    return row(behaviour, "ExcelApi 1.1", "pass", `${TEXT_SAMPLES.length} texts Excel could parse stayed text.`);
  } catch (error) {
    return row(behaviour, "ExcelApi 1.1", "fail", `Excel refused (${said(error)}).`);
  }
};

function platformOf(): Omit<DiagnosticsReport, "rows"> {
  const diagnostics = officeHost()?.context?.diagnostics;
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : "unknown");
  return {
    host: text(diagnostics?.host),
    platform: text(diagnostics?.platform),
    officeVersion: text(diagnostics?.version),
    supported: API_VERSIONS.filter(supports).map((v) => `ExcelApi ${v}`),
  };
}

const SCRATCH_ROW = "A scratch sheet added and removed";

/** Every run waits for the user to leave cell-edit mode (ExcelApi 1.11; older clients ignore it). */
function patient(excelRun: ExcelRun): ExcelRun {
  return (<T>(first: Excel.RunOptions | Batch<T>, second?: Batch<T>) =>
    typeof first === "function"
      ? excelRun({ delayForCellEdit: true }, first)
      : excelRun({ ...first, delayForCellEdit: true }, second as Batch<T>)) as ExcelRun;
}

/** Runs every diagnostic on scratch sheets, removes them, and reports. Never throws for Excel's refusals. */
export async function runDiagnostics(host: ExcelRun, options: DiagnosticsOptions = {}): Promise<DiagnosticsReport> {
  const info = platformOf();
  const excelRun = patient(host);
  const steps: Step[] = [
    nullChains,
    hiddenSheetRule,
    notes,
    ownWriteEvent(options.eventWaitMs ?? 15_000),
    typedValueEvent,
    rowsBelowTable,
    undoGroup,
    textStaysText,
  ];
  const rows: DiagnosticRow[] = [];
  let names: Omit<Scratch, "table"> | null = null;
  try {
    names = await chooseNames(excelRun);
    const scratch = await addScratch(excelRun, names);
    for (const step of steps) rows.push(await step(excelRun, scratch));
  } catch (error) {
    const refused = row(
      SCRATCH_ROW,
      "ExcelApi 1.1",
      "fail",
      `Excel refused it (${said(error)}); nothing else was run.`,
    );
    if (names) await removed(excelRun, names);
    return { ...info, rows: [refused] };
  }
  rows.push(await removed(excelRun, names));
  return { ...info, rows };
}

async function removed(excelRun: ExcelRun, names: Omit<Scratch, "table">): Promise<DiagnosticRow> {
  try {
    await removeScratch(excelRun, [names.hidden, names.sheet]);
    return row(SCRATCH_ROW, "ExcelApi 1.1", "pass", `${names.sheet} was added and removed.`);
  } catch (error) {
    return row(
      SCRATCH_ROW,
      "ExcelApi 1.1",
      "fail",
      `Delete the sheet ${names.sheet} by hand (Excel said ${said(error)}).`,
    );
  }
}
