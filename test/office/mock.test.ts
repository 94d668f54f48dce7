/**
 * The adapter on office-addin-mock, the Office add-in mocking library: the tables are
 * OfficeMockObjects, read in one sync. The mock returns an error string (instead of throwing) for
 * a property that was not loaded; none may reach the engine or what is written. The mock has
 * no collections with items, no null objects and no write side, so those few parts are small
 * stand-ins here (a null object, item lists, a recorder of what is written).
 */
import { conflicted } from "./conflicted";
import { OfficeMockObject } from "office-addin-mock";
import { checkTime, describeAnnotations } from "../../src/domain/annotations";
import { checkWorkbook as engineCheck } from "../../src/domain/check";
import { a1, tablesByName, type SheetTable } from "../../src/domain/tables";
import { applyOps, checkWorkbook, readWorkbookState, type ExcelRun } from "../../src/office";
import { describeCheck } from "../../src/domain/write";

const MOCK_ERRORS = ["Error, property was not loaded", "Error, context.sync() was not called"];
const NOW = new Date("2026-11-23T17:50:00Z");

/** Excel's null object: every navigation and call gives the null object again. */
const NULL_OBJECT: unknown = new Proxy(function nullObject() {}, {
  get: (_target, key) =>
    key === "isNullObject" ? true : key === "then" || typeof key === "symbol" ? undefined : NULL_OBJECT,
  apply: () => NULL_OBJECT,
});

interface Written {
  path: string;
  value: unknown;
}

/** Records every property set and call made on it or on anything reached from it. */
function recorder(path: string, log: Written[]): unknown {
  return new Proxy(function recorded() {}, {
    get: (_target, key) =>
      key === "then" || typeof key === "symbol" ? undefined : recorder(`${path}.${String(key)}`, log),
    set: (_target, key, value) => {
      log.push({ path: `${path}.${String(key)}`, value });
      return true;
    },
    apply: (_target, _this, args: unknown[]) => {
      log.push({ path: `${path}()`, value: args });
      return recorder(`${path}(${args.map((a) => (typeof a === "string" ? a : "…")).join(",")})`, log);
    },
  });
}

/** A collection stand-in: load() does nothing, items are given. */
function items<T>(list: T[]): { items: T[]; load(): unknown } {
  return {
    items: list,
    load() {
      return this;
    },
  };
}

function cellData(value: unknown): { value: unknown; type: string } {
  if (value === null || value === undefined) return { value: "", type: "Empty" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  return { value, type: "String" };
}

function tableData(table: SheetTable) {
  const grid = [table.headers, ...(table.rows.length > 0 ? table.rows : [table.headers.map(() => null)])].map((row) =>
    row.map(cellData),
  );
  const bottomRight = a1(table.top + grid.length - 1, table.left + table.headers.length - 1);
  const address = `${table.sheet}!${a1(table.top, table.left)}:${bottomRight}`;
  return {
    isNullObject: false,
    name: table.name,
    showHeaders: true,
    showTotals: false,
    worksheet: { isNullObject: false, name: table.sheet },
    autoFilter: { isNullObject: false, isDataFiltered: false },
    range: {
      isNullObject: false,
      address,
      values: grid.map((r) => r.map((c) => c.value)),
      valueTypes: grid.map((r) => r.map((c) => c.type)),
    },
  };
}

interface MockWorkbook {
  context: OfficeMockObject & Record<string, unknown>;
  log: Written[];
  syncs: () => number;
}

function mockWorkbook(tables: SheetTable[]): MockWorkbook {
  const log: Written[] = [];
  const data = Object.fromEntries(tables.map((t) => [t.name, tableData(t)]));
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const context = new OfficeMockObject({ workbook: { tables: data } }) as OfficeMockObject & Record<string, any>;
  const workbook = context.workbook;
  for (const table of tables) {
    const mock = workbook.tables[table.name];
    mock.getRange = () => mock.range;
    mock.columns = items(table.headers.map((name) => ({ name })));
    mock.resize = (...args: unknown[]) => log.push({ path: `table ${table.name}.resize()`, value: args });
    mock.worksheet.getRange = () => ({ conditionalFormats: items([]) });
    mock.worksheet.getUsedRangeOrNullObject = () => NULL_OBJECT;
  }
  workbook.tables.getItemOrNullObject = (name: string) => workbook.tables[name] ?? NULL_OBJECT;
  const sheetNames = [...new Set(tables.map((t) => t.sheet))];
  workbook.worksheets = {
    ...items(sheetNames.map((name) => ({ name, visibility: "Visible" }))),
    getItemOrNullObject: (name: string) => {
      const onSheet = tables.find((t) => t.sheet === name);
      return onSheet ? workbook.tables[onSheet.name].worksheet : NULL_OBJECT;
    },
    getItem: (name: string) => recorder(`sheet ${name}`, log),
    add: (name: string) => recorder(`new sheet ${name}`, log),
  };
  const tableItems = items(
    tables.map((t) => ({ name: t.name, worksheet: { name: t.sheet }, resize: workbook.tables[t.name].resize })),
  );
  workbook.tables.load = tableItems.load;
  workbook.tables.items = tableItems.items;
  workbook.names = {
    ...items([]),
    getItemOrNullObject: () => NULL_OBJECT,
    add: (...args: unknown[]) => log.push({ path: "names.add()", value: args }),
  };
  let count = 0;
  const sync = context.sync.bind(context);
  context.sync = async () => {
    count++;
    return sync();
  };
  return { context, log, syncs: () => count };
}

function strings(value: unknown, out: string[] = []): string[] {
  if (typeof value === "string") out.push(value);
  else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
  else if (value && typeof value === "object") Object.values(value).forEach((v) => strings(v, out));
  return out;
}

describe("on office-addin-mock", () => {
  it("the mock gives an error string, not an exception, for a property that was not loaded", () => {
    const range = new OfficeMockObject({ values: [[1]] }) as OfficeMockObject & { values: unknown };
    expect(range.values).toBe(MOCK_ERRORS[0]);
  });

  it("reads the tables in one sync, and no error string of the mock reaches the engine", async () => {
    const tables = conflicted();
    const { context, syncs } = mockWorkbook(tables);
    const { state } = await readWorkbookState(context as unknown as Excel.RequestContext, {
      notes: false,
      mergeUndo: false,
      resize: true,
    });
    expect(syncs()).toBe(1);
    expect(state.tables).toEqual(tables.filter((t) => t.name !== "Conflicts"));
    expect(strings(state.tables).filter((s) => MOCK_ERRORS.includes(s))).toEqual([]);
    expect(state.conflicts?.area).toEqual({ top: 4, left: 1, bottom: 5, right: 8 });
  });

  it(
    "checks end to end through Excel.run: one read and " + "one write sync; only the engine's values are written",
    async () => {
      const tables = conflicted();
      const { context, log, syncs } = mockWorkbook(tables);
      const holder = globalThis as { Office?: unknown };
      holder.Office = new OfficeMockObject({
        context: {
          requirements: {
            isSetSupported: (name: string, v: string) => name === "ExcelApi" && Number(v.split(".")[1]) <= 17,
          },
        },
      });
      const run = ((first: unknown, second?: (c: unknown) => Promise<unknown>) =>
        (second ?? (first as (c: unknown) => Promise<unknown>))(context)) as ExcelRun;
      try {
        const outcome = await checkWorkbook(run, { now: () => NOW });
        expect(syncs()).toBe(2);
        const byName = tablesByName(tables);
        expect(outcome.annotations).toEqual(
          describeAnnotations(byName, engineCheck(byName, { currentYear: 2026 }), checkTime(NOW)),
        );
        expect(strings(log.map((w) => w.value)).filter((s) => MOCK_ERRORS.some((e) => s.includes(e)))).toEqual([]);
        expect(strings(outcome.result.findings).filter((s) => MOCK_ERRORS.some((e) => s.includes(e)))).toEqual([]);

        const highlights = outcome.annotations.highlights;
        expect(log).toContainEqual({
          path: `new sheet WorkplanChecker.getRange(${highlights?.range}).values`,
          value: highlights?.flags,
        });
        const conflicts = outcome.annotations.conflicts;
        const body = conflicts.rows.map((row) => row.map((v) => v ?? ""));
        // Text that a spreadsheet could read as something else ("12th meeting (2025)") goes in with a leading
        // apostrophe.
        const written = log.find((w) => w.path === `sheet Conflicts.getRange(A4:H${4 + body.length}).values`);
        const unquoted = (written?.value as unknown[][]).map((row) => row.map((v) => String(v).replace(/^'/, "")));
        expect(unquoted).toEqual([[...conflicts.headers], ...body]);
        expect(log.filter((w) => w.path.endsWith(".notes.add()"))).toEqual([]);
      } finally {
        delete holder.Office;
      }
    },
  );

  it("applying a check's description alone is one sync", async () => {
    const tables = conflicted();
    const { context, syncs } = mockWorkbook(tables);
    const support = { notes: false, mergeUndo: false, resize: true };
    const read = await readWorkbookState(context as unknown as Excel.RequestContext, support);
    const byName = tablesByName(read.state.tables);
    const annotations = describeAnnotations(byName, engineCheck(byName, { currentYear: 2026 }), checkTime(NOW));
    applyOps(context as unknown as Excel.RequestContext, describeCheck(read.state, annotations).ops, read.found, {
      support,
    });
    await context.sync();
    expect(syncs()).toBe(2);
  });
});

describe("types", () => {
  it("takes Excel.run itself as the ExcelRun parameter", () => {
    // Compile-time check: Office.js's own Excel.run fits the parameter the adapter takes.
    const accept = (run: typeof Excel.run): ExcelRun => run;
    expect(typeof accept).toBe("function");
  });
});
