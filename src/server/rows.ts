/**
 * Reading one row instead of a whole sheet. An everyday action (a check-in) must cost the same on a
 * tracker of 10 or 10,000 key results, so it reads the row it needs, found by the row the sidebar
 * showed or by a TextFinder on the ID column, addressed through the sheet's header as last seen.
 *
 * The header is remembered in the document's properties (no OAuth scope: the Properties service
 * lists none) whenever an action reads a whole sheet (the overview does, each time the sidebar
 * shows it) or Set up / Repair runs. A remembered header is trusted only while the row read through
 * it holds the expected ID and plausible cells; otherwise the header is read again (one call).
 */
import { columnLetter } from "../core/formulas";
import { isBlank, isDate, parseNumber } from "../core/cell-values";
import { KEY_RESULTS, OBJECTIVES, type SheetSpec } from "../core/layout";
import { STATUSES } from "../core/status";
import { KR_TYPES, OBJECTIVE_ID, STATES } from "../core/vocabulary";
import { loadLayouts, rememberHeader, Table, normaliseHeader, type Tracker } from "./tables";

/** The sheet's header: remembered, or read (one call, the whole first row) and remembered. */
export function headerOf(tracker: Tracker, spec: SheetSpec, fresh = false): string[] {
  const known = loadLayouts(tracker)[spec.key];
  if (known && !fresh) return known;
  const header = tracker.sheet(spec.key).getRange("1:1").getValues()[0];
  rememberHeader(tracker, spec, header);
  return loadLayouts(tracker)[spec.key] as string[];
}

/**
 * A Table holding the header and rows firstRow.. (1-based sheet rows) at their own indices, so
 * row numbers, messages and writes work as on a whole-sheet read.
 */
export function rowsTable(tracker: Tracker, spec: SheetSpec, header: string[], firstRow: number, rows: unknown[][]) {
  const values: unknown[][] = [header];
  for (let i = 1; i < firstRow - 1; i++) values.push(EMPTY);
  values.push(...rows);
  return new Table(tracker.sheet(spec.key), spec, values, tracker.calendar);
}

const EMPTY: unknown[] = [];

/** Cells of one sheet row, as wide as the header (one call); null when the row is past the sheet's end. */
export function readSheetRow(tracker: Tracker, spec: SheetSpec, header: string[], sheetRow: number): unknown[] | null {
  try {
    return tracker.sheet(spec.key).getRange(sheetRow, 1, 1, Math.max(header.length, 1)).getValues()[0];
  } catch {
    return null; // rows deleted since the row was shown: a TextFinder finds it
  }
}

/** The 1-based sheet row whose `column` cell is exactly `text` (one TextFinder search), or -1. */
export function findRowWith(tracker: Tracker, spec: SheetSpec, header: string[], column: string, text: string): number {
  const col = header.map(normaliseHeader).indexOf(normaliseHeader(column));
  if (col < 0) return -1;
  const letter = columnLetter(col + 1);
  const found = tracker
    .sheet(spec.key)
    .getRange(letter + ":" + letter)
    .createTextFinder(text)
    .matchEntireCell(true)
    .matchCase(true)
    .findNext();
  return found ? found.getRow() : -1;
}

/** One column's cells below the header (one call, as far down as the sheet goes), e.g. every ID. */
export function columnValues(table: Table, column: string): unknown[] {
  const col = table.col(column);
  if (col < 0) return [];
  const letter = columnLetter(col + 1);
  return table.sheet
    .getRange(letter + "2:" + letter)
    .getValues()
    .map((line) => line[0]);
}

/** A table holding only the sheet's header, read afresh (one call): for an action that appends rows. */
export function headerTable(tracker: Tracker, spec: SheetSpec): Table {
  return rowsTable(tracker, spec, headerOf(tracker, spec, true), 2, []);
}

/**
 * The row holding `id`, read through the remembered header: first at `guess` (the row the sidebar
 * showed, or where IDs are numbered), then by a TextFinder, then once more after reading the
 * header afresh. `plausible` checks the cells fit the header (a column moved by hand fails it).
 * Answers the table and the row's index in it, or index -1 when the ID is nowhere.
 */
export function locateRow(
  tracker: Tracker,
  spec: SheetSpec,
  id: string,
  guess: number | undefined,
  plausible: (table: Table, row: number) => boolean = () => true,
): { table: Table; row: number } {
  let header = headerOf(tracker, spec);
  let fresh = false;
  const attempt = (sheetRow: number) => {
    if (sheetRow < 2) return null;
    const cells = readSheetRow(tracker, spec, header, sheetRow);
    if (!cells) return null;
    const table = rowsTable(tracker, spec, header, sheetRow, [cells]);
    // Through a header just read, the row is what it is (a typo in a cell is the row's problem).
    return table.text(sheetRow - 1, "ID") === id && (fresh || plausible(table, sheetRow - 1)) ? table : null;
  };
  for (const pass of [1, 2]) {
    if (pass === 2) {
      fresh = true;
      header = headerOf(tracker, spec, true);
    }
    const atGuess = !fresh && guess ? attempt(guess) : null;
    if (atGuess) return { table: atGuess, row: (guess as number) - 1 };
    const found = findRowWith(tracker, spec, header, "ID", id);
    const table = found > 0 ? attempt(found) : null;
    if (table) return { table, row: found - 1 };
  }
  return { table: rowsTable(tracker, spec, header, 2, []), row: -1 };
}

/**
 * Cells that fit the header they are read through (remembered, rows.ts): a column inserted, moved or
 * deleted by hand since shifts what is read, and puts a title where the type is, a number where a
 * status is. The computed columns (filled on every row) come after the inputs, so any shift of an
 * input column shows in them.
 */
function plausible(checks: Record<string, (value: unknown) => boolean>) {
  return (table: Table, row: number) =>
    Object.entries(checks).every(([header, test]) => isBlank(table.cell(row, header)) || test(table.cell(row, header)));
}

const oneOf = (words: readonly string[]) => (value: unknown) =>
  words.some((word) => word.toLowerCase() === String(value).trim().toLowerCase());
const aNumber = (value: unknown) => parseNumber(value).ok;

const plausibleKeyResult = plausible({
  Type: oneOf(KR_TYPES),
  Start: aNumber,
  Target: aNumber,
  Confidence: aNumber,
  "Last check-in": (value) => isDate(value) || typeof value !== "number",
  State: oneOf(STATES),
  Status: oneOf(STATUSES),
  "Checked in": (value) => value === 0 || value === 1,
});

const plausibleObjective = plausible({ State: oneOf(STATES), Status: oneOf(STATUSES) });

/** A key result's row: where the sidebar showed it, else found; row -1 when it is nowhere. */
export function keyResultRow(tracker: Tracker, id: string, shownAt?: number): { table: Table; row: number } {
  return locateRow(tracker, KEY_RESULTS, id, shownAt, plausibleKeyResult);
}

/** An objective's row (where O-N is numbered, else found), for its state and cycle; row -1 when it is nowhere. */
export function objectiveRow(tracker: Tracker, objectiveId: string): { table: Table; row: number } {
  const number = Number((OBJECTIVE_ID.exec(objectiveId) || [])[1]);
  return locateRow(tracker, OBJECTIVES, objectiveId, number > 0 ? number + 1 : undefined, plausibleObjective);
}
