/**
 * A team tracker's Summary sheet: its active objectives (ID, title, team, cycle, progress, status,
 * score, parent), kept by FILTER formulas, behind the named ranges a company tracker imports
 * (src/core/company.ts). Written by Set up and Repair; nothing else writes there.
 */
import {
  SUMMARY_COLUMNS,
  SUMMARY_COUNT,
  SUMMARY_COUNT_RANGE,
  SUMMARY_RANGE,
  SUMMARY_ROWS,
  SUMMARY_SHEET,
  summaryCountFormula,
  summaryFormulas,
} from "../core/company";
import { OBJECTIVES } from "../core/layout";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const NOTE =
  "Computed from the Objectives sheet for a company tracker, which imports it (IMPORTRANGE). Don't type here: Repair tracker rewrites it.";

/**
 * Creates or repairs the Summary sheet; `column` finds an Objectives column by header (0: missing).
 * True when it was created.
 */
export function setUpSummary(spreadsheet: Spreadsheet, column: (header: string) => number): boolean {
  const found = spreadsheet.getSheetByName(SUMMARY_SHEET);
  const sheet = found ?? newSummarySheet(spreadsheet);
  const width = SUMMARY_COUNT.column;
  const wanted = [
    [...SUMMARY_COLUMNS.map((c) => c.header), "", SUMMARY_COUNT.header],
    [...summaryFormulas(OBJECTIVES.name, column), "", summaryCountFormula()],
  ];
  const top = sheet.getRange(1, 1, 2, width);
  const formulas = top.getFormulas();
  const values = top.getValues();
  const current = [values[0].map(String), formulas[1]];
  if (JSON.stringify(current) !== JSON.stringify(wanted)) {
    top.setValues(wanted);
    sheet.getRange(1, 1, 1, width).setFontWeight("bold").setNote(NOTE);
  }
  if (!spreadsheet.getRangeByName(SUMMARY_RANGE))
    spreadsheet.setNamedRange(SUMMARY_RANGE, sheet.getRange(2, 1, SUMMARY_ROWS, SUMMARY_COLUMNS.length));
  if (!spreadsheet.getRangeByName(SUMMARY_COUNT_RANGE))
    spreadsheet.setNamedRange(SUMMARY_COUNT_RANGE, sheet.getRange(2, width));
  return !found;
}

function newSummarySheet(spreadsheet: Spreadsheet): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = spreadsheet.insertSheet(SUMMARY_SHEET, spreadsheet.getSheets().length);
  sheet.setTabColor("#5f6368");
  sheet.setFrozenRows(1);
  SUMMARY_COLUMNS.forEach((c, i) => {
    if ("format" in c) sheet.getRange(2, i + 1, SUMMARY_ROWS, 1).setNumberFormat(c.format);
  });
  return sheet;
}
