/**
 * A tracker sheet read in one call and addressed by header text, plus batched writes that touch
 * only the cells they mean to (never a formula column's spilled cells).
 */
import { describeValue, isDate, MAX_QUOTED, parseDate } from "../core/cell-values";
import { cellText, textForCell } from "../core/text-cells";
import type { SheetCalendar } from "../core/calendar";
import { columnLetter } from "../core/formulas";
import { sheetCalendar } from "./calendar";
import type { SheetKey, SheetSpec } from "../core/layout";
import { isComputed, TRACKER_SHEETS } from "../core/layout";
import { NOT_SET_UP, UserError } from "./errors";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function normaliseHeader(text: unknown): string {
  return cellText(text).toLowerCase().replace(/\s+/g, " ");
}

export class Table {
  private readonly columns = new Map<string, number>();
  private readonly asked = new Map<string, number>();

  constructor(
    readonly sheet: Sheet,
    readonly spec: SheetSpec,
    /** Every row of the sheet's data range, header first. */
    readonly values: unknown[][],
    /** Reads date cells as the days Sheets shows (see calendar.ts). */
    private readonly calendar?: SheetCalendar,
  ) {
    const header = values[0] ?? [];
    header.forEach((text, index) => {
      const key = normaliseHeader(text);
      if (key && !this.columns.has(key)) this.columns.set(key, index);
    });
  }

  /** 0-based column of a header, or -1. Remembered by the name asked for: rows read it once per cell. */
  col(header: string): number {
    let index = this.asked.get(header);
    if (index === undefined) {
      index = this.columns.get(normaliseHeader(header)) ?? -1;
      this.asked.set(header, index);
    }
    return index;
  }

  /** Throws a clear, fixable message when columns the action needs are missing or renamed. */
  require(headers: readonly string[]): void {
    const missing = headers.filter((h) => this.col(h) < 0);
    if (!missing.length) return;
    const names = missing.map((h) => "'" + h + "'").join(", ");
    throw new UserError(
      "missing-column",
      "The " +
        this.spec.name +
        " sheet has no " +
        names +
        " column" +
        (missing.length > 1 ? "s" : "") +
        ". If you renamed it, rename it back; otherwise choose Extensions → OKR Tracker → Repair tracker, which adds it without touching your data.",
    );
  }

  cell(row: number, header: string): unknown {
    const col = this.col(header);
    return col < 0 ? "" : (this.values[row]?.[col] ?? "");
  }

  text(row: number, header: string): string {
    return cellText(this.cell(row, header));
  }

  /**
   * The row of the record with this ID, or a refusal naming what is missing and where, attached to
   * the request field it came from. `what` reads like "objective" or "key result".
   */
  rowOf(id: string, what: string, field: string, extra = ""): number {
    const row = this.findRow("ID", id);
    if (row < 0)
      throw new UserError(
        "unknown-id",
        "There is no " +
          what +
          " " +
          (id.length > MAX_QUOTED ? describeValue(id) : id) +
          " in the " +
          this.spec.name +
          " sheet." +
          extra,
        field,
      );
    return row;
  }

  /** A date-only cell's day, whether it holds a date, a serial number or yyyy-mm-dd text; null if none. */
  day(row: number, header: string): Date | null {
    const value = this.cell(row, header);
    if (isDate(value) && this.calendar) return this.calendar.dayOf(value);
    const parsed = parseDate(value);
    return parsed.ok ? parsed.value : null;
  }

  /** Index (0-based, header = 0) of the row whose first-key column holds `id`, or -1. */
  findRow(header: string, id: string): number {
    const col = this.col(header);
    for (let r = 1; r < this.values.length; r++) if (cellText(this.values[r][col]) === id) return r;
    return -1;
  }

  /** Data rows (index ≥ 1) that have a value in `header`'s column. */
  rowsWith(header: string): number[] {
    const col = this.col(header);
    const rows: number[] = [];
    for (let r = 1; r < this.values.length; r++) if (cellText(this.values[r][col]) !== "") rows.push(r);
    return rows;
  }
}

export interface Tracker {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** Each sheet's header as last read, from the document's properties (rows.ts), loaded once per execution. */
  layouts?: Layouts;
  /** The spreadsheet's calendar, for today and for date-only cells. */
  calendar: SheetCalendar;
  sheet(key: SheetKey): Sheet;
  has(key: SheetKey): boolean;
}

/** The tracker's sheets, found with one getSheets() call. */
export function openTracker(now = new Date()): Tracker {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const byName = new Map(spreadsheet.getSheets().map((s) => [s.getName(), s]));
  const find = (key: SheetKey) => byName.get((TRACKER_SHEETS.find((s) => s.key === key) as SheetSpec).name);
  let calendar: SheetCalendar | undefined;
  return {
    spreadsheet,
    get calendar() {
      calendar ??= sheetCalendar(spreadsheet, now);
      return calendar;
    },
    has: (key) => Boolean(find(key)),
    sheet: (key) => {
      const sheet = find(key);
      if (!sheet) throw new UserError("not-set-up", NOT_SET_UP);
      return sheet;
    },
  };
}

export function readTable(tracker: Tracker, spec: SheetSpec): Table {
  const sheet = tracker.sheet(spec.key);
  const values = sheet.getDataRange().getValues();
  rememberHeader(tracker, spec, values[0] ?? []);
  return new Table(sheet, spec, values, tracker.calendar);
}

const LAYOUT = "okr.layout";

type Layouts = Partial<Record<SheetKey, string[]>>;

export function loadLayouts(tracker: Tracker): Layouts {
  if (!tracker.layouts) {
    try {
      tracker.layouts = JSON.parse(PropertiesService.getDocumentProperties().getProperty(LAYOUT) ?? "{}") as Layouts;
    } catch {
      tracker.layouts = {};
    }
  }
  return tracker.layouts as Layouts;
}

/** A header typed over (onEdit of row 1): every sheet's header is read afresh next time. */
export function forgetLayouts(): void {
  PropertiesService.getDocumentProperties().deleteProperty(LAYOUT);
}

/** Remembers a sheet's header as read, writing the property only when it changed. */
export function rememberHeader(tracker: Tracker, spec: SheetSpec, header: readonly unknown[]): void {
  const layouts = loadLayouts(tracker);
  const names = header.map((cell) => cellText(cell));
  while (names.length && names[names.length - 1] === "") names.pop(); // a whole-row read's blank tail
  if (JSON.stringify(layouts[spec.key]) === JSON.stringify(names)) return;
  layouts[spec.key] = names;
  PropertiesService.getDocumentProperties().setProperty(LAYOUT, JSON.stringify(layouts));
}

/** Runs of consecutive 0-based columns, so a write covers only the columns it means to. */
export function contiguousRuns(columns: readonly number[]): number[][] {
  const sorted = [...new Set(columns)].sort((a, b) => a - b);
  const runs: number[][] = [];
  for (const col of sorted) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === col - 1) last.push(col);
    else runs.push([col]);
  }
  return runs;
}

/**
 * Writes rows of {header: value} starting at a 1-based sheet row: one setValues per run of
 * adjacent columns (one call in the standard layout), other columns untouched.
 */
export function writeRows(table: Table, firstRow: number, rows: readonly Record<string, unknown>[]): void {
  if (!rows.length) return;
  const headers = Object.keys(rows[0]);
  table.require(headers);
  const lastRow = firstRow + rows.length - 1;
  if (lastRow > table.values.length) ensureRows(table.sheet, lastRow); // rows inside the data range exist
  writeRuns(table, firstRow, rows);
}

function writeRuns(table: Table, firstRow: number, rows: readonly Record<string, unknown>[]): void {
  const byColumn = new Map(Object.keys(rows[0]).map((h) => [table.col(h), h]));
  for (const run of contiguousRuns([...byColumn.keys()])) {
    const block = rows.map((row) => run.map((col) => row[byColumn.get(col) as string]));
    table.sheet.getRange(firstRow, run[0] + 1, rows.length, run.length).setValues(block);
  }
}

/**
 * New rows with the sheet's own input columns they leave out, between the ones they give, written
 * blank: the row stays one write (a computed column's cells belong to its formula and are skipped).
 */
function withBlankGaps(table: Table, rows: readonly Record<string, unknown>[]): readonly Record<string, unknown>[] {
  if (!rows.length) return rows;
  const last = Math.max(...Object.keys(rows[0]).map((header) => table.col(header)));
  const blanks: Record<string, unknown> = {};
  for (const column of table.spec.columns) {
    const col = table.col(column.header);
    if (col >= 0 && col < last && !isComputed(column) && !(column.header in rows[0])) blanks[column.header] = "";
  }
  return Object.keys(blanks).length ? rows.map((row) => ({ ...blanks, ...row })) : rows;
}

/**
 * Rows after everything on the sheet, for a table that holds only the header (nothing else was
 * read): one row whose columns are the sheet's first ones through Sheet.appendRow; more rows after
 * getLastRow, the sheet growing only when the write finds it full. Answers the first row written.
 */
export function appendBelow(table: Table, given: readonly Record<string, unknown>[]): number {
  table.require(Object.keys(given[0]));
  const rows = withBlankGaps(table, given);
  const columns = Object.keys(rows[0]).map((h) => table.col(h));
  if (rows.length === 1 && Math.max(...columns) === columns.length - 1) {
    const line: unknown[] = new Array(columns.length);
    for (const [header, value] of Object.entries(rows[0])) line[table.col(header)] = value;
    table.sheet.appendRow(line);
    return -1;
  }
  const firstRow = table.sheet.getLastRow() + 1;
  try {
    writeRuns(table, firstRow, rows);
  } catch (error) {
    // Sheets refuses a range past the sheet's last row before writing anything: grow, then write.
    if (!/outside the dimensions/i.test(String((error as Error).message))) throw error;
    ensureRows(table.sheet, firstRow + rows.length - 1);
    writeRuns(table, firstRow, rows);
  }
  return firstRow;
}

/**
 * Adds rows after everything on the sheet (never over a row someone typed below the last ID).
 * One row whose columns are the sheet's first ones goes through Sheet.appendRow: one call, and
 * Sheets grows the sheet as needed.
 */
export function appendRows(table: Table, given: readonly Record<string, unknown>[]): number {
  const rows = withBlankGaps(table, given);
  const firstRow = table.values.length + 1;
  const columns = rows.length ? Object.keys(rows[0]).map((h) => table.col(h)) : [];
  const leading = columns.every((c) => c >= 0) && Math.max(...columns) === columns.length - 1;
  if (rows.length !== 1 || !leading) {
    writeRows(table, firstRow, rows);
    return firstRow;
  }
  const line: unknown[] = new Array(columns.length);
  for (const [header, value] of Object.entries(rows[0])) line[table.col(header)] = value;
  table.sheet.appendRow(line);
  return firstRow;
}

/** Gives each row its number format in the named columns: one call per run of adjacent columns. */
export function setNumberFormats(
  table: Table,
  firstRow: number,
  headers: readonly string[],
  formats: readonly string[],
): void {
  for (const run of contiguousRuns(headers.map((h) => table.col(h))))
    table.sheet
      .getRange(firstRow, run[0] + 1, formats.length, run.length)
      .setNumberFormats(formats.map((f) => run.map(() => f)));
}

/**
 * Gives rows number formats in the named columns, one call per format: a RangeList of each column's
 * runs of adjacent rows that share it. Where `formatOf` gives null, a cell keeps its format.
 */
export function formatRows(
  table: Table,
  firstRow: number,
  rows: number,
  headers: readonly string[],
  formatOf: (row: number, header: string) => string | null,
): void {
  const ranges = new Map<string, string[]>();
  for (const header of headers) {
    const col = table.col(header);
    if (col < 0) continue;
    const letter = columnLetter(col + 1);
    for (let i = 0, j = 0; i < rows; i = j) {
      const format = formatOf(i, header);
      while (j < rows && formatOf(j, header) === format) j++;
      if (format === null) continue;
      const list = ranges.get(format) ?? [];
      list.push(letter + (firstRow + i) + ":" + letter + (firstRow + j - 1));
      ranges.set(format, list);
    }
  }
  for (const [format, list] of ranges) table.sheet.getRangeList(list).setNumberFormat(format);
}

/** Grows the sheet when a write would pass its last row (Sheets rejects ranges beyond it). */
export function ensureRows(sheet: Sheet, lastRow: number): void {
  const max = sheet.getMaxRows();
  if (lastRow > max) sheet.insertRowsAfter(max, Math.max(lastRow - max, 500));
}

/**
 * Sets some columns of scattered rows (0-based row → {header: value}) with one setValues per run of
 * adjacent columns, whatever the number of rows: the block spans the first to the last row changed,
 * and rows in between get back the values they hold (text kept as text).
 */
export function updateRows(
  table: Table,
  changes: ReadonlyMap<number, Record<string, unknown>>,
  headers: string[],
): void {
  if (!changes.size) return;
  const rows = [...changes.keys()];
  const first = Math.min(...rows);
  const last = Math.max(...rows);
  const block: Record<string, unknown>[] = [];
  for (let row = first; row <= last; row++) {
    const change = changes.get(row);
    const cells: Record<string, unknown> = {};
    for (const header of headers)
      cells[header] = change && header in change ? change[header] : kept(table.cell(row, header));
    block.push(cells);
  }
  writeRows(table, first + 1, block);
}

/** A value read from a cell, as it must be written back to stay what it was. */
function kept(value: unknown): unknown {
  return typeof value === "string" ? textForCell(value) : value;
}
