/**
 * The helper every test that needs a program goes through: with the program missing (PATH
 * emptied, in a child jest), a suite is skipped with one line naming what to install, and under
 * CI=true the run fails instead.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

const ROOT = path.join(__dirname, "..", "..");

function probe(ci: boolean) {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: "" };
  delete env.CI;
  if (ci) env.CI = "true";
  const jest = path.join(ROOT, "node_modules", "jest", "bin", "jest.js");
  const args = [jest, "--roots", path.join(__dirname, "probe"), "--testMatch", "**/*.probe.ts", "--runInBand"];
  return spawnSync(process.execPath, args, { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
}

describe("requireTool with the program missing", () => {
  it("skips the suite with one line naming the package to install", () => {
    const run = probe(false);
    const skips = run.stdout.split("\n").filter((line) => line.startsWith("Skipping"));
    expect(skips).toEqual([
      "Skipping test/support/probe/needsSoffice.probe.ts: LibreOffice (soffice) not installed " +
        "(sudo apt-get install libreoffice-calc-nogui).",
    ]);
    expect(run.stderr).toMatch(/Tests:\s+1 skipped, 1 total/);
    expect(run.status).toBe(0);
  }, 120_000);

  it("fails the run under CI=true, naming the package", () => {
    const run = probe(true);
    expect(run.status).toBe(1);
    expect(run.stdout).not.toMatch(/Skipping/);
    expect(run.stderr).toMatch(
      /LibreOffice \(soffice\) missing, and under CI the tests need it: apt-get install libreoffice-calc-nogui/,
    );
  }, 120_000);
});
