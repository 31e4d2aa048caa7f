/** Needs an update through the built bundle, on the harness's simulated clock. */
import type { Harness } from "../../dev/harness/harness";
import { Interleaving } from "../../dev/harness/interleave";
import type { Overview } from "../../src/core/contract";
import { bigTracker } from "../support/big-tracker";
import { apiData, newTracker } from "../support/tracker";

const CYCLE = "2031-Q2"; // 2031-04-01 to 2031-06-30
const at = (day: string) => new Date(day + "T12:00:00Z");

/** Runs one sidebar call as if made at noon (UTC) on `day`. */
function runOn<T>(harness: Harness, day: string, name: string, request: unknown): T {
  const clock = new Interleaving({ start: at(day) });
  try {
    const exec = clock.sidebar(harness, name, request);
    clock.runAll();
    if (exec.error) throw exec.error;
    const answer = exec.result as { ok: boolean; data: T; message?: string };
    if (!answer.ok) throw new Error(name + " failed: " + answer.message);
    return answer.data;
  } finally {
    clock.dispose();
  }
}

const increase = (title: string, owner?: string) => ({ title, type: "increase", start: 0, target: 100, owner });

/**
 * Ann's O-1 (KR-1.1 Ann, KR-1.2 Ann, KR-1.3 Bo, KR-1.4 without owner), Cy's O-2 (KR-2.1 archived),
 * an archived O-3, and O-4 in a cycle that has ended. Check-ins on fixed days.
 */
async function tracker(): Promise<Harness> {
  const harness = newTracker();
  const create = (request: Record<string, unknown>) =>
    apiData(harness, "createObjective", { cycle: CYCLE, commitment: "aspirational", ...request });
  await create({
    title: "Merchants switch to us in a day",
    owner: "Ann",
    keyResults: [increase("Signed merchants"), increase("Switches done in a day"), increase("Guides", "Bo")],
  });
  await apiData(harness, "addKeyResult", { objectiveId: "O-1", keyResult: increase("Unowned") });
  await apiData(harness, "updateKeyResult", { id: "KR-1.4", keyResult: increase("Unowned", "") });
  await create({ title: "Support answers in an hour", owner: "Cy", keyResults: [increase("Answered in an hour")] });
  await apiData(harness, "setArchived", { kind: "keyResult", id: "KR-2.1", archived: true });
  await create({ title: "Archived objective", owner: "Ann", keyResults: [increase("Archived one")] });
  await apiData(harness, "setArchived", { kind: "objective", id: "O-3", archived: true });
  await create({ title: "Last quarter", cycle: "2031-Q1", owner: "Ann", keyResults: [increase("Old one")] });
  runOn(harness, "2031-04-03", "checkIn", { krId: "KR-1.1", value: 10 });
  runOn(harness, "2031-04-20", "checkIn", { krId: "KR-1.2", value: 20 });
  runOn(harness, "2031-05-01", "checkIn", { krId: "KR-1.3", value: 30 });
  return harness;
}

function dueOn(harness: Harness, day: string, filter: Record<string, string> = {}) {
  const overview = runOn<Overview>(harness, day, "getOverview", filter);
  const { groups, total } = overview.needsUpdate;
  expect(total).toBe(groups.reduce((sum, g) => sum + g.keyResults.length, 0));
  return groups.map((g) => [g.owner, g.keyResults.map((d) => d.keyResult.id + " " + d.days)]);
}

describe("Needs an update", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await tracker();
  });

  it("is right on a fixed date: older than 14 days, by owner, most overdue first", () => {
    // 2031-05-06: KR-1.1 checked in 33 days ago, KR-1.2 16, KR-1.3 5, KR-1.4 never (35 days into the cycle).
    expect(dueOn(harness, "2031-05-06")).toEqual([["Ann", ["KR-1.4 35", "KR-1.1 33", "KR-1.2 16"]]]);
  });

  it("takes the key result's owner, else its objective's", () => {
    // KR-1.4 has no owner of its own: it is Ann's, as her objective's.
    expect(dueOn(harness, "2031-05-16")).toEqual([
      ["Ann", ["KR-1.4 45", "KR-1.1 43", "KR-1.2 26"]],
      ["Bo", ["KR-1.3 15"]],
    ]);
  });

  it("counts exactly 14 days as on time", () => {
    // KR-1.2 was checked in 14 days before.
    expect(dueOn(harness, "2031-05-04")).toEqual([["Ann", ["KR-1.4 33", "KR-1.1 31"]]]);
  });

  it("is empty early in the cycle, after it has ended, and for another owner", () => {
    expect(dueOn(harness, "2031-04-10")).toEqual([]);
    expect(dueOn(harness, "2031-07-01")).toEqual([]);
    expect(dueOn(harness, "2031-05-16", { owner: "Bo" })).toEqual([["Bo", ["KR-1.3 15"]]]);
  });

  it("follows the cycle's own cadence from the Check-in every column", async () => {
    const own = await tracker();
    const cycles = own.spreadsheet.getSheetByName("Cycles")!;
    const values = cycles.getDataRange().getValues();
    const row = values.findIndex((r) => r[0] === CYCLE) + 1;
    cycles.getRange(row, values[0].indexOf("Check-in every") + 1).setValue(30);
    expect(dueOn(own, "2031-05-06")).toEqual([["Ann", ["KR-1.4 35", "KR-1.1 33"]]]);
  });

  it("leaves a checked-in key result off the list", async () => {
    const own = await tracker();
    runOn(own, "2031-05-16", "checkIn", { krId: "KR-1.1", value: 40 });
    expect(dueOn(own, "2031-05-16")).toEqual([
      ["Ann", ["KR-1.4 45", "KR-1.2 26"]],
      ["Bo", ["KR-1.3 15"]],
    ]);
  });
});

describe("a long Needs an update list", () => {
  it("holds the 30 most overdue and says how many are due in all", () => {
    const harness = bigTracker(100); // 100 key results of this quarter, none checked in
    const end = harness.spreadsheet.getRange("Cycles!C2").getValue() as Date;
    const day =
      end.getFullYear() +
      "-" +
      String(end.getMonth() + 1).padStart(2, "0") +
      "-" +
      String(end.getDate()).padStart(2, "0");
    const overview = runOn<Overview>(harness, day, "getOverview", {});
    expect(overview.needsUpdate.total).toBe(100);
    expect(overview.needsUpdate.groups.flatMap((g) => g.keyResults)).toHaveLength(30);
    const mine = runOn<Overview>(harness, day, "getOverview", { owner: "Owner 3" });
    expect(mine.needsUpdate.groups.map((g) => [g.owner, g.keyResults.length])).toEqual([["Owner 3", 10]]);
  });
});
