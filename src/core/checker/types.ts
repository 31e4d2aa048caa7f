/** Input and output shapes of the checker. Plain types only, so the core stays dependency-free. */

export type OkrKind = "objective" | "key_result";

export interface OkrInput {
  id: string;
  kind: OkrKind;
  text: string;
  team?: string;
  /** For key results: the objective they belong to. Missing → the nearest objective above in the list. */
  objectiveId?: string;
  owner?: string;
  /** Last progress check-in: an ISO date (YYYY-MM-DD or timestamp), or a Date as Sheets returns it. */
  lastCheckIn?: string | Date;
  cycle?: string;
  /** For key results: the start and target values, when known. A target equal to its start holds a level. */
  start?: number | string;
  target?: number | string;
}

export interface RoadmapItem {
  id: string;
  text: string;
}

export interface CheckInput {
  okrs: OkrInput[];
  roadmap: RoadmapItem[];
}

/**
 * duplicate: restates delivery of a roadmap item; output: delivery work the roadmap does not list (asks what
 * it should change); related: names a roadmap item and measures an outcome or aims at a change; ok: neither.
 */
export type Verdict = "duplicate" | "output" | "related" | "ok";

export interface RoadmapFinding {
  id: string;
  verdict: Verdict;
  /** Matched roadmap item ids, best first (empty for `ok`, and for "everything in Phase N" with no phase items). */
  roadmapIds: string[];
  /** 0–1 closeness to the best roadmap item. */
  score: number;
  /** One line a manager can read. */
  reason: string;
  /** An outcome-style rewrite, for duplicates and output. */
  suggestion?: string;
}

export interface RoadmapSummary {
  okrs: number;
  duplicate: number;
  output: number;
  related: number;
  ok: number;
  keyResults: number;
  duplicateKeyResults: number;
  /** True when most key results (of some cycle, if cycles are given) restate the roadmap. */
  shipTheRoadmap: boolean;
  /** The cycles that read as "ship the roadmap", when OKRs carry cycles. */
  shipTheRoadmapCycles: string[];
  message: string;
}

export interface RoadmapReport {
  findings: RoadmapFinding[];
  summary: RoadmapSummary;
}

export type QualityRule =
  "not-measurable" | "kpi-not-okr" | "no-krs" | "too-many-krs" | "too-many-objectives" | "no-owner" | "stale-check-in";

export interface QualityFinding {
  id: string;
  rule: QualityRule;
  message: string;
}
