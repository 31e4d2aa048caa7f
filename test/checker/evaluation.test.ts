import { roadmapScores, ruleScores } from "./metrics";

// Floors sit a little under the measured figures (see docs/CHECKER.md) so a regression fails.
describe("evaluation on the labelled set", () => {
  it.each([
    ["dev", 0.95, 0.9, 0.95],
    ["heldout", 0.9, 0.85, 0.9],
  ] as const)("%s half: duplicate precision ≥ %s, recall ≥ %s, item accuracy ≥ %s", (split, p, r, item) => {
    const s = roadmapScores(split);
    expect(s.duplicate.precision).toBeGreaterThanOrEqual(p);
    expect(s.duplicate.recall).toBeGreaterThanOrEqual(r);
    expect(s.itemAccuracy).toBeGreaterThanOrEqual(item);
  });

  it.each([
    ["not-measurable", "dev", 0.95, 0.95],
    ["not-measurable", "heldout", 0.85, 0.85],
    ["kpi-not-okr", "dev", 0.95, 0.95],
    ["kpi-not-okr", "heldout", 0.85, 0.85],
  ] as const)("%s on the %s half: precision ≥ %s, recall ≥ %s", (rule, split, p, r) => {
    const s = ruleScores(rule, split);
    expect(s.precision).toBeGreaterThanOrEqual(p);
    expect(s.recall).toBeGreaterThanOrEqual(r);
  });
});
