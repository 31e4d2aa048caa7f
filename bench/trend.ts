/**
 * What the forecast's running sums cost a check-in and a typed value, at 10 and 5,000 key results:
 * spreadsheet calls and cells read and written, against the same tracker without the trend columns
 * (as one set up before the forecast). The sums ride in the check-in's own write, so the calls must
 * be the same and only that write grows (one row).
 */
import type { Harness } from "../dev/harness/harness";
import { Range } from "../dev/emulator/range";
import { Sheet } from "../dev/emulator/sheet";
import { RECENT_COLUMN, SUM_COLUMNS, TREND_COLUMN } from "../src/core/trend";
import { bigTracker } from "../test/support/big-tracker";
import { apiData } from "../test/support/tracker";
import { dataCalls } from "../test/support/call-counts";
import { table } from "./timing";

const SIZES = [10, 5_000];
const cells = { read: 0, written: 0 };

/** Counts the cells each getValues, setValues and appendRow moves (the emulator counts only calls). */
function countCells(): void {
  const getValues = Range.prototype.getValues;
  const setValues = Range.prototype.setValues;
  const appendRow = Sheet.prototype.appendRow;
  Range.prototype.getValues = function (this: Range) {
    const values = getValues.call(this);
    cells.read += values.length * (values[0]?.length ?? 0);
    return values;
  };
  Range.prototype.setValues = function (this: Range, values: unknown[][]) {
    cells.written += values.length * (values[0]?.length ?? 0);
    return setValues.call(this, values);
  };
  Sheet.prototype.appendRow = function (this: Sheet, row: unknown[]) {
    cells.written += row.length;
    return appendRow.call(this, row);
  };
}

async function measure(harness: Harness, action: () => unknown): Promise<string[]> {
  await action(); // warm-up
  harness.counters.reset();
  cells.read = cells.written = 0;
  await action();
  const summary = harness.counters.summary();
  return [
    dataCalls(summary) + " data / " + summary.roundTrips + " round trips",
    String(summary.byMethod["Range.setValues"] ?? 0),
    cells.read.toLocaleString("en-US"),
    cells.written.toLocaleString("en-US"),
  ];
}

/** The tracker as one set up before the forecast: no trend columns. */
function withoutTrend(harness: Harness): Harness {
  const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
  for (const name of [TREND_COLUMN, ...Object.values(SUM_COLUMNS), RECENT_COLUMN]) {
    const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
    sheet.deleteColumns(header.indexOf(name) + 1, 1);
  }
  return harness;
}

export async function runTrendBench(): Promise<void> {
  countCells();
  const rows: string[][] = [];
  for (const size of SIZES) {
    const krId = size === 10 ? "KR-2.3" : "KR-777.3";
    for (const [label, harness] of [
      ["with the forecast's sums", bigTracker(size)],
      ["without (a tracker before)", withoutTrend(bigTracker(size))],
    ] as const) {
      const current = harness.spreadsheet.getRange("'Key Results'!G2");
      let typed = 50;
      rows.push([
        size.toLocaleString("en-US"),
        label,
        "check-in",
        ...(await measure(harness, () => apiData(harness, "checkIn", { krId, value: 42, confidence: 6 }))),
      ]);
      rows.push([
        size.toLocaleString("en-US"),
        label,
        "typed value",
        ...(await measure(harness, () => harness.edit(current, ++typed))),
      ]);
    }
  }
  console.log("\nThe forecast's running sums in a check-in and a typed value (formulas off, as in the table above)");
  console.log(
    table(["KRs", "tracker", "action", "spreadsheet calls", "setValues", "cells read", "cells written"], rows),
  );
}
