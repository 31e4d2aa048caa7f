/** The OKR_* custom functions' behaviour, built on the pure core. Their public table is in public-functions.ts. */
import { isBlank, isDate, parseDate, parseNumber, startOfDay } from "../core/cell-values";
import { expectedProgress } from "../core/cycle";
import { clamp01, progressBetween } from "../core/progress";
import { score } from "../core/score";
import { DEFAULT_AT_RISK_GAP, DEFAULT_OFF_TRACK_GAP, statusFor } from "../core/status";
import { argumentError, flatten, mapCells } from "./arguments";

const BLANK = "";

function numberAt(fn: string, arg: string, value: unknown, row: number | null): number {
  // Fast path: Sheets hands over plain numbers for almost every cell.
  if (typeof value === "number" && value - value === 0) return value;
  const parsed = parseNumber(value);
  if (!parsed.ok) throw argumentError(fn, arg, row, value, parsed.problem);
  return parsed.value;
}

function optionalNumberAt(fn: string, arg: string, value: unknown, row: number | null, fallback: number): number {
  if (typeof value === "number" && value - value === 0) return value;
  return isBlank(value) ? fallback : numberAt(fn, arg, value, row);
}

/** Which day it is, and which day a date cell holds: the spreadsheet's, in its time zone. */
export interface Days {
  today(): Date;
  dayOf(cell: Date): Date;
}

/** The script's own calendar, for when no spreadsheet is at hand. */
export const SCRIPT_DAYS: Days = { today: () => startOfDay(new Date()), dayOf: startOfDay };

function dateAt(fn: string, arg: string, value: unknown, row: number | null, days: Days): Date {
  if (isDate(value) && !Number.isNaN(value.getTime())) return days.dayOf(value);
  const parsed = parseDate(value);
  if (!parsed.ok) throw argumentError(fn, arg, row, value, parsed.problem);
  return parsed.value;
}

/** IDs compare as trimmed text, so a number-looking ID typed as a number still matches. */
function idText(value: unknown): string {
  return typeof value === "string" ? value.trim() : "" + value;
}

export function okrProgress(current: unknown, target: unknown, start?: unknown): unknown {
  const fn = "OKR_PROGRESS";
  return mapCells(
    fn,
    [
      { name: "current", value: current },
      { name: "target", value: target },
      { name: "start", value: start },
    ],
    (current, target, start, _d, row) => {
      if (isBlank(current) || isBlank(target)) return BLANK;
      const now = numberAt(fn, "current", current, row);
      const goal = numberAt(fn, "target", target, row);
      const from = optionalNumberAt(fn, "start", start, row, 0);
      if (goal === from)
        throw argumentError(
          fn,
          "target",
          row,
          target,
          "equals the start value, so progress cannot be measured; set a target different from the start",
        );
      return progressBetween(now, goal, from);
    },
  );
}

export function okrExpected(cycleStart: unknown, cycleEnd: unknown, asOf?: unknown, days: Days = SCRIPT_DAYS): unknown {
  const fn = "OKR_EXPECTED";
  return mapCells(
    fn,
    [
      { name: "cycle_start", value: cycleStart },
      { name: "cycle_end", value: cycleEnd },
      { name: "as_of", value: asOf },
    ],
    (first, last, day, _d, row) => {
      if (isBlank(first) || isBlank(last)) return BLANK;
      const start = dateAt(fn, "cycle_start", first, row, days);
      const end = dateAt(fn, "cycle_end", last, row, days);
      if (end < start)
        throw argumentError(fn, "cycle_end", row, last, "is before cycle_start; the end is the cycle's last day");
      const at = isBlank(day) ? days.today() : dateAt(fn, "as_of", day, row, days);
      return expectedProgress(start, end, at);
    },
  );
}

export function okrStatus(progress: unknown, expected: unknown, atRiskGap?: unknown, offTrackGap?: unknown): unknown {
  const fn = "OKR_STATUS";
  const args = [
    { name: "progress", value: progress },
    { name: "expected", value: expected },
    { name: "at_risk_gap", value: atRiskGap },
    { name: "off_track_gap", value: offTrackGap },
  ];
  return mapCells(fn, args, (p, e, riskGap, offGap, row) => {
    if (isBlank(p)) return BLANK;
    const done = numberAt(fn, "progress", p, row);
    if (isBlank(e))
      throw argumentError(fn, "expected", row, e, "is blank; give the expected progress, e.g. from OKR_EXPECTED");
    const due = numberAt(fn, "expected", e, row);
    const risk = optionalNumberAt(fn, "at_risk_gap", riskGap, row, DEFAULT_AT_RISK_GAP);
    const off = optionalNumberAt(fn, "off_track_gap", offGap, row, DEFAULT_OFF_TRACK_GAP);
    if (off < risk)
      throw argumentError(
        fn,
        "off_track_gap",
        row,
        offGap,
        "is smaller than at_risk_gap; it must be at least as large",
      );
    return statusFor(done, due, risk, off);
  });
}

export function okrScore(progress: unknown): unknown {
  const fn = "OKR_SCORE";
  return mapCells(fn, [{ name: "progress", value: progress }], (p, _b, _c, _d, row) =>
    isBlank(p) ? BLANK : score(numberAt(fn, "progress", p, row)),
  );
}

/**
 * Each objective's progress: the weighted mean of its key results' progress. A KR whose progress
 * is blank counts as 0 (not started); an objective without KRs gives a blank.
 */
export function okrRollup(
  objectiveIds: unknown,
  krObjectiveIds: unknown,
  krProgress: unknown,
  krWeights?: unknown,
): unknown {
  const fn = "OKR_ROLLUP";
  const owners = flatten(krObjectiveIds);
  const progress = flatten(krProgress);
  const weights = isBlank(krWeights) ? null : flatten(krWeights);
  if (progress.length !== owners.length) {
    throw new Error(
      fn +
        ": kr_progress has " +
        progress.length +
        " cells but kr_objective_ids has " +
        owners.length +
        ". Give ranges of the same size.",
    );
  }
  if (weights !== null && weights.length !== owners.length) {
    throw new Error(
      fn +
        ": kr_weights has " +
        weights.length +
        " cells but kr_objective_ids has " +
        owners.length +
        ". Give ranges of the same size.",
    );
  }
  const sums = new Map<string, { sum: number; weight: number }>();
  for (let i = 0; i < owners.length; i++) {
    if (isBlank(owners[i])) continue;
    const key = idText(owners[i]);
    const weight = weights === null || isBlank(weights[i]) ? 1 : numberAt(fn, "kr_weights", weights[i], i + 1);
    if (weight < 0) throw argumentError(fn, "kr_weights", i + 1, weights?.[i], "is negative; weights are 0 or more");
    const value = isBlank(progress[i]) ? 0 : numberAt(fn, "kr_progress", progress[i], i + 1);
    const entry = sums.get(key);
    const share = clamp01(value) * weight;
    if (entry) {
      entry.sum += share;
      entry.weight += weight;
    } else {
      sums.set(key, { sum: share, weight });
    }
  }
  return mapCells(fn, [{ name: "objective_ids", value: objectiveIds }], (id) => {
    if (isBlank(id)) return BLANK;
    const entry = sums.get(idText(id));
    return entry && entry.weight > 0 ? entry.sum / entry.weight : BLANK;
  });
}
