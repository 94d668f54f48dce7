import { plainValue } from "../../src/xlsx/cells";

describe("cell values as the engine reads them", () => {
  it.each([
    ["text", "Held", "Held"],
    ["a number", 2028, 2028],
    ["a boolean", true, true],
    ["nothing", null, null],
    ["undefined", undefined, null],
    [
      "rich text",
      { richText: [{ text: "6 — " }, { font: { bold: true }, text: "Record-keeping" }] },
      "6 — Record-keeping",
    ],
    ["a formula", { formula: "B6+1", result: 2028 }, 2028],
    ["a formula without a cached result", { formula: "B6+1" }, null],
    ["a formula whose result is an error", { formula: "1/0", result: { error: "#DIV/0!" } }, "#DIV/0!"],
    ["a shared formula", { sharedFormula: "B2", result: 2029 }, 2029],
    ["a hyperlink", { text: "Topic 3", hyperlink: "https://example.org" }, "Topic 3"],
    [
      "a hyperlink with rich text",
      { text: { richText: [{ text: "Topic " }, { text: "3" }] }, hyperlink: "#A1" },
      "Topic 3",
    ],
    ["an error value", { error: "#REF!" }, "#REF!"],
  ])("reads %s", (_, value, expected) => {
    expect(plainValue(value)).toEqual(expected);
  });

  it("keeps a date as a Date", () => {
    const date = new Date(Date.UTC(2028, 0, 1));
    expect(plainValue(date)).toBe(date);
  });
});
