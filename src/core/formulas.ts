/**
 * The tracker's native formulas: one array formula per computed column, in its header cell, using
 * the classic Sheets idiom ARRAYFORMULA(IF(ROW(A:A)=1, "Header", IF(blank,, value))). Whole-column
 * references cover new rows, and `IF(x,,y)` leaves truly empty cells (so getLastRow is unaffected).
 * The rules match src/core (progress, expected, status, score) and are tested against it.
 */
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP } from "./status";
import type { SheetKey } from "./layout";

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
function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

type Builder = (ref: (header: string) => string, other: (sheet: SheetKey, header: string) => string) => string;

function clamp(x: string): string {
  return "IF(" + x + "<0,0,IF(" + x + ">1,1," + x + "))";
}

/** Same rule as statusFor(): the gap is rounded to 9 decimals, since 0.8 − 0.7 is 0.10000000000000009. */
function status(progress: string, expected: string): string {
  const gap = "ROUND(" + expected + "-" + progress + ",9)";
  return (
    "IF(" +
    progress +
    '>=1,"Done",IF(' +
    expected +
    '="",,IF(' +
    gap +
    "<=" +
    DEFAULT_AT_RISK_GAP +
    ',"On track",IF(' +
    gap +
    "<=" +
    DEFAULT_OFF_TRACK_GAP +
    ',"At risk","Off track"))))'
  );
}

/** Per-row expressions (over whole columns) for every computed column, by sheet and header. */
const BUILDERS: Partial<Record<SheetKey, Record<string, Builder>>> = {
  cycles: {
    Expected: (c) =>
      "IF((" +
      c("Cycle") +
      '="")+(' +
      c("Start") +
      '="")+(' +
      c("End") +
      '=""),,IF(TODAY()<' +
      c("Start") +
      ",0,IF(TODAY()>" +
      c("End") +
      ",1,(TODAY()-" +
      c("Start") +
      ")/(" +
      c("End") +
      "-" +
      c("Start") +
      "+1))))",
  },
  objectives: {
    Progress: (c, o) =>
      "IF(" +
      c("ID") +
      '="",,IFERROR(SUMIF(' +
      o("keyResults", "Objective ID") +
      "," +
      c("ID") +
      "," +
      o("keyResults", "Weighted progress") +
      ")/SUMIF(" +
      o("keyResults", "Objective ID") +
      "," +
      c("ID") +
      "," +
      o("keyResults", "Counted weight") +
      "),))",
    Expected: (c, o) =>
      "IF((" +
      c("ID") +
      '="")+(' +
      c("Cycle") +
      '=""),,IF(COUNTIF(' +
      o("cycles", "Cycle") +
      "," +
      c("Cycle") +
      ")=0,,SUMIF(" +
      o("cycles", "Cycle") +
      "," +
      c("Cycle") +
      "," +
      o("cycles", "Expected") +
      ")))",
    Status: (c) => "IF((" + c("ID") + '="")+(' + c("Progress") + '=""),,' + status(c("Progress"), c("Expected")) + ")",
    Score: (c) => "IF((" + c("ID") + '="")+(' + c("Progress") + '=""),,ROUND(' + c("Progress") + ",1))",
  },
  keyResults: {
    Progress: (c) => {
      const share = "(" + c("Current") + "-" + c("Start") + ")/(" + c("Target") + "-" + c("Start") + ")";
      return (
        "IF((" +
        c("ID") +
        '="")+(' +
        c("Target") +
        '="")+(' +
        c("Current") +
        '=""),,IF(' +
        c("Type") +
        '="milestone",IF(' +
        c("Current") +
        "*1>=1,1,0),IF(" +
        c("Target") +
        "=" +
        c("Start") +
        ",," +
        clamp(share) +
        ")))"
      );
    },
    Expected: (c, o) =>
      "IF((" +
      c("ID") +
      '="")+(' +
      c("Objective ID") +
      '=""),,IF(COUNTIF(' +
      o("objectives", "ID") +
      "," +
      c("Objective ID") +
      ")=0,,SUMIF(" +
      o("objectives", "ID") +
      "," +
      c("Objective ID") +
      "," +
      o("objectives", "Expected") +
      ")))",
    Status: (c) => "IF((" + c("ID") + '="")+(' + c("Progress") + '=""),,' + status(c("Progress"), c("Expected")) + ")",
    Score: (c) => "IF((" + c("ID") + '="")+(' + c("Progress") + '=""),,ROUND(' + c("Progress") + ",1))",
    "Counted weight": (c) =>
      "IF(" + c("ID") + '="",,IF(' + c("State") + '="Archived",0,IF(' + c("Weight") + '="",1,' + c("Weight") + ")))",
    "Weighted progress": (c) =>
      "IF(" + c("ID") + '="",,IF(' + c("Progress") + '="",0,' + c("Progress") + ")*" + c("Counted weight") + ")",
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
  const body = builder(
    (name) => whole(sheet, name, false),
    (target, name) => whole(target, name, true),
  );
  const anchor = whole(sheet, headerAnchor(sheet), false);
  return "=ARRAYFORMULA(IF(ROW(" + anchor + ')=1,"' + header + '",' + body + "))";
}

/** The column every array formula of a sheet keys its ROW() test on: the sheet's first input. */
function headerAnchor(sheet: SheetKey): string {
  return sheet === "cycles" ? "Cycle" : "ID";
}

export function hasFormula(sheet: SheetKey, header: string): boolean {
  return Boolean(BUILDERS[sheet]?.[header]);
}
