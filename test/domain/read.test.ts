/** Reading the workbook: every cell form of docs/workbook.md, header matching, layout. */
import type { Finding, Meeting, Plan } from "../../src/domain/model";
import { ADOPTED_FLEXIBLE_LABELS, ADOPTED_TOPIC_LABELS } from "../../src/domain/defaults";
import {
  ARTICLES,
  CLUSTERS,
  FLEXIBLE,
  SETTINGS,
  SETTING_NAMES,
  TOPICS,
  WORKPLAN,
  Workbook,
  ofRule,
  single,
} from "./workbook";
import type { CellValue } from "../../src/domain/tables";

function planOf(wb: Workbook, options: Parameters<Workbook["check"]>[0] = {}): Plan {
  const { plan, findings } = wb.check(options);
  if (!plan) throw new Error(`no plan: ${findings.map((f) => f.message).join("; ")}`);
  return plan;
}

function meeting(plan: Plan, ordinal: number): Meeting {
  const found = plan.meetings.find((m) => m.ordinal === ordinal);
  if (!found) throw new Error(`no meeting ${ordinal}`);
  return found;
}

/** The Workplan with one cell of the 12th meeting (row 4) set. */
function twelfth(header: string, value: CellValue): Workbook {
  return Workbook.adopted().set(WORKPLAN.table, { Meeting: 12 }, header, value);
}

function trimTrailingBlanks(row: CellValue[]): CellValue[] {
  const cells = [...row];
  while (cells.length > 0 && cells[cells.length - 1] === null) cells.pop();
  return cells;
}

describe("Workplan cells", () => {
  it.each<[CellValue]>([[12], ["12"], ["12th"], [" 12th "], ["12TH"], [12.0]])(
    "reads the meeting %p as 12",
    (value) => {
      const wb = twelfth(WORKPLAN.meeting, value);
      expect(planOf(wb).meetings[2]?.ordinal).toBe(12);
      expect(wb.findings()).toEqual([]);
    },
  );

  it.each<[CellValue]>([[2025], ["2025"], [" 2025 "]])("reads the year %p as 2025", (value) => {
    const wb = twelfth(WORKPLAN.year, value);
    expect(meeting(planOf(wb), 12).year).toBe(2025);
    expect(wb.findings()).toEqual([]);
  });

  it.each<[CellValue, boolean]>([
    ["Held", true],
    ["held", true],
    ["HELD", true],
    [" Held ", true],
    ["Planned", false],
    ["planned", false],
    ["PLANNED", false],
  ])("reads the status %p (held: %p) whatever the year", (value, held) => {
    const wb = twelfth(WORKPLAN.status, value);
    for (const currentYear of [2020, 2040]) {
      const m = meeting(planOf(wb, { currentYear }), 12);
      expect(m.status).toBe(held ? "held" : "planned");
      expect(m.held).toBe(held);
    }
  });

  describe("a blank status", () => {
    const held = (plan: Plan) => plan.meetings.filter((m) => m.held).map((m) => m.ordinal);

    it("is held when the year is before the As of year setting", () => {
      const wb = Workbook.adopted().setting(SETTING_NAMES.asOf, 2025);
      expect(held(planOf(wb))).toEqual([10, 11]);
      expect(planOf(wb).settings.asOf).toBe(2025);
    });

    it("reads the As of year as text too", () => {
      expect(held(planOf(Workbook.adopted().setting(SETTING_NAMES.asOf, "2025")))).toEqual([10, 11]);
    });

    it("uses the current calendar year when the As of year is blank", () => {
      const wb = Workbook.adopted();
      expect(wb.get(SETTINGS.table, { Setting: SETTING_NAMES.asOf }, SETTINGS.value)).toBeNull();
      expect(held(planOf(wb, { currentYear: 2026 }))).toEqual([10, 11, 12]);
      expect(planOf(wb, { currentYear: 2026 }).settings.asOf).toBe(2026);
      expect(held(planOf(wb, { currentYear: 2022 }))).toEqual([]);
    });

    it("the asOf option overrides the setting for one check", () => {
      const wb = Workbook.adopted().setting(SETTING_NAMES.asOf, 2025);
      expect(held(planOf(wb, { asOf: 2024 }))).toEqual([10]);
      expect(wb.check({ asOf: 2024 }).asOf).toBe(2024);
    });
  });

  it.each<[CellValue, number | null]>([
    [3, 3],
    ["3", 3],
    ["Topic 3", 3],
    ["topic 3", 3],
    ["TOPIC3", 3],
    ["3 — Confiscation, seizure and disposal; deactivation", 3],
    ["3 – Confiscation", 3],
    ["3 - Confiscation", 3],
    ["3: Confiscation", 3],
    ["3 Confiscation", 3],
    ["Topic 3 — Confiscation", 3],
    ["Topic 3: Confiscation", 3],
    [ADOPTED_TOPIC_LABELS[2] as string, 3],
    [null, null],
    ["", null],
    ["   ", null],
  ])("reads agenda item 3 %p as topic %p", (value, topic) => {
    expect(meeting(planOf(twelfth(WORKPLAN.fixed, value)), 12).topic).toBe(topic);
  });

  it("a blank agenda item 3 is a meeting without a fixed topic, not an unreadable cell", () => {
    const findings = twelfth(WORKPLAN.fixed, null).findings();
    expect(findings.map((f) => f.rule)).toEqual(["topic-unscheduled"]);
  });

  it.each<[CellValue, unknown]>([
    ["e", { kind: "code", code: "e" }],
    ["E", { kind: "code", code: "e" }],
    ["(e)", { kind: "code", code: "e" }],
    [" ( e ) ", { kind: "code", code: "e" }],
    ["e — Trade in, illicit manufacturing of and trafficking in ammunition", { kind: "code", code: "e" }],
    ["(e) — Ammunition", { kind: "code", code: "e" }],
    ["e - Ammunition", { kind: "code", code: "e" }],
    [ADOPTED_FLEXIBLE_LABELS[4] as string, { kind: "code", code: "e" }],
    ["Other: Firearms and new technologies", { kind: "other", title: "Firearms and new technologies" }],
    ["other:Drones", { kind: "other", title: "Drones" }],
    ["OTHER : Drones ", { kind: "other", title: "Drones" }],
    ["Drones", { kind: "unknown", text: "Drones" }],
    [null, null],
    ["", null],
  ])("reads agenda item 2 %p", (value, flexible) => {
    expect(meeting(planOf(twelfth(WORKPLAN.flexible, value)), 12).flexible).toEqual(flexible);
  });
});

describe("Articles cells", () => {
  const article = (wb: Workbook, n: number) => planOf(wb).articles.find((a) => a.number === n);

  it.each<[CellValue, number | null]>([
    [9, 9],
    ["9", 9],
    ["Topic 9", 9],
    [null, null],
    [" ", null],
  ])("reads the topic %p of article 11 as %p", (value, topic) => {
    expect(article(Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.topic, value), 11)?.topic).toBe(
      topic,
    );
  });

  it.each<[CellValue, boolean]>([
    ["last", true],
    ["Last", true],
    [" LAST ", true],
    [null, false],
    ["", false],
  ])("reads the rule %p (last: %p)", (value, last) => {
    const wb = Workbook.adopted().set(ARTICLES.table, { Article: 14 }, ARTICLES.rule, value);
    expect(article(wb, 14)?.last).toBe(last);
    expect(ofRule(wb.findings(), "invalid-value")).toEqual([]);
  });

  it.each<[CellValue, number]>([
    [11, 11],
    ["11", 11],
    ["Art. 11", 11],
    ["article 11", 11],
  ])("reads the article number %p", (value, n) => {
    const wb = Workbook.adopted().set(ARTICLES.table, { Article: 11 }, ARTICLES.article, value);
    expect(article(wb, n)).toBeDefined();
    expect(wb.findings()).toEqual([]);
  });
});

describe("FlexibleTopics cells", () => {
  it.each<[CellValue, number[]]>([
    ["8, 12", [8, 12]],
    ["8,12", [8, 12]],
    ["8 and 12", [8, 12]],
    ["8; 12", [8, 12]],
    ["8 & 12", [8, 12]],
    ["6–9", [6, 7, 8, 9]],
    ["6-9", [6, 7, 8, 9]],
    ["6 — 9", [6, 7, 8, 9]],
    ["6 – 9, 12", [6, 7, 8, 9, 12]],
    ["arts. 8, 12", [8, 12]],
    ["Articles 8 and 12", [8, 12]],
    [12, [12]],
    ["12", [12]],
    [null, []],
    ["", []],
  ])("reads Related articles %p", (value, related) => {
    const wb = Workbook.adopted().set(FLEXIBLE.table, { Code: "g" }, FLEXIBLE.related, value);
    expect(planOf(wb).flexibleTopics?.get("g")?.related).toEqual(related);
    expect(wb.findings()).toEqual([]);
  });

  it.each<[CellValue, string]>([
    ["(l)", "l"],
    [" L ", "l"],
  ])("reads the code %p as %p", (value, code) => {
    const wb = Workbook.adopted().addRow(FLEXIBLE.table, { [FLEXIBLE.code]: value, [FLEXIBLE.title]: "Drones" });
    expect(planOf(wb).flexibleTopics?.has(code)).toBe(true);
  });

  it.each<[CellValue, number | null]>([
    [9, 9],
    ["9th", 9],
    [null, null],
  ])("reads Discussed at meeting %p", (value, discussedAt) => {
    const wb = Workbook.adopted().set(FLEXIBLE.table, { Code: "e" }, FLEXIBLE.discussedAt, value);
    expect(planOf(wb).flexibleTopics?.get("e")?.discussedAt).toBe(discussedAt);
  });
});

describe("Clusters and Settings cells", () => {
  it("a blank expected end means the review is on time", () => {
    const wb = Workbook.adopted().set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, null);
    expect(planOf(wb).clusters.get(2)?.expectedEnd).toBe(2030);
    expect(wb.findings()).toEqual([]);
  });

  it("reads 'Cluster 2' and years as text", () => {
    const wb = Workbook.adopted()
      .set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.plannedEnd, "2030")
      .set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.cluster, "Cluster 2");
    expect(planOf(wb).clusters.get(2)).toMatchObject({ plannedEnd: 2030, expectedEnd: 2030 });
    expect(wb.findings()).toEqual([]);
  });

  it("reads the window settings, as numbers or text, and finds the rows by name ignoring case", () => {
    const wb = Workbook.adopted()
      .setting(SETTING_NAMES.earliest, "3")
      .set(SETTINGS.table, { Setting: SETTING_NAMES.latest }, SETTINGS.setting, "  latest (YEARS after review end) ");
    expect(planOf(wb).settings).toMatchObject({ earliest: 3, latest: 1 });
  });
});

describe("unreadable cells are invalid-value findings naming the sheet, the cell and what was expected", () => {
  type Case = [
    table: string,
    row: Record<string, CellValue>,
    header: string,
    value: CellValue,
    cell: string,
    expected: string,
  ];
  const cases: Case[] = [
    ["Workplan", { Meeting: 12 }, WORKPLAN.meeting, "Twelfth", "Workplan!A4", 'a meeting number such as 10 or "10th"'],
    ["Workplan", { Meeting: 12 }, WORKPLAN.meeting, 0, "Workplan!A4", 'a meeting number such as 10 or "10th"'],
    ["Workplan", { Meeting: 12 }, WORKPLAN.meeting, 12.5, "Workplan!A4", 'a meeting number such as 10 or "10th"'],
    ["Workplan", { Meeting: 12 }, WORKPLAN.meeting, null, "Workplan!A4", "is blank"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.year, "2025.5", "Workplan!B4", "a year as a whole number"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.year, 2025.5, "Workplan!B4", "a year as a whole number"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.year, "25", "Workplan!B4", "a year as a whole number"],
    [
      "Workplan",
      { Meeting: 12 },
      WORKPLAN.year,
      new Date(Date.UTC(2025, 0, 1)),
      "Workplan!B4",
      "a year as a whole number",
    ],
    ["Workplan", { Meeting: 12 }, WORKPLAN.year, null, "Workplan!B4", "is blank"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.status, "Done", "Workplan!C4", '"Held", "Planned" or blank'],
    ["Workplan", { Meeting: 12 }, WORKPLAN.status, true, "Workplan!C4", '"Held", "Planned" or blank'],
    [
      "Workplan",
      { Meeting: 12 },
      WORKPLAN.flexible,
      new Date(Date.UTC(2025, 0, 1)),
      "Workplan!D4",
      "a flexible topic code",
    ],
    ["Workplan", { Meeting: 12 }, WORKPLAN.fixed, "three", "Workplan!E4", "a topic number such as 3"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.fixed, "3.5", "Workplan!E4", "a topic number such as 3"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.fixed, 3.5, "Workplan!E4", "a topic number such as 3"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.fixed, 0, "Workplan!E4", "a topic number such as 3"],
    ["Workplan", { Meeting: 12 }, WORKPLAN.fixed, "Topic", "Workplan!E4", "a topic number such as 3"],
    ["Topics", { Topic: 3 }, TOPICS.topic, "III", "Topics!A4", "a topic number"],
    ["Articles", { Article: 11 }, ARTICLES.article, "eleven", "Articles!A11", "an article number such as 5"],
    ["Articles", { Article: 11 }, ARTICLES.cluster, "prevention", "Articles!C11", "a cluster number such as 2"],
    ["Articles", { Article: 11 }, ARTICLES.topic, "nine", "Articles!D11", "a topic number such as 3"],
    ["Articles", { Article: 14 }, ARTICLES.rule, "first", "Articles!E14", '"last"'],
    ["Clusters", { Cluster: 2 }, CLUSTERS.cluster, "two", "Clusters!A3", "a cluster number"],
    ["Clusters", { Cluster: 2 }, CLUSTERS.reviewStart, "soon", "Clusters!C3", "a year as a whole number"],
    ["Clusters", { Cluster: 2 }, CLUSTERS.plannedEnd, null, "Clusters!D3", "is blank"],
    ["Clusters", { Cluster: 2 }, CLUSTERS.expectedEnd, 2031.5, "Clusters!E3", "a year as a whole number"],
    ["FlexibleTopics", { Code: "g" }, FLEXIBLE.related, "8, twelve", "FlexibleTopics!C8", "a list of article numbers"],
    ["FlexibleTopics", { Code: "g" }, FLEXIBLE.related, "12-8", "FlexibleTopics!C8", "a list of article numbers"],
    ["FlexibleTopics", { Code: "g" }, FLEXIBLE.related, 8.5, "FlexibleTopics!C8", "a list of article numbers"],
    ["FlexibleTopics", { Code: "e" }, FLEXIBLE.discussedAt, "ninth", "FlexibleTopics!D6", "a meeting number"],
    ["FlexibleTopics", { Code: "e" }, FLEXIBLE.code, "  ", "FlexibleTopics!A6", 'a code such as "e"'],
    ["Settings", { Setting: SETTING_NAMES.earliest }, SETTINGS.value, "two", "Settings!B2", "a whole number of years"],
    ["Settings", { Setting: SETTING_NAMES.latest }, SETTINGS.value, null, "Settings!B3", "is blank"],
    [
      "Settings",
      { Setting: SETTING_NAMES.asOf },
      SETTINGS.value,
      "this year",
      "Settings!B4",
      "a year as a whole number",
    ],
  ];

  it.each(cases)("%s %j %s = %p → %s", (table, row, header, value, at, expected) => {
    const findings = ofRule(Workbook.adopted().set(table, row, header, value).findings(), "invalid-value");
    expect(findings).toHaveLength(1);
    const finding = findings[0] as Finding;
    const [sheet, cell] = at.split("!");
    expect(finding).toMatchObject({ severity: "error", sheet, cell });
    expect(finding.message.startsWith(`${at}: `)).toBe(true);
    expect(finding.message).toContain(expected);
  });

  it("quotes what the cell holds, shortened when long", () => {
    const long = `${"x".repeat(100)}`;
    const finding = single(twelfth(WORKPLAN.year, long).findings(), "invalid-value");
    expect(finding.message).toContain(`"${"x".repeat(37)}…"`);
    expect(finding.message).not.toContain("x".repeat(38));
    expect(
      single(twelfth(WORKPLAN.year, new Date(Date.UTC(2025, 5, 1))).findings(), "invalid-value").message,
    ).toContain("the year is the date 1 June 2025; expected");
    expect(single(twelfth(WORKPLAN.year, new Date(Number.NaN)).findings(), "invalid-value").message).toContain(
      "the year is an invalid date;",
    );
    expect(single(twelfth(WORKPLAN.year, { year: 2025 }).findings(), "invalid-value").message).toContain(
      "a value of another kind",
    );
  });

  it("a topic or cluster listed twice is an invalid-value at the second row", () => {
    const topics = Workbook.adopted()
      .addRow(TOPICS.table, { [TOPICS.topic]: "Topic 3", [TOPICS.title]: "Again" })
      .findings();
    expect(single(topics, "invalid-value")).toMatchObject({ sheet: "Topics", cell: "A12" });
    expect(single(topics, "invalid-value").message).toContain("topic 3 is listed twice");
    const clusters = Workbook.adopted()
      .addRow(CLUSTERS.table, { [CLUSTERS.cluster]: 2, [CLUSTERS.plannedEnd]: 2031 })
      .findings();
    expect(single(clusters, "invalid-value")).toMatchObject({ sheet: "Clusters", cell: "A6" });
  });

  it("a flexible code listed twice is an invalid-value at the second row, and the first row still counts", () => {
    const wb = Workbook.adopted()
      .addRow(FLEXIBLE.table, { [FLEXIBLE.code]: "(e)", [FLEXIBLE.title]: "Ammunition again" })
      .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "e");
    const findings = wb.findings();
    expect(single(findings, "invalid-value")).toMatchObject({ sheet: "FlexibleTopics", cell: "A13" });
    expect(single(findings, "invalid-value").message).toContain("(e) is listed twice");
    expect(single(findings, "invalid-value").message).toContain("A6");
    // The 9th meeting's ammunition is not forgotten because of the second row.
    expect(single(findings, "flexible-repeat")).toMatchObject({ meeting: 12 });
  });
});

describe("the layout: headers, columns and tables found wherever they are", () => {
  const slip = { expectedEnd: new Map([[2, 2032]]) };

  it("matches headers ignoring case and surrounding spaces", () => {
    const wb = Workbook.adopted();
    for (const table of wb.tables)
      table.headers = table.headers.map((h, i) =>
        i % 2 === 0 ? `  ${String(h).toUpperCase()}\t` : ` ${String(h).toLowerCase()} `,
      );
    expect(wb.findings()).toEqual([]);
    expect(wb.findings(slip).map((f) => f.cell)).toEqual(["E7", "E8"]);
  });

  it("finds tables by name ignoring case", () => {
    const wb = Workbook.adopted();
    for (const table of wb.tables) table.name = table.name.toUpperCase();
    expect(wb.findings()).toEqual([]);
  });

  it("reads reordered columns, and points at the cells where they now are", () => {
    const wb = Workbook.adopted();
    for (const table of wb.tables) {
      const order = table.headers.map((_, i) => i).reverse();
      table.headers = order.map((i) => table.headers[i]);
      table.rows = table.rows.map((row) => order.map((i) => row[i] ?? null));
    }
    expect(wb.findings()).toEqual([]);
    // Workplan reversed: Notes, Agenda item 3, Agenda item 2, Status, Year, Meeting.
    expect(wb.findings(slip).map((f) => `${f.sheet}!${f.cell}`)).toEqual(["Workplan!B7", "Workplan!B8"]);
  });

  it("ignores extra columns and leaves them, and every table, untouched", () => {
    const wb = Workbook.adopted();
    for (const table of wb.tables) {
      table.headers.splice(1, 0, "Comments");
      for (const row of table.rows) row.splice(1, 0, "Twelfth? ask the Bureau — see (z)");
    }
    const before = JSON.stringify(wb.tables);
    expect(wb.findings()).toEqual([]);
    expect(wb.findings(slip).map((f) => f.cell)).toEqual(["F7", "F8"]);
    expect(JSON.stringify(wb.tables)).toBe(before);
  });

  it("reads moved tables and gives the cells where they are (Workplan at C5: E7 becomes G11)", () => {
    const wb = Workbook.adopted();
    const workplan = wb.table(WORKPLAN.table);
    workplan.top = 5;
    workplan.left = 3;
    const clusters = wb.table(CLUSTERS.table);
    clusters.top = 10;
    clusters.left = 27;
    expect(wb.findings()).toEqual([]);
    expect(wb.findings(slip).map((f) => f.cell)).toEqual(["G11", "G12"]);
    const invalid = wb.set(CLUSTERS.table, { Cluster: 2 }, CLUSTERS.expectedEnd, "late").findings();
    expect(single(invalid, "invalid-value")).toMatchObject({ sheet: "Clusters", cell: "AE12" });
    expect(single(invalid, "invalid-value").message.startsWith("Clusters!AE12:")).toBe(true);
  });

  it("skips blank rows, and numbers cells after them by where they are", () => {
    const wb = Workbook.adopted();
    wb.table(WORKPLAN.table).rows.splice(3, 0, [null, "", "  ", null, undefined, null]);
    expect(wb.findings()).toEqual([]);
    expect(wb.findings(slip).map((f) => f.cell)).toEqual(["E8", "E9"]);
  });

  it("reads rows shorter or longer than the header", () => {
    const wb = Workbook.adopted();
    for (const table of wb.tables) {
      table.rows = table.rows.map((row, i) => (i % 2 === 0 ? trimTrailingBlanks(row) : [...row, "beyond the table"]));
    }
    expect(wb.findings()).toEqual([]);
  });

  it("needs no column that is only for people: Notes, the titles, Review start", () => {
    const wb = Workbook.adopted();
    const drop: Record<string, string[]> = {
      Workplan: [WORKPLAN.notes],
      Topics: [TOPICS.title],
      Articles: [ARTICLES.title],
      Clusters: [CLUSTERS.name, CLUSTERS.reviewStart],
      FlexibleTopics: [FLEXIBLE.title],
    };
    for (const [name, headers] of Object.entries(drop)) {
      for (const header of headers) {
        const at = wb.column(name, header);
        wb.table(name).headers.splice(at, 1);
        for (const row of wb.table(name).rows) row.splice(at, 1);
      }
    }
    const result = wb.check({ currentYear: 2026 });
    expect(result.plan).not.toBeNull();
    expect(result.findings).toEqual([]);
    expect(result.plan?.meetings.filter((m) => m.held).map((m) => m.ordinal)).toEqual([10, 11, 12]);
  });

  it.each([
    ["Articles", ARTICLES.rule],
    ["Workplan", WORKPLAN.status],
    ["Clusters", CLUSTERS.expectedEnd],
    ["FlexibleTopics", FLEXIBLE.discussedAt],
  ])("reports a missing %s column %s instead of silently checking less", (name, header) => {
    const wb = Workbook.adopted();
    const at = wb.column(name, header);
    wb.table(name).headers.splice(at, 1);
    for (const row of wb.table(name).rows) row.splice(at, 1);
    const finding = single(wb.check({ currentYear: 2026 }).findings, "missing-table");
    expect(finding.message).toContain(`has no column "${header}"`);
  });

  describe("missing tables and columns", () => {
    it.each(["Workplan", "Topics", "Articles", "Clusters", "Settings"])(
      "without the %s table there is no plan, and the finding says how to create it",
      (name) => {
        const result = Workbook.adopted().removeTable(name).check();
        expect(result.plan).toBeNull();
        const finding = single(result.findings, "missing-table");
        expect(finding.message).toContain(`no table named "${name}"`);
        expect(finding.message).toContain(`on a sheet "${name}"`);
        expect(finding.message).toContain("Create it");
      },
    );

    it("without the FlexibleTopics table the plan is still checked, and the flexible rules are silent", () => {
      const wb = Workbook.adopted()
        .removeTable(FLEXIBLE.table)
        .set(WORKPLAN.table, { Meeting: 12 }, WORKPLAN.flexible, "e");
      const result = wb.check({ expectedEnd: new Map([[2, 2032]]) });
      expect(result.plan?.flexibleTopics).toBeNull();
      expect(result.findings.map((f) => f.rule).sort()).toEqual([
        "cluster-too-early",
        "cluster-too-early",
        "missing-table",
      ]);
      expect(single(result.findings, "missing-table").message).toContain('"Related articles"');
    });

    it.each<[string, string]>([
      ["Workplan", WORKPLAN.meeting],
      ["Workplan", WORKPLAN.year],
      ["Workplan", WORKPLAN.fixed],
      ["Topics", TOPICS.topic],
      ["Articles", ARTICLES.article],
      ["Articles", ARTICLES.cluster],
      ["Articles", ARTICLES.topic],
      ["Clusters", CLUSTERS.cluster],
      ["Clusters", CLUSTERS.plannedEnd],
      ["Settings", SETTINGS.value],
    ])("without the %s column %p there is no plan and the finding names the column", (name, header) => {
      const wb = Workbook.adopted();
      wb.table(name).headers[wb.column(name, header)] = `${header} (old)`;
      const result = wb.check();
      expect(result.plan).toBeNull();
      const finding = single(result.findings, "missing-table");
      expect(finding).toMatchObject({ sheet: name, cell: "A1" });
      expect(finding.message).toContain(`"${header}"`);
      expect(finding.message).toContain(`"${name}"`);
    });

    it("reports every missing table at once", () => {
      const wb = Workbook.adopted().removeTable("Topics").removeTable("Articles");
      expect(ofRule(wb.findings(), "missing-table").map((f) => f.message.match(/named "(\w+)"/)?.[1])).toEqual([
        "Topics",
        "Articles",
      ]);
    });
  });
});
