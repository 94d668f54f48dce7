/**
 * Row heights against LibreOffice's real rendering (A4 PDF, DejaVu Sans standing in for Calibri):
 * the lines a wrapped text took there, read from the word boxes of `pdftotext -bbox` and from
 * LibreOffice's own optimal row heights. The estimate never counts a line too few (text would run
 * into the next row) and, on these, none too many.
 */
import { fittedHeight, wrappedLines } from "../../../src/domain/write/sheets";

/** Texts the proposal and Conflicts sheets write, their column's width, and the lines LibreOffice gave them. */
const RENDERED: readonly [string, number, number][] = [
  ["1 — Use of terms; scope of application (arts. 3, 4)", 25, 2],
  ["3 — Confiscation, seizure and disposal; deactivation (arts. 6, 9)", 25, 3],
  ["2 — Criminalization and criminal justice responses (arts. 1, 5)", 25, 3],
  ["No fixed topic (flexible topic only)", 25, 2],
  // Counted by characters this took 3 lines; its narrow letters fit 2, in LibreOffice as in Excel.
  ["7 — Export, import and transit licensing (art. 10)", 25, 2],
  ["4 — Information (art. 12)", 25, 1],
];

describe("the height of a wrapped row", () => {
  it.each(RENDERED)("counts the lines LibreOffice gives %j in a column %d wide (%d)", (text, width, lines) => {
    expect(wrappedLines(text, width)).toBe(lines);
  });

  it("counts no line too few on a long reason, and at most one too many", () => {
    const reason =
      "The review of cluster 2 “Prevention” is now expected to end in 2032, 2 years later than planned (2030), " +
      "so the earliest acceptable year is 2030; it was at the 15th meeting (2028).";
    // LibreOffice wrapped it on 3 lines in the 52 characters of the Why column.
    expect(wrappedLines(reason, 52)).toBeGreaterThanOrEqual(3);
    expect(wrappedLines(reason, 52)).toBeLessThanOrEqual(4);
    // And on 5 in the 15 of the Conflicts sheet's Agenda item column.
    const item = "Agenda item 3 (fixed topic): 6 — Record-keeping; marking (arts. 7, 8)";
    expect(wrappedLines(item, 15)).toBeGreaterThanOrEqual(5);
    expect(wrappedLines(item, 15)).toBeLessThanOrEqual(6);
  });

  it("gives a row the height of its most wrapped cell", () => {
    const columns = [
      { width: 25, wrap: true },
      { width: 25, wrap: true },
    ];
    // Two lines of Excel's 15 pt pitch and a point to spare.
    expect(fittedHeight(["No fixed topic (flexible topic only)", "4 — Information (art. 12)"], columns)).toBe(31);
  });

  it("counts bold text as wider: it may take a line more", () => {
    const text = "10 — Training and technical assistance (art. 14)";
    expect(wrappedLines(text, 25, 11, true)).toBeGreaterThanOrEqual(wrappedLines(text, 25));
    expect(wrappedLines("Mmmmmmmmmmmmmmmmmmmm Mmmmmm", 25, 11, true)).toBe(2);
  });

  it("breaks a word longer than the column where the line ends", () => {
    expect(wrappedLines("x".repeat(100), 10)).toBeGreaterThanOrEqual(Math.ceil((100 * 0.91) / 9));
    expect(wrappedLines("a\nb", 10)).toBe(2);
  });
});
