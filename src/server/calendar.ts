import { SheetCalendar } from "../core/calendar";

/** The active spreadsheet's calendar (src/core/calendar.ts), its zone read once. */
export function sheetCalendar(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet, now = new Date()): SheetCalendar {
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return new SheetCalendar((at) => Utilities.formatDate(at, zone, "Z"), now);
}
