import { expectedProgress } from "../../src/core/cycle";
import { progressBetween, weightedProgress } from "../../src/core/progress";
import { score, scoreVerdict } from "../../src/core/score";
import { statusFor } from "../../src/core/status";

describe("progress", () => {
  it("goes from start to target in either direction, clamped", () => {
    expect(progressBetween(4, 2, 10)).toBeCloseTo(0.75, 12);
    expect(progressBetween(60, 100, 20)).toBe(0.5);
    expect(progressBetween(200, 100, 0)).toBe(1);
  });

  it("averages key results by weight, and has nothing to say without them", () => {
    expect(
      weightedProgress([
        { progress: 1, weight: 3 },
        { progress: 0, weight: 1 },
      ]),
    ).toBe(0.75);
    expect(
      weightedProgress([
        { progress: 1.5, weight: 1 },
        { progress: 0, weight: 1 },
      ]),
    ).toBe(0.5);
    expect(weightedProgress([])).toBeNull();
    expect(weightedProgress([{ progress: 1, weight: 0 }])).toBeNull();
  });
});

describe("expectedProgress", () => {
  const start = new Date(2026, 0, 1);
  const end = new Date(2026, 2, 31); // 90 days

  it("counts whole days, the end date being the cycle's last day", () => {
    expect(expectedProgress(start, end, new Date(2026, 0, 1, 18))).toBe(0);
    expect(expectedProgress(start, end, new Date(2026, 1, 15))).toBeCloseTo(45 / 90, 12);
    expect(expectedProgress(start, end, new Date(2026, 2, 31))).toBeCloseTo(89 / 90, 12);
    expect(expectedProgress(start, end, new Date(2026, 3, 1))).toBe(1);
  });
});

describe("statusFor", () => {
  it("uses 0.10 and 0.25 gaps by default, with no floating-point surprises at the edge", () => {
    expect(statusFor(0.5, 0.6)).toBe("On track");
    expect(statusFor(0.5, 0.75)).toBe("At risk");
    expect(statusFor(0.5, 0.7501)).toBe("Off track");
    expect(statusFor(1, 1)).toBe("Done");
  });
});

describe("score", () => {
  it("rounds to one decimal like Sheets' ROUND", () => {
    expect(score(0.15)).toBe(0.2);
    expect(score(0.349)).toBe(0.3);
    expect(score(0.7)).toBe(0.7);
  });

  it("reads committed and aspirational goals differently", () => {
    expect(scoreVerdict(0.7, "aspirational")).toBe("Success for an aspirational goal");
    expect(scoreVerdict(0.7, "committed")).toMatch(/^Missed/);
    expect(scoreVerdict(1, "committed")).toBe("Met");
    expect(scoreVerdict(1, "aspirational")).toMatch(/ambitious/);
    expect(scoreVerdict(0.3, "aspirational")).toBe("Missed");
  });
});
