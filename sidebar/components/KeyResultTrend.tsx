/**
 * A key result's trend, drawn as a small inline SVG: its check-ins this cycle (from the start value
 * on the cycle's first day), the expected line from start to target, and the forecast with its 80%
 * band. The numbers come from src/core/forecast.ts, the maths the rulebook's forecast entries
 * (forecast, forecastLow, forecastHigh, chance) are built on, applied the way they apply it: the start
 * as a point on the cycle's first day, no forecast for a milestone or a target equal to the start.
 * (Importing the rulebook itself would add about 19 KB to the sidebar.)
 */
import type { CycleView, HistoryEntry, KeyResultView } from "../../src/core/contract";
import { addPoint, chanceOf, dayNumber, fitLine, intervalAt, NO_POINTS, valueAt } from "../../src/core/forecast";
import { percent, valueText } from "../format";

const WIDTH = 280;
const HEIGHT = 90;
const PAD = 6;
/** Confidence this high with a chance this low (or the other way round) is worth a second look. */
export const DISAGREEMENT = { highConfidence: 7, lowChance: 0.3, lowConfidence: 3, highChance: 0.7 };

function dayOf(iso: string): Date {
  const [y, m, d] = iso.split("-").map(Number);
  return new Date(y, m - 1, d);
}

export interface Trend {
  /** Days from the cycle's start, and values: the start first, then each check-in, oldest first. */
  points: { t: number; v: number }[];
  /** The cycle's last day, in days from its start. */
  last: number;
  forecast: number | null;
  /** The forecast's value on a day (days from the cycle's start), with its 80% band. */
  at: (t: number) => { value: number; low: number; high: number } | null;
  chance: number | null;
  /** The latest confidence given (1–10), or null. */
  confidence: number | null;
}

/** The trend of a key result over a cycle, from its History (newest first, as getKeyResultHistory answers). */
export function trendOf(kr: KeyResultView, history: HistoryEntry[], cycle: CycleView): Trend {
  const first = dayOf(cycle.start);
  const base = dayNumber(first);
  // One point a day, the day's last value, as the sheet's running sums keep them (docs/FORECAST.md).
  const days = new Set<string>();
  const checkIns = history
    .filter((e) => typeof e.value === "number" && e.source !== "carried over")
    .filter((e) => e.when >= cycle.start && e.when <= cycle.end && !days.has(e.when) && Boolean(days.add(e.when)))
    .map((e) => ({ t: dayNumber(dayOf(e.when)) - base, v: e.value as number }))
    .reverse();
  let sums = addPoint(NO_POINTS, base, kr.start);
  for (const { t, v } of checkIns) sums = addPoint(sums, base + t, v);
  const line = kr.type === "milestone" ? null : fitLine(sums);
  const last = dayNumber(dayOf(cycle.end)) - base;
  const at = (t: number) => {
    if (!line) return null;
    const [low, high] = intervalAt(line, base + t);
    return { value: valueAt(line, base + t), low, high };
  };
  const latest = history.find((e) => typeof e.confidence === "number");
  return {
    points: [{ t: 0, v: kr.start }, ...checkIns],
    last,
    forecast: at(last)?.value ?? null,
    at,
    chance: line && kr.target !== kr.start ? chanceOf(line, base + last, kr.target, kr.target < kr.start) : null,
    confidence: latest ? Number(latest.confidence) : null,
  };
}

/** "Confidence 8, but the trend reaches 40% of the target (a 12% chance)", or null when they agree. */
export function disagreement(kr: KeyResultView, trend: Trend): string | null {
  const { confidence, chance, forecast } = trend;
  if (confidence === null || chance === null || forecast === null) return null;
  const high = confidence >= DISAGREEMENT.highConfidence && chance < DISAGREEMENT.lowChance;
  const low = confidence <= DISAGREEMENT.lowConfidence && chance >= DISAGREEMENT.highChance;
  if (!high && !low) return null;
  // The share of the way from start to target the forecast covers (the progress rule, unclamped: "reaches 140%").
  const reach = (forecast - kr.start) / (kr.target - kr.start);
  return (
    "Confidence " +
    confidence +
    ", but the trend reaches " +
    percent(reach) +
    " of the target (a " +
    percent(chance) +
    " chance)."
  );
}

/** A forecast to the precision the key result is written in (3000 → 1000 ms: whole ms). */
function roundLike(value: number, kr: KeyResultView): number {
  const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;
  const scale = Math.pow(10, Math.max(decimals(kr.start), decimals(kr.target), kr.type === "percentage" ? 3 : 0));
  return Math.round(value * scale) / scale;
}

/** The chart: expected line dashed, the band shaded, the forecast dashed, check-ins as dots on a line. */
export function KeyResultTrend(props: { kr: KeyResultView; trend: Trend; cycle: CycleView }) {
  const { kr, trend, cycle } = props;
  const band = trend.points.length > 1 ? trend.points[trend.points.length - 1].t : 0;
  const samples = [0, 0.25, 0.5, 0.75, 1].map((f) => band + f * (trend.last - band));
  const banded = samples.map((t) => ({ t, f: trend.at(t) })).filter((s) => s.f !== null) as {
    t: number;
    f: { value: number; low: number; high: number };
  }[];
  const values = [kr.start, kr.target, ...trend.points.map((p) => p.v), ...banded.flatMap((s) => [s.f.low, s.f.high])];
  let lo = Math.min(...values);
  let hi = Math.max(...values);
  if (hi === lo) hi = lo + 1;
  const margin = (hi - lo) * 0.05;
  lo -= margin;
  hi += margin;
  const x = (t: number) => PAD + (Math.max(0, Math.min(t, trend.last)) / Math.max(trend.last, 1)) * (WIDTH - 2 * PAD);
  const y = (v: number) => HEIGHT - PAD - ((v - lo) / (hi - lo)) * (HEIGHT - 2 * PAD);
  const xy = (t: number, v: number) => x(t).toFixed(1) + "," + y(v).toFixed(1);
  const show = (v: number) => valueText(roundLike(v, kr), kr.type, kr.unit);
  const checkIns = trend.points.length - 1;
  const summary =
    trend.forecast === null
      ? kr.type === "milestone"
        ? "A milestone has no forecast."
        : "No forecast before the second check-in of the cycle."
      : "Heading for " +
        show(trend.forecast) +
        " by " +
        cycle.end +
        (banded.length
          ? " (80%: " + show(banded[banded.length - 1].f.low) + " to " + show(banded[banded.length - 1].f.high) + ")"
          : "") +
        (trend.chance === null ? "." : ": a " + percent(trend.chance) + " chance of reaching " + show(kr.target) + ".");
  return (
    <figure class="trend">
      <svg
        viewBox={"0 0 " + WIDTH + " " + HEIGHT}
        width={WIDTH}
        height={HEIGHT}
        role="img"
        aria-label={
          "Trend of " +
          kr.id +
          ": " +
          checkIns +
          (checkIns === 1 ? " check-in" : " check-ins") +
          " this cycle. " +
          summary
        }
      >
        {banded.length > 1 && (
          <polygon
            class="trend-band"
            points={[
              ...banded.map((s) => xy(s.t, s.f.high)),
              ...[...banded].reverse().map((s) => xy(s.t, s.f.low)),
            ].join(" ")}
          />
        )}
        <line class="trend-expected" x1={x(0)} y1={y(kr.start)} x2={x(trend.last)} y2={y(kr.target)} />
        {trend.forecast !== null && trend.at(0) && (
          <line
            class="trend-forecast"
            x1={x(0)}
            y1={y((trend.at(0) as { value: number }).value)}
            x2={x(trend.last)}
            y2={y(trend.forecast)}
          />
        )}
        <polyline class="trend-line" points={trend.points.map((p) => xy(p.t, p.v)).join(" ")} />
        {trend.points.slice(1).map((p, i) => (
          <circle key={i} class="trend-point" cx={x(p.t)} cy={y(p.v)} r={2.5} />
        ))}
      </svg>
      <figcaption class="secondary">{summary}</figcaption>
    </figure>
  );
}
