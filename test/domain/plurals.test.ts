/**
 * A count's words and an ordinal come from the catalogues in the forms of the catalogues' language
 * (Intl.PluralRules, cardinal and ordinal): English reads as before ("1st", "11th", "22nd", "1 year",
 * "2 years"), and a translator gives another language's forms (Russian few and many, Arabic two)
 * in the catalogue without touching the code. No module picks a form itself ("n === 1 ? …").
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fillCount, formKey } from "../../src/domain/messages/fill";
import { ordinal } from "../../src/domain/parse";
import { years } from "../../src/domain/wording";

describe("English forms from the catalogues", () => {
  it("ordinals: st, nd, rd and th, with 11th to 13th", () => {
    const numbers = [1, 2, 3, 4, 11, 12, 13, 14, 19, 20, 21, 22, 23, 24, 101, 111, 112, 113, 122];
    expect(numbers.map(ordinal)).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "14th",
      "19th",
      "20th",
      "21st",
      "22nd",
      "23rd",
      "24th",
      "101st",
      "111th",
      "112th",
      "113th",
      "122nd",
    ]);
  });

  it("counts: one year, and years for none, several or a difference back in time", () => {
    expect([1, 2, 0, -1, -3].map(years)).toEqual(["1 year", "2 years", "0 years", "-1 year", "-3 years"]);
  });
});

describe("another language's forms, given by a translator in the catalogue", () => {
  const russian = {
    "files.one": "{count} файл",
    "files.few": "{count} файла",
    "files.many": "{count} файлов",
    "files.other": "{count} файла",
  };

  it("picks Russian one, few and many by the language's rules", () => {
    const say = (n: number) => russian[formKey(russian, "files", n, "cardinal", "ru") as keyof typeof russian];
    expect([1, 3, 5, 11, 21, 22, 25].map((n) => say(n).replace("{count}", String(n)))).toEqual([
      "1 файл",
      "3 файла",
      "5 файлов",
      "11 файлов",
      "21 файл",
      "22 файла",
      "25 файлов",
    ]);
  });

  it("takes the other form where the catalogue leaves a category out", () => {
    const arabic = { "meetings.two": "اجتماعان", "meetings.other": "{count} اجتماعات" };
    expect(formKey(arabic, "meetings", 2, "cardinal", "ar")).toBe("meetings.two");
    expect(formKey(arabic, "meetings", 1, "cardinal", "ar")).toBe("meetings.other");
    expect(fillCount({ "x.one": "{count} x", "x.other": "{count} xs" }, "x", 3)).toBe("3 xs");
  });
});

const SRC = path.resolve(__dirname, "../../src");

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sources(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

describe("the code", () => {
  it("never picks a count's form or an ordinal suffix itself", () => {
    const picked = ["domain", "taskpane", "cli", "commands"]
      .flatMap((dir) => sources(path.join(SRC, dir)))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .map((line, i) => ({ at: `${path.relative(SRC, file)}:${i + 1}`, line }))
          .filter(({ line }) => /[=!]== ?1 \?|"(?:st|nd|rd|th)"|\.many"|\}s`/.test(line)),
      )
      .map(({ at, line }) => `${at}: ${line.trim()}`);
    expect(picked).toEqual([]);
  });
});
