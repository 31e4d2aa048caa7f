export const STATUSES = ["Done", "On track", "At risk", "Off track"] as const;
export type Status = (typeof STATUSES)[number];

export const DEFAULT_AT_RISK_GAP = 0.1;
export const DEFAULT_OFF_TRACK_GAP = 0.25;

/**
 * Done at 100 %; otherwise how far progress lags the share of the cycle that has passed.
 * A small epsilon keeps 0.6 − 0.5 (= 0.09999…) on track, as a person reading the numbers expects.
 */
export function statusFor(
  progress: number,
  expected: number,
  atRiskGap = DEFAULT_AT_RISK_GAP,
  offTrackGap = DEFAULT_OFF_TRACK_GAP,
): Status {
  if (progress >= 1) return "Done";
  const gap = expected - progress;
  if (gap <= atRiskGap + 1e-9) return "On track";
  if (gap <= offTrackGap + 1e-9) return "At risk";
  return "Off track";
}
