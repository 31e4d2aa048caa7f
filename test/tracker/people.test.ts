/** People through the built bundle: suggested names and teams, new ones added, owners by default. */
import type { Harness } from "../../dev/harness/harness";
import type { Overview } from "../../src/core/contract";
import { apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

function withPeople(): Harness {
  const harness = newTracker();
  harness.spreadsheet
    .getSheetByName("People")!
    .getRange("A2:B5")
    .setValues([
      ["Maya Chen", "Platform"],
      ["Ben Carter", "Payments"],
      ["ben carter", "Payments"],
      ["Aisha Khan", ""],
    ]);
  return harness;
}

describe("People", () => {
  it("are in the overview for the sidebar to suggest: each name and team once, sorted", async () => {
    const overview = await apiData<Overview>(withPeople(), "getOverview", {});
    expect(overview.people).toEqual({
      names: ["Aisha Khan", "Ben Carter", "Maya Chen"],
      teams: ["Payments", "Platform"],
    });
  });

  it("take new names and teams, each once, as text; known ones (whatever their case) are skipped", async () => {
    const harness = withPeople();
    const said = await apiData<string>(harness, "addPeople", {
      people: [
        { name: "Ada Lovelace", team: "Company" },
        { name: "MAYA CHEN", team: "Platform" },
        { team: "Growth" },
        { name: "=HYPERLINK(1)", team: "Company" },
        { name: "Ada Lovelace" },
      ],
    });
    expect(said).toBe("Added to the People sheet: Ada Lovelace (Company), team Growth, =HYPERLINK(1) (Company).");
    expect(rows(harness, "People").map((r) => [r.Name, r.Team])).toEqual([
      ["Maya Chen", "Platform"],
      ["Ben Carter", "Payments"],
      ["ben carter", "Payments"],
      ["Aisha Khan", ""],
      ["Ada Lovelace", "Company"],
      ["", "Growth"],
      ["=HYPERLINK(1)", "Company"],
    ]);
  });

  it("write nothing when everyone is there already", async () => {
    const harness = withPeople();
    const before = snapshot(harness);
    expect(await apiData(harness, "addPeople", { people: [{ name: "ben CARTER", team: "payments" }] })).toBe("");
    expect(snapshot(harness)).toBe(before);
  });
});

describe("a new key result's owner", () => {
  it("is its objective's owner unless given, when created with the objective and added later", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", {
      ...SAMPLE_OBJECTIVE,
      keyResults: [SAMPLE_OBJECTIVE.keyResults[0], { ...SAMPLE_OBJECTIVE.keyResults[1], owner: "Bo" }],
    });
    await apiData(harness, "addKeyResult", { objectiveId: "O-1", keyResult: SAMPLE_OBJECTIVE.keyResults[2] });
    expect(rows(harness, "Key Results").map((r) => [r.ID, r.Owner])).toEqual([
      ["KR-1.1", "Ann"],
      ["KR-1.2", "Bo"],
      ["KR-1.3", "Ann"],
    ]);
  });
});
