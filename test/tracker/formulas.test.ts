/**
 * The sheets' native formulas, evaluated by the emulator's formula engine, agree with the rulebook
 * (and so with the OKR_* functions and the sidebar) on a tracker a person would build.
 */
import { columnLetter } from "../../src/core/formulas";
import { apply } from "../../src/core/rulebook/kit";
import { RULES } from "../../src/core/rulebook/rules";
import type { Harness } from "../../dev/harness/harness";
import { apiData, newTracker, rows } from "../support/tracker";

const expectedProgress = (start: Date, end: Date, asOf: Date) => RULES.expected.compute(start, end, asOf);
const score = (progress: number) => apply(RULES.score, { progress });

interface Overview {
  objectives: {
    id: string;
    progress: number;
    status: string | null;
    keyResults: { progress: number; status: string | null }[];
  }[];
}

/** The sidebar's objectives and key results next to the sheet's rows, for one objective. */
async function sideBySide(harness: Harness, cycle: string, objectiveId: string) {
  const overview = await apiData<Overview>(harness, "getOverview", { cycle });
  const objective = overview.objectives.find((o) => o.id === objectiveId)!;
  const sheet = rows(harness, "Objectives").find((o) => o.ID === objectiveId)!;
  const krs = rows(harness, "Key Results").filter((kr) => kr["Objective ID"] === objectiveId);
  return { objective, sheet, krs };
}

const today = new Date();
const cycleStart = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 30);
const cycleEnd = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 59);

const krs = [
  { title: "Signups per week", type: "increase", start: 100, target: 300, current: 150 },
  { title: "Build failures per week", type: "decrease", start: 10, target: 2, current: 4 },
  { title: "Conversion", type: "percentage", start: 0.07, target: 0.1, current: 0.1 },
  { title: "Runbook published", type: "milestone", target: 1, current: 1 },
  { title: "Overshoot", type: "increase", start: 0, target: 10, current: 25, weight: 3 },
];

/** O-1 with the key results above, in a cycle around today (so expected progress is a real fraction). */
async function trackerInCycle(): Promise<Harness> {
  const harness = newTracker();
  harness.spreadsheet.getRange("Cycles!A4:C4").setValues([["2031-Q1", cycleStart, cycleEnd]]);
  await apiData(harness, "createObjective", { title: "Grow without breaking", cycle: "2031-Q1", keyResults: krs });
  return harness;
}

describe("computed columns", () => {
  // Tests that only read share this tracker; a test that writes builds its own.
  let harness: Harness;
  beforeAll(async () => {
    harness = await trackerInCycle();
  });

  it("KR progress is (current − start) / (target − start), clamped, for every type", () => {
    const progress = rows(harness, "Key Results").map((r) => r.Progress as number);
    expect(progress[0]).toBeCloseTo(0.25, 12);
    expect(progress[1]).toBeCloseTo(0.75, 12);
    expect(progress.slice(2)).toEqual([1, 1, 1]);
  });

  it("expected progress follows the cycle's dates, the same in Cycles, Objectives and Key Results", () => {
    const expected = expectedProgress(cycleStart, cycleEnd, today);
    expect(rows(harness, "Cycles").find((c) => c.Cycle === "2031-Q1")!.Expected).toBeCloseTo(expected, 12);
    expect(rows(harness, "Objectives")[0].Expected).toBeCloseTo(expected, 12);
    for (const kr of rows(harness, "Key Results")) expect(kr.Expected).toBeCloseTo(expected, 12);
  });

  it("reads No check-in yet before anyone checks in (Done at 100%), in the sheet and the sidebar", async () => {
    expect(rows(harness, "Key Results").map((kr) => kr.Status)).toEqual([
      "No check-in yet",
      "No check-in yet",
      "Done",
      "Done",
      "Done",
    ]);
    const { objective, sheet } = await sideBySide(harness, "2031-Q1", "O-1");
    expect(objective.keyResults.map((kr) => kr.status)).toEqual(rows(harness, "Key Results").map((kr) => kr.Status));
    expect([sheet.Status, objective.status]).toEqual(["No check-in yet", "No check-in yet"]);
  });

  it("after a check-in, status and score per key result match the rulebook", async () => {
    const harness = await trackerInCycle();
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: 4 });
    const expected = expectedProgress(cycleStart, cycleEnd, today);
    for (const kr of rows(harness, "Key Results")) {
      const checked = kr["Last check-in"] !== "";
      expect(kr.Status).toBe(apply(RULES.status, { progress: kr.Progress as number, expected, checked_in: checked }));
      expect(kr.Score).toBe(score(kr.Progress as number));
      expect(kr["Checked in"]).toBe(checked ? 1 : 0);
    }
    expect(rows(harness, "Key Results")[1].Status).not.toBe("No check-in yet");
    expect(rows(harness, "Objectives")[0].Status).not.toBe("No check-in yet");
  });

  it("objective progress is the weighted mean of its active key results", () => {
    const progress = rows(harness, "Key Results").map((r) => r.Progress as number);
    const weights = [1, 1, 1, 1, 3];
    const mean = apply(RULES.rollup, {
      weighted_progress: progress.map((p, i) => p * weights[i]),
      counted_weight: weights,
    }) as number;
    const [objective] = rows(harness, "Objectives");
    expect(objective.Progress).toBeCloseTo(mean, 12);
    expect(objective.Score).toBe(score(mean));
  });

  it("updates the moment a value is typed, without running the script", async () => {
    const harness = await trackerInCycle();
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    sheet.getRange("G2").setValue(300); // Current of KR-1.1, as if typed
    const [kr] = rows(harness, "Key Results");
    expect([kr.Progress, kr.Status, kr.Score]).toEqual([1, "Done", 1]);
  });

  it("matches what the sidebar shows, after a check-in and a typed value", async () => {
    const harness = await trackerInCycle();
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: 4 });
    harness.spreadsheet.getRange("'Key Results'!G2").setValue(250);
    const { objective, sheet, krs } = await sideBySide(harness, "2031-Q1", "O-1");
    objective.keyResults.forEach((kr, i) => {
      expect(kr.progress).toBeCloseTo(krs[i].Progress as number, 12);
      expect(kr.status).toBe(krs[i].Status);
    });
    expect(objective.progress).toBeCloseTo(sheet.Progress as number, 12);
    expect(objective.status).toBe(sheet.Status);
  });

  it("reads Done at 100% in the sheet and the sidebar alike when the cycle's row is missing, and no pace", async () => {
    const harness = await trackerInCycle();
    await apiData(harness, "createObjective", {
      title: "Finish what we started",
      cycle: "2031-Q1",
      keyResults: [
        { title: "Runbook reviewed", type: "milestone", target: 1, current: 1 },
        { title: "Pages migrated", type: "increase", start: 0, target: 10, current: 0 },
      ],
    });
    await apiData(harness, "checkIn", { krId: "KR-2.2", value: 4 });
    harness.spreadsheet.getRange("Cycles!A4:C4").clearContent();
    const { objective, sheet, krs } = await sideBySide(harness, "2031-Q1", "O-2");
    expect(krs.map((kr) => [kr.Expected, kr.Status])).toEqual([
      ["", "Done"],
      ["", ""],
    ]);
    expect(objective.keyResults.map((kr) => kr.status)).toEqual(["Done", null]);
    expect([sheet.Expected, sheet.Status, objective.status]).toEqual(["", "", null]);
  });

  it("agrees with the built bundle's custom functions, evaluated in cells over the same columns", async () => {
    const harness = await trackerInCycle();
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: 4 });
    const sheet = harness.spreadsheet.insertSheet("Formulas");
    const krs = "'Key Results'!";
    const header = harness.spreadsheet.getRange("'Key Results'!1:1").getValues()[0];
    const at = (name: string) => columnLetter(header.indexOf(name) + 1);
    sheet
      .getRange("A1:D1")
      .setFormulas([
        [
          "=OKR_PROGRESS(" + krs + "G2:G6," + krs + "F2:F6," + krs + "E2:E6)",
          "=OKR_STATUS(A1:A5," +
            krs +
            at("Expected") +
            "2:" +
            at("Expected") +
            "6,0.1,0.25," +
            krs +
            at("Checked in") +
            "2:" +
            at("Checked in") +
            "6)",
          "=OKR_SCORE(A1:A5)",
          "=OKR_ROLLUP(Objectives!A2," + krs + "B2:B6,A1:A5," + krs + at("Weight") + "2:" + at("Weight") + "6)",
        ],
      ]);
    const native = rows(harness, "Key Results").slice(0, 5);
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
