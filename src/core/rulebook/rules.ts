/**
 * The rulebook: every quantity the tracker computes, once. Each entry declares its arguments and
 * holds the TypeScript function (the sidebar, the custom functions) next to the Sheets formula builder
 * (the sheets' own columns, see formulas.ts). test/rules/agreement.test.ts evaluates every entry three
 * ways on generated cases. How to add a rule: ARCHITECTURE.md.
 */
import { daysBetween } from "../cycle";
import {
  addPoint,
  chanceOf,
  dayNumber,
  fitLine,
  intervalAt,
  MIN_POINTS,
  ON_A_LINE,
  valueAt,
  type Line,
} from "../forecast";
import type { Status } from "../status";
import { isArchived, type STATES } from "../vocabulary";
import { clamp01, rule, sheetClamp01, TODAY, total } from "./kit";

const ARCHIVED: (typeof STATES)[1] = "Archived";

/** State compares like Sheets' `=`: case-insensitively. */
function archived(state: string | null): boolean {
  return state !== null && isArchived(state);
}

/** Type compares like Sheets' `=`: case-insensitively (the length test keeps the custom function's loop fast). */
function isMilestone(type: string): boolean {
  return type.length === 9 && (type === "milestone" || type.toLowerCase() === "milestone");
}

/** Sheets' ROUND: half away from zero. */
function round(value: number, digits: number): number {
  const scale = Math.pow(10, digits);
  return value < 0 ? -Math.round(-value * scale) / scale : Math.round(value * scale) / scale;
}

const LAST_CHECK_IN = {
  name: "last_check_in",
  kind: "date",
  doc: "The day of the last check-in, blank if none.",
} as const;
const LAST_CHECK_IN_GIVEN = { ...LAST_CHECK_IN, blankGivesBlank: true } as const;
const STATE = { name: "state", kind: "text", doc: "Active or Archived." } as const;

const checkedIn = rule({
  title: "Has a check-in",
  doc: 'Whether anyone has recorded a value: "Last check-in" is filled in (a new key result has it blank; a check-in or a value typed into Current sets it).',
  args: [LAST_CHECK_IN],
  returns: { kind: "flag", doc: "TRUE once the key result has a check-in." },
  compute: (last) => last !== null,
  formula: (last) => "(" + last + '<>"")',
  customFunction: { none: 'a formula tests the cell: =I2<>"".' },
});

const rollup = rule({
  title: "Objective progress",
  doc: "The weighted mean of an objective's key results: their weighted progress over their counted weights; blank when nothing counts.",
  args: [
    { name: "weighted_progress", kind: "list", doc: "The key results' weighted progress." },
    { name: "counted_weight", kind: "list", doc: "The key results' counted weights." },
  ],
  returns: { kind: "number", doc: "The objective's progress from 0 to 1." },
  compute: (weighted, weights) => {
    const sum = total(weights);
    return sum === 0 ? null : total(weighted) / sum;
  },
  formula: (weighted, weights) => "IFERROR(" + weighted + "/" + weights + ",)",
  customFunction: {
    none: "OKR_ROLLUP applies weightedProgress, then this, per objective (it takes progress and weights).",
  },
});

/**
 * Google's colour scale for grades (the OKR playbook reprinted in Doerr's "Measure What Matters"):
 * 0.0–0.3 red, 0.4–0.6 yellow, 0.7–1.0 green. The lowest score of each colour; scores have one decimal.
 */
export const GRADE_FROM = { yellow: 0.4, green: 0.7 } as const;
export const GRADES = ["red", "yellow", "green"] as const;
export type Grade = (typeof GRADES)[number];

/** How a final score reads for its commitment; the first two of each pair are called out. */
export const READINGS = {
  missed: "Commitment missed",
  met: "Commitment met",
  reached: "Aspirational success",
  short: "Aspirational, short of 0.7",
} as const;
export type Reading = (typeof READINGS)[keyof typeof READINGS];

const SCORE_ARG = {
  name: "score",
  kind: "number",
  doc: "A score from 0.0 to 1.0 (one decimal, as OKR_SCORE gives it).",
  blankGivesBlank: true,
} as const;

/**
 * A key result's check-ins in the cycle, as the running sums kept on its row (t: the day as Sheets
 * numbers it, v: the value), with the start as one more point on the cycle's first day, and the
 * cycle's last day, where the forecast is read. docs/FORECAST.md has the maths.
 */
const POINTS = [
  { name: "check_ins", kind: "number", doc: "How many check-ins the sums hold (the start is not one)", default: 0 },
  { name: "sum_days", kind: "number", doc: "The sum of their days (as Sheets numbers dates)", default: 0 },
  { name: "sum_values", kind: "number", doc: "The sum of their values", default: 0 },
  { name: "sum_days_squared", kind: "number", doc: "The sum of their days squared", default: 0 },
  { name: "sum_days_values", kind: "number", doc: "The sum of day × value", default: 0 },
  { name: "sum_values_squared", kind: "number", doc: "The sum of their values squared", default: 0 },
  { name: "start", kind: "number", doc: "The value at the cycle's start, a point on its first day", default: 0 },
  { name: "cycle_start", kind: "date", doc: "The cycle's first day.", blankGivesBlank: true },
  { name: "cycle_end", kind: "date", doc: "The cycle's last day, where the forecast is read.", blankGivesBlank: true },
  {
    name: "type",
    kind: "text",
    doc: "The key result's type: a milestone has no forecast",
    default: "increase",
  },
] as const;

const TARGET = { name: "target", kind: "number", doc: "The value that means done.", blankGivesBlank: true } as const;

/** The target, for where a forecast stops: blank counts as 0. */
const FLOOR_TARGET = {
  name: "target",
  kind: "number",
  doc: "The value that means done; with it and the start at 0 or more, the metric cannot fall below 0",
  default: 0,
} as const;

/**
 * A metric whose start and target are both 0 or more (a count, a time, a rate, a share) cannot fall
 * below 0: a line heading below it stops there ("median time to detect" does not reach -33 h).
 */
function floorAtZero(value: number, start: number, target: number): number {
  return value < 0 && start >= 0 && target >= 0 ? 0 : value;
}

/** floorAtZero in a formula (products, not AND: AND would total a whole column inside ARRAYFORMULA). */
function sheetFloorAtZero(value: string, start: string, target: string): string {
  return "IF((" + value + "<0)*(" + start + ">=0)*(" + target + ">=0),0," + value + ")";
}

/** The line through a key result's points, or null: a milestone, fewer than three points, or all on one day. */
function lineOf(
  n: number,
  st: number,
  sv: number,
  stt: number,
  stv: number,
  svv: number,
  start: number,
  cycleStart: Date,
  type: string,
): Line | null {
  if (isMilestone(type)) return null;
  return fitLine(addPoint({ n, t: st, v: sv, tt: stt, tv: stv, vv: svv }, dayNumber(cycleStart), start));
}

/**
 * The same line in a formula, term by term in the order forecast.ts computes it (so both give the
 * same doubles): each piece is an expression over the sums' columns, the start and the cycle's dates.
 */
function sheetLine(
  n: string,
  st: string,
  sv: string,
  stt: string,
  stv: string,
  svv: string,
  start: string,
  c0: string,
  c1: string,
) {
  const N = "(" + n + "+1)";
  const T = "(" + st + "+" + c0 + ")";
  const V = "(" + sv + "+" + start + ")";
  const sxx = "(" + stt + "+" + c0 + "*" + c0 + "-" + T + "*" + T + "/" + N + ")";
  const sxy = "(" + stv + "+" + c0 + "*" + start + "-" + T + "*" + V + "/" + N + ")";
  const syy = "(" + svv + "+" + start + "*" + start + "-" + V + "*" + V + "/" + N + ")";
  const slope = sxy + "/" + sxx;
  const dx = "(" + c1 + "-" + T + "/" + N + ")";
  const forecast = "(" + V + "/" + N + "+" + slope + "*" + dx + ")";
  const rawSse = "(" + syy + "-" + slope + "*" + sxy + ")";
  const sse = "IF(" + rawSse + "<=" + ON_A_LINE + "*" + syy + ",0," + rawSse + ")";
  const error = "SQRT(" + sse + "/(" + N + "-2)*(1+1/" + N + "+" + dx + "*" + dx + "/" + sxx + "))";
  /** Blank for a milestone, fewer than three points, or all on one day; else `value`. */
  const guard = (type: string, value: string) =>
    "IF(" + type + '="milestone",,IF(' + N + "<" + MIN_POINTS + ",,IF(" + sxx + "<=0,," + value + ")))";
  return { N, forecast, sse, error, guard };
}

const INTERVAL_QUANTILE = 0.9;

/** One end of the forecast's 80% prediction interval: the line's value less or plus the same half-width. */
function intervalEnd(side: "low" | "high") {
  const [index, sign, odds] = side === "low" ? ([0, "-", "below"] as const) : ([1, "+", "above"] as const);
  return rule({
    title: "Forecast, " + side + " end",
    doc:
      "The " +
      side +
      " end of the forecast's 80% prediction interval (Student's t with n − 2 degrees of freedom): the value at the cycle's end is " +
      odds +
      " it with 10% chance.",
    args: [...POINTS, FLOOR_TARGET],
    returns: { kind: "number", doc: "The interval's " + side + " end; blank without a line." },
    compute: (n, st, sv, stt, stv, svv, start, cycleStart, cycleEnd, type, target) => {
      const line = lineOf(n, st, sv, stt, stv, svv, start, cycleStart, type);
      return line ? floorAtZero(intervalAt(line, dayNumber(cycleEnd))[index], start, target) : null;
    },
    formula: (n, st, sv, stt, stv, svv, start, c0, c1, type, target) => {
      const line = sheetLine(n, st, sv, stt, stv, svv, start, c0, c1);
      const half = "T.INV(" + INTERVAL_QUANTILE + "," + line.N + "-2)*" + line.error;
      return line.guard(type, sheetFloorAtZero(line.forecast + sign + half, start, target));
    },
    customFunction: { none: "the sidebar shows the interval; a formula can use T.INV and STEYX." },
  });
}

export const RULES = {
  progress: rule({
    title: "Key-result progress",
    doc: "Progress of a key result from start to target, as a fraction from 0 to 1. Works for metrics that decrease and for TRUE/FALSE milestones.",
    args: [
      { name: "current", kind: "number", doc: "The current value, or a range of them.", blankGivesBlank: true },
      {
        name: "target",
        kind: "number",
        doc: "The target value, or a range of them (same size as current).",
        blankGivesBlank: true,
      },
      { name: "start", kind: "number", doc: "The value at the start of the cycle", default: 0 },
      {
        name: "type",
        kind: "text",
        doc: "The key result's type: a milestone is done at 1 (TRUE) and not done below; increase, decrease and percentage go from start to target",
        default: "increase",
      },
    ],
    returns: { kind: "number", doc: "Progress from 0 to 1; blank where current or target is blank." },
    // One entry for every type: increase, decrease and percentage share one formula (the direction is
    // start vs target, a percentage is a number format), and the sheet has one Progress column.
    compute: (current, target, start, type) => {
      if (isMilestone(type)) return current >= 1 ? 1 : 0;
      return target === start ? null : clamp01((current - start) / (target - start));
    },
    formula: (current, target, start, type) =>
      "IF(" +
      type +
      '="milestone",IF(' +
      current +
      "*1>=1,1,0),IF(" +
      target +
      "=" +
      start +
      ",," +
      sheetClamp01("(" + current + "-" + start + ")/(" + target + "-" + start + ")") +
      "))",
    customFunction: {
      name: "OKR_PROGRESS",
      refuse: [
        {
          arg: "target",
          when: (_current, target, start, type) => target === start && !isMilestone(type),
          problem: "equals the start value, so progress cannot be measured; set a target different from the start",
        },
      ],
    },
  }),

  expected: rule({
    title: "Expected progress",
    doc: "The share of a cycle that has passed (0 to 1): where progress should be by now. The end is the cycle's last day, so a quarter of 92 days is 0 on its first day and 1 from the day after its last.",
    args: [
      { name: "cycle_start", kind: "date", doc: "The cycle's first day.", blankGivesBlank: true },
      { name: "cycle_end", kind: "date", doc: "The cycle's last day.", blankGivesBlank: true },
      { name: "as_of", kind: "date", doc: "The day to measure at", default: TODAY },
    ],
    returns: { kind: "number", doc: "0 before the cycle starts, 1 after its last day." },
    compute: (start, end, asOf) => {
      const passed = daysBetween(start, asOf);
      const length = daysBetween(start, end) + 1;
      return passed < 0 ? 0 : passed >= length ? 1 : passed / length;
    },
    formula: (start, end, asOf) =>
      "IF(" +
      asOf +
      "<" +
      start +
      ",0,IF(" +
      asOf +
      ">" +
      end +
      ",1,(" +
      asOf +
      "-" +
      start +
      ")/(" +
      end +
      "-" +
      start +
      "+1)))",
    customFunction: {
      name: "OKR_EXPECTED",
      refuse: [
        {
          arg: "cycle_end",
          when: (start, end) => daysBetween(start, end) < 0,
          problem: "is before cycle_start; the end is the cycle's last day",
        },
      ],
    },
  }),

  checkedIn,

  status: rule({
    title: "Status",
    doc: "Done, On track, At risk, Off track or No check-in yet, from progress and expected progress.",
    args: [
      {
        name: "progress",
        kind: "number",
        doc: "Progress from 0 to 1, e.g. from OKR_PROGRESS.",
        blankGivesBlank: true,
      },
      { name: "expected", kind: "number", doc: "Expected progress from 0 to 1, e.g. from OKR_EXPECTED." },
      { name: "at_risk_gap", kind: "number", doc: "How far behind is still on track", default: 0.1 },
      { name: "off_track_gap", kind: "number", doc: "How far behind is at risk rather than off track", default: 0.25 },
      { name: "checked_in", kind: "flag", doc: "FALSE while nobody has checked in", default: true },
    ],
    returns: { kind: "text", doc: "The status; blank where progress is blank." },
    // The gap is rounded to 9 decimals, since 0.8 − 0.7 is 0.10000000000000009 in floating point.
    compute: (progress, expected, atRiskGap, offTrackGap, checked): Status | null => {
      if (progress >= 1) return "Done";
      if (!checked) return "No check-in yet";
      if (expected === null) return null;
      const gap = round(expected - progress, 9);
      return gap <= atRiskGap ? "On track" : gap <= offTrackGap ? "At risk" : "Off track";
    },
    formula: (progress, expected, atRiskGap, offTrackGap, checked) => {
      const gap = "ROUND(" + expected + "-" + progress + ",9)";
      const pace =
        "IF(" +
        expected +
        '="",,IF(' +
        gap +
        "<=" +
        atRiskGap +
        ',"On track",IF(' +
        gap +
        "<=" +
        offTrackGap +
        ',"At risk","Off track")))';
      return "IF(" + progress + '>=1,"Done",IF(' + checked + "," + pace + ',"No check-in yet"))';
    },
    customFunction: {
      name: "OKR_STATUS",
      refuse: [
        {
          arg: "expected",
          when: (_progress, expected) => expected === null,
          problem: "is blank; give the expected progress, e.g. from OKR_EXPECTED",
        },
        {
          arg: "off_track_gap",
          when: (_progress, _expected, atRiskGap, offTrackGap) => offTrackGap < atRiskGap,
          problem: "is smaller than at_risk_gap; it must be at least as large",
        },
      ],
    },
  }),

  score: rule({
    title: "Score",
    doc: "The Google-style grade from 0.0 to 1.0: about 0.7 is success for aspirational goals, 1.0 is expected of committed ones.",
    args: [
      { name: "progress", kind: "number", doc: "Progress from 0 to 1, or a range of them.", blankGivesBlank: true },
    ],
    returns: { kind: "number", doc: "Progress clamped to 0…1 and rounded to one decimal." },
    // The nudge makes 0.7 − 0.05 (0.6499999999999999) round to 0.7, as Sheets' decimal ROUND does.
    compute: (progress) => Math.round(clamp01(progress) * 10 + 1e-9) / 10,
    formula: (progress) => "ROUND(" + sheetClamp01(progress) + ",1)",
    customFunction: { name: "OKR_SCORE" },
  }),

  grade: rule({
    title: "Grade colour",
    doc: "The colour Google grades a score with: red from 0.0 to 0.3 (no real progress), yellow from 0.4 to 0.6 (progress, short of done), green from 0.7 to 1.0 (delivered).",
    args: [SCORE_ARG],
    returns: { kind: "text", doc: "red, yellow or green; blank where the score is blank." },
    compute: (score): Grade => (score >= GRADE_FROM.green ? "green" : score >= GRADE_FROM.yellow ? "yellow" : "red"),
    formula: (score) =>
      "IF(" + score + ">=" + GRADE_FROM.green + ',"green",IF(' + score + ">=" + GRADE_FROM.yellow + ',"yellow","red"))',
    customFunction: { name: "OKR_GRADE" },
  }),

  reading: rule({
    title: "Final reading",
    doc: "How a closed cycle's score reads for its commitment, as Google grades them: a committed objective is expected to reach 1.0 (below is a miss to explain); for an aspirational one about 0.7 is success.",
    args: [SCORE_ARG, { name: "commitment", kind: "text", doc: "committed or aspirational", default: "aspirational" }],
    returns: {
      kind: "text",
      doc: "Commitment missed, Commitment met, Aspirational success or Aspirational, short of 0.7.",
    },
    compute: (score, commitment): Reading =>
      commitment.toLowerCase() === "committed"
        ? score >= 1
          ? READINGS.met
          : READINGS.missed
        : score >= GRADE_FROM.green
          ? READINGS.reached
          : READINGS.short,
    formula: (score, commitment) =>
      "IF(" +
      commitment +
      '="committed",IF(' +
      score +
      '>=1,"' +
      READINGS.met +
      '","' +
      READINGS.missed +
      '"),IF(' +
      score +
      ">=" +
      GRADE_FROM.green +
      ',"' +
      READINGS.reached +
      '","' +
      READINGS.short +
      '"))',
    customFunction: { none: "the end-of-cycle view reads it; a formula compares the score with 1 or 0.7." },
  }),

  countedWeight: rule({
    title: "Counted weight",
    doc: "How much a key result counts in its objective: its weight (1 if blank), or 0 once archived.",
    args: [{ name: "weight", kind: "number", doc: "The key result's weight", default: 1 }, STATE],
    returns: { kind: "number", doc: "The weight the objective's roll-up uses." },
    compute: (weight, state) => (archived(state) ? 0 : weight),
    formula: (weight, state) => "IF(" + state + '="' + ARCHIVED + '",0,' + weight + ")",
    customFunction: { none: "a helper column; OKR_ROLLUP takes weights as they are." },
  }),

  weightedProgress: rule({
    title: "Weighted progress",
    doc: "A key result's share of its objective's roll-up: progress (0 while blank), clamped, times its counted weight.",
    args: [
      { name: "progress", kind: "number", doc: "The key result's progress." },
      { name: "counted_weight", kind: "number", doc: "Its counted weight", default: 0 },
    ],
    returns: { kind: "number", doc: "Progress × counted weight." },
    compute: (progress, weight) => clamp01(progress ?? 0) * weight,
    formula: (progress, weight) => "IF(" + progress + '="",0,' + sheetClamp01(progress) + ")*" + weight,
    customFunction: { none: "a helper column; OKR_ROLLUP does this per key result." },
  }),

  countedCheckIn: rule({
    title: "Counted check-in",
    doc: "1 when an active key result has a check-in, else 0: what its objective counts to tell whether anyone has checked in.",
    args: [LAST_CHECK_IN, STATE],
    returns: { kind: "number", doc: "1 or 0." },
    compute: (last, state) => (!archived(state) && checkedIn.compute(last) ? 1 : 0),
    formula: (last, state) => "IF(" + state + '="' + ARCHIVED + '",0,IF(' + checkedIn.formula(last) + ",1,0))",
    customFunction: { none: "a helper column for the objective's status." },
  }),

  rollup,

  alignedProgress: rule({
    title: "Aligned objective progress",
    doc: "An objective's progress: from its own key results when any counts, otherwise the weighted mean of the objectives serving it (their progress, 0 while blank, over their counted weights); blank when neither counts.",
    args: [
      {
        name: "own_progress",
        kind: "number",
        doc: "Progress from its own key results (the rollup), blank when none counts.",
      },
      { name: "weighted_progress", kind: "list", doc: "The serving objectives' progress × counted weight." },
      { name: "counted_weight", kind: "list", doc: "The serving objectives' counted weights." },
    ],
    returns: { kind: "number", doc: "The objective's progress from 0 to 1." },
    compute: (own, weighted, weights) => own ?? rollup.compute(weighted, weights),
    formula: (own, weighted, weights) => "IF(" + own + '="",' + rollup.formula(weighted, weights) + "," + own + ")",
    customFunction: {
      none: "a parent's column over helper columns; OKR_ROLLUP over the children's progress gives the same.",
    },
  }),

  needsUpdate: rule({
    title: "Needs an update",
    doc: "Whether a key result is due a check-in: its last check-in (or, while it has none, its cycle's first day) is more than the cycle's check-in cadence ago.",
    args: [
      LAST_CHECK_IN,
      {
        name: "cycle_start",
        kind: "date",
        doc: "The cycle's first day, which counts while there is no check-in.",
        blankGivesBlank: true,
      },
      { name: "cadence", kind: "number", doc: "Days between check-ins", default: 14 },
      { name: "as_of", kind: "date", doc: "The day to measure at", default: TODAY },
    ],
    returns: { kind: "flag", doc: "TRUE when a check-in is due; blank without a cycle start." },
    compute: (last, start, cadence, asOf) => daysBetween(last ?? start, asOf) > cadence,
    formula: (last, start, cadence, asOf) =>
      "(" + asOf + "-IF(" + last + '="",' + start + "," + last + ")>" + cadence + ")",
    customFunction: { none: "the sidebar's Needs an update list reads it; in a cell, =TODAY()-I2>14." },
  }),

  anyCheckIn: rule({
    title: "Objective has a check-in",
    doc: "Whether any active key result of an objective has a check-in.",
    args: [{ name: "counted_check_ins", kind: "list", doc: "The key results' counted check-ins." }],
    returns: { kind: "flag", doc: "TRUE once one of them has a check-in." },
    compute: (counted) => total(counted) > 0,
    formula: (counted) => "(" + counted + ">0)",
    customFunction: { none: "the sheet totals a helper column: =SUMIF(…)>0." },
  }),
  forecast: rule({
    title: "Forecast",
    doc: "Where a key result is heading: the least-squares line through its check-ins this cycle (the start counts as a point on the cycle's first day), read at the cycle's last day, and not below 0 for a metric whose start and target are 0 or more. Blank with fewer than three points and for milestones.",
    args: [...POINTS, FLOOR_TARGET],
    returns: { kind: "number", doc: "The value the line reaches at the cycle's end; blank without a line." },
    compute: (n, st, sv, stt, stv, svv, start, cycleStart, cycleEnd, type, target) => {
      const line = lineOf(n, st, sv, stt, stv, svv, start, cycleStart, type);
      return line ? floorAtZero(valueAt(line, dayNumber(cycleEnd)), start, target) : null;
    },
    formula: (n, st, sv, stt, stv, svv, start, c0, c1, type, target) => {
      const line = sheetLine(n, st, sv, stt, stv, svv, start, c0, c1);
      return line.guard(type, sheetFloorAtZero(line.forecast, start, target));
    },
    customFunction: { none: "OKR_FORECAST takes the dates and values themselves (forecast-function.ts)." },
  }),

  forecastLow: intervalEnd("low"),
  forecastHigh: intervalEnd("high"),

  chance: rule({
    title: "Chance of reaching the target",
    doc: "How likely the value at the cycle's end reaches the target (at or above it; for a key result that decreases, at or below it), from the forecast's t distribution. Points on a line give 100% or 0%.",
    args: [...POINTS, TARGET],
    returns: { kind: "number", doc: "A chance from 0 to 1; blank without a line or when the target equals the start." },
    compute: (n, st, sv, stt, stv, svv, start, cycleStart, cycleEnd, type, target) => {
      const line = target === start ? null : lineOf(n, st, sv, stt, stv, svv, start, cycleStart, type);
      return line ? chanceOf(line, dayNumber(cycleEnd), target, target < start) : null;
    },
    formula: (n, st, sv, stt, stv, svv, start, c0, c1, type, target) => {
      const line = sheetLine(n, st, sv, stt, stv, svv, start, c0, c1);
      const decreasing = "(" + target + "<" + start + ")";
      const gap = "ROUND(" + line.forecast + "-" + target + ",9)";
      const onLine = "IF(" + decreasing + ",IF(" + gap + "<=0,1,0),IF(" + gap + ">=0,1,0))";
      const below = "T.DIST((" + target + "-" + line.forecast + ")/" + line.error + "," + line.N + "-2,TRUE)";
      const spread = "IF(" + decreasing + "," + below + ",1-" + below + ")";
      return (
        "IF(" +
        target +
        "=" +
        start +
        ",," +
        line.guard(type, "IF(" + line.sse + "=0," + onLine + "," + spread + ")") +
        ")"
      );
    },
    customFunction: { none: "OKR_FORECAST gives it when given a target (forecast-function.ts)." },
  }),

  runRate: rule({
    title: "Run-rate",
    doc: "A second opinion on the forecast: the pace from the cycle's start to the last check-in, carried to the cycle's last day.",
    args: [
      { name: "current", kind: "number", doc: "The latest value.", blankGivesBlank: true },
      LAST_CHECK_IN_GIVEN,
      { name: "start", kind: "number", doc: "The value at the cycle's start", default: 0 },
      { name: "cycle_start", kind: "date", doc: "The cycle's first day.", blankGivesBlank: true },
      { name: "cycle_end", kind: "date", doc: "The cycle's last day.", blankGivesBlank: true },
      { name: "type", kind: "text", doc: "The key result's type: a milestone has none", default: "increase" },
      FLOOR_TARGET,
    ],
    returns: {
      kind: "number",
      doc: "The value at the cycle's end at that pace (not below 0, as the forecast); blank before any time has passed.",
    },
    compute: (current, last, start, cycleStart, cycleEnd, type, target) => {
      const elapsed = daysBetween(cycleStart, last);
      if (isMilestone(type) || elapsed <= 0) return null;
      return floorAtZero(start + ((current - start) * daysBetween(cycleStart, cycleEnd)) / elapsed, start, target);
    },
    formula: (current, last, start, c0, c1, type, target) =>
      "IF(" +
      type +
      '="milestone",,IF(' +
      last +
      "<=" +
      c0 +
      ",," +
      sheetFloorAtZero(
        start + "+(" + current + "-" + start + ")*(" + c1 + "-" + c0 + ")/(" + last + "-" + c0 + ")",
        start,
        target,
      ) +
      "))",
    customFunction: { none: "the sidebar shows it next to the forecast when they disagree." },
  }),
};

export type RuleName = keyof typeof RULES;
