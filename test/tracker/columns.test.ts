/** Columns are found by their header text: people may add and reorder columns; Repair fixes the rest. */
import type { Harness } from "../../dev/harness/harness";
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

describe("a column inserted in the middle", () => {
  const harness = newTracker();
  const sheet = () => harness.spreadsheet.getSheetByName("Key Results")!;

  beforeAll(async () => {
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    sheet().insertColumnsBefore(4, 1); // before Type
    sheet().getRange("D1").setValue("Team notes");
    sheet().getRange("D2").setValue("keep me");
  });

  it("still takes check-ins into the right cells, and formulas follow the move", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    const [kr] = rows(harness, "Key Results");
    expect([kr["Team notes"], kr.Current, kr.Progress]).toEqual(["keep me", 2000, 0.5]);
  });

  it("still writes new key results column by column", async () => {
    await apiData(harness, "addKeyResult", {
      objectiveId: "O-1",
      keyResult: { title: "Fewer chargebacks", type: "decrease", start: 30, target: 10 },
    });
    const added = rows(harness, "Key Results").pop()!;
    expect([added["Team notes"], added.Type, added.Start, added.Target, added.Current]).toEqual([
      "",
      "decrease",
      30,
      10,
      30,
    ]);
  });
});

describe("columns rearranged by hand", () => {
  it("work again after Repair rewrites the formulas for where the columns are now", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    // Swap Start (E) and Target (F) by retyping both columns, as someone tidying the sheet might.
    const block = sheet.getRange("E1:F4").getValues();
    sheet.getRange("E1:F4").setValues(block.map(([start, target]) => [target, start]));
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts[harness.ui.alerts.length - 1].prompt).toMatch(
      /^Restored formulas: .*Key Results › Progress/,
    );
    const [kr] = rows(harness, "Key Results");
    expect([kr.Start, kr.Target, kr.Progress]).toEqual([3000, 1000, 0.5]);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1500 });
    expect(rows(harness, "Key Results")[0].Progress).toBe(0.75);
  });
});

describe("a required column renamed or deleted", () => {
  let harness: Harness;
  const sheet = () => harness.spreadsheet.getSheetByName("Key Results")!;

  beforeEach(async () => {
    harness = newTracker();
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    harness.edit("'Key Results'!H1", "Conf."); // was Confidence
  });

  it("gives a clear message naming the column and the fix, and writes nothing", async () => {
    const before = snapshot(harness);
    const result = await api(harness, "checkIn", { krId: "KR-1.1", value: 2000, confidence: 6 });
    expect(result).toMatchObject({
      ok: false,
      message:
        "The Key Results sheet has no 'Confidence' column. If you renamed it, rename it back; otherwise choose Extensions → OKR Tracker → Repair tracker, which adds it without touching your data.",
    });
    expect(snapshot(harness)).toBe(before);
  });

  it("is restored by Repair, which adds the column and leaves the renamed one and its data alone", async () => {
    sheet().getRange("H2").setValue(8);
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts[harness.ui.alerts.length - 1].prompt).toMatch(
      /Added missing columns: Key Results › Confidence\./,
    );
    const header = sheet().getRange(1, 1, 1, sheet().getLastColumn()).getValues()[0];
    expect(header[7]).toBe("Conf.");
    expect(header[header.length - 1]).toBe("Confidence");
    expect(sheet().getRange("H2").getValue()).toBe(8);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000, confidence: 6 });
    expect(rows(harness, "Key Results")[0].Confidence).toBe(6);
  });
});

describe("a computed column's header typed over", () => {
  it("gets its formula back from Repair", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    const progress = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Progress") + 1;
    sheet.getRange(1, progress).setValue("Progress");
    expect(rows(harness, "Key Results")[0].Progress).toBe("");
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts[harness.ui.alerts.length - 1].prompt).toBe("Restored formulas: Key Results › Progress.");
    expect(rows(harness, "Key Results")[0].Progress).toBe(0.5);
  });
});

describe("a value typed into a computed column", () => {
  it("is warned about, blocks the column's formula, and Repair says which column and how to fix it", async () => {
    const owner = newTracker();
    await apiData(owner, "createObjective", SAMPLE_OBJECTIVE);
    const colleague = owner.share("bo@example.com");
    const sheet = owner.spreadsheet.getSheetByName("Key Results")!;
    const status = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Status") + 1;
    const edit = colleague.edit(sheet.getRange(3, status), "fine");
    expect(edit.warnings).toEqual([expect.stringMatching(/protected range/)]);
    owner.clickMenu("Repair tracker");
    expect(owner.ui.alerts[owner.ui.alerts.length - 1].prompt).toBe(
      "These computed columns show an error because a value was typed into them: Key Results › Status. Clear the typed cells below the header and the formula fills the column again.",
    );
  });
});
