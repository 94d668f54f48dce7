/**
 * The repository documents itself: docs/domain.md lists every rule the engine has, with its
 * severity and source, and quotes each source; docs/workbook.md every table and column the engine
 * reads; links between the documents lead somewhere; nothing cites files outside the repository.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { FLAGS_SHEET, FLEXIBLE_LIST_NAME, LISTS_SHEET, TOPIC_LIST_NAME } from "../src/domain/annotations";
import { DATA_RULES } from "../src/domain/findings";
import { ALL_TABLES, SETTING_NAMES } from "../src/domain/layout";
import { PROPOSAL_HEADERS } from "../src/domain/proposalSheet";
import { RULES } from "../src/domain/rules";
import { RECORD_TITLE } from "../src/domain/write";

const root = path.resolve(__dirname, "..");
const read = (file: string): string => readFileSync(path.join(root, file), "utf8");
const domain = read("docs/domain.md");
const workbook = read("docs/workbook.md");

/** Cells of the Markdown table row whose first (or `column`-th) cell is exactly `key`. */
function tableRow(markdown: string, key: string, column = 0): string[] | undefined {
  return markdown
    .split("\n")
    .filter((line) => line.startsWith("|"))
    .map((line) =>
      line
        .replace(/^\||\|$/g, "")
        .split("|")
        .map((cell) => cell.trim()),
    )
    .find((cells) => cells[column] === key);
}

function flat(text: string): string {
  return text.replace(/\s+/g, " ");
}

describe("docs/domain.md", () => {
  const rules = [
    ...RULES.map((rule) => ({ id: rule.id, severity: rule.severity, source: rule.source })),
    ...Object.entries(DATA_RULES).map(([id, rule]) => ({ id, severity: rule.severity, source: null })),
  ];

  it.each(rules)("lists $id with the severity and source the engine gives it", ({ id, severity, source }) => {
    const row = tableRow(domain, `\`${id}\``);
    expect(row).toBeDefined();
    expect(row?.[1]).toBe(severity);
    expect(row?.[3]).toBe(source ?? "—");
  });

  const sourceIds = [...new Set(RULES.flatMap((rule) => (rule.source ?? "").split(", ").filter(Boolean)))];

  it.each(sourceIds)("quotes the source %s in §4", (id) => {
    const sources = domain.slice(domain.indexOf("## 4. Sources"));
    expect(sources.toLowerCase()).toContain(`**${id.toLowerCase()}**`);
  });
});

describe("docs/workbook.md", () => {
  it.each(ALL_TABLES.map((layout) => [layout.table, layout]))(
    "lists the table %s on its sheet with every column, in order",
    (table, layout) => {
      const row = tableRow(workbook, `\`${table}\``, 1);
      expect(row?.[0]).toBe(layout.sheet);
      expect(row?.[2]?.split(" · ")).toEqual([...layout.columns]);
    },
  );

  it.each(Object.values(SETTING_NAMES))("names the setting %s", (name) => {
    expect(workbook).toContain(`\`${name}\``);
  });

  it("names the helper sheets, the list names, the record's title and the proposal sheet's columns", () => {
    for (const name of [FLAGS_SHEET, LISTS_SHEET, TOPIC_LIST_NAME, FLEXIBLE_LIST_NAME]) {
      expect(workbook).toContain(`\`${name}\``);
    }
    expect(flat(workbook)).toContain(RECORD_TITLE);
    expect(flat(workbook)).toContain(PROPOSAL_HEADERS.join(" · "));
  });
});

/** Text with fenced code blocks and inline code taken out: what is there is not a link. */
function prose(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, "").replace(/`[^`\n]*`/g, "");
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .replace(/\s/g, "-");
}

function anchors(markdown: string): Set<string> {
  const headings = prose(markdown)
    .split("\n")
    .flatMap((line) => /^#{1,6}\s+(.*)$/.exec(line)?.[1] ?? []);
  return new Set(headings.map(slug));
}

function links(markdown: string): string[] {
  const text = prose(markdown);
  const targets = [...text.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g), ...text.matchAll(/<img[^>]*\ssrc="([^"]+)"/g)];
  return targets.map((match) => match[1] ?? "").filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

const documents = ["README.md", ...readdirSync(path.join(root, "docs")).map((file) => `docs/${file}`)].filter((file) =>
  file.endsWith(".md"),
);

describe("links between the documents", () => {
  it.each(documents)("every relative link in %s leads to a file (and heading) that exists", (file) => {
    const broken = links(read(file)).filter((target) => {
      const [relative = "", anchor] = target.split("#");
      const resolved =
        relative === "" ? path.join(root, file) : path.resolve(path.dirname(path.join(root, file)), relative);
      if (!existsSync(resolved)) return true;
      return anchor !== undefined && resolved.endsWith(".md") && !anchors(readFileSync(resolved, "utf8")).has(anchor);
    });
    expect(broken).toEqual([]);
  });
});

const TEXT_FILE = /\.(ts|tsx|js|cjs|mjs|json|md|html|css|xml)$/;

function textFiles(folder: string): string[] {
  const full = path.join(root, folder);
  if (!existsSync(full)) return [];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = `${folder}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : textFiles(relative);
    return TEXT_FILE.test(entry.name) ? [relative] : [];
  });
}

describe("citations", () => {
  // Spelt in two pieces, so that this file does not cite it.
  const outside = ["shared", "spec"].join("/");

  it(`no file of src, test, scripts or docs, nor the README, cites ${outside}: the docs are in the repository`, () => {
    const files = [...["src", "test", "scripts", "docs"].flatMap(textFiles), "README.md"];
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((file) => read(file).includes(outside))).toEqual([]);
  });
});

/**
 * The text with the footnotes that the extraction put inside a sentence at a page break taken out:
 * from the line of underscores to the first line of the next page (one space, then not a footnote number).
 */
function withoutFootnotes(text: string): string {
  let footnote = false;
  return text
    .split("\n")
    .filter((line) => {
      if (/^_{5,}\s*$/.test(line)) footnote = true;
      else if (footnote && /^ \S/.test(line) && !/^ \d+\s/.test(line)) footnote = false;
      return !footnote;
    })
    .join("\n");
}

/** The source texts the quotations come from, next to the repository (absent in a user's own clone). */
const seeds = path.resolve(root, "../shared/seeds");
const describeWithSeeds = existsSync(seeds) ? describe : describe.skip;

describeWithSeeds(`the quotations of docs/domain.md (skipped without ${seeds})`, () => {
  const squeeze = (text: string) => text.replace(/\s+/g, "");
  const texts = existsSync(seeds)
    ? readdirSync(seeds)
        .filter((file) => file.endsWith(".txt"))
        .map((file) => readFileSync(path.join(seeds, file), "utf8"))
        .flatMap((text) => [squeeze(text), squeeze(withoutFootnotes(text))])
    : [];
  const quotations = domain
    .split(/\n\s*\n/)
    .filter((block) => block.startsWith(">"))
    .map((block) => block.replace(/^> ?/gm, "").replace(/\n/g, " "));

  it("has quotations", () => {
    expect(quotations.length).toBeGreaterThan(20);
  });

  // Line breaks and the words the text extraction split ("bee n") are mended, so compare without spaces.
  it.each(quotations)("%s", (quotation) => {
    const fragments = quotation
      .split("…")
      .map(squeeze)
      .filter((fragment) => fragment.length > 0);
    for (const fragment of fragments) expect(texts.some((text) => text.includes(fragment))).toBe(true);
  });
});
