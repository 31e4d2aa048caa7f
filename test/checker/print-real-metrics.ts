/** Prints the checker's figures on the real set: `npx tsx test/checker/print-real-metrics.ts [--misses]`. */
import { realScores, type Ratio } from "./real-metrics";

const f = (r: Ratio) => (Number.isNaN(r.value) ? "n/a" : r.value.toFixed(2)) + ` (${r.hits}/${r.of})`;
for (const split of ["tune", "heldout", "all"] as const) {
  const s = realScores(split);
  console.log(`${split} (${s.n} KRs)`);
  console.log(`  duplicate precision ${f(s.duplicate.precision)}, recall ${f(s.duplicate.recall)}`);
  console.log(`  output precision ${f(s.output.precision)}, recall ${f(s.output.recall)}`);
  console.log(`  outcome given duplicate/output ${f(s.outcomeFlagged)}`);
  console.log(`  kpi-not-okr precision ${f(s.kpi.precision)}, recall ${f(s.kpi.recall)}`);
  console.log(`  not-measurable precision ${f(s.notMeasurable.precision)}, recall ${f(s.notMeasurable.recall)}`);
  if (process.argv.includes("--misses") && split === "all")
    for (const r of s.rows) {
      const want = r.label;
      const roadmapOk =
        (want === "duplicate") === (r.verdict === "duplicate") && (want === "output") === (r.verdict === "output");
      const kpiOk = (want === "kpi") === r.rules.includes("kpi-not-okr");
      const nmOk = (want === "unmeasurable") === r.rules.includes("not-measurable");
      if (!roadmapOk || !kpiOk || !nmOk)
        console.log(`    ${r.id} [${want}] got ${r.verdict} ${r.rules.join(",")} | ${r.text.slice(0, 110)}`);
    }
}
