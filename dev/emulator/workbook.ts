/**
 * The shared in-memory spreadsheet: sheets, cell metadata and the HyperFormula engine that holds
 * cell contents and evaluates formulas. API classes (Spreadsheet, Sheet, Range) are thin views on it.
 */
import {
  CellError,
  CellType,
  DetailedCellError,
  EmptyValue,
  ErrorType,
  ExportedCellChange,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import type { ExportedChange, RawCellContent, SimpleCellAddress } from "hyperformula";
import { columnToLetters, quoteSheetName } from "./a1";
import { dateToSerial, serialParts, serialToDate } from "./dates";
import { CONNECT_MESSAGE, Imports } from "./drive";
import type { Drive } from "./drive";
import { building, CellArg, hosts, registerCustomFunctionNames, registerSheetsPlugins } from "./formula-plugins";
import type { CustomFunctionHost } from "./formula-plugins";
import { invalidateCriteriaIndexes } from "./criteria-plugin";
import { fromEngine, toEngine, unwrap } from "./formula-translate";
import { formulaFromLocale, formulaToLocale } from "./formula-text";
import { DEFAULT_LOCALE, localeFor } from "./locale";
import type { SheetLocale } from "./locale";
import type { CellMeta, ChartData, ConditionalRuleData, NamedRangeData, ProtectionData, Rect } from "./model";
import { shiftRect } from "./model";
import { isDateFormat } from "./number-format";
import { SHEETS_FUNCTIONS, SheetsFunctionError } from "./sheets-functions";
import { isSparkline, sparklineOf, type Sparkline } from "./sparkline";
import { interpretText } from "./value-input";
import type { Scalar } from "./value-input";

/** Apps Script's exception text is "Exception: <message>"; scripts usually read e.message. */
export class SheetsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "Exception";
  }
}

export type CellValue = number | string | boolean | Date;

/** Evaluated by the workbook itself (drive.ts): it reads other spreadsheets. */
const IMPORTRANGE = "IMPORTRANGE";

const parseDateTimeAsHyperFormula = HyperFormula.defaultConfig.parseDateTime;
/** What HyperFormula's date parser can accept at all (its quick check, before it lowercases and trims). */
const MAYBE_DATE = /^[\s0-9/.:-]+[ap]?m?$/i;

/** Lock waits between interleaved executions: granted (true), timed out (false), or the caller is suspended (throws). */
export interface LockArbiter {
  wait(kind: string, token: string, timeoutInMillis: number): boolean;
  released(kind: string): void;
}

/** Raw cell input: what setValue(s) or a user typed. */
export type CellInput = unknown;

export class SheetModel {
  meta: (CellMeta | undefined)[][] = [];
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  /** Columns hidden with hideColumns, by position. */
  hiddenColumns = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  conditionalRules: ConditionalRuleData[] = [];
  protections: ProtectionData[] = [];
  charts: ChartData[] = [];
  /** Set once a formula is written here: until then the sheet's values are as written (no evaluation needed to read them). */
  mayHoldFormulas = false;

  constructor(
    public id: number,
    public name: string,
    public maxRows = 1000,
    public maxColumns = 26,
  ) {}

  getMeta(row: number, col: number): CellMeta | undefined {
    return this.meta[row]?.[col];
  }

  ensureMeta(row: number, col: number): CellMeta {
    const r = (this.meta[row] ??= []);
    return (r[col] ??= {});
  }
}

export interface WorkbookOptions {
  name?: string;
  id?: string;
  timeZone?: string;
  owner?: string;
  editors?: string[];
  /** The spreadsheet's locale (Spreadsheet.getSpreadsheetLocale), e.g. "de_DE"; default en_US. */
  locale?: string;
  /** People who may open the spreadsheet without editing it (IMPORTRANGE's access step asks). */
  viewers?: string[];
  /** The spreadsheets IMPORTRANGE can reach (drive.ts); the workbook joins it. */
  drive?: Drive;
}

export type CustomFunction = (...args: unknown[]) => unknown;

let workbookCounter = 0;

export class Workbook implements CustomFunctionHost {
  id: string;
  name: string;
  timeZone: string;
  /** Typed input, displayed numbers and formula syntax follow it (locale.ts). */
  locale: SheetLocale;
  owner: string;
  editors: string[];
  viewers: string[];
  /** Other spreadsheets IMPORTRANGE can reach (set by Drive.add). */
  drive: Drive | undefined;
  /** This spreadsheet's IMPORTRANGE grants, prompts and importing cells. */
  imports = new Imports(this);
  hf: HyperFormula;
  sheets: SheetModel[] = [];
  namedRanges: NamedRangeData[] = [];
  activeSheetId = 0;
  documentProperties = new Map<string, string>();
  userProperties = new Map<string, Map<string, string>>();
  scriptProperties = new Map<string, string>();
  documentCache = new Map<string, { value: string; expires: number }>();
  scriptCache = new Map<string, { value: string; expires: number }>();
  /** Holder of each lock (document, script, user:<email>): an execution token, or null when free. */
  locks: Record<string, string | null> = { document: null, script: null };
  /** Decides lock waits when executions are interleaved (dev/harness/interleave.ts). */
  lockArbiter: LockArbiter | undefined;
  /** Strict audit: when enabled, every sheet write made without the document lock is recorded. */
  lockAudit = { enabled: false, violations: [] as { method: string; range: string; user: string }[] };
  /** The execution currently calling into the workbook (set by contexts); used by the lock audit. */
  currentExecution: { token: string; user: string } = { token: "default", user: "" };
  customFunctions = new Map<string, CustomFunction>();
  /** Runs custom functions as Apps Script would (empty Session email etc.); set by the harness. */
  customFunctionRunner: (name: string, fn: CustomFunction, args: unknown[]) => unknown = (_n, fn, args) => fn(...args);
  private customSizes = new Map<string, { rows: number; cols: number }>();
  private customDates = new Set<string>();
  private pendingReparse = new Set<string>();
  /** Cells that called a custom function not set yet: evaluated again once it is. */
  private awaitingFunctions = new Set<string>();
  private spillBlocked = new Set<string>();
  private nextSheetId = 0;
  nextProtectionId = 1;
  /** Chart ids are unique across the spreadsheet (EmbeddedChart.getChartId). */
  nextChartId = 1;
  /** Function names the current engine was built with (custom functions added later need a rebuild). */
  private engineFunctions: Set<string>;

  constructor(opts: WorkbookOptions = {}) {
    this.id = opts.id ?? `emulated-spreadsheet-${++workbookCounter}`;
    this.name = opts.name ?? "Untitled spreadsheet";
    this.timeZone = opts.timeZone ?? "Etc/UTC";
    this.locale = localeFor(opts.locale ?? DEFAULT_LOCALE);
    this.owner = opts.owner ?? "owner@example.com";
    this.editors = opts.editors ?? [];
    this.viewers = opts.viewers ?? [];
    registerSheetsPlugins();
    registerCustomFunctionNames([...Object.keys(SHEETS_FUNCTIONS), IMPORTRANGE], true);
    this.hf = HyperFormula.buildEmpty({
      licenseKey: "gpl-v3",
      functionArgSeparator: ",",
      arrayColumnSeparator: ",",
      arrayRowSeparator: ";",
      decimalSeparator: ".",
      thousandSeparator: "",
      nullDate: { year: 1899, month: 12, day: 30 },
      leapYear1900: false,
      // Sheets only evaluates arrays inside ARRAYFORMULA (and array literals/array functions).
      useArrayArithmetic: false,
      dateFormats: ["MM/DD/YYYY", "MM/DD/YY", "YYYY-MM-DD", "YYYY/MM/DD"],
      timeFormats: ["hh:mm", "hh:mm:ss.sss"],
      caseSensitive: false,
      // Sheets compares "é" and "e" as different (and skipping accent folding is much faster).
      accentSensitive: true,
      maxRows: 10_000_000,
      maxColumns: 18_278,
      // Sheets keeps full doubles (getValue of =0.1+0.2 is 0.30000000000000004).
      smartRounding: false,
      // Nothing here undoes: keeping undo data only costs time and memory on every write.
      undoLimit: 0,
      // HyperFormula tries every date format on text written into a cell and on both sides of
      // each text comparison (A:A="" over a column): text kept as text ("'…") or that cannot be a
      // date (the engine's own quick check, done once here) is turned away at once.
      parseDateTime: (text, dateFormat, timeFormat) =>
        text.startsWith("'") || !MAYBE_DATE.test(text.trim())
          ? undefined
          : parseDateTimeAsHyperFormula(text, dateFormat, timeFormat),
    });
    this.engineFunctions = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    this.hf.addNamedExpression("TRUE", "=TRUE()");
    this.hf.addNamedExpression("FALSE", "=FALSE()");
    this.attachHost();
    opts.drive?.add(this);
  }

  /** Links the engine to this workbook: custom functions find it, and changes reach importing spreadsheets. */
  private attachHost(): void {
    hosts.set((this.hf as unknown as { _config: object })._config, this);
    // Every engine read that needs computed values passes through this check, which throws while
    // evaluation is suspended: here it evaluates what is pending instead (see write).
    (this.hf as unknown as { ensureEvaluationIsNotSuspended: () => void }).ensureEvaluationIsNotSuspended = () => {
      if (!this.readingLiterals) this.evaluatePending();
    };
    this.hf.on("valuesUpdated", () => {
      invalidateCriteriaIndexes();
      this.drive?.changed(this);
    });
  }

  /**
   * Writes go into the engine with evaluation suspended and are evaluated together at the next
   * read: Set up writes dozens of blocks into sheets whose whole-column ARRAYFORMULAs would
   * otherwise all be evaluated again after each one. Reads see exactly what they would have.
   */
  private suspended = false;
  /** Set while reading cells that hold typed values only, which need no evaluation (retype). */
  private readingLiterals = false;

  private suspend(): void {
    if (!this.suspended) this.hf.suspendEvaluation();
    this.suspended = true;
    // Spreadsheets importing from this one refresh before their next read (drive.ts).
    this.drive?.changed(this);
  }

  /** Evaluates what writes left pending (called before any read of computed values). */
  private evaluatePending(): void {
    if (!this.suspended) return;
    this.suspended = false;
    this.afterChange(this.hf.resumeEvaluation());
  }

  /**
   * Reads a sheet that never held a formula without evaluating what is pending elsewhere: its
   * values are as written (a check-in's History reads and appends wait for no recalculation).
   */
  private reading<T>(model: SheetModel, read: () => T): T {
    if (model.mayHoldFormulas || this.readingLiterals) return read();
    this.readingLiterals = true;
    try {
      return read();
    } finally {
      this.readingLiterals = false;
    }
  }

  /** Engine changes made together: inside the pending writes if there are any. */
  private batch(operations: () => void): void {
    this.suspend();
    operations();
  }

  /** Releases every lock `kind` (or all, without one) held by the execution `token`. */
  releaseLock(kind: string | undefined, token: string): void {
    for (const k of kind ? [kind] : Object.keys(this.locks)) {
      if (this.locks[k] !== token) continue;
      this.locks[k] = null;
      this.lockArbiter?.released(k);
    }
  }

  // ---- sheets -------------------------------------------------------------------------------

  addSheet(name: string, index?: number, rows = 1000, cols = 26): SheetModel {
    if (this.sheetByName(name)) {
      throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.hf.addSheet(name);
    const model = new SheetModel(this.nextSheetId++, name, rows, cols);
    if (index === undefined || index > this.sheets.length) this.sheets.push(model);
    else this.sheets.splice(Math.max(0, index), 0, model);
    this.refreshOpenFormulas();
    return model;
  }

  removeSheet(model: SheetModel): void {
    invalidateCriteriaIndexes();
    if (this.sheets.length === 1) {
      throw new SheetsError("You can't remove all the sheets in a document.");
    }
    this.hf.removeSheet(this.hfId(model));
    this.sheets = this.sheets.filter((s) => s !== model);
    this.namedRanges = this.namedRanges.filter((n) => n.sheetId !== model.id);
    if (this.activeSheetId === model.id) this.activeSheetId = this.sheets[0].id;
  }

  renameSheet(model: SheetModel, name: string): void {
    const other = this.sheetByName(name);
    if (other && other !== model) {
      throw new SheetsError(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    this.hf.renameSheet(this.hfId(model), name);
    model.name = name;
  }

  /** Named ranges are also names formulas can use (=SUM(Targets)). */
  setNamedRange(name: string, model: SheetModel, rect: Rect): void {
    this.removeNamedRange(name);
    this.namedRanges.push({ name, sheetId: model.id, rect: { ...rect } });
    const ref = `${quoteSheetName(model.name)}!$${columnToLetters(rect.col)}$${rect.row}:$${columnToLetters(rect.col + rect.numCols - 1)}$${rect.row + rect.numRows - 1}`;
    invalidateCriteriaIndexes();
    this.hf.addNamedExpression(name, `=${ref}`);
  }

  removeNamedRange(name: string): void {
    if (!this.namedRanges.some((n) => n.name === name)) return;
    this.namedRanges = this.namedRanges.filter((n) => n.name !== name);
    invalidateCriteriaIndexes();
    if (this.hf.getNamedExpression(name)) this.hf.removeNamedExpression(name);
  }

  sheetByName(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  sheetById(id: number): SheetModel | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  hfId(model: SheetModel): number {
    const id = this.hf.getSheetId(model.name);
    if (id === undefined) throw new Error(`engine has no sheet ${model.name}`);
    return id;
  }

  private modelOfHfId(hfId: number): SheetModel | undefined {
    const name = this.hf.getSheetName(hfId);
    return name === undefined ? undefined : this.sheetByName(name);
  }

  // ---- writing ------------------------------------------------------------------------------

  /** Converts one input to engine content, updating the cell's metadata like Sheets does. */
  private toRaw(model: SheetModel, row: number, col: number, input: CellInput, asTyped: boolean): RawCellContent {
    const meta = model.getMeta(row, col);
    if (meta?.openKinds) delete meta.openKinds;
    if (meta?.wrapped) delete meta.wrapped;
    if (input === null || input === undefined || input === "") return null;
    if (typeof input === "number")
      return Number.isFinite(input) ? this.numberContent(model, row, col, input) : "'" + String(input);
    if (typeof input === "boolean") return input;
    if (isDate(input)) {
      if (!meta?.format) {
        const date = this.locale.dateFormat;
        model.ensureMeta(row, col).format = dateHasTime(input, this.timeZone) ? `${date} H:mm:ss` : date;
      }
      return this.numberContent(model, row, col, dateToSerial(input, this.timeZone));
    }
    const text = String(input);
    if (!asTyped) return "'" + text;
    const parsed = interpretText(text, meta?.format, this.locale);
    if (parsed.formula) {
      const t = toEngine(formulaFromLocale(parsed.formula, this.locale), model.name, (name) => {
        const s = this.sheetByName(name);
        return s && { rows: s.maxRows, cols: s.maxColumns };
      });
      model.mayHoldFormulas = true;
      if (t.open || t.wrapped) model.ensureMeta(row, col).openKinds = t.kinds;
      if (t.wrapped) model.ensureMeta(row, col).wrapped = true;
      return t.text;
    }
    if (parsed.autoFormat && !meta?.format) model.ensureMeta(row, col).format = parsed.autoFormat;
    if (parsed.value === null) return null;
    if (typeof parsed.value === "number") return this.numberContent(model, row, col, parsed.value);
    return typeof parsed.value === "string" ? "'" + parsed.value : parsed.value;
  }

  /**
   * A number in a date-formatted cell goes to the engine as a date, so formulas treat it as
   * one (date + 1 is a date, date - date is a number), as Sheets does.
   */
  private numberContent(model: SheetModel, row: number, col: number, n: number): RawCellContent {
    if (!isDateFormat(model.getMeta(row, col)?.format)) return n;
    const p = serialParts(n);
    // The engine reads a Date's local fields: build one whose local fields are the wall clock.
    return new Date(p.y, p.m - 1, p.d, p.h, p.mi, p.s, p.ms);
  }

  /** Writes a block of inputs; strings are interpreted as if typed (formulas, "45%", dates...). */
  write(model: SheetModel, row: number, col: number, inputs: CellInput[][], asTyped = true): void {
    // Array.from: inputs may be arrays of the bundle's vm realm, which the engine does not accept.
    const raw = Array.from(inputs, (line, i) =>
      Array.from(line, (v, j) => this.toRaw(model, row + i, col + j, v, asTyped)),
    );
    this.setEngine(model, row, col, raw);
  }

  /**
   * Fills empty sheets in one engine batch, as when a saved workbook is loaded: each sheet's cells
   * are [row, column, content as typed], in any order. Linear in the cells, where a write per cell is not.
   */
  loadContents(sheets: [SheetModel, [number, number, CellInput][]][]): void {
    const contents: Record<string, RawCellContent[][]> = Object.fromEntries(this.sheets.map((m) => [m.name, []]));
    for (const [model, cells] of sheets) {
      const raw: RawCellContent[][] = [];
      for (const [row, col, input] of cells) (raw[row - 1] ??= [])[col - 1] = this.toRaw(model, row, col, input, true);
      const width = raw.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
      for (let i = 0; i < raw.length; i++) raw[i] = Array.from({ length: width }, (_, j) => raw[i]?.[j] ?? null);
      contents[model.name] = raw;
    }
    this.buildEngine(contents);
  }

  /**
   * After a number format change: numbers whose date-ness changed are handed to the engine again,
   * so that formulas treat a newly date-formatted number as a date (and vice versa).
   */
  retype(model: SheetModel, rect: Rect): void {
    const hfId = this.hfId(model);
    const updates: { addr: SimpleCellAddress; content: RawCellContent }[] = [];
    // Only numbers typed into cells matter: their values need no evaluation, so writes stay pending.
    this.readingLiterals = true;
    try {
      for (let i = 0; i < rect.numRows; i++)
        for (let j = 0; j < rect.numCols; j++) {
          const addr = { sheet: hfId, row: rect.row + i - 1, col: rect.col + j - 1 };
          if (this.hf.getCellType(addr) !== CellType.VALUE) continue;
          const v = this.hf.getCellValue(addr);
          if (typeof v !== "number") continue;
          const t = this.hf.getCellValueDetailedType(addr);
          const typedDate = t === "NUMBER_DATE" || t === "NUMBER_DATETIME" || t === "NUMBER_TIME";
          if (typedDate === isDateFormat(model.getMeta(rect.row + i, rect.col + j)?.format)) continue;
          updates.push({ addr, content: this.numberContent(model, rect.row + i, rect.col + j, v) });
        }
    } finally {
      this.readingLiterals = false;
    }
    if (updates.length === 0) return;
    invalidateCriteriaIndexes();
    this.batch(() => {
      for (const u of updates) this.hf.setCellContents(u.addr, [[u.content]]);
    });
  }

  /** Writes formulas (setFormula/setFormulas): "" clears; text without "=" is taken as typed. */
  writeFormulas(model: SheetModel, row: number, col: number, formulas: string[][]): void {
    this.write(
      model,
      row,
      col,
      Array.from(formulas, (line) => Array.from(line, (f) => (f === "" || f == null ? null : String(f)))),
      true,
    );
  }

  private setEngine(model: SheetModel, row: number, col: number, raw: RawCellContent[][]): void {
    const hfId = this.hfId(model);
    for (const key of [...this.customSizes.keys()]) {
      const [s, r, c] = key.split(":").map(Number);
      if (
        s === hfId &&
        r >= row - 1 &&
        r < row - 1 + raw.length &&
        c >= col - 1 &&
        c < col - 1 + (raw[0]?.length ?? 0)
      ) {
        this.customSizes.delete(key);
      }
    }
    invalidateCriteriaIndexes();
    this.suspend();
    this.hf.setCellContents({ sheet: hfId, row: row - 1, col: col - 1 }, raw);
  }

  /** Re-parses formulas whose array size changed (custom functions) or that were blocked by data. */
  private afterChange(changes: ExportedChange[]): void {
    this.evaluatePending();
    for (const ch of changes) {
      if (!(ch instanceof ExportedCellChange)) continue;
      const v = ch.newValue;
      if (v instanceof DetailedCellError && v.type === ErrorType.SPILL) {
        this.spillBlocked.add(key(ch.address));
      }
    }
    for (let guard = 0; guard < 5 && (this.pendingReparse.size > 0 || this.spillBlocked.size > 0); guard++) {
      const todo = [...new Set([...this.pendingReparse, ...this.spillBlocked])];
      this.pendingReparse.clear();
      this.spillBlocked.clear();
      const reparse: SimpleCellAddress[] = [];
      for (const k of todo) {
        const [sheet, row, col] = k.split(":").map(Number);
        const addr = { sheet, row, col };
        if (this.hf.getSheetName(sheet) !== undefined && this.hf.doesCellHaveFormula(addr)) reparse.push(addr);
      }
      invalidateCriteriaIndexes();
      this.hf.batch(() => {
        for (const addr of reparse) this.hf.setCellContents(addr, this.hf.getCellFormula(addr)!);
      });
      for (const addr of reparse) {
        const v = this.hf.getCellValue(addr);
        // Still blocked: retried after the next write, not in this loop.
        if (v instanceof DetailedCellError && v.type === ErrorType.SPILL) this.spillBlockedLater.add(key(addr));
      }
    }
    for (const k of this.spillBlockedLater) this.spillBlocked.add(k);
    this.spillBlockedLater.clear();
  }
  private spillBlockedLater = new Set<string>();

  /** Evaluates these formula cells (engine address keys) again, as if their formulas were typed anew. */
  reevaluate(keys: string[]): void {
    for (const k of keys) this.pendingReparse.add(k);
    this.afterChange([]);
  }

  // ---- reading ------------------------------------------------------------------------------

  /** What IMPORTRANGE hands another spreadsheet: values, Dates, errors as errors, null for empty cells. */
  importValues(model: SheetModel, rect: Rect): unknown[][] {
    const values = this.readValues(model, rect);
    const hfId = this.hfId(model);
    return values.map((line, i) =>
      line.map((v, j) => {
        if (v === "") return null;
        if (typeof v !== "string" || !v.startsWith("#")) return v;
        const raw = this.hf.getCellValue({ sheet: hfId, row: rect.row + i - 1, col: rect.col + j - 1 });
        return raw instanceof DetailedCellError ? new CellError(raw.type as ErrorType, raw.message) : v;
      }),
    );
  }

  private isDateCell(model: SheetModel, hfId: number, row: number, col: number): boolean {
    const fmt = model.getMeta(row, col)?.format;
    if (fmt) return isDateFormat(fmt);
    const addr = { sheet: hfId, row: row - 1, col: col - 1 };
    if (this.customDates.has(key(addr))) return true;
    const t = this.hf.getCellValueDetailedType(addr);
    return t === "NUMBER_DATE" || t === "NUMBER_DATETIME" || t === "NUMBER_TIME";
  }

  /** Computed values as getValues returns them: numbers, booleans, Dates, strings, "" for empty. */
  readValues(model: SheetModel, rect: Rect): CellValue[][] {
    return this.reading(model, () => this.readValuesNow(model, rect));
  }

  private readValuesNow(model: SheetModel, rect: Rect): CellValue[][] {
    this.imports.settle();
    const hfId = this.hfId(model);
    const range = {
      start: { sheet: hfId, row: rect.row - 1, col: rect.col - 1 },
      end: { sheet: hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2 },
    };
    const raw = this.hf.getRangeValues(range);
    // A number typed or set by script is a date only through its format; only formula
    // results (and their spills) need the engine's type, so look that up lazily.
    let serialized: RawCellContent[][] | undefined;
    return raw.map((line, i) =>
      line.map((v, j) => {
        if (v === null || v === undefined || isSparkline(v)) return "";
        if (v instanceof DetailedCellError) return errorText(v);
        if (typeof v !== "number") return v;
        const row = rect.row + i;
        const col = rect.col + j;
        const fmt = model.getMeta(row, col)?.format;
        if (fmt) return isDateFormat(fmt) ? serialToDate(v, this.timeZone) : v;
        serialized ??= this.hf.getRangeSerialized(range) as RawCellContent[][];
        if (
          typeof serialized[i]?.[j] === "number" &&
          !this.hf.isCellPartOfArray({ sheet: hfId, row: row - 1, col: col - 1 })
        )
          return v;
        return this.isDateCell(model, hfId, row, col) ? serialToDate(v, this.timeZone) : v;
      }),
    );
  }

  /** Like readValues, but dates as serial numbers (for display formatting). */
  readRaw(model: SheetModel, rect: Rect): Scalar[][] {
    return this.reading(model, () => this.readRawNow(model, rect));
  }

  private readRawNow(model: SheetModel, rect: Rect): Scalar[][] {
    this.imports.settle();
    const hfId = this.hfId(model);
    const raw = this.hf.getRangeValues({
      start: { sheet: hfId, row: rect.row - 1, col: rect.col - 1 },
      end: { sheet: hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2 },
    });
    return raw.map((line) =>
      line.map((v) => (v instanceof DetailedCellError ? errorText(v) : isSparkline(v) ? "" : (v as Scalar))),
    );
  }

  /** The sparklines drawn in a rectangle (what the preview paints), by "row:col" (1-based). */
  readSparklines(model: SheetModel, rect: Rect): Record<string, Sparkline> {
    this.imports.settle();
    const hfId = this.hfId(model);
    const raw = this.hf.getRangeValues({
      start: { sheet: hfId, row: rect.row - 1, col: rect.col - 1 },
      end: { sheet: hfId, row: rect.row + rect.numRows - 2, col: rect.col + rect.numCols - 2 },
    });
    const out: Record<string, Sparkline> = {};
    raw.forEach((line, i) =>
      line.forEach((v, j) => {
        const found = sparklineOf(v);
        if (found) out[rect.row + i + ":" + (rect.col + j)] = found;
      }),
    );
    return out;
  }

  /** Error details Sheets shows in the cell's hover (e.g. the message a custom function threw). */
  errorMessage(model: SheetModel, row: number, col: number): string | null {
    this.imports.settle();
    const v = this.hf.getCellValue({ sheet: this.hfId(model), row: row - 1, col: col - 1 });
    return v instanceof DetailedCellError ? (v.type === ErrorType.SPILL ? spillMessage() : v.message) : null;
  }

  /** The source spreadsheet's ID when the cell shows IMPORTRANGE's "You need to connect these sheets" prompt. */
  importPrompt(model: SheetModel, row: number, col: number): string | undefined {
    this.imports.settle();
    const addr = { sheet: this.hfId(model), row: row - 1, col: col - 1 };
    const v = this.hf.getCellValue(addr);
    if (!(v instanceof DetailedCellError) || v.message !== CONNECT_MESSAGE) return undefined;
    return this.imports.promptAt(key(addr));
  }

  /** `user` clicks Allow access on the cell's prompt (drive.ts). */
  allowImportAccess(model: SheetModel, row: number, col: number, user: string): void {
    if (!this.importPrompt(model, row, col))
      throw new SheetsError(`${model.name}!${columnToLetters(col)}${row} shows no Allow access prompt.`);
    this.imports.allow(key({ sheet: this.hfId(model), row: row - 1, col: col - 1 }), user);
  }

  /** The formula as getFormula shows it: as written, in the locale's syntax. */
  readFormula(model: SheetModel, row: number, col: number): string {
    return formulaToLocale(this.writtenFormula(model, row, col), this.locale);
  }

  /** The formula as written, in the engine's (en_US) syntax. */
  private writtenFormula(model: SheetModel, row: number, col: number): string {
    const f = this.hf.getCellFormula({ sheet: this.hfId(model), row: row - 1, col: col - 1 });
    if (!f) return "";
    const meta = model.getMeta(row, col);
    const text = meta?.wrapped ? unwrap(f) : f;
    return meta?.openKinds ? fromEngine(text, meta.openKinds) : text;
  }

  /** True when the cell holds a value or formula (spilled values count; empty spill cells do not). */
  hasContent(model: SheetModel, row: number, col: number): boolean {
    return this.reading(model, () => this.hasContentNow(model, row, col));
  }

  private hasContentNow(model: SheetModel, row: number, col: number): boolean {
    this.imports.settle();
    const addr = { sheet: this.hfId(model), row: row - 1, col: col - 1 };
    return this.hf.getCellValue(addr) !== null || this.hf.doesCellHaveFormula(addr);
  }

  /** Last row/column with content, per Sheet.getLastRow/getLastColumn. */
  /** The last row with content, found from the bottom up: appendRow and getLastRow stay cheap on long sheets. */
  lastRow(model: SheetModel): number {
    return this.reading(model, () => this.lastRowNow(model));
  }

  private lastRowNow(model: SheetModel): number {
    const hfId = this.hfId(model);
    const dims = this.hf.getSheetDimensions(hfId);
    for (let r = dims.height - 1; r >= 0; r--) {
      const line = this.hf.getRangeValues({
        start: { sheet: hfId, row: r, col: 0 },
        end: { sheet: hfId, row: r, col: Math.max(0, dims.width - 1) },
      })[0];
      if (line.some((v, c) => v !== null || this.hf.doesCellHaveFormula({ sheet: hfId, row: r, col: c })))
        return Math.min(r + 1, model.maxRows);
    }
    return 0;
  }

  lastRowCol(model: SheetModel): { row: number; col: number } {
    return this.reading(model, () => this.lastRowColNow(model));
  }

  private lastRowColNow(model: SheetModel): { row: number; col: number } {
    this.imports.settle();
    const hfId = this.hfId(model);
    const dims = this.hf.getSheetDimensions(hfId);
    if (dims.height === 0) return { row: 0, col: 0 };
    const values = this.hf.getRangeValues({
      start: { sheet: hfId, row: 0, col: 0 },
      end: { sheet: hfId, row: dims.height - 1, col: dims.width - 1 },
    });
    let lastRow = 0;
    let lastCol = 0;
    values.forEach((line, r) =>
      line.forEach((v, c) => {
        if (v !== null || this.hf.doesCellHaveFormula({ sheet: hfId, row: r, col: c })) {
          if (r + 1 > lastRow) lastRow = r + 1;
          if (c + 1 > lastCol) lastCol = c + 1;
        }
      }),
    );
    return { row: Math.min(lastRow, model.maxRows), col: Math.min(lastCol, model.maxColumns) };
  }

  // ---- structure ----------------------------------------------------------------------------

  insertRows(model: SheetModel, before: number, count: number): void {
    invalidateCriteriaIndexes();
    // In steps: HyperFormula (like splice(at, 0, ...rows)) spreads the new rows as arguments, which
    // overflows the stack at about 100,000.
    const hfId = this.hfId(model);
    this.batch(() => {
      for (let added = 0; added < count; added += 10_000)
        this.hf.addRows(hfId, [before - 1, Math.min(10_000, count - added)]);
    });
    if (before < model.meta.length)
      model.meta = [...model.meta.slice(0, before), ...new Array<CellMeta[]>(count), ...model.meta.slice(before)];
    model.maxRows += count;
    this.shiftAll(model, "row", before, count);
  }

  deleteRows(model: SheetModel, start: number, count: number): void {
    invalidateCriteriaIndexes();
    this.suspend();
    this.hf.removeRows(this.hfId(model), [start - 1, count]);
    model.meta.splice(start, count);
    model.maxRows -= count;
    this.shiftAll(model, "row", start, -count);
  }

  insertColumns(model: SheetModel, before: number, count: number): void {
    invalidateCriteriaIndexes();
    this.suspend();
    this.hf.addColumns(this.hfId(model), [before - 1, count]);
    for (const line of model.meta)
      if (line) line.splice(before, 0, ...new Array<CellMeta>(count).fill(undefined as unknown as CellMeta));
    model.maxColumns += count;
    this.shiftAll(model, "col", before, count);
  }

  deleteColumns(model: SheetModel, start: number, count: number): void {
    invalidateCriteriaIndexes();
    this.suspend();
    this.hf.removeColumns(this.hfId(model), [start - 1, count]);
    for (const line of model.meta) if (line) line.splice(start, count);
    model.maxColumns -= count;
    this.shiftAll(model, "col", start, -count);
  }

  private shiftAll(model: SheetModel, axis: "row" | "col", at: number, count: number): void {
    const move = (r: Rect) => shiftRect(r, axis, at, count);
    this.namedRanges = this.namedRanges.flatMap((n) => {
      if (n.sheetId !== model.id) return [n];
      const r = move(n.rect);
      return r ? [{ ...n, rect: r }] : [];
    });
    model.protections = model.protections.flatMap((p) => {
      if (!p.rect) return [{ ...p, unprotected: p.unprotected.flatMap((u) => move(u) ?? []) }];
      const r = move(p.rect);
      return r ? [{ ...p, rect: r }] : [];
    });
    model.conditionalRules = model.conditionalRules.flatMap((rule) => {
      const ranges = rule.ranges.flatMap((r) => move(r) ?? []);
      return ranges.length ? [{ ...rule, ranges }] : [];
    });
    // A chart's data ranges follow rows and columns of their sheet, on whichever sheet the chart is.
    for (const sheet of this.sheets)
      for (const chart of sheet.charts)
        chart.ranges = chart.ranges.flatMap((r) => {
          if (r.sheetId !== model.id) return [r];
          const moved = move(r.rect);
          return moved ? [{ ...r, rect: moved }] : [];
        });
    this.customSizes.clear();
    this.refreshOpenFormulas();
  }

  /** Open ranges (B2:B, A:A) are bounded by sheet size in the engine: re-bound them after resizes. */
  refreshOpenFormulas(): void {
    invalidateCriteriaIndexes();
    const updates: { addr: SimpleCellAddress; text: string }[] = [];
    for (const model of this.sheets) {
      const hfId = this.hfId(model);
      model.meta.forEach((line, row) =>
        line?.forEach((meta, col) => {
          if (!meta?.openKinds) return;
          const original = this.writtenFormula(model, row, col);
          if (!original) return;
          const t = toEngine(original, model.name, (name) => {
            const s = this.sheetByName(name);
            return s && { rows: s.maxRows, cols: s.maxColumns };
          });
          meta.openKinds = t.kinds;
          updates.push({ addr: { sheet: hfId, row: row - 1, col: col - 1 }, text: t.text });
        }),
      );
    }
    if (updates.length === 0) return;
    this.batch(() => {
      for (const u of updates) if (this.hf.getCellFormula(u.addr) !== u.text) this.hf.setCellContents(u.addr, u.text);
    });
  }

  // ---- custom functions ---------------------------------------------------------------------

  /** Makes `=NAME(...)` call `fn` (the harness passes the bundle's @customfunction functions). */
  setCustomFunctions(fns: Record<string, CustomFunction>): void {
    invalidateCriteriaIndexes();
    for (const [name, fn] of Object.entries(fns)) this.customFunctions.set(name.toUpperCase(), fn);
    registerCustomFunctionNames(Object.keys(fns));
    // The engine copies the function registry when built: rebuild only if it lacks a name.
    if (Object.keys(fns).some((n) => !this.engineFunctions.has(n.toUpperCase()))) return this.rebuildEngine();
    for (const k of this.awaitingFunctions) this.pendingReparse.add(k);
    this.awaitingFunctions.clear();
    this.afterChange([]);
  }

  /**
   * A new engine with the same contents. Not HyperFormula's rebuildAndRecalculate: that one
   * re-reads spilled array results as plain values, which then block their own spill.
   */
  private rebuildEngine(): void {
    this.buildEngine(this.serializedSheets());
  }

  /** Every sheet's contents as typed (spilled array results left out: their formulas spill again). */
  private serializedSheets(): Record<string, RawCellContent[][]> {
    const old = this.hf;
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const model of this.sheets) {
      const hfId = this.hfId(model);
      sheets[model.name] = old.getSheetSerialized(hfId).map((line, row) =>
        line.map((content, col) => {
          const addr = { sheet: hfId, row, col };
          return content !== null && !old.doesCellHaveFormula(addr) && old.isCellPartOfArray(addr)
            ? null
            : (content as RawCellContent);
        }),
      );
    }
    return sheets;
  }

  /**
   * The same as write(), in one engine rebuild: linear in the workbook's cells where the engine's
   * change tracking for a 100,000-row write is not. For building large fixtures and benchmarks;
   * formulas recalculate once, at the end. The rows must exist (insertRows first).
   */
  fill(model: SheetModel, row: number, col: number, inputs: CellInput[][]): void {
    const sheets = this.serializedSheets();
    const target = sheets[model.name];
    inputs.forEach((line, i) => {
      const cells = (target[row - 1 + i] ??= []);
      line.forEach((v, j) => (cells[col - 1 + j] = this.toRaw(model, row + i, col + j, v, true)));
    });
    const width = target.reduce((w, line) => Math.max(w, line?.length ?? 0), 0);
    for (let i = 0; i < target.length; i++) target[i] = Array.from({ length: width }, (_, j) => target[i]?.[j] ?? null);
    this.buildEngine(sheets);
  }

  /**
   * Replaces the engine by one holding `sheets` (by name, in the workbook's order), built in one
   * go: HyperFormula's fastest way in (no change list, no undo data, one evaluation).
   */
  private buildEngine(sheets: Record<string, RawCellContent[][]>): void {
    const old = this.hf;
    const named = old.getAllNamedExpressionsSerialized();
    const config = old.getConfig();
    old.destroy();
    // Whatever the old engine had pending, the new one evaluates from scratch.
    this.suspended = false;
    this.customSizes.clear();
    this.customDates.clear();
    this.spillBlocked.clear();
    this.pendingReparse.clear();
    this.awaitingFunctions.clear();
    invalidateCriteriaIndexes();
    // The new engine's config is a new object: while it builds, custom functions find this workbook here.
    building.host = this;
    try {
      this.hf = HyperFormula.buildFromSheets(sheets, config, named);
    } finally {
      building.host = undefined;
    }
    this.engineFunctions = new Set(HyperFormula.getRegisteredFunctionNames("enGB"));
    this.attachHost();
    // Custom functions evaluated during the build may have changed size: settle them now.
    this.afterChange([]);
  }

  customSize(at: SimpleCellAddress): { rows: number; cols: number } {
    return this.customSizes.get(key(at)) ?? { rows: 1, cols: 1 };
  }

  callCustom(name: string, args: unknown[], at: SimpleCellAddress): unknown {
    const imported = name.toUpperCase() === IMPORTRANGE;
    const fn = this.customFunctions.get(name.toUpperCase());
    const builtin = SHEETS_FUNCTIONS[name.toUpperCase()];
    if (!fn && !builtin && !imported) {
      this.awaitingFunctions.add(key(at));
      return new CellError(ErrorType.NAME, `Unknown function: '${name}'.`);
    }
    let result: unknown;
    try {
      const scriptArgs = args.map((a) => this.toScriptArg(a));
      if (imported) result = this.imports.evaluate(scriptArgs, key(at));
      else result = fn ? this.customFunctionRunner(name, fn, scriptArgs) : builtin(...scriptArgs);
    } catch (e) {
      return new CellError(e instanceof SheetsFunctionError ? e.type : ErrorType.ERROR, errorMessageOf(e));
    }
    const grid = result instanceof CellError ? [[result]] : toGrid(result);
    const k = key(at);
    const rows = grid.length;
    const cols = Math.max(1, ...grid.map((l) => l.length));
    const predicted = this.customSize(at);
    if (predicted.rows !== rows || predicted.cols !== cols) {
      this.customSizes.set(k, { rows, cols });
      this.pendingReparse.add(k);
    }
    grid.forEach((line, r) =>
      line.forEach((v, c) => {
        const cellKey = key({ sheet: at.sheet, row: at.row + r, col: at.col + c });
        if (isDate(v)) this.customDates.add(cellKey);
        else this.customDates.delete(cellKey);
      }),
    );
    const cell = (v: unknown): unknown => {
      if (v instanceof CellError) return v;
      if (v === null || v === undefined || v === "") return v === "" ? "" : EmptyValue;
      if (isDate(v)) return dateToSerial(v, this.timeZone);
      if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
      return String(v);
    };
    if (predicted.rows === 1 && predicted.cols === 1) return cell(grid[0]?.[0]);
    const fitted: unknown[][] = [];
    for (let r = 0; r < predicted.rows; r++) {
      const line: unknown[] = [];
      for (let c = 0; c < predicted.cols; c++) line.push(cell(grid[r]?.[c]));
      fitted.push(line);
    }
    return SimpleRangeValue.onlyValues(fitted as never);
  }

  /** Apps Script passes a cell's value, or a 2-D array for a range; blanks are "", dates are Dates. */
  private toScriptArg(a: unknown): unknown {
    const scalar = (v: unknown, addr?: SimpleCellAddress): unknown => {
      if (v === EmptyValue || v === null || v === undefined) return "";
      if (v instanceof CellError) return `#${v.type}`;
      if (typeof v === "object" && v !== null && "val" in v) {
        const n = (v as { val: number }).val;
        const detailed = (v as { getDetailedType?: () => string }).getDetailedType?.();
        if (detailed === "NUMBER_DATE" || detailed === "NUMBER_DATETIME") return serialToDate(n, this.timeZone);
        return this.dateAt(addr, n);
      }
      if (typeof v === "number") return this.dateAt(addr, v);
      return v;
    };
    if (a instanceof CellArg) return scalar(a.value, a.address);
    if (a instanceof SimpleRangeValue) {
      const range = (a as unknown as { range?: { start: SimpleCellAddress; height(): number; width(): number } }).range;
      if (range) {
        const h = range.height();
        const w = range.width();
        const out: unknown[][] = [];
        for (let r = 0; r < h; r++) {
          const line: unknown[] = [];
          for (let c = 0; c < w; c++) {
            const addr = { sheet: range.start.sheet, row: range.start.row + r, col: range.start.col + c };
            const cellValue = this.hf.getCellValue(addr);
            line.push(cellValue instanceof DetailedCellError ? errorText(cellValue) : scalar(a.data[r]?.[c], addr));
          }
          out.push(line);
        }
        return out;
      }
      return a.data.map((line) => line.map((v) => scalar(v)));
    }
    return scalar(a);
  }

  private dateAt(addr: SimpleCellAddress | undefined, n: number): unknown {
    if (!addr) return n;
    const model = this.modelOfHfId(addr.sheet);
    if (model && this.isDateCell(model, addr.sheet, addr.row + 1, addr.col + 1)) return serialToDate(n, this.timeZone);
    return n;
  }
}

/** Dates may come from another realm (the harness's vm context), so no instanceof. */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === "[object Date]";
}

/** A thrown value's message, whatever realm the Error came from. */
export function errorMessageOf(e: unknown): string {
  if (e && typeof e === "object" && "message" in e) return String((e as { message: unknown }).message);
  return String(e);
}

function key(a: SimpleCellAddress): string {
  return `${a.sheet}:${a.row}:${a.col}`;
}

function toGrid(result: unknown): unknown[][] {
  if (Array.isArray(result)) {
    if (result.length === 0) return [[""]];
    // A 1-D array fills a column, one element per row.
    return result.map((line) => (Array.isArray(line) ? line : [line]));
  }
  return [[result]];
}

function dateHasTime(d: Date, tz: string): boolean {
  return dateToSerial(d, tz) % 1 !== 0;
}

function spillMessage(): string {
  return "Array result was not expanded because it would overwrite data.";
}

/** getValues returns an error cell as its code; a blocked spill is #REF! in Sheets. */
function errorText(e: DetailedCellError): string {
  if (e.type === ErrorType.SPILL) return "#REF!";
  if (e.type === ErrorType.CYCLE) return "#REF!";
  if (e.type === ErrorType.LIC) return "#ERROR!";
  return e.value;
}
