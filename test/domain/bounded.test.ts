/**
 * Bounded work on any cell: text past 1,000 characters is an invalid value and is not parsed, and
 * every reader of cell text runs in linear time on 100,000-character adversarial text (a
 * quadratic one takes many seconds on one such text; the test yields to the event loop after each
 * text, so jest's five-second timeout fails it: a synchronous test would never time out). Text from the
 * file keys Maps, never plain objects, so a header such as "constructor" is a header.
 */
import { describeApply } from "../../src/domain/apply";
import {
  MAX_CELL_TEXT,
  normalizeCode,
  parseArticleList,
  parseArticleNumber,
  parseArticleRule,
  parseClusterRef,
  parseFlexibleRef,
  parseMeetingOrdinal,
  parseStatus,
  parseTopicRef,
  parseWholeNumber,
  parseYear,
} from "../../src/domain/parse";
import { proposeTimeline, type CleanProposal } from "../../src/domain/propose";
import { readPlan, settingKey } from "../../src/domain/read";
import { normalizeHeader, tablesByName } from "../../src/domain/tables";
import { ARTICLES, FLEXIBLE, SETTING_NAMES, WORKPLAN, Workbook, ofRule, single } from "./workbook";

const LENGTH = 100_000;

/** Pieces that the readers' patterns give meaning to: digits, spaces, dashes, brackets, words. */
const ATOMS = [" ", "\t", "1", "a", "(", ")", "-", "–", "—", ":", ".", ",", ";", "&"];
ATOMS.push("and ", "art", "topic ", "other");

/**
 * Runs of one piece, and of a piece with a space, a digit or a bracket (what a backtracking
 * pattern retries), with a prefix a reader accepts and a tail that fails it.
 */
function adversarial(): string[] {
  const texts: string[] = [];
  const fill = (unit: string) => unit.repeat(Math.ceil(LENGTH / unit.length)).slice(0, LENGTH);
  for (const a of ATOMS) {
    for (const b of [" ", "1", "("]) {
      const run = fill(a + b);
      texts.push(run, `${run}x`, `1${run}x`, `(${run}`, `Topic 1${run}(`);
    }
    texts.push(`1${fill(a)}x(`, `Articles 8${fill(a)}x`, `Other${fill(a)}`);
  }
  return texts;
}

const TEXTS = adversarial();

const READERS: [string, (text: string) => unknown][] = [
  ["parseArticleList (the article-list splitter)", parseArticleList],
  ["parseTopicRef", parseTopicRef],
  ["parseFlexibleRef", (text) => parseFlexibleRef(text, new Set(["a", "e"]))],
  ["parseMeetingOrdinal", parseMeetingOrdinal],
  ["parseStatus", parseStatus],
  ["parseClusterRef", parseClusterRef],
  ["parseArticleNumber", parseArticleNumber],
  ["parseArticleRule", parseArticleRule],
  ["parseWholeNumber", parseWholeNumber],
  ["parseYear", parseYear],
  ["normalizeCode", normalizeCode],
  ["normalizeHeader", normalizeHeader],
  ["settingKey (the Settings table's names)", settingKey],
];

describe("every reader of cell text is linear", () => {
  it.each(READERS)("%s finishes on 100,000-character adversarial texts", async (_name, reader) => {
    for (const text of TEXTS) {
      reader(text);
      await new Promise((resolve) => setImmediate(resolve));
    }
  });

  it("a Settings table whose names are 100,000 characters of brackets and spaces", () => {
    const wb = Workbook.adopted();
    for (const name of ["(".repeat(LENGTH), `${" (".repeat(LENGTH / 2)}x`, `a${" ".repeat(LENGTH)}(b)`]) {
      wb.addRow("Settings", { Setting: name, Value: 1 });
    }
    // Read as the engine reads: longer than the cap, each is one finding and nothing else.
    expect(ofRule(wb.findings({ currentYear: 2026 }), "invalid-value")).toHaveLength(3);
  });

  it("the readers still read what the layout contract allows", () => {
    expect(settingKey("Earliest  topic start (years)")).toBe("earliest topic start");
    expect(settingKey("As of (year) note")).toBe("as of (year) note");
    expect(settingKey("(years)")).toBe("");
    expect(parseArticleList("Articles 8 and 12; 6 – 9 & 14")).toEqual({ ok: true, value: [8, 12, 6, 7, 8, 9, 14] });
    expect(parseArticleList("arts. 7 ,8")).toEqual({ ok: true, value: [7, 8] });
    expect(parseArticleList("8  12")).toMatchObject({ ok: false });
    expect(parseArticleList("band 8")).toMatchObject({ ok: false });
  });
});

describe("cell text past 1,000 characters", () => {
  it("is an invalid value naming the cell and the limit, and is not read", () => {
    const long = `3 — ${"a".repeat(MAX_CELL_TEXT)}`;
    const finding = single(
      Workbook.adopted().set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.fixed, long).findings({ currentYear: 2026 }),
      "invalid-value",
    );
    expect(finding).toMatchObject({ severity: "error", sheet: "Workplan", cell: "E4" });
    expect(finding.message).toBe(
      "Workplan!E4: the fixed topic (agenda item 3) is 1,004 characters long; expected at most 1,000.",
    );
  });

  it("is read up to the limit", () => {
    const fits = `3 — ${"a".repeat(MAX_CELL_TEXT - 4)}`;
    const findings = Workbook.adopted().set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.fixed, fits).findings();
    expect(ofRule(findings, "invalid-value")).toEqual([]);
  });

  it("applies to the article lists, the flexible codes and the setting names too", () => {
    const long = "8, ".repeat(MAX_CELL_TEXT);
    const wb = Workbook.adopted()
      .set(FLEXIBLE.table, 1, FLEXIBLE.related, long)
      .set(FLEXIBLE.table, 2, FLEXIBLE.code, "e".repeat(MAX_CELL_TEXT + 1))
      .set(ARTICLES.table, 1, ARTICLES.rule, "last ".repeat(MAX_CELL_TEXT))
      .set(
        "Settings",
        { Setting: SETTING_NAMES.asOf },
        "Setting",
        `${SETTING_NAMES.asOf} ${"(".repeat(MAX_CELL_TEXT)}`,
      );
    const messages = ofRule(wb.findings({ currentYear: 2026 }), "invalid-value").map((f) => f.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/: the list of related articles is 3,000 characters long; expected at most 1,000\.$/),
        expect.stringMatching(/: the flexible topic code is 1,001 characters long/),
        expect.stringMatching(/: the rule is 5,000 characters long/),
        expect.stringMatching(/: the setting name is 1,\d{3} characters long/),
      ]),
    );
  });
});

describe("text from the file as keys", () => {
  it.each(["constructor", "__proto__", "toString", "hasOwnProperty"])(
    "Apply appends a row to a Workplan table with a column headed %s, leaving that column blank",
    (header) => {
      const wb = Workbook.adopted();
      const table = wb.table(WORKPLAN.table);
      table.headers.push(header);
      for (const row of table.rows) row.push(null);
      const { plan } = readPlan(tablesByName(wb.tables), { currentYear: 2026, expectedEnd: new Map([[2, 2031]]) });
      if (!plan) throw new Error("no plan");
      const proposal = proposeTimeline(plan) as CleanProposal;
      expect(proposal.feasible).toBe(true);
      const edit = describeApply(proposal, plan, table);
      expect(edit.rows).toEqual([
        [20, 2033, null, null, "10 — Training and technical assistance (art. 14)", null, null],
      ]);
    },
  );
});
