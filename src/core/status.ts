export const STATUSES = ["Done", "On track", "At risk", "Off track"] as const;
export type Status = (typeof STATUSES)[number];

export const DEFAULT_AT_RISK_GAP = 0.1;
export const DEFAULT_OFF_TRACK_GAP = 0.25;

/**
 * Done at 100 %; otherwise how far progress lags the share of the cycle that has passed.
 * The gap is rounded to 9 decimals (as the sheets' formulas do with ROUND), so 0.8 − 0.7
 * (= 0.10000000000000009 in floating point) is on track, as a person reading the numbers expects.
 */
export function statusFor(
  progress: number,
  expected: number,
  atRiskGap = DEFAULT_AT_RISK_GAP,
  offTrackGap = DEFAULT_OFF_TRACK_GAP,
): Status {
  if (progress >= 1) return "Done";
  const gap = Math.round((expected - progress) * 1e9) / 1e9;
  if (gap <= atRiskGap) return "On track";
  if (gap <= offTrackGap) return "At risk";
  return "Off track";
}
