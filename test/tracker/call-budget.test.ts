/**
 * Each action costs a fixed, small number of spreadsheet calls, whatever the tracker's size: at 10
 * key results with an empty History and at 10,000 key results with 100,000 History rows (a year of
 * weekly check-ins), counting every round trip the emulator counts.
 */
import type { Harness } from "../../dev/harness/harness";
import type { CounterSummary } from "../../dev/emulator";
import { bigTracker } from "../support/big-tracker";
import { addHistory } from "../support/big-history";
import { apiData, FIVE_KRS, SAMPLE_OBJECTIVE } from "../support/tracker";

async function measure(harness: Harness, action: () => Promise<unknown>): Promise<CounterSummary> {
  harness.counters.reset();
  await action();
  return harness.counters.summary();
}

async function costs(harness: Harness, krId: string, row: number) {
  let answer: unknown;
  await apiData(harness, "getOverview", {}); // as the sidebar does on opening
  const checkIn = (value: number) => () =>
    apiData(harness, "checkIn", { krId, value, confidence: 6, note: "weekly", row });
  await checkIn(1)(); // the first write after Set up audits all of History once
  // The first objective made by the add-on remembers its number; a tracker typed by hand has none.
  await apiData(harness, "createObjective", { title: "Warm-up", cycle: SAMPLE_OBJECTIVE.cycle });
  return {
    // Two in a row: one audits History's end, the next an older window (history.ts).
    checkIns: [await measure(harness, checkIn(42)), await measure(harness, checkIn(43))],
    create: await measure(harness, () => apiData(harness, "createObjective", FIVE_KRS)),
    rename: await measure(harness, () =>
      apiData(harness, "updateObjective", { id: "O-2", changes: { title: "Renamed", team: "Platform" } }),
    ),
    addKr: await measure(harness, () =>
      apiData(harness, "addKeyResult", { objectiveId: "O-1", keyResult: SAMPLE_OBJECTIVE.keyResults[1] }),
    ),
    overview: await measure(harness, async () => (answer = await apiData(harness, "getOverview", { limit: 25 }))),
    answer: JSON.stringify(answer),
    align: await measure(harness, () =>
      apiData(harness, "updateObjective", { id: "O-2", changes: { parent: "O-1", weight: 2 } }),
    ),
    addPeople: await measure(harness, () =>
      apiData(harness, "addPeople", { people: [{ name: "Ada", team: "Company" }] }),
    ),
  };
}

describe("spreadsheet calls per action", () => {
  let small: Awaited<ReturnType<typeof costs>>;
  let large: Awaited<ReturnType<typeof costs>>;

  beforeAll(async () => {
    small = await costs(bigTracker(10), "KR-2.3", 9);
    const harness = bigTracker(10_000);
    addHistory(harness, 100_000, 10_000);
    large = await costs(harness, "KR-777.3", 3884);
  }, 600_000); // building 10,000 KRs and 100,000 History rows takes 20–30 s of CPU; more on a busy machine

  it("is the same at 10 key results and an empty History as at 10,000 and 100,000 History rows", () => {
    expect(large.checkIns.map((c) => c.byMethod)).toEqual(small.checkIns.map((c) => c.byMethod));
    expect(large.create.byMethod).toEqual(small.create.byMethod);
    expect(large.addKr.byMethod).toEqual(small.addKr.byMethod);
    expect(large.rename.byMethod).toEqual(small.rename.byMethod);
    expect(large.overview.byMethod).toEqual(small.overview.byMethod);
    expect(large.align.byMethod).toEqual(small.align.byMethod);
    expect(large.addPeople.byMethod).toEqual(small.addPeople.byMethod);
  });

  it("stays within budget: a check-in ≤ 6 round trips, creating an objective with 5 KRs (one a percentage) ≤ 10", () => {
    for (const checkIn of large.checkIns) expect(checkIn.roundTrips).toBeLessThanOrEqual(6);
    expect(large.create.roundTrips).toBeLessThanOrEqual(10);
  });

  it("a check-in reads rows, not sheets: its key result's, its objective's and a bounded block of History", () => {
    for (const checkIn of large.checkIns) {
      expect(checkIn.byMethod["Range.getValues"]).toBe(3);
      expect(checkIn.byMethod["Sheet.getDataRange"]).toBeUndefined();
      expect(checkIn.cellsRead).toBeLessThan(12_000); // 100,000 × 11 cells of History are not read
    }
  });

  it("editing an objective's title reads its row, not the sheet (the sheet only for a new parent or cycle)", () => {
    expect(large.rename.byMethod["Sheet.getDataRange"]).toBeUndefined();
    expect(large.rename.cellsRead).toBeLessThan(100);
  });

  it("adding a key result reads its objective's row and the IDs, not the sheets", () => {
    expect(large.addKr.byMethod["Sheet.getDataRange"]).toBeUndefined();
    // The ID column (as far down as the sheet goes), the two headers and the objective's row.
    expect(large.addKr.cellsRead).toBeLessThan(12_000);
    expect(large.addKr.roundTrips).toBeLessThanOrEqual(8);
  });

  it("the overview answers a page of objectives: its size does not grow with the tracker", () => {
    const page = JSON.parse(large.answer) as { objectives: unknown[]; total: number };
    expect(page.objectives.length).toBe(25); // the sidebar's page
    expect(page.total).toBeGreaterThan(2000);
    // All 10,000 key results would be 4 MB. About 50 KB is the page; the rest (about 140 KB at 2,000
    // objectives) is the parent choices, every active objective's ID, title and cycle.
    expect(large.answer.length).toBeLessThan(250_000);
  });

  it("creating reads headers, not sheets", () => {
    expect(large.create.byMethod["Sheet.getDataRange"]).toBeUndefined();
    expect(large.create.cellsRead).toBeLessThan(1_000);
  });
});
