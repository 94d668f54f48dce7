/**
 * The Office.js adapter's words for the pane's error bars come from its catalogue
 * (src/office/messages.ts): no other module of src/office writes a sentence itself. Diagnostics
 * (src/office/diagnostics.ts) speaks to IT staff and keeps its own words. A module added later is
 * scanned too. The scanner lets `new Error(…)` pass (an Error for the code): userError's own Error is
 * built from the catalogue (run.ts), and test/office/readError.test.ts holds its English.
 */
import { readdirSync } from "node:fs";
import path from "node:path";
import { strayStrings } from "../support/strayStrings";

const OFFICE = path.resolve(__dirname, "../../src/office");
const OWN_WORDS = new Set(["messages.ts", "diagnostics.ts"]);

/**
 * What Office.js is asked to load ("address, values", "items/name, items/worksheet/name"): property
 * paths, not words, though the scanner reads two of them as two words. Only a list of such paths
 * passes, so a sentence with a comma in it is still found.
 */
const LOAD_STRING = /^[a-z][\w/]*(?:, [a-z][\w/]*)+$/i;

function officeModules(dir = OFFICE): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return officeModules(file);
    return /\.tsx?$/.test(entry.name) && !OWN_WORDS.has(entry.name) ? [file] : [];
  });
}

/** "file.ts:12: text" for each sentence a module writes itself, Office.js load strings aside. */
function sentences(file: string, source?: string): string[] {
  return strayStrings(file, source).filter((found) => !LOAD_STRING.test(found.replace(/^[^:]*:\d+: /, "")));
}

describe("the Office.js adapter's words", () => {
  it("come from its message catalogue in every module but the catalogue and the diagnostics", () => {
    expect(officeModules().length).toBeGreaterThan(10);
    expect(officeModules().flatMap((file) => sentences(file))).toEqual([]);
  });

  it("are found where a module writes its advice or its action itself, as run.ts once did", () => {
    const source =
      'import { officeText } from "./messages";\n' +
      "const ADVICE = {\n" +
      '  Conflict: "Someone else changed the workbook at the same time. Wait a moment, then try again.",\n' +
      "};\n" +
      'context.load("address, values");\n' +
      'sheets.load("items/name, items/worksheet/name");\n' +
      "const detail = ` (Excel said: ${said})`;\n" +
      'throw userError(error, "check the workbook");\n' +
      'throw userError(error, "action.check");\n' +
      'throw new WorkbookError("Nothing, at all, to set up.");\n';
    expect(sentences("run.ts", source)).toEqual([
      "run.ts:3: Someone else changed the workbook at the same time. Wait a moment, then try again.",
      "run.ts:7:  (Excel said: {})",
      "run.ts:8: check the workbook",
      "run.ts:10: Nothing, at all, to set up.",
    ]);
  });
});
