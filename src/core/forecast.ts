/**
 * The maths behind a key result's forecast (docs/FORECAST.md): a least-squares line through its
 * points (day, value), kept as running sums so that nothing needs to read History again, and
 * Student's t distribution for the prediction interval and the chance of reaching the target.
 * The rulebook's forecast entries (rulebook/rules.ts) and OKR_FORECAST are built on these.
 */
import { daysBetween } from "./cycle";

/** What a least-squares line needs of its points: their count and five sums (t: day number, v: value). */
export interface PointSums {
  n: number;
  t: number;
  v: number;
  tt: number;
  tv: number;
  vv: number;
}

export const NO_POINTS: PointSums = { n: 0, t: 0, v: 0, tt: 0, tv: 0, vv: 0 };

/** The sums with one point more (weight 1) or less (weight −1). */
export function addPoint(sums: PointSums, t: number, v: number, weight: 1 | -1 = 1): PointSums {
  return {
    n: sums.n + weight,
    t: sums.t + weight * t,
    v: sums.v + weight * v,
    tt: sums.tt + weight * t * t,
    tv: sums.tv + weight * t * v,
    vv: sums.vv + weight * v * v,
  };
}

const SHEETS_EPOCH = new Date(1899, 11, 30);

/** A day as Sheets numbers it (days since 1899-12-30), so sums written to cells match the sheet's dates. */
export function dayNumber(day: Date): number {
  return daysBetween(SHEETS_EPOCH, day);
}

/** The day Sheets numbers `n`, as the script's local midnight (the core's dates). */
export function dayFromNumber(n: number): Date {
  return new Date(1899, 11, 30 + n);
}

/**
 * Fewer points than this give no forecast: a line through two points has no residuals, so nothing
 * tells how far off it may be.
 */
export const MIN_POINTS = 3;
/** The prediction interval's coverage: 80%, from the 10th to the 90th percentile. */
export const INTERVAL = 0.8;
/**
 * Residuals below this share of the values' spread are rounding, not scatter: the points lie on a
 * line, the interval is that line's value, and the chance is 1 or 0.
 */
export const ON_A_LINE = 1e-12;

/**
 * The line, in the order of operations the sheet's formula uses (rules.ts), so both give the same
 * doubles. Centred sums (sxx, sxy, syy) are what the fit and the residuals need; null when every
 * point is on one day (no slope) or there are too few points.
 */
export interface Line {
  n: number;
  meanT: number;
  meanV: number;
  sxx: number;
  sxy: number;
  syy: number;
  slope: number;
  /** Residual sum of squares; 0 when the points lie on a line. */
  sse: number;
}

export function fitLine(s: PointSums): Line | null {
  if (s.n < MIN_POINTS) return null;
  const sxx = s.tt - (s.t * s.t) / s.n;
  if (!(sxx > 0)) return null;
  const sxy = s.tv - (s.t * s.v) / s.n;
  const syy = s.vv - (s.v * s.v) / s.n;
  const slope = sxy / sxx;
  const sse = syy - slope * sxy;
  return {
    n: s.n,
    meanT: s.t / s.n,
    meanV: s.v / s.n,
    sxx,
    sxy,
    syy,
    slope,
    sse: sse <= ON_A_LINE * syy ? 0 : sse,
  };
}

/** The line's value at day t (Sheets' FORECAST). */
export function valueAt(line: Line, t: number): number {
  return line.meanV + line.slope * (t - line.meanT);
}

/** The standard error of a new point at day t: the line's own uncertainty and the points' scatter (STEYX). */
export function predictionError(line: Line, t: number): number {
  const dx = t - line.meanT;
  return Math.sqrt((line.sse / (line.n - 2)) * (1 + 1 / line.n + (dx * dx) / line.sxx));
}

/**
 * The chance that the value at day t reaches `target`: at or above it, or for a key result that
 * decreases, at or below it. Points on a line give 1 or 0 (compared to 9 decimals, as status does).
 */
export function chanceOf(line: Line, t: number, target: number, decreasing: boolean): number {
  const forecast = valueAt(line, t);
  const error = predictionError(line, t);
  if (error === 0) {
    const gap = Math.round((forecast - target) * 1e9) / 1e9;
    return (decreasing ? gap <= 0 : gap >= 0) ? 1 : 0;
  }
  const below = tDistribution((target - forecast) / error, line.n - 2);
  return decreasing ? below : 1 - below;
}

/** The interval that holds the value at day t with 80% chance: [low, high]. */
export function intervalAt(line: Line, t: number): [number, number] {
  const forecast = valueAt(line, t);
  const half = tQuantile(0.5 + INTERVAL / 2, line.n - 2) * predictionError(line, t);
  return [forecast - half, forecast + half];
}

/**
 * Student's t cumulative distribution, P(T ≤ x) with `df` whole degrees of freedom (Sheets' T.DIST
 * with TRUE): the closed forms of Abramowitz & Stegun 26.7.3 and 26.7.4, exact to rounding.
 */
export function tDistribution(x: number, df: number): number {
  const theta = Math.atan(x / Math.sqrt(df));
  const s = Math.sin(theta);
  const c2 = Math.cos(theta) * Math.cos(theta);
  let a: number;
  if (df % 2 === 1) {
    // (2/π)(θ + sin θ (cos θ + 2/3 cos³θ + … + 2·4…(df−3) / 1·3…(df−2) cos^(df−2) θ))
    let term = Math.cos(theta);
    let sum = df > 1 ? term : 0;
    for (let k = 3; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    a = (2 / Math.PI) * (theta + s * sum);
  } else {
    // sin θ (1 + 1/2 cos²θ + 1·3/2·4 cos⁴θ + … + 1·3…(df−3) / 2·4…(df−2) cos^(df−2) θ)
    let term = 1;
    let sum = 1;
    for (let k = 2; k <= df - 2; k += 2) {
      term *= (c2 * (k - 1)) / k;
      sum += term;
    }
    a = s * sum;
  }
  return (1 + a) / 2;
}

/** The t distribution's p-quantile (Sheets' T.INV): bisection on the angle, to the last bit. */
export function tQuantile(p: number, df: number): number {
  let low = -Math.PI / 2;
  let high = Math.PI / 2;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mid === low || mid === high) break;
    if (tDistribution(Math.sqrt(df) * Math.tan(mid), df) < p) low = mid;
    else high = mid;
  }
  return Math.sqrt(df) * Math.tan((low + high) / 2);
}
