/** `npm run bench`: prints one JSON line of performance figures. */
import { checkWorkbook } from "../domain/check";
import { adoptedWorkbook } from "../domain/defaults";
import { tablesByName } from "../domain/tables";
import { largePlanTables } from "./generate";
import { medianMs } from "./measure";
import { proposeFigures } from "./propose";

function checkFigures(): Record<string, number> {
  const seed = adoptedWorkbook();
  const large = tablesByName(largePlanTables({ meetings: 1000, topics: 1000, articles: 3000, clusters: 20 }));
  const options = { currentYear: 2026 };
  const largeResult = checkWorkbook(large, options);
  return {
    check_seed_ms: medianMs(() => checkWorkbook(seed, options), 201),
    check_large_ms: medianMs(() => checkWorkbook(large, options), 21),
    check_large_findings: largeResult.findings.length,
  };
}

async function main(): Promise<void> {
  const figures: Record<string, number | boolean> = { ...checkFigures(), ...(await proposeFigures()) };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
