import { readFileSync } from "node:fs";
import path from "node:path";

/** The package version, read from package.json next to lib/ or src/. */
export function packageVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(__dirname, "..", "..", "package.json"), "utf8")) as {
      version?: string;
    };
    return manifest.version ?? "unknown";
  } catch {
    return "unknown";
  }
}
