import { SheetCalendar } from "../core/calendar";
import { SCRIPT_DAYS, type Days } from "./okr-functions";

/**
 * Days as the spreadsheet counts them. Custom functions may read the spreadsheet, so "today" and
 * date cells follow its time zone, like TODAY() in the same sheet; without one, the script's days.
 */
export function spreadsheetDays(): Days {
  if (typeof SpreadsheetApp === "undefined") return SCRIPT_DAYS;
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  if (!spreadsheet) return SCRIPT_DAYS;
  const zone = spreadsheet.getSpreadsheetTimeZone();
  return new SheetCalendar((at) => Utilities.formatDate(at, zone, "Z"));
}
