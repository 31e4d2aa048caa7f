/**
 * Check-ins from the sidebar and values typed into the sheet, all recorded in History.
 * Every test starts from a tracker of its own, so none depends on another having run.
 */
import type { Harness, HarnessOptions } from "../../dev/harness/harness";
import { bigTracker } from "../support/big-tracker";
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

/** A tracker holding the sample objective O-1 with KR-1.1 (3000 → 1000 ms), KR-1.2 (7% → 10%), KR-1.3 (milestone). */
async function sampleTracker(opts: HarnessOptions = {}): Promise<Harness> {
  const harness = newTracker(opts);
  await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  return harness;
}

describe("a check-in from the sidebar", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await sampleTracker({ user: "ann@example.com" });
  });
  const firstCheckIn = () =>
    apiData<{ keyResult: { progress: number; current: number }; previous: number; warnings: string[] }>(
      harness,
      "checkIn",
      { krId: "KR-1.1", value: "2,000", confidence: 7, note: "CDN for static assets" },
    );

  it("sets the current value, confidence and date, and answers the new progress", async () => {
    const result = await firstCheckIn();
    expect([result.previous, result.keyResult.current, result.keyResult.progress, result.warnings]).toEqual([
      3000,
      2000,
      0.5,
      [],
    ]);
    const kr = rows(harness, "Key Results")[0];
    expect([kr.Current, kr.Confidence, kr.Progress]).toEqual([2000, 7, 0.5]);
    expect((kr["Last check-in"] as Date).getDate()).toBe(new Date().getDate());
  });

  it("appends a History row: when, which KR, previous and new value, confidence, note, who, source", async () => {
    await firstCheckIn();
    const [record] = rows(harness, "History");
    expect(record).toMatchObject({
      "#": 1,
      "KR ID": "KR-1.1",
      "Key result": "p95 checkout latency",
      "Previous value": 3000,
      "New value": 2000,
      Confidence: 7,
      Note: "CDN for static assets",
      Author: "ann@example.com",
      Source: "sidebar",
    });
    expect(Math.abs((record.Timestamp as Date).getTime() - Date.now())).toBeLessThan(60_000);
    expect(record.Seal).toMatch(/^[0-9a-f]{8}$/);
  });

  it("keeps a note starting with = as text in History", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1800, note: '=HYPERLINK("http://x")' });
    const history = harness.spreadsheet.getSheetByName("History")!;
    expect(history.getRange("H2").getValue()).toBe('=HYPERLINK("http://x")');
    expect(history.getRange("H2").getFormula()).toBe("");
  });

  it("lists a key result's recent history, newest first", async () => {
    await firstCheckIn();
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1800 });
    const entries = await apiData<{ value: number; previous: number }[]>(harness, "getKeyResultHistory", {
      krId: "KR-1.1",
    });
    expect(entries.map((e) => [e.previous, e.value])).toEqual([
      [2000, 1800],
      [3000, 2000],
    ]);
  });

  it("holds the document lock for every write", async () => {
    harness.workbook.lockAudit.enabled = true;
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: "8%" });
    expect(harness.workbook.lockAudit.violations).toEqual([]);
    // The audit does see writes made without the lock.
    harness.spreadsheet.getRange("KPIs!A2").setValue("Uptime");
    expect(harness.workbook.lockAudit.violations).toHaveLength(1);
    harness.workbook.lockAudit.enabled = false;
  });

  it("shows a percentage key result's values in History as percentages", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: "8%" });
    const history = harness.spreadsheet.getSheetByName("History")!;
    const last = history.getLastRow();
    expect(history.getRange(last, 3).getValue()).toBe("KR-1.2");
    expect(history.getRange(last, 5, 1, 2).getDisplayValues()).toEqual([["7%", "8%"]]);
  });

  it("waits for another person's lock and, if it stays taken, says so and writes nothing", async () => {
    const before = snapshot(harness);
    harness.workbook.locks.document = "someone-else";
    const result = await api(harness, "checkIn", { krId: "KR-1.1", value: 1500 });
    harness.workbook.locks.document = null;
    expect(result).toMatchObject({
      ok: false,
      code: "busy",
      message: expect.stringMatching(/Someone else is changing the tracker/),
    });
    expect(snapshot(harness)).toBe(before);
  });
});

describe("two people checking in at once", () => {
  it("both land, in order, each with its author", async () => {
    const ann = newTracker({ user: "ann@example.com" });
    await apiData(ann, "createObjective", SAMPLE_OBJECTIVE);
    const bo = ann.share("bo@example.com");
    await Promise.all([
      apiData(ann, "checkIn", { krId: "KR-1.1", value: 2500 }),
      apiData(bo, "checkIn", { krId: "KR-1.2", value: "8%" }),
    ]);
    expect(rows(ann, "History").map((r) => [r["#"], r["KR ID"], r.Author])).toEqual([
      [1, "KR-1.1", "ann@example.com"],
      [2, "KR-1.2", "bo@example.com"],
    ]);
  });
});

describe("values typed into the sheet", () => {
  let harness: Harness;
  const history = () => rows(harness, "History");
  beforeEach(async () => {
    harness = await sampleTracker();
  });

  it("records a typed value with the cell's old value", () => {
    harness.edit("'Key Results'!G2", "2500");
    expect(history().pop()).toMatchObject({
      "KR ID": "KR-1.1",
      "Previous value": 3000,
      "New value": 2500,
      Source: "typed in sheet",
    });
    expect(rows(harness, "Key Results")[0].Progress).toBe(0.25);
  });

  it("records each row of a paste, the previous value taken from History", () => {
    harness.edit("'Key Results'!G2", "2500");
    harness.edit("'Key Results'!G2:G3", [["2000"], ["9%"]]);
    expect(
      history()
        .slice(-2)
        .map((r) => [r["KR ID"], r["Previous value"], r["New value"], r.Source]),
    ).toEqual([
      ["KR-1.1", 2500, 2000, "pasted in sheet"],
      ["KR-1.2", 0.07, 0.09, "pasted in sheet"],
    ]);
  });

  it("ignores edits elsewhere and values that did not change", () => {
    harness.edit("'Key Results'!G2", "2000");
    const count = history().length;
    harness.edit("'Key Results'!C2", "Renamed key result");
    harness.edit("'Key Results'!G2", "2000");
    expect(history()).toHaveLength(count);
  });

  it("rejects text in the Current column through data validation, recording nothing", () => {
    harness.edit("'Key Results'!G2", "2000");
    const count = history().length;
    const result = harness.edit("'Key Results'!G2", "lots");
    expect(result.accepted).toBe(false);
    expect(result.message).toBeTruthy();
    expect(harness.spreadsheet.getRange("'Key Results'!G2").getValue()).toBe(2000);
    expect(history()).toHaveLength(count);
  });
});

describe("a check-in reads one row through the header it remembers", () => {
  it("still writes the right cells after a column is inserted by hand since the sidebar last looked", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "getOverview", {}); // the sidebar opens: the header is remembered
    harness.spreadsheet.getSheetByName("Key Results")!.insertColumnBefore(5); // no onEdit for this
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000, confidence: 8, row: 2 });
    const kr = rows(harness, "Key Results")[0];
    expect([kr.Start, kr.Target, kr.Current, kr.Confidence]).toEqual([3000, 1000, 2000, 8]);
    expect(kr[""]).toBe(""); // the inserted column stays empty
  });

  it("finds the key result when the row the sidebar showed now holds another", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "checkIn", { krId: "KR-1.3", value: 1, row: 2 });
    const byId = Object.fromEntries(rows(harness, "Key Results").map((r) => [r.ID, r.Current]));
    expect(byId).toEqual({ "KR-1.1": 3000, "KR-1.2": 0.07, "KR-1.3": 1 });
  });
});

describe("History edited by hand", () => {
  let harness: Harness;
  const history = () => harness.spreadsheet.getSheetByName("History")!;

  /** Three check-ins of KR-1.1 (records #1 to #3). */
  beforeEach(async () => {
    harness = await sampleTracker();
    for (const value of [2800, 2600, 2400]) await apiData(harness, "checkIn", { krId: "KR-1.1", value });
  });

  it("is reported at the next check-in, recorded as an integrity row, left as it was, and reported once", async () => {
    harness.edit("History!F2", "2750"); // someone "corrects" record #1
    history().deleteRow(3); // and deletes record #2
    const result = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 2200 });
    expect(result.warnings).toEqual([
      "History was changed by hand: record #1 was edited; record #2 was deleted. The rows were left as they are.",
    ]);
    const records = rows(harness, "History");
    expect(records[0]["New value"]).toBe(2750);
    expect(records.slice(-2).map((r) => [r["#"], r.Source, r["New value"]])).toEqual([
      [4, "integrity", ""],
      [5, "sidebar", 2200],
    ]);
    expect(records[records.length - 2].Note).toBe(result.warnings[0]);
    // Once, not at every check-in after.
    const next = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 2100 });
    expect(next.warnings).toEqual([]);
  });

  it("is also reported to someone typing a value, as a toast", () => {
    history().deleteRow(2);
    harness.edit("'Key Results'!G2", "2050");
    expect(harness.ui.toasts[harness.ui.toasts.length - 1]).toMatchObject({
      message: expect.stringMatching(/^History was changed by hand: record #1 was deleted\./),
    });
  });

  it("reports a row added by hand", async () => {
    history().appendRow(["", new Date(), "KR-1.1", "p95", 2100, 1000, "", "typed by hand"]);
    const result = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    expect(result.warnings[0]).toMatch(/^History was changed by hand: sheet row \d+ was added\./);
    // The hand-made row is kept, and the new records come after it.
    const notes = rows(harness, "History").map((r) => r.Note);
    expect(notes.indexOf("typed by hand")).toBe(notes.length - 3);
  });
});

describe("History seals", () => {
  it("are stored as text, so a seal that looks like a number still matches its row", async () => {
    // Check-ins until two seals look like numbers ("0123…", "12e4…"). Seals hash the time, so how
    // many it takes varies: about 1 in 20 does, and 99 tries missed two about 4% of the time
    // (seen under load); 1,000 tries miss with odds below 1e-19. Formulas are off to keep it quick.
    const harness = bigTracker(5);
    let numeric = 0;
    for (let value = 1000; numeric < 2 && value > 0; value--) {
      await apiData(harness, "checkIn", { krId: "KR-1.1", value });
      const seal = rows(harness, "History").pop()!.Seal;
      expect(typeof seal).toBe("string");
      if (/^[0-9.e]+$/.test(String(seal))) numeric++;
    }
    expect(numeric).toBe(2);
    const result = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 100 });
    expect(result.warnings).toEqual([]);
  }, 120_000); // about 40 check-ins, 2 s to 20 s depending on the machine's load
});

describe("History in a copied spreadsheet (its add-on properties gone)", () => {
  it("goes on numbering from the highest record present, without false alarms", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2800 });
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2600 });
    harness.emu.services.PropertiesService.getDocumentProperties().deleteAllProperties();
    const result = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 2400 });
    expect(result.warnings).toEqual([]);
    expect(rows(harness, "History").map((r) => r["#"])).toEqual([1, 2, 3]);
  });
});
