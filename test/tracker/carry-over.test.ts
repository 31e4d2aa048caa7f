/** Start the next cycle: the chosen objectives and key results carried over with new IDs, from their last value. */
import { api, apiData, newTracker, rows, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

const FROM = "2026-Q3";
const NEXT = { cycle: "2027-Q2", start: "2027-04-01", end: "2027-06-30" };

interface Carried {
  cycle: string;
  createdCycle: boolean;
  objectives: { id: string; from: string; keyResults: { id: string; from: string; start: number }[] }[];
  warnings: string[];
  check: { summary: string } | null;
  summary: string;
}

const objective = (n: number, commitment = "aspirational") => ({
  title: "Objective number " + n + " changes how teams plan",
  cycle: FROM,
  team: "Team " + n,
  owner: "Owner " + n,
  commitment,
  keyResults: [
    {
      title: "Teams planning with it, objective " + n,
      type: "increase",
      start: 10,
      target: 50,
      unit: "teams",
      weight: 2,
    },
    { title: "Planning time in hours, objective " + n, type: "decrease", start: 40, target: 10, owner: "Bo" },
  ],
});

function byId(harness: ReturnType<typeof newTracker>, sheet: string) {
  return new Map(rows(harness, sheet).map((r) => [String(r.ID), r]));
}

describe("carrying 3 of 5 objectives into the next cycle", () => {
  const harness = newTracker();
  let carried: Carried;
  let oldRows: string;
  const old = () =>
    JSON.stringify(
      ["Objectives", "Key Results"].map((s) => rows(harness, s).filter((r) => !String(r["Carried from"]))),
    );

  beforeAll(async () => {
    await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: FROM }); // O-1: 3 KRs, committed
    for (const n of [2, 3, 4, 5]) await apiData(harness, "createObjective", objective(n));
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1800 });
    await apiData(harness, "checkIn", { krId: "KR-1.2", value: "8.5%" });
    await apiData(harness, "checkIn", { krId: "KR-3.1", value: 30 });
    await apiData(harness, "checkIn", { krId: "KR-5.2", value: 10 }); // reached its target
    await apiData(harness, "closeCycle", { cycle: FROM });
    oldRows = old();
    carried = await apiData<Carried>(harness, "startNextCycle", {
      from: FROM,
      ...NEXT,
      carry: [
        { objectiveId: "O-1", keyResultIds: ["KR-1.1", "KR-1.2"] },
        { objectiveId: "O-3", keyResultIds: ["KR-3.1", "KR-3.2"] },
        { objectiveId: "O-5", keyResultIds: ["KR-5.2"] },
      ],
    });
  });

  it("adds the new cycle to the Cycles sheet with its dates", () => {
    const cycle = rows(harness, "Cycles").find((r) => r.Cycle === NEXT.cycle);
    expect(carried.createdCycle).toBe(true);
    expect([cycle?.Start, cycle?.End].map((d) => (d as Date).toISOString().slice(0, 10))).toEqual([
      NEXT.start,
      NEXT.end,
    ]);
  });

  it("creates the three objectives with new IDs, what they were, and the link back", () => {
    const objectives = byId(harness, "Objectives");
    expect(rows(harness, "Objectives")).toHaveLength(8);
    expect(
      ["O-6", "O-7", "O-8"].map((id) => {
        const o = objectives.get(id)!;
        return [o["Carried from"], o.Cycle, o.Team, o.Owner, o.Commitment, o.State, o["Final score"]];
      }),
    ).toEqual([
      ["O-1", NEXT.cycle, "Payments", "Ann", "committed", "Active", ""],
      ["O-3", NEXT.cycle, "Team 3", "Owner 3", "aspirational", "Active", ""],
      ["O-5", NEXT.cycle, "Team 5", "Owner 5", "aspirational", "Active", ""],
    ]);
    expect(objectives.get("O-7")?.Objective).toBe(objectives.get("O-3")?.Objective);
    expect(carried.objectives.map((o) => o.from + "→" + o.id)).toEqual(["O-1→O-6", "O-3→O-7", "O-5→O-8"]);
  });

  it("creates only the chosen key results, starting from their last value, the rest of their definition kept", () => {
    const krs = byId(harness, "Key Results");
    const carriedKrs = rows(harness, "Key Results").filter((r) => r["Carried from"]);
    expect(carriedKrs.map((r) => [r.ID, r["Carried from"], r["Objective ID"]])).toEqual([
      ["KR-6.1", "KR-1.1", "O-6"],
      ["KR-6.2", "KR-1.2", "O-6"],
      ["KR-7.1", "KR-3.1", "O-7"],
      ["KR-7.2", "KR-3.2", "O-7"],
      ["KR-8.1", "KR-5.2", "O-8"],
    ]);
    const pick = (id: string) => {
      const r = krs.get(id)!;
      return [r.Type, r.Start, r.Target, r.Current, r.Unit, r.Weight, r.Owner, r["Last check-in"]];
    };
    expect(["KR-6.1", "KR-6.2", "KR-7.1", "KR-7.2"].map(pick)).toEqual([
      ["decrease", 1800, 1000, 1800, "ms", 1, "Ann", ""], // the objective's owner, as created without one
      ["percentage", 0.085, 0.1, 0.085, "", 1, "Ann", ""],
      ["increase", 30, 50, 30, "teams", 2, "Owner 3", ""],
      ["decrease", 40, 10, 40, "", 1, "Bo", ""], // no check-in: its start is its last value
    ]);
    expect(krs.get("KR-6.1")?.["Key result"]).toBe("p95 checkout latency");
    expect(carried.objectives[0].keyResults).toEqual([
      { id: "KR-6.1", from: "KR-1.1", start: 1800 },
      { id: "KR-6.2", from: "KR-1.2", start: 0.085 },
    ]);
  });

  it("records each carried key result's start in History, so its trail goes on from the old ID", () => {
    const carriedRecords = rows(harness, "History").filter((r) => r.Source === "carried over");
    expect(carriedRecords.map((r) => [r["KR ID"], r["New value"]])).toEqual([
      ["KR-6.1", 1800],
      ["KR-6.2", 0.085],
      ["KR-7.1", 30],
      ["KR-7.2", 40],
      ["KR-8.1", 10],
    ]);
    expect(carriedRecords[0].Note).toBe("Carried over from KR-1.1 (2026-Q3) into 2027-Q2: starts from its last value.");
  });

  it("leaves the old cycle's rows as they were, and warns about a key result that starts at its target", () => {
    expect(old()).toBe(oldRows);
    expect(carried.warnings).toEqual(["KR-8.1 starts at its target (KR-5.2 reached it): give it a new target."]);
  });

  it("runs the roadmap check on the new cycle's objectives and key results only", () => {
    expect(carried.check?.summary).toMatch(/^Checked 8 OKRs/);
    expect(carried.summary).toMatch(/^Added 2027-Q2 to the Cycles sheet and carried over O-1 → O-6 \(2 KRs\)/);
  });

  it("refuses to carry the same objective into the same cycle twice, and writes nothing", async () => {
    const before = snapshot(harness);
    const again = await api(harness, "startNextCycle", { from: FROM, ...NEXT, carry: [{ objectiveId: "O-3" }] });
    expect(again).toMatchObject({ ok: false, fieldErrors: [{ field: "carry.0.objectiveId" }] });
    if (!again.ok) expect(again.message).toBe("O-3 was carried into 2027-Q2 already, as O-7.");
    expect(snapshot(harness)).toBe(before);
  });
});

describe("starting the next cycle with bad input", () => {
  const harness = newTracker();
  beforeAll(() => apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: FROM }));

  it.each([
    [
      { from: FROM, ...NEXT, carry: [{ objectiveId: "O-9" }] },
      "carry.0.objectiveId",
      "There is no objective O-9 in 2026-Q3.",
    ],
    [
      { from: FROM, ...NEXT, carry: [{ objectiveId: "O-1", keyResultIds: ["KR-2.1"] }] },
      "carry.0.keyResultIds.0",
      "KR-2.1 is not a key result of O-1.",
    ],
    [{ from: "2031-Q1", ...NEXT }, "from", "There is no cycle 2031-Q1 in the Cycles sheet."],
    [{ from: FROM, ...NEXT, cycle: FROM }, "cycle", "Choose a cycle other than 2026-Q3 to carry work into."],
    [{ from: FROM, ...NEXT, end: "2027-03-01" }, "end", "The new cycle's last day is before its first day."],
    [{ from: FROM, ...NEXT, start: "April" }, "start", "Give the new cycle's first day as a date like 2027-01-01."],
  ])("refuses %j with a clear message and writes nothing", async (request, field, message) => {
    const before = snapshot(harness);
    const result = await api(harness, "startNextCycle", request);
    expect(result).toMatchObject({ ok: false, fieldErrors: [{ field }] });
    if (!result.ok) expect(result.fieldErrors?.[0].message ?? result.message).toBe(message);
    expect(snapshot(harness)).toBe(before);
  });

  it("refuses to carry into a closed cycle, saying how to reopen", async () => {
    const harness = newTracker(); // a tracker of its own: this test writes
    await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: FROM });
    await apiData(harness, "closeCycle", { cycle: "2026-Q4", early: true });
    const before = snapshot(harness);
    const result = await api(harness, "startNextCycle", {
      from: FROM,
      cycle: "2026-Q4",
      start: "2026-10-01",
      end: "2026-12-31",
      carry: [{ objectiveId: "O-1" }],
    });
    expect(result).toMatchObject({ ok: false, code: "closed-cycle" });
    if (!result.ok) expect(result.message).toMatch(/^2026-Q4 is closed: nothing can be carried into it\. .*Reopen/);
    expect(snapshot(harness)).toBe(before);
  });
});
