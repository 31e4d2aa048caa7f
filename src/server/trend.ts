/**
 * The trend cells of a key result's row (core/trend.ts): updated inside the write that records a
 * value (a check-in, a typed or pasted value), and recounted from History by Repair.
 */
import { isBlank, parseNumber } from "../core/cell-values";
import { dayNumber } from "../core/forecast";
import { HISTORY, KEY_RESULTS } from "../core/layout";
import { cellText, textForCell } from "../core/text-cells";
import {
  readTrend,
  recentText,
  recordPoint,
  RECENT_COLUMN,
  SUM_COLUMNS,
  TREND_COLUMN,
  trendOf,
  trendText,
  type Point,
  type TrendState,
} from "../core/trend";
import { readTable, writeRows, type Table, type Tracker } from "./tables";
import { readRecord } from "./history";

const HEADERS = [TREND_COLUMN, ...Object.values(SUM_COLUMNS), RECENT_COLUMN];
/** History's sources that are measurements (not a carried-over start or an integrity report). */
const CHECK_IN_SOURCES = new Set(["sidebar", "typed in sheet", "pasted in sheet"]);

/** A tracker set up before the forecast has none of these columns until Repair: it then keeps none. */
function hasTrend(table: Table): boolean {
  return HEADERS.every((header) => table.col(header) >= 0);
}

function numberAt(table: Table, row: number, header: string): number | null {
  const value = table.cell(row, header);
  if (isBlank(value)) return null;
  const parsed = parseNumber(value);
  return parsed.ok ? parsed.value : null;
}

/** The cells for a row's state; text as text (a Trend of bars, points as "day:value"), whatever the locale. */
function cellsOf(table: Table, row: number, state: TrendState): Record<string, unknown> {
  const start = numberAt(table, row, "Start") ?? 0;
  const target = numberAt(table, row, "Target") ?? start;
  const { sums } = state;
  return {
    [TREND_COLUMN]: textForCell(trendText(state.recent, start, target)),
    [SUM_COLUMNS.n]: sums.n || "",
    [SUM_COLUMNS.t]: sums.n ? sums.t : "",
    [SUM_COLUMNS.v]: sums.n ? sums.v : "",
    [SUM_COLUMNS.tt]: sums.n ? sums.tt : "",
    [SUM_COLUMNS.tv]: sums.n ? sums.tv : "",
    [SUM_COLUMNS.vv]: sums.n ? sums.vv : "",
    [RECENT_COLUMN]: textForCell(recentText(state.recent)),
  };
}

/**
 * The row's trend cells once `value` is recorded on `day`, to go into the same write as the value
 * (they sit next to Current and Last check-in). Nothing when the sheet has no trend columns yet.
 */
export function trendAfter(keyResults: Table, row: number, day: Date, value: number): Record<string, unknown> {
  if (!hasTrend(keyResults)) return {};
  const state = readTrend((header) => keyResults.cell(row, header));
  return cellsOf(keyResults, row, recordPoint(state, dayNumber(day), value));
}

/** The row's trend cells as they are, for rows a paste's write spans without recording a value. */
export function trendKept(keyResults: Table, row: number): Record<string, unknown> {
  if (!hasTrend(keyResults)) return {};
  const cells: Record<string, unknown> = {};
  for (const header of HEADERS) {
    const value = keyResults.cell(row, header);
    cells[header] = typeof value === "string" ? textForCell(cellText(value)) : value;
  }
  return cells;
}

/**
 * Repair: every key result's trend from History (its check-ins, one point a day: the day's last
 * value), written in one go. Key results IDs are per cycle, so a key result's records are its cycle's.
 */
export function recountTrends(tracker: Tracker): number {
  if (!tracker.has("keyResults") || !tracker.has("history")) return 0;
  const keyResults = readTable(tracker, KEY_RESULTS);
  const rows = keyResults.rowsWith("ID");
  if (!rows.length || !hasTrend(keyResults)) return 0;
  const history = readTable(tracker, HISTORY);
  const points = new Map<string, Point[]>();
  for (let r = 1; r < history.values.length; r++) {
    const { record } = readRecord(history, r);
    if (!CHECK_IN_SOURCES.has(record.source) || typeof record.value !== "number") continue;
    if (Number.isNaN(record.timestamp.getTime())) continue;
    const list = points.get(record.krId) ?? [];
    list.push([dayNumber(tracker.calendar.dayOfInstant(record.timestamp)), record.value]);
    points.set(record.krId, list);
  }
  const first = rows[0];
  const last = rows[rows.length - 1];
  const cells: Record<string, unknown>[] = [];
  for (let row = first; row <= last; row++) {
    const id = keyResults.text(row, "ID");
    if (!id) {
      cells.push(trendKept(keyResults, row));
      continue;
    }
    cells.push(cellsOf(keyResults, row, trendOf(points.get(id) ?? [])));
  }
  writeRows(keyResults, first + 1, cells);
  return rows.length;
}
