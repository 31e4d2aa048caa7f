/** Prints the checker's figures on both halves of the labelled set: `npx tsx test/checker/print-metrics.ts`. */
import { roadmapScores, ruleScores } from "./metrics";

for (const split of ["dev", "heldout"] as const) {
  const r = roadmapScores(split);
  const f = (x: number) => x.toFixed(2);
  console.log(
    split +
      ": duplicate precision " +
      f(r.duplicate.precision) +
      ", recall " +
      f(r.duplicate.recall) +
      " (n=" +
      r.duplicate.n +
      "), item accuracy " +
      f(r.itemAccuracy) +
      ", verdict accuracy " +
      f(r.verdictAccuracy),
  );
  for (const rule of ["not-measurable", "kpi-not-okr"] as const) {
    const q = ruleScores(rule, split);
    console.log("  " + rule + ": precision " + f(q.precision) + ", recall " + f(q.recall) + " (n=" + q.n + ")");
  }
}
