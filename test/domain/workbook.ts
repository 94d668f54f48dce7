/**
 * Test helper: a mutable copy of the adopted workbook (src/domain/defaults.ts) whose cells are
 * edited by table name, data row and header text, the way a planner edits the real workbook.
 */
import { checkWorkbook, type CheckResult } from "../../src/domain/check";
import { adoptedTables } from "../../src/domain/defaults";
import type { Finding } from "../../src/domain/model";
import { a1, tablesByName, type CellValue, type SheetTable } from "../../src/domain/tables";
import type { ReadOptions } from "../../src/domain/read";

export { WORKPLAN, TOPICS, ARTICLES, CLUSTERS, FLEXIBLE, SETTINGS, SETTING_NAMES } from "../../src/domain/layout";

/** A data row: its 1-based position in the table body, or the values of some of its cells. */
export type RowRef = number | Readonly<Record<string, CellValue>>;

/** The 9th meeting adopted the workplan (P§2, P§51). */
export const ADOPTION_YEAR = 2022;

const norm = (text: string): string => text.trim().toLowerCase();

export class Workbook {
  readonly tables: SheetTable[];

  constructor(tables: SheetTable[] = adoptedTables()) {
    this.tables = tables;
  }

  static adopted(): Workbook {
    return new Workbook();
  }

  clone(): Workbook {
    return new Workbook(this.tables.map((t) => ({ ...t, headers: [...t.headers], rows: t.rows.map((r) => [...r]) })));
  }

  table(name: string): SheetTable {
    const table = this.tables.find((t) => norm(t.name) === norm(name));
    if (!table) throw new Error(`test workbook has no table ${name}`);
    return table;
  }

  column(name: string, header: string): number {
    const at = this.table(name).headers.findIndex((h) => typeof h === "string" && norm(h) === norm(header));
    if (at < 0) throw new Error(`table ${name} has no column ${header}`);
    return at;
  }

  /** 0-based index into the table body. */
  rowIndex(name: string, row: RowRef): number {
    const table = this.table(name);
    if (typeof row === "number") {
      if (row < 1 || row > table.rows.length) throw new Error(`table ${name} has no data row ${row}`);
      return row - 1;
    }
    const criteria = Object.entries(row).map(([header, value]) => [this.column(name, header), value] as const);
    const matches = table.rows.flatMap((cells, i) => (criteria.every(([c, v]) => cells[c] === v) ? [i] : []));
    if (matches.length !== 1) throw new Error(`table ${name}: ${matches.length} rows match ${JSON.stringify(row)}`);
    return matches[0] as number;
  }

  get(name: string, row: RowRef, header: string): CellValue {
    return this.table(name).rows[this.rowIndex(name, row)]?.[this.column(name, header)];
  }

  set(name: string, row: RowRef, header: string, value: CellValue): this {
    const cells = this.table(name).rows[this.rowIndex(name, row)] as CellValue[];
    cells[this.column(name, header)] = value;
    return this;
  }

  /** The A1 address of a cell, where the sheet shows it. */
  address(name: string, row: RowRef, header: string): string {
    const table = this.table(name);
    return a1(table.top + 1 + this.rowIndex(name, row), table.left + this.column(name, header));
  }

  /** Appends a row; cells are given by header text, the others are blank. */
  addRow(name: string, cells: Readonly<Record<string, CellValue>>): this {
    const table = this.table(name);
    const row: CellValue[] = table.headers.map(() => null);
    for (const [header, value] of Object.entries(cells)) row[this.column(name, header)] = value;
    table.rows.push(row);
    return this;
  }

  removeRow(name: string, row: RowRef): this {
    this.table(name).rows.splice(this.rowIndex(name, row), 1);
    return this;
  }

  removeTable(name: string): this {
    this.tables.splice(this.tables.indexOf(this.table(name)), 1);
    return this;
  }

  /** Sets a row of the Settings table by the setting's name. */
  setting(name: string, value: CellValue): this {
    return this.set("Settings", { Setting: name }, "Value", value);
  }

  /**
   * Checks the workbook. The calendar year defaults to 2022, the year the Working Group adopted
   * the workplan at its 9th meeting, so that every meeting of the annex is still planned.
   */
  check(options: Partial<ReadOptions> = {}): CheckResult {
    return checkWorkbook(tablesByName(this.tables), { currentYear: ADOPTION_YEAR, ...options });
  }

  findings(options: Partial<ReadOptions> = {}): Finding[] {
    return this.check(options).findings;
  }
}

/** Findings of one rule. */
export function ofRule(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}

/** The one finding of a rule; fails the test if there are none or several. */
export function single(findings: readonly Finding[], rule: string): Finding {
  const found = ofRule(findings, rule);
  if (found.length !== 1) {
    throw new Error(
      `expected one ${rule} finding, ` +
        `got ${found.length}:\n${findings.map((f) => `  ${f.rule} ${f.sheet}!${f.cell} ${f.message}`).join("\n")}`,
    );
  }
  return found[0] as Finding;
}

/** Rule ids of findings, with their cells: a compact view for assertions. */
export function where(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule} ${f.sheet ?? "-"}!${f.cell ?? "-"}`);
}

/**
 * Findings without their sentences: a what-if finds what typing the same value would, at the same
 * cells, but its sentences say the value is the what-if's (domain.md §3), not the workbook's.
 */
export function facts(findings: readonly Finding[]): Omit<Finding, "message" | "problem">[] {
  return findings.map(({ message: _message, problem: _problem, ...rest }) => rest);
}
