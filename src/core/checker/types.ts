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
}

export interface RoadmapItem {
  id: string;
  text: string;
}

export interface CheckInput {
  okrs: OkrInput[];
  roadmap: RoadmapItem[];
}

export type Verdict = "duplicate" | "related" | "ok";

export interface RoadmapFinding {
  id: string;
  verdict: Verdict;
  /** Matched roadmap item ids, best first (empty for `ok`, and for "everything in Phase N" with no phase items). */
  roadmapIds: string[];
  /** 0–1 closeness to the best roadmap item. */
  score: number;
  /** One line a manager can read. */
  reason: string;
  /** An outcome-style rewrite, for duplicates only. */
  suggestion?: string;
}

export interface RoadmapSummary {
  okrs: number;
  duplicate: number;
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
