/**
 * The company roll-up across team spreadsheets, in native formulas (docs: README "A company of
 * teams"). Each team tracker keeps a Summary sheet (its active objectives, maintained by FILTER
 * formulas) behind two named ranges; the company tracker imports them with IMPORTRANGE, one block
 * per team on its Imports sheet, stacks them on Team objectives and shows its own objectives with
 * their aligned team objectives, progress rolled up, on Roll-up. The script only writes these
 * formulas: people grant each import in Sheets (Allow access), so no OAuth scope is added.
 */
import { columnLetter, quoteSheet } from "./formulas";
import { formulaOf } from "./rulebook/kit";
import { RULES } from "./rulebook/rules";

/** A team objective names a company objective as its Parent with this prefix: "Company O-2". */
export const COMPANY_PARENT_PREFIX = "Company ";
/** A Parent naming an objective of the company tracker, which lives in another spreadsheet. */
export const COMPANY_PARENT = /^Company O-\d+$/;

/** A team tracker's Summary sheet: what it shares with the company tracker. */
export const SUMMARY_SHEET = "Summary";
export const SUMMARY_RANGE = "OKR_Summary";
export const SUMMARY_COUNT_RANGE = "OKR_Summary_Count";
/** Rows of objectives a team shares (the named range's height): far above any team's quarter. */
export const SUMMARY_ROWS = 999;

/** The Summary's columns, each filled from the Objectives column of the same meaning. */
export const SUMMARY_COLUMNS = [
  { header: "Objective ID", from: "ID" },
  { header: "Objective", from: "Objective" },
  { header: "Team", from: "Team" },
  { header: "Cycle", from: "Cycle" },
  { header: "Progress", from: "Progress", format: "0%" },
  { header: "Status", from: "Status" },
  { header: "Score", from: "Score", format: "0.0" },
  { header: "Parent", from: "Parent" },
] as const;
/** The Summary's count of shared objectives: the cell the company's Teams sheet imports to connect. */
export const SUMMARY_COUNT = { header: "Objectives shared", column: SUMMARY_COLUMNS.length + 2 };

/** "Sheet!X2:X": a column from row 2 down. */
function below(sheet: string, column: number, lastRow?: number): string {
  const letter = columnLetter(column);
  return quoteSheet(sheet) + "!" + letter + "2:" + letter + (lastRow ?? "");
}

/** A column's rows from row 2: `rows`, or nothing when they are an error (FILTER found none). */
function filledColumn(rows: string): string {
  return "=ARRAYFORMULA(IFERROR(" + rows + ",))";
}

/**
 * The Summary's row-2 formulas (its header row is plain text), given the Objectives sheet's name and
 * where its columns are (0: missing). Archived objectives and blank rows are left out; without a
 * Parent column, Parent stays empty.
 */
export function summaryFormulas(objectives: string, column: (header: string) => number): string[] {
  const at = (header: string) => below(objectives, column(header));
  const keep = at("ID") + '<>"",' + at("State") + '<>"Archived"';
  return SUMMARY_COLUMNS.map((c) => (column(c.from) ? filledColumn("FILTER(" + at(c.from) + "," + keep + ")") : ""));
}

/** The count the Teams sheet imports: text IDs in the Summary's first column. */
export function summaryCountFormula(): string {
  return '=COUNTIF(A2:A,"?*")';
}

// ---- the company tracker ---------------------------------------------------------------------

export const TEAMS_SHEET = "Teams";
export const IMPORTS_SHEET = "Imports";
export const TEAM_OBJECTIVES_SHEET = "Team objectives";
export const ROLLUP_SHEET = "Roll-up";

export const TEAMS_HEADERS = ["Team", "Spreadsheet URL", "Weight", "Objectives shared", "Connection"] as const;
export const TEAMS_NOTES = [
  "The team's name, as the company calls it.",
  "The address of the team's OKR tracker (https://docs.google.com/spreadsheets/d/…). The team runs Set up or Repair tracker there once.",
  "How much the team's objectives count in a company objective's progress (blank: 1).",
  "Imported from the team's tracker. #REF! until someone clicks the cell and Allow access (once per team).",
  "Connected, or what to do.",
];

/** A team block on Imports: the tracker's name, the 8 Summary columns, its weight. */
export const BLOCK_WIDTH = SUMMARY_COLUMNS.length + 2;
/** Team objectives' columns: the Imports block's, then two helpers for the roll-up. */
export const TEAM_OBJECTIVE_HEADERS = [
  "Tracker",
  ...SUMMARY_COLUMNS.map((c) => c.header),
  "Weight",
  "Weighted progress",
  "Checked in",
] as const;
export const ROLLUP_HEADERS = [
  "Align with",
  "Team",
  "ID",
  "Objective",
  "Cycle",
  "Progress",
  "Status",
  "Score",
] as const;

/** Teams' formulas for a team in row `row` (1-based): its imported count and its connection state. */
export function teamRowFormulas(row: number): [string, string] {
  const count = "D" + row;
  return [
    "=IMPORTRANGE(B" + row + ',"' + SUMMARY_COUNT_RANGE + '")',
    "=IF(ISNUMBER(" +
      count +
      '),"Connected",IF(ISERROR(' +
      count +
      '),"Not connected: click ' +
      count +
      " and Allow access. Still #REF!? Run Repair tracker in the team's spreadsheet.\",))",
  ];
}

/** Imports' header row and row-2 formulas for the teams in Teams rows `rows` (a block each, side by side). */
export function importBlocks(rows: readonly number[]): { headers: string[]; formulas: string[] } {
  const headers: string[] = [];
  const formulas: string[] = [];
  const teams = quoteSheet(TEAMS_SHEET);
  rows.forEach((row) => {
    const first = headers.length + 1;
    const ids = columnLetter(first + 1) + "2:" + columnLetter(first + 1);
    headers.push(...TEAM_OBJECTIVE_HEADERS.slice(0, BLOCK_WIDTH));
    formulas.push(
      "=ARRAYFORMULA(IF(ISTEXT(" + ids + ")," + teams + "!$A$" + row + ",))",
      "=IMPORTRANGE(" + teams + "!$B$" + row + ',"' + SUMMARY_RANGE + '")',
      ...Array.from({ length: SUMMARY_COLUMNS.length - 1 }, () => ""),
      "=ARRAYFORMULA(IF(ISTEXT(" + ids + "),IF(" + teams + "!$C$" + row + '="",1,' + teams + "!$C$" + row + "),))",
    );
  });
  return { headers, formulas };
}

/**
 * Team objectives' row-2 formulas (its header row is plain text): every team's block stacked, rows
 * without an objective ID left out, then two helper columns for the roll-up.
 */
export function teamObjectiveFormulas(teamCount: number): string[] {
  if (!teamCount) return [];
  const lastRow = SUMMARY_ROWS + 1;
  const stacked = (offset: number) =>
    "VSTACK(" +
    Array.from({ length: teamCount }, (_, k) => below(IMPORTS_SHEET, k * BLOCK_WIDTH + offset + 1, lastRow)).join(",") +
    ")";
  const formulas = TEAM_OBJECTIVE_HEADERS.slice(0, BLOCK_WIDTH).map((_, offset) =>
    filledColumn("FILTER(" + stacked(offset) + ",ISTEXT(" + stacked(1) + "))"),
  );
  const col = (header: string) => {
    const letter = columnLetter(TEAM_OBJECTIVE_HEADERS.indexOf(header as never) + 1);
    return letter + "2:" + letter;
  };
  const perRow = (body: string) => "=ARRAYFORMULA(IF(" + col("Objective ID") + '="",,' + body + "))";
  formulas.push(
    perRow(formulaOf(RULES.weightedProgress, { progress: col("Progress"), counted_weight: col("Weight") })),
    perRow("IF(" + col("Status") + '="No check-in yet",0,1)'),
  );
  return formulas;
}

/**
 * Roll-up's one formula (in A2): each active company objective, then the team objectives aligned to
 * it (Parent "Company O-n"), in the company objectives' order. A company objective with aligned team
 * objectives takes its progress from them, weighted by their teams' weights (the rulebook's
 * weightedProgress and rollup); one without keeps its own. Every row of both sheets goes into the
 * sort (the emulator's engine FILTERs one column at a time); rows that are neither sort
 * last, empty.
 */
export function rollupFormula(objectives: string, column: (header: string) => number): string {
  const own = (header: string) => below(objectives, column(header));
  const team = (header: string) => below(TEAM_OBJECTIVES_SHEET, TEAM_OBJECTIVE_HEADERS.indexOf(header as never) + 1);
  const key = '"' + COMPANY_PARENT_PREFIX + '"&' + own("ID");
  const over = (header: string) => "SUMIF(" + team("Parent") + "," + key + "," + team(header) + ")";
  const rolled = formulaOf(RULES.rollup, {
    weighted_progress: over("Weighted progress"),
    counted_weight: over("Weight"),
  });
  const progress = "IF(" + over("Weight") + ">0," + rolled + "," + own("Progress") + ")";
  const checkedIn =
    "IF(" + over("Weight") + ">0," + over("Checked in") + ">0," + own("Status") + '<>"No check-in yet")';
  const status = formulaOf(RULES.status, { progress, expected: own("Expected"), checked_in: checkedIn });
  const number = (id: string) => "IFERROR(VALUE(MID(" + id + ",3,9)),0)";
  const parentId = "MID(" + team("Parent") + "," + (COMPANY_PARENT_PREFIX.length + 1) + ",99)";
  const active = (ids: string) => "COUNTIFS(" + own("ID") + "," + ids + "," + own("State") + ',"<>Archived")';
  const companyRow = "(" + own("ID") + '<>"")*(' + own("State") + '<>"Archived")';
  const childRow =
    "(LEFT(" +
    team("Parent") +
    "," +
    COMPANY_PARENT_PREFIX.length +
    ')="' +
    COMPANY_PARENT_PREFIX +
    '")*(' +
    active(parentId) +
    ">0)";
  const rows = (keep: string, cells: string[], order: string) =>
    "HSTACK(" + cells.map((c) => "IF(" + keep + "," + c + ",)").join(",") + ",IF(" + keep + "," + order + ",999999))";
  const company = rows(
    companyRow,
    [
      key,
      '"Company"',
      own("ID"),
      own("Objective"),
      own("Cycle"),
      progress,
      status,
      formulaOf(RULES.score, { progress }),
    ],
    number(own("ID")) + "*2",
  );
  const children = rows(
    childRow,
    ["Parent", "Tracker", "Objective ID", "Objective", "Cycle", "Progress", "Status", "Score"].map(team),
    number(parentId) + "*2+1",
  );
  return (
    "=ARRAYFORMULA(ARRAY_CONSTRAIN(SORT(VSTACK(" +
    company +
    "," +
    children +
    ")," +
    (ROLLUP_HEADERS.length + 1) +
    ",TRUE),ROWS(" +
    own("ID") +
    ")+ROWS(" +
    team("Parent") +
    ")," +
    ROLLUP_HEADERS.length +
    "))"
  );
}
