/**
 * Set up as company tracker: the tracker's own sheets (the company's objectives live in its
 * Objectives sheet), plus Teams (the team trackers, typed by people), Imports, Team objectives and
 * Roll-up, all native formulas (src/core/company.ts). The script never opens another spreadsheet
 * (spreadsheets.currentonly can't): it writes IMPORTRANGE formulas, and people allow each import in
 * Sheets. Teams is checked first; a bad row is refused with nothing written.
 */
import { describeValue } from "../core/cell-values";
import {
  BLOCK_WIDTH,
  COMPANY_PARENT_PREFIX,
  SUMMARY_ROWS,
  IMPORTS_SHEET,
  importBlocks,
  ROLLUP_HEADERS,
  ROLLUP_SHEET,
  rollupFormula,
  TEAM_OBJECTIVE_HEADERS,
  TEAM_OBJECTIVES_SHEET,
  teamObjectiveFormulas,
  teamRowFormulas,
  TEAMS_HEADERS,
  TEAMS_NOTES,
  TEAMS_SHEET,
} from "../core/company";
import { OBJECTIVES } from "../core/layout";
import { cellText } from "../core/text-cells";
import { UserError } from "./errors";
import { withDocumentLock } from "./lock";
import { describeSetup, setUp } from "./setup";
import { normaliseHeader } from "./tables";
import { statusColourRules } from "./status-colours";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** A Sheets address, as the address bar shows it; group 1 is the spreadsheet's ID. */
const SHEETS_URL = /^https:\/\/docs\.google\.com\/spreadsheets\/d\/([A-Za-z0-9_-]{10,})(?:[/?#].*)?$/;

interface TeamRow {
  /** 1-based row on Teams. */
  row: number;
  name: string;
  id: string;
}

/** Set up as company tracker (menu): checks Teams, then sets everything up. Returns what to do next. */
export function setUpCompanyTracker(): string {
  return withDocumentLock(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const teamsSheet = spreadsheet.getSheetByName(TEAMS_SHEET);
    const teams = teamsSheet ? readTeams(teamsSheet, spreadsheet.getId()) : [];
    const report = setUp();
    writeTeamFormulas(teamsSheet ?? newTeamsSheet(spreadsheet), teams);
    writeImports(spreadsheet, teams);
    writeTeamObjectives(spreadsheet, teams.length);
    writeRollup(spreadsheet, objectivesColumn(spreadsheet));
    return nextSteps(teams, describeSetup(report));
  });
}

/** The team rows of Teams, or a refusal naming the first bad row and how to fix it. */
function readTeams(sheet: Sheet, ownId: string): TeamRow[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const values = sheet.getRange(2, 1, last - 1, 3).getValues();
  const teams: TeamRow[] = [];
  const refuse = (message: string) => {
    throw new UserError("invalid-input", message);
  };
  values.forEach(([nameCell, urlCell, weightCell], i) => {
    const row = i + 2;
    const name = cellText(nameCell).trim();
    const url = cellText(urlCell).trim();
    if (!name && !url && cellText(weightCell) === "") return;
    const where = "Teams row " + row + (name ? " (" + describeValue(name) + ")" : "");
    if (!name) refuse(where + ": the team has no name. Type it in the Team column.");
    if (!url) refuse(where + ": paste the address of the team's tracker in Spreadsheet URL.");
    const match = SHEETS_URL.exec(url);
    if (!match)
      refuse(
        where +
          ": " +
          describeValue(url) +
          " is not a Google Sheets address. Copy it from the team tracker's address bar (https://docs.google.com/spreadsheets/d/…).",
      );
    const id = (match as RegExpExecArray)[1];
    if (id === ownId) refuse(where + ": that is this company tracker's own address. List the teams' trackers.");
    if (weightCell !== "" && !(typeof weightCell === "number" && weightCell > 0))
      refuse(where + ": Weight must be a number above 0, or blank for 1.");
    const twin = teams.find((t) => normaliseHeader(t.name) === normaliseHeader(name) || t.id === id);
    if (twin)
      refuse(
        "Teams rows " +
          twin.row +
          " and " +
          row +
          (twin.id === id ? " list the same spreadsheet" : " both name " + describeValue(name)) +
          ". Give each team one row.",
      );
    teams.push({ row, name, id });
  });
  return teams;
}

function newTeamsSheet(spreadsheet: Spreadsheet): Sheet {
  const sheet = spreadsheet.insertSheet(TEAMS_SHEET, spreadsheet.getSheets().length);
  const header = sheet.getRange(1, 1, 1, TEAMS_HEADERS.length);
  header.setValues([[...TEAMS_HEADERS]]);
  header.setNotes([TEAMS_NOTES]);
  header.setFontWeight("bold");
  sheet.setFrozenRows(1);
  sheet.setTabColor("#188038");
  [140, 380, 70, 130, 420].forEach((width, i) => sheet.setColumnWidth(i + 1, width));
  return sheet;
}

/** Each team row's imported count and connection state; rows without a team are cleared. */
function writeTeamFormulas(sheet: Sheet, teams: TeamRow[]): void {
  const last = Math.max(sheet.getLastRow(), ...teams.map((t) => t.row));
  if (last < 2) return;
  const cells = Array.from({ length: last - 1 }, (_, i) => {
    const team = teams.find((t) => t.row === i + 2);
    return team ? teamRowFormulas(team.row) : ["", ""];
  });
  sheet.getRange(2, 4, last - 1, 2).setValues(cells);
}

/** A sheet of the add-on's, emptied (created at the end when missing). */
function freshSheet(spreadsheet: Spreadsheet, name: string, columns: number): Sheet {
  let sheet = spreadsheet.getSheetByName(name);
  if (!sheet) sheet = spreadsheet.insertSheet(name, spreadsheet.getSheets().length);
  else sheet.clearContents();
  if (sheet.getMaxColumns() < columns) sheet.insertColumnsAfter(sheet.getMaxColumns(), columns - sheet.getMaxColumns());
  sheet.setFrozenRows(1);
  return sheet;
}

function writeImports(spreadsheet: Spreadsheet, teams: TeamRow[]): void {
  const sheet = freshSheet(spreadsheet, IMPORTS_SHEET, Math.max(1, teams.length * BLOCK_WIDTH));
  if (!teams.length) return;
  const blocks = importBlocks(teams.map((t) => t.row));
  sheet.getRange(1, 1, 2, blocks.headers.length).setValues([blocks.headers, blocks.formulas]);
}

/** Arrays past a sheet's last row are #REF! in Sheets ("insert more rows"): room for `rows` below the header. */
function makeRoom(sheet: Sheet, rows: number): void {
  const missing = rows + 1 - sheet.getMaxRows();
  if (missing > 0) sheet.insertRowsAfter(sheet.getMaxRows(), missing);
}

/** Column widths in pixels, column A first. */
function widths(sheet: Sheet, pixels: readonly number[]): void {
  pixels.forEach((width, i) => sheet.setColumnWidth(i + 1, width));
}

function writeTeamObjectives(spreadsheet: Spreadsheet, teamCount: number): void {
  const sheet = freshSheet(spreadsheet, TEAM_OBJECTIVES_SHEET, TEAM_OBJECTIVE_HEADERS.length);
  makeRoom(sheet, teamCount * SUMMARY_ROWS);
  widths(sheet, [100, 90, 320, 100, 70, 70, 110, 60, 100, 60, 110, 80]);
  const formulas = teamObjectiveFormulas(teamCount);
  sheet
    .getRange(1, 1, formulas.length ? 2 : 1, TEAM_OBJECTIVE_HEADERS.length)
    .setValues(formulas.length ? [[...TEAM_OBJECTIVE_HEADERS], formulas] : [[...TEAM_OBJECTIVE_HEADERS]]);
  const rows = sheet.getMaxRows() - 1;
  sheet.getRange(2, TEAM_OBJECTIVE_HEADERS.indexOf("Progress") + 1, rows, 1).setNumberFormat("0%");
  sheet.getRange(2, TEAM_OBJECTIVE_HEADERS.indexOf("Score") + 1, rows, 1).setNumberFormat("0.0");
  sheet.setConditionalFormatRules(
    statusColourRules(sheet.getRange(2, TEAM_OBJECTIVE_HEADERS.indexOf("Status") + 1, rows, 1)),
  );
}

function writeRollup(spreadsheet: Spreadsheet, column: (header: string) => number): void {
  const sheet = freshSheet(spreadsheet, ROLLUP_SHEET, ROLLUP_HEADERS.length);
  sheet
    .getRange(1, 1, 2, ROLLUP_HEADERS.length)
    .setValues([
      [...ROLLUP_HEADERS],
      [rollupFormula(OBJECTIVES.name, column), ...ROLLUP_HEADERS.slice(1).map(() => "")],
    ]);
  // The sort holds every row of Objectives and Team objectives; the unused ones come last, empty.
  const teamRows = (spreadsheet.getSheetByName(TEAM_OBJECTIVES_SHEET) as Sheet).getMaxRows() - 1;
  makeRoom(sheet, (spreadsheet.getSheetByName(OBJECTIVES.name) as Sheet).getMaxRows() - 1 + teamRows);
  widths(sheet, [110, 100, 50, 340, 70, 70, 110, 60]);
  const rows = sheet.getMaxRows() - 1;
  sheet.getRange(2, ROLLUP_HEADERS.indexOf("Progress") + 1, rows, 1).setNumberFormat("0%");
  sheet.getRange(2, ROLLUP_HEADERS.indexOf("Score") + 1, rows, 1).setNumberFormat("0.0");
  sheet.getRange(1, 1, 1, ROLLUP_HEADERS.length).setFontWeight("bold");
  // The company's own rows stand out from their teams' objectives below them.
  const team = sheet.getRange(2, ROLLUP_HEADERS.indexOf("Team") + 1, rows, 1);
  sheet.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenTextEqualTo("Company")
      .setBold(true)
      .setBackground("#e8f0fe")
      .setRanges([team])
      .build(),
    ...statusColourRules(sheet.getRange(2, ROLLUP_HEADERS.indexOf("Status") + 1, rows, 1)),
  ]);
}

/** Finds an Objectives column by header (0: missing), after Set up made sure they exist. */
function objectivesColumn(spreadsheet: Spreadsheet): (header: string) => number {
  const sheet = spreadsheet.getSheetByName(OBJECTIVES.name) as Sheet;
  const names = sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]
    .map((v) => normaliseHeader(v));
  return (header) => names.indexOf(normaliseHeader(header)) + 1;
}

function nextSteps(teams: TeamRow[], setup: string): string {
  const align =
    "A team objective counts towards a company objective when its Parent names it as on Roll-up, e.g. '" +
    COMPANY_PARENT_PREFIX +
    "O-1'.";
  if (!teams.length)
    return (
      "Company tracker ready. List each team's tracker in the Teams sheet (its name and spreadsheet URL), then choose Set up as company tracker again. " +
      align
    );
  return (
    "Company tracker ready with " +
    teams.length +
    (teams.length === 1 ? " team" : " teams") +
    ". In Teams, click each #REF! under Objectives shared and choose Allow access (once per team). " +
    align +
    (setup.startsWith("The tracker is complete") ? "" : "\n" + setup)
  );
}
