import { realScores, realSet, type RealSplit } from "./real-metrics";

// Issue #14: figures on real, published key results (see test/fixtures/checker/real/README.md).
describe("evaluation on real, published OKRs", () => {
  it("holds at least 150 labelled key results from at least 4 organisations, each with a source", () => {
    const krs = realSet.scenarios.flatMap((s) => s.okrs);
    expect(krs.length).toBeGreaterThanOrEqual(150);
    expect(new Set(realSet.scenarios.map((s) => s.organisation)).size).toBeGreaterThanOrEqual(4);
    for (const kr of krs) {
      expect(["duplicate", "output", "outcome", "kpi", "unmeasurable"]).toContain(kr.label);
      expect(kr.reason.length).toBeGreaterThan(5);
      expect(kr.source).toEqual(
        expect.objectContaining(
          kr.source.url ? { url: expect.any(String) } : { commit: expect.stringMatching(/^[0-9a-f]{40}$/) },
        ),
      );
    }
    for (const s of realSet.scenarios) expect(s.roadmap.length).toBeGreaterThan(0);
  });

  // Per split: floors a little under today's figures (docs/CHECKER.md), and the ceiling on outcomes
  // flagged. Duplicate recall on all (0.65) is under its 0.7 target: the misses share no word with their
  // roadmap item (docs/CHECKER.md lists them).
  const LIMITS: Record<RealSplit, { floors: Record<string, number>; outcomeFlaggedAtMost?: number }> = {
    all: {
      floors: {
        "duplicate.precision": 0.85,
        "duplicate.recall": 0.65,
        "output.precision": 0.8,
        "output.recall": 0.4,
        "kpi.precision": 0.9,
        "kpi.recall": 0.9,
        "notMeasurable.precision": 0.8,
        "notMeasurable.recall": 0.7,
      },
      outcomeFlaggedAtMost: 0.05,
    },
    heldout: {
      floors: {
        "duplicate.precision": 0.85,
        "duplicate.recall": 0.45,
        "kpi.precision": 0.9,
        "kpi.recall": 0.9,
        "notMeasurable.precision": 0.9,
      },
      outcomeFlaggedAtMost: 0.1,
    },
    tune: { floors: { "duplicate.precision": 0.85, "duplicate.recall": 0.85, "output.precision": 0.9 } },
  };

  it.each(Object.keys(LIMITS) as RealSplit[])("keeps its figures on the %s split", (split) => {
    const scores = realScores(split) as unknown as Record<string, Record<string, { value: number }>> & {
      outcomeFlagged: { value: number };
    };
    const { floors, outcomeFlaggedAtMost } = LIMITS[split];
    const below = Object.entries(floors)
      .map(([path, floor]) => {
        const [verdict, measure] = path.split(".");
        return { path, floor, value: scores[verdict][measure].value };
      })
      .filter((f) => !(f.value >= f.floor));
    expect(below).toEqual([]);
    if (outcomeFlaggedAtMost !== undefined)
      expect(scores.outcomeFlagged.value).toBeLessThanOrEqual(outcomeFlaggedAtMost);
  });
});
