/**
 * Generated cases for every rule of the rulebook, by argument name: a number, a "yyyy-mm-dd" date, a
 * text, TRUE/FALSE or a list; null is a blank cell, a missing name an argument left out. Typed by the
 * table, so a new rule without cases does not compile (and the agreement test says which is missing).
 */
import type { RuleName } from "../../src/core/rulebook/rules";

export type CaseValue = number | string | boolean | null | undefined | readonly (number | null)[];
export type Case = Record<string, CaseValue>;

/** Every combination of the given values, one case each; `undefined` leaves the argument out. */
function product(axes: Record<string, readonly CaseValue[]>): Case[] {
  let cases: Case[] = [{}];
  for (const [name, values] of Object.entries(axes)) {
    cases = cases.flatMap((c) =>
      values.map((value) => {
        const next = { ...c };
        if (value !== undefined) next[name] = value;
        return next;
      }),
    );
  }
  return cases;
}

const KR_TYPES = [undefined, null, "increase", "decrease", "percentage", "milestone", "Milestone"];

// [start, target, current]: up, down (a decreasing metric), beyond either end, percentages, milestones, blanks.
const MEASURES: readonly (readonly CaseValue[])[] = [
  [0, 100, 25],
  [100, 300, 150],
  [10, 2, 4],
  [0, 10, 25],
  [50, 100, 10],
  [10, 2, 0],
  [10, 2, 12],
  [0.07, 0.1, 0.085],
  [0, 1, 1],
  [0, 1, 0],
  [0, 1, 0.5],
  [null, 100, 40],
  [undefined, 100, 40],
  [5, 10, null],
  [5, null, 7],
  [10, 10, 5],
  [0, 0, 1],
];

const progress = KR_TYPES.flatMap((type) =>
  MEASURES.flatMap(([start, target, current]) =>
    product({ current: [current], target: [target], start: [start], type: [type] }),
  ),
);

// A quarter; March and late October–November across daylight-saving changes; one day; an end before its start; blanks.
const CYCLES: readonly (readonly CaseValue[])[] = [
  ["2026-10-01", "2026-12-31"],
  ["2026-03-01", "2026-03-31"],
  ["2026-10-25", "2026-11-10"],
  ["2026-05-05", "2026-05-05"],
  ["2026-06-10", "2026-06-01"],
  [null, "2026-12-31"],
  ["2026-10-01", null],
];
const DAYS = [
  "2026-09-30",
  "2026-10-01",
  "2026-11-01",
  "2026-11-02",
  "2026-11-16",
  "2026-12-31",
  "2027-01-01",
  "2026-03-08",
  "2026-03-09",
  "2026-05-05",
  undefined,
  null,
];

const expected = CYCLES.flatMap(([start, end]) => product({ cycle_start: [start], cycle_end: [end], as_of: DAYS }));

const status = [
  // Every progress against every expected, gaps and check-in left out.
  ...product({
    progress: [null, -0.2, 0, 0.3, 0.5, 0.6, 0.7, 0.9999, 1, 1.2],
    expected: [null, 0, 0.6, 0.75, 0.7501, 0.8, 1],
  }),
  // No check-in yet, and a check-in given as TRUE, FALSE or left blank.
  ...product({ progress: [0, 0.5, 1], expected: [null, 0.8], checked_in: [true, false, null] }),
  // Other gaps, blank gaps, and an off-track gap smaller than the at-risk one.
  ...product({
    progress: [0.5],
    expected: [0.6, 0.8, 1],
    at_risk_gap: [0.05, null, 0.3],
    off_track_gap: [0.5, null, 0.2],
  }),
];

/** A day as Sheets numbers it, from "yyyy-mm-dd" (days since 1899-12-30). */
function serial(day: string): number {
  const [y, m, d] = day.split("-").map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25_569;
}

/** A key result's check-ins as the running sums its row keeps (the start is not among them). */
function sums(points: readonly (readonly [string, number])[]): Case {
  const c = {
    check_ins: 0,
    sum_days: 0,
    sum_values: 0,
    sum_days_squared: 0,
    sum_days_values: 0,
    sum_values_squared: 0,
  };
  for (const [day, v] of points) {
    const t = serial(day);
    c.check_ins += 1;
    c.sum_days += t;
    c.sum_values += v;
    c.sum_days_squared += t * t;
    c.sum_days_values += t * v;
    c.sum_values_squared += v * v;
  }
  return c;
}

const QUARTER = { cycle_start: "2026-10-01", cycle_end: "2026-12-31" };

/** Key results with their check-ins, and targets to ask the chance of: below, near and beyond the forecast. */
const TRENDS: readonly { kr: Case; targets: readonly number[] }[] = [
  // Rising with scatter.
  {
    kr: {
      ...QUARTER,
      start: 0,
      type: "increase",
      ...sums([
        ["2026-10-15", 12],
        ["2026-10-29", 20],
        ["2026-11-12", 35],
        ["2026-11-26", 41],
      ]),
    },
    targets: [50, 80, 100, 150],
  },
  // Falling (a decreasing key result: the chance is of ending at or below the target).
  {
    kr: {
      ...QUARTER,
      start: 10,
      type: "decrease",
      ...sums([
        ["2026-10-10", 9],
        ["2026-10-20", 8.5],
        ["2026-11-01", 7],
        ["2026-11-15", 6.8],
      ]),
    },
    targets: [2, 4, 5, 8],
  },
  // Falling fast towards zero (a time to detect): the line heads below 0, where the forecast stops,
  // unless the target is below 0 too (a metric that can be negative, like net churn).
  {
    kr: {
      ...QUARTER,
      start: 72,
      type: "decrease",
      ...sums([
        ["2026-10-15", 60],
        ["2026-11-01", 38],
        ["2026-11-15", 24],
      ]),
    },
    targets: [2, 0, -10],
  },
  // Flat: every check-in at the start value.
  {
    kr: {
      ...QUARTER,
      start: 50,
      ...sums([
        ["2026-10-15", 50],
        ["2026-11-01", 50],
        ["2026-11-15", 50],
      ]),
    },
    targets: [40, 50, 100],
  },
  // On a line: one a day, reaching 91 on the quarter's last day.
  {
    kr: {
      ...QUARTER,
      start: 0,
      ...sums([
        ["2026-10-11", 10],
        ["2026-10-21", 20],
      ]),
    },
    targets: [91, 92, 90.5],
  },
  // Large values and a percentage.
  {
    kr: {
      ...QUARTER,
      start: 1_200_000,
      ...sums([
        ["2026-10-08", 1_213_000],
        ["2026-10-22", 1_231_500],
        ["2026-11-05", 1_229_000],
        ["2026-11-19", 1_260_250],
      ]),
    },
    targets: [1_300_000, 1_500_000],
  },
  {
    kr: {
      ...QUARTER,
      start: 0.07,
      type: "percentage",
      ...sums([
        ["2026-10-20", 0.075],
        ["2026-11-10", 0.08],
        ["2026-11-30", 0.09],
      ]),
    },
    targets: [0.1, 0.09],
  },
  // A cycle across daylight saving's end, three check-ins on two days, one past the cycle's end.
  {
    kr: {
      cycle_start: "2026-10-25",
      cycle_end: "2026-11-10",
      start: 3,
      ...sums([
        ["2026-10-27", 4],
        ["2026-10-27", 5],
        ["2026-11-02", 6],
        ["2026-11-12", 9],
      ]),
    },
    targets: [8, 12],
  },
  // Too few points: one check-in; two on the cycle's first day (no slope); none.
  { kr: { ...QUARTER, start: 0, ...sums([["2026-11-01", 30]]) }, targets: [100] },
  {
    kr: {
      ...QUARTER,
      start: 0,
      ...sums([
        ["2026-10-01", 5],
        ["2026-10-01", 7],
      ]),
    },
    targets: [100],
  },
  { kr: { ...QUARTER, start: 0, ...sums([]) }, targets: [100] },
  // A milestone: no forecast.
  {
    kr: {
      ...QUARTER,
      start: 0,
      type: "milestone",
      ...sums([
        ["2026-10-15", 0],
        ["2026-11-01", 0],
        ["2026-11-15", 1],
      ]),
    },
    targets: [1],
  },
];

const POINT_ARGS = [
  "check_ins",
  "sum_days",
  "sum_values",
  "sum_days_squared",
  "sum_days_values",
  "sum_values_squared",
  "start",
  "cycle_start",
  "cycle_end",
  "type",
];

/** The trends, then the first one with each argument blank, and with each one that has a default left out. */
function forecastCases(withTarget: boolean, targetOptional = false): Case[] {
  const cases = TRENDS.flatMap(({ kr, targets }) => (withTarget ? targets.map((target) => ({ ...kr, target })) : [kr]));
  const first = cases[0];
  const names = withTarget ? [...POINT_ARGS, "target"] : POINT_ARGS;
  for (const name of names) cases.push({ ...first, [name]: null });
  for (const name of names.filter((n) => !n.startsWith("cycle_") && (n !== "target" || targetOptional))) {
    const out = { ...first };
    delete out[name];
    cases.push(out);
  }
  cases.push({ ...first, type: "Milestone" });
  if (withTarget) cases.push({ ...first, target: first.start as number });
  return cases;
}

/**
 * Where the forms may differ by more than rounding: the emulator's T.DIST and T.INV come from jStat,
 * whose incomplete beta stops at a relative step of 3e-7, while forecast.ts uses the exact closed
 * forms (its own tests hold it to published tables).
 */
export const TOLERANCE: Partial<Record<RuleName, number>> = { chance: 1e-6, forecastLow: 1e-6, forecastHigh: 1e-6 };

export const CASES: Record<RuleName, Case[]> = {
  progress,
  expected,
  checkedIn: product({ last_check_in: ["2026-10-05", "2020-01-01", null] }),
  status,
  score: product({
    progress: [null, -0.5, 0, 0.04, 0.05, 0.15, 0.25, 0.349, 0.35, 0.45, 0.55, 0.65, 0.75, 0.85, 0.95, 1, 1.3],
  }),
  grade: product({ score: [null, 0, 0.1, 0.3, 0.39, 0.4, 0.6, 0.69, 0.7, 0.9, 1, 1.2, -0.1] }),
  reading: product({
    score: [null, 0, 0.6, 0.7, 0.9, 1],
    commitment: [undefined, null, "committed", "Committed", "aspirational", "other"],
  }),
  countedWeight: product({ weight: [undefined, null, 0, 1, 2.5], state: [null, "Active", "Archived", "archived"] }),
  weightedProgress: product({
    progress: [null, -0.1, 0, 0.5, 1, 1.5],
    counted_weight: [undefined, null, 0, 1, 3],
  }),
  countedCheckIn: product({ last_check_in: [null, "2026-10-05"], state: [null, "Active", "Archived", "ARCHIVED"] }),
  rollup: [
    { weighted_progress: [], counted_weight: [] },
    { weighted_progress: [0.5], counted_weight: [1] },
    { weighted_progress: [0.5, 0], counted_weight: [1, 1] },
    { weighted_progress: [1.5, 0.25], counted_weight: [3, 1] },
    { weighted_progress: [0, 0], counted_weight: [0, 0] },
    { weighted_progress: [null, 0.5], counted_weight: [1, 1] },
    { weighted_progress: [0.6], counted_weight: [2] },
    { weighted_progress: [0.2, 0.3, 0.1], counted_weight: [1, 1, 1] },
  ],
  // Own progress (blank: no key result of its own counts) against its children's weighted progress.
  alignedProgress: [null, 0, 0.4, 1].flatMap((own) =>
    [
      { weighted_progress: [], counted_weight: [] },
      { weighted_progress: [0.5, 0], counted_weight: [1, 1] },
      { weighted_progress: [1.5, 0.25], counted_weight: [3, 1] },
      { weighted_progress: [0, 0], counted_weight: [0, 0] },
      { weighted_progress: [null, 0.6], counted_weight: [2, 1] },
    ].map((children) => ({ own_progress: own, ...children })),
  ),
  needsUpdate: product({
    last_check_in: [null, "2026-10-05", "2026-10-20"],
    cycle_start: [null, "2026-10-01"],
    cadence: [undefined, null, 7, 14, 30],
    as_of: ["2026-10-15", "2026-10-19", "2026-10-20", "2026-11-03", "2026-11-04", undefined, null],
  }),
  anyCheckIn: [[], [0], [0, 0], [1], [0, 1], [null, 1], [null]].map((list) => ({ counted_check_ins: list })),
  forecast: forecastCases(true, true),
  forecastLow: forecastCases(true, true),
  forecastHigh: forecastCases(true, true),
  chance: forecastCases(true),
  runRate: [
    ...product({
      current: [30, null],
      last_check_in: ["2026-11-15", "2026-10-01", "2026-09-20", null],
      start: [0, 10, null, undefined],
      cycle_start: ["2026-10-01", null],
      cycle_end: ["2026-12-31", null],
      type: ["increase", "decrease", "milestone", null, undefined],
    }),
    // Falling so fast the pace passes 0 before the end: it stops there unless the target is below 0.
    ...product({
      current: [5],
      last_check_in: ["2026-10-20"],
      start: [80, -5],
      cycle_start: ["2026-10-01"],
      cycle_end: ["2026-12-31"],
      type: ["decrease"],
      target: [2, null, -30],
    }),
  ],
};
