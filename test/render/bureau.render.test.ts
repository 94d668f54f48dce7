/**
 * What the Bureau prints: `workplan check --out` and `workplan propose --out` written, converted
 * to PDF by LibreOffice (A4), and read back as word boxes (`pdftotext -bbox`). On the Sources,
 * Conflicts and Proposal pages no two words overlap (a wrapped cell never runs into the next row)
 * and no text is under 8 pt (9 pt on the proposal); the Timeline too. The proposal's grid header
 * heads the pages of the grid only.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { compileCli, type CompiledCli } from "../support/compiledCli";
import { onPath, requireTool } from "../support/tools";

interface Word {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  text: string;
}

function pages(pdf: string): Word[][] {
  const xml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8" });
  return [...xml.matchAll(/<page[^>]*>([\s\S]*?)<\/page>/g)].map(([, page]) =>
    [
      ...(page ?? "").matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)<\/word>/g),
    ].map(([, x0, y0, x1, y1, text]) => ({
      x0: +(x0 ?? 0),
      y0: +(y0 ?? 0),
      x1: +(x1 ?? 0),
      y1: +(y1 ?? 0),
      text: text ?? "",
    })),
  );
}

/** Pairs of words whose boxes cross: more than a third of a line's height, and side by side. */
function overlapping(words: Word[]): string[] {
  const pairs: string[] = [];
  words.forEach((a, i) => {
    for (const b of words.slice(i + 1)) {
      const across = Math.min(a.x1, b.x1) - Math.max(a.x0, b.x0);
      const down = Math.min(a.y1, b.y1) - Math.max(a.y0, b.y0);
      if (across > 0.5 && down > Math.min(a.y1 - a.y0, b.y1 - b.y0) / 3) pairs.push(`${a.text} / ${b.text}`);
    }
  });
  return pairs;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const height = (word: Word) => word.y1 - word.y0;

const describeRender = onPath("pdftotext") ? requireTool("soffice") : describe.skip;

describeRender("printed by LibreOffice on A4", () => {
  let cli: CompiledCli;
  let dir: string;
  let checked: Word[][];
  let proposed: Word[][];
  /** Two slips and a cancelled meeting: the longest what-if banner and "Prompted by" line. */
  let checkedLong: Word[][];
  let proposedLong: Word[][];
  /** A 20-year slip: the Timeline spans 29 years, over several pages across. */
  let checkedSpan: Word[][];
  /** Points of box height per point of font size: the Topics sheet prints at full size, 11 pt. */
  let perPoint: number;

  beforeAll(() => {
    cli = compileCli();
    dir = mkdtempSync(path.join(tmpdir(), "workplan-render-"));
    const run = (...args: string[]) => execFileSync(process.execPath, [cli.bin, ...args], { cwd: dir });
    try {
      run("check", "--expected-end", "2=2032", "--out", "checked.xlsx");
    } catch {
      // Exit 1: the check found errors, as intended.
    }
    run("propose", "--expected-end", "2=2032", "--out", "proposed.xlsx");
    const long = ["--expected-end", "2=2034", "--expected-end", "3=2033"];
    try {
      run("check", ...long, "--cancel", "17", "--out", "checked-long.xlsx");
    } catch {
      // Exit 1: the check found errors, as intended.
    }
    run("propose", ...long, "--out", "proposed-long.xlsx");
    try {
      run("check", "--expected-end", "2=2050", "--out", "checked-span.xlsx");
    } catch {
      // Exit 1: the check found errors, as intended.
    }
    const profile = `file://${mkdtempSync(path.join(tmpdir(), "workplan-lo-profile-"))}`;
    execFileSync(
      "soffice",
      [
        `-env:UserInstallation=${profile}`,
        "--headless",
        "--convert-to",
        "pdf",
        ...["checked.xlsx", "proposed.xlsx", "checked-long.xlsx", "proposed-long.xlsx", "checked-span.xlsx"],
      ],
      { cwd: dir, stdio: "ignore", timeout: 180_000 },
    );
    checked = pages(path.join(dir, "checked.pdf"));
    proposed = pages(path.join(dir, "proposed.pdf"));
    checkedLong = pages(path.join(dir, "checked-long.pdf"));
    proposedLong = pages(path.join(dir, "proposed-long.pdf"));
    checkedSpan = pages(path.join(dir, "checked-span.pdf"));
    const topics = checked.find((words) => words[0]?.text === "Topic") ?? [];
    perPoint = median(topics.map(height)) / 11;
  }, 240_000);

  afterAll(() => {
    cli?.remove();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const smallest = (words: Word[]) => Math.min(...words.map(height)) / perPoint;

  it("prints the Sources sheet with every quote readable: no overlap, nothing under 8 pt", () => {
    const sources = checked.filter((words) => words[0]?.text === "Reference");
    expect(sources.length).toBeGreaterThan(0);
    for (const words of sources) {
      expect(overlapping(words)).toEqual([]);
      expect(smallest(words)).toBeGreaterThanOrEqual(8);
    }
  });

  it("prints the Conflicts sheet in full: no wrapped problem runs into the next row, nothing under 8 pt", () => {
    const conflicts = checked.filter(
      (words) =>
        words
          .slice(0, 2)
          .map((w) => w.text)
          .join(" ") === "Last checked",
    );
    expect(conflicts).toHaveLength(1);
    const words = conflicts[0] ?? [];
    expect(words.map((w) => w.text).join(" ")).toContain("What would fix it");
    expect(overlapping(words)).toEqual([]);
    expect(smallest(words)).toBeGreaterThanOrEqual(8);
  });

  it("prints the Timeline: years across, every cluster and topic, no overlap, nothing under 8 pt", () => {
    // The long what-if spans more years: its label column wraps so that the page still prints at 8 pt.
    for (const pdf of [checked, checkedLong]) {
      const timeline = pdf.filter((words) => words[0]?.text === "Timeline");
      expect(timeline).toHaveLength(1);
      const words = timeline[0] ?? [];
      const text = words.map((w) => w.text).join(" ");
      expect(text).toContain("Cluster 2 — Prevention");
      expect(text).toContain("15th!");
      expect(overlapping(words)).toEqual([]);
      expect(smallest(words)).toBeGreaterThanOrEqual(8);
    }
  });

  it("prints the Timeline's what-if banner across the years on one or two lines, not down the label column", () => {
    const words = checkedLong.find((page) => page[0]?.text === "Timeline") ?? [];
    const top = words.find((w) => w.text === "WHAT-IF")?.y0 ?? NaN;
    const legend = words.find((w) => w.text === "R:")?.y0 ?? NaN;
    const banner = words.filter((w) => w.y0 >= top - 1 && w.y0 < legend - 1);
    expect(banner.map((w) => w.text).join(" ")).toContain("the 17th meeting taken as cancelled");
    expect(new Set(banner.map((w) => Math.round(w.y0))).size).toBeLessThanOrEqual(2);
    // It runs on past the label column, over the years.
    const firstYear = words.find((w) => /^20\d\d$/.test(w.text) && w.y0 > legend)?.x0 ?? NaN;
    expect(Math.max(...banner.map((w) => w.x1))).toBeGreaterThan(firstYear);
  });

  it("prints a Timeline of 29 years at full size over pages across, the labels and years' header on each", () => {
    // Fitted to one page wide it printed at 5 pt; across pages each keeps the labels at the left.
    const timeline = checkedSpan.filter((words) =>
      /^(Timeline of|Cluster or topic)/.test(words.map((w) => w.text).join(" ")),
    );
    expect(timeline.length).toBeGreaterThanOrEqual(3);
    // The years' header row: on the line of "Cluster or topic" (the banner's years are in the label column above it).
    const years = timeline.map((words) => {
      const header = words.find((w) => w.text === "Cluster")?.y0 ?? -1;
      return words
        .filter((w) => /^20\d\d$/.test(w.text) && Math.abs(w.y0 - header) < 3)
        .sort((a, b) => a.x0 - b.x0)
        .map((w) => Number(w.text));
    });
    // Over, then down: the first pages run on through the years, in order, without a gap.
    const across = years.slice(
      0,
      years.findIndex((y, i) => i > 0 && (y[0] ?? 0) < (years[i - 1]?.[0] ?? 0)),
    );
    const first = across.flat();
    expect(first).toEqual(Array.from({ length: first.length }, (_, i) => (first[0] ?? 0) + i));
    expect(first.at(-1)).toBeGreaterThanOrEqual(2050);
    for (const words of timeline) {
      const text = words.map((w) => w.text).join(" ");
      expect(text).toContain("Cluster or topic");
      expect(text).toMatch(/Page \d+ of \d+/);
      expect(overlapping(words)).toEqual([]);
      expect(smallest(words)).toBeGreaterThanOrEqual(8);
    }
  });

  it("prints the proposal at 9 pt or more, without overlaps, with its title, timeline and page numbers", () => {
    const first = proposed.findIndex((words) => words[0]?.text === "Proposed");
    expect(first).toBeGreaterThanOrEqual(0);
    const proposal = proposed.slice(first);
    const text = proposal.map((words) => words.map((w) => w.text).join(" "));
    expect(text[0]).toContain("Proposed amendment of the timeline of the multi-year workplan");
    expect(text[0]).toMatch(
      /\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}/,
    );
    // The timeline now and as proposed, years across, under the grid.
    const all = text.join(" ");
    expect(all).toContain("The timeline of the fixed topics, now and as proposed");
    expect(all).toMatch(/Now 2026 2027 2028 .* 2034/);
    expect(all).toMatch(/Topic 6 — Record-keeping; marking \(arts\. 7, 8\) 15th! w w w w/);
    expect(all).toContain("As proposed");
    // The grid's header row heads the pages of the grid, and no other: not the timeline's, the candidates' or the
    // sources' (print titles would repeat it on every page of the sheet).
    const header = /^Meeting Year Status /;
    const grid = text.filter((page) => header.test(page) || page.startsWith("Proposed amendment"));
    expect(grid.length).toBeGreaterThanOrEqual(2);
    expect(text.slice(1, grid.length).every((page) => header.test(page))).toBe(true);
    const rest = text.slice(grid.length);
    expect(rest[0]).toMatch(/^The timeline of the fixed topics/);
    expect(rest.some((page) => page.startsWith("Sources Background paper"))).toBe(true);
    for (const page of rest) expect(page).not.toMatch(/Meeting Year Status/);
    proposal.forEach((words, i) => {
      expect(overlapping(words)).toEqual([]);
      expect(smallest(words)).toBeGreaterThanOrEqual(9);
      // LibreOffice numbers the pages of the whole file.
      expect(text[i]).toMatch(/Page \d+ of \d+/);
    });
  });

  it("keeps a long what-if banner and a long 'Prompted by' line on the page: nothing under 8 pt (9 pt)", () => {
    // Unwrapped, the banner ran past the table and LibreOffice shrank the Conflicts page to 5.4 pt.
    const conflicts = checkedLong.filter(
      (words) =>
        words
          .slice(0, 2)
          .map((w) => w.text)
          .join(" ") === "Last checked",
    );
    expect(conflicts).toHaveLength(1);
    const words = conflicts[0] ?? [];
    expect(words.map((w) => w.text).join(" ")).toContain("the 17th meeting taken as cancelled");
    expect(overlapping(words)).toEqual([]);
    expect(smallest(words)).toBeGreaterThanOrEqual(8);
    const first = proposedLong.findIndex((page) => page[0]?.text === "Proposed");
    expect(first).toBeGreaterThanOrEqual(0);
    for (const page of proposedLong.slice(first)) {
      expect(overlapping(page)).toEqual([]);
      expect(smallest(page)).toBeGreaterThanOrEqual(9);
    }
  });
});
