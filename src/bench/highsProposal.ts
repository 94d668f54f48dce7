/**
 * The rescheduling problem as a mixed-integer program, solved by HiGHS (npm `highs`, WebAssembly),
 * to compare with the exact search of src/domain/propose on the same instance.
 *
 * Model, for the free topics i (not held) and the meetings s that can take a topic (existing
 * planned ones, then appended years up to a horizon generous enough for any optimum):
 *   x[i,s] ∈ {0,1}, only where year(s) is in topic i's windows (and, for the topic that must be
 *   last, after the last held meeting with a fixed topic);
 *   Σ_s x[i,s] = 1 (each topic at one meeting), Σ_i x[i,s] ≤ 1 (one fixed topic a meeting);
 *   appended A ≥ k·Σ_i x[i,s_k] for the k-th appended meeting (so A is the last one used);
 *   last topic L: year(L) − year(j) ≥ 1 for every other free topic j (years as Σ_s year(s)·x);
 *   inversion v[i,j] ≥ X_j(s) − X_i(s) for topics i < j and every meeting s where both can be,
 *   with X_i(s) = Σ_{s' ≤ s} x[i,s'] kept as its own column (j placed by s while i is not: i
 *   comes after j); v and X are continuous: X follows from x, and the least v is 0 or 1.
 * Objectives, in lexicographic order with HiGHS's own multi-objective support (priorities,
 * each later objective optimised without degrading the earlier ones: absolute tolerance 0.5 on
 * integer-valued objectives): appended meetings; inversions (v, plus the pairs with held topics,
 * linear in x); years moved; topics moved. The final tie-break of the proposal (lower-numbered
 * topics earlier) only orders plans that are equal on all four, so it is not modelled: the
 * comparison is on the four values.
 */
import type { Highs, LinearObjectiveInput, ModelData } from "highs";
import type { Plan } from "../domain/model";
import { readProblem, type FreeTopic, type Problem, type Slot } from "../domain/propose/problem";

export interface MipObjective {
  appended: number;
  inversions: number;
  yearsMoved: number;
  moved: number;
}

interface Column {
  lower: number;
  upper: number;
  integer: boolean;
}

/** A model under construction: columns, rows (as sparse maps) and the four objectives. */
class Builder {
  readonly columns: Column[] = [];
  readonly rows: { lower: number; upper: number; entries: Map<number, number> }[] = [];
  readonly objectives: number[][] = [[], [], [], []];
  constant = [0, 0, 0, 0];

  column(lower: number, upper: number, integer: boolean): number {
    this.columns.push({ lower, upper, integer });
    for (const o of this.objectives) o.push(0);
    return this.columns.length - 1;
  }

  row(lower: number, upper: number, entries: Iterable<[number, number]>): void {
    const map = new Map<number, number>();
    for (const [column, value] of entries) map.set(column, (map.get(column) ?? 0) + value);
    this.rows.push({ lower, upper, entries: map });
  }

  cost(objective: number, column: number, value: number): void {
    const o = this.objectives[objective] as number[];
    o[column] = (o[column] ?? 0) + value;
  }
}

export interface MipModel {
  data: ModelData;
  objectives: LinearObjectiveInput[];
  /** The same objectives' coefficients, to evaluate a solution. */
  coefficients: number[][];
  /** The constant part of each objective (pairs of held topics, pairs always inverted). */
  constant: number[];
  /** Columns x[i,s], to read the plan back. */
  placements: { topic: number; slot: Slot; column: number }[];
}

export function buildMip(plan: Plan, infinity: number): MipModel {
  const problem = readProblem(plan);
  const b = new Builder();
  const slots = horizonSlots(problem);
  const x = problem.free.map((topic) =>
    slots.map((slot) => (allowed(problem, topic, slot) ? b.column(0, 1, true) : -1)),
  );
  problem.free.forEach((_, i) =>
    b.row(
      1,
      1,
      columnsOf(x[i] as number[]).map((c) => [c, 1]),
    ),
  );
  slots.forEach((_, s) =>
    b.row(
      -infinity,
      1,
      x.flatMap((row) => ((row[s] as number) >= 0 ? [[row[s] as number, 1] as [number, number]] : [])),
    ),
  );
  addAppended(b, problem, slots, x, infinity);
  addLast(b, problem, slots, x, infinity);
  addInversions(b, problem, slots, x, infinity);
  addMoves(b, problem, slots, x);
  const placements = x.flatMap((row, i) =>
    row.flatMap((column, s) =>
      column >= 0 ? [{ topic: (problem.free[i] as FreeTopic).number, slot: slots[s] as Slot, column }] : [],
    ),
  );
  return {
    data: toModelData(b),
    objectives: toObjectives(b),
    coefficients: b.objectives,
    constant: b.constant,
    placements,
  };
}

function horizonSlots(problem: Problem): Slot[] {
  const ends = problem.free.map((t) => t.window?.to ?? -Infinity);
  const horizon = Math.max(problem.lastYear, ...ends) + problem.free.length;
  const appended = Array.from({ length: horizon - problem.lastYear }, (_, k) => ({
    year: problem.lastYear + k + 1,
    ordinal: problem.lastOrdinal + k + 1,
    meeting: null,
  }));
  return [...problem.existing, ...appended];
}

function allowed(problem: Problem, topic: FreeTopic, slot: Slot): boolean {
  const inWindow = !topic.window || (slot.year >= topic.window.from && slot.year <= topic.window.to);
  const afterHeld = !topic.last || problem.latestHeldYear === null || slot.year > problem.latestHeldYear;
  return inWindow && afterHeld;
}

function columnsOf(row: number[]): number[] {
  return row.filter((c) => c >= 0);
}

function addAppended(b: Builder, problem: Problem, slots: Slot[], x: number[][], infinity: number): void {
  const appended = b.column(0, infinity, true);
  b.cost(0, appended, 1);
  slots.forEach((slot, s) => {
    const k = slot.year - problem.lastYear;
    if (slot.meeting !== null || k <= 0) return;
    const used = x.flatMap((row) => ((row[s] as number) >= 0 ? [[row[s] as number, -k] as [number, number]] : []));
    if (used.length > 0) b.row(0, infinity, [[appended, 1], ...used]);
  });
}

function yearTerms(slots: Slot[], row: number[], sign: number): [number, number][] {
  return row.flatMap((c, s) => (c >= 0 ? [[c, sign * (slots[s] as Slot).year] as [number, number]] : []));
}

function addLast(b: Builder, problem: Problem, slots: Slot[], x: number[][], infinity: number): void {
  const last = problem.free.findIndex((t) => t.last);
  if (last < 0) return;
  x.forEach((row, j) => {
    if (j !== last) b.row(1, infinity, [...yearTerms(slots, x[last] as number[], 1), ...yearTerms(slots, row, -1)]);
  });
}

function addInversions(b: Builder, problem: Problem, slots: Slot[], x: number[][], infinity: number): void {
  const free = problem.free;
  // Pairs with held topics: a cost on each placement.
  free.forEach((topic, i) => {
    (x[i] as number[]).forEach((c, s) => {
      if (c < 0) return;
      const year = (slots[s] as Slot).year;
      b.cost(
        1,
        c,
        problem.held.filter(
          (h) =>
            h.year !== null &&
            ((h.number < topic.number && h.year > year) || (h.number > topic.number && h.year < year)),
        ).length,
      );
    });
  });
  for (const a of problem.held)
    for (const h of problem.held)
      if (a.number < h.number && a.year !== null && h.year !== null && a.year > h.year) (b.constant[1] as number)++;
  // Pairs of free topics i < j (free is in topic order): v ≥ X_j(s) − X_i(s).
  const cumulative = x.map((row) => cumulativeOf(b, row));
  for (let i = 0; i < free.length; i++) {
    for (let j = i + 1; j < free.length; j++)
      addPair(b, cumulative[i] as Cumulative, cumulative[j] as Cumulative, infinity);
  }
}

/** X(s) = Σ_{s' ≤ s} x[s']: 0 before the first allowed meeting, 1 from the last, a column between. */
interface Cumulative {
  first: number;
  last: number;
  columns: Map<number, number>;
}

function cumulativeOf(b: Builder, row: number[]): Cumulative {
  const allowed = row.flatMap((c, s) => (c >= 0 ? [s] : []));
  const first = allowed[0] ?? 0;
  const last = allowed[allowed.length - 1] ?? -1;
  const columns = new Map<number, number>();
  for (let s = first; s < last; s++) {
    const column = b.column(0, 1, false);
    const previous = columns.get(s - 1);
    const terms: [number, number][] = [[column, 1]];
    if (previous !== undefined) terms.push([previous, -1]);
    if ((row[s] as number) >= 0) terms.push([row[s] as number, -1]);
    b.row(0, 0, terms);
    columns.set(s, column);
  }
  return { first, last, columns };
}

/** X(s) as a column or a constant. */
function at(c: Cumulative, s: number): { column: number | null; constant: number } {
  if (s < c.first) return { column: null, constant: 0 };
  if (s >= c.last) return { column: null, constant: 1 };
  return { column: c.columns.get(s) as number, constant: 0 };
}

function addPair(b: Builder, ci: Cumulative, cj: Cumulative, infinity: number): void {
  // i can come after j only at meetings from j's first to i's last.
  if (cj.first >= ci.last) return;
  const v = b.column(0, 1, false);
  b.cost(1, v, 1);
  for (let s = cj.first; s < ci.last; s++) {
    // v − X_j(s) + X_i(s) ≥ 0, constants moved to the bound.
    const xj = at(cj, s);
    const xi = at(ci, s);
    const terms: [number, number][] = [[v, 1]];
    if (xj.column !== null) terms.push([xj.column, -1]);
    if (xi.column !== null) terms.push([xi.column, 1]);
    b.row(xj.constant - xi.constant, infinity, terms);
  }
}

function addMoves(b: Builder, problem: Problem, slots: Slot[], x: number[][]): void {
  problem.free.forEach((topic, i) => {
    (x[i] as number[]).forEach((c, s) => {
      if (c < 0) return;
      const slot = slots[s] as Slot;
      const current = topic.current;
      b.cost(2, c, current?.year == null ? 0 : Math.abs(slot.year - current.year));
      b.cost(3, c, slot.meeting !== null && slot.meeting === current ? 0 : 1);
    });
  });
}

function toModelData(b: Builder): ModelData {
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const row of b.rows) {
    for (const [column, value] of [...row.entries].sort((p, q) => p[0] - q[0])) {
      if (value === 0) continue;
      indices.push(column);
      values.push(value);
    }
    starts.push(indices.length);
  }
  return {
    numCols: b.columns.length,
    numRows: b.rows.length,
    colCost: b.columns.map(() => 0),
    colLower: b.columns.map((c) => c.lower),
    colUpper: b.columns.map((c) => c.upper),
    rowLower: b.rows.map((r) => r.lower),
    rowUpper: b.rows.map((r) => r.upper),
    matrix: { format: "csr", numRows: b.rows.length, numCols: b.columns.length, starts, indices, values },
    integrality: b.columns.map((c) => (c.integer ? 1 : 0)),
  } as ModelData;
}

function toObjectives(b: Builder): LinearObjectiveInput[] {
  return b.objectives.map((coefficients, k) => ({
    weight: 1,
    offset: 0,
    coefficients,
    absoluteTolerance: 0.5,
    relativeTolerance: 0,
    priority: 4 - k,
  }));
}

/** Solves the model; null when HiGHS proves there is no clean plan. */
export function solveMip(highs: Highs, model: MipModel): MipObjective | null {
  const m = highs.createModel(model.data);
  try {
    m.options.set({ output_flag: false, mip_rel_gap: 0, blend_multi_objectives: false });
    m.passLinearObjectives(model.objectives);
    m.run();
    const status = m.getModelStatus();
    if (status === highs.constants.modelStatus.infeasible) return null;
    if (status !== highs.constants.modelStatus.optimal) throw new Error(`HiGHS stopped with status ${status}`);
    const values = m.getSolution().colValue;
    const total = (k: number) =>
      Math.round(
        (model.coefficients[k] as number[]).reduce((sum, c, j) => sum + c * (values[j] as number), 0) +
          (model.constant[k] as number),
      );
    return { appended: total(0), inversions: total(1), yearsMoved: total(2), moved: total(3) };
  } finally {
    m.dispose();
  }
}

export function mipObjective(highs: Highs, plan: Plan): MipObjective | null {
  return solveMip(highs, buildMip(plan, highs.infinity));
}
