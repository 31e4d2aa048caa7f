/**
 * Everything Apps Script calls by name. The build bundles this module as the global `OkrTracker`
 * and writes one top-level function per entry below it, because Apps Script only sees top-level
 * function declarations (menu items, triggers, google.script.run targets, custom functions).
 */
export { customFunctions } from "./functions/public-functions";
export { menuActions } from "./server/menu";
export { sidebarApi } from "./server/sidebar-api";
import { onEdit, onInstall, onOpen } from "./server/menu";
import { numberStyleOf, useNumberStyle, EN_US } from "./core/cell-values";

// Numbers typed as text ("1,5") read in the spreadsheet's locale, in every execution: sidebar
// calls, typed values, custom functions. Asked lazily: evaluating Code.js makes no service call.
useNumberStyle(() => {
  try {
    return numberStyleOf(SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale());
  } catch {
    return EN_US; // no spreadsheet at hand
  }
});

export const triggers = { onOpen, onInstall, onEdit };
