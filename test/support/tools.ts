/**
 * The programs some tests need besides Node: LibreOffice (soffice), openpyxl, xmllint, Chromium.
 * `requireTool(tool)` gives the `describe` to use for a suite that needs one:
 * - the tool is there: `describe`;
 * - it is missing under CI (CI set, not "false" or "0"): the test file fails, naming the package
 *   (.ci/run installs them all);
 * - it is missing elsewhere: as root with apt-get, it is installed once (`apt-get install -y`);
 *   if it is still missing, the suite is skipped with ONE line naming what to install.
 * So `npm test` passes on a fresh machine with only Node and the registry.
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, openSync, readFileSync, writeFileSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type Tool = "soffice" | "openpyxl" | "xmllint" | "chromium";

interface ToolInfo {
  /** What the tool is, for the skip line. */
  what: string;
  /** The Debian packages that bring it. */
  packages: string[];
  /** The executable that provides it, or null. */
  find(): string | null;
}

export const inCi = Boolean(process.env.CI) && process.env.CI !== "false" && process.env.CI !== "0";

/** An executable on PATH, found without a shell (PATH may be empty). */
export function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    try {
      accessSync(file, constants.X_OK);
      return file;
    } catch {
      // not in this folder
    }
  }
  return null;
}

function pythonWithOpenpyxl(): string | null {
  for (const python of ["/usr/bin/python3", onPath("python3")]) {
    if (python && spawnSync(python, ["-c", "import openpyxl"], { stdio: "ignore" }).status === 0) return python;
  }
  return null;
}

const TOOLS: Record<Tool, ToolInfo> = {
  soffice: { what: "LibreOffice (soffice)", packages: ["libreoffice-calc-nogui"], find: () => onPath("soffice") },
  openpyxl: { what: "openpyxl (Python 3)", packages: ["python3-openpyxl"], find: pythonWithOpenpyxl },
  xmllint: { what: "xmllint", packages: ["libxml2-utils"], find: () => onPath("xmllint") },
  chromium: {
    what: "Chromium",
    packages: ["chromium", "fonts-liberation"],
    find: () =>
      [process.env.CHROMIUM, "/usr/bin/chromium", onPath("chromium")].find(
        (file): file is string => Boolean(file) && existsSync(file as string),
      ) ?? null,
  },
};

const found = new Map<Tool, string | null>();

/** The tool's executable (for openpyxl: a Python that has it), or null; looked for once. */
export function toolPath(tool: Tool): string | null {
  if (!found.has(tool)) found.set(tool, TOOLS[tool].find());
  return found.get(tool) ?? null;
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * As root with apt-get: installs the packages once per machine. The first test file to get here
 * claims a marker file and installs; others wait for it to say "done" (at most 20 minutes).
 */
function installWithApt(tool: Tool): void {
  const apt = onPath("apt-get");
  if (!apt || process.getuid?.() !== 0) return;
  const { packages } = TOOLS[tool];
  const marker = path.join(tmpdir(), `workplan-apt-${packages[0]}`);
  let claim: number;
  try {
    claim = openSync(marker, "wx");
  } catch {
    for (let waited = 0; waited < 1_200_000 && readFileSync(marker, "utf8") !== "done"; waited += 1000) sleep(1000);
    return;
  }
  closeSync(claim);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const options = { env, stdio: "ignore" as const, timeout: 900_000 };
  process.stdout.write(`Installing ${packages.join(" ")} with apt-get (the tests need ${TOOLS[tool].what})…\n`);
  spawnSync(apt, ["update", "-qq"], options);
  spawnSync(apt, ["install", "-y", "-qq", "--no-install-recommends", ...packages], options);
  writeFileSync(marker, "done");
}

function testFile(): string {
  const file = expect.getState().testPath;
  return file ? path.relative(path.join(__dirname, "..", ".."), file) : "a test file";
}

const missing = (tools: Tool[]) => tools.filter((tool) => !toolPath(tool));

/** The `describe` for a suite that needs these tools (see the top of this file). */
export function requireTool(...tools: Tool[]): jest.Describe {
  if (missing(tools).length === 0) return describe;
  const what = (list: Tool[]) => list.map((tool) => TOOLS[tool].what).join(" and ");
  const install = (list: Tool[]) => `apt-get install ${list.map((tool) => TOOLS[tool].packages[0]).join(" ")}`;
  if (inCi) {
    const absent = missing(tools);
    throw new Error(`${what(absent)} missing, and under CI the tests need it: ${install(absent)} (.ci/run does).`);
  }
  for (const tool of missing(tools)) {
    installWithApt(tool);
    found.delete(tool);
  }
  const absent = missing(tools);
  if (absent.length === 0) return describe;
  process.stdout.write(`Skipping ${testFile()}: ${what(absent)} not installed (sudo ${install(absent)}).\n`);
  return describe.skip;
}
