/**
 * The emulator's workbook files at tracker scale: saving and loading a tracker of 1,000 and 10,000
 * key results with live formulas and 10 History rows per key result (a year of monthly
 * check-ins), and the preview opening on the 10,000 one. Linear: 10× the cells should take about
 * 10× the time.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { loadWorkbook, saveWorkbook } from "../dev/emulator";
import { inspectBundle } from "../dev/harness/bundle";
import type { Harness } from "../dev/harness/harness";
import { startPreview } from "../dev/preview/server";
import { bigTracker } from "../test/support/big-tracker";
import { ms, table } from "./timing";

const HISTORY_PER_KR = 10;

/** Appends `rows` History records (one call), as a year of check-ins would have left them (from `start`, a month apart). */
export function addHistory(harness: Harness, krCount: number, rows: number, start = Date.UTC(2026, 0, 5)): void {
  const history = harness.spreadsheet.getSheetByName("History")!;
  if (history.getMaxRows() < rows + 1) history.insertRowsAfter(history.getMaxRows(), rows + 1 - history.getMaxRows());
  const width = history.getLastColumn();
  const objectives = Math.ceil(krCount / 5);
  const values = Array.from({ length: rows }, (_, i) => {
    const kr = i % krCount;
    const record = [
      i + 1,
      new Date(start + Math.floor(i / krCount) * 30 * 86_400_000 + (i % 3600) * 1000),
      "KR-" + ((kr % objectives) + 1) + "." + ((kr % 5) + 1),
      "Key result " + kr,
      i % 100,
      (i + 7) % 100,
      1 + (i % 10),
      "Monthly check-in " + i,
      "ann@example.com",
      "sidebar",
      "seal" + i.toString(36),
    ];
    return record.slice(0, width);
  });
  history.getRange(2, 1, rows, width).setValues(values);
}

function seconds(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** Wall and CPU time of `work` (ms): the machine is shared, so CPU time is the steadier figure. */
function timed(work: () => void): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const cpu = process.cpuUsage();
  work();
  const used = process.cpuUsage(cpu);
  return { wall: seconds(start), cpu: (used.user + used.system) / 1e3 };
}

export async function runWorkbookFileBench(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "okr-bench-"));
  const functionNames = inspectBundle(fs.readFileSync(path.join("dist", "Code.js"), "utf8")).customFunctions;
  const rows: (string | number)[][] = [];
  let largest = "";
  try {
    for (const krs of [1_000, 10_000]) {
      const harness = bigTracker(krs, { liveFormulas: true });
      addHistory(harness, krs, krs * HISTORY_PER_KR);
      const file = path.join(dir, krs + ".json");
      // The writes above are evaluated at the first read (docs/EMULATOR.md): not part of saving.
      harness.spreadsheet.getSheetByName("Key Results")!.getLastRow();
      const save = timed(() => saveWorkbook(harness.workbook, file));
      const load = timed(() => loadWorkbook(file, { functionNames }));
      const size = (fs.statSync(file).size / 1e6).toFixed(1) + " MB";
      rows.push([
        krs.toLocaleString("en-US"),
        (krs * HISTORY_PER_KR).toLocaleString("en-US"),
        size,
        ms(save.wall),
        ms(save.cpu),
        ms(load.wall),
        ms(load.cpu),
      ]);
      largest = file;
    }
    // The preview on the largest file: loaded, served, its first page state and overview answered.
    const start = process.hrtime.bigint();
    const preview = await startPreview({ port: 0, workbookFile: largest });
    const started = seconds(start);
    const state = await fetch(preview.url + "/api/state").then((r) => r.text());
    const ready = seconds(start);
    await preview.close();
    console.log(
      "\nWorkbook files (the emulator's save/load; live formulas, " + HISTORY_PER_KR + " History rows per KR)",
    );
    console.log(table(["KRs", "History rows", "file", "save", "save CPU", "load", "load CPU"], rows));
    console.log(
      "Load average (1, 5, 15 min): " +
        os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(", "),
    );
    console.log(
      "Preview on the 10,000-KR file: started in " +
        ms(started) +
        ", first page state (" +
        (state.length / 1e3).toFixed(0) +
        " KB) after " +
        ms(ready),
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
