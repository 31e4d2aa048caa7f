/**
 * Creating, editing and archiving objectives and key results through the sidebar API, on the emulator.
 * Tests that write start from a tracker of their own; those that only read may share one.
 */
import type { Harness } from "../../dev/harness/harness";
import type { ErrorCode } from "../../src/core/contract";
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

/** A tracker holding the sample objective O-1 with KR-1.1 (decrease), KR-1.2 (percentage), KR-1.3 (milestone). */
/** The number formats of a Key Results row's cells under the given headers. */
function formatsOf(harness: Harness, row: number, headers: string[]): string[] {
  const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0];
  return headers.map((h) => sheet.getRange(row, header.indexOf(h) + 1).getNumberFormat());
}

async function sampleTracker(): Promise<Harness> {
  const harness = newTracker();
  await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  return harness;
}

describe("creating an objective with key results", () => {
  const harness = newTracker();
  let created: { id: string; keyResultIds: string[] };

  beforeAll(async () => {
    created = await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  });

  it("gives stable IDs: O-1, and KR-1.1 … KR-1.3", () => {
    expect(created).toEqual({ id: "O-1", keyResultIds: ["KR-1.1", "KR-1.2", "KR-1.3"] });
  });

  it("writes the objective row and one row per key result, current starting at start", () => {
    const [objective] = rows(harness, "Objectives");
    expect(objective).toMatchObject({
      ID: "O-1",
      Objective: SAMPLE_OBJECTIVE.title,
      Cycle: "2026-Q4",
      Team: "Payments",
      Commitment: "committed",
      State: "Active",
    });
    const krs = rows(harness, "Key Results");
    expect(krs.map((kr) => [kr.ID, kr["Objective ID"], kr.Type, kr.Start, kr.Target, kr.Current, kr.Weight])).toEqual([
      ["KR-1.1", "O-1", "decrease", 3000, 1000, 3000, 1],
      ["KR-1.2", "O-1", "percentage", 0.07, 0.1, 0.07, 1],
      ["KR-1.3", "O-1", "milestone", 0, 1, 0, 1],
    ]);
  });

  it("shows a percentage key result's numbers as percentages", () => {
    expect(harness.spreadsheet.getRange("'Key Results'!E3:G3").getDisplayValues()).toEqual([["7%", "10%", "7%"]]);
    // Its forecast too, which sits far to the right; the others keep their columns' formats.
    expect(formatsOf(harness, 3, ["Forecast"])).toEqual(["0%"]);
    expect(formatsOf(harness, 2, ["Start", "Forecast"])).toEqual(["0.###############", "#,##0.0##"]);
  });

  it("keeps a percentage forecast through Repair, which gives every row its column's formats", async () => {
    const own = await sampleTracker();
    own.clickMenu("Repair tracker");
    expect(formatsOf(own, 3, ["Start", "Forecast"])).toEqual(["0%", "0%"]);
    expect(formatsOf(own, 2, ["Forecast"])).toEqual(["#,##0.0##"]);
  });

  it("numbers the next objective O-2 and an added key result KR-1.4", async () => {
    const harness = await sampleTracker();
    expect((await apiData<{ id: string }>(harness, "createObjective", { title: "Second", cycle: "2026-Q4" })).id).toBe(
      "O-2",
    );
    expect(
      await apiData(harness, "addKeyResult", {
        objectiveId: "O-1",
        keyResult: { title: "Fewer failed payments", type: "decrease", start: 40, target: 10 },
      }),
    ).toEqual({ id: "KR-1.4" });
  });

  it("never reuses an ID, even after the row was deleted by hand", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "createObjective", { title: "Second", cycle: "2026-Q4" });
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    sheet.deleteRow(3); // O-2
    expect((await apiData<{ id: string }>(harness, "createObjective", { title: "Third", cycle: "2026-Q4" })).id).toBe(
      "O-3",
    );
  });

  it("adds a missing quarter to Cycles when an objective names it", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", { title: "Plan ahead", cycle: "2027-Q2" });
    const cycle = rows(harness, "Cycles").find((c) => c.Cycle === "2027-Q2")!;
    expect([cycle.Start, cycle.End].map((d) => (d as Date).toISOString().slice(0, 10))).toEqual([
      "2027-04-01",
      "2027-06-30",
    ]);
  });
});

describe("editing and archiving", () => {
  let harness: Harness;
  beforeEach(async () => {
    harness = await sampleTracker();
  });

  it("updates an objective's fields without touching the others", async () => {
    await apiData(harness, "updateObjective", { id: "O-1", changes: { title: "Faster checkout", owner: "Bo" } });
    expect(rows(harness, "Objectives")[0]).toMatchObject({
      Objective: "Faster checkout",
      Owner: "Bo",
      Team: "Payments",
    });
  });

  it("updates a key result's definition and keeps its current value", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2500 });
    await apiData(harness, "updateKeyResult", {
      id: "KR-1.1",
      keyResult: { title: "p95 checkout latency (EU)", type: "decrease", start: 3200, target: 1200, unit: "ms" },
    });
    expect(rows(harness, "Key Results")[0]).toMatchObject({
      "Key result": "p95 checkout latency (EU)",
      Start: 3200,
      Target: 1200,
      Current: 2500,
    });
  });

  it("shows plain numbers again when a percentage key result becomes another type", async () => {
    await apiData(harness, "updateKeyResult", {
      id: "KR-1.2",
      keyResult: { title: "Checkouts per day", type: "increase", start: 100, target: 300, current: 150 },
    });
    expect(harness.spreadsheet.getRange("'Key Results'!E3:G3").getDisplayValues()).toEqual([["100", "300", "150"]]);
    expect(formatsOf(harness, 3, ["Forecast"])).toEqual(["#,##0.0##"]);
  });

  it("archives a key result: the row stays, its weight stops counting, and it can be restored", async () => {
    await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-1.3", archived: true });
    const kr = rows(harness, "Key Results").find((r) => r.ID === "KR-1.3")!;
    expect([kr.State, kr["Counted weight"]]).toEqual(["Archived", 0]);
    const overview = await apiData<{ objectives: { keyResults: { id: string }[] }[] }>(harness, "getOverview", {
      cycle: "2026-Q4",
    });
    expect(overview.objectives[0].keyResults.map((k) => k.id)).toEqual(["KR-1.1", "KR-1.2"]);
    await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-1.3", archived: false });
    expect(rows(harness, "Key Results").find((r) => r.ID === "KR-1.3")!.State).toBe("Active");
  });

  it("archives an objective out of the overview, and lists it on request", async () => {
    await apiData(harness, "setArchived", { kind: "objective", id: "O-1", archived: true });
    expect(
      (await apiData<{ objectives: unknown[] }>(harness, "getOverview", { cycle: "2026-Q4" })).objectives,
    ).toHaveLength(0);
    expect(
      (await apiData<{ objectives: unknown[] }>(harness, "getOverview", { cycle: "2026-Q4", includeArchived: true }))
        .objectives,
    ).toHaveLength(1);
  });
});

describe("user text stays text", () => {
  const harness = newTracker();
  const risky = [
    '=IMPORTXML("https://evil.example","//a")',
    "+1 more lead",
    "-5% churn",
    "@channel update",
    "2026",
    "TRUE",
    "'quoted",
  ];

  it("stores titles starting with =, +, -, @ or looking like numbers exactly as typed, never as formulas", async () => {
    for (const title of risky)
      await apiData(harness, "createObjective", {
        title,
        cycle: "2026-Q4",
        keyResults: [{ title, type: "increase", target: 10, unit: title.slice(0, 30) }],
      });
    const objectives = harness.spreadsheet.getSheetByName("Objectives")!;
    const titles = objectives.getRange(2, 2, risky.length, 1);
    expect(titles.getValues().map((r) => r[0])).toEqual(risky);
    expect(titles.getFormulas().every((r) => r[0] === "")).toBe(true);
    expect(rows(harness, "Key Results").map((kr) => kr["Key result"])).toEqual(risky);
    expect(rows(harness, "Key Results").map((kr) => kr.Unit)).toEqual(risky.map((t) => t.slice(0, 30)));
  });
});

describe("bad input is rejected with a clear message and writes nothing", () => {
  const harness = newTracker();
  beforeAll(() => apiData(harness, "createObjective", SAMPLE_OBJECTIVE));

  const cases: [string, string, unknown, { field: string; message: RegExp; code?: ErrorCode }][] = [
    [
      "an empty title",
      "createObjective",
      { ...SAMPLE_OBJECTIVE, title: "   " },
      { field: "title", message: /cannot be empty/ },
    ],
    [
      "a target equal to start",
      "createObjective",
      { ...SAMPLE_OBJECTIVE, keyResults: [{ title: "Flat", type: "increase", start: 5, target: 5 }] },
      { field: "keyResults.0.target", message: /must differ from the start/ },
    ],
    [
      "a target that is not a number",
      "createObjective",
      { ...SAMPLE_OBJECTIVE, keyResults: [{ title: "Vague", type: "increase", target: "lots" }] },
      { field: "keyResults.0.target", message: /"lots" is not a number/ },
    ],
    [
      "an unknown cycle",
      "createObjective",
      { ...SAMPLE_OBJECTIVE, cycle: "next quarter" },
      { field: "cycle", message: /such as 2026-Q4/ },
    ],
    [
      "a check-in for a missing key result",
      "checkIn",
      { krId: "KR-9.9", value: 1 },
      { field: "krId", message: /no key result KR-9.9/, code: "unknown-id" },
    ],
    [
      "a check-in with text for a number",
      "checkIn",
      { krId: "KR-1.1", value: "soon" },
      { field: "value", message: /"soon" is not a number/ },
    ],
    [
      "a milestone checked in at 0.5",
      "checkIn",
      { krId: "KR-1.3", value: 0.5 },
      { field: "value", message: /milestone: record 1 \(done\) or 0/ },
    ],
    [
      "a percentage above 100%",
      "checkIn",
      { krId: "KR-1.2", value: "140%" },
      { field: "value", message: /from 0% to 100%/ },
    ],
    [
      "a confidence of 11",
      "checkIn",
      { krId: "KR-1.1", value: 2000, confidence: 11 },
      { field: "confidence", message: /1 to 10/ },
    ],
    [
      "an edit of a missing objective",
      "updateObjective",
      { id: "O-42", changes: { title: "x" } },
      { field: "id", message: /no objective O-42/, code: "unknown-id" },
    ],
    ["a request that is not an object", "createObjective", "make it so", { field: "", message: /wrong kind/ }],
  ];

  it.each(cases)("%s", async (_what, name, request, expected) => {
    const before = snapshot(harness);
    const result = await api(harness, name, request);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors).toEqual(
      expect.arrayContaining([{ field: expected.field, message: expect.stringMatching(expected.message) }]),
    );
    expect(result.message).toMatch(expected.message);
    expect(result.code).toBe(expected.code ?? "invalid-input");
    expect(snapshot(harness)).toBe(before);
  });
});
