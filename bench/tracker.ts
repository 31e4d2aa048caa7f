/**
 * The tracker's actions at 10 and 5,000 key results: spreadsheet calls (which must not grow with
 * size) and time. Times are measured with the computed columns' formulas off, so they are the
 * add-on's code plus the emulator's data access; the formula engine's own recalculation is the
 * emulator's cost (real Sheets recalculates on its servers) and is reported apart, once.
 */
import type { Harness } from "../dev/harness/harness";
import { bigTracker } from "../test/support/big-tracker";
import { apiData, SAMPLE_OBJECTIVE } from "../test/support/tracker";
import { dataCalls } from "../test/support/call-counts";
import { ms, table } from "./timing";

const SIZES = [10, 5_000];

async function timed(harness: Harness, action: () => Promise<unknown>): Promise<{ time: number; calls: string }> {
  harness.counters.reset();
  const start = process.hrtime.bigint();
  await action();
  const time = Number(process.hrtime.bigint() - start) / 1e6;
  const summary = harness.counters.summary();
  return { time, calls: dataCalls(summary) + " data / " + summary.roundTrips + " round trips" };
}

let added = 0;

function actions(harness: Harness, krId: string): [string, () => Promise<unknown>][] {
  const fiveKrs = {
    ...SAMPLE_OBJECTIVE,
    keyResults: [...SAMPLE_OBJECTIVE.keyResults, ...SAMPLE_OBJECTIVE.keyResults.slice(0, 2)],
  };
  return [
    ["check-in", () => apiData(harness, "checkIn", { krId, value: 42, confidence: 6, note: "weekly" })],
    ["create objective + 5 KRs", () => apiData(harness, "createObjective", fiveKrs)],
    ["overview (list)", () => apiData(harness, "getOverview", {})],
    [
      "align an objective (parent)",
      () => apiData(harness, "updateObjective", { id: "O-2", changes: { parent: "O-1" } }),
    ],
    ["add to People", () => apiData(harness, "addPeople", { people: [{ name: "Person " + ++added, team: "Team 0" }] })],
  ];
}

export async function runTrackerBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const harness = bigTracker(size);
    const krId = size === 10 ? "KR-2.3" : "KR-777.3";
    for (const [name, action] of actions(harness, krId)) {
      await timed(harness, action); // warm-up
      const best = [await timed(harness, action), await timed(harness, action), await timed(harness, action)].sort(
        (a, b) => a.time - b.time,
      )[0];
      rows.push([size.toLocaleString("en-US"), name, best.calls, ms(best.time)]);
    }
  }
  console.log("\nTracker actions through dist/Code.js on the emulator (best of 3, formulas off)");
  console.log(table(["KRs", "action", "spreadsheet calls", "time"], rows));

  const live = bigTracker(500, { liveFormulas: true });
  const recalc = await timed(live, () => apiData(live, "checkIn", { krId: "KR-7.3", value: 42 }));
  console.log(
    "\nWith live formulas at 500 KRs, one check-in takes " +
      ms(recalc.time) +
      " (" +
      recalc.calls +
      "), almost all of it the formula engine recalculating.",
  );
}
