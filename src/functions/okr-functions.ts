/**
 * What the OKR_* custom functions share, and OKR_ROLLUP. The others are made from the rulebook by
 * rule-function.ts; their public table is in public-functions.ts.
 */
import { isBlank, parseNumber, startOfDay } from "../core/cell-values";
import { RULES } from "../core/rulebook/rules";
import { argumentError, cellAt, cellsOf, mapCells } from "./arguments";

/** Which day it is, and which day a date cell holds: the spreadsheet's, in its time zone. */
export interface Days {
  today(): Date;
  dayOf(cell: Date): Date;
  /** The day a date cell holds as Sheets numbers it (days since 1899-12-30), without making a Date. */
  dayNumberOf(cell: Date): number;
}

const floor = Math.floor;

/** The script's own calendar, for when no spreadsheet is at hand. */
export const SCRIPT_DAYS: Days = {
  today: () => startOfDay(new Date()),
  dayOf: startOfDay,
  dayNumberOf: (cell) => floor((cell.getTime() - cell.getTimezoneOffset() * 60_000) / 86_400_000) + 25_569,
};

function numberAt(fn: string, arg: string, value: unknown, row: number | null): number {
  if (typeof value === "number" && value - value === 0) return value;
  const parsed = parseNumber(value);
  if (!parsed.ok) throw argumentError(fn, arg, row, value, parsed.problem);
  return parsed.value;
}

/** IDs compare as trimmed text, so a number-looking ID typed as a number still matches. */
function idText(value: unknown): string {
  if (typeof value !== "string") return "" + value;
  // Most IDs need no trimming: keep the very string, whose hash the Map has already computed.
  const n = value.length;
  return n > 0 && value.charCodeAt(0) > 32 && value.charCodeAt(n - 1) > 32 ? value : value.trim();
}

function sameSize(fn: string, name: string, cells: number, owners: number): void {
  if (cells === owners) return;
  throw new Error(
    fn +
      ": " +
      name +
      " has " +
      cells +
      " cells but kr_objective_ids has " +
      owners +
      ". Give ranges of the same size.",
  );
}

const { countedWeight, weightedProgress, rollup } = RULES;
type Totals = Map<string, { weighted: number; weight: number }>;
const DEFAULT_WEIGHT = countedWeight.args[0].default;

/**
 * Each objective's progress, by the rulebook's weightedProgress and rollup: a KR whose progress is
 * blank counts as 0 (not started); an objective without KRs gives a blank.
 */
export function okrRollup(
  objectiveIds: unknown,
  krObjectiveIds: unknown,
  krProgress: unknown,
  krWeights?: unknown,
): unknown {
  const fn = "OKR_ROLLUP";
  // Read in place, cell k in row order: copying 100,000-row columns first cost as much as the sums.
  const owners = cellsOf(krObjectiveIds);
  const progress = cellsOf(krProgress);
  const weights = isBlank(krWeights) ? null : cellsOf(krWeights);
  sameSize(fn, "kr_progress", progress.count, owners.count);
  if (weights !== null) sameSize(fn, "kr_weights", weights.count, owners.count);
  // Per objective, the totals the sheet's SUMIFs make: weighted progress and counted weight.
  const totals: Totals = new Map();
  for (let i = 0; i < owners.count; i++) {
    const owner = cellAt(owners, i);
    if (isBlank(owner)) continue;
    const key = idText(owner);
    const rawWeight = weights === null ? "" : cellAt(weights, i);
    const given = isBlank(rawWeight) ? DEFAULT_WEIGHT : numberAt(fn, "kr_weights", rawWeight, i + 1);
    if (given < 0) throw argumentError(fn, "kr_weights", i + 1, rawWeight, "is negative; weights are 0 or more");
    const weight = countedWeight.compute(given, null);
    const rawProgress = cellAt(progress, i);
    const value = isBlank(rawProgress) ? null : numberAt(fn, "kr_progress", rawProgress, i + 1);
    const weighted = weightedProgress.compute(value, weight);
    const total = totals.get(key);
    if (total) {
      total.weighted += weighted;
      total.weight += weight;
    } else totals.set(key, { weighted, weight });
  }
  return mapCells(fn, [{ name: "objective_ids", value: objectiveIds }], objectiveProgress, totals);
}

/** One objective's cell of OKR_ROLLUP, made once (see mapCells). */
function objectiveProgress(
  id: unknown,
  _b: unknown,
  _c: unknown,
  _d: unknown,
  _e: unknown,
  _row: unknown,
  totals: Totals,
) {
  if (isBlank(id)) return "";
  const total = totals.get(idText(id));
  return (total && rollup.compute([total.weighted], [total.weight])) ?? "";
}
