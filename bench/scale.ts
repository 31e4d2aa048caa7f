/**
 * The figures behind docs/SCALE.md: each action a person takes through the sidebar, at 10, 1,000
 * and 10,000 key results and 0, 10,000 and 100,000 History rows. Each key-result size is built
 * once and its History grows in place (as bench/tracker.ts does), so one harness serves the three
 * History sizes. Round trips, cells read and cells written are what Sheets would see; the time is
 * the add-on's code plus the emulator's data access, formulas off (real Sheets recalculates on its
 * servers). Everyday actions are the best of 3 (with the largest count of cells any run read);
 * the roadmap/quality check and Repair run once per size.
 */
import { bigTracker } from "../test/support/big-tracker";
import { addHistory } from "../test/support/big-history";
import { apiData, formulasOff, FIVE_KRS, SAMPLE_OBJECTIVE } from "../test/support/tracker";
import { best, bestOfRuns, count, timed, type Measured } from "./measure";
import { ms, table } from "./timing";

const KR_SIZES = [10, 1_000, 10_000];
const HISTORY_SIZES = [0, 10_000, 100_000];

/** A key result about 39% of the way down the sheet (its row in a bigTracker), as most are far from the top. */
function middleKr(krs: number): { krId: string; row: number } {
  const objective = Math.max(1, Math.round((krs / 5) * 0.39));
  return { krId: "KR-" + objective + ".3", row: 5 * (objective - 1) + 3 + 1 };
}

const ACTIONS = [
  "check-in",
  "create an objective with 5 KRs",
  "edit a key result",
  "archive a key result",
  "restore a key result",
  "overview (25 objectives)",
  "quality check, in the sidebar (once)",
  "roadmap check, written to the sheet (once)",
  "Repair tracker (once)",
] as const;
type Action = (typeof ACTIONS)[number];

/** results[action][krSize][historySize] */
type Results = Map<Action, Map<number, Map<number, Measured>>>;

function record(results: Results, action: Action, krs: number, history: number, m: Measured): void {
  if (process.env.SCALE_PROGRESS)
    console.error([action, krs, history, m.summary.cellsRead, m.summary.cellsWritten, ms(m.time)].join("  "));
  const byKr = results.get(action) ?? new Map<number, Map<number, Measured>>();
  const byHistory = byKr.get(krs) ?? new Map<number, Measured>();
  byHistory.set(history, m);
  byKr.set(krs, byHistory);
  results.set(action, byKr);
}

let value = 0;

async function measureSize(results: Results, krs: number): Promise<void> {
  const progress = (what: string) => {
    if (process.env.SCALE_PROGRESS) console.error(new Date().toISOString() + "  " + krs + " KRs: " + what);
  };
  progress("building");
  const harness = bigTracker(krs);
  progress("built");
  const kr = middleKr(krs);
  // The sidebar opens first; the first objective the add-on makes remembers its number.
  await apiData(harness, "getOverview", { limit: 25 });
  await apiData(harness, "createObjective", { title: "Warm-up", cycle: SAMPLE_OBJECTIVE.cycle });
  let history = 0;
  for (const size of HISTORY_SIZES) {
    addHistory(harness, size - history, krs);
    history = size;
    progress(size + " History rows added");
    const checkIn = () => apiData(harness, "checkIn", { ...kr, value: ++value % 100, confidence: 6, note: "weekly" });
    // Rows added outside the add-on are audited once, by the next audit of History's end.
    await checkIn();
    await checkIn();
    const edit = (i: number) => () =>
      apiData(harness, "updateKeyResult", {
        id: kr.krId,
        keyResult: { title: "Key result, edited " + i, type: "increase", start: 0, target: 100 + i },
      });
    let edits = 0;
    const archive = (archived: boolean) => () =>
      apiData(harness, "setArchived", { kind: "keyResult", id: kr.krId, archived });
    const everyday: [Action, () => Promise<unknown>][] = [
      ["check-in", checkIn],
      ["create an objective with 5 KRs", () => apiData(harness, "createObjective", FIVE_KRS)],
      ["edit a key result", () => edit(++edits)()],
      ["overview (25 objectives)", () => apiData(harness, "getOverview", { limit: 25 })],
    ];
    for (const [name, action] of everyday) record(results, name, krs, size, await best(harness, 3, action));
    // Archive and restore in turn, so each run finds the row in the state it changes.
    const archived: Measured[] = [];
    const restored: Measured[] = [];
    for (let i = 0; i < 3; i++) {
      archived.push(await best(harness, 1, archive(true)));
      restored.push(await best(harness, 1, archive(false)));
    }
    record(results, "archive a key result", krs, size, bestOfRuns(archived));
    record(results, "restore a key result", krs, size, bestOfRuns(restored));
    // The sidebar's check answers without writing; the menu's writes each verdict next to its OKR
    // and audits every History row on the way (docs/HISTORY-AUDIT.md).
    record(
      results,
      "quality check, in the sidebar (once)",
      krs,
      size,
      await timed(harness, () => apiData(harness, "checkOkrs", { writeToSheet: false })),
    );
    record(
      results,
      "roadmap check, written to the sheet (once)",
      krs,
      size,
      await timed(harness, () => apiData(harness, "checkOkrs", { writeToSheet: true })),
    );
    // Repair is Set up on a tracker that has one: the menu's "Repair tracker" runs the same code.
    record(
      results,
      "Repair tracker (once)",
      krs,
      size,
      await timed(harness, () => apiData(harness, "setUpTracker", {})),
    );
    // Repair writes the computed columns' formulas back; the next actions run with them off again.
    if (size !== HISTORY_SIZES[HISTORY_SIZES.length - 1]) {
      formulasOff(harness);
      progress("formulas off again");
    }
  }
}

function tables(results: Results): string {
  const out: string[] = [];
  for (const action of ACTIONS) {
    const byKr = results.get(action);
    if (!byKr) continue;
    const rows: (string | number)[][] = [];
    for (const krs of KR_SIZES) {
      for (const history of HISTORY_SIZES) {
        const m = byKr.get(krs)?.get(history);
        if (!m) {
          rows.push([count(krs), count(history), "skipped", "", "", ""]);
          continue;
        }
        rows.push([
          count(krs),
          count(history),
          m.summary.roundTrips,
          count(m.summary.cellsRead),
          count(m.summary.cellsWritten),
          ms(m.time),
        ]);
      }
    }
    out.push(
      "\n" +
        action +
        "\n" +
        table(["key results", "History rows", "round trips", "cells read", "cells written", "time"], rows),
    );
  }
  return out.join("\n");
}

export async function runScaleBench(): Promise<void> {
  const results: Results = new Map();
  const start = Date.now();
  for (const krs of KR_SIZES) await measureSize(results, krs);
  console.log(
    "\nScale: each sidebar action at " +
      KR_SIZES.map(count).join(" / ") +
      " key results and " +
      HISTORY_SIZES.map(count).join(" / ") +
      " History rows (formulas off; best of 3, the quality check and Repair once)",
  );
  console.log(tables(results));
  console.log("\n(scale bench: " + ((Date.now() - start) / 1000).toFixed(0) + " s)");
}
