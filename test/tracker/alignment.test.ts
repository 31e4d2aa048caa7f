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
