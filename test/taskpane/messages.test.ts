/** The message catalogues, the pane's and the ribbon's: named parameters, UN editorial style in each message. */
import { RIBBON_MESSAGES } from "../../src/commands/messages";
import { fill, message, MESSAGES } from "../../src/taskpane/messages";

const ALL: [string, string][] = [...Object.entries(MESSAGES), ...Object.entries(RIBBON_MESSAGES)];

describe("the message catalogue", () => {
  it("fills named parameters, and leaves one not given visible", () => {
    expect(message("wentTo", { sheet: "Workplan", cell: "E7" })).toBe("Selected Workplan!E7.");
    expect(message("saved", {})).toBe("Saved to the Clusters table: {changes}.");
  });

  it("fills a parameter once: braces in a value stay as they are", () => {
    expect(fill("{at}{sentence}", { at: "", sentence: "A {topic} in braces" })).toBe("A {topic} in braces");
  });

  it.each(ALL)("follows the UN editorial style: %s", (_, text) => {
    expect(text).not.toMatch(/(?:finali|organi|recogni|summari|priori|reali|minimi|maximi)s(?:e|ed|es|ing|ation)\b/i);
    expect(text).not.toMatch(/§|\d{4}-\d{2}-\d{2}/);
    expect(text).not.toMatch(/\bpara\.\d|\bparas?\s+\d+\(/);
  });

  it.each(ALL)("names its parameters with words: %s", (_, text) => {
    for (const [, name] of text.matchAll(/\{([^}]*)\}/g)) expect(name).toMatch(/^[a-z][A-Za-z]*$/);
  });
});
