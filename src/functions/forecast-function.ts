/**
 * OKR_FORECAST(dates, values, end_date, [target]): the least-squares line through dated values
 * (forecast.ts, the maths of the rulebook's forecast and chance), read at end_date, or with a
 * target the chance of reaching it. The points are one series; end_date and target may be ranges,
 * one answer per cell, like the other OKR_* functions.
 */
import { isBlank, isDate, parseDate, parseNumber } from "../core/cell-values";
import { chanceOf, dayNumber, fitLine, MIN_POINTS, valueAt, type Line } from "../core/forecast";
import { argumentError, mapCells } from "./arguments";
import type { Days } from "./okr-functions";
import { spreadsheetDays } from "./spreadsheet-days";

const FN = "OKR_FORECAST";
const floor = Math.floor;

/** A range as Sheets passes it, or a single cell as a 1×1 range. */
function gridOf(value: unknown): unknown[][] {
  return Array.isArray(value) && Array.isArray(value[0]) && value[0].length ? (value as unknown[][]) : [[value]];
}

function numberOf(raw: unknown, row: number | null): number {
  if (typeof raw === "number" && raw - raw === 0) return raw;
  const parsed = parseNumber(raw);
  if (!parsed.ok) throw argumentError(FN, "values", row, raw, parsed.problem);
  return parsed.value;
}

/** A value's day as Sheets numbers it: a date cell in the spreadsheet's calendar, a number as it is, text as typed. */
function dayOf(days: Days, cell: unknown, value: number, row: number | null): number {
  if (isBlank(cell))
    throw new Error(
      FN +
        ": dates" +
        (row === null ? "" : " in row " + row + " of the range") +
        " is blank, but values has " +
        value +
        " there. Give each value its day.",
    );
  return dayNumberOf(days, cell, "dates", row);
}

function dayNumberOf(days: Days, cell: unknown, arg: string, row: number | null): number {
  if (typeof cell === "number" && cell - cell === 0) return floor(cell);
  // A valid date equals itself (NaN does not).
  if (isDate(cell) && cell.getTime() === cell.getTime()) return days.dayNumberOf(cell);
  const parsed = parseDate(cell);
  if (!parsed.ok) throw argumentError(FN, arg, row, cell, parsed.problem);
  return dayNumber(parsed.value);
}

interface Series {
  line: Line;
  /** The earliest point's value: where the key result started, which tells whether it decreases. */
  first: number;
}

/** The line through the pairs; a row whose value is blank is skipped (not recorded yet). */
function seriesOf(days: Days, dates: unknown, values: unknown): Series {
  // Read in place, row by row (no flattened copies): this runs over whole columns.
  const when = gridOf(dates);
  const what = gridOf(values);
  const cols = what[0].length;
  const size = (grid: unknown[][]) => grid.length * grid[0].length;
  if (when.length !== what.length || when[0].length !== cols)
    throw new Error(
      FN + ": dates has " + size(when) + " cells but values has " + size(what) + ". Give ranges of the same size.",
    );
  const single = what.length === 1 && cols === 1;
  // Plain locals, not addPoint: this loop runs over whole columns.
  let n = 0;
  let st = 0;
  let sv = 0;
  let stt = 0;
  let stv = 0;
  let svv = 0;
  let firstDay = Infinity;
  let first = 0;
  for (let r = 0; r < what.length; r++) {
    const dateRow = when[r];
    const valueRow = what[r];
    for (let c = 0; c < cols; c++) {
      const raw = valueRow[c];
      const cell = dateRow[c] as Date;
      let value: number;
      let t: number;
      // The usual pair, a number and a date cell: no function call, no global lookup.
      if (
        typeof raw === "number" &&
        raw - raw === 0 &&
        typeof cell === "object" &&
        cell !== null &&
        typeof cell.getTime === "function"
      ) {
        value = raw;
        t = days.dayNumberOf(cell);
      } else {
        if (isBlank(raw)) continue;
        const row = single ? null : r * cols + c + 1;
        value = numberOf(raw, row);
        t = dayOf(days, cell, value, row);
      }
      if (t !== t) t = dayOf(days, cell, value, single ? null : r * cols + c + 1); // an invalid date: its message
      if (t < firstDay) {
        firstDay = t;
        first = value;
      }
      n++;
      st += t;
      sv += value;
      stt += t * t;
      stv += t * value;
      svv += value * value;
    }
  }
  const line = fitLine({ n, t: st, v: sv, tt: stt, tv: stv, vv: svv });
  if (line) return { line, first };
  throw new Error(
    n < MIN_POINTS
      ? FN + ": a line needs at least " + MIN_POINTS + " dated values, and values has " + n + ". Add check-ins."
      : FN + ": every value is on the same day, so there is no trend. Give values from at least two days.",
  );
}

export function okrForecast(dates: unknown, values: unknown, endDate: unknown, target?: unknown): unknown {
  const days = spreadsheetDays();
  const { line, first } = seriesOf(days, dates, values);
  return mapCells(
    FN,
    [
      { name: "end_date", value: endDate },
      { name: "target", value: target },
    ],
    forecastAt,
    { days, line, first },
  );
}

/** One cell of OKR_FORECAST, made once (see mapCells). */
function forecastAt(
  end: unknown,
  goal: unknown,
  _c: unknown,
  _d: unknown,
  _e: unknown,
  row: number | null,
  { days, line, first }: { days: Days; line: Line; first: number },
): unknown {
  if (isBlank(end)) return "";
  const t = dayNumberOf(days, end, "end_date", row);
  if (isBlank(goal)) return valueAt(line, t);
  const parsed = typeof goal === "number" ? { ok: true as const, value: goal } : parseNumber(goal);
  if (!parsed.ok) throw argumentError(FN, "target", row, goal, parsed.problem);
  return chanceOf(line, t, parsed.value, parsed.value < first);
}
