/** The rulebook's TypeScript functions on hand-worked cases (the agreement test checks the other forms). */
import { scoreVerdict } from "../../src/core/score";
import { apply } from "../../src/core/rulebook/kit";
import { RULES } from "../../src/core/rulebook/rules";

const progress = (current: number, target: number, start?: number, type?: string) =>
  apply(RULES.progress, { current, target, start, type });

describe("progress", () => {
  it("goes from start to target in either direction, clamped", () => {
    expect(progress(4, 2, 10)).toBeCloseTo(0.75, 12);
    expect(progress(60, 100, 20)).toBe(0.5);
    expect(progress(200, 100)).toBe(1);
    expect(progress(12, 2, 10)).toBe(0);
  });

  it("counts a milestone done at 1 and not done below, whatever its start and target", () => {
    expect(progress(1, 1, 0, "milestone")).toBe(1);
    expect(progress(0.5, 1, 0, "Milestone")).toBe(0);
    expect(progress(1, 0, 0, "milestone")).toBe(1);
  });

  it("has nothing to measure when the target equals the start", () => {
    expect(progress(5, 10, 10)).toBeNull();
  });
});

describe("objective roll-up", () => {
  const rollup = (krs: { progress: number | null; weight?: number; state?: string }[]) => {
    const weights = krs.map((kr) => apply(RULES.countedWeight, { weight: kr.weight, state: kr.state }) as number);
    return apply(RULES.rollup, {
      weighted_progress: krs.map((kr, i) => RULES.weightedProgress.compute(kr.progress, weights[i])),
      counted_weight: weights,
    });
  };

  it("averages key results by weight, clamping each, a blank counting as 0", () => {
    expect(rollup([{ progress: 1, weight: 3 }, { progress: 0 }])).toBe(0.75);
    expect(rollup([{ progress: 1.5 }, { progress: null }])).toBe(0.5);
  });

  it("leaves archived key results out, and has nothing to say without any", () => {
    expect(rollup([{ progress: 1 }, { progress: 0, state: "Archived" }])).toBe(1);
    expect(rollup([])).toBeNull();
    expect(rollup([{ progress: 1, weight: 0 }])).toBeNull();
  });
});

describe("expected progress", () => {
  const start = new Date(2026, 0, 1);
  const end = new Date(2026, 2, 31); // 90 days
  const expected = (asOf: Date) => RULES.expected.compute(start, end, asOf);

  it("counts whole days, the end date being the cycle's last day", () => {
    expect(expected(new Date(2026, 0, 1, 18))).toBe(0);
    expect(expected(new Date(2026, 1, 15))).toBeCloseTo(45 / 90, 12);
    expect(expected(new Date(2026, 2, 31))).toBeCloseTo(89 / 90, 12);
    expect(expected(new Date(2026, 3, 1))).toBe(1);
    expect(expected(new Date(2025, 11, 31))).toBe(0);
  });
});

describe("status", () => {
  const status = (progress: number | null, expected: number | null, checked_in?: boolean) =>
    apply(RULES.status, { progress, expected, checked_in });

  it("uses 0.10 and 0.25 gaps by default, with no floating-point surprises at the edge", () => {
    expect(status(0.5, 0.6)).toBe("On track");
    expect(status(0.7, 0.8)).toBe("On track");
    expect(status(0.5, 0.75)).toBe("At risk");
    expect(status(0.5, 0.7501)).toBe("Off track");
    expect(status(1, 1)).toBe("Done");
  });

  it("reads Done at 100% even without a cycle, and nothing else without one", () => {
    expect(status(1, null)).toBe("Done");
    expect(status(0.5, null)).toBeNull();
    expect(status(null, 0.5)).toBeNull();
  });

  it("reads No check-in yet until someone checks in, unless already done", () => {
    expect(status(0, 0.9, false)).toBe("No check-in yet");
    expect(status(0, null, false)).toBe("No check-in yet");
    expect(status(1, 0.9, false)).toBe("Done");
    expect(apply(RULES.checkedIn, { last_check_in: null })).toBe(false);
    expect(apply(RULES.checkedIn, { last_check_in: new Date(2026, 9, 5) })).toBe(true);
  });

  it("counts an objective as checked in once one of its active key results is", () => {
    const counted = (last: Date | null, state: string | null) => RULES.countedCheckIn.compute(last, state);
    const day = new Date(2026, 9, 5);
    expect(RULES.anyCheckIn.compute([counted(null, "Active"), counted(day, "Archived")])).toBe(false);
    expect(RULES.anyCheckIn.compute([counted(null, null), counted(day, "Active")])).toBe(true);
  });
});

describe("score", () => {
  const score = (progress: number) => apply(RULES.score, { progress });

  it("rounds to one decimal like Sheets' ROUND", () => {
    expect(score(0.15)).toBe(0.2);
    expect(score(0.349)).toBe(0.3);
    expect(score(0.7)).toBe(0.7);
    expect(score(0.7 - 0.05)).toBe(0.7);
    expect(score(1.4)).toBe(1);
  });

  it("reads committed and aspirational goals differently", () => {
    expect(scoreVerdict(0.7, "aspirational")).toBe("Success for an aspirational goal");
    expect(scoreVerdict(0.7, "committed")).toMatch(/^Missed/);
    expect(scoreVerdict(1, "committed")).toBe("Met");
    expect(scoreVerdict(1, "aspirational")).toMatch(/ambitious/);
    expect(scoreVerdict(0.3, "aspirational")).toBe("Missed");
  });
});
