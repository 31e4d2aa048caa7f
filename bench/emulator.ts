/**
 * The emulator's own cost of a 10,000-row × 8-column write and read in one call each, plain and
 * with a whole-column ARRAYFORMULA, so benchmarks of the add-on can subtract it.
 */
import { performance } from "perf_hooks";
import { createEmulator } from "../dev/emulator";
import { Harness } from "../dev/harness/harness";

const ROWS = 10_000;
const COLS = 8;

function rows(): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < ROWS; r++) {
    out.push([
      `KR ${r}`,
      `Objective ${r % 50}`,
      r % 7,
      (r % 7) + (r % 5),
      10 + (r % 3),
      "ann@example.com",
      new Date(Date.UTC(2024, 0, 1 + (r % 300))),
      r % 2 === 0,
    ]);
  }
  return out;
}

function time<T>(fn: () => T): { ms: number; result: T } {
  const t0 = performance.now();
  const result = fn();
  return { ms: performance.now() - t0, result };
}

export interface EmulatorBenchResult {
  label: string;
  ms: number;
}

/** Measures and prints; returns the figures for callers that subtract them. */
export async function measureEmulatorCost(): Promise<EmulatorBenchResult[]> {
  const results: EmulatorBenchResult[] = [];
  const record = (label: string, ms: number) => {
    results.push({ label, ms });
    console.log(`emulator  ${label.padEnd(58)} ${ms.toFixed(0).padStart(6)} ms`);
  };
  const data = rows();

  const emu = createEmulator();
  const sh = emu.spreadsheet.insertSheet("Bench");
  sh.insertRowsAfter(1000, ROWS + 1 - 1000);
  record(`setValues ${ROWS}x${COLS} (one call)`, time(() => sh.getRange(2, 1, ROWS, COLS).setValues(data)).ms);
  const read = time(() => sh.getRange(2, 1, ROWS, COLS).getValues());
  if (read.result.length !== ROWS) throw new Error("bench read the wrong number of rows");
  record(`getValues ${ROWS}x${COLS} (one call)`, read.ms);
  record(
    `getDisplayValues ${ROWS}x${COLS} (one call)`,
    time(() => sh.getRange(2, 1, ROWS, COLS).getDisplayValues()).ms,
  );

  const formula = '=ARRAYFORMULA(IF(ROW(A:A)=1,"Progress",IF(A:A="",,(D:D-C:C)/(E:E-C:C))))';
  record(
    `setValue of a whole-column ARRAYFORMULA over ${ROWS} rows`,
    time(() => sh.getRange(1, COLS + 1).setValue(formula)).ms,
  );
  const withFormula = time(() => sh.getRange(2, 1, ROWS, COLS + 1).getValues());
  if (typeof withFormula.result[0][COLS] !== "number") throw new Error("array formula did not spill");
  // Writes are evaluated at the next read (docs/EMULATOR.md): this read evaluates the new formula.
  record(`getValues ${ROWS}x${COLS + 1} incl. the spilled column (evaluates it)`, withFormula.ms);
  record(
    `setValues ${ROWS}x${COLS} again + a one-cell read (formula recalculates)`,
    time(() => sh.getRange(2, 1, ROWS, COLS).setValues(data) && sh.getRange(2, COLS + 1).getValue()).ms,
  );
  record(
    "one-cell edit + recalculation + one-cell read",
    time(() => sh.getRange(5000, 4).setValue(3) && sh.getRange(5000, COLS + 1).getValue()).ms,
  );
  record("getLastRow", time(() => sh.getLastRow()).ms);

  // The same read from inside a bundle: adds the harness's realm bridge (arrays copied into the bundle's realm).
  const bundle = new Harness({
    workbook: emu.workbook,
    code: `function readAll() { return SpreadsheetApp.getActive().getSheetByName("Bench").getRange(2, 1, ${ROWS}, ${COLS}).getValues().length; }`,
  });
  const viaBundle = time(() => bundle.call("readAll"));
  if (viaBundle.result !== ROWS) throw new Error("bundle read the wrong number of rows");
  record(`getValues ${ROWS}x${COLS} called from a bundle (harness)`, viaBundle.ms);
  return results;
}

/** Entry point for `npm run bench` (wired in bench/run.ts). */
export async function runEmulatorBench(): Promise<void> {
  await measureEmulatorCost();
}
