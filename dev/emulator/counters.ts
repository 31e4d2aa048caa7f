/**
 * Counts every service call by "Class.method". Data round trips (reads/writes of cell contents,
 * formats, notes, validations, structure) are what cost time in real Apps Script; object lookups
 * (getSheetByName, getRange, getRow, ...) are cheap, so the summary keeps them apart.
 */

const LOOKUPS = new Set([
  "SpreadsheetApp.getActiveSpreadsheet",
  "SpreadsheetApp.getActive",
  "SpreadsheetApp.getUi",
  "SpreadsheetApp.newDataValidation",
  "SpreadsheetApp.newConditionalFormatRule",
  "Spreadsheet.getSheetByName",
  "Spreadsheet.getSheets",
  "Spreadsheet.getActiveSheet",
  "Spreadsheet.getId",
  "Spreadsheet.getName",
  "Spreadsheet.getRange",
  "Spreadsheet.getRangeByName",
  "Spreadsheet.getSpreadsheetTimeZone",
  "Sheet.getRange",
  "Sheet.getRangeList",
  "RangeList.getRanges",
  "Sheet.getName",
  "Sheet.getSheetId",
  "Sheet.getIndex",
  "Sheet.getParent",
  "Range.getRow",
  "Range.getColumn",
  "Range.getNumRows",
  "Range.getNumColumns",
  "Range.getLastRow",
  "Range.getLastColumn",
  "Range.getA1Notation",
  "Range.getSheet",
  "Range.offset",
  // A TextFinder's options are set locally; its searches (findNext, findAll) are the round trips.
  "Range.createTextFinder",
  "TextFinder.matchEntireCell",
  "TextFinder.matchCase",
]);

export type CounterKind = "roundTrip" | "lookup" | "service";

export interface CounterSummary {
  roundTrips: number;
  /** Cells read (getValues, getDisplayValues, getFormulas) and written (setValues, appendRow). */
  cellsRead: number;
  cellsWritten: number;
  lookups: number;
  services: number;
  byMethod: Record<string, number>;
}

export class Counters {
  private counts = new Map<string, number>();
  private read = 0;
  private written = 0;

  /** Counts the cells a call moved, so benchmarks show what a call carries, not only how many. */
  cells(kind: "read" | "written", count: number): void {
    if (kind === "read") this.read += count;
    else this.written += count;
  }

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  reset(): void {
    this.counts.clear();
    this.read = 0;
    this.written = 0;
  }

  static kind(method: string): CounterKind {
    const cls = method.split(".")[0];
    if (LOOKUPS.has(method)) return "lookup";
    if (
      ["Spreadsheet", "Sheet", "Range", "RangeList", "SpreadsheetApp", "Protection", "Ui", "TextFinder"].includes(cls)
    )
      return "roundTrip";
    return "service";
  }

  summary(): CounterSummary {
    const s: CounterSummary = {
      roundTrips: 0,
      cellsRead: this.read,
      cellsWritten: this.written,
      lookups: 0,
      services: 0,
      byMethod: {},
    };
    for (const [m, n] of [...this.counts].sort((a, b) => a[0].localeCompare(b[0]))) {
      s.byMethod[m] = n;
      const k = Counters.kind(m);
      if (k === "roundTrip") s.roundTrips += n;
      else if (k === "lookup") s.lookups += n;
      else s.services += n;
    }
    return s;
  }
}
