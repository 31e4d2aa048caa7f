/**
 * The tracker's native formulas: one array formula per computed column, in its header cell, using
 * the classic Sheets idiom ARRAYFORMULA(IF(ROW(A:A)=1, "Header", IF(A:A="",, value))). Whole-column
 * references cover new rows, and `IF(x,,y)` leaves truly empty cells (so getLastRow is unaffected).
 * Each column applies a rule of the rulebook (rulebook/rules.ts) to whole columns; the only other
 * thing here is looking Expected and the cycle's dates up: a cycle's by its name, an objective's by its ID.
 */
import type { SheetKey } from "./layout";
import { formulaOf } from "./rulebook/kit";
import { RULES } from "./rulebook/rules";
import { SUM_COLUMNS } from "./trend";

/** Where each column currently is, by sheet and header: found by header text, so reordering is fine. */
export interface ColumnPositions {
  sheetName(sheet: SheetKey): string;
  /** 1-based column index of a header on a sheet, or 0 when missing. */
  column(sheet: SheetKey, header: string): number;
}

export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/** Quotes a sheet name only where Sheets does (it writes Cycles!A:A but 'Key Results'!A:A). */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

/** Whole-column references: `own` on the column's sheet, `other` on another sheet. */
interface Columns {
  own(header: string): string;
  other(sheet: SheetKey, header: string): string;
}

type Builder = (c: Columns) => string;

/** SUMIF: the total of `sheet`'s `header` column over the rows whose `key` column equals `match`. */
function sumWhere(c: Columns, sheet: SheetKey, key: string, match: string, header: string): string {
  return "SUMIF(" + c.other(sheet, key) + "," + match + "," + c.other(sheet, header) + ")";
}

/** A list argument over an objective's key results: the total of a Key Results column, per objective. */
function krTotal(c: Columns, header: string): string {
  return sumWhere(c, "keyResults", "Objective ID", c.own("ID"), header);
}

/** A list argument over an objective's children: the total of an Objectives column over the rows naming it as Parent. */
function childTotal(c: Columns, header: string): string {
  return sumWhere(c, "objectives", "Parent", c.own("ID"), header);
}

/** A level of the roll-up: own progress, or the children's `weighted` progress (a column of the level below). */
function rolledUp(c: Columns, weighted: string): string {
  return formulaOf(RULES.alignedProgress, {
    own_progress: c.own("Own progress"),
    weighted_progress: childTotal(c, weighted),
    counted_weight: childTotal(c, "Counted weight"),
  });
}

/**
 * 1 when the Cycles sheet has the objective's cycle with both its dates (dates are numbers, so SUMIF
 * finds them). Lookups read it, since SUMIF alone would turn a missing cycle's blank Expected into 0.
 */
function hasCycle(c: Columns): string {
  const date = (header: string) => sumWhere(c, "cycles", "Cycle", c.own("Cycle"), header);
  return "IF(" + c.own("Cycle") + '="",0,IF(' + date("Start") + "*" + date("End") + "=0,0,1))";
}

/** The cycle's Expected, by the cycle's name: blank without a cycle. */
function objectiveExpected(c: Columns): string {
  return "IF(" + c.own("Has cycle") + "=0,," + sumWhere(c, "cycles", "Cycle", c.own("Cycle"), "Expected") + ")";
}

/** The objective's Expected, by its ID: blank without the objective or its cycle. */
function keyResultExpected(c: Columns): string {
  const objective = (header: string) => sumWhere(c, "objectives", "ID", c.own("Objective ID"), header);
  return "IF(" + c.own("Objective ID") + '="",,IF(' + objective("Has cycle") + "=0,," + objective("Expected") + "))";
}

function letterIndex(letters: string): number {
  let index = 0;
  for (const letter of letters) index = index * 26 + letter.charCodeAt(0) - 64;
  return index;
}

/**
 * The title of the objective each Parent names. VLOOKUP over the span from ID to Objective (the
 * standard layout has ID first); were Objective moved before ID, an array literal puts ID first
 * (a Sheets idiom the emulator doesn't evaluate).
 */
function parentTitle(c: Columns): string {
  const id = c.own("ID");
  const title = c.own("Objective");
  const [idLetter, titleLetter] = [id, title].map((range) => range.split(":")[0]);
  const offset = letterIndex(titleLetter) - letterIndex(idLetter);
  const table = offset > 0 ? idLetter + ":" + titleLetter : "{" + id + "," + title + "}";
  const parent = c.own("Parent");
  return (
    "IF(" +
    parent +
    '="",,IFERROR(VLOOKUP(' +
    parent +
    "," +
    table +
    "," +
    (offset > 0 ? offset + 1 : 2) +
    ',FALSE),"(no objective "&' +
    parent +
    '&")"))'
  );
}

/** The cycle's date, by the cycle's name: blank without a cycle. */
function objectiveCycleDate(header: "Start" | "End"): Builder {
  return (c) => "IF(" + c.own("Has cycle") + "=0,," + sumWhere(c, "cycles", "Cycle", c.own("Cycle"), header) + ")";
}

/** The objective's cycle's date, by its ID: blank without the objective or its cycle. */
function keyResultCycleDate(header: "Cycle start" | "Cycle end"): Builder {
  return (c) => {
    const objective = (name: string) => sumWhere(c, "objectives", "ID", c.own("Objective ID"), name);
    return "IF(" + c.own("Objective ID") + '="",,IF(' + objective("Has cycle") + "=0,," + objective(header) + "))";
  };
}

/** A key result's points for the forecast entries: the running sums on its row, its start and its cycle. */
function points(c: Columns) {
  return {
    check_ins: c.own(SUM_COLUMNS.n),
    sum_days: c.own(SUM_COLUMNS.t),
    sum_values: c.own(SUM_COLUMNS.v),
    sum_days_squared: c.own(SUM_COLUMNS.tt),
    sum_days_values: c.own(SUM_COLUMNS.tv),
    sum_values_squared: c.own(SUM_COLUMNS.vv),
    start: c.own("Start"),
    cycle_start: c.own("Cycle start"),
    cycle_end: c.own("Cycle end"),
    type: c.own("Type"),
  };
}

/** Per-row expressions (over whole columns) for every computed column, by sheet and header. */
const BUILDERS: Partial<Record<SheetKey, Record<string, Builder>>> = {
  cycles: {
    // as_of is left out: TODAY(), in the spreadsheet's time zone.
    Expected: (c) => formulaOf(RULES.expected, { cycle_start: c.own("Start"), cycle_end: c.own("End") }),
  },
  objectives: {
    // Two levels roll up (ROLLUP_LEVELS in alignment.ts): Rolled-up progress from the children's own
    // progress, Progress from their rolled-up progress. Each level reads the column below it.
    Progress: (c) => rolledUp(c, "Weighted rolled-up progress"),
    Expected: objectiveExpected,
    Status: (c) =>
      formulaOf(RULES.status, {
        progress: c.own("Progress"),
        expected: c.own("Expected"),
        checked_in: formulaOf(RULES.anyCheckIn, {
          counted_check_ins: c.own("Own check-ins") + "+" + childTotal(c, "Rolled-up check-ins"),
        }),
      }),
    Score: (c) => formulaOf(RULES.score, { progress: c.own("Progress") }),
    "Has cycle": hasCycle,
    "Parent objective": parentTitle,
    "Cycle start": objectiveCycleDate("Start"),
    "Cycle end": objectiveCycleDate("End"),
    "Own progress": (c) =>
      formulaOf(RULES.rollup, {
        weighted_progress: krTotal(c, "Weighted progress"),
        counted_weight: krTotal(c, "Counted weight"),
      }),
    "Counted weight": (c) => formulaOf(RULES.countedWeight, { weight: c.own("Weight"), state: c.own("State") }),
    "Weighted own progress": (c) =>
      formulaOf(RULES.weightedProgress, { progress: c.own("Own progress"), counted_weight: c.own("Counted weight") }),
    "Rolled-up progress": (c) => rolledUp(c, "Weighted own progress"),
    "Weighted rolled-up progress": (c) =>
      formulaOf(RULES.weightedProgress, {
        progress: c.own("Rolled-up progress"),
        counted_weight: c.own("Counted weight"),
      }),
    "Own check-ins": (c) => krTotal(c, "Checked in"),
    "Rolled-up check-ins": (c) => c.own("Own check-ins") + "+" + childTotal(c, "Own check-ins"),
  },
  keyResults: {
    Progress: (c) =>
      formulaOf(RULES.progress, {
        current: c.own("Current"),
        target: c.own("Target"),
        start: c.own("Start"),
        type: c.own("Type"),
      }),
    Expected: keyResultExpected,
    Status: (c) =>
      formulaOf(RULES.status, {
        progress: c.own("Progress"),
        expected: c.own("Expected"),
        checked_in: formulaOf(RULES.checkedIn, { last_check_in: c.own("Last check-in") }),
      }),
    Score: (c) => formulaOf(RULES.score, { progress: c.own("Progress") }),
    "Counted weight": (c) => formulaOf(RULES.countedWeight, { weight: c.own("Weight"), state: c.own("State") }),
    "Weighted progress": (c) =>
      formulaOf(RULES.weightedProgress, { progress: c.own("Progress"), counted_weight: c.own("Counted weight") }),
    "Checked in": (c) =>
      formulaOf(RULES.countedCheckIn, { last_check_in: c.own("Last check-in"), state: c.own("State") }),
    Forecast: (c) => formulaOf(RULES.forecast, { ...points(c), target: c.own("Target") }),
    Chance: (c) => formulaOf(RULES.chance, { ...points(c), target: c.own("Target") }),
    "Cycle start": keyResultCycleDate("Cycle start"),
    "Cycle end": keyResultCycleDate("Cycle end"),
  },
};

/** The header cell's formula for a computed column, given where its inputs are now. */
export function columnFormula(sheet: SheetKey, header: string, positions: ColumnPositions): string {
  const builder = BUILDERS[sheet]?.[header];
  if (!builder) throw new Error("No formula for " + sheet + " / " + header);
  const whole = (target: SheetKey, name: string, qualify: boolean) => {
    const index = positions.column(target, name);
    // Set-up adds every column before writing formulas, so this means a bug, not a user's doing.
    if (!index) throw new Error("The " + positions.sheetName(target) + " sheet has no '" + name + "' column.");
    const letter = columnLetter(index);
    return (qualify ? quoteSheet(positions.sheetName(target)) + "!" : "") + letter + ":" + letter;
  };
  const body = builder({
    own: (name) => whole(sheet, name, false),
    other: (target, name) => whole(target, name, true),
  });
  const anchor = whole(sheet, headerAnchor(sheet), false);
  return "=ARRAYFORMULA(IF(ROW(" + anchor + ')=1,"' + header + '",IF(' + anchor + '="",,' + body + ")))";
}

/** The column every array formula of a sheet keys its ROW() test on: the sheet's first input. */
function headerAnchor(sheet: SheetKey): string {
  return sheet === "cycles" ? "Cycle" : "ID";
}

export function hasFormula(sheet: SheetKey, header: string): boolean {
  return Boolean(BUILDERS[sheet]?.[header]);
}
