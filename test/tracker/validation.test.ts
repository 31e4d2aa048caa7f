/**
 * Validation at the edge (issue 10 item 2), through the built bundle: cycle years, a type change
 * that the kept current value no longer fits, refusals that quote at most ~80 characters, and
 * archived objectives and key results that take no changes until restored. Every refusal leaves the
 * workbook exactly as it was.
 */
import type { Harness } from "../../dev/harness/harness";
import type { ErrorCode } from "../../src/core/contract";
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

/** O-1 as in SAMPLE_OBJECTIVE (KR-1.1 decrease 3000 → 1000, KR-1.2 percentage, KR-1.3 milestone). */
async function sampleTracker(): Promise<Harness> {
  const harness = newTracker();
  await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
  return harness;
}

async function refused(harness: Harness, name: string, request: unknown, code: ErrorCode) {
  const before = snapshot(harness);
  const result = await api(harness, name, request);
  expect(snapshot(harness)).toBe(before);
  if (result.ok) throw new Error(name + " was expected to be refused, but answered " + JSON.stringify(result.data));
  expect(result.code).toBe(code);
  return result;
}

const objective = (cycle: string) => ({ title: "Grow", cycle });

describe("cycle years", () => {
  it.each(["0050-Q2", "0999-Q1", "1999-Q4", "2101-Q1", "9999-Q4"])(
    "%s is refused, saying which years",
    async (cycle) => {
      const harness = newTracker();
      const result = await refused(harness, "createObjective", objective(cycle), "invalid-input");
      expect(result.fieldErrors).toEqual([
        { field: "cycle", message: "Choose a cycle from 2000-Q1 to 2100-Q4, such as 2026-Q4." },
      ]);
    },
  );

  it("the edges 2000-Q1 and 2100-Q4 are cycles with their calendar quarters", async () => {
    const harness = newTracker({ timeZone: "Europe/Oslo" });
    await apiData(harness, "createObjective", objective("2000-Q1"));
    await apiData(harness, "createObjective", objective("2100-Q4"));
    const cycles = harness.spreadsheet.getSheetByName("Cycles")!.getDataRange().getDisplayValues();
    expect(cycles.slice(-2).map((r) => r.slice(0, 3))).toEqual([
      ["2000-Q1", "2000-01-01", "2000-03-31"],
      ["2100-Q4", "2100-10-01", "2100-12-31"],
    ]);
  });

  it("an edit to a cycle out of range is refused the same way", async () => {
    const harness = await sampleTracker();
    const result = await refused(
      harness,
      "updateObjective",
      { id: "O-1", changes: { cycle: "0050-Q2" } },
      "invalid-input",
    );
    expect(result.fieldErrors[0].field).toBe("changes.cycle");
  });
});

describe("a type change re-checks the current value it keeps", () => {
  const increase = { title: "Weekly active teams", type: "increase", start: 100, target: 200 };

  async function at120(): Promise<Harness> {
    const harness = newTracker();
    await apiData(harness, "createObjective", { ...objective("2026-Q4"), keyResults: [increase] });
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 120 });
    return harness;
  }

  it("an increase at 120 edited to a milestone is refused, saying how to go on", async () => {
    const harness = await at120();
    const edit = { id: "KR-1.1", keyResult: { ...increase, type: "milestone", start: 0, target: 1 } };
    const result = await refused(harness, "updateKeyResult", edit, "invalid-input");
    expect(result.message).toBe(
      "KR-1.1's current value 120 doesn't fit a milestone. Check in 1 (done) or 0 (not done) first, then change the type; or keep its type (increase).",
    );
    expect(result.fieldErrors[0].field).toBe("keyResult.type");
    // The way on works: check in a value that fits, then change the type.
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 0 });
    await apiData(harness, "updateKeyResult", edit);
    expect(rows(harness, "Key Results")[0]).toMatchObject({ Type: "milestone", Current: 0, Progress: 0 });
  });

  it("to a percentage: 120 is refused (it would read 12,000%)", async () => {
    const harness = await at120();
    const edit = { id: "KR-1.1", keyResult: { ...increase, type: "percentage", start: 0, target: 0.5 } };
    const result = await refused(harness, "updateKeyResult", edit, "invalid-input");
    expect(result.message).toMatch(
      /^KR-1\.1's current value 120 doesn't fit a percentage\. Check in a value from 0% to 100%/,
    );
  });

  it("a type chosen in the sheet that the values don't fit: a toast says what to change", async () => {
    const harness = await sampleTracker();
    harness.edit("'Key Results'!D2", "milestone"); // KR-1.1: a decrease from 3000 to 1000
    expect(harness.ui.toasts.map((t) => t.message)).toEqual([
      "KR-1.1 is now a milestone, which takes 1 (done) or 0 (not done): change its Start (3000), Target (1000), Current (3000), or choose its type again.",
    ]);
    harness.edit("'Key Results'!D2", "increase");
    expect(harness.ui.toasts).toHaveLength(1);
  });

  it("a current value given with the edit is checked by the new type's rules", async () => {
    const harness = await at120();
    const edit = { id: "KR-1.1", keyResult: { ...increase, type: "milestone", start: 0, target: 1, current: 5 } };
    const result = await refused(harness, "updateKeyResult", edit, "invalid-input");
    expect(result.fieldErrors).toEqual([
      { field: "keyResult.current", message: "A milestone's current value is 1 (done) or 0 (not done)." },
    ]);
  });

  it("a type the value still fits is accepted and the value kept", async () => {
    const harness = await at120();
    await apiData(harness, "updateKeyResult", { id: "KR-1.1", keyResult: { ...increase, target: 300 } });
    expect(rows(harness, "Key Results")[0]).toMatchObject({ Current: 120, Target: 300 });
  });
});

describe("refusals quote at most about 80 characters", () => {
  const long = "9".repeat(50) + "x".repeat(100_000);
  const cases: [string, string, (h: Harness) => unknown][] = [
    ["a check-in's value", "checkIn", () => ({ krId: "KR-1.1", value: long })],
    [
      "a key result's target",
      "addKeyResult",
      () => ({ objectiveId: "O-1", keyResult: { title: "T", type: "increase", target: long } }),
    ],
    ["a title", "createObjective", () => objective("2026-Q4") && { title: long, cycle: "2026-Q4" }],
    ["a key result's ID", "checkIn", () => ({ krId: "KR-1." + "1".repeat(100_000), value: 1 })],
    ["a sheet to go to", "goToRow", () => ({ sheet: long, row: 2 })],
  ];
  it.each(cases)("%s", async (_what, name, request) => {
    const harness = await sampleTracker();
    const before = snapshot(harness);
    const result = await api(harness, name, request(harness));
    expect(snapshot(harness)).toBe(before);
    if (result.ok) throw new Error("accepted");
    expect(result.message.length).toBeLessThan(250);
    for (const e of result.fieldErrors) expect(e.message.length).toBeLessThan(250);
  });
});

describe("archived objectives and key results take no changes until restored", () => {
  const restoreObjective =
    "Restore O-1 first: tick Show archived in the sidebar and choose Restore next to it, or set its State to Active in the Objectives sheet.";

  async function archivedO1(): Promise<Harness> {
    const harness = await sampleTracker();
    await apiData(harness, "setArchived", { kind: "objective", id: "O-1", archived: true });
    return harness;
  }

  it.each([
    [
      "a check-in",
      "checkIn",
      { krId: "KR-1.1", value: 2000 },
      "KR-1.1 belongs to O-1, which is archived, so it takes no check-ins. ",
    ],
    [
      "a new key result",
      "addKeyResult",
      { objectiveId: "O-1", keyResult: { title: "More", type: "increase", target: 5 } },
      "O-1 is archived, so it takes no new key results. ",
    ],
    [
      "an edit of the objective",
      "updateObjective",
      { id: "O-1", changes: { title: "Renamed" } },
      "O-1 is archived, so it can't be edited. ",
    ],
    [
      "an edit of its key result",
      "updateKeyResult",
      { id: "KR-1.1", keyResult: { title: "Renamed", type: "decrease", start: 3000, target: 900 } },
      "KR-1.1 belongs to O-1, which is archived, so it can't be edited. ",
    ],
  ])("of an archived objective: %s is refused with how to restore", async (_what, name, request, says) => {
    const harness = await archivedO1();
    const result = await refused(harness, name, request, "archived-objective");
    expect(result.message).toBe(says + restoreObjective);
  });

  it("an archived key result refuses check-ins and edits; restored, it takes them again", async () => {
    const harness = await sampleTracker();
    await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-1.1", archived: true });
    const checkIn = await refused(harness, "checkIn", { krId: "KR-1.1", value: 2000 }, "archived");
    expect(checkIn.message).toBe(
      "KR-1.1 is archived, so it takes no check-ins. Restore KR-1.1 first: tick Show archived in the sidebar and choose Restore next to it, or set its State to Active in the Key Results sheet.",
    );
    const edit = { id: "KR-1.1", keyResult: { title: "Renamed", type: "decrease", start: 3000, target: 900 } };
    await refused(harness, "updateKeyResult", edit, "archived");
    await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-1.1", archived: false });
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    await apiData(harness, "updateKeyResult", edit);
    expect(rows(harness, "Key Results")[0]).toMatchObject({ "Key result": "Renamed", Current: 2000 });
  });

  it("a value typed into an archived row is recorded in History with a warning note and a toast", async () => {
    const harness = await archivedO1();
    harness.edit("'Key Results'!G2", "2500");
    const history = rows(harness, "History");
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ "KR ID": "KR-1.1", "New value": 2500, Source: "typed in sheet" });
    expect(history[0].Note).toBe(
      "Warning: typed while O-1 is archived. The value is recorded but counts for nothing until restored. " +
        restoreObjective,
    );
    expect(harness.ui.toasts.map((t) => t.message)).toEqual([history[0].Note]);
    // The record is sealed like any other: the next check-in (once restored) reports no hand edit.
    await apiData(harness, "setArchived", { kind: "objective", id: "O-1", archived: false });
    const next = await apiData<{ warnings: string[] }>(harness, "checkIn", { krId: "KR-1.1", value: 2400 });
    expect(next.warnings).toEqual([]);
  });

  it("a typed value that doesn't fit the type is recorded with a warning", async () => {
    const harness = await sampleTracker();
    harness.edit("'Key Results'!G4", "5"); // KR-1.3 is a milestone
    expect(rows(harness, "History")[0].Note).toBe(
      "Warning: KR-1.3 is a milestone, which takes 1 (done) or 0 (not done); recorded as typed.",
    );
  });
});
