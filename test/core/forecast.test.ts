/**
 * The forecast's maths (src/core/forecast.ts) against outside numbers: the worked examples of
 * Microsoft's FORECAST, SLOPE, STEYX, T.DIST and T.INV pages (the functions Sheets shares), Student's
 * t table, and HyperFormula's SLOPE, STEYX and T.DIST (the emulator's engine) on generated points.
 */
import { HyperFormula } from "hyperformula";
import { apply } from "../../src/core/rulebook/kit";
import { RULES } from "../../src/core/rulebook/rules";
import {
  addPoint,
  dayNumber,
  fitLine,
  intervalAt,
  NO_POINTS,
  predictionError,
  tDistribution,
  tQuantile,
  valueAt,
  type PointSums,
} from "../../src/core/forecast";

function sumsOf(ts: readonly number[], vs: readonly number[]): PointSums {
  return ts.reduce((sums, t, i) => addPoint(sums, t, vs[i]), NO_POINTS);
}

const relative = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b));

const steyx = (sums: PointSums) => {
  const line = fitLine(sums)!;
  return Math.sqrt(line.sse / (line.n - 2));
};

describe("the line, against the worked examples of Excel's documentation", () => {
  it("FORECAST(30, {6,7,9,15,21}, {20,28,31,38,40}) is 10.607253", () => {
    // support.microsoft.com: FORECAST and FORECAST.LINEAR functions, example.
    const line = fitLine(sumsOf([20, 28, 31, 38, 40], [6, 7, 9, 15, 21]))!;
    expect(valueAt(line, 30)).toBeCloseTo(10.607253, 6);
  });

  it("SLOPE is 0.305556 and STEYX 3.305719 on {2,3,9,1,8,7,5} over {6,5,11,7,5,4,4}", () => {
    // support.microsoft.com: SLOPE function and STEYX function, examples.
    const sums = sumsOf([6, 5, 11, 7, 5, 4, 4], [2, 3, 9, 1, 8, 7, 5]);
    expect(fitLine(sums)!.slope).toBeCloseTo(0.305556, 6);
    expect(steyx(sums)).toBeCloseTo(3.305719, 6);
  });

  it("a dropped point is taken back out: adding and removing it leaves the same line", () => {
    const base = sumsOf([1, 2, 3, 4], [1, 3, 2, 5]);
    const back = addPoint(addPoint(base, 9, 40), 9, 40, -1);
    expect(valueAt(fitLine(back)!, 10)).toBeCloseTo(valueAt(fitLine(base)!, 10), 12);
  });

  it("has no line with fewer than 3 points, or all of them on one day", () => {
    expect(fitLine(sumsOf([1, 2], [5, 6]))).toBeNull();
    expect(fitLine(sumsOf([3, 3, 3], [5, 6, 7]))).toBeNull();
  });

  it("counts points on a line as exactly on it (no residual from rounding)", () => {
    const line = fitLine(sumsOf([46000, 46010, 46020, 46030], [0.1, 0.2, 0.3, 0.4]))!;
    expect(line.sse).toBe(0);
    expect(predictionError(line, 46090)).toBe(0);
  });
});

describe("Student's t, against published values", () => {
  it("T.DIST(60, 1, TRUE) is 0.99469533 and T.INV(0.75, 2) is 0.8164966", () => {
    // support.microsoft.com: T.DIST function and T.INV function, examples.
    expect(tDistribution(60, 1)).toBeCloseTo(0.99469533, 8);
    expect(tQuantile(0.75, 2)).toBeCloseTo(0.8164966, 7);
  });

  it("gives the t table's one-sided 90% points", () => {
    // NIST/SEMATECH e-Handbook of Statistical Methods, 1.3.6.7.2: critical values of Student's t.
    const table: [number, number][] = [
      [1, 3.078],
      [2, 1.886],
      [3, 1.638],
      [4, 1.533],
      [5, 1.476],
      [10, 1.372],
      [20, 1.325],
      [30, 1.31],
      [100, 1.29],
    ];
    for (const [df, t] of table) expect(tQuantile(0.9, df)).toBeCloseTo(t, 3);
  });

  it("is symmetric, and its quantile inverts it (where the distribution is not too flat to tell)", () => {
    for (const df of [1, 2, 3, 7, 8, 40]) {
      for (const x of [-3, -0.5, 0, 1.2, 2.9]) {
        expect(tDistribution(x, df) + tDistribution(-x, df)).toBeCloseTo(1, 14);
        expect(tQuantile(tDistribution(x, df), df)).toBeCloseTo(x, 9);
      }
    }
  });
});

describe("on generated points, the same numbers as the emulator's engine (HyperFormula)", () => {
  const hf = HyperFormula.buildEmpty({ licenseKey: "gpl-v3", smartRounding: false });
  const sheet = hf.getSheetId(hf.addSheet("points"))!;
  const evaluate = (formula: string) => hf.calculateFormula(formula, sheet) as number;

  it("SLOPE, STEYX and FORECAST (the mean plus the slope times the distance from the mean day)", () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 20; trial++) {
      const n = 3 + (trial % 9);
      const ts = Array.from({ length: n }, (_, i) => 46000 + i * 7 + Math.floor(random() * 5));
      const vs = ts.map((t) => (t - 46000) * (random() - 0.3) * 3 + random() * 50);
      const array = "{" + ts.join(";") + "}";
      const values = "{" + vs.join(";") + "}";
      const sums = sumsOf(ts, vs);
      const line = fitLine(sums)!;
      const end = 46091;
      const slope = evaluate("=SLOPE(" + values + "," + array + ")");
      // Days as Sheets numbers them (about 46,000) cost the running sums some digits: 8 significant ones stay.
      expect(relative(line.slope, slope)).toBeLessThan(1e-7);
      expect(relative(steyx(sums), evaluate("=STEYX(" + values + "," + array + ")"))).toBeLessThan(1e-7);
      const forecast = evaluate(
        "=AVERAGE(" + values + ")+SLOPE(" + values + "," + array + ")*(" + end + "-AVERAGE(" + array + "))",
      );
      expect(relative(valueAt(line, end), forecast)).toBeLessThan(1e-7);
      // The interval's half width: T.INV(0.9, n−2) times the prediction error.
      const [low, high] = intervalAt(line, end);
      const half = evaluate("=T.INV(0.9," + (n - 2) + ")") * predictionError(line, end);
      expect(relative((high - low) / 2, half)).toBeLessThan(1e-6);
    }
  });

  it("T.DIST to the precision of the engine's incomplete beta (about 1e-7)", () => {
    for (const df of [1, 2, 3, 5, 12, 30]) {
      for (const x of [-4, -1.3, 0.2, 2.5]) {
        expect(tDistribution(x, df)).toBeCloseTo(evaluate("=T.DIST(" + x + "," + df + ",1)"), 6);
      }
    }
  });
});

describe("the rulebook's forecast entries, on the key result worked by hand in test/functions/forecast.test.ts", () => {
  // Start 0 on the cycle's first day (2026-10-01), check-ins 10, 25, 35 ten days apart; the cycle ends at day 90.
  const day = (n: number) => new Date(2026, 9, 1 + n);
  const checkIns = (points: [number, number][]) => {
    const s = points.reduce((sums, [d, v]) => addPoint(sums, dayNumber(day(d)), v), NO_POINTS);
    return {
      check_ins: s.n,
      sum_days: s.t,
      sum_values: s.v,
      sum_days_squared: s.tt,
      sum_days_values: s.tv,
      sum_values_squared: s.vv,
      cycle_start: day(0),
      cycle_end: day(90),
    };
  };
  const rising = {
    ...checkIns([
      [10, 10],
      [20, 25],
      [30, 35],
    ]),
    start: 0,
  };

  it("forecast, interval and chance", () => {
    expect(apply(RULES.forecast, rising)).toBeCloseTo(107.5, 8);
    const half = tQuantile(0.9, 2) * Math.sqrt(31.25);
    expect(apply(RULES.forecastLow, rising)).toBeCloseTo(107.5 - half, 8);
    expect(apply(RULES.forecastHigh, rising)).toBeCloseTo(107.5 + half, 8);
    expect(apply(RULES.chance, { ...rising, target: 100 })).toBeCloseTo(0.5 + 3.75 / Math.sqrt(118.75), 9);
  });

  it("a key result that decreases: the chance of ending at or below its target", () => {
    const falling = {
      ...checkIns([
        [10, 90],
        [20, 75],
        [30, 65],
      ]),
      start: 100,
    };
    // The line reaches -7.5 at the end; a metric going from 100 to 0 or more stops at 0.
    expect(apply(RULES.forecast, falling)).toBe(0);
    expect(apply(RULES.forecast, { ...falling, target: -10 })).toBeCloseTo(-7.5, 8);
    expect(apply(RULES.chance, { ...falling, target: 0 })).toBeCloseTo(0.5 + 3.75 / Math.sqrt(118.75), 9);
  });

  it("none with fewer than 3 points (the start and two check-ins are enough), none for a milestone", () => {
    expect(apply(RULES.forecast, { ...checkIns([[10, 10]]), start: 0 })).toBeNull();
    expect(
      apply(RULES.forecast, {
        ...checkIns([
          [10, 10],
          [20, 25],
        ]),
        start: 0,
      }),
    ).toBeCloseTo(valueAt(fitLine(sumsOf([0, 10, 20], [0, 10, 25]))!, 90), 8);
    expect(apply(RULES.forecast, { ...rising, type: "milestone" })).toBeNull();
    expect(apply(RULES.chance, { ...rising, type: "milestone", target: 1 })).toBeNull();
  });

  it("run-rate: the pace from the start to the last check-in, carried to the end", () => {
    const runRate = { current: 35, last_check_in: day(30), start: 0, cycle_start: day(0), cycle_end: day(90) };
    expect(apply(RULES.runRate, runRate)).toBe(105);
    expect(apply(RULES.runRate, { ...runRate, last_check_in: day(0) })).toBeNull();
  });
});
