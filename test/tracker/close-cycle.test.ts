/** Closing a cycle: frozen grades, retrospectives, callouts, refused check-ins, reopening. */
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";
import { Button } from "../../dev/emulator/ui";

const PAST = "2026-Q3"; // ended 2026-09-30: before any day these tests run
const RUNNING = "2099-Q1";

interface Closed {
  objectives: number;
  keyResults: number;
  callouts: { objectiveId: string; reading: string; score: number }[];
  summary: string;
}

function byId(harness: ReturnType<typeof newTracker>, sheet: string) {
  return new Map(rows(harness, sheet).map((r) => [String(r.ID), r]));
}

/** O-1 (committed, 3 KRs) and O-2 (aspirational) in the past cycle, O-3 in another; the past cycle closed. */
async function closedTracker() {
  const harness = newTracker();
  await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: PAST }); // O-1, committed
  await apiData(harness, "createObjective", {
    title: "Find out whether teams want a self-serve export",
    cycle: PAST,
    commitment: "aspirational",
    keyResults: [{ title: "Teams using the export weekly", type: "increase", start: 0, target: 100 }],
  }); // O-2
  await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: "2026-Q4" }); // O-3, another cycle
  await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1500 }); // 0.75
  await apiData(harness, "checkIn", { krId: "KR-1.2", value: "9%" }); // 0.67
  await apiData(harness, "checkIn", { krId: "KR-1.3", value: 1 }); // done
  await apiData(harness, "checkIn", { krId: "KR-2.1", value: 80 }); // 0.8
  const closed = await apiData<Closed>(harness, "closeCycle", {
    cycle: PAST,
    retrospectives: { "O-1": "=The CDN helped; the database was the bottleneck" },
  });
  return { harness, closed };
}

describe("closing a cycle", () => {
  // Read by the first tests only; a test that writes builds its own.
  let harness: ReturnType<typeof newTracker>;
  let closed: Closed;

  beforeAll(async () => {
    ({ harness, closed } = await closedTracker());
  });

  it("writes each key result's and objective's score as a value, and marks the cycle Closed", () => {
    const krs = byId(harness, "Key Results");
    expect(["KR-1.1", "KR-1.2", "KR-1.3", "KR-2.1", "KR-3.1"].map((id) => krs.get(id)?.["Final score"])).toEqual([
      0.8,
      0.7,
      1,
      0.8,
      "",
    ]);
    const objectives = byId(harness, "Objectives");
    expect(["O-1", "O-2", "O-3"].map((id) => objectives.get(id)?.["Final score"])).toEqual([0.8, 0.8, ""]);
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    const col = (sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[]).indexOf("Final score") + 1;
    expect(sheet.getRange(2, col, 3, 1).getFormulas()).toEqual([[""], [""], [""]]);
    const cycles = new Map(rows(harness, "Cycles").map((r) => [r.Cycle, r.State]));
    expect([cycles.get(PAST), cycles.get("2026-Q4")]).toEqual(["Closed", ""]);
    expect([closed.objectives, closed.keyResults]).toEqual([2, 4]);
  });

  it("keeps the retrospective as text, and calls out the committed miss and the aspirational success", () => {
    expect(byId(harness, "Objectives").get("O-1")?.Retrospective).toBe(
      "=The CDN helped; the database was the bottleneck",
    );
    expect(closed.callouts.map((c) => [c.objectiveId, c.score, c.reading])).toEqual([
      ["O-1", 0.8, "Commitment missed"],
      ["O-2", 0.8, "Aspirational success"],
    ]);
    expect(closed.summary).toMatch(/1 committed objective fell short of 1\.0 \(O-1 0\.8\)/);
    expect(closed.summary).toMatch(/1 aspirational objective reached 0\.7 or more \(O-2 0\.8\)/);
  });

  it("keeps the grades when the data or the formulas change afterwards", async () => {
    const { harness } = await closedTracker();
    const krSheet = harness.spreadsheet.getSheetByName("Key Results")!;
    krSheet.getRange("G2").setValue(3000); // KR-1.1 back to its start, without the add-on
    krSheet.getRange("F5").setValue(1000); // KR-2.1's target raised
    const objectives = harness.spreadsheet.getSheetByName("Objectives")!;
    const headers = objectives.getRange(1, 1, 1, objectives.getLastColumn()).getValues()[0];
    objectives.getRange(1, headers.indexOf("Score") + 1).setValue("Score"); // the Score column's formula overwritten
    expect(byId(harness, "Objectives").get("O-1")?.Score).toBe("");
    const krs = byId(harness, "Key Results");
    expect([krs.get("KR-1.1")?.Progress, krs.get("KR-2.1")?.Progress].map((p) => Number(p) + 0)).toEqual([0, 0.08]);
    expect([krs.get("KR-1.1")?.["Final score"], krs.get("KR-2.1")?.["Final score"]]).toEqual([0.8, 0.8]);
    expect(byId(harness, "Objectives").get("O-1")?.["Final score"]).toBe(0.8);
    harness.clickMenu("Repair tracker");
    expect(byId(harness, "Objectives").get("O-2")?.["Final score"]).toBe(0.8);
  });

  it("refuses a check-in on the closed cycle, says how to reopen, and writes nothing", async () => {
    const { harness } = await closedTracker();
    const before = snapshot(harness);
    const result = await api(harness, "checkIn", { krId: "KR-2.1", value: 90 });
    expect(result).toMatchObject({ ok: false, fieldErrors: [{ field: "krId" }] });
    if (result.ok) return;
    expect(result.message).toMatch(/^KR-2\.1 belongs to 2026-Q3, which is closed/);
    expect(result.message).toMatch(/Reopen cycle/);
    expect(snapshot(harness)).toBe(before);
  });

  it("records a value typed into the sheet for it in History, with a warning note", async () => {
    const { harness } = await closedTracker();
    harness.edit("'Key Results'!G5", "95");
    const last = rows(harness, "History").pop()!;
    expect([last["KR ID"], last["New value"], last.Source]).toEqual(["KR-2.1", 95, "typed in sheet"]);
    expect(last.Note).toMatch(
      /^Warning: typed after 2026-Q3 was closed\. The value is recorded; the frozen Final score stays\./,
    );
    expect(byId(harness, "Key Results").get("KR-2.1")?.["Final score"]).toBe(0.8);
  });

  it("refuses to close it again, an unknown cycle, or a retrospective for another cycle's objective", async () => {
    const { harness } = await closedTracker();
    const before = snapshot(harness);
    const again = await api(harness, "closeCycle", { cycle: PAST });
    const unknown = await api(harness, "closeCycle", { cycle: "2031-Q2" });
    const other = await api(harness, "closeCycle", { cycle: "2026-Q4", early: true, retrospectives: { "O-1": "x" } });
    expect([again, unknown, other].map((r) => !r.ok && r.message)).toEqual([
      expect.stringMatching(/^2026-Q3 is already closed/),
      "There is no cycle 2031-Q2 in the Cycles sheet.",
      "There is no active objective O-1 in 2026-Q4.",
    ]);
    expect(snapshot(harness)).toBe(before);
  });

  it("reopens: check-ins are accepted again and the frozen grades stay until it is closed again", async () => {
    const { harness } = await closedTracker();
    expect(await apiData(harness, "reopenCycle", { cycle: PAST })).toMatch(/^Reopened 2026-Q3/);
    expect(rows(harness, "Cycles").find((r) => r.Cycle === PAST)?.State).toBe("Open");
    await apiData(harness, "checkIn", { krId: "KR-2.1", value: 30 });
    expect(byId(harness, "Key Results").get("KR-2.1")?.["Final score"]).toBe(0.8);
    const again = await apiData<Closed>(harness, "closeCycle", { cycle: PAST });
    expect(byId(harness, "Key Results").get("KR-2.1")?.["Final score"]).toBe(0.3);
    expect(byId(harness, "Objectives").get("O-1")?.Retrospective).toMatch(/^=The CDN helped/); // kept
    expect(again.callouts.map((c) => c.objectiveId)).toEqual(["O-1"]); // O-2 at 0.3 is no longer a success
  });
});

async function trackerWith(cycle: string) {
  const harness = newTracker();
  await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle });
  return harness;
}

describe("closing a cycle that is still running", () => {
  it("asks for a confirmation and writes nothing without it", async () => {
    const harness = await trackerWith(RUNNING);
    const before = snapshot(harness);
    const result = await api(harness, "closeCycle", { cycle: RUNNING });
    expect(result).toMatchObject({ ok: false, code: "needs-confirmation", fieldErrors: [{ field: "early" }] });
    if (!result.ok) expect(result.message).toMatch(/^2099-Q1 runs until 2099-03-31\. Closing it early/);
    expect(snapshot(harness)).toBe(before);
  });

  it("closes early when confirmed; a key result with no check-in grades 0.0", async () => {
    const harness = await trackerWith(RUNNING);
    await apiData(harness, "closeCycle", { cycle: RUNNING, early: true });
    expect(rows(harness, "Key Results").map((r) => r["Final score"])).toEqual([0, 0, 0]);
    expect(rows(harness, "Cycles").find((r) => r.Cycle === RUNNING)?.State).toBe("Closed");
  });
});

describe("the menu's Close cycle… and Reopen cycle…", () => {
  it("offers the latest cycle that has ended, closes it and shows the callouts", async () => {
    const harness = await trackerWith(PAST);
    harness.ui.scriptedPrompts.push({ text: "" });
    harness.clickMenu("Close cycle…");
    expect(harness.ui.prompts.pop()?.prompt).toMatch(/Leave blank for 2026-Q3\.$/);
    expect(harness.ui.alerts.pop()?.prompt).toMatch(
      /^Closed 2026-Q3: 1 objective and 3 key results graded[^]*1 committed objective fell short of 1\.0 \(O-1 0\.0\)/,
    );
  });

  it("reopens the latest closed cycle", async () => {
    const harness = await trackerWith(PAST);
    await apiData(harness, "closeCycle", { cycle: PAST });
    harness.ui.scriptedPrompts.push({ text: "" });
    harness.clickMenu("Reopen cycle…");
    expect(harness.ui.prompts.pop()?.prompt).toMatch(/Leave blank for 2026-Q3\.$/);
    expect(harness.ui.alerts.pop()?.prompt).toMatch(/^Reopened 2026-Q3/);
    expect(rows(harness, "Cycles").find((r) => r.Cycle === PAST)?.State).toBe("Open");
  });

  it("asks again before closing a cycle early, and does nothing on No", async () => {
    const harness = await trackerWith(PAST);
    const before = snapshot(harness);
    harness.ui.scriptedPrompts.push({ text: "2026-Q4" });
    harness.ui.scriptedAnswers.push(Button.NO);
    harness.clickMenu("Close cycle…");
    expect(harness.ui.alerts.pop()?.title).toBe("Close cycle early?");
    expect(snapshot(harness)).toBe(before);
  });
});

const NEW_COLUMNS: [string, string[]][] = [
  ["Objectives", ["Final score", "Retrospective", "Carried from"]],
  ["Key Results", ["Final score", "Carried from"]],
  ["Cycles", ["State"]],
];

function headersOf(harness: ReturnType<typeof newTracker>, name: string): string[] {
  const sheet = harness.spreadsheet.getSheetByName(name)!;
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].map(String);
}

/** Every tracker sheet's values, without the columns closing and carrying over added. */
function oldData(harness: ReturnType<typeof newTracker>) {
  return NEW_COLUMNS.map(([name, columns]) => {
    const headers = headersOf(harness, name);
    const keep = headers.map((_h, i) => i).filter((i) => !columns.includes(headers[i]));
    return harness.spreadsheet
      .getSheetByName(name)!
      .getDataRange()
      .getValues()
      .map((row) => keep.map((i) => row[i]));
  });
}

/** A tracker with data whose sheets lack the new columns, as one set up before them. */
async function oldTracker() {
  const harness = await trackerWith(PAST);
  await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1500 });
  // Columns added later (an objective's Parent, say) may follow them: each is removed where it stands.
  for (const [name, columns] of NEW_COLUMNS) {
    const sheet = harness.spreadsheet.getSheetByName(name)!;
    for (const column of columns) {
      const at = headersOf(harness, name).indexOf(column);
      expect(at).toBeGreaterThanOrEqual(0);
      sheet.deleteColumn(at + 1);
    }
  }
  return harness;
}

describe("a tracker set up before cycles could be closed", () => {
  it("refuses to close until repaired, naming the missing column", async () => {
    const harness = await oldTracker();
    const result = await api(harness, "closeCycle", { cycle: PAST });
    expect(result).toMatchObject({ ok: false, code: "missing-column" });
    if (!result.ok) expect(result.message).toMatch(/no 'State' column[^]*Repair tracker/);
  });

  it("still takes check-ins", async () => {
    const harness = await oldTracker();
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1200 });
    expect(rows(harness, "Key Results")[0].Current).toBe(1200);
  });

  it.each(["Repair tracker", "Set up tracker"])(
    "gets the new columns at the end from %s, its data untouched, and can then be closed",
    async (item) => {
      const harness = await oldTracker();
      const before = oldData(harness);
      harness.clickMenu(item);
      for (const [name, columns] of NEW_COLUMNS)
        expect(headersOf(harness, name).slice(-columns.length)).toEqual(columns);
      expect(oldData(harness)).toEqual(before);
      await apiData(harness, "closeCycle", { cycle: PAST });
      expect(rows(harness, "Key Results").map((r) => r["Final score"])).toEqual([0.8, 0, 0]);
    },
  );
});
