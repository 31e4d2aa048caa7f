/**
 * Each action costs a fixed, small number of spreadsheet calls, whatever the tracker's size:
 * whole ranges are read and written at once, never cell by cell.
 */
import type { Harness } from "../../dev/harness/harness";
import type { CounterSummary } from "../../dev/emulator";
import { bigTracker } from "../support/big-tracker";
import { apiData, SAMPLE_OBJECTIVE } from "../support/tracker";
import { dataCalls } from "../support/call-counts";

async function measure(harness: Harness, action: () => Promise<unknown>): Promise<CounterSummary> {
  harness.counters.reset();
  await action();
  return harness.counters.summary();
}

async function costs(harness: Harness, krId: string) {
  return {
    checkIn: await measure(harness, () =>
      apiData(harness, "checkIn", { krId, value: 42, confidence: 6, note: "weekly" }),
    ),
    create: await measure(harness, () =>
      apiData(harness, "createObjective", {
        ...SAMPLE_OBJECTIVE,
        keyResults: [...SAMPLE_OBJECTIVE.keyResults, ...SAMPLE_OBJECTIVE.keyResults.slice(0, 2)],
      }),
    ),
    overview: await measure(harness, () => apiData(harness, "getOverview", {})),
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
    small = await costs(bigTracker(10), "KR-2.3");
    large = await costs(bigTracker(5000), "KR-777.3");
  }, 120_000);

  it("is the same at 10 and at 5,000 key results, method by method", () => {
    expect(large.checkIn.byMethod).toEqual(small.checkIn.byMethod);
    expect(large.create.byMethod).toEqual(small.create.byMethod);
    expect(large.overview.byMethod).toEqual(small.overview.byMethod);
    expect(large.align.byMethod).toEqual(small.align.byMethod);
    expect(large.addPeople.byMethod).toEqual(small.addPeople.byMethod);
  });

  it("stays within budget: a check-in ≤ 6 data calls, creating an objective with 5 KRs ≤ 10", () => {
    expect(dataCalls(large.checkIn)).toBeLessThanOrEqual(6);
    expect(dataCalls(large.create)).toBeLessThanOrEqual(10);
    expect(large.checkIn.roundTrips).toBeLessThanOrEqual(9); // + Objectives: is the key result's objective archived?
    expect(large.create.roundTrips).toBeLessThanOrEqual(12);
  });

  it("reads each sheet with one getValues", () => {
    expect(large.checkIn.byMethod["Range.getValues"]).toBe(3); // Key Results, Objectives, History
    expect(large.overview.byMethod["Range.getValues"]).toBe(4); // Objectives, Key Results, Cycles, People
  });
});
