/**
 * The sheets' native formulas, evaluated by the emulator's formula engine, agree with the core
 * rules (and so with OKR_PROGRESS and the sidebar) on values a person would type.
 */
import { expectedProgress } from "../../src/core/cycle";
import { progressBetween, weightedProgress } from "../../src/core/progress";
import { score } from "../../src/core/score";
import { statusFor } from "../../src/core/status";
import { apiData, newTracker, rows } from "../support/tracker";

const today = new Date();
const cycleStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30);
const cycleEnd = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 59);

describe("computed columns", () => {
  const harness = newTracker();
  const krs = [
    { title: "Signups per week", type: "increase", start: 100, target: 300, current: 150 },
    { title: "Build failures per week", type: "decrease", start: 10, target: 2, current: 4 },
    { title: "Conversion", type: "percentage", start: 0.07, target: 0.1, current: 0.1 },
    { title: "Runbook published", type: "milestone", target: 1, current: 1 },
    { title: "Overshoot", type: "increase", start: 0, target: 10, current: 25, weight: 3 },
  ];

  beforeAll(async () => {
    // A cycle around today, so expected progress is a real fraction.
    harness.spreadsheet.getRange("Cycles!A4:C4").setValues([["2031-Q1", cycleStart, cycleEnd]]);
    await apiData(harness, "createObjective", { title: "Grow without breaking", cycle: "2031-Q1", keyResults: krs });
  });

  it("KR progress is (current − start) / (target − start), clamped, for every type", () => {
    const progress = rows(harness, "Key Results").map((r) => r.Progress as number);
    expect(progress[0]).toBeCloseTo(progressBetween(150, 300, 100), 12);
    expect(progress[1]).toBeCloseTo(0.75, 12);
    expect(progress.slice(2)).toEqual([1, 1, 1]);
  });

  it("expected progress follows the cycle's dates, the same in Cycles, Objectives and Key Results", () => {
    const expected = expectedProgress(cycleStart, cycleEnd, today);
    expect(rows(harness, "Cycles").find((c) => c.Cycle === "2031-Q1")!.Expected).toBeCloseTo(expected, 12);
    expect(rows(harness, "Objectives")[0].Expected).toBeCloseTo(expected, 12);
    for (const kr of rows(harness, "Key Results")) expect(kr.Expected).toBeCloseTo(expected, 12);
  });

  it("status and score per key result match the core rules", () => {
    const expected = expectedProgress(cycleStart, cycleEnd, today);
    for (const kr of rows(harness, "Key Results")) {
      expect(kr.Status).toBe(statusFor(kr.Progress as number, expected));
      expect(kr.Score).toBe(score(kr.Progress as number));
    }
  });

  it("objective progress is the weighted mean of its active key results", () => {
    const progress = rows(harness, "Key Results").map((r) => r.Progress as number);
    const weights = [1, 1, 1, 1, 3];
    const mean = weightedProgress(progress.map((p, i) => ({ progress: p, weight: weights[i] }))) as number;
    const [objective] = rows(harness, "Objectives");
    expect(objective.Progress).toBeCloseTo(mean, 12);
    expect(objective.Score).toBe(score(mean));
  });

  it("updates the moment a value is typed, without running the script", () => {
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    sheet.getRange("G2").setValue(300); // Current of KR-1.1, as if typed
    const [kr] = rows(harness, "Key Results");
    expect([kr.Progress, kr.Status, kr.Score]).toEqual([1, "Done", 1]);
  });

  it("matches what the sidebar shows", async () => {
    const overview = await apiData<{
      objectives: { progress: number; keyResults: { progress: number; status: string }[] }[];
    }>(harness, "getOverview", { cycle: "2031-Q1" });
    const sheetRows = rows(harness, "Key Results");
    overview.objectives[0].keyResults.forEach((kr, i) => {
      expect(kr.progress).toBeCloseTo(sheetRows[i].Progress as number, 12);
      expect(kr.status).toBe(sheetRows[i].Status);
    });
    expect(overview.objectives[0].progress).toBeCloseTo(rows(harness, "Objectives")[0].Progress as number, 12);
  });

  it("agrees with the built bundle's custom functions, evaluated in cells over the same columns", () => {
    const sheet = harness.spreadsheet.insertSheet("Formulas");
    const krs = "'Key Results'!";
    sheet
      .getRange("A1:D1")
      .setFormulas([
        [
          "=OKR_PROGRESS(" + krs + "G2:G6," + krs + "F2:F6," + krs + "E2:E6)",
          "=OKR_STATUS(A1:A5," + krs + "O2:O6)",
          "=OKR_SCORE(A1:A5)",
          "=OKR_ROLLUP(Objectives!A2," + krs + "B2:B6,A1:A5," + krs + "K2:K6)",
        ],
      ]);
    const native = rows(harness, "Key Results");
    const computed = sheet.getRange("A1:C5").getValues();
    native.forEach((kr, i) => {
      expect(computed[i][0]).toBeCloseTo(kr.Progress as number, 12);
      expect(computed[i][1]).toBe(kr.Status);
      expect(computed[i][2]).toBe(kr.Score);
    });
    expect(sheet.getRange("D1").getValue()).toBeCloseTo(rows(harness, "Objectives")[0].Progress as number, 12);
  });

  it("leaves rows without an ID blank, so the sheet's last row is the last key result", () => {
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    expect(sheet.getLastRow()).toBe(1 + krs.length);
  });
});
