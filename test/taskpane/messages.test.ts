/** The pane's message catalogue: named parameters, and the UN editorial style in every message. */
import { message, MESSAGES, type MessageId } from "../../src/taskpane/messages";

describe("the message catalogue", () => {
  it("fills named parameters, and leaves one not given visible", () => {
    expect(message("wentTo", { sheet: "Workplan", cell: "E7" })).toBe("Selected Workplan!E7.");
    expect(message("saved", {})).toBe("Saved to the Clusters table: {changes}.");
  });

  it("follows the UN editorial style: -ize spellings, 'para.' not '§', no ISO dates", () => {
    for (const id of Object.keys(MESSAGES) as MessageId[]) {
      const text = MESSAGES[id];
      expect(text).not.toMatch(/(?:finali|organi|recogni|summari|priori)s(?:e|ed|ing|ation)\b/i);
      expect(text).not.toMatch(/§|\d{4}-\d{2}-\d{2}/);
    }
  });
});
