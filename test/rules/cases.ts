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
  anyCheckIn: [[], [0], [0, 0], [1], [0, 1], [null, 1], [null]].map((list) => ({ counted_check_ins: list })),
};
