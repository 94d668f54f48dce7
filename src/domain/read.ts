/**
 * Turns the workbook's tables into a plan. Cell content never throws: what cannot be read
 * becomes an invalid-value finding naming the cell and what was expected, and a missing table
 * or column becomes a missing-table finding that says how to create it.
 */
import {
  ARTICLES,
  CLUSTERS,
  FLEXIBLE,
  INPUT_TABLES,
  REQUIRED_COLUMNS,
  SETTINGS,
  SETTING_NAMES,
  TOPICS,
  WORKPLAN,
} from "./layout";
import type { Article, Cluster, Finding, FlexibleTopic, Meeting, Plan, Topic, Where } from "./model";
import {
  blankOr,
  cellText,
  isBlank,
  isTooLong,
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
  parseYear,
  parseYearCount,
  showValue,
  thousands,
  type Parsed,
} from "./parse";
import { cellAddress, cellName } from "./cellRef";
import {
  cellOf,
  findTable,
  indexColumns,
  normalizeHeader,
  type CellValue,
  type ColumnIndex,
  type TableCell,
  type WorkbookTables,
} from "./tables";
import { dataFinding } from "./findings";
import { say, type FindingMessageId } from "./messages/findings";
import type { MessageParams } from "./messages/fill";
import { commaList } from "./wording";

export interface ReadOptions {
  /** The calendar year now, used when the "As of year" setting is blank. */
  currentYear: number;
  /** Overrides the "As of year" setting for this check only. */
  asOf?: number;
  /** What-if expected review ends by cluster number, for this check only. */
  expectedEnd?: ReadonlyMap<number, number>;
  /**
   * What-if cancellations, for this check only: meeting numbers as written in the Workplan table.
   * Planned meetings with these numbers read as cancelled; held meetings and unknown numbers are
   * left as they are (`cancelRefusals` names them).
   */
  cancel?: ReadonlySet<number>;
}

export interface ReadResult {
  plan: Plan | null;
  findings: Finding[];
  /** Meeting numbers the what-if cancelled, in ascending order (rows cancelled in the table are not listed). */
  cancelled: number[];
}

/** What a cell holds, as a finding names it: "the {what} is blank". Words looked up only for a finding. */
type What = FindingMessageId | readonly [FindingMessageId, MessageParams];

function whatText(what: What): string {
  return typeof what === "string" ? say(what) : say(...what);
}

class Reader {
  readonly findings: Finding[] = [];

  read<T>(cell: TableCell | undefined, parse: (value: unknown) => Parsed<T>, what: What): T | undefined {
    if (!cell || this.tooLong(cell, what)) return undefined;
    const parsed = parse(cell.value);
    if (parsed.ok) return parsed.value;
    this.findings.push(
      dataFinding(
        "invalid-value",
        { sheet: cell.sheet, row: cell.row, column: cell.column },
        say("invalid", {
          cell: cellName(cell),
          what: whatText(what),
          value: showValue(cell.value),
          expected: parsed.expected,
        }),
      ),
    );
    return undefined;
  }

  /** Text past MAX_CELL_TEXT is reported and not read: no reader spends time on a pasted essay. */
  tooLong(cell: TableCell | undefined, what: What): boolean {
    if (!cell || !isTooLong(cell.value)) return false;
    this.findings.push(
      dataFinding(
        "invalid-value",
        { sheet: cell.sheet, row: cell.row, column: cell.column },
        say("invalid.long", {
          cell: cellName(cell),
          what: whatText(what),
          length: thousands(cell.value.length),
          max: thousands(MAX_CELL_TEXT),
        }),
      ),
    );
    return true;
  }

  /** Like read, but a blank cell is reported as missing rather than returning null. */
  require<T>(cell: TableCell | undefined, parse: (value: unknown) => Parsed<T>, what: What): T | undefined {
    if (cell && isBlank(cell.value)) {
      const expected = parse(cell.value);
      this.findings.push(
        dataFinding(
          "invalid-value",
          { sheet: cell.sheet, row: cell.row, column: cell.column },
          say("invalid.blank", {
            cell: cellName(cell),
            what: whatText(what),
            expected: expected.ok ? say("exp.value") : expected.expected,
          }),
        ),
      );
      return undefined;
    }
    return this.read(cell, parse, what);
  }

  columns(tables: WorkbookTables, name: string): ColumnIndex | undefined {
    const layout = INPUT_TABLES.find((t) => t.table === name);
    const table = findTable(tables, name);
    const required = REQUIRED_COLUMNS[name] ?? [];
    if (!layout) return undefined;
    if (!table) {
      this.findings.push(
        dataFinding(
          "missing-table",
          null,
          say("missing", { table: name, sheet: layout.sheet, columns: quotedList(layout.columns) }),
        ),
      );
      return undefined;
    }
    const index = indexColumns(
      table,
      required,
      layout.columns.filter((c) => !required.includes(c)),
    );
    if (index.missing.length > 0) {
      this.findings.push(
        dataFinding(
          "missing-table",
          { sheet: table.sheet, row: table.top, column: table.left },
          say("missing.column", { table: table.name, sheet: table.sheet, columns: quotedList(index.missing) }),
        ),
      );
      return undefined;
    }
    return index;
  }
}

/** `"Meeting", "Year"` */
function quotedList(names: readonly string[]): string {
  return commaList(names.map((text) => say("quoted", { text })));
}

function rowIsBlank(row: readonly unknown[]): boolean {
  return row.every(isBlank);
}

function eachRow(index: ColumnIndex, visit: (row: number) => void): void {
  index.table.rows.forEach((cells, row) => {
    if (!rowIsBlank(cells)) visit(row);
  });
}

function where(cell: TableCell | undefined): Where {
  return { sheet: cell?.sheet ?? "", row: cell?.row ?? 0, column: cell?.column ?? 0 };
}

/** "Clusters!A6"; "" where there is no such cell (a column the table does not have). */
function nameOf(cell: TableCell | undefined): string {
  return cell ? cellName(cell) : "";
}

function text(cell: TableCell | undefined): string {
  return cellText(cell?.value) ?? "";
}

function readTopics(reader: Reader, index: ColumnIndex): Map<number, Topic> {
  const topics = new Map<number, Topic>();
  eachRow(index, (row) => {
    const cell = cellOf(index, row, TOPICS.topic);
    const number = reader.require(cell, parseTopicRef, "what.topic");
    if (number === undefined || number === null) return;
    if (topics.has(number)) {
      reader.findings.push(
        dataFinding("invalid-value", where(cell), say("twice.topic", { cell: nameOf(cell), topic: number })),
      );
      return;
    }
    topics.set(number, { number, title: text(cellOf(index, row, TOPICS.title)), at: where(cell) });
  });
  return topics;
}

function readArticles(reader: Reader, index: ColumnIndex): Article[] {
  const articles: Article[] = [];
  eachRow(index, (row) => {
    const articleCell = cellOf(index, row, ARTICLES.article);
    const clusterCell = cellOf(index, row, ARTICLES.cluster);
    const topicCell = cellOf(index, row, ARTICLES.topic);
    const number = reader.require(articleCell, parseArticleNumber, "what.article");
    const cluster = reader.read(clusterCell, parseClusterRef, "what.cluster");
    const topic = reader.read(topicCell, parseTopicRef, "what.articleTopic");
    const rule = reader.read(cellOf(index, row, ARTICLES.rule), parseArticleRule, "what.rule");
    if (number === undefined) return;
    articles.push({
      number,
      title: text(cellOf(index, row, ARTICLES.title)),
      cluster: cluster ?? null,
      topic: topic ?? null,
      // An unreadable topic is already a finding; article-unassigned would report it twice.
      topicUnreadable: topic === undefined,
      last: rule === "last",
      at: { article: where(articleCell), cluster: where(clusterCell), topic: where(topicCell) },
    });
  });
  return articles;
}

interface ClusterRows {
  clusters: Map<number, Cluster>;
  unreadable: Set<number>;
}

function readClusters(
  reader: Reader,
  index: ColumnIndex,
  overrides: ReadonlyMap<number, number> | undefined,
): ClusterRows {
  const clusters = new Map<number, Cluster>();
  const unreadable = new Set<number>();
  eachRow(index, (row) => {
    const clusterCell = cellOf(index, row, CLUSTERS.cluster);
    const expectedCell = cellOf(index, row, CLUSTERS.expectedEnd);
    const number = reader.require(clusterCell, parseClusterRef, "what.clusterNo");
    const start = reader.read(cellOf(index, row, CLUSTERS.reviewStart), blankOr(parseYear), "what.start");
    const plannedEnd = reader.require(cellOf(index, row, CLUSTERS.plannedEnd), parseYear, "what.planned");
    const expected = reader.read(expectedCell, blankOr(parseYear), "what.expected");
    if (number === undefined || number === null) return;
    if (plannedEnd === undefined) {
      unreadable.add(number);
      return;
    }
    if (clusters.has(number)) {
      reader.findings.push(
        dataFinding(
          "invalid-value",
          where(clusterCell),
          say("twice.cluster", { cell: nameOf(clusterCell), cluster: number }),
        ),
      );
      return;
    }
    clusters.set(number, {
      number,
      name: text(cellOf(index, row, CLUSTERS.name)),
      reviewStart: start ?? null,
      plannedEnd,
      // A blank expected end means the review is on time (expected = planned).
      expectedEnd: overrides?.get(number) ?? expected ?? plannedEnd,
      expectedEndInWorkbook: expected ?? plannedEnd,
      at: { cluster: where(clusterCell), expectedEnd: where(expectedCell ?? clusterCell) },
    });
  });
  return { clusters, unreadable };
}

function readFlexibleTopics(reader: Reader, index: ColumnIndex): Map<string, FlexibleTopic> {
  const flexible = new Map<string, FlexibleTopic>();
  eachRow(index, (row) => {
    const codeCell = cellOf(index, row, FLEXIBLE.code);
    if (reader.tooLong(codeCell, "what.code")) return;
    const code = normalizeCode(codeCell?.value);
    const related = reader.read(cellOf(index, row, FLEXIBLE.related), parseArticleList, "what.related");
    const discussedAt = reader.read(
      cellOf(index, row, FLEXIBLE.discussedAt),
      blankOr(parseMeetingOrdinal),
      "what.discussed",
    );
    if (code === undefined) {
      reader.findings.push(
        dataFinding(
          "invalid-value",
          where(codeCell),
          say("code.bad", { cell: nameOf(codeCell), value: showValue(codeCell?.value) }),
        ),
      );
      return;
    }
    const first = flexible.get(code);
    if (first) {
      reader.findings.push(
        dataFinding(
          "invalid-value",
          where(codeCell),
          say("twice.code", { cell: nameOf(codeCell), code, first: cellAddress(first.at) }),
        ),
      );
      return;
    }
    flexible.set(code, {
      code,
      title: text(cellOf(index, row, FLEXIBLE.title)),
      related: related ?? [],
      discussedAt: discussedAt ?? null,
      at: where(codeCell),
    });
  });
  return flexible;
}

interface RawSettings {
  earliest: number | null;
  latest: number | null;
  asOf: number | null;
}

/** A setting's name for matching: "Earliest … (years)" matches "Earliest …" (found without a backtracking regex). */
export function settingKey(name: string): string {
  const key = normalizeHeader(name);
  const note = key.indexOf("(");
  return note >= 0 && key.endsWith(")") ? key.slice(0, note).trimEnd() : key;
}

function readSettings(reader: Reader, index: ColumnIndex): RawSettings {
  const found = new Map<string, TableCell | undefined>();
  eachRow(index, (row) => {
    const nameCell = cellOf(index, row, SETTINGS.setting);
    if (reader.tooLong(nameCell, "what.settingName")) return;
    const name = cellText(nameCell?.value);
    if (name) found.set(settingKey(name), cellOf(index, row, SETTINGS.value));
  });
  const wholeSetting = (name: string): number | null => {
    const key = settingKey(name);
    if (!found.has(key)) {
      reader.findings.push(
        dataFinding(
          "missing-table",
          { sheet: index.table.sheet, row: index.table.top, column: index.table.left },
          say("missing.setting", { setting: name, years: name === SETTING_NAMES.earliest ? 2 : 1 }),
        ),
      );
      return null;
    }
    return reader.require(found.get(key), parseYearCount, ["what.setting", { setting: name }]) ?? null;
  };
  const asOfCell = found.get(settingKey(SETTING_NAMES.asOf));
  return {
    earliest: wholeSetting(SETTING_NAMES.earliest),
    latest: wholeSetting(SETTING_NAMES.latest),
    asOf: reader.read(asOfCell, blankOr(parseYear), ["what.setting", { setting: SETTING_NAMES.asOf }]) ?? null,
  };
}

interface MeetingOptions {
  knownCodes: ReadonlySet<string>;
  asOf: number;
  cancel: ReadonlySet<number>;
  /** Collects the meeting numbers the what-if cancelled (rows not already cancelled in the table). */
  cancelledByWhatIf: number[];
}

function readMeetings(reader: Reader, index: ColumnIndex, options: MeetingOptions): Meeting[] {
  const meetings: Meeting[] = [];
  eachRow(index, (row) => {
    const ordinalCell = cellOf(index, row, WORKPLAN.meeting);
    const yearCell = cellOf(index, row, WORKPLAN.year);
    const flexibleCell = cellOf(index, row, WORKPLAN.flexible);
    const topicCell = cellOf(index, row, WORKPLAN.fixed);
    const ordinal = reader.require(ordinalCell, parseMeetingOrdinal, "what.meeting");
    const year = reader.require(yearCell, parseYear, "what.year");
    const statusCell = cellOf(index, row, WORKPLAN.status);
    const written = reader.read(statusCell, parseStatus, "what.status") ?? null;
    const flexible = reader.read(flexibleCell, (v) => parseFlexibleRef(v, options.knownCodes), "what.flexible");
    const topic = reader.read(topicCell, parseTopicRef, "what.fixed");
    const held = written === "held" || (written === null && year !== undefined && year < options.asOf);
    const cancelled = !held && ordinal !== undefined && options.cancel.has(ordinal);
    const whatIf = cancelled && written !== "cancelled";
    if (whatIf) options.cancelledByWhatIf.push(ordinal);
    meetings.push({
      row,
      ordinal: ordinal ?? null,
      year: year ?? null,
      status: cancelled ? "cancelled" : written,
      held,
      flexible: flexible ?? null,
      topic: topic ?? null,
      ...(whatIf ? { whatIfCancelled: true } : {}),
      ...(written === "cancelled" && isPostponed(statusCell?.value) ? { postponed: true } : {}),
      at: {
        ordinal: where(ordinalCell),
        year: where(yearCell),
        flexible: flexibleCell ? where(flexibleCell) : null,
        topic: where(topicCell),
        ...(statusCell ? { status: where(statusCell) } : {}),
      },
    });
  });
  return meetings;
}

export function readPlan(tables: WorkbookTables, options: ReadOptions): ReadResult {
  const reader = new Reader();
  const workplan = reader.columns(tables, WORKPLAN.table);
  const topicsIndex = reader.columns(tables, TOPICS.table);
  const articlesIndex = reader.columns(tables, ARTICLES.table);
  const clustersIndex = reader.columns(tables, CLUSTERS.table);
  const flexibleIndex = reader.columns(tables, FLEXIBLE.table);
  const settingsIndex = reader.columns(tables, SETTINGS.table);
  if (!workplan || !topicsIndex || !articlesIndex || !clustersIndex || !settingsIndex) {
    return { plan: null, findings: reader.findings, cancelled: [] };
  }
  const settings = readSettings(reader, settingsIndex);
  const asOf = options.asOf ?? settings.asOf ?? options.currentYear;
  const flexibleTopics = flexibleIndex ? readFlexibleTopics(reader, flexibleIndex) : null;
  const clusterRows = readClusters(reader, clustersIndex, options.expectedEnd);
  const cancelledByWhatIf: number[] = [];
  const plan: Plan = {
    topics: readTopics(reader, topicsIndex),
    articles: readArticles(reader, articlesIndex),
    clusters: clusterRows.clusters,
    unreadableClusters: clusterRows.unreadable,
    flexibleTopics,
    meetings: readMeetings(reader, workplan, {
      knownCodes: new Set(flexibleTopics?.keys() ?? []),
      asOf,
      cancel: options.cancel ?? new Set(),
      cancelledByWhatIf,
    }),
    settings: { earliest: settings.earliest, latest: settings.latest, asOf },
  };
  return { plan, findings: reader.findings, cancelled: [...new Set(cancelledByWhatIf)].sort((a, b) => a - b) };
}

/** "Postponed" reads as cancelled for its year (workbook.md), but findings say which it is. */
function isPostponed(value: CellValue | undefined): boolean {
  return typeof value === "string" && value.trim().toLowerCase() === "postponed";
}
