/**
 * The command line never destroys a file: not the input under another name (a hard link, a
 * symbolic link, another case on a case-insensitive disk), not an existing file without --force,
 * not a workbook open in Excel or LibreOffice, and not the old file when a write is cut short.
 */
import { spawnSync } from "node:child_process";
import { linkSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isSameFile, openIn, type FileIdentity } from "../../src/cli/files";
import { compileCli, type CompiledCli } from "../support/compiledCli";
import { workplan } from "./run";

const dir = mkdtempSync(path.join(tmpdir(), "workplan-files-"));
const file = (name: string) => path.join(dir, name);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function input(name: string): Promise<Buffer> {
  expect((await workplan("init", file(name))).code).toBe(0);
  return readFileSync(file(name));
}

function oneLine(stderr: string): string {
  const lines = stderr.trimEnd().split("\n");
  expect(lines).toHaveLength(1);
  return lines[0] ?? "";
}

describe("--out that is the input under another name", () => {
  it("refuses a hard link to the input, even with --force, and leaves the input as it was", async () => {
    const before = await input("linked.xlsx");
    linkSync(file("linked.xlsx"), file("hard-link.xlsx"));
    for (const force of [[], ["--force"]]) {
      const run = await workplan(
        "check",
        file("linked.xlsx"),
        "--expected-end",
        "2=2032",
        "--out",
        file("hard-link.xlsx"),
        ...force,
      );
      expect(run.code).toBe(2);
      expect(oneLine(run.stderr)).toMatch(
        /hard-link\.xlsx is the workbook being checked; write the copy to another file\.$/,
      );
    }
    expect(readFileSync(file("linked.xlsx")).equals(before)).toBe(true);
  });

  it("refuses a symbolic link to the input (and the input reached through a link)", async () => {
    const before = await input("target.xlsx");
    symlinkSync(file("target.xlsx"), file("symlink.xlsx"));
    const out = await workplan(
      "propose",
      file("target.xlsx"),
      "--expected-end",
      "2=2031",
      "--out",
      file("symlink.xlsx"),
      "--force",
    );
    expect(out.code).toBe(2);
    expect(oneLine(out.stderr)).toMatch(/is the workbook being checked/);
    const back = await workplan("check", file("symlink.xlsx"), "--out", file("target.xlsx"), "--force");
    expect(back.code).toBe(2);
    expect(readFileSync(file("target.xlsx")).equals(before)).toBe(true);
  });

  it("refuses the same name in another case where the disk ignores case (a disk simulated by identities)", () => {
    const caseInsensitiveDisk = (name: string): FileIdentity | null =>
      name.toLowerCase() === file("plan.xlsx").toLowerCase() ? { dev: 1, ino: 42 } : null;
    expect(isSameFile(file("PLAN.xlsx"), file("plan.xlsx"), caseInsensitiveDisk)).toBe(true);
    expect(isSameFile(file("Plan.XLSX"), file("plan.xlsx"), caseInsensitiveDisk)).toBe(true);
    const caseSensitiveDisk = (name: string): FileIdentity | null =>
      name === file("plan.xlsx") ? { dev: 1, ino: 42 } : name === file("PLAN.xlsx") ? { dev: 1, ino: 43 } : null;
    expect(isSameFile(file("PLAN.xlsx"), file("plan.xlsx"), caseSensitiveDisk)).toBe(false);
    expect(isSameFile(file("other.xlsx"), file("plan.xlsx"), caseSensitiveDisk)).toBe(false);
  });

  it("on this disk, another case is another file when the disk says so", async () => {
    await input("case.xlsx");
    const variant = file("CASE.xlsx");
    const run = await workplan("check", file("case.xlsx"), "--out", variant);
    const sameOnThisDisk = isSameFile(variant, file("case.xlsx"));
    expect(run.code).toBe(sameOnThisDisk ? 2 : 0);
  });
});

describe("an existing --out", () => {
  it("is refused without --force, with one line that says what to do, and replaced with it", async () => {
    await input("in.xlsx");
    writeFileSync(file("existing.xlsx"), "the user's own file");
    const run = await workplan("check", file("in.xlsx"), "--out", file("existing.xlsx"));
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(oneLine(run.stderr)).toBe(`workplan: ${file("existing.xlsx")} already exists; use --force to overwrite it.`);
    expect(readFileSync(file("existing.xlsx"), "utf8")).toBe("the user's own file");
    for (const command of ["check", "propose"]) {
      const again = await workplan(
        command,
        file("in.xlsx"),
        "--expected-end",
        "2=2031",
        "--out",
        file("existing.xlsx"),
        "--force",
      );
      expect(again.stderr).toBe("");
      expect(readFileSync(file("existing.xlsx")).subarray(0, 2).toString()).toBe("PK");
    }
  });
});

describe("a target open in another program", () => {
  it.each([
    ["Excel", (name: string) => `~$${name}`],
    ["LibreOffice", (name: string) => `.~lock.${name}#`],
  ])("refuses to replace a workbook %s has open, even with --force", async (program, lockName) => {
    const before = await input(`open-in-${program}.xlsx`);
    const lock = file(lockName(`open-in-${program}.xlsx`));
    writeFileSync(lock, "");
    const init = await workplan("init", file(`open-in-${program}.xlsx`), "--force");
    expect(init.code).toBe(2);
    expect(oneLine(init.stderr)).toMatch(
      new RegExp(
        `open-in-${program}\\.xlsx is open in ${program} \\(its lock file .+ is there\\); close it there first`,
      ),
    );
    await input(`source-${program}.xlsx`);
    const check = await workplan(
      "check",
      file(`source-${program}.xlsx`),
      "--out",
      file(`open-in-${program}.xlsx`),
      "--force",
    );
    expect(check.code).toBe(2);
    expect(readFileSync(file(`open-in-${program}.xlsx`)).equals(before)).toBe(true);
    rmSync(lock);
    expect((await workplan("init", file(`open-in-${program}.xlsx`), "--force")).code).toBe(0);
  });

  it("knows the two lock files by name, and nothing else", () => {
    const present = (names: string[]) => (name: string) => names.includes(path.basename(name));
    expect(openIn(file("plan.xlsx"), present(["~$plan.xlsx"]))).toEqual({ program: "Excel", name: "~$plan.xlsx" });
    expect(openIn(file("plan.xlsx"), present([".~lock.plan.xlsx#"]))).toEqual({
      program: "LibreOffice",
      name: ".~lock.plan.xlsx#",
    });
    expect(openIn(file("plan.xlsx"), present(["~$other.xlsx", ".~lock.other.xlsx#", "plan.xlsx"]))).toBeNull();
  });
});

describe("a write cut short", () => {
  let cli: CompiledCli;
  beforeAll(() => {
    cli = compileCli();
  });
  afterAll(() => cli.remove());

  it("under a file-size limit leaves the old file intact and no temporary file behind", async () => {
    const folder = mkdtempSync(path.join(dir, "limited-"));
    const target = path.join(folder, "workplan.xlsx");
    const old = Buffer.alloc(4096, "old workbook ");
    writeFileSync(target, old);
    // ulimit -f counts blocks of 1,024 bytes: 8 KB is less than a workbook.
    const run = spawnSync(
      "sh",
      ["-c", `ulimit -f 8 && exec "$0" "$@"`, process.execPath, cli.bin, "init", target, "--force"],
      {
        encoding: "utf8",
      },
    );
    expect(run.status).toBe(2);
    expect(oneLine(run.stderr)).toMatch(
      /^workplan: Cannot write .*workplan\.xlsx \(EFBIG: file too large.*\); .* is as it was\.$/,
    );
    expect(readFileSync(target).equals(old)).toBe(true);
    expect(readdirSync(folder)).toEqual(["workplan.xlsx"]);
  }, 60_000);

  it("`check … | head -1` ends quietly: no EPIPE, no stack trace, even when the reader is gone at once", () => {
    const piped = (reader: string) =>
      spawnSync("sh", ["-c", `"$0" "$1" check --expected-end 2=2032 | ${reader}`, process.execPath, cli.bin], {
        encoding: "utf8",
      });
    const head = piped("head -1");
    expect(head.stdout).toMatch(/^embedded adopted plan: 2 errors[^\n]*\n$/);
    expect(head.stderr).toBe("");
    // `true` reads nothing and exits at once: every write meets a closed pipe.
    expect(piped("true").stderr).toBe("");
  }, 60_000);
});
