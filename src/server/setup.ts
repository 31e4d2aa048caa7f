/**
 * Set up tracker / Repair tracker: one idempotent routine. It creates missing sheets and columns,
 * (re)writes the computed columns' formulas for where columns are now, and restores formats,
 * dropdowns, colours and protections. It never changes a value a person entered.
 */
import { columnFormula, columnLetter, type ColumnPositions, hasFormula } from "../core/formulas";
import {
  isComputed,
  sheetSpec,
  TRACKER_SHEETS,
  type ColumnSpec,
  type SheetKey,
  type SheetSpec,
  type Validation,
} from "../core/layout";
import { quarterOf } from "../core/quarters";
import { GRADE_FROM, type Grade } from "../core/rulebook/rules";
import type { SheetCalendar } from "../core/calendar";
import { validationHelp } from "../core/validation-help";
import { DASHBOARD_NAME } from "../core/dashboard";
import { sheetCalendar } from "./calendar";
import { buildDashboard } from "./dashboard";
import { withDocumentLock } from "./lock";
import { openHistory } from "./history";
import { contiguousRuns, forgetLayouts, normaliseHeader, openTracker } from "./tables";
import { SUMMARY_SHEET } from "../core/company";
import { setUpSummary } from "./summary";
import { recountTrends } from "./trend";
import { reformatPercentages } from "./okrs";
import { statusColourRules } from "./status-colours";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = "#f1f3f4";
const COMPUTED_BACKGROUND = "#e8f0fe";
const SPARE_COLUMNS = 5;
/** A new History sheet's rows: a header and 100 records before appends grow it. */
const HISTORY_ROWS = 101;
const PROTECTION_DESCRIPTION = "OKR Tracker: computed column. Typing here stops the column's formula.";

export interface SetupReport {
  createdSheets: string[];
  addedColumns: string[];
  restoredFormulas: string[];
  blockedColumns: string[];
  addedCycles: string[];
  /** Hand edits to History the full audit found for the first time ("" when none). */
  historyProblems: string;
}

/** A header cell's name: its text, or for a computed column the name inside its formula (even when the formula shows an error). */
function headerName(value: unknown, formula: string): string {
  const match = /^=ARRAYFORMULA\(IF\(ROW\([^)]*\)=1,"([^"]+)"/i.exec(formula);
  return normaliseHeader(match ? match[1] : value);
}

interface SheetState {
  spec: SheetSpec;
  sheet: Sheet;
  names: string[];
  formulas: string[];
  values: unknown[];
  /** The header row's notes and backgrounds as found: columns people added keep theirs. */
  notes: string[];
  backgrounds: string[];
  /** Columns this run added: their formulas are new, not restored. */
  added: Set<string>;
}

/** Set up and Repair: one routine, under the document lock like every other write. */
export function setUpTracker(): SetupReport {
  return withDocumentLock(setUp);
}

/** Set up without taking the lock: for actions that already hold it (Set up as company tracker). */
export function setUp(): SetupReport {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const report: SetupReport = {
    createdSheets: [],
    addedColumns: [],
    restoredFormulas: [],
    blockedColumns: [],
    addedCycles: [],
    historyProblems: "",
  };
  const existing = new Map(spreadsheet.getSheets().map((s) => [s.getName(), s]));

  // Pass 1: every sheet exists and has every column (missing ones are added at the end).
  const states = new Map<SheetKey, SheetState>();
  for (const spec of TRACKER_SHEETS) {
    let sheet = existing.get(spec.name);
    if (!sheet) {
      sheet = spreadsheet.insertSheet(spec.name, spreadsheet.getSheets().length);
      report.createdSheets.push(spec.name);
      // History grows a row per record: few blank rows for a check-in's audit of its end to read,
      // and only its own columns (plus the spares every sheet gets), since each record costs a row
      // of cells against the spreadsheet's 10 million (docs/SCALE.md): 16 a record, not 26.
      if (spec.key === "history") {
        if (sheet.getMaxRows() > HISTORY_ROWS) sheet.deleteRows(HISTORY_ROWS + 1, sheet.getMaxRows() - HISTORY_ROWS);
        if (sheet.getMaxColumns() > 1) sheet.deleteColumns(2, sheet.getMaxColumns() - 1);
      }
    }
    states.set(spec.key, addMissingColumns(sheet, spec, report));
  }
  const positions: ColumnPositions = {
    sheetName: (key) => sheetSpec(key).name,
    column: (key, header) => (states.get(key) as SheetState).names.indexOf(normaliseHeader(header)) + 1,
  };

  // Pass 2: formulas, formats, dropdowns, colours, protections, for where the columns are now.
  for (const state of states.values()) {
    restoreFormulas(state, positions, report);
    styleSheet(state, positions);
  }
  addDefaultCycles(states.get("cycles") as SheetState, sheetCalendar(spreadsheet), report);
  // Columns may have moved: actions that read one row read each header afresh next time.
  forgetLayouts();
  const tracker = openTracker();
  recountTrends(tracker);
  reformatPercentages(tracker);
  // Repair audits all of History (everyday writes audit a block each); new problems get their row.
  const history = openHistory(tracker);
  history.commit([]);
  report.historyProblems = history.newProblems;
  if (buildDashboard(spreadsheet, positions)) report.createdSheets.push(DASHBOARD_NAME);
  if (setUpSummary(spreadsheet, (header) => positions.column("objectives", header)))
    report.createdSheets.push(SUMMARY_SHEET);
  return report;
}

function addMissingColumns(sheet: Sheet, spec: SheetSpec, report: SetupReport): SheetState {
  // The whole first row (its length is the sheet's width: no getLastColumn, no getMaxColumns).
  const header = sheet.getRange("1:1");
  const allValues = header.getValues()[0];
  const allFormulas = header.getFormulas()[0];
  const maxColumns = allValues.length;
  let width = maxColumns;
  while (width > 1 && allValues[width - 1] === "" && allFormulas[width - 1] === "") width--;
  const values = allValues.slice(0, width);
  const formulas = allFormulas.slice(0, width);
  const notes = header.getNotes()[0].slice(0, width);
  const backgrounds = header.getBackgrounds()[0].slice(0, width);
  const names = values.map((value, i) => headerName(value, formulas[i]));
  const missing = spec.columns.filter((column) => !names.includes(normaliseHeader(column.header)));
  const added = new Set(missing.map((column) => normaliseHeader(column.header)));
  if (missing.length) {
    let first = names.length + 1;
    if (names.every((n) => n === "")) first = 1; // a new, empty sheet
    const lastNeeded = first + missing.length - 1;
    // A few empty columns stay after ours, as on a new sheet, for columns of the person's own.
    if (lastNeeded > maxColumns) sheet.insertColumnsAfter(maxColumns, lastNeeded - maxColumns + SPARE_COLUMNS);
    // Computed columns get their header from their formula in pass 2; write the plain header for now.
    sheet.getRange(1, first, 1, missing.length).setValues([missing.map((column) => column.header)]);
    missing.forEach((column, i) => {
      names[first - 1 + i] = normaliseHeader(column.header);
      formulas[first - 1 + i] = "";
      values[first - 1 + i] = column.header;
      if (!report.createdSheets.includes(spec.name)) report.addedColumns.push(spec.name + " › " + column.header);
    });
    // Adjacent columns of one width in one call.
    const widths = missing.map((column) => column.width ?? 100);
    for (let i = 0; i < widths.length;) {
      let n = 1;
      while (i + n < widths.length && widths[i + n] === widths[i]) n++;
      sheet.setColumnWidths(first + i, n, widths[i]);
      i += n;
    }
  }
  return { spec, sheet, names, formulas, values, notes, backgrounds, added };
}

function restoreFormulas(state: SheetState, positions: ColumnPositions, report: SetupReport): void {
  const writes = new Map<number, string>();
  for (const column of state.spec.columns) {
    if (!hasFormula(state.spec.key, column.header)) continue;
    const index = positions.column(state.spec.key, column.header);
    const wanted = columnFormula(state.spec.key, column.header, positions);
    const current = state.formulas[index - 1];
    if (current === wanted) {
      if (String(state.values[index - 1]).startsWith("#"))
        report.blockedColumns.push(state.spec.name + " › " + column.header);
      continue;
    }
    writes.set(index, wanted);
    if (!state.added.has(normaliseHeader(column.header)))
      report.restoredFormulas.push(state.spec.name + " › " + column.header);
  }
  // Header cells side by side in one call.
  for (const run of contiguousRuns([...writes.keys()]))
    state.sheet.getRange(1, run[0], 1, run.length).setFormulas([run.map((index) => writes.get(index) as string)]);
}

function styleSheet(state: SheetState, positions: ColumnPositions): void {
  const { sheet, spec } = state;
  const width = state.names.length;
  sheet.setFrozenRows(1);
  sheet.setTabColor(spec.tabColor);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight("bold");
  const ours = state.names.map((name) => spec.columns.find((c) => normaliseHeader(c.header) === name));
  header.setBackgrounds([
    ours.map((column, i) =>
      !column ? (state.backgrounds[i] ?? "#ffffff") : isComputed(column) ? COMPUTED_BACKGROUND : HEADER_BACKGROUND,
    ),
  ]);
  header.setNotes([ours.map((column, i) => column?.note ?? state.notes[i] ?? "")]);

  const rows = sheet.getMaxRows() - 1;
  // Formats, dropdowns and protections by runs of adjacent columns: one call each, not one a column.
  const at = (column: ColumnSpec) => positions.column(spec.key, column.header) - 1;
  const byRuns = <T>(
    columns: ColumnSpec[],
    value: (column: ColumnSpec) => T,
    apply: (range: GoogleAppsScript.Spreadsheet.Range, line: T[]) => void,
  ) => {
    const byIndex = new Map(columns.map((column) => [at(column), value(column)]));
    for (const run of contiguousRuns([...byIndex.keys()]))
      apply(
        sheet.getRange(2, run[0] + 1, rows, run.length),
        run.map((index) => byIndex.get(index) as T),
      );
  };
  const repeated = <T>(line: T[]) => Array.from({ length: rows }, () => line);
  byRuns(
    spec.columns.filter((column) => column.numberFormat),
    (column) => column.numberFormat as string,
    (range, line) => range.setNumberFormats(repeated(line)),
  );
  byRuns(
    spec.columns.filter((column) => column.validation),
    (column) => buildValidation(column, column.validation as Validation, positions),
    (range, line) => range.setDataValidations(repeated(line)),
  );
  const computed = contiguousRuns(spec.columns.filter(isComputed).map(at)).map((run) =>
    sheet.getRange(1, run[0] + 1, rows + 1, run.length),
  );
  protectComputed(sheet, computed);
  colourStatus(sheet, spec, positions, rows);
  const hidden = spec.columns.filter((column) => column.hidden).map((c) => positions.column(spec.key, c.header) - 1);
  for (const run of contiguousRuns(hidden)) sheet.hideColumns(run[0] + 1, run.length);
}

function buildValidation(
  column: ColumnSpec,
  validation: Validation,
  positions: ColumnPositions,
): GoogleAppsScript.Spreadsheet.DataValidation {
  const listedOn = validation.kind === "column" ? positions.sheetName(validation.sheet) : "";
  const builder = SpreadsheetApp.newDataValidation()
    .setAllowInvalid(Boolean(column.lenient))
    .setHelpText(validationHelp(validation, listedOn));
  switch (validation.kind) {
    case "list":
      builder.requireValueInList([...validation.values], true);
      break;
    case "column": {
      const letter = columnLetter(positions.column(validation.sheet, validation.column));
      const source = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(
        positions.sheetName(validation.sheet),
      ) as Sheet;
      builder.requireValueInRange(source.getRange(letter + "2:" + letter), true);
      break;
    }
    case "number":
      builder.requireNumberBetween(validation.min ?? -1e15, validation.max ?? 1e15);
      break;
    case "date":
      builder.requireDate();
      break;
  }
  return builder.build();
}

function protectComputed(sheet: Sheet, ranges: GoogleAppsScript.Spreadsheet.Range[]): void {
  if (!ranges.length) return;
  const ours = sheet
    .getProtections(SpreadsheetApp.ProtectionType.RANGE)
    .filter((p) => p.getDescription() === PROTECTION_DESCRIPTION);
  for (const protection of ours) protection.remove();
  for (const range of ranges) range.protect().setDescription(PROTECTION_DESCRIPTION).setWarningOnly(true);
}

type RuleBuilder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;

/** Background and text colour of each grade. */
const GRADE_COLOURS: Record<Grade, [string, string]> = {
  green: ["#ceead6", "#0d652d"],
  yellow: ["#fef7e0", "#b06000"],
  red: ["#fce8e6", "#c5221f"],
};

/** The progress scale: done, nearly there, barely started. */
const PROGRESS_COLOURS: [(rule: RuleBuilder) => RuleBuilder, string][] = [
  [(rule) => rule.whenNumberGreaterThanOrEqualTo(1), "#ceead6"],
  [(rule) => rule.whenNumberBetween(0.7, 0.9999), "#e6f4ea"],
  [(rule) => rule.whenNumberLessThan(0.3), "#fce8e6"],
];

/** Status colours and a progress scale; rules a person added elsewhere on the sheet are kept. */
function colourStatus(sheet: Sheet, spec: SheetSpec, positions: ColumnPositions, rows: number): void {
  if (spec.key !== "objectives" && spec.key !== "keyResults") return;
  const status = sheet.getRange(2, positions.column(spec.key, "Status"), rows, 1);
  const progress = sheet.getRange(2, positions.column(spec.key, "Progress"), rows, 1);
  const final = sheet.getRange(2, positions.column(spec.key, "Final score"), rows, 1);
  const ourColumns = new Set([status.getColumn(), progress.getColumn(), final.getColumn()]);
  const kept = sheet
    .getConditionalFormatRules()
    .filter(
      (rule) => !rule.getRanges().some((range) => range.getNumColumns() === 1 && ourColumns.has(range.getColumn())),
    );
  const rules = statusColourRules(status);
  for (const [when, background] of PROGRESS_COLOURS)
    rules.push(when(SpreadsheetApp.newConditionalFormatRule()).setBackground(background).setRanges([progress]).build());
  rules.push(...gradeColours(final));
  sheet.setConditionalFormatRules(kept.concat(rules));
}

/** The grade scale (the rulebook's `grade`), red below 0.4, yellow below 0.7, green from 0.7. */
const GRADE_SCALE: [(rule: RuleBuilder) => RuleBuilder, Grade][] = [
  [(rule) => rule.whenNumberGreaterThanOrEqualTo(GRADE_FROM.green), "green"],
  [(rule) => rule.whenNumberBetween(GRADE_FROM.yellow, GRADE_FROM.green - 0.0001), "yellow"],
  [(rule) => rule.whenNumberLessThan(GRADE_FROM.yellow), "red"],
];

/** Final scores coloured as Google grades them; a blank (not yet graded) first, so it is never read as 0 and painted red. */
function gradeColours(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
  const rule = () => SpreadsheetApp.newConditionalFormatRule().setRanges([range]);
  return [
    rule().whenCellEmpty().setBackground("#ffffff").build(),
    ...GRADE_SCALE.map(([when, grade]) =>
      when(rule()).setBackground(GRADE_COLOURS[grade][0]).setFontColor(GRADE_COLOURS[grade][1]).build(),
    ),
  ];
}

/** An empty Cycles sheet gets this quarter and the next, so objectives can be created at once. */
function addDefaultCycles(state: SheetState, calendar: SheetCalendar, report: SetupReport): void {
  const { sheet } = state;
  if (sheet.getLastRow() > 1) return;
  const now = quarterOf(calendar.today());
  const next = quarterOf(new Date(now.end.getFullYear(), now.end.getMonth() + 1, 1));
  const cycleCol = state.names.indexOf("cycle") + 1;
  const startCol = state.names.indexOf("start") + 1;
  const endCol = state.names.indexOf("end") + 1;
  if (startCol !== cycleCol + 1 || endCol !== cycleCol + 2) return; // a customised layout: leave it to the user
  sheet
    .getRange(2, cycleCol, 2, 3)
    .setValues([now, next].map((q) => [q.id, calendar.cellFor(q.start), calendar.cellFor(q.end)]));
  report.addedCycles.push(now.id, next.id);
}

export function describeSetup(report: SetupReport): string {
  const lines: string[] = [];
  if (report.createdSheets.length) lines.push("Created sheets: " + report.createdSheets.join(", ") + ".");
  if (report.addedColumns.length) lines.push("Added missing columns: " + report.addedColumns.join(", ") + ".");
  if (report.restoredFormulas.length) lines.push("Restored formulas: " + report.restoredFormulas.join(", ") + ".");
  if (report.addedCycles.length) lines.push("Added cycles " + report.addedCycles.join(" and ") + ".");
  if (report.historyProblems) lines.push(report.historyProblems + " A row in History records this.");
  if (report.blockedColumns.length) {
    lines.push(
      "These computed columns show an error because a value was typed into them: " +
        report.blockedColumns.join(", ") +
        ". Clear the typed cells below the header and the formula fills the column again.",
    );
  }
  return lines.length ? lines.join("\n") : "The tracker is complete: nothing needed repair.";
}
