/**
 * The cycle's ends at 10 and 5,000 key results: closing a cycle, a check-in refused on it, reopening,
 * carrying 2 objectives (10 key results) into the next cycle, and a check-in while another cycle is
 * closed. Spreadsheet calls must not grow with size; each action runs once, in this order, on one
 * tracker per size (formulas off, as in the tracker bench).
 */
import { bigTracker } from "../test/support/big-tracker";
import { api, apiData } from "../test/support/tracker";
import { dataCalls } from "../test/support/call-counts";
import { ms, table } from "./timing";

const SIZES = [10, 5_000];

export async function runCycleBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const size of SIZES) {
    const harness = bigTracker(size);
    const cycles = harness.spreadsheet.getRange("Cycles!A2:C3").getDisplayValues();
    const [current, next] = cycles.map((r) => r[0]);
    const firstNew = Math.ceil(size / 5) + 1;
    const steps: [string, () => Promise<unknown>][] = [
      [
        "close cycle (all " + size.toLocaleString("en-US") + " KRs)",
        () => apiData(harness, "closeCycle", { cycle: current, early: true }),
      ],
      ["check-in refused (closed)", () => api(harness, "checkIn", { krId: "KR-1.1", value: 42 })],
      ["reopen cycle", () => apiData(harness, "reopenCycle", { cycle: current })],
      [
        "start next cycle, carry 2 objectives (10 KRs)",
        () =>
          apiData(harness, "startNextCycle", {
            from: current,
            cycle: next,
            start: cycles[1][1],
            end: cycles[1][2],
            carry: [1, 2].map((n) => ({
              objectiveId: "O-" + n,
              keyResultIds: [1, 2, 3, 4, 5].map((k) => "KR-" + n + "." + k),
            })),
          }),
      ],
      ["close cycle again", () => apiData(harness, "closeCycle", { cycle: current, early: true })],
      [
        "check-in, another cycle closed",
        () => apiData(harness, "checkIn", { krId: "KR-" + firstNew + ".1", value: 42 }),
      ],
    ];
    for (const [name, action] of steps) {
      harness.counters.reset();
      const start = process.hrtime.bigint();
      await action();
      const time = Number(process.hrtime.bigint() - start) / 1e6;
      const summary = harness.counters.summary();
      rows.push([
        size.toLocaleString("en-US"),
        name,
        dataCalls(summary) + " data / " + summary.roundTrips + " round trips",
        ms(time),
      ]);
    }
  }
  console.log("\nCycle actions through dist/Code.js on the emulator (one run each, formulas off)");
  console.log(table(["KRs", "action", "spreadsheet calls", "time"], rows));
}
