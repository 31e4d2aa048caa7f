/** Measuring a tracker action through the harness: its time and what its spreadsheet calls carried. */
import type { Harness } from "../dev/harness/harness";
import type { CounterSummary } from "../dev/emulator";

export interface Measured {
  time: number;
  summary: CounterSummary;
  answer: unknown;
}

export async function timed(harness: Harness, action: () => Promise<unknown>): Promise<Measured> {
  harness.counters.reset();
  const start = process.hrtime.bigint();
  const answer = await action();
  const time = Number(process.hrtime.bigint() - start) / 1e6;
  return { time, summary: harness.counters.summary(), answer };
}

/** The best of `runs` (time), with the largest counts any of them made (calls, cells read and written). */
export async function best(harness: Harness, runs: number, action: () => Promise<unknown>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) all.push(await timed(harness, action));
  return bestOfRuns(all);
}

/** The fastest of several runs of one action, with the largest counts of any of them. */
export function bestOfRuns(all: readonly Measured[]): Measured {
  const fastest = all.reduce((a, b) => (b.time < a.time ? b : a));
  const most = (key: "roundTrips" | "cellsRead" | "cellsWritten") => Math.max(...all.map((m) => m.summary[key]));
  return {
    ...fastest,
    summary: {
      ...fastest.summary,
      roundTrips: most("roundTrips"),
      cellsRead: most("cellsRead"),
      cellsWritten: most("cellsWritten"),
    },
  };
}

export const count = (n: number) => n.toLocaleString("en-US");
