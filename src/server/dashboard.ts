/**
 * Builds the Dashboard sheet (src/core/dashboard.ts says what is on it): writes its formula tables,
 * the dropdowns of its two input cells, and its charts, with EmbeddedChartBuilder as the Apps Script
 * reference documents it (newChart → addRange → as…Chart → setOption/setPosition → build → insertChart).
 * Idempotent: Set up, Repair and 'Rebuild dashboard' run it. The cells a person fills in (cycle, team)
 * and charts a person added keep what they hold; our charts are removed and inserted afresh.
 */
import { columnLetter, type ColumnPositions } from "../core/formulas";
import {
  type Block,
  DASHBOARD_NAME,
  dashboardCells,
  dashboardCharts,
  type DashboardCell,
  type DashboardChart,
  INPUTS,
  isDashboardChartTitle,
} from "../core/dashboard";
import { sheetSpec, type SheetKey } from "../core/layout";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { normaliseHeader } from "./tables";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const INPUT_BACKGROUND = "#fef7e0";
const CHART_SIZE = { width: 590, height: 340 };
const MIN_ROWS = 2200;

/** Creates or rebuilds the Dashboard; true when the sheet was created. */
export function buildDashboard(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  positions: ColumnPositions,
): boolean {
  let sheet = spreadsheet.getSheetByName(DASHBOARD_NAME);
  const created = !sheet;
  if (!sheet) sheet = spreadsheet.insertSheet(DASHBOARD_NAME, spreadsheet.getSheets().length);
  const { cells, blocks } = dashboardCells(positions);
  // Room for the tables, and for the team-and-status keys of a large cycle below them.
  const rows = Math.max(MIN_ROWS, ...blocks.map((b) => b.row + b.rows));
  const cols = Math.max(...blocks.map((b) => b.col + b.cols));
  if (sheet.getMaxRows() < rows) sheet.insertRowsAfter(sheet.getMaxRows(), rows - sheet.getMaxRows());
  if (sheet.getMaxColumns() < cols) sheet.insertColumnsAfter(sheet.getMaxColumns(), cols - sheet.getMaxColumns());
  writeCells(sheet, cells, blocks, created);
  styleInputs(sheet, spreadsheet, positions);
  sheet.setTabColor("#f9ab00");
  if (created) sheet.setColumnWidth(1, 120);
  placeCharts(sheet);
  return created;
}

/**
 * A new Dashboard is written in one rectangle (one recalculation); an existing one only where a block
 * differs from what it should hold, so Repair of an intact Dashboard recalculates nothing.
 */
function writeCells(sheet: Sheet, cells: DashboardCell[], blocks: Block[], created: boolean): void {
  const at = new Map(cells.map((cell) => [cell.row + ":" + cell.col, cell]));
  const whole = {
    row: 1,
    col: 1,
    rows: Math.max(...blocks.map((b) => b.row + b.rows)) - 1,
    cols: Math.max(...blocks.map((b) => b.col + b.cols)) - 1,
  };
  const grid = <T>(block: Block, pick: (cell: DashboardCell | undefined) => T): T[][] =>
    Array.from({ length: block.rows }, (_, i) =>
      Array.from({ length: block.cols }, (_, j) => pick(at.get(block.row + i + ":" + (block.col + j)))),
    );
  const write = (block: Block) => {
    const range = sheet.getRange(block.row, block.col, block.rows, block.cols);
    // Labels are our own plain words (no digits or leading symbols), so written as typed they stay text.
    range.setFormulas(grid(block, (cell) => cell?.content ?? ""));
    range.setNumberFormats(grid(block, (cell) => cell?.numberFormat ?? "General"));
    range.setFontWeights(
      grid<GoogleAppsScript.Spreadsheet.FontWeight>(block, (cell) => (cell?.bold ? "bold" : "normal")),
    );
  };
  if (created) return write(whole);
  const range = sheet.getRange(whole.row, whole.col, whole.rows, whole.cols);
  const formulas = range.getFormulas();
  const values = range.getValues();
  const holds = (row: number, col: number, content: string) =>
    content.startsWith("=")
      ? formulas[row - 1][col - 1] === content && values[row - 1][col - 1] !== "#REF!" // #REF!: its spill is blocked
      : String(values[row - 1][col - 1]) === content;
  for (const block of blocks) {
    const intact = grid(block, (cell) => cell).every((line, i) =>
      line.every((cell, j) => {
        const row = block.row + i;
        const col = block.col + j;
        // An empty cell of the block may hold a spilled value: only a formula or a label is out of place.
        return cell ? holds(row, col, cell.content) : formulas[row - 1][col - 1] === "";
      }),
    );
    if (!intact) write(block);
  }
}

function styleInputs(
  sheet: Sheet,
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  positions: ColumnPositions,
): void {
  const listFrom = (key: SheetKey, header: string) => {
    const source = spreadsheet.getSheetByName(positions.sheetName(key)) as Sheet;
    const letter = columnLetter(positions.column(key, header));
    return SpreadsheetApp.newDataValidation()
      .requireValueInRange(source.getRange(letter + "2:" + letter), true)
      .setAllowInvalid(false)
      .setHelpText("Choose from the " + positions.sheetName(key) + " sheet's " + header + " column, or leave blank.")
      .build();
  };
  sheet.getRange(INPUTS.cycle).setDataValidation(listFrom("cycles", "Cycle")).setBackground(INPUT_BACKGROUND);
  sheet.getRange(INPUTS.team).setDataValidation(listFrom("people", "Team")).setBackground(INPUT_BACKGROUND);
}

function placeCharts(sheet: Sheet): void {
  for (const chart of sheet.getCharts()) {
    if (isDashboardChartTitle(chart.getOptions().get("title"))) sheet.removeChart(chart);
  }
  for (const spec of dashboardCharts()) sheet.insertChart(buildChart(sheet, spec));
}

/** What the line and bar chart builders share (the typed builders the reference documents). */
interface TypedBuilder {
  setTitle(title: string): unknown;
  setLegendPosition(position: GoogleAppsScript.Charts.Position): unknown;
  setColors(colors: string[]): unknown;
  setNumHeaders(headers: number): unknown;
  setPosition(row: number, col: number, offsetX: number, offsetY: number): unknown;
  setOption(option: string, value: unknown): unknown;
  build(): GoogleAppsScript.Spreadsheet.EmbeddedChart;
}

/**
 * One chart, through one typed builder from as…Chart() to build(): the reference documents the typed
 * builder as what as…Chart() returns, not whether the builder it came from shares its settings.
 */
function buildChart(sheet: Sheet, spec: DashboardChart): GoogleAppsScript.Spreadsheet.EmbeddedChart {
  let base = sheet.newChart();
  for (const a1 of spec.ranges) base = base.addRange(sheet.getRange(a1));
  let typed: TypedBuilder;
  if (spec.kind === "line") typed = base.asLineChart().setPointStyle(Charts.PointStyle.MEDIUM);
  else typed = spec.stacked ? base.asBarChart().setStacked() : base.asBarChart();
  typed.setTitle(spec.title);
  typed.setLegendPosition(Charts.Position.BOTTOM);
  typed.setColors(spec.colors);
  typed.setNumHeaders(1);
  typed.setPosition(spec.row, spec.col, 0, 0);
  typed.setOption("width", CHART_SIZE.width);
  typed.setOption("height", CHART_SIZE.height);
  const axis = (spec.kind === "bar" ? "hAxis" : "vAxis") + ".";
  if (spec.axis === "percent" || spec.axis === "confidence") typed.setOption(axis + "viewWindow.min", 0);
  if (spec.axis === "percent") typed.setOption(axis + "format", "0%");
  if (spec.axis === "confidence") typed.setOption(axis + "viewWindow.max", 10);
  if (spec.axis === "count") typed.setOption(axis + "format", "0");
  if (spec.dashed) {
    const series: Record<number, { lineDashStyle: number[] }> = {};
    for (const index of spec.dashed) series[index] = { lineDashStyle: [4, 4] };
    typed.setOption("series", series);
  }
  return typed.build();
}

/** 'Rebuild dashboard': the tracker's sheets must exist (their columns are found by header). */
export function rebuildDashboard(): string {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const keys: SheetKey[] = ["objectives", "keyResults", "history", "cycles", "people"];
    const headers = new Map<SheetKey, string[]>();
    for (const key of keys) {
      const sheet = spreadsheet.getSheetByName(sheetSpec(key).name);
      if (!sheet || sheet.getLastColumn() === 0)
        throw new UserError(
          "not-set-up",
          "The " + sheetSpec(key).name + " sheet is missing. Run Set up tracker first.",
        );
      headers.set(key, sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(normaliseHeader));
    }
    const positions: ColumnPositions = {
      sheetName: (key) => sheetSpec(key).name,
      column: (key, header) => (headers.get(key) ?? []).indexOf(normaliseHeader(header)) + 1,
    };
    try {
      buildDashboard(spreadsheet, positions);
    } catch (error) {
      throw new UserError(
        "missing-column",
        (error as Error).message + " Run Repair tracker: it adds missing columns and rebuilds the dashboard.",
      );
    }
    return "The Dashboard sheet is rebuilt: its tables and its " + dashboardCharts().length + " charts.";
  });
}
