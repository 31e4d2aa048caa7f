/** Progress maths. Every function here is pure and shared by the custom functions, the API and the sidebar. */

export function clamp01(value: number): number {
  return value < 0 ? 0 : value > 1 ? 1 : value;
}

/**
 * Share of the way from start to target, clamped to 0…1. Works in both directions:
 * start 10, target 2, current 4 is 0.75. Callers must reject target === start first.
 */
export function progressBetween(current: number, target: number, start: number): number {
  return clamp01((current - start) / (target - start));
}

export interface WeightedProgress {
  progress: number;
  weight: number;
}

/** Weighted mean of key-result progress; null when there is nothing to average (no KRs, or all weights 0). */
export function weightedProgress(items: readonly WeightedProgress[]): number | null {
  let sum = 0;
  let weights = 0;
  for (const item of items) {
    sum += clamp01(item.progress) * item.weight;
    weights += item.weight;
  }
  return weights > 0 ? sum / weights : null;
}
