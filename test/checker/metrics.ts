import { checkAgainstRoadmap } from "../../src/core/checker";
import { lintOkrs } from "../../src/core/checker";
import type { OkrInput, QualityRule, RoadmapItem, Verdict } from "../../src/core/checker/types";
import roadmapSet from "../fixtures/checker/roadmap-labelled.json";
import qualitySet from "../fixtures/checker/quality-labelled.json";

export type Split = "dev" | "heldout";

export interface Scores {
  precision: number;
  recall: number;
  n: number;
}

/** Precision/recall of `duplicate`, item accuracy (first named item is a labelled one) and verdict accuracy. */
export function roadmapScores(split: Split) {
  let tp = 0,
    fp = 0,
    fn = 0,
    n = 0,
    agree = 0,
    itemsRight = 0,
    itemsJudged = 0;
  const misses: string[] = [];
  for (const s of roadmapSet.scenarios) {
    const okrs = s.okrs.filter((o) => o.split === split);
    const { findings } = checkAgainstRoadmap(okrs as OkrInput[], s.roadmap as RoadmapItem[]);
    findings.forEach((finding, i) => {
      // This set predates the output verdict: delivery not on the roadmap was labelled ok, so output reads as ok.
      const f = finding.verdict === "output" ? { ...finding, verdict: "ok" as Verdict } : finding;
      const want = okrs[i].expect as Verdict;
      n++;
      if (f.verdict === want) agree++;
      else misses.push(`${f.id} want ${want} got ${f.verdict}: ${okrs[i].text}`);
      if (f.verdict === "duplicate" && want === "duplicate") tp++;
      else if (f.verdict === "duplicate") fp++;
      else if (want === "duplicate") fn++;
      if (want !== "ok" && f.verdict !== "ok" && okrs[i].roadmapIds.length) {
        itemsJudged++;
        if (okrs[i].roadmapIds.includes(f.roadmapIds[0])) itemsRight++;
      }
    });
  }
  return {
    duplicate: { precision: tp / (tp + fp), recall: tp / (tp + fn), n: tp + fn },
    itemAccuracy: itemsRight / itemsJudged,
    itemsJudged,
    verdictAccuracy: agree / n,
    n,
    misses,
  };
}

/** Precision/recall of one quality rule on its own labelled key results. */
export function ruleScores(rule: QualityRule, split: Split): Scores {
  const set = rule === "not-measurable" ? qualitySet.notMeasurable : qualitySet.kpiNotOkr;
  let tp = 0,
    fp = 0,
    fn = 0;
  for (const e of set.filter((x) => x.split === split)) {
    const okrs: OkrInput[] = [{ id: e.id, kind: "key_result", text: e.text, owner: "x" }];
    const fired = lintOkrs({ okrs }).some((f) => f.rule === rule);
    if (fired && e.expect) tp++;
    else if (fired) fp++;
    else if (e.expect) fn++;
  }
  return { precision: tp / (tp + fp), recall: tp / (tp + fn), n: tp + fn };
}
