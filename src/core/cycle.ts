import { clamp01 } from "./progress";
import { startOfDay } from "./cell-values";
import { MS_PER_DAY } from "./vocabulary";

/** Whole days from a to b in the local calendar (daylight-saving shifts do not make half days). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / MS_PER_DAY);
}

/**
 * The share of a cycle that has passed by the start of `asOf`'s day. The end date is the cycle's
 * last day, so a quarter Oct 1 – Dec 31 has 92 days: on Oct 1 it is 0, on Jan 1 it is 1.
 * Same rule as the sheets' native formula (TODAY() − start) / (end − start + 1).
 */
export function expectedProgress(cycleStart: Date, cycleEnd: Date, asOf: Date): number {
  const length = daysBetween(cycleStart, cycleEnd) + 1;
  return clamp01(daysBetween(cycleStart, asOf) / length);
}
