/**
 * Property-based tests of the engine: whatever the cells hold and however the tables are laid
 * out, checking never throws, points at real cells, is deterministic, does not depend on the
 * order of the Workplan rows, and keeps the adopted plan clean.
 */
import fc from "fast-check";
import { checkWorkbook, type CheckResult } from "../../src/domain/check";
import { DATA_RULES } from "../../src/domain/findings";
import type { Finding } from "../../src/domain/model";
import { RULES } from "../../src/domain/rules";
import { tablesByName, type CellValue, type SheetTable } from "../../src/domain/tables";
import { CLUSTERS, SETTING_NAMES, WORKPLAN, Workbook, facts } from "./workbook";

// Cells may hold invalid dates. A copy of one is the same value, but jest's toEqual holds that two
// dates whose time is NaN are never equal; here they are (the test would otherwise fail at random).
const isDate = (value: unknown): value is Date => Object.prototype.toString.call(value) === "[object Date]";
(
  expect as unknown as { addEqualityTesters(testers: ((a: unknown, b: unknown) => boolean | undefined)[]): void }
).addEqualityTesters([(a, b) => (isDate(a) && isDate(b) ? Object.is(a.getTime(), b.getTime()) : undefined)]);

const RULE_IDS = new Set([...RULES.map((r) => r.id), ...Object.keys(DATA_RULES)]);
const SEVERITY: ReadonlyMap<string, string> = new Map([
  ...RULES.map((r) => [r.id, r.severity] as const),
  ...Object.entries(DATA_RULES).map(([id, r]) => [id, r.severity] as const),
]);

// ---------------------------------------------------------------------------------------------
// Cells

/** Values a planner might type: every form of workbook.md and near misses. */
const plausible: fc.Arbitrary<CellValue> = fc.oneof(
  fc.integer({ min: -2, max: 25 }),
  fc.integer({ min: 2018, max: 2040 }),
  fc.integer({ min: 2018, max: 2040 }).map(String),
  fc.integer({ min: 0, max: 25 }).map((n) => `${n}th`),
  fc.integer({ min: 0, max: 12 }).map((n) => `Topic ${n}`),
  fc.integer({ min: 0, max: 12 }).map((n) => `${n} — Title`),
  fc.constantFrom(
    "Held",
    "planned",
    "PLANNED",
    "held ",
    "Done",
    "e",
    "(e)",
    "e — Ammunition",
    "(j) - Article 10",
    "z",
    "Other: Drones",
    "other:",
    "Other",
    "8, 12",
    "8 and 12",
    "8; 12",
    "6–9",
    "6-9",
    "9-6",
    "1-500, 1-500",
    "Arts. 7 & 8",
    "last",
    "LAST",
    "first",
    "Cluster 2",
    "cluster 9",
    SETTING_NAMES.earliest,
    SETTING_NAMES.latest,
    SETTING_NAMES.asOf,
    "earliest",
    "As Of Year",
    "Meeting",
    "Year",
    "Topic",
    "Code",
  ),
);

const huge: fc.Arbitrary<CellValue> = fc
  .tuple(
    fc.constantFrom("1", "a", " ", "1-", "(", "—", "é", "1, ", "topic ", "\u{1F600}"),
    fc.integer({ min: 1_000, max: 200_000 }),
  )
  .map(([unit, n]) => unit.repeat(n));

/** Anything a cell (or a header) may hold, including what no adapter should ever produce. */
const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: plausible, weight: 6 },
  { arbitrary: fc.string(), weight: 2 },
  { arbitrary: fc.string({ unit: "grapheme" }), weight: 1 },
  { arbitrary: fc.string({ unit: "binary" }), weight: 1 },
  { arbitrary: fc.stringMatching(/^[\s\u00a0\u2003\u200b\ufeff]*$/), weight: 1 },
  { arbitrary: huge, weight: 1 },
  { arbitrary: fc.double(), weight: 2 },
  {
    arbitrary: fc.constantFrom(
      Number.NaN,
      Infinity,
      -Infinity,
      -0,
      0.5,
      1e21,
      Number.MAX_SAFE_INTEGER + 2,
      2028.0000001,
    ),
    weight: 1,
  },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: fc.constantFrom(null, undefined), weight: 2 },
  { arbitrary: fc.date({ noInvalidDate: false }), weight: 1 },
  { arbitrary: fc.object({ withNullPrototype: true }), weight: 1 },
  { arbitrary: fc.array(fc.anything({ withNullPrototype: true }), { maxLength: 4 }), weight: 1 },
);

// ---------------------------------------------------------------------------------------------
// Layouts

interface TableChange {
  drop: boolean;
  /** Sort keys that reorder the columns. */
  order: number[];
  headerStyle: ("same" | "upper" | "lower" | "padded")[];
  extra: [position: number, header: CellValue][];
  replaceHeader: [position: number, header: CellValue] | null;
  top: number;
  left: number;
  edits: [row: number, column: number, value: CellValue][];
}

const tableChange: fc.Arbitrary<TableChange> = fc.record({
  drop: fc.integer({ min: 0, max: 30 }).map((n) => n === 0),
  order: fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 8, maxLength: 8 }),
  headerStyle: fc.array(fc.constantFrom("same", "upper", "lower", "padded"), { minLength: 8, maxLength: 8 }),
  extra: fc.array(fc.tuple(fc.nat(8), anyCell), { maxLength: 2 }),
  replaceHeader: fc.option(fc.tuple(fc.nat(8), anyCell), { freq: 8 }),
  top: fc.integer({ min: 1, max: 200 }),
  left: fc.integer({ min: 1, max: 80 }),
  edits: fc.array(fc.tuple(fc.nat(16), fc.nat(9), anyCell), { maxLength: 12 }),
});

function restyle(header: CellValue, style: TableChange["headerStyle"][number]): CellValue {
  if (typeof header !== "string") return header;
  if (style === "upper") return header.toUpperCase();
  if (style === "lower") return header.toLowerCase();
  if (style === "padded") return `  ${header}\t `;
  return header;
}

function applyChange(table: SheetTable, change: TableChange): SheetTable | null {
  if (change.drop) return null;
  const width = table.headers.length;
  const columns = table.headers
    .map((_, i) => i)
    .sort((a, b) => (change.order[a] ?? 0) - (change.order[b] ?? 0) || a - b);
  let headers = columns.map((i, at) => restyle(table.headers[i], change.headerStyle[at] ?? "same"));
  let rows: CellValue[][] = table.rows.map((row) => columns.map((i): CellValue => row[i] ?? null));
  for (const [position, header] of change.extra) {
    const at = position % (headers.length + 1);
    headers = [...headers.slice(0, at), header, ...headers.slice(at)];
    rows = rows.map((row) => [...row.slice(0, at), "extra", ...row.slice(at)]);
  }
  if (change.replaceHeader) headers[change.replaceHeader[0] % headers.length] = change.replaceHeader[1];
  for (const [row, column, value] of change.edits) {
    while (rows.length <= row) rows.push(Array.from({ length: width }, (): CellValue => null));
    (rows[row] as CellValue[])[column] = value;
  }
  return { ...table, headers, rows, top: change.top, left: change.left };
}

const anyWorkbook: fc.Arbitrary<SheetTable[]> = fc
  .array(tableChange, { minLength: 8, maxLength: 8 })
  .map((changes) =>
    Workbook.adopted().tables.flatMap((table, i) => applyChange(table, changes[i] as TableChange) ?? []),
  );

const options = fc.record({
  currentYear: fc.integer({ min: 1900, max: 2100 }),
  asOf: fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: undefined }),
  expectedEnd: fc.option(
    fc
      .array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 2015, max: 2045 })))
      .map((pairs) => new Map(pairs)),
    { nil: undefined },
  ),
});

// ---------------------------------------------------------------------------------------------
// What every result must satisfy

function parseA1(cell: string): { row: number; column: number } | null {
  const match = /^([A-Z]+)([1-9]\d*)$/.exec(cell);
  if (!match) return null;
  const column = [...(match[1] as string)].reduce((n, letter) => n * 26 + letter.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), column };
}

function insideBody(table: SheetTable, cell: string): boolean {
  const at = parseA1(cell);
  if (!at) return false;
  return (
    at.row > table.top &&
    at.row <= table.top + table.rows.length &&
    at.column >= table.left &&
    at.column < table.left + table.headers.length
  );
}

const wholeOrNull = (n: number | null) => n === null || Number.isSafeInteger(n);

function expectWellFormed(tables: readonly SheetTable[], result: CheckResult): void {
  expect(result.plan !== null || result.findings.length > 0).toBe(true);
  for (const f of result.findings) {
    expect(RULE_IDS.has(f.rule)).toBe(true);
    expect(f.severity).toBe(f.held ? "info" : SEVERITY.get(f.rule));
    if (f.held) expect(f.message).toContain("already held");
    expect(typeof f.message).toBe("string");
    expect(f.message.length).toBeGreaterThan(0);
    expect(wholeOrNull(f.meeting) && wholeOrNull(f.year) && wholeOrNull(f.topic)).toBe(true);
    if (f.cell !== null) expect(parseA1(f.cell)).not.toBeNull();
    if (f.rule === "missing-table") {
      // A missing table has no sheet to point at; its message names the sheet to create it on.
      const named = f.sheet ?? /sheet "([^"]+)"/.exec(f.message)?.[1];
      expect(named).toBeTruthy();
    }
    if (f.rule === "invalid-value") {
      expect(f.sheet).toBeTruthy();
      expect(f.cell).toBeTruthy();
      const table = tables.find((t) => t.sheet === f.sheet);
      expect(table).toBeDefined();
      expect(insideBody(table as SheetTable, f.cell as string)).toBe(true);
      expect(f.message.startsWith(`${f.sheet}!${f.cell}: `)).toBe(true);
    }
  }
}

const check = (tables: readonly SheetTable[], opts: Parameters<typeof checkWorkbook>[1]) =>
  checkWorkbook(tablesByName(tables), opts);

describe("any cell content, any layout", () => {
  it("never throws, yields a plan or findings, and every data finding points at a real place", () => {
    fc.assert(
      fc.property(anyWorkbook, options, (tables, opts) => {
        expectWellFormed(tables, check(tables, opts));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("any single cell anywhere in the adopted workbook", () => {
    const adopted = Workbook.adopted().tables;
    const someCell = fc.integer({ min: 0, max: adopted.length - 1 }).chain((t) => {
      const table = adopted[t] as SheetTable;
      return fc.tuple(
        fc.constant(t),
        fc.integer({ min: -1, max: table.rows.length }),
        fc.integer({ min: 0, max: table.headers.length - 1 }),
        anyCell,
      );
    });
    fc.assert(
      fc.property(someCell, ([t, row, column, value]) => {
        const tables = Workbook.adopted().tables;
        const table = tables[t] as SheetTable;
        if (row < 0) table.headers[column] = value;
        else {
          while (table.rows.length <= row) table.rows.push(table.headers.map(() => null));
          (table.rows[row] as CellValue[])[column] = value;
        }
        expectWellFormed(tables, check(tables, { currentYear: 2026 }));
      }),
      { numRuns: 400 },
    );
  }, 120_000);

  it("is deterministic and leaves the tables as they were", () => {
    fc.assert(
      fc.property(anyWorkbook, options, (tables, opts) => {
        const before = structuredClone(tables);
        const first = check(tables, opts);
        expect(tables).toEqual(before);
        expect(check(tables, opts)).toEqual(first);
        // A fresh copy of every table and row (the cells themselves are shared: structuredClone
        // would move Dates to another realm, where instanceof Date no longer holds).
        const copy = tables.map((t) => ({ ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) }));
        expect(check(copy, opts)).toEqual(first);
      }),
      { numRuns: 150 },
    );
  }, 120_000);
});

// ---------------------------------------------------------------------------------------------
// Workplans a planner might write

const codes = ["a", "b", "d", "e", "g", "j", "k"];
const meetingRow: fc.Arbitrary<CellValue[]> = fc.tuple(
  fc.oneof(
    fc.integer({ min: 8, max: 22 }),
    fc.integer({ min: 8, max: 22 }).map((n) => `${n}th`),
    fc.constant(null),
  ),
  fc.oneof({ arbitrary: fc.integer({ min: 2021, max: 2036 }), weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }),
  fc.constantFrom(null, "Held", "Planned", "Cancelled", "postponed"),
  fc.oneof(
    fc.constantFrom(...codes),
    fc.constantFrom(...codes).map((c) => `(${c})`),
    fc.constantFrom(null, "Other: Drones", "Drones"),
  ),
  fc.oneof({ arbitrary: fc.integer({ min: 1, max: 11 }), weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }),
  fc.constant(null),
);

const plannerWorkbook = fc
  .record({
    rows: fc.array(meetingRow, { maxLength: 14 }),
    earliest: fc.integer({ min: 0, max: 3 }),
    latest: fc.integer({ min: 0, max: 3 }),
    asOf: fc.constantFrom(null, 2024, 2027, 2030),
    fourteenLast: fc.boolean(),
  })
  .map(({ rows, earliest, latest, asOf, fourteenLast }) => {
    const wb = Workbook.adopted()
      .setting(SETTING_NAMES.earliest, earliest)
      .setting(SETTING_NAMES.latest, latest)
      .setting(SETTING_NAMES.asOf, asOf);
    if (!fourteenLast) wb.set("Articles", { Article: 14 }, "Rule", null);
    wb.table(WORKPLAN.table).rows = rows;
    return wb;
  });

const slips = fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: -3, max: 4 })), { maxLength: 3 });

const TIMING = new Set([
  "cluster-too-early",
  "cluster-too-late",
  "last-topic",
  "topic-order",
  "meeting-sequence",
  "flexible-repeat",
]);

/** What a planner reads of a timing finding, without where it is. */
function timingFindings(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => TIMING.has(f.rule))
    .map(
      (f) =>
        `${f.rule} | ${f.severity} | ${f.meeting} | ${f.year} | ${f.topic} ` +
        `| ${f.message.replace(/\b[A-Z]{1,3}[1-9]\d*\b/g, "<cell>")}`,
    )
    .sort();
}

describe("Workplans a planner might write", () => {
  it("permuting (sorting) the Workplan rows does not change the timing findings", () => {
    const withPermutation = plannerWorkbook.chain((wb) =>
      fc.tuple(
        fc.constant(wb),
        fc.array(fc.nat(), {
          minLength: wb.table(WORKPLAN.table).rows.length,
          maxLength: wb.table(WORKPLAN.table).rows.length,
        }),
        slips,
      ),
    );
    fc.assert(
      fc.property(withPermutation, ([wb, keys, slip]) => {
        const expectedEnd = new Map(
          slip.map(([cluster, years]) => [cluster, 2024 + 2 * cluster + years] as [number, number]),
        );
        const before = timingFindings(wb.findings({ expectedEnd }));
        const sorted = wb.clone();
        const rows = sorted.table(WORKPLAN.table).rows;
        sorted.table(WORKPLAN.table).rows = rows
          .map((row, i) => [keys[i] ?? 0, i, row] as const)
          .sort((a, b) => a[0] - b[0] || a[1] - b[1])
          .map(([, , row]) => row);
        expect(timingFindings(sorted.findings({ expectedEnd }))).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("sorting by year, by topic or in reverse does not change the timing findings", () => {
    fc.assert(
      fc.property(plannerWorkbook, (wb) => {
        const before = timingFindings(wb.findings());
        const byColumn = (column: number) => (a: CellValue[], b: CellValue[]) =>
          Number(a[column] ?? -1) - Number(b[column] ?? -1);
        for (const sort of [byColumn(1), byColumn(4), (a: CellValue[], b: CellValue[]) => byColumn(1)(b, a)]) {
          const sorted = wb.clone();
          sorted.table(WORKPLAN.table).rows.sort(sort);
          expect(timingFindings(sorted.findings())).toEqual(before);
        }
      }),
      { numRuns: 300 },
    );
  });

  it("findings about held meetings are info and say 'already held'; the others keep their rule's severity", () => {
    fc.assert(
      fc.property(plannerWorkbook, slips, (wb, slip) => {
        const expectedEnd = new Map(
          slip.map(([cluster, years]) => [cluster, 2024 + 2 * cluster + years] as [number, number]),
        );
        expectWellFormed(wb.tables, wb.check({ expectedEnd, currentYear: 2026 }));
      }),
      { numRuns: 300 },
    );
  });

  it("a what-if slip gives the same findings as typing it in the Clusters table, said as the what-if's", () => {
    fc.assert(
      fc.property(
        plannerWorkbook,
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 2020, max: 2040 }),
        (wb, cluster, end) => {
          const whatIf = wb.findings({ expectedEnd: new Map([[cluster, end]]) });
          const typed = wb.clone().set(CLUSTERS.table, { Cluster: cluster }, CLUSTERS.expectedEnd, end).findings();
          expect(facts(typed)).toEqual(facts(whatIf));
          const moved = wb.check().expectedEnd[String(cluster)] !== end;
          for (const finding of whatIf.filter((f) => /cluster-too-(early|late)/.test(f.rule)))
            if (new RegExp(`review of cluster ${cluster}\\b`).test(finding.message))
              expect(finding.message.includes("in this what-if check")).toBe(moved);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe("the adopted defaults", () => {
  it("stay clean for any As of year, given as the setting, as text, as the option or as the calendar year", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 9999 }),
        fc.integer({ min: -100_000, max: 100_000 }),
        (year, anyYear) => {
          expect(Workbook.adopted().setting(SETTING_NAMES.asOf, year).findings()).toEqual([]);
          expect(Workbook.adopted().setting(SETTING_NAMES.asOf, String(year)).findings()).toEqual([]);
          expect(Workbook.adopted().findings({ asOf: anyYear })).toEqual([]);
          expect(Workbook.adopted().findings({ currentYear: anyYear })).toEqual([]);
          const result = Workbook.adopted().check({ currentYear: year });
          expect(result.summary).toEqual({ error: 0, warning: 0, info: 0 });
          expect(result.plan?.meetings.filter((m) => m.held).length).toBe(Math.min(10, Math.max(0, year - 2023)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
