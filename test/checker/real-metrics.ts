import { checkAgainstRoadmap, lintOkrs } from "../../src/core/checker";
import type { OkrInput, RoadmapItem } from "../../src/core/checker/types";
import realJson from "../fixtures/checker/real/real-okrs.json";

/** Labels of the real set (test/fixtures/checker/real/README.md says how they were chosen). */
export type Label = "duplicate" | "output" | "outcome" | "kpi" | "unmeasurable";
export type RealSplit = "tune" | "heldout" | "all";

export interface Ratio {
  value: number;
  hits: number;
  of: number;
}

export interface Source {
  url?: string;
  repo?: string;
  path?: string;
  commit?: string;
  note?: string;
}
export interface RealKr {
  id: string;
  kind: string;
  text: string;
  label: Label;
  reason: string;
  source: Source;
  roadmapIds?: string[];
  unsure?: boolean;
}
export interface RealScenario {
  id: string;
  organisation: string;
  period: string;
  split: "tune" | "heldout";
  roadmapNote: string;
  roadmap: { id: string; text: string; source: Source }[];
  okrs: RealKr[];
}
export const realSet = realJson as unknown as { about: string; scenarios: RealScenario[] };

const ratio = (hits: number, of: number): Ratio => ({ value: of ? hits / of : NaN, hits, of });

export interface RealRow {
  scenario: string;
  id: string;
  text: string;
  label: Label;
  verdict: string;
  rules: string[];
  roadmapIds: string[];
  reason: string;
}

/** Runs the roadmap check and the lint over every scenario of one split of the real set. */
export function realRows(split: RealSplit): RealRow[] {
  const rows: RealRow[] = [];
  for (const s of realSet.scenarios) {
    if (split !== "all" && s.split !== split) continue;
    const okrs: OkrInput[] = s.okrs.map((o) => ({ id: o.id, kind: "key_result", text: o.text, owner: "x" }));
    const roadmap: RoadmapItem[] = s.roadmap.map((r) => ({ id: r.id, text: r.text }));
    const { findings } = checkAgainstRoadmap(okrs, roadmap);
    const lint = lintOkrs({ okrs });
    findings.forEach((f, i) => {
      const o = s.okrs[i];
      rows.push({
        scenario: s.id,
        id: o.id,
        text: o.text,
        label: o.label,
        verdict: f.verdict,
        rules: lint.filter((q) => q.id === o.id).map((q) => q.rule),
        roadmapIds: f.roadmapIds,
        reason: f.reason,
      });
    });
  }
  return rows;
}

/** The figures issue #14 sets targets for. */
export function realScores(split: RealSplit) {
  const rows = realRows(split);
  const pr = (predicted: (r: RealRow) => boolean, label: Label) => {
    const tp = rows.filter((r) => predicted(r) && r.label === label).length;
    return {
      precision: ratio(tp, rows.filter(predicted).length),
      recall: ratio(tp, rows.filter((r) => r.label === label).length),
    };
  };
  const outcomes = rows.filter((r) => r.label === "outcome");
  return {
    n: rows.length,
    duplicate: pr((r) => r.verdict === "duplicate", "duplicate"),
    output: pr((r) => r.verdict === "output", "output"),
    outcomeFlagged: ratio(
      outcomes.filter((r) => r.verdict === "duplicate" || r.verdict === "output").length,
      outcomes.length,
    ),
    kpi: pr((r) => r.rules.includes("kpi-not-okr"), "kpi"),
    notMeasurable: pr((r) => r.rules.includes("not-measurable"), "unmeasurable"),
    rows,
  };
}
