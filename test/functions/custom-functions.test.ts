/** The OKR_* custom functions as Sheets calls them: through the built Code.js, with cells and ranges. */
import { loadBundle } from "../support/built-bundle";

const bundle = loadBundle();
const call = (name: string, ...args: unknown[]) => bundle[name](...args);
const column = (...values: unknown[]) => values.map((v) => [v]);

describe("OKR_PROGRESS", () => {
  it("computes (current − start) / (target − start), start defaulting to 0", () => {
    expect(call("OKR_PROGRESS", 30, 120)).toBe(0.25);
    expect(call("OKR_PROGRESS", 70, 120, 20)).toBe(0.5);
  });

  it("handles metrics that decrease: start 10, target 2, current 4 is 0.75", () => {
    expect(call("OKR_PROGRESS", 4, 2, 10)).toBeCloseTo(0.75, 12);
  });

  it("clamps to 0…1", () => {
    expect(call("OKR_PROGRESS", 150, 100)).toBe(1);
    expect(call("OKR_PROGRESS", -5, 100)).toBe(0);
    expect(call("OKR_PROGRESS", 12, 2, 10)).toBe(0);
  });

  it("counts TRUE/FALSE as 1/0 for milestones", () => {
    expect(call("OKR_PROGRESS", true, 1)).toBe(1);
    expect(call("OKR_PROGRESS", false, true)).toBe(0);
  });

  it("takes the key result's type: a milestone is done at 1 and not done below, whatever start and target", () => {
    expect(call("OKR_PROGRESS", 0.5, 1, 0, "milestone")).toBe(0);
    expect(call("OKR_PROGRESS", 0.5, 1, 0, "increase")).toBe(0.5);
    expect(call("OKR_PROGRESS", column(1, 0), 0, 0, "Milestone")).toEqual(column(1, 0));
  });

  it("reads numbers typed as text", () => {
    expect(call("OKR_PROGRESS", "45%", "90%")).toBe(0.5);
    expect(call("OKR_PROGRESS", "600", "1,200")).toBe(0.5);
  });

  it("gives a blank for a blank current or target", () => {
    expect(call("OKR_PROGRESS", "", 100)).toBe("");
    expect(call("OKR_PROGRESS", 5, "")).toBe("");
  });

  it("maps ranges row by row, applying a single value to every row, blank rows staying blank", () => {
    expect(call("OKR_PROGRESS", column(10, "", 40), column(100, 100, 80))).toEqual(column(0.1, "", 0.5));
    expect(call("OKR_PROGRESS", column(10, 50), 100, 0)).toEqual(column(0.1, 0.5));
    expect(call("OKR_PROGRESS", [[1, 2]], [[4, 4]])).toEqual([[0.25, 0.5]]);
  });

  it("treats a 1×1 range like a single cell", () => {
    expect(call("OKR_PROGRESS", [[30]], [[120]])).toBe(0.25);
  });

  it("rejects a target equal to start, naming the function, argument, row and value", () => {
    expect(() => call("OKR_PROGRESS", 5, 10, 10)).toThrow("OKR_PROGRESS: target is 10, which equals the start value");
    expect(() => call("OKR_PROGRESS", column(1, 2), column(5, 0))).toThrow(
      "OKR_PROGRESS: target in row 2 of the range is 0, which equals the start value",
    );
  });

  it("rejects text that is not a number with the row and the offending value", () => {
    expect(() => call("OKR_PROGRESS", column(1, 2, "lots"), 10)).toThrow(
      'OKR_PROGRESS: current in row 3 of the range is "lots", which is not a number',
    );
  });

  it("rejects ranges of different sizes, saying both sizes", () => {
    expect(() => call("OKR_PROGRESS", column(1, 2, 3), column(5, 5))).toThrow(
      "OKR_PROGRESS: target is 2 rows × 1 column but current is 3 rows × 1 column. Give ranges of the same size, or a single cell.",
    );
  });

  it("rejects a date where a number belongs", () => {
    expect(() => call("OKR_PROGRESS", new Date(2026, 0, 1), 10)).toThrow("is a date, not a number");
  });
});

describe("OKR_EXPECTED", () => {
  const start = new Date(2026, 9, 1);
  const end = new Date(2026, 11, 31); // 92 days, Oct 1 – Dec 31

  it("is the share of the cycle passed by the start of as_of's day", () => {
    expect(call("OKR_EXPECTED", start, end, new Date(2026, 9, 1))).toBe(0);
    expect(call("OKR_EXPECTED", start, end, new Date(2026, 10, 16))).toBeCloseTo(46 / 92, 12);
    expect(call("OKR_EXPECTED", start, end, new Date(2027, 0, 1))).toBe(1);
  });

  it("clamps dates outside the cycle to 0 and 1", () => {
    expect(call("OKR_EXPECTED", start, end, new Date(2026, 5, 1))).toBe(0);
    expect(call("OKR_EXPECTED", start, end, new Date(2027, 5, 1))).toBe(1);
  });

  it("accepts yyyy-mm-dd text and Sheets serial numbers", () => {
    // 46296 is 2026-10-01 in Sheets' serial days.
    expect(call("OKR_EXPECTED", "2026-10-01", 46387, "2026-11-16")).toBeCloseTo(46 / 92, 12);
  });

  it("defaults as_of to today", () => {
    const today = new Date();
    const value = call(
      "OKR_EXPECTED",
      new Date(today.getFullYear(), today.getMonth(), today.getDate() - 10),
      new Date(today.getFullYear(), today.getMonth(), today.getDate() + 9),
    );
    expect(value).toBeCloseTo(10 / 20, 12);
  });

  it("rejects an end before the start, and text that is not a date", () => {
    expect(() => call("OKR_EXPECTED", end, start)).toThrow(
      "OKR_EXPECTED: cycle_end is 2026-10-01, which is before cycle_start",
    );
    expect(() => call("OKR_EXPECTED", "next monday", end)).toThrow(
      'OKR_EXPECTED: cycle_start is "next monday", which is not a date',
    );
  });

  it("maps a range of as_of dates, a blank as_of meaning today", () => {
    const [[first], [middle], [last]] = call(
      "OKR_EXPECTED",
      start,
      end,
      column(new Date(2026, 9, 1), "", new Date(2027, 0, 1)),
    ) as number[][];
    expect([first, last]).toEqual([0, 1]);
    expect(middle).toBe(call("OKR_EXPECTED", start, end));
  });
});

describe("OKR_STATUS", () => {
  it("says Done at 100 % and grades the gap otherwise", () => {
    expect(call("OKR_STATUS", 1, 0.2)).toBe("Done");
    expect(call("OKR_STATUS", 0.5, 0.6)).toBe("On track");
    expect(call("OKR_STATUS", 0.5, 0.75)).toBe("At risk");
    expect(call("OKR_STATUS", 0.5, 0.76)).toBe("Off track");
    expect(call("OKR_STATUS", 0.9, 0.5)).toBe("On track");
  });

  it("takes other gaps as optional arguments", () => {
    expect(call("OKR_STATUS", 0.5, 0.6, 0.05)).toBe("At risk");
    expect(call("OKR_STATUS", 0.5, 0.8, 0.1, 0.4)).toBe("At risk");
  });

  it("gives blank for a blank progress and maps ranges", () => {
    expect(call("OKR_STATUS", "", 0.5)).toBe("");
    expect(call("OKR_STATUS", column(0.2, "", 1), 0.5)).toEqual(column("Off track", "", "Done"));
  });

  it("reads No check-in yet when checked_in is FALSE (Done still wins), TRUE when left out", () => {
    expect(call("OKR_STATUS", 0, 0.5, "", "", false)).toBe("No check-in yet");
    expect(call("OKR_STATUS", column(0.1, 1, 0.45), 0.5, 0.1, 0.25, column(0, 0, 1))).toEqual(
      column("No check-in yet", "Done", "On track"),
    );
    expect(() => call("OKR_STATUS", 0.5, 0.5, 0.1, 0.25, "maybe")).toThrow(
      'OKR_STATUS: checked_in is "maybe", which is not TRUE or FALSE.',
    );
  });

  it("explains a missing expected value and a bad gap", () => {
    expect(() => call("OKR_STATUS", 0.5, "")).toThrow('OKR_STATUS: expected is "", which is blank');
    expect(() => call("OKR_STATUS", 0.5, 0.6, 0.3, 0.2)).toThrow(
      "off_track_gap is 0.2, which is smaller than at_risk_gap",
    );
  });
});

describe("OKR_SCORE", () => {
  it("clamps and rounds to one decimal", () => {
    expect(call("OKR_SCORE", 0.65)).toBe(0.7);
    expect(call("OKR_SCORE", 0.649)).toBe(0.6);
    expect(call("OKR_SCORE", 1.4)).toBe(1);
    expect(call("OKR_SCORE", -0.2)).toBe(0);
    expect(call("OKR_SCORE", column(0.15, "", 0.96))).toEqual(column(0.2, "", 1));
  });

  it("rejects text", () => {
    expect(() => call("OKR_SCORE", "great")).toThrow('OKR_SCORE: progress is "great", which is not a number');
  });
});

describe("OKR_ROLLUP", () => {
  const krObjectives = column("O-1", "O-1", "O-2", "", "O-1");
  const krProgress = column(1, 0.5, 0.2, "", "");

  it("averages each objective's key results, a blank KR progress counting as 0", () => {
    expect(call("OKR_ROLLUP", column("O-1", "O-2", "O-3", ""), krObjectives, krProgress)).toEqual(
      column(0.5, 0.2, "", ""),
    );
  });

  it("reads ranges of any shape cell by cell in row order: a row, or a block, as a column", () => {
    const asRow = [["O-1", "O-1", "O-2", "", "O-1"]];
    const block = [
      [1, 0.5],
      [0.2, ""],
      ["", ""],
    ];
    expect(call("OKR_ROLLUP", column("O-1", "O-2"), asRow, [[1, 0.5, 0.2, "", ""]])).toEqual(column(0.5, 0.2));
    expect(() => call("OKR_ROLLUP", "O-1", asRow, block)).toThrow(
      "OKR_ROLLUP: kr_progress has 6 cells but kr_objective_ids has 5",
    );
    expect(
      call(
        "OKR_ROLLUP",
        "O-2",
        [
          ["O-1", "O-1"],
          ["O-2", ""],
          ["O-1", "O-2"],
        ],
        block,
      ),
    ).toBeCloseTo(0.1, 12);
  });

  it("weights the mean", () => {
    const weights = column(3, 1, 1, "", 0);
    expect(call("OKR_ROLLUP", "O-1", krObjectives, krProgress, weights)).toBeCloseTo(3.5 / 4, 12);
  });

  it("rejects ranges of different lengths and bad weights", () => {
    expect(() => call("OKR_ROLLUP", "O-1", krObjectives, column(1, 2))).toThrow(
      "OKR_ROLLUP: kr_progress has 2 cells but kr_objective_ids has 5",
    );
    expect(() => call("OKR_ROLLUP", "O-1", krObjectives, krProgress, column(1, -1, 1, 1, 1))).toThrow(
      "OKR_ROLLUP: kr_weights in row 2 of the range is -1, which is negative",
    );
  });
});
