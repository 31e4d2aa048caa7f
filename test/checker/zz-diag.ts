import { buildRoadmapIndex } from "../../src/core/checker";
import { makeQuery, matchItems } from "../../src/core/checker/roadmap-index";
import { deliveryWording, outcomeWording, changeWording } from "../../src/core/checker/delivery";
import { topicalTerms } from "../../src/core/checker/text";
import { realSet } from "./real-metrics";
const want = process.argv[2];
for (const s of realSet.scenarios) {
  const index = buildRoadmapIndex(s.roadmap);
  for (const o of s.okrs) {
    if (want && !o.label.startsWith(want) && o.id !== want) continue;
    const m = matchItems(index, makeQuery(index, o.text)).slice(0, 2);
    console.log(`${o.id} [${o.label}] d=${deliveryWording(o.text)} o=${outcomeWording(o.text)} c=${changeWording(o.text)} | ${m.map((x) => index.items[x.item].id + ":" + x.score.toFixed(2)).join(" ")} | ${topicalTerms(o.text).join(",")}`);
  }
}
