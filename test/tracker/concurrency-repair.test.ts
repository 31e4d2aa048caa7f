/**
 * A check-in while Repair tracker runs (issue 10 item 3), through the built bundle, interleaved at
 * service-call granularity (dev/harness/interleave.ts). Repair holds the document lock like every
 * other write, so wherever the check-in starts it either waits for Repair or Repair waits for it:
 * both finish, the column Repair restores is there, the check-in's value is in its row and History
 * is sealed and numbered without gap or duplicate.
 */
import { fromJSON, toJSON } from "../../dev/emulator/persistence";
import { Harness } from "../../dev/harness/harness";
import { Interleaving } from "../../dev/harness/interleave";
import { apiData, newTracker, rows, SAMPLE_OBJECTIVE } from "../support/tracker";

let base: Harness;
beforeAll(async () => {
  base = newTracker({ user: "ann@example.com" });
  await apiData(base, "createObjective", SAMPLE_OBJECTIVE);
  await apiData(base, "checkIn", { krId: "KR-1.1", value: 2900 });
}, 60_000);

/** A copy of the base tracker whose Key Results lost its Owner column (Repair adds it back, at the end). */
function damaged(): { ann: Harness; bo: Harness } {
  const ann = new Harness({ workbook: fromJSON(toJSON(base.workbook)), user: "ann@example.com" });
  const sheet = ann.spreadsheet.getSheetByName("Key Results")!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  sheet.deleteColumn(header.indexOf("Owner") + 1);
  return { ann, bo: ann.share("bo@example.com") };
}

function headers(h: Harness): unknown[] {
  const sheet = h.spreadsheet.getSheetByName("Key Results")!;
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
}

function check(ann: Harness, value: number, checkIn: unknown) {
  expect(checkIn).toMatchObject({ ok: true, data: { warnings: [] } });
  expect(ann.ui.alerts.map((a) => a.title)).toEqual(["Repair tracker"]);
  expect(headers(ann)).toContain("Owner");
  expect(rows(ann, "Key Results").find((r) => r.ID === "KR-1.1")?.Current).toBe(value);
  const history = rows(ann, "History");
  expect(history.map((r) => r["#"])).toEqual([1, 2]);
  expect(history[1]).toMatchObject({ "KR ID": "KR-1.1", "Previous value": 2900, "New value": value });
}

describe("a check-in while Repair tracker runs", () => {
  test("started while Repair holds the lock, it waits, then lands", () => {
    const { ann, bo } = damaged();
    const s = new Interleaving();
    s.call(ann, "repairTrackerFromMenu").runPast("Lock.tryLock");
    const checkIn = s.sidebar(bo, "checkIn", { krId: "KR-1.1", value: 2500 }).run();
    expect(checkIn.status).toBe("waiting");
    s.runAll();
    s.dispose();
    check(ann, 2500, checkIn.result);
  });

  test("wherever it starts during Repair, both finish and History stays sealed and numbered", () => {
    const { ann: probe } = damaged();
    const alone = new Interleaving();
    const calls = alone.call(probe, "repairTrackerFromMenu").run().calls;
    alone.dispose();
    const locked = calls.indexOf("Lock.tryLock") + 1;
    const released = calls.indexOf("Lock.releaseLock");
    expect(locked).toBeGreaterThan(0);
    expect(released).toBeGreaterThan(locked);
    const points = [0, locked, Math.round((locked + released) / 2), released, calls.length];
    let waited = 0;
    for (const [i, k] of points.entries()) {
      const { ann, bo } = damaged();
      const s = new Interleaving();
      const repair = s.call(ann, "repairTrackerFromMenu");
      repair.step(k);
      const checkIn = s.sidebar(bo, "checkIn", { krId: "KR-1.1", value: 2000 + i });
      if (checkIn.run().status === "waiting") waited++;
      s.runAll();
      s.dispose();
      expect(repair.status).toBe("done");
      check(ann, 2000 + i, checkIn.result);
    }
    expect(waited).toBe(3);
  });

  test("Repair started during a check-in waits for it, then repairs", () => {
    const { ann, bo } = damaged();
    const s = new Interleaving();
    const checkIn = s.sidebar(bo, "checkIn", { krId: "KR-1.1", value: 2400 }).runPast("Lock.tryLock");
    const repair = s.call(ann, "repairTrackerFromMenu").run();
    expect(repair.status).toBe("waiting");
    s.runAll();
    s.dispose();
    check(ann, 2400, checkIn.result);
  });
});
