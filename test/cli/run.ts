/** Runs the command line in-process, capturing what it prints, with a fixed clock. */
import { main } from "../../src/cli/main";

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export const NOW = new Date("2026-11-23T09:30:00Z");

export async function workplan(...argv: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), now: () => NOW });
  return { code, stdout, stderr };
}
