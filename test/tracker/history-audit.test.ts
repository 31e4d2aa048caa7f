/**
 * History's rolling audit (docs/HISTORY-AUDIT.md): each write audits History's end or the next
 * window of older rows, in turn, so a hand edit anywhere is reported within a bounded number of
 * writes, and Repair tracker audits everything at once. Through the built bundle, on a History of
 * 3,000 sealed rows (formulas off, to keep it quick).
 */
import type { Harness } from "../../dev/harness/harness";
import { bigTracker } from "../support/big-tracker";
import { addHistory } from "../support/big-history";
import { apiData, rows } from "../support/tracker";

const ROWS = 3000;
// The documented bound: a window turn every second write, windows of 1,000 rows overlapping by one.
const WITHIN = 2 * Math.ceil(ROWS / 999) + 2;

async function trackerWithHistory(): Promise<Harness> {
  const harness = bigTracker(10);
  addHistory(harness, ROWS, 10);
  await checkIn(harness); // the first write after the rows were added audits them all
  return harness;
}

let value = 0;
async function checkIn(harness: Harness): Promise<string[]> {
  return (await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: ++value })).warnings;
}

/** Checks in until a warning comes; answers how many writes it took and the warnings. */
async function writesUntilReported(harness: Harness, limit: number): Promise<[number, string[]]> {
  for (let n = 1; n <= limit; n++) {
    const warnings = await checkIn(harness);
    if (warnings.length) return [n, warnings];
  }
  return [Infinity, []];
}

const history = (harness: Harness) => harness.spreadsheet.getSheetByName("History")!;

describe("hand edits to History are reported within the documented window", () => {
  it("an old row edited after the sweep passed it: found on the sweep's next round, once", async () => {
    const harness = await trackerWithHistory();
    for (let i = 0; i < 4; i++) await checkIn(harness); // the sweep is past row 50
    harness.edit("History!H50", "a better note"); // record #49
    const [writes, warnings] = await writesUntilReported(harness, WITHIN);
    expect(warnings).toEqual(["History was changed by hand: record #49 was edited. The rows were left as they are."]);
    expect(writes).toBeGreaterThan(2); // not by the audits of History's end: by the rolling window
    expect(writes).toBeLessThanOrEqual(WITHIN);
    expect(rows(harness, "History")[48].Note).toBe("a better note"); // left as it is
    // Reported once: a whole sweep more finds nothing new.
    expect((await writesUntilReported(harness, WITHIN))[1]).toEqual([]);
  }, 300_000);

  it("a row deleted in the middle is reported by the window that covers the gap", async () => {
    const harness = await trackerWithHistory();
    history(harness).deleteRow(1500); // record #1499
    const [writes, warnings] = await writesUntilReported(harness, WITHIN);
    expect(warnings).toEqual([
      "History was changed by hand: record #1499 was deleted. The rows were left as they are.",
    ]);
    expect(writes).toBeLessThanOrEqual(WITHIN);
  }, 300_000);

  it("a recent row edited, or a row added at the end, is reported by the next write or the one after", async () => {
    const harness = await trackerWithHistory();
    const last = history(harness).getLastRow();
    harness.edit("History!F" + (last - 5), "99");
    history(harness).appendRow(["", new Date(), "KR-1.1", "typed", 1, 2]);
    const [writes, warnings] = await writesUntilReported(harness, 2);
    expect(writes).toBeLessThanOrEqual(2);
    expect(warnings[0]).toMatch(/^History was changed by hand: record #\d+ was edited; sheet row \d+ was added\./);
  }, 300_000);

  it("the roadmap check audits all of History at once and says what it found in its summary", async () => {
    const harness = await trackerWithHistory();
    harness.edit("History!H1200", "edited"); // record #1199
    const check = await apiData<{ summary: string }>(harness, "checkOkrs", { writeToSheet: true });
    expect(check.summary).toMatch(
      /History was changed by hand: record #1199 was edited\. The rows were left as they are\.$/,
    );
    expect(rows(harness, "History").at(-1)?.Source).toBe("integrity");
  }, 300_000);

  it("Repair tracker audits all of History at once and records what it found", async () => {
    const harness = await trackerWithHistory();
    harness.edit("History!H700", "edited"); // record #699
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts.at(-1)?.prompt).toMatch(/History was changed by hand: record #699 was edited/);
    const last = rows(harness, "History").at(-1)!;
    expect([last.Source, last.Note]).toEqual(["integrity", expect.stringMatching(/record #699 was edited/)]);
    expect(await checkIn(harness)).toEqual([]); // reported once
  }, 300_000);
});
