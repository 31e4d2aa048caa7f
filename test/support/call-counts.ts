import type { CounterSummary } from "../../dev/emulator";

/**
 * Calls that move cell data or commit it. The emulator's round trips also count getDataRange and
 * getMaxRows, which only look up a sheet's size; both figures are reported.
 */
export function dataCalls(summary: CounterSummary): number {
  return Object.entries(summary.byMethod)
    .filter(([method]) =>
      /^(Range\.(get|set)(Values|Value|NumberFormats|Formulas|Notes|DataValidations)|Sheet\.(appendRow|insertRowsAfter)|SpreadsheetApp\.flush)$/.test(
        method,
      ),
    )
    .reduce((sum, [, n]) => sum + n, 0);
}
