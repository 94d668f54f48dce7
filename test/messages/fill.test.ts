/** fill: the named parameters of a catalogue's template, filled the same way however often a template is used. */
import fc from "fast-check";
import { fill } from "../../src/domain/messages/fill";

describe("fill", () => {
  it("fills every parameter, at the start, at the end, side by side and repeated", () => {
    expect(fill("{topic} is at {meeting}", { topic: "Topic 6", meeting: "the 15th meeting" })).toBe(
      "Topic 6 is at the 15th meeting",
    );
    expect(fill("{n}{suffix}", { n: 15, suffix: "th" })).toBe("15th");
    expect(fill("{a} and {a}", { a: 0 })).toBe("0 and 0");
    expect(fill("no parameter")).toBe("no parameter");
    expect(fill("")).toBe("");
  });

  it("leaves a parameter not given, and braces around no name, as they are", () => {
    expect(fill("{{x}} {} { y } {z}", { x: "1" })).toBe("{1} {} { y } {z}");
  });

  it("fills the same template with each call's own values", () => {
    const template = "Move topic {topic} to {year}";
    expect(fill(template, { topic: 6, year: 2031 })).toBe("Move topic 6 to 2031");
    expect(fill(template, { topic: 7 })).toBe("Move topic 7 to {year}");
  });

  it("says what a plain replacement of each {name} says, for any template", () => {
    const name = fc.constantFrom("a", "b", "topic");
    const piece = fc.oneof(
      fc.string(),
      name.map((n) => `{${n}}`),
      fc.constantFrom("{", "}", "{}"),
    );
    const params = fc.dictionary(name, fc.oneof(fc.string(), fc.integer()));
    fc.assert(
      fc.property(fc.array(piece), params, (pieces, values) => {
        const template = pieces.join("");
        const expected = template.replace(/\{(\w+)\}/g, (whole, key: string) =>
          values[key] !== undefined ? String(values[key]) : whole,
        );
        expect(fill(template, values)).toBe(expected);
      }),
    );
  });
});
