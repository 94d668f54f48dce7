/**
 * The Sources table (workbook.md): for every source id the rules cite, the document it comes from
 * and the sentences of that paragraph that ground the rule (the texts "create workbook" writes are
 * in adoptedSources.ts). The table is optional: without it a finding cites the id alone.
 */
import { SOURCES } from "./layout";
import { findTable, indexColumns, type WorkbookTables } from "./tables";
import { listPhrase } from "./wording";
import { say, sayCount } from "./messages/findings";

export interface SourceText {
  document: string;
  text: string;
}

/** Source texts by id (as the rules spell it, compared without case or spaces). */
export type SourceTexts = ReadonlyMap<string, SourceText>;

function idKey(id: string): string {
  return id.replace(/\s+/g, "").toLowerCase();
}

/** The ids of a rule's source: "P§18, P§4, P§49" → ["P§18", "P§4", "P§49"]. */
export function sourceIds(source: string | null): string[] {
  return (source ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter(Boolean);
}

/** The workbook's Sources table, or null when it has none (or lacks its Source or Text column). */
export function readSources(tables: WorkbookTables): SourceTexts | null {
  const table = findTable(tables, SOURCES.table);
  if (!table) return null;
  const index = indexColumns(table, [SOURCES.source, SOURCES.text], [SOURCES.document]);
  if (index.missing.length > 0) return null;
  const at = (row: readonly unknown[], column: string) => {
    const i = index.positions.get(column);
    const value = i === undefined ? null : row[i];
    return typeof value === "string" || typeof value === "number" ? String(value).trim() : "";
  };
  const texts = new Map<string, SourceText>();
  for (const row of table.rows) {
    const id = at(row, SOURCES.source);
    const text = at(row, SOURCES.text);
    if (id && text) texts.set(idKey(id), { document: at(row, SOURCES.document), text });
  }
  return texts;
}

/**
 * The quoted text of a finding's source: each id's sentences, the id first when there are several; null when none is
 * known.
 */
export function quoteOf(source: string | null, texts: SourceTexts | null): string | null {
  if (!texts) return null;
  const ids = sourceIds(source).filter((id) => texts.has(idKey(id)));
  if (ids.length === 0) return null;
  const quoted = ids.map((id) => say("src.quote", { text: texts.get(idKey(id))?.text ?? "" }));
  return ids.length === 1
    ? (quoted[0] as string)
    : ids.map((id, i) => say("src.cite", { id: sourceInWords(id) ?? id, quote: quoted[i] ?? "" })).join(" ");
}

const PARA = /^P§(\d+)(?:\((\w)\))?$/;

/** "4" before "18" before "50 (b)": paragraphs in the order of the document. */
const byParagraph = (a: string, b: string): number => parseInt(a, 10) - parseInt(b, 10) || a.localeCompare(b);

/** "P§18" → "para. 18", "P§18(d)" → "para. 18 (d)", "P-annex" → "annex", "R-rec 46" → "recommendation 46". */
function placeInWords(id: string): { document: "paper" | "report" | null; place: string; para: string | null } {
  const para = PARA.exec(id);
  if (para) return { document: "paper", place: "", para: `${para[1]}${para[2] ? ` (${para[2]})` : ""}` };
  if (id === "P-annex") return { document: "paper", place: say("src.annex"), para: null };
  if (id === "P-annex table") return { document: "paper", place: say("src.annexTable"), para: null };
  const rec = /^R-rec (\d+)$/.exec(id);
  if (rec) return { document: "report", place: say("src.rec", { n: rec[1] ?? "" }), para: null };
  const reportPara = /^report §(\d+)$/.exec(id);
  if (reportPara) return { document: "report", place: "", para: reportPara[1] as string };
  return { document: null, place: id, para: null };
}

/**
 * A rule's source in words, for people: "Background paper, para. 18", "Background paper, paras. 4,
 * 18 and 49", "2021 report, recommendation 46 and para. 3". Null for a rule without a source.
 */
export function sourceInWords(source: string | null): string | null {
  const ids = sourceIds(source);
  if (ids.length === 0) return null;
  const parts: string[] = [];
  for (const document of ["paper", "report", null] as const) {
    const places = ids.map(placeInWords).filter((p) => p.document === document);
    if (places.length === 0) continue;
    const paras = places.flatMap((p) => (p.para ? [p.para] : [])).sort(byParagraph);
    const named = places.flatMap((p) => (p.place ? [p.place] : []));
    const said = [
      ...(paras.length > 0 ? [sayCount("paras", paras.length, { list: listPhrase(paras) })] : []),
      ...named,
    ];
    const name = document === "paper" ? say("src.paper") : document === "report" ? say("src.report") : null;
    parts.push(name ? say("src.in", { document: name, places: listPhrase(said) }) : listPhrase(said));
  }
  return parts.join("; ");
}
