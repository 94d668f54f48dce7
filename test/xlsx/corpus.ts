/** The real workbooks of ../shared/corpus (absent in a user's own clone: the tests that need them say so and skip). */
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

export const CORPUS = process.env.WORKPLAN_CORPUS ?? path.join(__dirname, "..", "..", "..", "shared", "corpus");

export function corpusFiles(): string[] {
  if (!existsSync(CORPUS)) {
    console.log(`The real-workbook corpus is not at ${CORPUS}; its tests are skipped.`);
    return [];
  }
  return readdirSync(CORPUS)
    .filter((name) => /\.xls[xm]$/.test(name))
    .sort()
    .map((name) => path.join(CORPUS, name));
}
