import { roadmapScores, ruleScores } from "./metrics";

// Floors sit a little under the measured figures (see docs/CHECKER.md) so a regression fails.
describe("evaluation on the labelled set", () => {
  it("covers at least 60 OKRs, half of them hard, over several teams' roadmaps", () => {
    const dev = roadmapScores("dev");
    const heldout = roadmapScores("heldout");
    expect(dev.n + heldout.n).toBeGreaterThanOrEqual(60);
    expect(heldout.duplicate.n).toBeGreaterThanOrEqual(15);
  });

  it.each([
    ["dev", 0.95, 0.92, 0.95],
    ["heldout", 0.95, 0.92, 0.95],
  ] as const)("%s half: duplicate precision ≥ %s, recall ≥ %s, item accuracy ≥ %s", (split, p, r, item) => {
    const s = roadmapScores(split);
    expect(s.duplicate.precision).toBeGreaterThanOrEqual(p);
    expect(s.duplicate.recall).toBeGreaterThanOrEqual(r);
    expect(s.itemAccuracy).toBeGreaterThanOrEqual(item);
  });

  it.each([
    ["not-measurable", "dev", 0.95, 0.95],
    ["not-measurable", "heldout", 0.95, 0.8],
    ["kpi-not-okr", "dev", 0.95, 0.95],
    ["kpi-not-okr", "heldout", 0.95, 0.95],
  ] as const)("%s on the %s half: precision ≥ %s, recall ≥ %s", (rule, split, p, r) => {
    const s = ruleScores(rule, split);
    expect(s.precision).toBeGreaterThanOrEqual(p);
    expect(s.recall).toBeGreaterThanOrEqual(r);
  });
});
