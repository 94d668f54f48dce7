/** `npm run bench`: prints one JSON line of performance figures. */
import { checkWorkbook } from "../domain/check";
import { adoptedWorkbook } from "../domain/defaults";
import { tablesByName } from "../domain/tables";
import { whatIf } from "../domain/whatIf";
import { productionBundleFigures } from "./bundle";
import { largePlanTables } from "./generate";
import { hostileFigures } from "./hostile";
import { medianMs } from "./measure";
import { proposeFigures } from "./propose";
import { openFigures } from "./open";
import { syncFigures } from "./syncs";

function checkFigures(): Record<string, number> {
  const seed = adoptedWorkbook();
  const large = tablesByName(largePlanTables({ meetings: 1000, topics: 1000, articles: 3000, clusters: 20 }));
  const options = { currentYear: 2026 };
  const largeResult = checkWorkbook(large, options);
  const seedBaseline = checkWorkbook(seed, options);
  return {
    check_seed_ms: medianMs(() => checkWorkbook(seed, options), 201),
    check_large_ms: medianMs(() => checkWorkbook(large, options), 21),
    check_large_findings: largeResult.findings.length,
    // One step of the expected-end spin button: re-check, re-propose and diff, in memory.
    preview_seed_ms: medianMs(() => whatIf(seed, { ...options, expectedEnd: new Map([[2, 2031]]) }, seedBaseline), 201),
  };
}

async function main(): Promise<void> {
  const figures: Record<string, number | boolean> = {
    ...checkFigures(),
    ...(await proposeFigures()),
    ...(await syncFigures()),
    ...(await openFigures()),
    ...(await hostileFigures()),
  };
  // Last, so that the build does not disturb the timings.
  const bundle = await productionBundleFigures();
  figures.bundle_js_gzip_bytes = bundle.bundle_js_gzip_bytes;
  // What the pane loads when asked (set-up, diagnostics, the solver where no worker runs), and all the pane's scripts.
  figures.pane_lazy_js_gzip_bytes = bundle.pane_lazy_js_gzip_bytes;
  figures.pane_all_js_gzip_bytes = bundle.bundle_js_gzip_bytes + bundle.pane_lazy_js_gzip_bytes;
  figures.worker_js_gzip_bytes = bundle.worker_js_gzip_bytes;
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

void main();
