/**
 * The Key Results sheet's Forecast, Chance and Trend through the built bundle, with check-ins on
 * days of a simulated clock. The key result starts at 0 on 2026-10-01 (day 0) and aims at 100; the
 * cycle ends on 2026-12-31 (day 91). Check-ins 10, 25, 35 on days 10, 20, 30 give the line
 * 17.5 + 1.2 (t − 15): 108.7 at day 91; residuals 0.5, −1.5, 1.5, −0.5 give s² = 2.5, the prediction
 * error there is √(2.5 (1 + 1/4 + 76²/500)) = √32.005, and with 2 degrees of freedom
 * (P(T ≤ x) = ½ + x / (2√(2 + x²))) the chance of reaching 100 is ½ + 8.7 / (2√139.7).
 */
import { runAt } from "../../dev/harness/clock";
import type { Harness } from "../../dev/harness/harness";
import type { Overview } from "../../src/core/contract";
import { columnLetter } from "../../src/core/formulas";
import { apiData, newTracker, rows } from "../support/tracker";

const CYCLE = "2026-Q4";
const OBJECTIVE = {
  title: "Make onboarding something people finish",
  cycle: CYCLE,
  team: "Growth",
  owner: "Ann",
  commitment: "aspirational",
  keyResults: [
    { title: "Teams onboarded", type: "increase", start: 0, target: 100 },
    { title: "Onboarding guide published", type: "milestone", target: 1 },
    { title: "Support tickets per week", type: "decrease", start: 100, target: 0 },
  ],
};
const FORECAST = 108.7;
const CHANCE = 0.5 + 8.7 / (2 * Math.sqrt(139.7));
const T90_2 = 1.8856180831641272; // T.INV(0.9, 2): NIST's table gives 1.886

/** Runs `body` as an execution whose clock reads `hour` (UTC; noon by default) on `day` days after 2026-10-01. */
const onDay = <T>(harness: Harness, day: number, body: () => T, hour = 12): T =>
  runAt(harness, Date.UTC(2026, 9, 1 + day, hour), body);

const checkIn = (harness: Harness, day: number, krId: string, value: number) =>
  onDay(harness, day, () => apiData(harness, "checkIn", { krId, value }));

function kr(harness: Harness, id: string): Record<string, unknown> {
  const row = rows(harness, "Key Results").find((r) => r.ID === id);
  if (!row) throw new Error("no " + id);
  return row;
}

async function overviewKr(harness: Harness, id: string) {
  const overview = await apiData<Overview>(harness, "getOverview", {});
  const objective = overview.objectives.find((o) => o.keyResults.some((k) => k.id === id))!;
  return { objective, kr: objective.keyResults.find((k) => k.id === id)! };
}

async function trackerWithCheckIns(): Promise<Harness> {
  const harness = newTracker();
  await onDay(harness, 0, () => apiData(harness, "createObjective", OBJECTIVE));
  await checkIn(harness, 10, "KR-1.1", 10);
  await checkIn(harness, 20, "KR-1.1", 25);
  return harness;
}

describe("Forecast and Chance on the Key Results sheet", () => {
  it("need 3 points: none with the start and one check-in, a value from the third", async () => {
    const harness = newTracker();
    await onDay(harness, 0, () => apiData(harness, "createObjective", OBJECTIVE));
    await checkIn(harness, 10, "KR-1.1", 10);
    expect([kr(harness, "KR-1.1").Forecast, kr(harness, "KR-1.1").Chance]).toEqual(["", ""]);
    const { objective } = await overviewKr(harness, "KR-1.1");
    expect([objective.forecast, objective.keyResults[0].forecast]).toEqual([null, null]);
    await checkIn(harness, 20, "KR-1.1", 25);
    await checkIn(harness, 30, "KR-1.1", 35);
    const row = kr(harness, "KR-1.1");
    expect(row.Forecast).toBeCloseTo(FORECAST, 6);
    expect(row.Chance).toBeCloseTo(CHANCE, 6);
    expect(row["Check-ins counted"]).toBe(3);
    expect(row.Trend).toBe("▂▃▃");
  });

  it("follow a value typed into Current, and a correction the same day replaces that day's point", async () => {
    const harness = await trackerWithCheckIns();
    await checkIn(harness, 30, "KR-1.1", 35);
    const current = columnLetter(Object.keys(kr(harness, "KR-1.1")).indexOf("Current") + 1);
    // Day 40, 45: points 0, 10, 25, 35, 45 on days 0…40 give 23 + 1.15 (t − 20), 104.65 at day 91.
    onDay(harness, 40, () => harness.edit("'Key Results'!" + current + "2", 45));
    expect(kr(harness, "KR-1.1").Forecast).toBeCloseTo(104.65, 6);
    expect(kr(harness, "KR-1.1").Trend).toBe("▂▃▃▄");
    // The same day, 46: still 5 points, 23.2 + 1.17 (t − 20), 106.27 at day 91.
    await checkIn(harness, 40, "KR-1.1", 46);
    expect(kr(harness, "KR-1.1")["Check-ins counted"]).toBe(4);
    expect(kr(harness, "KR-1.1").Forecast).toBeCloseTo(106.27, 6);
  });

  it("give a decreasing key result the chance of getting at or below its target; none for a milestone", async () => {
    const harness = newTracker();
    await onDay(harness, 0, () => apiData(harness, "createObjective", OBJECTIVE));
    for (const [day, value] of [
      [10, 90],
      [20, 75],
      [30, 65],
    ])
      await checkIn(harness, day, "KR-1.3", value);
    for (const [day, value] of [
      [10, 0],
      [20, 0],
      [30, 1],
    ])
      await checkIn(harness, day, "KR-1.2", value);
    // The rising line mirrored heads for 100 − 108.7 at day 91; going from 100 to 0, the metric stops
    // at 0. The same chance of reaching 0 or below.
    expect(100 - FORECAST).toBeLessThan(0);
    expect(kr(harness, "KR-1.3").Forecast).toBe(0);
    expect(kr(harness, "KR-1.3").Chance).toBeCloseTo(CHANCE, 6);
    expect([kr(harness, "KR-1.2").Forecast, kr(harness, "KR-1.2").Chance]).toEqual(["", ""]);
  });
});

describe("days are the spreadsheet's", () => {
  it("a check-in at 20:00 UTC on Oct 10 is a point on Oct 11 in a Tokyo spreadsheet", async () => {
    const harness = newTracker({ timeZone: "Asia/Tokyo" });
    await onDay(harness, 0, () => apiData(harness, "createObjective", OBJECTIVE));
    await onDay(harness, 9, () => apiData(harness, "checkIn", { krId: "KR-1.1", value: 10 }), 20);
    const { kr: view } = await overviewKr(harness, "KR-1.1");
    expect(view.checkIns).toEqual([{ date: "2026-10-11", value: 10 }]);
  });
});

describe("the sidebar's forecast", () => {
  it("carries the value, the 80% interval, the chance and the run-rate; the objective card its forecast", async () => {
    const harness = await trackerWithCheckIns();
    await checkIn(harness, 30, "KR-1.1", 35);
    const { objective, kr: view } = await overviewKr(harness, "KR-1.1");
    const half = T90_2 * Math.sqrt(32.005);
    expect(view.forecast).toMatchObject({ at: "2026-12-31", runRateDiffers: false });
    expect(view.forecast!.value).toBeCloseTo(FORECAST, 6);
    expect(view.forecast!.low).toBeCloseTo(FORECAST - half, 6);
    expect(view.forecast!.high).toBeCloseTo(FORECAST + half, 6);
    expect(view.forecast!.chance).toBeCloseTo(CHANCE, 6);
    // 35 after 30 of 91 days: 35 × 91 / 30.
    expect(view.forecast!.runRate).toBeCloseTo((35 * 91) / 30, 9);
    expect(view.checkIns).toEqual([
      { date: "2026-10-11", value: 10 },
      { date: "2026-10-21", value: 25 },
      { date: "2026-10-31", value: 35 },
    ]);
    // The milestone and the decreasing key result have no forecast: they count as they stand (0).
    expect(objective.keyResults.map((k) => k.forecast === null)).toEqual([false, true, true]);
    expect(objective.forecast).toBeCloseTo((1 + 0 + 0) / 3, 9);
  });
});

describe("Set up, Repair and carrying over", () => {
  it("keep the sums in hidden columns next to Last check-in", () => {
    const harness = newTracker();
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    const at = (name: string) => header.indexOf(name) + 1;
    expect(at("Trend")).toBe(at("Last check-in") + 1);
    expect(sheet.isColumnHiddenByUser(at("Trend"))).toBe(false);
    for (const name of ["Check-ins counted", "Sum of days", "Sum of values²", "Recent check-ins"])
      expect(sheet.isColumnHiddenByUser(at(name))).toBe(true);
  });

  it("Repair recounts the sums from History, and adds the columns to a tracker that lacks them", async () => {
    const harness = await trackerWithCheckIns();
    await checkIn(harness, 30, "KR-1.1", 35);
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    const header = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    // An older tracker: no trend columns at all.
    for (const name of [
      "Recent check-ins",
      "Sum of values²",
      "Sum of days × values",
      "Sum of days²",
      "Sum of values",
      "Sum of days",
      "Check-ins counted",
      "Trend",
    ])
      sheet.deleteColumns(header().indexOf(name) + 1, 1);
    harness.clickMenu("Repair tracker");
    expect(header()).toContain("Check-ins counted");
    const row = kr(harness, "KR-1.1");
    expect(row["Check-ins counted"]).toBe(3);
    expect(row.Forecast).toBeCloseTo(FORECAST, 6);
    expect(row.Trend).toBe("▂▃▃");
  });

  it("a key result carried into the next cycle starts fresh sums", async () => {
    const harness = await trackerWithCheckIns();
    await checkIn(harness, 30, "KR-1.1", 35);
    await onDay(harness, 92, () =>
      apiData(harness, "startNextCycle", {
        from: CYCLE,
        cycle: "2027-Q1",
        start: "2027-01-01",
        end: "2027-03-31",
        carry: [{ objectiveId: "O-1", keyResultIds: ["KR-1.1"] }],
      }),
    );
    const carried = rows(harness, "Key Results").find((r) => r["Carried from"] === "KR-1.1")!;
    expect([carried["Check-ins counted"], carried.Trend, carried.Forecast, carried.Chance]).toEqual(["", "", "", ""]);
  });
});
