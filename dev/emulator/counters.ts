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
]);

export type CounterKind = "roundTrip" | "lookup" | "service";

export interface CounterSummary {
  roundTrips: number;
  lookups: number;
  services: number;
  byMethod: Record<string, number>;
}

export class Counters {
  private counts = new Map<string, number>();

  hit(method: string): void {
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
  }

  get(method: string): number {
    return this.counts.get(method) ?? 0;
  }

  reset(): void {
    this.counts.clear();
  }

  static kind(method: string): CounterKind {
    const cls = method.split(".")[0];
    if (LOOKUPS.has(method)) return "lookup";
    if (["Spreadsheet", "Sheet", "Range", "SpreadsheetApp", "Protection", "Ui"].includes(cls)) return "roundTrip";
    return "service";
  }

  summary(): CounterSummary {
    const s: CounterSummary = { roundTrips: 0, lookups: 0, services: 0, byMethod: {} };
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
