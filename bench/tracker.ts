/**
 * The tracker's everyday actions as the tracker grows: a check-in with 0, 10,000 and 100,000
 * History rows (on 10,000 key results), and creating an objective and the overview at 10 and
 * 10,000 key results. Round trips (every call the emulator counts: getDataRange, getLastRow,
 * getMaxRows too) and cells read must stay flat; the time is the add-on's code plus the
 * emulator's data access, with the computed columns' formulas off (the formula engine's
 * recalculation is the emulator's cost, reported apart, once: real Sheets recalculates on its servers).
 */
import type { Harness } from "../dev/harness/harness";
import { bigTracker } from "../test/support/big-tracker";
import { addHistory } from "../test/support/big-history";
import { apiData, FIVE_KRS, SAMPLE_OBJECTIVE } from "../test/support/tracker";
import { best, count, timed, type Measured } from "./measure";
import { ms, table } from "./timing";

const KRS = 10_000;
const HISTORY_SIZES = [0, 10_000, 100_000];
/** KR-777.3, on row 3,884 of a bigTracker: far from the top, as most key results are. */
const KR = { krId: "KR-777.3", row: 3884 };

let value = 0;
const checkIn = (harness: Harness) => () =>
  apiData(harness, "checkIn", { ...KR, value: ++value % 100, confidence: 6, note: "weekly" });

async function checkInsAsHistoryGrows(): Promise<(string | number)[][]> {
  const harness = bigTracker(KRS);
  await apiData(harness, "getOverview", { limit: 25 }); // the sidebar opens first
  const rows: (string | number)[][] = [];
  let history = 0;
  for (const size of HISTORY_SIZES) {
    addHistory(harness, size - history, KRS);
    history = size;
    // Rows added outside the add-on are audited once, by the next audit of History's end.
    await checkIn(harness)();
    await checkIn(harness)();
    // Six check-ins: three audit History's end, three an older window (history.ts), in turn.
    const m = await best(harness, 6, checkIn(harness));
    rows.push([
      count(size),
      m.summary.roundTrips,
      count(m.summary.cellsRead),
      count(m.summary.cellsWritten),
      ms(m.time),
    ]);
  }
  return rows;
}

async function actionsAtTwoSizes(): Promise<(string | number)[][]> {
  const results = new Map<string, Measured[]>();
  for (const size of [10, KRS]) {
    const harness = bigTracker(size);
    // The first objective the add-on makes remembers its number (a tracker written in bulk has none).
    await apiData(harness, "createObjective", { title: "Warm-up", cycle: SAMPLE_OBJECTIVE.cycle });
    const actions: [string, () => Promise<unknown>][] = [
      ["create an objective with 5 KRs", () => apiData(harness, "createObjective", FIVE_KRS)],
      ["overview, the sidebar's page (25 objectives)", () => apiData(harness, "getOverview", { limit: 25 })],
      ["overview, every objective", () => apiData(harness, "getOverview", {})],
    ];
    for (const [name, action] of actions) {
      const list = results.get(name) ?? [];
      list.push(await best(harness, 3, action));
      results.set(name, list);
    }
  }
  const size = (m: Measured) =>
    m.answer && typeof m.answer === "object" && "objectives" in m.answer
      ? (JSON.stringify(m.answer).length / 1e3).toFixed(1) + " KB"
      : "";
  return [...results].map(([name, [small, large]]) => [
    name,
    small.summary.roundTrips + " / " + large.summary.roundTrips,
    count(small.summary.cellsRead) + " / " + count(large.summary.cellsRead),
    size(small) ? size(small) + " / " + size(large) : "",
    ms(small.time),
    ms(large.time),
  ]);
}

export async function runTrackerBench(): Promise<void> {
  const growing = await checkInsAsHistoryGrows();
  console.log("\nA check-in as History grows, on " + count(KRS) + " key results (best of 6; formulas off)");
  console.log(table(["History rows", "round trips", "cells read", "cells written", "time"], growing));

  const actions = await actionsAtTwoSizes();
  console.log("\nActions at 10 and " + count(KRS) + " key results (best of 3; formulas off)");
  console.log(
    table(["action", "round trips", "cells read", "answer", "time, 10 KRs", "time, " + count(KRS) + " KRs"], actions),
  );

  const live = bigTracker(500, { liveFormulas: true });
  const recalc = await timed(live, () => apiData(live, "checkIn", { krId: "KR-7.3", value: 42 }));
  console.log(
    "\nWith live formulas at 500 KRs, one check-in takes " +
      ms(recalc.time) +
      " (" +
      recalc.summary.roundTrips +
      " round trips), almost all of it the formula engine recalculating.",
  );
}
