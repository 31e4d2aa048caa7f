/**
 * Check-ins: a new value for a key result, from the sidebar or typed into the sheet. Each one
 * updates the Key Results row and appends a sealed History record, under the document lock.
 */
import { EN_US, isBlank, isoDate, parseNumber } from "../core/cell-values";
import { KEY_RESULTS, OBJECTIVES } from "../core/layout";
import type { CheckInResult, KeyResultView } from "../core/contract";
import { valueRange, type CheckInInput } from "../core/model";
import { archivedNote, refuseArchivedKeyResult } from "./archived";
import { closedCycles, HOW_TO_REOPEN } from "./cycles";
import { UserError } from "./errors";
import { currentAuthor, openHistory, openHistoryForWrite, type NewRecord } from "./history";
import { withDocumentLock } from "./lock";
import { progressOf, readKeyResult } from "./records";
import { keyResultRow, objectiveRow } from "./rows";
import { forgetLayouts, openTracker, readTable, writeRows, type Table, type Tracker } from "./tables";
import { trendAfter, trendKept } from "./trend";

const DELETED = " It may have been deleted there.";

const CHECK_IN_COLUMNS = [
  "ID",
  "Key result",
  "Type",
  "Start",
  "Target",
  "Current",
  "State",
  "Confidence",
  "Last check-in",
];

/** A value must make sense for the key result's type, or nothing is written. */
export function checkValueFits(kr: KeyResultView, value: number): void {
  const range = valueRange(kr.type);
  if (range && !range.fits(value))
    throw new UserError("invalid-input", kr.id + " is " + range.what + ": record " + range.values + ".", "value");
}

export function checkIn(input: CheckInInput, now = new Date()): CheckInResult {
  return withDocumentLock(() => {
    const tracker = openTracker(now);
    const today = tracker.calendar.today();
    // The key result's row and its objective's, not the whole sheets: a check-in costs the same
    // on any size of tracker (rows.ts).
    const located = keyResultRow(tracker, input.krId, input.row);
    const keyResults = located.table;
    keyResults.require(CHECK_IN_COLUMNS);
    const row = located.row >= 0 ? located.row : keyResults.rowOf(input.krId, "key result", "krId", DELETED);
    const kr = readKeyResult(keyResults, row);
    const objectives = objectiveRow(tracker, kr.objectiveId).table;
    refuseArchivedKeyResult(kr, objectives, "krId", "takes no check-ins");
    refuseClosedCycle(tracker, kr, objectives);
    checkValueFits(kr, input.value);
    const history = openHistoryForWrite(tracker);

    const previous = keyResults.cell(row, "Current");
    writeRows(keyResults, row + 1, [
      {
        Current: input.value,
        Confidence: input.confidence ?? "",
        "Last check-in": tracker.calendar.cellFor(today),
        ...trendAfter(keyResults, row, today, input.value),
      },
    ]);
    history.commit([
      {
        timestamp: now,
        krId: kr.id,
        krTitle: kr.title,
        previous: typeof previous === "number" ? previous : keyResults.text(row, "Current"),
        value: input.value,
        confidence: input.confidence ?? "",
        note: input.note ?? "",
        author: currentAuthor(),
        source: "sidebar",
        valueFormat: valueFormat(kr),
      },
    ]);
    const after = { ...kr, current: input.value, confidence: input.confidence ?? null, lastCheckIn: isoDate(today) };
    after.progress = progressOf(after);
    return {
      keyResult: after,
      previous: typeof previous === "number" ? previous : "",
      warnings: history.newProblems ? [history.newProblems] : [],
    };
  });
}

/**
 * Values typed or pasted into the Current column (the simple onEdit trigger). Each changed key
 * result gets a History record; the previous value is the edit's old value for a single cell, or
 * the last recorded one for a paste (Sheets gives no old values for multi-cell edits).
 */
export function recordTypedEdits(event: GoogleAppsScript.Events.SheetsOnEdit, now = new Date()): number {
  const range = event.range;
  if (range.getRow() === 1) forgetLayouts(); // a header renamed: actions reading one row must see it
  const sheet = range.getSheet();
  if (sheet.getName() !== KEY_RESULTS.name || range.getRow() + range.getNumRows() - 1 < 2) return 0;
  return withDocumentLock(() => {
    const tracker = openTracker(now);
    const keyResults = readTable(tracker, KEY_RESULTS);
    warnTypesValuesDoNotFit(tracker, keyResults, range);
    const current = keyResults.col("Current");
    const firstCol = range.getColumn() - 1;
    if (current < 0 || current < firstCol || current > firstCol + range.getNumColumns() - 1) return 0;
    keyResults.require(CHECK_IN_COLUMNS);
    const history = openHistory(tracker);
    const single = range.getNumRows() === 1 && range.getNumColumns() === 1;
    const records: NewRecord[] = [];
    const touched: number[] = [];
    const recordedValues = new Map<number, number>();
    const warnings = typedWarnings(tracker);
    for (let sheetRow = Math.max(range.getRow(), 2); sheetRow < range.getRow() + range.getNumRows(); sheetRow++) {
      const row = sheetRow - 1;
      const kr = readKeyResult(keyResults, row);
      if (!kr.id) continue;
      const raw = keyResults.cell(row, "Current");
      const parsed = parseNumber(raw);
      if (isBlank(raw) || !parsed.ok) continue; // data validation shows the person what's wrong
      const previous =
        single && event.oldValue !== undefined ? oldValue(event.oldValue) : (history.lastValue.get(kr.id) ?? kr.start);
      if (previous === parsed.value) continue;
      records.push({
        timestamp: now,
        krId: kr.id,
        krTitle: kr.title,
        previous,
        value: parsed.value,
        confidence: "",
        note: warnings.noteFor(kr, parsed.value),
        author: event.user?.getEmail?.() || currentAuthor(),
        source: single ? "typed in sheet" : "pasted in sheet",
        valueFormat: valueFormat(kr),
      });
      touched.push(sheetRow);
      recordedValues.set(sheetRow, parsed.value);
    }
    if (!records.length) return 0;
    // One write for the whole paste: today (and the trend) where a value was recorded, as it was elsewhere.
    const first = touched[0];
    const day = tracker.calendar.today();
    const today = tracker.calendar.cellFor(day);
    const dates = [];
    for (let sheetRow = first; sheetRow <= touched[touched.length - 1]; sheetRow++) {
      const value = recordedValues.get(sheetRow);
      dates.push(
        value === undefined
          ? { "Last check-in": keyResults.cell(sheetRow - 1, "Last check-in"), ...trendKept(keyResults, sheetRow - 1) }
          : { "Last check-in": today, ...trendAfter(keyResults, sheetRow - 1, day, value) },
      );
    }
    writeRows(keyResults, first, dates);
    history.commit(records);
    // The person typing sees no sidebar: tell them as Sheets does, with a toast.
    const told = [...warnings.told, history.newProblems].filter(Boolean).join(" ");
    if (told) tracker.spreadsheet.toast(told, "OKR Tracker", 15);
    return records.length;
  });
}

/**
 * A type chosen in the sheet that the row's Start, Target or Current don't fit (an increase at 120
 * made a milestone would read Done). The sheet already holds it, so the person is told how to fix it.
 */
function warnTypesValuesDoNotFit(tracker: Tracker, keyResults: Table, range: GoogleAppsScript.Spreadsheet.Range): void {
  const type = keyResults.col("Type");
  if (type < range.getColumn() - 1 || type > range.getColumn() + range.getNumColumns() - 2) return;
  const told: string[] = [];
  for (let sheetRow = Math.max(range.getRow(), 2); sheetRow < range.getRow() + range.getNumRows(); sheetRow++) {
    const kr = readKeyResult(keyResults, sheetRow - 1);
    const fits = valueRange(kr.type);
    if (!kr.id || !fits || kr.problem) continue;
    const values = { Start: kr.start, Target: kr.target, Current: kr.current };
    const misfits = Object.entries(values).filter(([, v]) => v !== null && !fits.fits(v));
    if (!misfits.length) continue;
    told.push(
      kr.id +
        " is now " +
        fits.what +
        ", which takes " +
        fits.values +
        ": change its " +
        misfits.map(([header, v]) => header + " (" + v + ")").join(", ") +
        ", or choose its type again.",
    );
  }
  if (told.length) tracker.spreadsheet.toast(told.slice(0, 3).join(" "), "OKR Tracker", 15);
}

/**
 * Values typed into an archived row, or that don't fit the key result's type, are recorded as the
 * sheet holds them (History follows the sheet), with a warning in the record's note and a toast.
 */
/** A closed cycle's grades are final: its key results take no check-ins, and nothing is written. */
function refuseClosedCycle(tracker: Tracker, kr: KeyResultView, objectives: Table): void {
  const cycle = closedCycles(tracker, objectives)(kr);
  if (cycle)
    throw new UserError(
      "closed-cycle",
      kr.id +
        " belongs to " +
        cycle +
        ", which is closed: its grades are final and it takes no check-ins. " +
        HOW_TO_REOPEN,
      "krId",
    );
}

/** History's note on a value typed for a closed cycle's key result: recorded, but the grade stands. */
function closedCycleNote(cycle: string): string {
  return (
    "Warning: typed after " +
    cycle +
    " was closed. The value is recorded; the frozen Final score stays. " +
    HOW_TO_REOPEN
  );
}

function typedWarnings(tracker: Tracker) {
  let objectives: Table | undefined;
  let closedCycleOf: ((kr: KeyResultView) => string | null) | undefined;
  const told = new Set<string>();
  return {
    told,
    noteFor(kr: KeyResultView, value: number): string {
      objectives ??= readTable(tracker, OBJECTIVES);
      closedCycleOf ??= closedCycles(tracker, objectives);
      const closed = closedCycleOf(kr);
      const range = valueRange(kr.type);
      const notes = [
        archivedNote(kr, objectives),
        closed ? closedCycleNote(closed) : "",
        range && !range.fits(value)
          ? "Warning: " + kr.id + " is " + range.what + ", which takes " + range.values + "; recorded as typed."
          : "",
      ].filter(Boolean);
      notes.forEach((note) => told.add(note));
      return notes.join(" ");
    },
  };
}

function valueFormat(kr: KeyResultView): string | undefined {
  return kr.type === "percentage" ? "0%" : undefined;
}

function oldValue(text: string): number | string {
  // Sheets writes a number's old value as JavaScript does ("1500.5"), whatever the locale.
  const parsed = parseNumber(text, EN_US);
  return parsed.ok ? parsed.value : text;
}
