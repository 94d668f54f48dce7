/**
 * The Sources table: one row for every source id the rules cite, quoting the paragraph exactly;
 * findings carry the quote, editing a row changes it, and a workbook without the table still
 * checks, citing the id alone.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { RULES } from "../../../src/domain/rules";
import { ADOPTED_SOURCES } from "../../../src/domain/adoptedSources";
import { sourceIds, sourceInWords } from "../../../src/domain/sources";
import { SOURCES } from "../../../src/domain/layout";
import { CLUSTERS, Workbook, single } from "../workbook";

const SEEDS = join(__dirname, "../../../../shared/seeds");
const slipped = () => Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, 2031);

/** The seed's letters and punctuation in order: line breaks, footnote rules and split words ignored. */
function letters(text: string): string {
  return text.replace(/_{3,}/g, "").replace(/\s+/g, "");
}

describe("the adopted Sources rows", () => {
  it("have a row for every source id a rule cites, and no other", () => {
    const cited = new Set(RULES.flatMap((rule) => sourceIds(rule.source)));
    expect(new Set(ADOPTED_SOURCES.map(([id]) => id))).toEqual(cited);
  });

  const seeds = existsSync(SEEDS)
    ? ["000_840ec23572512444.txt", "003_f3d74345153ef5da.txt"].map((name) =>
        letters(readFileSync(join(SEEDS, name), "utf8")),
      )
    : [];

  (seeds.length > 0 ? it : it.skip)("quote the seed texts exactly, every part between ellipses", () => {
    const [paper, report] = seeds as [string, string];
    for (const [id, document, text] of ADOPTED_SOURCES) {
      const seed = document.startsWith("Background paper") ? paper : report;
      for (const part of text
        .split("…")
        .map((p) => letters(p))
        .filter(Boolean)) {
        expect({ id, part, found: seed.includes(part) }).toEqual({ id, part, found: true });
      }
    }
  });

  it("read as document and paragraph in words", () => {
    expect(sourceInWords("P§18")).toBe("Background paper, para. 18");
    expect(sourceInWords("P§18, P§4, P§49")).toBe("Background paper, paras. 4, 18 and 49");
    expect(sourceInWords("P§18(d)")).toBe("Background paper, para. 18 (d)");
    expect(sourceInWords("R-rec 46, report §3")).toBe("2021 report, para. 3 and recommendation 46");
    expect(sourceInWords("P-annex table")).toBe("Background paper, annex, table of meetings");
    expect(sourceInWords(null)).toBeNull();
  });
});

describe("a finding's quote", () => {
  it("is the Sources table's text of each id the rule cites", () => {
    const finding = single(slipped().findings(), "cluster-too-early");
    expect(finding.quote).toContain("Background paper, para. 18: “Furthermore, the workplan takes into account");
    expect(finding.quote).toContain("Background paper, para. 49: “In contrast, the agenda item");
    expect(finding.quote).toContain("when, or shortly after, the provisions have been reviewed");
  });

  it("changes when a planner edits the Sources row", () => {
    const edited = slipped().set(SOURCES.table, { Source: "P§49" }, SOURCES.text, "Our own working group's rule.");
    const quote = single(edited.findings(), "cluster-too-early").quote;
    expect(quote).toContain("Background paper, para. 49: “Our own working group's rule.”");
    expect(quote).not.toContain("In contrast, the agenda item");
  });

  it("is null without the Sources table, and the check is the same otherwise", () => {
    const without = slipped().removeTable(SOURCES.table).findings();
    const finding = single(without, "cluster-too-early");
    expect(finding.quote).toBeNull();
    expect(finding.source).toBe("P§18, P§4, P§49");
    expect(without.map((f) => f.rule)).toEqual(
      slipped()
        .findings()
        .map((f) => f.rule),
    );
  });

  it("carries the problem and what would fix it, with the topic's acceptable years", () => {
    const finding = single(slipped().findings(), "cluster-too-early");
    expect(finding.problem).toBe(finding.message);
    expect(finding.fix).toMatch(/^Move topic 6 to a meeting held from 2029 to 2032, its acceptable years/);
  });
});
