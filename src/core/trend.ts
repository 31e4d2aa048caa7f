/**
 * What a key result's row keeps for its forecast and its trend (docs/FORECAST.md): the running sums
 * of its check-ins (one point a day, the day's last value) and its latest points, from which the
 * Trend cell is drawn. The check-in's own write carries them, so nothing reads History for them;
 * Repair recounts them from History.
 */
import { isBlank, parseNumber } from "./cell-values";
import { addPoint, NO_POINTS, type PointSums } from "./forecast";

/** The row's columns, by header: the sums the rulebook's forecast entries take, and the latest points. */
export const SUM_COLUMNS = {
  n: "Check-ins counted",
  t: "Sum of days",
  v: "Sum of values",
  tt: "Sum of days²",
  tv: "Sum of days × values",
  vv: "Sum of values²",
} as const;
export const RECENT_COLUMN = "Recent check-ins";
export const TREND_COLUMN = "Trend";

/** How many points the Trend cell shows (and the row keeps). */
export const RECENT_POINTS = 12;

/** A point: the day as Sheets numbers it, and the value. */
export type Point = readonly [day: number, value: number];

export interface TrendState {
  sums: PointSums;
  /** The latest points, oldest first, at most RECENT_POINTS. */
  recent: Point[];
}

export const NO_TREND: TrendState = { sums: NO_POINTS, recent: [] };

/** The latest points as the row keeps them: "day:value" pairs, JavaScript's number format, whatever the locale. */
export function recentText(recent: readonly Point[]): string {
  return recent.map(([day, value]) => day + ":" + value).join(" ");
}

export function parseRecent(text: string): Point[] {
  const points: Point[] = [];
  for (const pair of text.trim().split(/\s+/)) {
    const [day, value] = pair.split(":").map(Number);
    if (pair && Number.isFinite(day) && Number.isFinite(value)) points.push([day, value]);
  }
  return points;
}

/** A row's state from its cells (by header); blanks are a key result without check-ins yet. */
export function readTrend(cell: (header: string) => unknown): TrendState {
  const number = (header: string) => {
    const value = cell(header);
    if (isBlank(value)) return 0;
    const parsed = parseNumber(value);
    return parsed.ok ? parsed.value : 0;
  };
  const recent = cell(RECENT_COLUMN);
  return {
    sums: {
      n: number(SUM_COLUMNS.n),
      t: number(SUM_COLUMNS.t),
      v: number(SUM_COLUMNS.v),
      tt: number(SUM_COLUMNS.tt),
      tv: number(SUM_COLUMNS.tv),
      vv: number(SUM_COLUMNS.vv),
    },
    recent: parseRecent(typeof recent === "string" ? recent : ""),
  };
}

/**
 * The state after a value recorded on `day`: a point more, or, when the latest point is of the same
 * day, that point replaced (a correction on the day is not a second measurement).
 */
export function recordPoint(state: TrendState, day: number, value: number): TrendState {
  let sums = state.sums;
  const recent = state.recent.slice();
  const last = recent[recent.length - 1];
  if (last && last[0] === day && sums.n > 0) {
    sums = addPoint(sums, last[0], last[1], -1);
    recent.pop();
  }
  recent.push([day, value]);
  return { sums: addPoint(sums, day, value), recent: recent.slice(-RECENT_POINTS) };
}

/** A key result's state from its recorded values in time order (Repair's recount from History). */
export function trendOf(points: readonly Point[]): TrendState {
  return points.reduce((state, [day, value]) => recordPoint(state, day, value), NO_TREND);
}

const BLOCKS = "▁▂▃▄▅▆▇█";

/**
 * The Trend cell: one bar per recent check-in, its height the progress it made (start ▁ to target █),
 * so the eye reads direction and pace in the row. A target equal to the start scales to the values.
 */
export function trendText(recent: readonly Point[], start: number, target: number): string {
  if (!recent.length) return "";
  let low = start;
  let high = target;
  if (low === high) {
    low = Math.min(...recent.map((p) => p[1]));
    high = Math.max(...recent.map((p) => p[1]));
  }
  return recent
    .map(([, value]) => {
      const share = high === low ? 0.5 : (value - low) / (high - low);
      return BLOCKS.charAt(Math.round((share < 0 ? 0 : share > 1 ? 1 : share) * (BLOCKS.length - 1)));
    })
    .join("");
}
