/// <reference types="office-js" />
/**
 * A faithful, small stand-in for the parts of the Excel JavaScript API the adapter uses, over
 * the in-memory workbook of model.ts. What office-addin-mock lacks, this has:
 * - proxies queue their work; nothing reaches the workbook before `context.sync()`, and the
 *   queue runs in order at the sync (a failing step stops the batch, the steps before it stay);
 * - reading a property that was not loaded and synced THROWS, as Office.js does (the mock
 *   returns an error string instead);
 * - `*OrNullObject` methods give null objects whose `isNullObject` Office loads by itself, and
 *   anything navigated from a null object is null too;
 * - collection items are addressed by their position at the time a step runs, so deleting
 *   items front to back would delete the wrong ones, as it can in Excel;
 * - conditional formats (added at the top priority), notes (ExcelApi 1.18; a cell with a note
 *   or a threaded comment takes no other note), threaded comments, defined names, data
 *   validation, sheet visibility (which refuses a merged undo group on Windows and Mac, as
 *   Excel's undo documentation lists), tables with resize (ExcelApi 1.13);
 * - text typed into a cell that is not formatted as text becomes a number, a boolean, a date or
 *   a formula, as Excel's entry parsing does.
 *
 * Pure TypeScript with no imports beyond this folder and the adapter's types: it runs in Node
 * (the jest tests, the benchmark) and in a browser page (the pane's end-to-end tests).
 */
import type { Batch, ExcelRun } from "../../../src/office/run";
import {
  FakeError,
  MAX_COLUMN,
  MAX_ROW,
  SheetModel,
  TableModel,
  WHOLE_SHEET,
  WorkbookModel,
  areaName,
  cellName,
  cellsOf,
  contains,
  intersects,
  newId,
  normalizeFormula,
  parseAddress,
  sheetPrefix,
  type Area,
  type Cell,
  type CommentModel,
  type ConditionalFormatModel,
  type NoteModel,
} from "./model";

type Kind = "read" | "write";
type Resolver<E> = () => E | null;

function notLoaded(name: string): Error {
  return new FakeError(
    "PropertyNotLoaded",
    `The property '${name}' is not available. Before reading the property's value, call the load method on the ` +
      `containing object and call "context.sync()" on the associated request context.`,
  );
}

function parseLoad(arg: unknown): string[][] | null {
  if (arg === undefined) return null;
  if (typeof arg === "string")
    return arg
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .map((p) => p.split("/"));
  if (Array.isArray(arg)) return arg.flatMap((p) => parseLoad(p) ?? []);
  if (typeof arg === "object" && arg !== null) {
    const paths: string[][] = [];
    for (const [key, value] of Object.entries(arg)) {
      if (value === true) paths.push([key]);
      else if (typeof value === "object" && value !== null)
        for (const sub of parseLoad(value) ?? []) paths.push([key, ...sub]);
    }
    return paths;
  }
  throw new Error(`fake Excel: cannot load ${String(arg)}`);
}

export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: { kind: Kind; run: () => void }[] = [];

  constructor(
    readonly excel: FakeExcel,
    readonly merged: boolean,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  get model(): WorkbookModel {
    return this.excel.model;
  }

  enqueue(kind: Kind, run: () => void): void {
    this.queue.push({ kind, run });
  }

  /** What the next sync would do: "write" if any queued step changes the workbook. */
  pendingKind(): Kind | null {
    if (this.queue.length === 0) return null;
    return this.queue.some((op) => op.kind === "write") ? "write" : "read";
  }

  pendingCount(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    this.queue = [];
    this.excel.syncs++;
    const latency = this.excel.latencyMs;
    if (latency > 0) await new Promise<void>((resolve) => setTimeout(resolve, latency));
    else await Promise.resolve();
    const failure = this.excel.takeInjectedFailure();
    if (failure) throw failure;
    // A read-only file or a protected sheet: Excel refuses a batch that would change the workbook.
    if (this.excel.writesRefused && ops.some((op) => op.kind === "write")) throw this.excel.writesRefused;
    const watching = this.excel.watched() && ops.some((op) => op.kind === "write");
    const before = watching ? tableContents(this.model) : null;
    try {
      for (const op of ops) op.run();
    } finally {
      // What the batch changed in tables is reported as a Local change, as Excel reports an add-in's writes.
      if (before) this.excel.reportChanges(before, "Local");
    }
  }
}

/** Calls each event handler with `event`; Excel ignores what a handler throws or rejects. */
function callEach<E>(handlers: readonly ((event: E) => unknown)[], event: E): void {
  for (const handler of handlers) {
    try {
      const returned = handler(event);
      if (returned instanceof Promise) returned.catch(() => undefined);
    } catch {
      // Ignored, as Excel does.
    }
  }
}

/** What `make` gives for `key`, made the first time and kept in `made` (an object's navigation properties). */
function madeOnce<T>(made: Map<string, unknown>, key: string, make: () => T): T {
  if (!made.has(key)) made.set(key, make());
  return made.get(key) as T;
}

abstract class ClientObject<E> {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    protected readonly ctx: FakeContext,
    private readonly resolver: Resolver<E>,
    readonly nullable: boolean,
  ) {}

  get context(): FakeContext {
    return this.ctx;
  }

  /** Runs at sync time: the entity, null for a null object, or ItemNotFound. */
  resolve(): E | null {
    const entity = this.resolver();
    if (entity === null && !this.nullable)
      throw new FakeError("ItemNotFound", `The requested ${this.constructor.name} does not exist.`);
    return entity;
  }

  protected must(): E {
    const entity = this.resolve();
    if (entity === null)
      throw new FakeError("InvalidObjectPath", `The ${this.constructor.name} is a null object: it cannot be changed.`);
    return entity;
  }

  get isNullObject(): boolean {
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  /** Office loads isNullObject of an OrNullObject proxy at every sync. */
  autoNull(): this {
    this.ctx.enqueue("read", () => {
      this.nullState = this.resolve() === null;
    });
    return this;
  }

  protected get<T>(name: string): T {
    if (this.nullState === true) return undefined as T;
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as T;
  }

  protected remember(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  load(arg?: unknown): this {
    const paths = parseLoad(arg);
    this.ctx.enqueue("read", () => this.applyLoad(paths ?? this.scalarNames().map((n) => [n])));
    return this;
  }

  applyLoad(paths: string[][]): void {
    const entity = this.resolve();
    this.nullState = entity === null;
    const groups = new Map<string, string[][]>();
    for (const [head, ...rest] of paths) {
      if (!head) continue;
      const list = groups.get(head) ?? [];
      if (rest.length > 0) list.push(rest);
      groups.set(head, list);
    }
    for (const [head, rests] of groups) {
      const child = this.navigation(head);
      if (child) {
        child.applyLoad(rests.length > 0 ? rests : child.scalarNames().map((n) => [n]));
        continue;
      }
      if (rests.length > 0)
        throw new Error(`fake Excel: ${this.constructor.name}.${head} is not a navigation property`);
      if (!this.scalarNames().includes(head))
        throw new Error(`fake Excel: ${this.constructor.name} has no property ${head}`);
      if (entity !== null) this.loaded.set(head, this.scalar(entity, head));
    }
  }

  protected abstract scalarNames(): string[];
  protected abstract scalar(entity: E, name: string): unknown;
  protected navigation(_name: string): ClientObject<unknown> | null {
    return null;
  }

  private readonly reached = new Map<string, unknown>();

  /** The object a navigation property gives: made once, the same object each time after. */
  protected cached<C extends ClientObject<unknown>>(name: string, make: () => C): C {
    return madeOnce(this.reached, name, make);
  }

  protected write(apply: (entity: E) => void): void {
    this.ctx.enqueue("write", () => apply(this.must()));
  }

  /** A child object whose entity comes from this one's (null when this one is null). */
  protected child<C>(derive: (entity: E) => C | null): Resolver<C> {
    return () => {
      const entity = this.resolve();
      // Modelled for what the adapter reaches through sheets and tables got by name.
      if (
        entity === null &&
        this.ctx.excel.nullChains === "refuse" &&
        (this instanceof Worksheet || this instanceof Table)
      )
        throw new FakeError("InvalidObjectPath", `Something was reached through a null ${this.constructor.name}.`);
      return entity === null ? null : derive(entity);
    };
  }
}

abstract class Collection<E, P extends ClientObject<E>> extends ClientObject<E[]> {
  get items(): P[] {
    return this.get<P[]>("items");
  }

  protected abstract item(resolver: Resolver<E>): P;

  protected scalarNames(): string[] {
    return ["items"];
  }

  protected scalar(): unknown {
    throw new Error("fake Excel: a collection loads items");
  }

  applyLoad(paths: string[][]): void {
    const entities = this.resolve();
    const itemPaths = paths
      .filter((p) => p[0] === "items")
      .map((p) => p.slice(1))
      .filter((p) => p.length > 0);
    if (paths.some((p) => p[0] !== "items")) throw new Error(`fake Excel: ${this.constructor.name} loads only items`);
    const items = (entities ?? []).map((_, index) =>
      this.item(() => {
        const now = this.resolve();
        return now?.[index] ?? null;
      }),
    );
    for (const item of items) item.applyLoad(itemPaths.length > 0 ? itemPaths : item["scalarNames"]().map((n) => [n]));
    this.remember("items", items);
    super.applyLoad([]);
  }
}

// ---------------------------------------------------------------- workbook and sheets

class FakeWorkbook {
  private readonly reached = new Map<string, unknown>();
  constructor(private readonly ctx: FakeContext) {}

  private cached<T>(key: string, make: () => T): T {
    return madeOnce(this.reached, key, make);
  }

  get worksheets(): WorksheetCollection {
    return this.cached("worksheets", () => new WorksheetCollection(this.ctx, () => this.ctx.model.sheets, false));
  }

  get tables(): TableCollection {
    return this.cached("tables", () => new TableCollection(this.ctx, null));
  }

  get names(): NamedItemCollection {
    return this.cached("names", () => new NamedItemCollection(this.ctx, () => this.ctx.model.names, false));
  }

  get notes(): NoteCollection {
    return this.cached("notes", () => new NoteCollection(this.ctx, () => this.ctx.model.sheets, false));
  }

  /** Every threaded comment of the workbook (ExcelApi 1.10). */
  get comments(): CommentCollection {
    return this.cached("comments", () => new CommentCollection(this.ctx, () => this.ctx.model.sheets, false));
  }
}

class WorksheetCollection extends Collection<SheetModel, Worksheet> {
  protected item(resolver: Resolver<SheetModel>): Worksheet {
    return new Worksheet(this.ctx, resolver, false);
  }

  getItem(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.model.sheet(name), false);
  }

  getItemOrNullObject(name: string): Worksheet {
    return new Worksheet(this.ctx, () => this.ctx.model.sheet(name), true).autoNull();
  }

  add(name?: string): Worksheet {
    let created: SheetModel | null = null;
    this.ctx.enqueue("write", () => {
      created = this.ctx.model.addSheet(name ?? `Sheet${this.ctx.model.sheets.length + 1}`);
    });
    return new Worksheet(this.ctx, () => created, false);
  }
}

export class Worksheet extends ClientObject<SheetModel> {
  protected scalarNames(): string[] {
    return ["name", "id", "visibility", "position"];
  }

  protected scalar(sheet: SheetModel, name: string): unknown {
    if (name === "name") return sheet.name;
    if (name === "id") return sheet.id;
    if (name === "visibility") return sheet.visibility;
    return this.ctx.model.sheets.indexOf(sheet);
  }

  get name(): string {
    return this.get("name");
  }

  get id(): string {
    return this.get("id");
  }

  /** Print settings (ExcelApi 1.9): orientation, paper size, zoom, print titles and print order are modelled. */
  get pageLayout(): {
    orientation: string;
    paperSize: string;
    zoom: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
    setPrintTitleRows(rows: string): void;
    setPrintTitleColumns(columns: string): void;
    printOrder: string;
    headersFooters: { defaultForAllPages: { centerFooter: string; centerHeader: string } };
  } {
    const write = this.write.bind(this);
    return {
      set orientation(value: string) {
        write((sheet) => {
          if (value !== "Landscape" && value !== "Portrait")
            throw new FakeError("InvalidArgument", `"${value}" is not a page orientation.`);
          sheet.pageLayout = { ...sheet.pageLayout, orientation: value };
        });
      },
      get orientation(): string {
        throw notLoaded("orientation");
      },
      set paperSize(value: string) {
        write((sheet) => {
          // Excel.PaperType: a closed list of names; the fake knows the two the secretariat uses.
          if (value !== "A4" && value !== "Letter")
            throw new FakeError("InvalidArgument", `"${value}" is not a paper size.`);
          sheet.pageLayout = { ...sheet.pageLayout, paperSize: value };
        });
      },
      get paperSize(): string {
        throw notLoaded("paperSize");
      },
      set zoom(value: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number }) {
        write((sheet) => {
          sheet.pageLayout = { ...sheet.pageLayout, zoom: { ...value } };
        });
      },
      get zoom(): { horizontalFitToPages?: number } {
        throw notLoaded("zoom");
      },
      setPrintTitleRows(rows: string) {
        write((sheet) => {
          if (!/^\$\d+:\$\d+$/.test(rows)) throw new FakeError("InvalidArgument", `"${rows}" is not a row range.`);
          sheet.pageLayout = { ...sheet.pageLayout, titleRows: rows };
        });
      },
      // "The range must span the entire column to be valid" (Excel.PageLayout.setPrintTitleColumns).
      setPrintTitleColumns(columns: string) {
        write((sheet) => {
          if (!/^\$[A-Z]+:\$[A-Z]+$/.test(columns))
            throw new FakeError("InvalidArgument", `"${columns}" is not a column range.`);
          sheet.pageLayout = { ...sheet.pageLayout, titleColumns: columns };
        });
      },
      set printOrder(value: string) {
        write((sheet) => {
          if (value !== "DownThenOver" && value !== "OverThenDown")
            throw new FakeError("InvalidArgument", `"${value}" is not a print order.`);
          sheet.pageLayout = { ...sheet.pageLayout, printOrder: value };
        });
      },
      get printOrder(): string {
        throw notLoaded("printOrder");
      },
      headersFooters: {
        defaultForAllPages: {
          set centerFooter(value: string) {
            write((sheet) => {
              sheet.pageLayout = { ...sheet.pageLayout, footer: value };
            });
          },
          set centerHeader(value: string) {
            write((sheet) => {
              sheet.pageLayout = { ...sheet.pageLayout, header: value };
            });
          },
        },
      },
    };
  }

  get visibility(): string {
    return this.get("visibility");
  }

  /** Manual page breaks (ExcelApi 1.9): `add` puts one above the top-left cell of an address on this sheet. */
  get horizontalPageBreaks(): { add(range: string): void } {
    const write = this.write.bind(this);
    return {
      add(range: string) {
        write((sheet) => {
          const row = parseAddress(range).area.top;
          if (!sheet.pageBreaks.includes(row)) sheet.pageBreaks.push(row);
        });
      },
    };
  }

  /** The sheet tab's colour, "#RRGGBB", or "" for none (ExcelApi 1.7). */
  set tabColor(value: string) {
    this.write((sheet) => {
      if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
        throw new FakeError("InvalidArgument", `"${value}" is not a colour.`);
      sheet.tabColor = value === "" ? undefined : value.toUpperCase();
    });
  }

  set visibility(value: string) {
    this.write((sheet) => {
      if (this.ctx.merged && this.ctx.excel.platform !== "OfficeOnline") {
        throw new FakeError(
          "UndoNotSupported",
          "Worksheet.visibility does not support undo in Excel on Windows and Mac.",
        );
      }
      if (value !== "Visible" && !this.ctx.model.sheets.some((s) => s !== sheet && s.visibility === "Visible")) {
        throw new FakeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      sheet.visibility = value as SheetModel["visibility"];
      // Excel's undo documentation: no undo for Worksheet.visibility on Windows and Mac, and the stack is cleared.
      if (this.ctx.excel.platform !== "OfficeOnline") this.ctx.excel.undoCleared++;
    });
  }

  getRange(address?: string): Range {
    return new Range(
      this.ctx,
      this.child((sheet) => ({ sheet, area: address ? parseAddress(address).area : WHOLE_SHEET })),
      this.nullable,
    );
  }

  /** Worksheet.getUsedRange (ExcelApi 1.1): on a blank sheet, the top-left cell (it does not throw). */
  getUsedRange(valuesOnly = false): Range {
    return new Range(
      this.ctx,
      this.child((sheet) => ({ sheet, area: sheet.usedArea(valuesOnly) ?? { top: 1, left: 1, bottom: 1, right: 1 } })),
      this.nullable,
    );
  }

  getUsedRangeOrNullObject(valuesOnly = false): Range {
    return new Range(
      this.ctx,
      this.child((sheet) => {
        const area = sheet.usedArea(valuesOnly);
        return area ? { sheet, area } : null;
      }),
      true,
    ).autoNull();
  }

  get tables(): TableCollection {
    return this.cached("tables", () => new TableCollection(this.ctx, this));
  }

  get notes(): NoteCollection {
    return this.cached(
      "notes",
      () =>
        new NoteCollection(
          this.ctx,
          this.child((sheet) => [sheet]),
          this.nullable,
        ),
    );
  }

  get comments(): CommentCollection {
    return this.cached(
      "comments",
      () =>
        new CommentCollection(
          this.ctx,
          this.child((sheet) => [sheet]),
          this.nullable,
        ),
    );
  }

  activate(): void {
    this.write((sheet) => {
      this.ctx.model.activeSheet = sheet.name;
    });
  }

  /**
   * Deletes the sheet and its tables. Excel.Worksheet.delete: a very hidden sheet must be made
   * hidden or visible first (else InvalidOperation); a workbook keeps one visible sheet; no undo.
   */
  delete(): void {
    this.write((sheet) => {
      if (sheet.visibility === "VeryHidden")
        throw new FakeError("InvalidOperation", "A very hidden sheet cannot be deleted: make it hidden first.");
      const model = this.ctx.model;
      if (!model.sheets.some((s) => s !== sheet && s.visibility === "Visible"))
        throw new FakeError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      for (const table of model.tables.filter((t) => t.sheet === sheet))
        model.tables.splice(model.tables.indexOf(table), 1);
      if (model.activeSheet?.toLowerCase() === sheet.name.toLowerCase())
        model.activeSheet = model.sheets.find((s) => s.visibility === "Visible")?.name ?? null;
      this.ctx.excel.undoCleared++;
    });
  }

  get freezePanes(): { freezeRows(count: number): void } {
    return {
      freezeRows: (count: number) =>
        this.write((sheet) => {
          sheet.frozenRows = count;
        }),
    };
  }
}

// ---------------------------------------------------------------- ranges

export interface RangeEntity {
  sheet: SheetModel;
  area: Area;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What Excel stores when a value is typed into a cell (Range.values behaves like typing). */
function enter(cell: Cell, value: unknown): void {
  if (value === null || value === undefined) return;
  delete cell.formula;
  if (value === "") {
    delete cell.value;
    return;
  }
  if (typeof value === "number" || typeof value === "boolean") {
    cell.value = value;
    return;
  }
  if (typeof value !== "string")
    throw new FakeError("InvalidArgument", `Cannot write ${JSON.stringify(value)} to a cell.`);
  if (cell.numberFormat === "@") {
    cell.value = value;
    return;
  }
  // Excel's quote prefix: a leading apostrophe keeps the rest as text, and is not part of the value.
  if (value.startsWith("'")) {
    cell.value = value.slice(1);
    cell.quotePrefix = true;
    return;
  }
  delete cell.quotePrefix;
  const text = value.trim();
  if (/^[=@]/.test(value) || (/^[+-]/.test(value) && !/^[+-]\d+(\.\d+)?$/.test(text))) {
    cell.formula = value.startsWith("=") ? value : `=${value}`;
    cell.value = { error: "#NAME?" };
  } else if (/^[+-]?\d+(\.\d+)?$/.test(text)) {
    cell.value = Number(text);
  } else if (/^(true|false)$/i.test(text)) {
    cell.value = text.toLowerCase() === "true";
  } else if (/^(\d{1,2})-(\d{1,2})$/.test(text)) {
    const [, d, m] = /^(\d{1,2})-(\d{1,2})$/.exec(text) as RegExpExecArray;
    cell.value = (Date.UTC(new Date().getUTCFullYear(), Number(m) - 1, Number(d)) - EXCEL_EPOCH) / 86400000;
    cell.numberFormat = "d-mmm";
  } else {
    cell.value = value;
  }
}

function shown(cell: Cell | undefined): { value: unknown; type: string } {
  const value = cell?.value;
  if (value === undefined) return { value: "", type: "Empty" };
  if (typeof value === "object") return { value: value.error, type: "Error" };
  if (typeof value === "number") return { value, type: "Double" };
  if (typeof value === "boolean") return { value, type: "Boolean" };
  return { value, type: "String" };
}

function eachCell<T>(area: Area, f: (row: number, column: number) => T): T[][] {
  const rows: T[][] = [];
  for (let r = area.top; r <= area.bottom; r++) {
    const row: T[] = [];
    for (let c = area.left; c <= area.right; c++) row.push(f(r, c));
    rows.push(row);
  }
  return rows;
}

function checkShape(area: Area, rows: unknown, what: string): unknown[][] {
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  if (
    !Array.isArray(rows) ||
    rows.length !== height ||
    rows.some((row) => !Array.isArray(row) || row.length !== width)
  ) {
    throw new FakeError(
      "InvalidArgument",
      `The number of rows or columns in the ${what} array doesn't match the size or dimensions of the range.`,
    );
  }
  return rows as unknown[][];
}

const LOAD_LIMIT = 5_000_000;

/** What the fake models of Range.format (all write-only). */
export interface RangeFormat {
  autofitColumns(): void;
  columnWidth: number;
  rowHeight: number;
  borders: { getItem(edge: string): { style: string; color: string } };
  wrapText: boolean;
  verticalAlignment: string;
  font: { bold: boolean; italic: boolean; size: number; color: string };
  fill: { color: string };
}

export class Range extends ClientObject<RangeEntity> {
  protected scalarNames(): string[] {
    return ["address", "values", "valueTypes", "numberFormat", "rowCount", "columnCount"];
  }

  protected scalar({ sheet, area }: RangeEntity, name: string): unknown {
    if (name === "address") return `${sheetPrefix(sheet.name)}!${areaName(area)}`;
    if (name === "rowCount") return area.bottom - area.top + 1;
    if (name === "columnCount") return area.right - area.left + 1;
    if (cellsOf(area) > LOAD_LIMIT)
      throw new FakeError("ResponsePayloadSizeLimitExceeded", "The range is too large to load.");
    if (name === "values") return eachCell(area, (r, c) => shown(sheet.cell(r, c)).value);
    if (name === "valueTypes") return eachCell(area, (r, c) => shown(sheet.cell(r, c)).type);
    return eachCell(area, (r, c) => sheet.cell(r, c)?.numberFormat ?? "General");
  }

  get address(): string {
    return this.get("address");
  }

  get values(): unknown[][] {
    return this.get("values");
  }

  set values(rows: unknown[][]) {
    this.write(({ sheet, area }) => {
      const checked = checkShape(area, rows, "values");
      eachCell(area, (r, c) => {
        const value = checked[r - area.top]?.[c - area.left];
        if (value === null || value === undefined) return;
        enter(sheet.ensure(r, c), value);
        sheet.prune(r, c);
      });
    });
  }

  get valueTypes(): string[][] {
    return this.get("valueTypes");
  }

  get numberFormat(): string[][] {
    return this.get("numberFormat");
  }

  set numberFormat(rows: string[][]) {
    this.write(({ sheet, area }) => {
      const checked = checkShape(area, rows, "numberFormat");
      eachCell(area, (r, c) => {
        const format = checked[r - area.top]?.[c - area.left];
        if (format === null || format === undefined) return;
        const cell = sheet.ensure(r, c);
        if (format === "General") delete cell.numberFormat;
        else cell.numberFormat = String(format);
        sheet.prune(r, c);
      });
    });
  }

  /**
   * Range.merge (ExcelApi 1.2): one cell over the range, showing the top-left cell's value ("The
   * value of a merged range is specified in the cell of the range's upper-left corner"); the fake
   * drops the others' values. Merging the same range again changes nothing; the fake does not
   * model merging over part of a merged area (the product never does), and refuses it.
   */
  merge(across = false): void {
    if (across) throw new FakeError("NotImplemented", "The fake merges whole ranges only.");
    this.write(({ sheet, area }) => {
      const name = areaName(area);
      if (sheet.merged.includes(name)) return;
      if (sheet.merged.some((other) => intersects(parseAddress(other).area, area))) {
        throw new FakeError("NotImplemented", "The fake does not merge over part of a merged area.");
      }
      eachCell(area, (r, c) => {
        if (r === area.top && c === area.left) return;
        const cell = sheet.cell(r, c);
        if (!cell) return;
        delete cell.value;
        delete cell.formula;
        sheet.prune(r, c);
      });
      sheet.merged.push(name);
    });
  }

  /** Range.unmerge (ExcelApi 1.2): every merged area that meets the range goes back to separate cells. */
  unmerge(): void {
    this.write(({ sheet, area }) => {
      sheet.merged = sheet.merged.filter((other) => !intersects(parseAddress(other).area, area));
    });
  }

  clear(applyTo: string = "All"): void {
    this.write(({ sheet, area }) => {
      for (const [key, cell] of [...sheet.cells]) {
        const [r, c] = key.split(",").map(Number) as [number, number];
        if (r < area.top || r > area.bottom || c < area.left || c > area.right) continue;
        if (applyTo === "Contents" || applyTo === "All") {
          delete cell.value;
          delete cell.formula;
        }
        if (applyTo === "Formats" || applyTo === "All") {
          delete cell.numberFormat;
          delete cell.style;
        }
        sheet.prune(r, c);
      }
    });
  }

  /**
   * Range.format, write-only: autofit, column width (points, for every column of the range),
   * wrap text, vertical alignment, bold, font size and fill colour. Formats set here land in the
   * cells' `style`, where the grid shows fills from.
   */
  get format(): RangeFormat {
    const write = this.write.bind(this);
    const styleEach = (key: string, value: string) =>
      write(({ sheet, area }) => {
        if (cellsOf(area) > LOAD_LIMIT) throw new FakeError("OperationCellsExceedLimit", "Too many cells to format.");
        eachCell(area, (r, c) => {
          const cell = sheet.ensure(r, c);
          cell.style = { ...cell.style, [key]: value };
        });
      });
    return {
      autofitColumns: () =>
        write(({ sheet, area }) => {
          sheet.fittedColumns.push(areaName(area));
        }),
      set columnWidth(points: number) {
        write(({ sheet, area }) => {
          if (!(points >= 0)) throw new FakeError("InvalidArgument", `${points} is not a column width.`);
          for (let c = area.left; c <= area.right; c++) sheet.columnWidths.set(c, points);
        });
      },
      set wrapText(value: boolean) {
        styleEach("wrapText", String(value));
      },
      set verticalAlignment(value: string) {
        styleEach("verticalAlignment", value);
      },
      set rowHeight(points: number) {
        write(({ sheet, area }) => {
          if (!(points >= 0)) throw new FakeError("InvalidArgument", `${points} is not a row height.`);
          for (let r = area.top; r <= area.bottom; r++) sheet.rowHeights.set(r, points);
        });
      },
      font: {
        set bold(value: boolean) {
          styleEach("bold", String(value));
        },
        set italic(value: boolean) {
          styleEach("italic", String(value));
        },
        set size(value: number) {
          styleEach("size", String(value));
        },
        set color(value: string) {
          if (!/^#[0-9A-Fa-f]{6}$/.test(value)) throw new FakeError("InvalidArgument", `"${value}" is not a colour.`);
          styleEach("fontColor", value.toUpperCase());
        },
      },
      borders: {
        getItem: (edge: string) => ({
          set style(value: string) {
            styleEach(`border${edge}`, value);
          },
          set color(value: string) {
            styleEach(`border${edge}Color`, value.toUpperCase());
          },
        }),
      },
      fill: {
        set color(value: string) {
          if (!/^#[0-9A-Fa-f]{6}$/.test(value)) throw new FakeError("InvalidArgument", `"${value}" is not a colour.`);
          styleEach("fill", value.toUpperCase());
        },
      },
    };
  }

  /** Range.getRow (ExcelApi 1.1): the row at `index` (0-based) of the range. */
  getRow(index: number): Range {
    return new Range(
      this.ctx,
      this.child(({ sheet, area }) => {
        if (index < 0 || area.top + index > area.bottom) throw new FakeError("InvalidArgument", "No such row.");
        return { sheet, area: { ...area, top: area.top + index, bottom: area.top + index } };
      }),
      this.nullable,
    );
  }

  /** Range.getResizedRange (ExcelApi 1.2): the bottom-right corner moved by so many rows and columns. */
  getResizedRange(deltaRows: number, deltaColumns: number): Range {
    return new Range(
      this.ctx,
      this.child(({ sheet, area }) => {
        const bottom = area.bottom + deltaRows;
        const right = area.right + deltaColumns;
        if (bottom < area.top || right < area.left || bottom > MAX_ROW || right > MAX_COLUMN)
          throw new FakeError("InvalidArgument", "The resized range is outside the sheet.");
        return { sheet, area: { ...area, bottom, right } };
      }),
      this.nullable,
    );
  }

  get conditionalFormats(): ConditionalFormatCollection {
    return this.cached("cf", () => new ConditionalFormatCollection(this.ctx, this));
  }

  get dataValidation(): DataValidation {
    return this.cached(
      "dv",
      () =>
        new DataValidation(
          this.ctx,
          this.child((e) => e),
          this.nullable,
        ),
    );
  }

  /** Selects the range; Excel refuses to select on a sheet that is not the active one. */
  select(): void {
    this.write(({ sheet, area }) => {
      if (this.ctx.model.activeSheet !== sheet.name)
        throw new FakeError("InvalidSelection", "The range is not on the active sheet.");
      this.ctx.model.selection = `${sheet.name}!${areaName(area)}`;
    });
  }

  /** For tests and for resize: the range this proxy stands for, at sync time. */
  entity(): RangeEntity | null {
    return this.resolve();
  }
}

class DataValidation extends ClientObject<RangeEntity> {
  protected scalarNames(): string[] {
    return ["rule", "errorAlert"];
  }

  protected scalar({ sheet, area }: RangeEntity, name: string): unknown {
    const found = sheet.validations.find((v) => contains(v.area, area));
    return name === "rule" ? (found?.rule ?? null) : (found?.errorAlert ?? null);
  }

  private upsert(name: "rule" | "errorAlert" | "ignoreBlanks", value: unknown): void {
    this.write(({ sheet, area }) => {
      let found = sheet.validations.find((v) => areaName(v.area) === areaName(area));
      if (!found) {
        sheet.validations = sheet.validations.filter((v) => !intersects(v.area, area));
        found = { area };
        sheet.validations.push(found);
      }
      (found as unknown as Record<string, unknown>)[name] = JSON.parse(JSON.stringify(value));
    });
  }

  set rule(value: unknown) {
    this.upsert("rule", value);
  }

  set errorAlert(value: unknown) {
    this.upsert("errorAlert", value);
  }

  set ignoreBlanks(value: boolean) {
    this.upsert("ignoreBlanks", value);
  }
}

// ---------------------------------------------------------------- conditional formats

interface FormatEntity {
  sheet: SheetModel;
  format: ConditionalFormatModel;
}

class ConditionalFormatCollection extends Collection<FormatEntity, ConditionalFormat> {
  constructor(
    ctx: FakeContext,
    private readonly range: Range,
  ) {
    super(
      ctx,
      () => {
        const entity = range.entity();
        return entity
          ? entity.sheet.conditionalFormats
              .filter((f) => intersects(f.area, entity.area))
              .map((format) => ({ sheet: entity.sheet, format }))
          : null;
      },
      range.nullable,
    );
  }

  protected item(resolver: Resolver<FormatEntity>): ConditionalFormat {
    return new ConditionalFormat(this.ctx, resolver, false);
  }

  add(type: string): ConditionalFormat {
    let created: FormatEntity | null = null;
    this.ctx.enqueue("write", () => {
      const entity = this.range.entity();
      if (!entity) throw new FakeError("InvalidObjectPath", "The range is a null object.");
      const format: ConditionalFormatModel = { id: newId(), type, area: entity.area };
      entity.sheet.conditionalFormats.unshift(format);
      created = { sheet: entity.sheet, format };
    });
    return new ConditionalFormat(this.ctx, () => created, false);
  }
}

class ConditionalFormat extends ClientObject<FormatEntity> {
  /** Office.js: after a priority change, the proxy no longer points at the rule. */
  private stale = false;

  resolve(): FormatEntity | null {
    if (this.stale)
      throw new FakeError("InvalidObjectPath", "The conditional format moved: fetch it again at its new priority.");
    return super.resolve();
  }

  set priority(value: number) {
    this.write(({ sheet, format }) => {
      const others = sheet.conditionalFormats.filter((f) => f !== format);
      const at = value < 0 ? Math.max(0, others.length + 1 + value) : Math.min(value, others.length);
      others.splice(at, 0, format);
      sheet.conditionalFormats = others;
      this.stale = true;
    });
  }

  protected scalarNames(): string[] {
    return ["type", "id", "priority"];
  }

  protected scalar({ sheet, format }: FormatEntity, name: string): unknown {
    if (name === "type") return format.type;
    if (name === "id") return String(format.id);
    return sheet.conditionalFormats.indexOf(format);
  }

  get type(): string {
    return this.get("type");
  }

  protected navigation(name: string): ClientObject<unknown> | null {
    if (name === "custom") return this.custom;
    if (name === "customOrNullObject") return this.customOrNullObject;
    return null;
  }

  get custom(): CustomConditionalFormat {
    return this.cached(
      "custom",
      () =>
        new CustomConditionalFormat(
          this.ctx,
          this.child((e) => (e.format.type === "Custom" ? e : null)),
          this.nullable,
        ),
    );
  }

  get customOrNullObject(): CustomConditionalFormat {
    return this.cached(
      "customOrNull",
      () =>
        new CustomConditionalFormat(
          this.ctx,
          this.child((e) => (e.format.type === "Custom" ? e : null)),
          true,
        ),
    );
  }

  delete(): void {
    this.write(({ sheet, format }) => {
      sheet.conditionalFormats = sheet.conditionalFormats.filter((f) => f !== format);
    });
  }
}

class CustomConditionalFormat extends ClientObject<FormatEntity> {
  protected scalarNames(): string[] {
    return [];
  }

  protected scalar(): unknown {
    throw new Error("fake Excel: CustomConditionalFormat has no scalars");
  }

  protected navigation(name: string): ClientObject<unknown> | null {
    if (name === "rule") return this.rule;
    if (name === "format") return this.format;
    return null;
  }

  get rule(): ConditionalFormatRule {
    return this.cached(
      "rule",
      () =>
        new ConditionalFormatRule(
          this.ctx,
          this.child((e) => e),
          this.nullable,
        ),
    );
  }

  get format(): ConditionalRangeFormat {
    return this.cached(
      "format",
      () =>
        new ConditionalRangeFormat(
          this.ctx,
          this.child((e) => e),
          this.nullable,
        ),
    );
  }
}

class ConditionalRangeFormat extends ClientObject<FormatEntity> {
  protected scalarNames(): string[] {
    return [];
  }

  protected scalar(): unknown {
    throw new Error("fake Excel: ConditionalRangeFormat has no scalars modelled");
  }

  protected navigation(name: string): ClientObject<unknown> | null {
    return name === "fill" ? this.fill : name === "font" ? this.font : null;
  }

  private part(part: "fill" | "font"): FormatColor {
    return this.cached(
      part,
      () =>
        new FormatColor(
          this.ctx,
          this.child((e) => e),
          this.nullable,
          part,
        ),
    );
  }

  get fill(): FormatColor {
    return this.part("fill");
  }

  get font(): FormatColor {
    return this.part("font");
  }

  get borders(): { getItem(edge: string): { style: string; color: string } } {
    const write = this.write.bind(this);
    return {
      getItem: (_edge: string) => ({
        set style(_value: string) {
          write(() => undefined);
        },
        set color(value: string) {
          write(({ format }) => {
            format.border = value.toUpperCase();
          });
        },
      }),
    };
  }
}

class ConditionalFormatRule extends ClientObject<FormatEntity> {
  protected scalarNames(): string[] {
    return ["formula"];
  }

  protected scalar({ format }: FormatEntity): unknown {
    return format.formula ?? null;
  }

  get formula(): string {
    return this.get("formula");
  }

  set formula(value: string) {
    this.write(({ format }) => {
      if (!value.startsWith("=")) throw new FakeError("InvalidArgument", "A conditional-format formula starts with =.");
      format.formula = normalizeFormula(value);
    });
  }
}

class FormatColor extends ClientObject<FormatEntity> {
  constructor(
    ctx: FakeContext,
    resolver: Resolver<FormatEntity>,
    nullable: boolean,
    private readonly part: "fill" | "font",
  ) {
    super(ctx, resolver, nullable);
  }

  protected scalarNames(): string[] {
    return ["color"];
  }

  protected scalar({ format }: FormatEntity): unknown {
    return format[this.part] ?? null;
  }

  get color(): string {
    return this.get("color");
  }

  set color(value: string) {
    this.write(({ format }) => {
      if (!/^#[0-9A-Fa-f]{6}$/.test(value)) throw new FakeError("InvalidArgument", `"${value}" is not a colour.`);
      format[this.part] = value.toUpperCase();
    });
  }

  set bold(value: boolean) {
    this.write(({ format }) => {
      if (this.part !== "font") throw new Error("fake Excel: only a conditional format's font is bold");
      format.bold = value;
    });
  }
}

// ---------------------------------------------------------------- tables

class TableCollection extends Collection<TableModel, Table> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: Worksheet | null,
  ) {
    super(
      ctx,
      () => {
        if (!sheet) return ctx.model.tables;
        const owner = sheet.resolve();
        return owner ? ctx.model.tables.filter((t) => t.sheet === owner) : null;
      },
      sheet?.nullable ?? false,
    );
  }

  protected item(resolver: Resolver<TableModel>): Table {
    return new Table(this.ctx, resolver, false);
  }

  /**
   * `workbook.tables.onChanged` (ExcelApi 1.7): the handler is registered at the next sync and
   * then called, asynchronously, after every change to a cell of any table: the add-in's own
   * writes and the user's edits with source "Local", a co-author's with "Remote".
   */
  get onChanged(): { add(handler: TableChangedHandler): FakeEventHandlerResult } {
    if (this.sheet) throw new Error("fake Excel: only workbook.tables.onChanged is modelled");
    const ctx = this.ctx;
    return {
      add: (handler) => {
        ctx.enqueue("read", () => ctx.excel.tableHandlers.push(handler));
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue("read", () => {
              const at = ctx.excel.tableHandlers.indexOf(handler);
              if (at >= 0) ctx.excel.tableHandlers.splice(at, 1);
            }),
        };
      },
    };
  }

  /**
   * `workbook.tables.onAdded` and `onDeleted` (ExcelApi 1.9): the handler is registered at the next sync and
   * then called, asynchronously, when a table is added or deleted, here ("Local") or by a co-author ("Remote").
   * Where the client lacks ExcelApi 1.9, the sync that would register it fails (ApiNotFound).
   */
  get onAdded(): { add(handler: TableAddedHandler): FakeEventHandlerResult } {
    return this.membershipEvent("TableAdded");
  }

  get onDeleted(): { add(handler: TableAddedHandler): FakeEventHandlerResult } {
    return this.membershipEvent("TableDeleted");
  }

  private membershipEvent(type: FakeTableAddedEvent["type"]): {
    add(handler: TableAddedHandler): FakeEventHandlerResult;
  } {
    if (this.sheet) throw new Error("fake Excel: only workbook.tables.onAdded and onDeleted are modelled");
    const ctx = this.ctx;
    const handlers = ctx.excel.membershipHandlers;
    return {
      add: (handler) => {
        ctx.enqueue("read", () => {
          if (!ctx.excel.supports("1.9"))
            throw new FakeError("ApiNotFound", "The API you are trying to use could not be found.");
          handlers.push({ type, handler });
        });
        return {
          context: ctx,
          remove: () =>
            ctx.enqueue("read", () => {
              const at = handlers.findIndex((h) => h.handler === handler && h.type === type);
              if (at >= 0) handlers.splice(at, 1);
            }),
        };
      },
    };
  }

  private find(name: string): TableModel | null {
    const table = this.ctx.model.table(name);
    if (!table || !this.sheet) return table;
    return table.sheet === this.sheet.resolve() ? table : null;
  }

  getItem(name: string): Table {
    return new Table(this.ctx, () => this.find(name), false);
  }

  getItemOrNullObject(name: string): Table {
    return new Table(this.ctx, () => this.find(name), true).autoNull();
  }

  add(address: string, hasHeaders: boolean): Table {
    let created: TableModel | null = null;
    this.ctx.enqueue("write", () => {
      const parsed = parseAddress(address);
      const sheet = this.sheet ? this.sheet.resolve() : parsed.sheet ? this.ctx.model.sheet(parsed.sheet) : null;
      if (!sheet) throw new FakeError("InvalidArgument", `No sheet for the table at "${address}".`);
      const area = parsed.area;
      if (this.ctx.model.tables.some((t) => t.sheet === sheet && intersects(t.area, area))) {
        throw new FakeError("InvalidArgument", "A table can't overlap another table.");
      }
      if (!hasHeaders) throw new Error("fake Excel: only tables with headers are modelled");
      for (let c = area.left; c <= area.right; c++) {
        const cell = sheet.ensure(area.top, c);
        if (cell.value === undefined || cell.value === "") cell.value = `Column${c - area.left + 1}`;
      }
      let n = 1;
      while (this.ctx.model.table(`Table${n}`)) n++;
      created = new TableModel(`Table${n}`, sheet, area);
      this.ctx.model.tables.push(created);
    });
    return new Table(this.ctx, () => created, false);
  }
}

class Table extends ClientObject<TableModel> {
  protected scalarNames(): string[] {
    return ["name", "id", "showHeaders", "showTotals"];
  }

  protected scalar(table: TableModel, name: string): unknown {
    if (name === "name") return table.name;
    if (name === "id") return table.id;
    if (name === "showHeaders") return table.showHeaders;
    return table.showTotals;
  }

  get name(): string {
    return this.get("name");
  }

  get id(): string {
    return this.get("id");
  }

  get rows(): TableRowCollection {
    return this.cached(
      "rows",
      () =>
        new TableRowCollection(
          this.ctx,
          this.child((t) => t),
          this.nullable,
        ),
    );
  }

  set name(value: string) {
    this.write((table) => {
      if (!/^[A-Za-z_\\][A-Za-z0-9_.\\]{0,254}$/.test(value))
        throw new FakeError("InvalidArgument", `"${value}" is not a valid table name.`);
      const other = this.ctx.model.table(value);
      if ((other && other !== table) || this.ctx.model.name(value))
        throw new FakeError("ItemAlreadyExists", `The name "${value}" is already taken.`);
      table.name = value;
    });
  }

  get showHeaders(): boolean {
    return this.get("showHeaders");
  }

  set style(value: string) {
    this.write((table) => {
      table.style = value;
    });
  }

  /** Table.autoFilter (ExcelApi 1.9): only whether a filter hides rows is modelled. */
  get autoFilter(): AutoFilter {
    return this.cached(
      "autoFilter",
      () =>
        new AutoFilter(
          this.ctx,
          this.child((t) => t),
          this.nullable,
        ),
    );
  }

  get showTotals(): boolean {
    return this.get("showTotals");
  }

  protected navigation(name: string): ClientObject<unknown> | null {
    if (name === "worksheet") return this.worksheet;
    if (name === "columns") return this.columns;
    return null;
  }

  get worksheet(): Worksheet {
    return this.cached(
      "worksheet",
      () =>
        new Worksheet(
          this.ctx,
          this.child((t) => t.sheet),
          this.nullable,
        ),
    );
  }

  get columns(): TableColumnCollection {
    return this.cached(
      "columns",
      () =>
        new TableColumnCollection(
          this.ctx,
          this.child((t) => columnsOf(t)),
          this.nullable,
        ),
    );
  }

  getRange(): Range {
    return new Range(
      this.ctx,
      this.child((t) => ({ sheet: t.sheet, area: t.area })),
      this.nullable,
    );
  }

  resize(newRange: Range | string): void {
    this.write((table) => {
      if (!this.ctx.excel.supports("1.13")) throw new FakeError("ApiNotFound", "Table.resize needs ExcelApi 1.13.");
      const target =
        typeof newRange === "string" ? { sheet: table.sheet, area: parseAddress(newRange).area } : newRange.entity();
      if (!target || target.sheet !== table.sheet)
        throw new FakeError("InvalidArgument", "The new range must be on the table's sheet.");
      if (target.area.top !== table.area.top || !intersects(target.area, table.area)) {
        throw new FakeError("InvalidArgument", "The new range must overlap the table and keep its header row.");
      }
      if (
        this.ctx.model.tables.some((t) => t !== table && t.sheet === table.sheet && intersects(t.area, target.area))
      ) {
        throw new FakeError("InvalidArgument", "A table can't overlap another table.");
      }
      table.area = target.area;
    });
  }

  convertToRange(): Range {
    let area: RangeEntity | null = null;
    this.write((table) => {
      area = { sheet: table.sheet, area: table.area };
      this.ctx.model.tables.splice(this.ctx.model.tables.indexOf(table), 1);
    });
    return new Range(this.ctx, () => area, false);
  }
}

class AutoFilter extends ClientObject<TableModel> {
  protected scalarNames(): string[] {
    return ["isDataFiltered", "enabled"];
  }

  protected scalar(table: TableModel, name: string): unknown {
    return name === "enabled" ? true : table.filtered === true;
  }

  get isDataFiltered(): boolean {
    return this.get("isDataFiltered");
  }
}

/**
 * Table.rows: `count`, and `add` at the end of the table (index null or omitted), which inserts
 * cells below the table as Excel does by default: what is under the table in its columns moves
 * down, number formats come from the last row, and data validation and conditional formats that
 * cover a whole column of the body grow with it.
 */
class TableRowCollection extends ClientObject<TableModel> {
  protected scalarNames(): string[] {
    return ["count"];
  }

  protected scalar(table: TableModel): unknown {
    return table.area.bottom - table.area.top + (table.showHeaders ? 0 : 1) - (table.showTotals ? 1 : 0);
  }

  get count(): number {
    return this.get("count");
  }

  add(index?: number | null, values?: unknown[][]): void {
    this.write((table) => {
      if (index !== null && index !== undefined)
        throw new Error("fake Excel: TableRowCollection.add models appending only (index null)");
      if (table.showTotals) throw new Error("fake Excel: appending to a table with a totals row is not modelled");
      if (this.ctx.excel.coauthoring)
        throw new FakeError(
          "Conflict",
          "Adding table rows while others edit the workbook conflicts with their changes.",
        );
      const width = table.area.right - table.area.left + 1;
      const rows = values ?? [Array.from({ length: width }, () => "")];
      if (
        !Array.isArray(rows) ||
        rows.length === 0 ||
        rows.some((row) => !Array.isArray(row) || row.length !== width)
      ) {
        throw new FakeError(
          "InvalidArgument",
          "The number of rows or columns in the values array doesn't match the size or dimensions of the table.",
        );
      }
      appendRows(this.ctx.model, table, rows);
    });
  }
}

function shiftDown(sheet: SheetModel, below: number, left: number, right: number, by: number): void {
  const moved: [number, number, Cell][] = [];
  for (const [key, cell] of [...sheet.cells]) {
    const [r, c] = key.split(",").map(Number) as [number, number];
    if (r > below && c >= left && c <= right) {
      moved.push([r, c, cell]);
      sheet.cells.delete(key);
    }
  }
  for (const [r, c, cell] of moved) sheet.cells.set(`${r + by},${c}`, cell);
  for (const map of [sheet.notes, sheet.comments] as Map<string, { cell: string }>[]) {
    for (const [key, item] of [...map]) {
      const { area } = parseAddress(key);
      if (area.top > below && area.left >= left && area.left <= right) {
        map.delete(key);
        item.cell = cellName(area.top + by, area.left);
        map.set(item.cell, item);
      }
    }
  }
}

function appendRows(model: WorkbookModel, table: TableModel, rows: unknown[][]): void {
  const { sheet, area } = table;
  const by = rows.length;
  const others = model.tables.filter((t) => t !== table && t.sheet === sheet && t.area.top > area.bottom);
  const inColumns = (a: Area) => a.left >= area.left && a.right <= area.right;
  const across = others.filter((t) => !inColumns(t.area) && t.area.left <= area.right && t.area.right >= area.left);
  if (across.length > 0)
    throw new FakeError(
      "InsertDeleteConflict",
      "The operation would move cells of another table that only partly lies below this one.",
    );
  shiftDown(sheet, area.bottom, area.left, area.right, by);
  for (const other of others.filter((t) => inColumns(t.area)))
    other.area = { ...other.area, top: other.area.top + by, bottom: other.area.bottom + by };
  const bodyTop = area.top + (table.showHeaders ? 1 : 0);
  const grows = (a: Area) =>
    a.top <= bodyTop && a.bottom === area.bottom && a.left >= area.left && a.right <= area.right;
  const beneath = (a: Area) => a.top > area.bottom && inColumns(a);
  for (const item of [...sheet.validations, ...sheet.conditionalFormats]) {
    if (grows(item.area)) item.area = { ...item.area, bottom: item.area.bottom + by };
    else if (beneath(item.area)) item.area = { ...item.area, top: item.area.top + by, bottom: item.area.bottom + by };
  }
  const last = area.bottom;
  table.area = { ...area, bottom: area.bottom + by };
  rows.forEach((row, i) => {
    row.forEach((value, c) => {
      const column = area.left + c;
      const cell = sheet.ensure(last + 1 + i, column);
      const format = last >= bodyTop ? sheet.cell(last, column)?.numberFormat : undefined;
      if (format !== undefined) cell.numberFormat = format;
      enter(cell, value);
      sheet.prune(last + 1 + i, column);
    });
  });
}

interface ColumnEntity {
  name: string;
}

function columnsOf(table: TableModel): ColumnEntity[] {
  if (!table.showHeaders) return (table.hiddenHeaders ?? []).map((name) => ({ name }));
  const names: ColumnEntity[] = [];
  for (let c = table.area.left; c <= table.area.right; c++) {
    const value = table.sheet.cell(table.area.top, c)?.value;
    names.push({ name: value === undefined ? "" : typeof value === "object" ? value.error : String(value) });
  }
  return names;
}

class TableColumnCollection extends Collection<ColumnEntity, TableColumn> {
  protected item(resolver: Resolver<ColumnEntity>): TableColumn {
    return new TableColumn(this.ctx, resolver, false);
  }
}

class TableColumn extends ClientObject<ColumnEntity> {
  protected scalarNames(): string[] {
    return ["name"];
  }

  protected scalar(column: ColumnEntity): unknown {
    return column.name;
  }

  get name(): string {
    return this.get("name");
  }
}

// ---------------------------------------------------------------- notes and comments

interface NoteEntity {
  sheet: SheetModel;
  note: NoteModel;
}

function singleCell(address: string): string {
  const { area } = parseAddress(address);
  if (area.top !== area.bottom || area.left !== area.right)
    throw new FakeError("InvalidCellAddress", `"${address}" is not a single cell.`);
  return cellName(area.top, area.left);
}

function notesAvailable(excel: FakeExcel, writing = false): void {
  if (!excel.supports("1.18")) throw new FakeError("ApiNotFound", "Notes need ExcelApi 1.18.");
  if (excel.notesBroken === true || (writing && excel.notesBroken === "write"))
    throw new FakeError("GeneralException", "An internal error has occurred.");
}

class NoteCollection extends Collection<NoteEntity, Note> {
  constructor(
    ctx: FakeContext,
    private readonly sheets: Resolver<SheetModel[]>,
    nullable: boolean,
  ) {
    super(
      ctx,
      () => {
        notesAvailable(ctx.excel);
        return sheets()?.flatMap((sheet) => sheet.orderedNotes().map((note) => ({ sheet, note }))) ?? null;
      },
      nullable,
    );
  }

  protected item(resolver: Resolver<NoteEntity>): Note {
    return new Note(this.ctx, resolver, false);
  }

  private locate(key: string): { sheet: SheetModel; cell: string } | null {
    const parsed = parseAddress(key);
    const within = this.sheets() ?? [];
    const sheet = parsed.sheet
      ? (within.find((s) => s.name.toLowerCase() === parsed.sheet?.toLowerCase()) ?? null)
      : within.length === 1
        ? within[0]
        : null;
    if (!sheet) throw new FakeError("InvalidArgument", `"${key}" names no sheet of this collection.`);
    return { sheet, cell: singleCell(key) };
  }

  getItemOrNullObject(key: string): Note {
    return new Note(
      this.ctx,
      () => {
        notesAvailable(this.ctx.excel);
        const at = this.locate(key);
        const note = at?.sheet.notes.get(at.cell);
        return at && note ? { sheet: at.sheet, note } : null;
      },
      true,
    ).autoNull();
  }

  getItem(key: string): Note {
    return new Note(
      this.ctx,
      () => {
        notesAvailable(this.ctx.excel);
        const at = this.locate(key);
        const note = at?.sheet.notes.get(at.cell);
        return at && note ? { sheet: at.sheet, note } : null;
      },
      false,
    );
  }

  add(cellAddress: string, content: string): Note {
    let created: NoteEntity | null = null;
    this.ctx.enqueue("write", () => {
      notesAvailable(this.ctx.excel, true);
      const at = this.locate(cellAddress);
      if (!at) throw new FakeError("InvalidCellAddress", cellAddress);
      if (at.sheet.notes.has(at.cell) || at.sheet.comments.has(at.cell)) {
        throw new FakeError("InvalidArgument", `${at.sheet.name}!${at.cell} already has a note or a comment.`);
      }
      const note = { cell: at.cell, content, author: "Workplan Checker add-in" };
      at.sheet.notes.set(at.cell, note);
      created = { sheet: at.sheet, note };
    });
    return new Note(this.ctx, () => created, false);
  }
}

class Note extends ClientObject<NoteEntity> {
  protected scalarNames(): string[] {
    return ["content", "authorName"];
  }

  protected scalar({ note }: NoteEntity, name: string): unknown {
    return name === "content" ? note.content : note.author;
  }

  get content(): string {
    return this.get("content");
  }

  set content(value: string) {
    this.write(({ note }) => {
      note.content = value;
    });
  }

  delete(): void {
    this.write(({ sheet, note }) => {
      sheet.notes.delete(note.cell);
    });
  }

  /** The note's size in points (ExcelApi 1.18). */
  set width(value: number) {
    this.write(({ note }) => {
      note.width = value;
    });
  }

  set height(value: number) {
    this.write(({ note }) => {
      note.height = value;
    });
  }

  getLocation(): Range {
    return new Range(
      this.ctx,
      this.child(({ sheet, note }) => ({ sheet, area: parseAddress(note.cell).area })),
      this.nullable,
    );
  }
}

interface CommentEntity {
  sheet: SheetModel;
  comment: CommentModel;
}

class CommentCollection extends Collection<CommentEntity, Comment> {
  constructor(ctx: FakeContext, sheets: Resolver<SheetModel[]>, nullable: boolean) {
    super(
      ctx,
      () => {
        if (!ctx.excel.supports("1.10")) throw new FakeError("ApiNotFound", "Comments need ExcelApi 1.10.");
        return sheets()?.flatMap((sheet) => sheet.orderedComments().map((comment) => ({ sheet, comment }))) ?? null;
      },
      nullable,
    );
  }

  protected item(resolver: Resolver<CommentEntity>): Comment {
    return new Comment(this.ctx, resolver, false);
  }
}

class Comment extends ClientObject<CommentEntity> {
  protected scalarNames(): string[] {
    return ["id", "content"];
  }

  protected scalar({ comment }: CommentEntity, name: string): unknown {
    return name === "id" ? comment.id : comment.content;
  }

  getLocation(): Range {
    return new Range(
      this.ctx,
      this.child(({ sheet, comment }) => ({ sheet, area: parseAddress(comment.cell).area })),
      this.nullable,
    );
  }
}

// ---------------------------------------------------------------- names

interface NameEntity {
  name: string;
  formula: string;
}

class NamedItemCollection extends Collection<NameEntity, NamedItem> {
  protected item(resolver: Resolver<NameEntity>): NamedItem {
    return new NamedItem(this.ctx, resolver, false);
  }

  getItemOrNullObject(name: string): NamedItem {
    return new NamedItem(this.ctx, () => this.ctx.model.name(name), true).autoNull();
  }

  add(name: string, reference: Range | string): NamedItem {
    let created: NameEntity | null = null;
    this.ctx.enqueue("write", () => {
      if (this.ctx.model.name(name) || this.ctx.model.table(name))
        throw new FakeError("ItemAlreadyExists", `The name "${name}" is already taken.`);
      let formula: string;
      if (typeof reference === "string") formula = reference.startsWith("=") ? reference : `=${reference}`;
      else {
        const entity = reference.entity();
        if (!entity) throw new FakeError("InvalidArgument", "null range");
        const { area } = entity;
        formula = `=${sheetPrefix(entity.sheet.name)}!$${areaName({ ...area, bottom: area.top, right: area.left })}`;
      }
      created = { name, formula: normalizeFormula(formula) };
      this.ctx.model.names.push(created);
    });
    return new NamedItem(this.ctx, () => created, false);
  }
}

class NamedItem extends ClientObject<NameEntity> {
  protected scalarNames(): string[] {
    return ["name", "formula"];
  }

  protected scalar(item: NameEntity, name: string): unknown {
    return name === "name" ? item.name : item.formula;
  }

  get name(): string {
    return this.get("name");
  }

  get formula(): string {
    return this.get("formula");
  }

  set formula(value: string) {
    this.write((item) => {
      item.formula = normalizeFormula(value.startsWith("=") ? value : `=${value}`);
    });
  }
}

// ---------------------------------------------------------------- events

/** What `workbook.tables.onChanged` hands a handler (Excel.TableChangedEventArgs, the parts modelled). */
export interface FakeTableChangedEvent {
  type: "TableChanged";
  source: "Local" | "Remote";
  changeType: "RangeEdited" | "RowInserted";
  tableId: string;
  worksheetId: string;
  /** The changed cells, without the sheet ("E7", "A12:F12"). */
  address: string;
}

export type TableChangedHandler = (event: FakeTableChangedEvent) => unknown;

/** What `workbook.tables.onAdded` and `onDeleted` hand a handler (Excel.TableAddedEventArgs, TableDeletedEventArgs). */
export interface FakeTableAddedEvent {
  type: "TableAdded" | "TableDeleted";
  source: "Local" | "Remote";
  tableId: string;
  worksheetId: string;
}

export type TableAddedHandler = (event: FakeTableAddedEvent) => unknown;

export interface FakeEventHandlerResult {
  context: FakeContext;
  remove(): void;
}

interface TableContent {
  area: Area;
  cells: string;
}

/** Every table's area and cell values, to tell what a batch changed. */
function tableContents(model: WorkbookModel): Map<TableModel, TableContent> {
  const contents = new Map<TableModel, TableContent>();
  for (const table of model.tables) {
    contents.set(table, {
      area: { ...table.area },
      cells: JSON.stringify(eachCell(table.area, (r, c) => table.sheet.cell(r, c)?.value ?? null)),
    });
  }
  return contents;
}

/** The smallest area holding every cell whose value differs (null when none does). */
function changedArea(before: TableContent, table: TableModel): Area | null {
  const old = JSON.parse(before.cells) as unknown[][];
  let found: Area | null = null;
  eachCell(table.area, (r, c) => {
    const was =
      r <= before.area.bottom && c <= before.area.right ? old[r - before.area.top]?.[c - before.area.left] : null;
    const now = table.sheet.cell(r, c)?.value ?? null;
    if (JSON.stringify(was ?? null) === JSON.stringify(now)) return;
    found = found
      ? {
          top: Math.min(found.top, r),
          left: Math.min(found.left, c),
          bottom: Math.max(found.bottom, r),
          right: Math.max(found.right, c),
        }
      : { top: r, left: c, bottom: r, right: c };
  });
  return found;
}

// ---------------------------------------------------------------- Excel.run and Office

export interface FakeExcelOptions {
  /** The highest ExcelApi requirement set the client supports, e.g. "1.20". */
  version?: string;
  platform?: "PC" | "Mac" | "OfficeOnline";
  /** Every `context.sync()` waits this long (an Excel round trip; 0 = a microtask). */
  latencyMs?: number;
  /**
   * What reaching through a null object does (undocumented, docs/excel-behaviour.md): "null"
   * gives null objects all the way down; "refuse" fails the batch with InvalidObjectPath.
   */
  nullChains?: "null" | "refuse";
  /**
   * Notes exist (ExcelApi 1.18) but every use of them fails (true), as office-js issue 6198 reports on the web, or
   * adding one does ("write").
   */
  notesBroken?: boolean | "write";
  /**
   * Others edit the workbook at the same time: TableRowCollection.add fails with "Conflict", as
   * Microsoft's co-authoring guidance warns it conflicts with their changes.
   */
  coauthoring?: boolean;
  /** How long after a change its event reaches the handlers (FakeExcel.eventDelayMs). */
  eventDelayMs?: number;
  /** Changes to one table within this time arrive as one event (FakeExcel.coalesceMs). */
  coalesceMs?: number;
  /**
   * Whether the client supports SharedRuntime 1.1 (true unless said): where it does, the pane and the ribbon's
   * command share one runtime and `Office.addin.showAsTaskpane` opens the pane; where it does not, that call fails.
   */
  sharedRuntime?: boolean;
}

function versionNumber(version: string): number {
  const [major = "0", minor = "0"] = version.split(".");
  return Number(major) * 1000 + Number(minor);
}

export class FakeExcel {
  readonly model: WorkbookModel;
  readonly version: string;
  readonly platform: "PC" | "Mac" | "OfficeOnline";
  latencyMs: number;
  nullChains: "null" | "refuse";
  notesBroken: boolean | "write";
  coauthoring: boolean;
  /** Whether the client supports SharedRuntime 1.1 (FakeExcelOptions.sharedRuntime). */
  readonly sharedRuntime: boolean;
  /** How many times a batch cleared the user's undo stack (Worksheet.visibility on Windows and Mac). */
  undoCleared = 0;
  /** Called with every new context before the batch runs (tests wrap context.sync here). */
  onContext: ((context: FakeContext) => void) | null = null;
  /** The options of every Excel.run, in order. */
  readonly runOptions: { mergeUndoGroup?: boolean; delayForCellEdit?: boolean }[] = [];
  /** Every `context.sync()` of every Excel.run so far. */
  syncs = 0;
  /** Handlers registered with `workbook.tables.onChanged`, in order. */
  readonly tableHandlers: TableChangedHandler[] = [];
  /** Handlers registered with `workbook.tables.onAdded` and `onDeleted`, in order. */
  readonly membershipHandlers: { type: FakeTableAddedEvent["type"]; handler: TableAddedHandler }[] = [];
  /** Every table added or deleted event delivered so far, in order (for tests). */
  readonly membershipEvents: FakeTableAddedEvent[] = [];
  /** The Excel of the author whose pane hears this Excel's changes as a co-author's ("Remote"); see coAuthor. */
  private heardBy: FakeExcel | null = null;
  /** How long after a change its event reaches the handlers (0 = the next microtask). */
  eventDelayMs = 0;
  /**
   * Changes to the same table from the same source within this many milliseconds arrive as ONE
   * event whose address covers them all (0 = every change its own event), as Excel may coalesce them.
   */
  coalesceMs = 0;
  private pending = new Map<string, { event: FakeTableChangedEvent; area: Area }>();
  /** Every table event delivered so far, in order (for tests). */
  readonly events: FakeTableChangedEvent[] = [];
  private injected: FakeError[] = [];
  /** While set, every sync that would change the workbook fails with this error (see refuseWrites). */
  writesRefused: FakeError | null = null;

  /**
   * Options every new FakeExcel starts from, under those it is given: a host profile (profiles.ts)
   * sets them for the tests that run against each host.
   */
  static defaults: FakeExcelOptions = {};

  constructor(model = new WorkbookModel(), given: FakeExcelOptions = {}) {
    const set = Object.entries(given).filter(([, value]) => value !== undefined);
    const options: FakeExcelOptions = { ...FakeExcel.defaults, ...Object.fromEntries(set) };
    this.model = model;
    this.version = options.version ?? "1.20";
    this.platform = options.platform ?? "PC";
    this.latencyMs = options.latencyMs ?? 0;
    this.nullChains = options.nullChains ?? "null";
    this.notesBroken = options.notesBroken ?? false;
    this.coauthoring = options.coauthoring ?? false;
    this.eventDelayMs = options.eventDelayMs ?? 0;
    this.coalesceMs = options.coalesceMs ?? 0;
    this.sharedRuntime = options.sharedRuntime ?? true;
  }

  supports(version: string): boolean {
    return versionNumber(this.version) >= versionNumber(version);
  }

  /**
   * The next sync fails with this Office error code (e.g. "InvalidOperationInCellEditMode",
   * "AccessDenied") before changing anything; several calls fail that many syncs in order.
   */
  failNextSync(code: string, message = `Excel refused the request (${code}).`): void {
    this.injected.push(new FakeError(code, message));
  }

  /**
   * From now on every sync that would change the workbook fails with this Office error code, before
   * changing anything, as for a file opened read-only or a protected sheet; reads still work. Null lifts it.
   */
  refuseWrites(code: string | null, message = `Excel refused the change (${code ?? ""}).`): void {
    this.writesRefused = code === null ? null : new FakeError(code, message);
  }

  /**
   * A co-author's Excel on the same workbook: what its batches change in tables (cells, tables added or
   * deleted) reaches this Excel's handlers as "Remote" events, as Excel reports a co-author's changes.
   */
  coAuthor(): FakeExcel {
    const other = new FakeExcel(this.model, { version: this.version, platform: this.platform });
    other.heardBy = this;
    return other;
  }

  /** Whether a batch's changes must be compared: a handler here, or in the pane that hears this Excel's changes. */
  watched(): boolean {
    const here = this.tableHandlers.length > 0 || this.membershipHandlers.length > 0;
    return here || (this.heardBy?.watched() ?? false);
  }

  /**
   * Reports, as events of `source`, the tables whose cells differ from `before` (onChanged), and the tables
   * added or deleted since (onAdded, onDeleted: a new table raises no changed event); a co-author's pane hears
   * them as "Remote".
   */
  reportChanges(before: Map<TableModel, TableContent>, source: "Local" | "Remote"): void {
    for (const table of this.model.tables) {
      const was = before.get(table);
      if (!was) {
        this.emitMembership("TableAdded", table, source);
        continue;
      }
      const grew = table.area.bottom > was.area.bottom;
      const area = changedArea(was, table);
      if (area) this.emit(table, area, source, grew ? "RowInserted" : "RangeEdited");
    }
    for (const table of before.keys())
      if (!this.model.tables.includes(table)) this.emitMembership("TableDeleted", table, source);
    if (source === "Local") this.heardBy?.reportChanges(before, "Remote");
  }

  private emitMembership(type: FakeTableAddedEvent["type"], table: TableModel, source: "Local" | "Remote"): void {
    const handlers = this.membershipHandlers.filter((h) => h.type === type).map((h) => h.handler);
    if (handlers.length === 0) return;
    const event: FakeTableAddedEvent = { type, source, tableId: table.id, worksheetId: table.sheet.id };
    const deliver = () => {
      this.membershipEvents.push(event);
      callEach(handlers, event);
    };
    if (this.eventDelayMs > 0) setTimeout(deliver, this.eventDelayMs);
    else queueMicrotask(deliver);
  }

  /** Delivers one table event to the registered handlers, asynchronously as Excel does. */
  emit(
    table: TableModel,
    area: Area,
    source: "Local" | "Remote",
    changeType: FakeTableChangedEvent["changeType"] = "RangeEdited",
  ): void {
    if (this.tableHandlers.length === 0) return;
    if (this.coalesceMs > 0) {
      this.coalesce(table, area, source, changeType);
      return;
    }
    const event: FakeTableChangedEvent = {
      type: "TableChanged",
      source,
      changeType,
      tableId: table.id,
      worksheetId: table.sheet.id,
      address: areaName(area),
    };
    const handlers = [...this.tableHandlers];
    const deliver = () => {
      this.events.push(event);
      callEach(handlers, event);
    };
    if (this.eventDelayMs > 0) setTimeout(deliver, this.eventDelayMs);
    else queueMicrotask(deliver);
  }

  private coalesce(
    table: TableModel,
    area: Area,
    source: "Local" | "Remote",
    changeType: FakeTableChangedEvent["changeType"],
  ): void {
    const key = `${table.id}|${source}`;
    const waiting = this.pending.get(key);
    if (waiting) {
      const a = waiting.area;
      waiting.area = {
        top: Math.min(a.top, area.top),
        left: Math.min(a.left, area.left),
        bottom: Math.max(a.bottom, area.bottom),
        right: Math.max(a.right, area.right),
      };
      waiting.event.address = areaName(waiting.area);
      return;
    }
    const event: FakeTableChangedEvent = {
      type: "TableChanged",
      source,
      changeType,
      tableId: table.id,
      worksheetId: table.sheet.id,
      address: areaName(area),
    };
    this.pending.set(key, { event, area });
    setTimeout(() => {
      this.pending.delete(key);
      this.events.push(event);
      callEach([...this.tableHandlers], event);
    }, this.eventDelayMs + this.coalesceMs);
  }

  /**
   * Someone types `value` into a cell, outside any batch: the user of this Excel ("Local") or a
   * co-author ("Remote"). A cell inside a table raises that table's changed event. The value is
   * stored as given (a number stays a number, text stays text); null or "" empties the cell.
   */
  editCell(
    sheetName: string,
    address: string,
    value: string | number | boolean | null,
    source: "Local" | "Remote" = "Local",
  ): void {
    const sheet = this.model.sheet(sheetName);
    if (!sheet) throw new Error(`fake Excel: no sheet "${sheetName}"`);
    const before = tableContents(this.model);
    const { area } = parseAddress(address);
    if (value === null || value === "") {
      const cell = sheet.cell(area.top, area.left);
      if (cell) delete cell.value;
      sheet.prune(area.top, area.left);
    } else sheet.ensure(area.top, area.left).value = value;
    this.reportChanges(before, source);
  }

  /**
   * The user picks `value` from a cell's drop-down list: as editCell, except that Excel on the web
   * raises no change event for it (office-js issue 3888).
   */
  pickFromList(sheetName: string, address: string, value: string): void {
    if (this.platform !== "OfficeOnline") {
      this.editCell(sheetName, address, value, "Local");
      return;
    }
    const sheet = this.model.sheet(sheetName);
    if (!sheet) throw new Error(`fake Excel: no sheet "${sheetName}"`);
    const { area } = parseAddress(address);
    sheet.ensure(area.top, area.left).value = value;
  }

  /** For FakeContext.sync: the failure injected for this sync, if any. */
  takeInjectedFailure(): FakeError | null {
    return this.injected.shift() ?? null;
  }

  readonly run: ExcelRun = (async <T>(first: unknown, second?: Batch<T>): Promise<T> => {
    const options = (typeof first === "function" ? {} : first) as {
      mergeUndoGroup?: boolean;
      delayForCellEdit?: boolean;
    };
    const batch = (typeof first === "function" ? first : second) as Batch<T>;
    this.runOptions.push({ ...options });
    const context = new FakeContext(this, options.mergeUndoGroup === true && this.supports("1.20"));
    this.onContext?.(context);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pendingCount() > 0)
      throw new Error(`fake Excel: ${context.pendingCount()} queued step(s) were never synced`);
    return result;
  }) as ExcelRun;
}

export { MAX_COLUMN, MAX_ROW };
