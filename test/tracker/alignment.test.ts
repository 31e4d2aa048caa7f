/** Alignment through the built bundle: parents chosen in the sidebar or typed into the sheet. */
import type { Harness } from "../../dev/harness/harness";
import type { Overview } from "../../src/core/contract";
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

const CYCLE = "2026-Q4";

function objective(title: string, more: Record<string, unknown> = {}) {
  return { title, cycle: CYCLE, commitment: "aspirational", keyResults: [], ...more };
}

/** O-1 a company objective; O-2 and O-3 serve it; O-4 in another cycle. */
async function alignedTracker(): Promise<Harness> {
  const harness = newTracker();
  await apiData(harness, "createObjective", objective("Become the default checkout in Europe", { team: "Company" }));
  await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, parent: "O-1" });
  await apiData(harness, "createObjective", objective("Find out what stops merchants switching", { parent: "O-1" }));
  await apiData(harness, "createObjective", objective("Next quarter's objective", { cycle: "2027-Q1" }));
  return harness;
}

function objectivesById(harness: Harness) {
  return new Map(rows(harness, "Objectives").map((r) => [String(r.ID), r]));
}

async function refusal(harness: Harness, name: string, request: unknown) {
  const before = snapshot(harness);
  const result = await api(harness, name, request);
  expect(snapshot(harness)).toBe(before);
  if (result.ok) throw new Error(name + " was accepted");
  return { message: result.message, fields: result.fieldErrors.map((f) => f.field) };
}

describe("a parent objective", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await alignedTracker();
  });

  it("is kept in the Parent column, with the parent's title next to it (a native formula)", () => {
    const byId = objectivesById(harness);
    expect(["O-1", "O-2", "O-3"].map((id) => [byId.get(id)?.Parent, byId.get(id)?.["Parent objective"]])).toEqual([
      ["", ""],
      ["O-1", "Become the default checkout in Europe"],
      ["O-1", "Become the default checkout in Europe"],
    ]);
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    expect(sheet.getRange(1, headers.indexOf("Parent objective") + 1).getFormula()).toMatch(/VLOOKUP/);
  });

  it("follows a renamed parent at once", async () => {
    const own = await alignedTracker();
    await apiData(own, "updateObjective", { id: "O-1", changes: { title: "Be the default checkout in Europe" } });
    expect(objectivesById(own).get("O-3")?.["Parent objective"]).toBe("Be the default checkout in Europe");
  });

  it("reaches the sidebar: each objective's parent and title, and every active objective to choose from", async () => {
    const overview = await apiData<Overview>(harness, "getOverview", { cycle: CYCLE, team: "Payments" });
    expect(overview.objectives.map((o) => [o.id, o.parent, o.parentTitle])).toEqual([
      ["O-2", "O-1", "Become the default checkout in Europe"],
    ]);
    expect(overview.alignable.map((o) => [o.id, o.cycle, o.parent])).toEqual([
      ["O-1", CYCLE, ""],
      ["O-2", CYCLE, "O-1"],
      ["O-3", CYCLE, "O-1"],
      ["O-4", "2027-Q1", ""],
    ]);
  });
});

describe("a parent is refused, next to the field, writing nothing", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await alignedTracker();
  });

  it("when there is no such objective", async () => {
    expect(await refusal(harness, "createObjective", objective("Orphan", { parent: "O-99" }))).toEqual({
      message: "There is no objective O-99 in the Objectives sheet: choose a parent from the list.",
      fields: ["parent"],
    });
  });

  it("when it is not an objective's ID", async () => {
    const refused = await refusal(harness, "createObjective", objective("Orphan", { parent: "KR-1.1" }));
    expect(refused.fields).toEqual(["parent"]);
    expect(refused.message).toMatch(/Choose a parent objective by its ID, such as O-3, or none\./);
  });

  it("when it is in another cycle", async () => {
    expect(await refusal(harness, "createObjective", objective("Late", { parent: "O-4" }))).toEqual({
      message:
        "O-4 is in 2027-Q1, not 2026-Q4: a parent must be in the same cycle (start the next cycle to carry it over).",
      fields: ["parent"],
    });
  });

  it("when it is the objective itself", async () => {
    expect(await refusal(harness, "updateObjective", { id: "O-2", changes: { parent: "O-2" } })).toEqual({
      message: "O-2 can't be its own parent: choose another objective, or none.",
      fields: ["parent"],
    });
  });

  it("when it would make a loop (O-1 under O-2, which serves O-1)", async () => {
    expect(await refusal(harness, "updateObjective", { id: "O-1", changes: { parent: "O-2" } })).toEqual({
      message:
        "O-2 already sits below O-1 (O-2 → O-1), so this would make a loop: choose a parent that isn't below O-1.",
      fields: ["parent"],
    });
  });

  it("when the chain would pass three levels", async () => {
    const own = await alignedTracker();
    await apiData(own, "createObjective", objective("Team level", { parent: "O-2" })); // O-5: O-1 → O-2 → O-5
    const refused = await refusal(own, "createObjective", objective("Too deep", { parent: "O-5" }));
    expect(refused.message).toMatch(/^Alignment goes at most 3 objectives deep .* this chain would be 4\./);
    // Nor by moving the company objective under another one.
    await apiData(own, "createObjective", objective("Group objective"));
    expect((await refusal(own, "updateObjective", { id: "O-1", changes: { parent: "O-6" } })).fields).toEqual([
      "parent",
    ]);
  });

  it("when moving a parent to another cycle would leave its children behind", async () => {
    expect(await refusal(harness, "updateObjective", { id: "O-1", changes: { cycle: "2027-Q1" } })).toEqual({
      message:
        "O-2, O-3 name O-1 as parent and stay in 2026-Q4: a parent must be in the same cycle. Change their parent first, or keep O-1 in its cycle.",
      fields: ["cycle"],
    });
  });

  it("but a parent can be changed and taken away", async () => {
    const own = await alignedTracker();
    await apiData(own, "createObjective", objective("Second company objective")); // O-5
    await apiData(own, "updateObjective", { id: "O-2", changes: { parent: "O-5" } });
    await apiData(own, "updateObjective", { id: "O-3", changes: { parent: "" } });
    const byId = objectivesById(own);
    expect([byId.get("O-2")?.Parent, byId.get("O-3")?.Parent, byId.get("O-3")?.["Parent objective"]]).toEqual([
      "O-5",
      "",
      "",
    ]);
  });
});

describe("a parent typed into the sheet", () => {
  it("is kept, with a warning note on its cell and a toast; fixing it clears the note", async () => {
    const harness = await alignedTracker();
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const cell = sheet.getRange(3, headers.indexOf("Parent") + 1); // O-2
    harness.edit(cell, "O-4");
    expect(cell.getValue()).toBe("O-4");
    expect(cell.getNote()).toBe(
      "Warning: O-4 is in 2027-Q1, not 2026-Q4: a parent must be in the same cycle (start the next cycle to carry it over).",
    );
    expect(harness.ui.toasts.pop()?.message).toMatch(/^O-2: O-4 is in 2027-Q1/);
    const company = sheet.getRange(2, headers.indexOf("Parent") + 1); // O-1
    harness.edit(company, "O-3"); // O-1 under O-3, which serves O-1: a loop
    expect(harness.ui.toasts.pop()?.message).toMatch(/^O-1: O-3 already sits below O-1 \(O-3 → O-1\)/);
    harness.edit(company, "");
    harness.edit(cell, "O-3");
    expect(cell.getNote()).toBe("");
    expect(objectivesById(harness).get("O-2")?.["Parent objective"]).toBe("Find out what stops merchants switching");
  });
});

describe("a parent without key results of its own", () => {
  const RUNNING = "2099-Q1"; // expected progress 0: the status reads the check-ins alone
  const under = (title: string, parent: string, more: Record<string, unknown> = {}) =>
    objective(title, { cycle: RUNNING, parent, ...more });
  const kr = (title: string) => ({ title, type: "increase", start: 0, target: 100 });

  /** O-1 company ← O-2 department (weight 1) ← O-3 (weight 3), O-4; O-5 a team straight under O-1. */
  async function threeLevels(): Promise<Harness> {
    const harness = newTracker();
    await apiData(harness, "createObjective", objective("Company", { cycle: RUNNING }));
    await apiData(harness, "createObjective", under("Department", "O-1"));
    await apiData(harness, "createObjective", under("Team A", "O-2", { weight: 3, keyResults: [kr("A")] }));
    await apiData(harness, "createObjective", under("Team B", "O-2", { keyResults: [kr("B")] }));
    await apiData(harness, "createObjective", under("Team C", "O-1", { keyResults: [kr("C")] }));
    return harness;
  }

  const sheetProgress = (harness: Harness) =>
    ["O-1", "O-2", "O-3", "O-4", "O-5"].map((id) => {
      const row = objectivesById(harness).get(id)!;
      return [id, row.Progress, row.Status, row.Score];
    });

  async function sidebarProgress(harness: Harness) {
    const overview = await apiData<Overview>(harness, "getOverview", { cycle: RUNNING });
    return overview.objectives.map((o) => [o.id, o.progress ?? "", o.status ?? "", o.score ?? ""]);
  }

  it("takes its progress from its children, weighted by their weight, two levels up; sheet and sidebar agree", async () => {
    const harness = await threeLevels();
    expect(sheetProgress(harness)).toEqual([
      ["O-1", 0, "No check-in yet", 0],
      ["O-2", 0, "No check-in yet", 0],
      ["O-3", 0, "No check-in yet", 0],
      ["O-4", 0, "No check-in yet", 0],
      ["O-5", 0, "No check-in yet", 0],
    ]);
    await apiData(harness, "checkIn", { krId: "KR-3.1", value: 50 });
    await apiData(harness, "checkIn", { krId: "KR-4.1", value: 100 });
    await apiData(harness, "checkIn", { krId: "KR-5.1", value: 20 });
    // O-2 = (0.5 × 3 + 1 × 1) / 4 = 0.625; O-1 = (0.625 × 1 + 0.2 × 1) / 2 = 0.4125.
    expect(sheetProgress(harness)).toEqual([
      ["O-1", 0.4125, "On track", 0.4],
      ["O-2", 0.625, "On track", 0.6],
      ["O-3", 0.5, "On track", 0.5],
      ["O-4", 1, "Done", 1],
      ["O-5", 0.2, "On track", 0.2],
    ]);
    expect(await sidebarProgress(harness)).toEqual(sheetProgress(harness));
    const overview = await apiData<Overview>(harness, "getOverview", { cycle: RUNNING });
    expect(overview.objectives.map((o) => o.rolledUp)).toEqual([true, true, false, false, false]);
  });

  it("has a check-in once a key result below it has one, two levels down", async () => {
    const harness = await threeLevels();
    await apiData(harness, "checkIn", { krId: "KR-3.1", value: 10 });
    expect(sheetProgress(harness).map(([id, , status]) => [id, status])).toEqual([
      ["O-1", "On track"],
      ["O-2", "On track"],
      ["O-3", "On track"],
      ["O-4", "No check-in yet"],
      ["O-5", "No check-in yet"],
    ]);
  });

  it("counts a child no more once archived, or once its weight changes; its own key results come first", async () => {
    const harness = await threeLevels();
    await apiData(harness, "checkIn", { krId: "KR-3.1", value: 50 });
    await apiData(harness, "checkIn", { krId: "KR-4.1", value: 100 });
    await apiData(harness, "setArchived", { kind: "objective", id: "O-3", archived: true });
    expect(objectivesById(harness).get("O-2")?.Progress).toBe(1);
    await apiData(harness, "setArchived", { kind: "objective", id: "O-3", archived: false });
    await apiData(harness, "updateObjective", { id: "O-3", changes: { weight: 1 } });
    expect(objectivesById(harness).get("O-2")?.Progress).toBe(0.75);
    await apiData(harness, "addKeyResult", { objectiveId: "O-2", keyResult: kr("Department's own") });
    expect(objectivesById(harness).get("O-2")?.Progress).toBe(0);
    expect(await sidebarProgress(harness)).toEqual(sheetProgress(harness));
  });

  it("freezes its rolled-up score when the cycle closes", async () => {
    const harness = await threeLevels();
    await apiData(harness, "checkIn", { krId: "KR-3.1", value: 50 });
    await apiData(harness, "checkIn", { krId: "KR-4.1", value: 100 });
    await apiData(harness, "closeCycle", { cycle: RUNNING, early: true });
    expect(["O-1", "O-2"].map((id) => objectivesById(harness).get(id)?.["Final score"])).toEqual([0.3, 0.6]);
  });
});

describe("Repair on a tracker made before alignment", () => {
  it("adds the alignment columns at the end and keeps every value", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", SAMPLE_OBJECTIVE);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000 });
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    const headers = () => sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] as string[];
    const first = headers().indexOf("Parent") + 1;
    sheet.deleteColumns(first, headers().length - first + 1);
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts.pop()?.prompt).toMatch(
      /Added missing columns: Objectives › Parent, Objectives › Parent objective, .*Objectives › Weight, Objectives › Own progress/,
    );
    expect(headers().slice(first - 1)).toEqual(
      expect.arrayContaining(["Parent", "Parent objective", "Weight", "Own progress"]),
    );
    const o1 = objectivesById(harness).get("O-1")!;
    expect([o1.Objective, o1.Team, o1.Parent, o1.Progress]).toEqual([SAMPLE_OBJECTIVE.title, "Payments", "", 1 / 6]);
  });
});

describe("starting the next cycle", () => {
  const next = { from: CYCLE, cycle: "2027-Q1", start: "2027-01-01", end: "2027-03-31" };

  it("keeps a parent carried with its children (now or before) as its new row, and the child's weight", async () => {
    const harness = await alignedTracker(); // O-4 is in 2027-Q1 already
    await apiData(harness, "updateObjective", { id: "O-2", changes: { weight: 2 } });
    await apiData(harness, "startNextCycle", { ...next, carry: [{ objectiveId: "O-2" }, { objectiveId: "O-1" }] });
    await apiData(harness, "startNextCycle", { ...next, carry: [{ objectiveId: "O-3" }] });
    const byId = objectivesById(harness);
    expect(
      ["O-5", "O-6", "O-7"].map((id) => [
        id,
        byId.get(id)?.["Carried from"],
        byId.get(id)?.Parent,
        byId.get(id)?.Weight,
      ]),
    ).toEqual([
      ["O-5", "O-2", "O-6", 2],
      ["O-6", "O-1", "", ""],
      ["O-7", "O-3", "O-6", ""],
    ]);
  });

  it("drops a parent left behind in the previous cycle", async () => {
    const harness = await alignedTracker();
    await apiData(harness, "startNextCycle", { ...next, carry: [{ objectiveId: "O-3" }] });
    expect(objectivesById(harness).get("O-5")?.Parent).toBe("");
  });
});
