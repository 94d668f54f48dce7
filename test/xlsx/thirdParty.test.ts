/**
 * The files the product writes open in the programs people use besides Excel: LibreOffice
 * (converted headless) and openpyxl. CI installs both (libreoffice-calc-nogui, python3-openpyxl).
 */
import { execFileSync } from "node:child_process";
import { readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { FLAGS_SHEET, LISTS_SHEET, NOTE_MARK } from "../../src/domain/annotations";
import { adoptedPackage, writePackage } from "../../src/xlsx";
import {
  annotationsFor,
  checkedCopy,
  convertWithLibreOffice,
  describeWithOpenpyxl,
  fixture,
  FIXTURE_NAMES,
  sheetOf,
  SLIP,
  tablesOf,
  tempDir,
} from "./support";
import { requireTool, toolPath } from "../support/tools";

const dir = tempDir();
const converted = tempDir();
const NEW = "new.xlsx";
const names = [...FIXTURE_NAMES, NEW];

beforeAll(async () => {
  writeFileSync(path.join(dir, NEW), await writePackage(await adoptedPackage()));
  for (const name of FIXTURE_NAMES) await checkedCopy(fixture(name), path.join(dir, name), SLIP);
}, 300_000);

requireTool("soffice", "openpyxl")("LibreOffice", () => {
  beforeAll(() => {
    convertWithLibreOffice(
      names.map((name) => path.join(dir, name)),
      "xlsx",
      converted,
    );
  }, 300_000);

  it.each(names)("opens %s and saves it again", (name) => {
    expect(statSync(path.join(converted, name)).size).toBeGreaterThan(5000);
  });

  it.each(FIXTURE_NAMES)("keeps the Conflicts table, the notes and the highlight rules of checked %s", async (name) => {
    const conflicts = async (file: string) => (await tablesOf(file)).find((t) => t.name === "Conflicts")?.rows;
    expect(await conflicts(path.join(converted, name))).toEqual(await conflicts(path.join(dir, name)));
    const productNotes = (file: string) =>
      Object.values(sheetOf(describeWithOpenpyxl(file), "Workplan").notes).filter((text) => text.startsWith(NOTE_MARK));
    expect(productNotes(path.join(converted, name))).toEqual(productNotes(path.join(dir, name)));
    const workplan = sheetOf(describeWithOpenpyxl(path.join(converted, name)), "Workplan");
    expect(
      workplan.conditionalFormats.filter((rule) => rule.formula.some((f) => f.includes(FLAGS_SHEET))),
    ).toHaveLength(6);
  });

  it(
    "gives back a checked file in which a new check " + "replaces the product's rules instead of adding to them",
    async () => {
      const again = await checkedCopy(path.join(converted, "default.xlsx"), path.join(dir, "again.xlsx"), SLIP);
      const description = describeWithOpenpyxl(again);
      expect(sheetOf(description, "Workplan").conditionalFormats.map((rule) => rule.formula[0])).toEqual([
        `'${FLAGS_SHEET}'!A2=3`,
        `'${FLAGS_SHEET}'!A2=2`,
        `'${FLAGS_SHEET}'!A2=1`,
        `'${FLAGS_SHEET}'!$G2=3`,
        `'${FLAGS_SHEET}'!$G2=2`,
        `'${FLAGS_SHEET}'!$G2=1`,
      ]);
      expect([FLAGS_SHEET, LISTS_SHEET].map((name) => sheetOf(description, name).state)).toEqual([
        "veryHidden",
        "veryHidden",
      ]);
    },
  );

  it("converts a new workbook's first sheet to CSV with the Workplan table", () => {
    const [csv] = convertWithLibreOffice([path.join(dir, NEW)], "csv", tempDir());
    const lines = readFileSync(csv ?? "", "utf8")
      .trim()
      .split(/\r?\n/);
    // Row 1 is left for the legend of the highlights, which a check writes.
    expect(lines[0]).toMatch(/^,*$/);
    expect(lines[1]).toBe("Meeting,Year,Status,Agenda item 2 (flexible topic),Agenda item 3 (fixed topic),Notes");
    expect(lines).toHaveLength(12);
  }, 120_000);
});

requireTool("openpyxl")("openpyxl", () => {
  const SHEETS_AND_RULES =
    "import openpyxl, sys\n" +
    "wb = openpyxl.load_workbook(sys.argv[1])\n" +
    ("for ws in wb.worksheets: print(ws.title, ws.sheet_state, [(str(cf.sqref), r.priority, r.formula) for cf in " +
      "ws.conditional_formatting for r in cf.rules])");

  const run = (file: string) =>
    execFileSync(toolPath("openpyxl") ?? "/usr/bin/python3", ["-c", SHEETS_AND_RULES, file], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });

  it("reads a checked file's sheet states and conditional formats", async () => {
    const file = path.join(dir, "default.xlsx");
    expect(annotationsFor(await tablesOf(file), SLIP).highlights?.range).toBe("A2:F11");
    expect(run(file).trim().split("\n")).toEqual([
      "Workplan visible [('A2:F11', 1, [\"'WorkplanChecker'!A2=3\"]), ('A2:F11', 2, " +
        "[\"'WorkplanChecker'!A2=2\"]), ('A2:F11', 3, [\"'WorkplanChecker'!A2=1\"]), ('A2:F11', 4, " +
        "[\"'WorkplanChecker'!$G2=3\"]), ('A2:F11', 5, [\"'WorkplanChecker'!$G2=2\"]), ('A2:F11', 6, " +
        "[\"'WorkplanChecker'!$G2=1\"])]",
      "Topics visible []",
      "Articles visible []",
      "Clusters visible []",
      "FlexibleTopics visible []",
      "Settings visible []",
      "Conflicts visible [('A5:A6', 1, ['$A5=\"Error\"']), ('A5:A6', 2, ['$A5=\"Warning\"']), ('A5:A6', 3, " +
        "['$A5=\"Info\"'])]",
      "WorkplanLists veryHidden []",
      "WorkplanChecker veryHidden []",
      "Timeline visible [('B11:N24', 1, ['RIGHT(B11,1)=\"!\"']), ('B11:N24', 2, ['RIGHT(B11,1)=\"×\"']), " +
        "('B11:N24', 3, ['LEN(B11)>2']), ('B11:N24', 4, ['OR(B11=\"P\",B11=\"E\",B11=\"PE\")']), " +
        "('B11:N24', 5, ['B11=\"R\"']), ('B11:N24', 6, ['B11=\"w\"'])]",
    ]);
  });

  it("reads the user's rules before the product's in a checked user-formatting.xlsx", () => {
    const workplan = run(path.join(dir, "user-formatting.xlsx")).split("\n")[0];
    expect(workplan).toBe(
      "Workplan visible [('B2:B11', 1, ['2030']), ('A2:A11', 2, []), ('A2:F11', 3, " +
        "[\"'WorkplanChecker'!A2=3\"]), ('A2:F11', 4, [\"'WorkplanChecker'!A2=2\"]), ('A2:F11', 5, " +
        "[\"'WorkplanChecker'!A2=1\"]), ('A2:F11', 6, [\"'WorkplanChecker'!$G2=3\"]), ('A2:F11', 7, " +
        "[\"'WorkplanChecker'!$G2=2\"]), ('A2:F11', 8, [\"'WorkplanChecker'!$G2=1\"])]",
    );
  });
});
