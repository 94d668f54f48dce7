/**
 * docs/excel-behaviour.md is the contract between the add-in and Excel: every Office.js member the
 * shipped code uses (src/office, src/commands, src/taskpane) has a row in its index, "Every
 * Office.js member the code uses", with the requirement set Office.js's types give it and a link
 * to the section that cites Microsoft's page, the fake and the test; and every test file the
 * document cites exists. The members are found by the TypeScript compiler
 * (test/support/officeMembers.ts explains the scan): a new use of Excel fails here until the
 * document names it, and a row the code no longer needs fails too.
 */
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { whatIf } from "../../src/domain/whatIf";
import { checkWorkbook, createDefaultWorkbook, detectSupport, readWorkbook } from "../../src/office";
import { undoApply } from "../../src/office/undoApply";
import { applyProposalAndCheck, saveExpectedEndsAndCheck } from "../../src/office/whatIf";
import {
  conflictsOf,
  createFakeExcel,
  productNotes,
  sheet,
  sheetGrid,
  withOffice,
  type FakeExcel,
  type WorkbookModel,
} from "../support/fakeExcel";
import { officeMembersUsed } from "../support/officeMembers";

const root = path.resolve(__dirname, "../..");
const document = readFileSync(path.join(root, "docs/excel-behaviour.md"), "utf8");
const INDEX = "## Every Office.js member the code uses";

function filesUnder(folder: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, folder), { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return filesUnder(relative, pattern);
    return pattern.test(entry.name) ? [relative] : [];
  });
}

interface Row {
  member: string;
  set: string;
  section: string;
}

/** The index's rows: `| \`Excel.Range.values\` | ExcelApi 1.1 | [Cell values as read](#cell-values-as-read) |`. */
function indexRows(): Row[] {
  const start = document.indexOf(INDEX);
  if (start < 0) return [];
  const end = document.indexOf("\n## ", start + INDEX.length);
  return document
    .slice(start, end < 0 ? undefined : end)
    .split("\n")
    .map((line) => /^\| `([\w.]+)` \| ([^|]+) \| \[[^\]]+\]\(#([\w-]+)\) \|$/.exec(line))
    .flatMap((match) =>
      match ? [{ member: match[1] ?? "", set: (match[2] ?? "").trim(), section: match[3] ?? "" }] : [],
    );
}

/** GitHub's anchor for a heading (as test/docs.test.ts makes them). */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

const versions = (text: string): string[] => [...text.matchAll(/\d+\.\d+/g)].map((match) => match[0]).sort();

describe("docs/excel-behaviour.md, the contract with Excel", () => {
  const shipped = ["src/office", "src/commands", "src/taskpane"]
    .flatMap((folder) => filesUnder(folder, /\.tsx?$/))
    .map((file) => path.join(root, file));
  const { typed, ownTyped } = officeMembersUsed(shipped, root);
  const rows = indexRows();
  const documented = new Map(rows.map((row) => [row.member, row]));

  it("finds what the shipped code uses of Office.js (the scan itself works)", () => {
    expect(typed.get("Excel.Range.values")?.length).toBeGreaterThan(3);
    expect(typed.get("Excel.Worksheet.visibility")).toBeDefined();
    expect(typed.get("Excel.Note.getLocation")).toBeDefined();
    expect(ownTyped.get("Office.context.requirements.isSetSupported")).toBeDefined();
    expect(rows.length).toBeGreaterThan(100);
  });

  it("names every Office.js member the shipped code uses in its index", () => {
    const missing = [...typed.keys(), ...ownTyped.keys()]
      .filter((member) => !documented.has(member))
      .map((member) => `${member} (${[...(typed.get(member) ?? []), ...(ownTyped.get(member) ?? [])][0]?.file})`);
    expect(missing).toEqual([]);
  });

  it("names no member the shipped code no longer uses", () => {
    expect(rows.map((row) => row.member).filter((member) => !typed.has(member) && !ownTyped.has(member))).toEqual([]);
  });

  it("gives each member the requirement set Office.js's types give it", () => {
    const wrong = [...typed.entries()].flatMap(([member, uses]) => {
      const given = uses[0]?.set;
      const row = documented.get(member);
      if (!row) return [];
      if (!given) return row.set === "" ? [`${member}: no set`] : [];
      const name = given.split(" ")[0] ?? "";
      return row.set.startsWith(name) && versions(row.set).join() === versions(given).join()
        ? []
        : [`${member}: ${row.set}, the types say ${given}`];
    });
    expect(wrong).toEqual([]);
  });

  it("links each member to a section of the document", () => {
    const anchors = new Set([...document.matchAll(/^#{2,4}\s+(.*)$/gm)].map((match) => slug(match[1] ?? "")));
    expect(rows.filter((row) => !anchors.has(row.section)).map((row) => row.member)).toEqual([]);
  });

  it("says, in the section each member links to, what of the member it relies on", () => {
    const sections = new Map<string, string>();
    const headings = [...document.matchAll(/^#{2,4}\s+(.*)$/gm)];
    headings.forEach((match, i) =>
      sections.set(slug(match[1] ?? ""), document.slice(match.index, headings[i + 1]?.index ?? document.length)),
    );
    const unnamed = rows.filter((row) => {
      const name = row.member.split(".").at(-1) ?? "";
      return !new RegExp(`\\b${name}\\b`).test(sections.get(row.section) ?? "");
    });
    expect(unnamed.map((row) => `${row.member} in #${row.section}`)).toEqual([]);
    // Each section cites Microsoft's page (or says "undocumented"), and names the fake and the test.
    const incomplete = [...new Set(rows.map((row) => row.section))].filter((anchor) => {
      const text = sections.get(anchor) ?? "";
      const cites = /learn\.microsoft\.com|`\/(office|javascript)\/|\*Excel\.\w+\*|[Uu]ndocumented/.test(text);
      return !cites || !/\bFake\b/.test(text) || !/\bTests?\b/.test(text);
    });
    expect(incomplete).toEqual([]);
  });

  it("cites only test files that exist", () => {
    const tests = filesUnder("test", /\.test\.tsx?$/);
    // `test/office/{check,state}.test.ts` cites two files.
    const expanded = document.replace(
      /([\w/.-]*)\{([\w,.-]+)\}([\w.]*)/g,
      (_all, head: string, list: string, tail: string) =>
        list
          .split(",")
          .map((name) => `${head}${name}${tail}`)
          .join(" "),
    );
    const cited = [...new Set([...expanded.matchAll(/(?:test\/[\w/.-]*\/)?[\w.-]+\.test\.tsx?/g)].map((m) => m[0]))];
    expect(cited).toContain("test/office/diagnostics.test.ts");
    expect(cited.length).toBeGreaterThan(10);
    const absent = cited.filter((file) =>
      file.includes("/") ? !existsSync(path.join(root, file)) : !tests.some((test) => test.endsWith(`/${file}`)),
    );
    expect(absent).toEqual([]);
  });
});

/**
 * The manifest asks for ExcelApi 1.9; every member above it is checked before use. With the fake
 * at 1.9 (no notes or comments, no Table.resize, no undo groups), everything a planner does still
 * works, the same in the workbook as at ExcelApi 1.20 save for notes and undo steps.
 */
describe("Excel at ExcelApi 1.9, the manifest's minimum", () => {
  const NOW = new Date("2026-11-23T17:50:00Z");
  const OPTIONS = { currentYear: NOW.getFullYear() };
  const SLIP = new Map([[2, 2032]]);
  let restore: () => void = () => undefined;
  afterEach(() => restore());

  async function journey(version: string): Promise<FakeExcel> {
    const excel = createFakeExcel({ seed: "empty", version });
    restore = withOffice(excel);
    await createDefaultWorkbook(excel.run);
    const checked = await checkWorkbook(excel.run, { now: () => NOW });
    expect(checked.written.notesSupported).toBe(version !== "1.9");
    await saveExpectedEndsAndCheck(excel.run, SLIP, OPTIONS, { now: () => NOW });
    const read = await readWorkbook(excel.run, OPTIONS);
    const preview = whatIf(read.tables, { ...OPTIONS, expectedEnd: SLIP }, read.result);
    if (!preview.proposal?.feasible || !preview.check.plan) throw new Error("expected a clean proposal");
    const basis = { proposal: preview.proposal, plan: preview.check.plan, options: { ...OPTIONS, expectedEnd: SLIP } };
    const applied = await applyProposalAndCheck(excel.run, basis, { now: () => NOW });
    expect(applied.check?.result.summary).toEqual({ error: 0, warning: 0, info: 0 });
    return excel;
  }

  it("creates, checks, saves, applies and undoes the apply without notes, Table.resize or undo groups", async () => {
    const excel = await journey("1.9");
    expect(detectSupport()).toEqual({ notes: false, mergeUndo: false, resize: false, autoFilter: true });
    expect(excel.runOptions.filter((options) => options.mergeUndoGroup)).toEqual([]);
    expect(productNotes(excel.model)).toEqual([]);
    const workplan = excel.model.table("Workplan");
    expect(workplan?.area.bottom).toBeGreaterThan(11);

    const full = await journey("1.20");
    for (const undone of [excel, full]) {
      restore();
      restore = withOffice(undone);
      const before = undone.model.table("Workplan")?.area.bottom ?? 0;
      expect((await undoApply(undone.run)).restored).toBeGreaterThan(0);
      expect(undone.model.table("Workplan")?.area.bottom).toBeLessThan(before);
    }
    for (const name of ["Workplan", "Clusters"]) {
      const grid = (model: WorkbookModel) => sheetGrid(model, sheet(model, name)).values;
      expect(grid(excel.model)).toEqual(grid(full.model));
    }
    expect(excel.model.table("Workplan")?.area).toEqual(full.model.table("Workplan")?.area);
    expect(conflictsOf(excel.model).rows).toEqual(conflictsOf(full.model).rows);
  });
});
