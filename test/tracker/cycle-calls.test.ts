/** Closing, reopening and carrying over cost the same spreadsheet calls at 10 and at 5,000 key results. */
import type { CounterSummary } from "../../dev/emulator";
import { bigTracker } from "../support/big-tracker";
import { api, apiData } from "../support/tracker";

/** Each cycle action's calls, in order, on a tracker of `size` key results (5 per objective). */
async function cycleCosts(size: number): Promise<Record<string, CounterSummary["byMethod"]>> {
  const harness = bigTracker(size);
  const cycles = harness.spreadsheet.getRange("Cycles!A2:C3").getDisplayValues();
  const [current, next] = cycles.map((r) => r[0]);
  const costs: Record<string, CounterSummary["byMethod"]> = {};
  const measure = async (name: string, action: () => Promise<unknown>) => {
    harness.counters.reset();
    await action();
    costs[name] = harness.counters.summary().byMethod;
  };
  await apiData(harness, "getOverview", {}); // the sidebar shows the overview first
  await measure("check-in, nothing closed", () => apiData(harness, "checkIn", { krId: "KR-1.2", value: 42 }));
  await measure("close", () => apiData(harness, "closeCycle", { cycle: current, early: true }));
  await measure("refused check-in", async () =>
    expect((await api(harness, "checkIn", { krId: "KR-1.1", value: 1 })).ok).toBe(false),
  );
  await measure("reopen", () => apiData(harness, "reopenCycle", { cycle: current }));
  await measure("carry over", () =>
    apiData(harness, "startNextCycle", {
      from: current,
      cycle: next,
      start: cycles[1][1],
      end: cycles[1][2],
      carry: [1, 2].map((n) => ({ objectiveId: "O-" + n, keyResultIds: ["KR-" + n + ".1", "KR-" + n + ".2"] })),
    }),
  );
  return costs;
}

test("each cycle action makes the same calls at 10 and 5,000 key results; an everyday check-in reads no more for them", async () => {
  const small = await cycleCosts(10);
  const large = await cycleCosts(5000);
  expect(large).toEqual(small);
  expect(large["check-in, nothing closed"]["Range.getValues"]).toBe(3); // Key Results, Objectives, History: not Cycles
}, 120_000);
