/**
 * The engine's words come from its catalogue (src/domain/messages/findings.ts): no finding file
 * writes a sentence itself, every template is well formed, and no message the engine gives over
 * the adopted workbook, its what-ifs, planners' random workplans and the hostile corpus keeps a
 * parameter unfilled ("{topic}" where a topic should be).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { describeAnnotations, whatIfLine } from "../../src/domain/annotations";
import { describeApply, describeExpectedEnds } from "../../src/domain/apply";
import { checkWorkbook, type CheckResult } from "../../src/domain/check";
import { FINDING_MESSAGES, say } from "../../src/domain/messages/findings";
import { proposeTimeline, type CleanProposal } from "../../src/domain/propose";
import { RULES } from "../../src/domain/rules";
import { sourceInWords } from "../../src/domain/sources";
import { tablesByName, type CellValue, type SheetTable } from "../../src/domain/tables";
import { hostileWorkbooks } from "../../src/bench/hostileWorkbooks";
import { openPackage, readWorkbookState } from "../../src/xlsx";
import { findingFiles, strayWords } from "./strayWords";
import { CLUSTERS, SETTING_NAMES, WORKPLAN, Workbook } from "./workbook";

const TEMPLATES = Object.entries(FINDING_MESSAGES);

describe("the engine's words", () => {
  it("come from the catalogue, never from a finding file", () => {
    expect(findingFiles().length).toBeGreaterThan(20);
    expect(findingFiles().flatMap((file) => strayWords(file))).toEqual([]);
  });

  it("are found where a finding file writes a sentence itself", () => {
    const source = [
      'const early = "Topic 6 is too early";',
      "const at = `${topic} is at ${meeting}`;",
      'const fine = say("early", { topic }) + `${n}` + "cluster-too-early" + "Review end (expected)";',
      "const source = { source: \"P§18, P§4, P§49\", id: 'P-annex table' };",
      'const NOTE_MARK = "Workplan Checker:";',
    ].join("\n");
    expect(strayWords(path.join("rules", "sample.ts"), source)).toEqual([
      "sample.ts:1: Topic 6 is too early",
      "sample.ts:2: ${…} is at ${…}",
      "sample.ts:5: Workplan Checker:",
    ]);
  });
});

/** Every {name} left in a text, but those the input itself holds (a cell may contain braces). */
function leftovers(text: string | null | undefined, input: readonly string[] = []): string[] {
  return [...(text ?? "").matchAll(/\{\w+\}/g)].map(([name]) => name).filter((n) => !input.some((t) => t.includes(n)));
}

describe("the catalogue", () => {
  it.each(TEMPLATES)("%s is well formed: balanced braces around parameter names", (_, template) => {
    expect(template.replace(/\{[a-z][A-Za-z]*\}/g, "")).not.toMatch(/[{}]/);
  });

  it.each(TEMPLATES)("%s follows the UN editorial style", (_, template) => {
    expect(template).not.toMatch(/(?:finali|organi|recogni|summari|priori|reali|minimi|maximi)s(?:e|ed|es|ing)\b/i);
    expect(template).not.toMatch(/§|\d{4}-\d{2}-\d{2}/);
  });

  it("has the forms English needs of every counted message: one and other (ordinals: one, two, few, other)", () => {
    const keys = new Set(Object.keys(FINDING_MESSAGES));
    for (const key of keys) {
      const stem = /^(.*)\.(?:zero|one|two|few|many|other)$/.exec(key)?.[1];
      if (stem === undefined) continue;
      expect(keys).toContain(`${stem}.one`);
      expect(keys).toContain(`${stem}.other`);
    }
    expect([...keys].filter((key) => key.startsWith("ord."))).toEqual(["ord.one", "ord.two", "ord.few", "ord.other"]);
  });

  it("shows a parameter left unfilled, which the checks below look for", () => {
    expect(leftovers(say("early", { topic: "Topic 6", meeting: "the 15th meeting (2028)" }))).toEqual([
      "{cluster}",
      "{end}",
      "{year}",
      "{years}",
    ]);
    expect(leftovers("Topic “{x}” is too early", ["{x}"])).toEqual([]);
  });
});

/** Every sentence a check gives or writes: findings, fixes, notes, the Conflicts sheet and its captions. */
function sentences(tables: readonly SheetTable[], result: CheckResult): string[] {
  const annotations = describeAnnotations(tablesByName(tables), result, "1 December 2026 at 10:00");
  return [
    ...result.findings.flatMap((f) => [f.message, f.problem, f.fix ?? ""]),
    ...annotations.notes.map((n) => n.text),
    ...annotations.conflicts.caption,
    ...annotations.conflicts.rows.flatMap((row) => row.map((cell) => String(cell ?? ""))),
    whatIfLine(result) ?? "",
  ];
}

function cellTexts(tables: readonly SheetTable[]): string[] {
  return tables.flatMap((t) => [...t.headers, ...t.rows.flat()]).flatMap((v) => (typeof v === "string" ? [v] : []));
}

function expectFilled(tables: readonly SheetTable[], result: CheckResult): void {
  const input = cellTexts(tables);
  expect(sentences(tables, result).flatMap((text) => leftovers(text, input))).toEqual([]);
}

const check = (wb: Workbook, options: Parameters<Workbook["check"]>[0] = {}) => wb.check(options);

describe("no message keeps a parameter unfilled", () => {
  it("over the adopted workbook, each cluster slipped or early, each meeting cancelled, as of each year", () => {
    const clusters = Workbook.adopted().table(CLUSTERS.table).rows.length;
    for (let cluster = 1; cluster <= clusters; cluster++) {
      for (let slip = -3; slip <= 4; slip++) {
        const wb = Workbook.adopted();
        const planned = Number(wb.get(CLUSTERS.table, cluster, CLUSTERS.plannedEnd));
        const expectedEnd = new Map([[cluster, planned + slip]]);
        for (const asOf of [2022, 2026, 2031]) expectFilled(wb.tables, check(wb, { asOf, expectedEnd }));
        for (let meeting = 10; meeting <= 19; meeting++)
          expectFilled(wb.tables, check(wb, { currentYear: 2026, expectedEnd, cancel: new Set([meeting]) }));
        const result = check(wb, { currentYear: 2026, expectedEnd });
        const proposal = result.plan && proposeTimeline(result.plan);
        if (result.plan && proposal?.feasible) {
          const apply = describeApply(proposal as CleanProposal, result.plan, wb.table(WORKPLAN.table));
          expect(apply.changes.flatMap((text) => leftovers(text))).toEqual([]);
        }
        if (result.plan)
          expect(describeExpectedEnds(result.plan, expectedEnd).changes.flatMap((t) => leftovers(t))).toEqual([]);
      }
    }
    for (const rule of RULES) expect(leftovers(sourceInWords(rule.source))).toEqual([]);
  });

  const anyCell: fc.Arbitrary<CellValue> = fc.oneof(
    fc.integer({ min: -2, max: 25 }),
    fc.integer({ min: 2018, max: 2040 }),
    fc.constantFrom("10th", "Topic 3", "3 — Title", "Held", "Other: Drones", "e", "(z)", "8, 12", "9-6", "last"),
    fc.constantFrom(null, "", "x".repeat(1001), Number.NaN, true, new Date(Number.NaN), new Date(0)),
    fc.string(),
  );

  const meetingRow: fc.Arbitrary<CellValue[]> = fc.tuple(
    fc.oneof(fc.integer({ min: 8, max: 22 }), fc.constant(null)),
    fc.oneof(
      { arbitrary: fc.integer({ min: 2021, max: 2036 }), weight: 6 },
      { arbitrary: fc.constant(null), weight: 1 },
    ),
    fc.constantFrom(null, "Held", "Planned", "Cancelled"),
    fc.constantFrom(null, "a", "(e)", "k", "Other: Drones", "Drones"),
    fc.oneof({ arbitrary: fc.integer({ min: 1, max: 12 }), weight: 6 }, { arbitrary: fc.constant(null), weight: 1 }),
    fc.constant(null),
  );

  const plannerWorkbook = fc
    .record({
      rows: fc.array(meetingRow, { maxLength: 14 }),
      earliest: fc.integer({ min: 0, max: 3 }),
      latest: fc.integer({ min: 0, max: 3 }),
      edits: fc.array(fc.tuple(fc.nat(7), fc.nat(16), fc.nat(6), anyCell), { maxLength: 6 }),
      drop: fc.option(fc.nat(7), { freq: 8 }),
    })
    .map(({ rows, earliest, latest, edits, drop }) => {
      const wb = Workbook.adopted().setting(SETTING_NAMES.earliest, earliest).setting(SETTING_NAMES.latest, latest);
      wb.table(WORKPLAN.table).rows = rows;
      for (const [t, r, c, value] of edits) {
        const table = wb.tables[t % wb.tables.length] as SheetTable;
        const row = table.rows[r % Math.max(1, table.rows.length)];
        if (row) row[c % table.headers.length] = value;
      }
      if (drop !== null) wb.tables.splice(drop % wb.tables.length, 1);
      return wb;
    });

  it("over workplans a planner might write, with any cell anywhere", () => {
    fc.assert(
      fc.property(plannerWorkbook, fc.integer({ min: 2020, max: 2034 }), (wb, currentYear) => {
        expectFilled(wb.tables, check(wb, { currentYear, cancel: new Set([15]) }));
      }),
      { numRuns: 300 },
    );
  }, 120_000);

  it("over the hostile corpus, where it can be read", async () => {
    const base = readFileSync(path.join(__dirname, "..", "fixtures", "default.xlsx"));
    let read = 0;
    for (const [, make] of hostileWorkbooks(base)) {
      const state = await openPackage(await make())
        .then(readWorkbookState)
        .catch(() => null);
      if (!state) continue;
      read++;
      expectFilled(state.tables, checkWorkbook(tablesByName(state.tables), { currentYear: 2026 }));
    }
    expect(read).toBeGreaterThan(3);
  }, 120_000);
});
