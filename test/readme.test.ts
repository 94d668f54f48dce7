import { readFileSync } from "node:fs";
import path from "node:path";
import { RULES } from "../src/domain/rules";
import { DATA_RULES } from "../src/domain/findings";

const readme = readFileSync(path.resolve(__dirname, "../README.md"), "utf8");

function ruleRow(id: string): string[] {
  const row = readme.split("\n").find((line) => line.startsWith(`| \`${id}\` |`));
  return (row ?? "").split("|").map((cell) => cell.trim());
}

describe("the README's table of rules", () => {
  it.each(RULES.map((rule) => [rule.id, rule]))("lists %s with the severity and source the engine uses", (id, rule) => {
    const [, , severity, , source] = ruleRow(id);
    expect(severity).toBe(rule.severity);
    expect(source).toBe(rule.source ?? "data");
  });

  it.each(Object.entries(DATA_RULES))("lists the data rule %s", (id, rule) => {
    expect(ruleRow(id)[2]).toBe(rule.severity);
  });
});
