import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
/**
 * A digest of every finding and every rule's answer over the real set, the labelled examples and the
 * bench's generated 200 and 2,000 sets: speed work must leave it unchanged. Not shipped.
 * `npx tsx bench/checker-digest.ts [out.jsonl]` prints the digest (and writes every line for a diff).
 */
import { checkAgainstRoadmap, lintOkrs } from "../src/core/checker";
import {
  changeWording,
  deliverableWording,
  deliveryWording,
  isVague,
  outcomeWording,
  qualifiedDelivery,
  roadmapRestatement,
  targetElsewhere,
} from "../src/core/checker/delivery";
import { isMeasurable, kpiWording } from "../src/core/checker/quality";
import { allPairs } from "../src/core/checker/roadmap-check";
import type { OkrInput, RoadmapItem } from "../src/core/checker/types";
import { generate } from "./checker";

const root = path.resolve(__dirname, "..");
const read = (f: string) => JSON.parse(readFileSync(path.join(root, f), "utf8")) as Record<string, unknown>;

type Set_ = { name: string; okrs: OkrInput[]; roadmap: RoadmapItem[] };
const sets: Set_[] = [];
const strip = (o: OkrInput): OkrInput => ({
  id: o.id,
  kind: o.kind,
  text: o.text,
  objectiveId: o.objectiveId,
  owner: o.owner,
  lastCheckIn: o.lastCheckIn,
  cycle: o.cycle,
  start: o.start,
  target: o.target,
});
for (const sc of read("test/fixtures/checker/real/real-okrs.json").scenarios as Set_[] & { id: string }[])
  sets.push({ name: `real:${(sc as unknown as { id: string }).id}`, okrs: sc.okrs.map(strip), roadmap: sc.roadmap });
for (const sc of read("test/fixtures/checker/roadmap-labelled.json").scenarios as Set_[])
  sets.push({ name: `labelled:${sc.name}`, okrs: sc.okrs.map(strip), roadmap: sc.roadmap });
const quality = read("test/fixtures/checker/quality-labelled.json");
for (const key of ["notMeasurable", "kpiNotOkr"])
  sets.push({
    name: `quality:${key}`,
    okrs: (quality[key] as { id: string; text: string }[]).map((o) => ({ id: o.id, kind: "key_result", text: o.text })),
    roadmap: [],
  });
for (const n of [200, 2000]) sets.push({ name: `generated:${n}`, ...generate(n, n) });

const lines: string[] = [];
const total = createHash("sha256");
let texts = 0;
for (const s of sets) {
  const h = createHash("sha256");
  const add = (x: unknown) => {
    const line = `${s.name} ${JSON.stringify(x)}`;
    lines.push(line);
    h.update(line + "\n");
  };
  const report = checkAgainstRoadmap(s.okrs, s.roadmap);
  for (const f of report.findings) add(f);
  add(report.summary);
  if (s.name === "generated:2000" || s.name.startsWith("real")) {
    const pairs = checkAgainstRoadmap(s.okrs, s.roadmap, allPairs);
    add({ pairsSame: JSON.stringify(pairs) === JSON.stringify(report) });
  }
  for (const f of lintOkrs({ okrs: s.okrs }, { today: "2025-07-01" })) add(f);
  for (const text of [...s.okrs.map((o) => o.text), ...s.roadmap.map((r) => r.text)]) {
    texts++;
    add({
      text,
      delivery: deliveryWording(text),
      outcome: outcomeWording(text),
      deliverable: deliverableWording(text),
      change: changeWording(text),
      kpi: kpiWording(text),
      qualified: qualifiedDelivery(text),
      restated: roadmapRestatement(text),
      vague: isVague(text),
      elsewhere: targetElsewhere(text),
      measurable: isMeasurable(text),
    });
  }
  const d = h.digest("hex");
  total.update(d);
  console.log(`${s.name.padEnd(28)} ${d.slice(0, 16)}`);
}
console.log(`${sets.length} sets, ${texts} texts, ${lines.length} lines: ${total.digest("hex")}`);
if (process.argv[2]) writeFileSync(process.argv[2], lines.join("\n") + "\n");
