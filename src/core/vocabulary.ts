/**
 * The tracker's vocabulary, declared once: ID and cycle patterns, key-result types, commitments,
 * row states and the length of a day. Schemas, sheets, formulas, server and sidebar import them.
 */

/** Objective IDs: O-1, O-2, … (group 1: the number). */
export const OBJECTIVE_ID = /^O-(\d+)$/;
/** Key-result IDs: KR-3.1 is the first key result of O-3 (groups: the objective's number, its own). */
export const KEY_RESULT_ID = /^KR-(\d+)\.(\d+)$/;

export function formatObjectiveId(number: number): string {
  return "O-" + number;
}

export function formatKeyResultId(objectiveNumber: number, number: number): string {
  return "KR-" + objectiveNumber + "." + number;
}

/** Cycles are calendar quarters: 2026-Q4 (groups: the year, the quarter). */
export const CYCLE_ID = /^(\d{4})-Q([1-4])$/;

/**
 * The years a cycle may name. JavaScript reads years 0–99 as 1900–1999, so "0050-Q2" would become
 * 1950; a tracker plans quarters, so 2000–2100 holds every real one and refuses such typos.
 */
export const CYCLE_YEARS = { first: 2000, last: 2100 } as const;

/** Whether a cycle ID such as 2026-Q4 names a quarter of a year the tracker accepts. */
export function isCycleId(id: string): boolean {
  const match = CYCLE_ID.exec(id);
  return !!match && Number(match[1]) >= CYCLE_YEARS.first && Number(match[1]) <= CYCLE_YEARS.last;
}

/** Dates people and the API exchange: yyyy-mm-dd. */
export const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const KR_TYPES = ["increase", "decrease", "percentage", "milestone"] as const;
export type KrType = (typeof KR_TYPES)[number];
export const KR_TYPE_LABELS: Record<KrType, string> = {
  increase: "Metric to increase",
  decrease: "Metric to decrease",
  percentage: "Percentage",
  milestone: "Milestone (done / not done)",
};

export const COMMITMENTS = ["committed", "aspirational"] as const;
export type Commitment = (typeof COMMITMENTS)[number];

/** A row's State. Archived rows stay for the record and stop counting. */
export const STATES = ["Active", "Archived"] as const;

/** How a State cell reads, whatever its case. */
export function isArchived(state: string): boolean {
  return state.toLowerCase() === "archived";
}

/** A cycle's State on the Cycles sheet. Closed cycles keep their frozen grades and refuse check-ins. */
export const CYCLE_STATES = ["Open", "Closed"] as const;

/** How a cycle's State cell reads, whatever its case; blank is open. */
export function isClosed(state: string): boolean {
  return state.trim().toLowerCase() === "closed";
}

export const MS_PER_DAY = 86_400_000;
