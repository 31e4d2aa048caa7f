/**
 * The Dashboard's cost: Set up of its tables and charts, and what its formulas add to a check-in's
 * recalculation, at 10 and 10,000 key results with an empty and a 100,000-row History. The tracker's
 * own computed columns are off (their recalculation is reported in the tracker bench), so the
 * difference with and without the Dashboard is the Dashboard's. Spreadsheet calls of a check-in are
 * the same either way (the Dashboard is formulas only).
 */
import type { Harness } from "../dev/harness/harness";
import { bigTracker } from "../test/support/big-tracker";
import { apiData } from "../test/support/tracker";
import { ms, table } from "./timing";
import { addHistory } from "./workbook-files";

async function time(action: () => unknown): Promise<number> {
  const start = process.hrtime.bigint();
  await action();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function checkIns(harness: Harness, krId: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 3; i++) times.push(await time(() => apiData(harness, "checkIn", { krId, value: 40 + i })));
  return Math.min(...times);
}

export async function runDashboardBench(): Promise<void> {
  const rows: (string | number)[][] = [];
  for (const [krs, history] of [
    [10, 0],
    [10_000, 0],
    [10_000, 100_000],
  ]) {
    const harness = bigTracker(krs);
    // The cycle running today: its start, so the check-ins land in the Dashboard's cycle.
    const cycleStart = (harness.spreadsheet.getRange("Cycles!B2").getValue() as Date).getTime();
    if (history) addHistory(harness, krs, history, cycleStart);
    const krId = "KR-2.3";
    await apiData(harness, "checkIn", { krId, value: 1 }); // warm-up
    const without = await checkIns(harness, krId);
    const build = await time(() => harness.clickMenu("Rebuild dashboard"));
    const rebuildIntact = await time(() => harness.clickMenu("Rebuild dashboard"));
    const withDashboard = await checkIns(harness, krId);
    rows.push([
      krs.toLocaleString("en-US"),
      history.toLocaleString("en-US"),
      ms(build),
      ms(rebuildIntact),
      ms(without),
      ms(withDashboard),
      ms(withDashboard - without),
    ]);
  }
  console.log("\nDashboard: building it, and a check-in's time without and with it (best of 3, tracker formulas off)");
  console.log(
    table(
      ["KRs", "History rows", "build", "rebuild (intact)", "check-in without", "check-in with", "Dashboard's share"],
      rows,
    ),
  );
}
