import { startOfDay } from "./cell-values";
import { MS_PER_DAY } from "./vocabulary";

/** Whole days from a to b in the local calendar (daylight-saving shifts do not make half days). */
export function daysBetween(a: Date, b: Date): number {
  return Math.round((startOfDay(b).getTime() - startOfDay(a).getTime()) / MS_PER_DAY);
}
