/** The roadmap checker in the spreadsheet: the menu action, the sidebar's findings, and =OKR_ROADMAP_CHECK. */
import { apiData, newTracker, rows } from "../support/tracker";

const ROADMAP = [
  ["R-1", "Redis 7 migration", "Platform", "", "Planned"],
  ["R-2", "New payment flow", "Payments", "", "In progress"],
  ["R-3", "Frontend Observability", "Observability", "Phase 1", "Planned"],
];

async function trackerWithRoadmap() {
  const harness = newTracker();
  harness.spreadsheet.getRange("Roadmap!A2:E4").setValues(ROADMAP);
  await apiData(harness, "createObjective", {
    title: "Deliver Frontend Observability",
    cycle: "2026-Q4",
    team: "Observability",
    keyResults: [
      { title: "All features in Phase 1 are delivered", type: "milestone", target: 1, owner: "Ann" },
      { title: "Move the session cache onto Redis 7", type: "milestone", target: 1, owner: "Bo" },
      {
        title: "Checkout page of the new payment flow loads in 1 s instead of 3 s",
        type: "decrease",
        start: 3,
        target: 1,
        unit: "s",
        owner: "Cy",
      },
      { title: "1000 users/day interact with the new screen", type: "increase", start: 0, target: 1000 },
    ],
  });
  return harness;
}

describe("Check OKRs against roadmap (menu)", () => {
  let harness: Awaited<ReturnType<typeof trackerWithRoadmap>>;
  beforeAll(async () => {
    harness = await trackerWithRoadmap();
    harness.clickMenu("Check OKRs against roadmap");
  });

  it("writes each verdict and the matched roadmap item next to the OKR", () => {
    expect(rows(harness, "Key Results").map((kr) => kr["Roadmap check"])).toEqual([
      "duplicate: R-3 Frontend Observability (Phase 1)",
      "duplicate: R-1 Redis 7 migration",
      "related: R-2 New payment flow",
      expect.stringMatching(/^ok/),
    ]);
    expect(rows(harness, "Objectives")[0]["Roadmap check"]).toBe("duplicate: R-3 Frontend Observability (Phase 1)");
  });

  it("puts the reason, a rewrite and quality findings in the cell's note", () => {
    const sheet = harness.spreadsheet.getSheetByName("Key Results")!;
    const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Roadmap check") + 1;
    const notes = sheet
      .getRange(2, column, 4, 1)
      .getNotes()
      .map((r) => r[0]);
    expect(notes[1]).toMatch(/R-1/);
    expect(notes[1]).toMatch(/Try instead: /);
    expect(notes[3]).toMatch(/Quality \(no-owner\)/);
  });

  it("sums it up, saying when the quarter reads as 'ship the roadmap'", () => {
    const summary = harness.ui.alerts[harness.ui.alerts.length - 1].prompt;
    expect(summary).toMatch(
      /^Checked 5 OKRs against 3 roadmap items: 3 restate the roadmap, 1 measure an outcome of a roadmap item, 1 are independent of it\./,
    );
    expect(summary).toMatch(/ship the roadmap/i);
  });
});

describe("the sidebar's findings", () => {
  it("lists every OKR with its verdict, reason and the row to jump to, and selects that row", async () => {
    const harness = await trackerWithRoadmap();
    const check = await apiData<{
      findings: { id: string; sheet: string; row: number; roadmap: { verdict: string; reason: string } }[];
    }>(harness, "checkOkrs", {});
    const redis = check.findings.find((f) => f.id === "KR-1.2")!;
    expect(redis).toMatchObject({ sheet: "Key Results", row: 3, roadmap: { verdict: "duplicate" } });
    expect(redis.roadmap.reason).toMatch(/Redis 7 migration/);
    harness.spreadsheet.getSheetByName("Objectives")!.activate();
    await apiData(harness, "goToRow", { sheet: redis.sheet, row: redis.row });
    expect(harness.spreadsheet.getActiveSheet().getName()).toBe("Key Results");
  });
});

describe("=OKR_ROADMAP_CHECK", () => {
  it("returns the verdict and matched item for each text, computed in a cell", async () => {
    const harness = await trackerWithRoadmap();
    const sheet = harness.spreadsheet.insertSheet("Draft");
    sheet.getRange("A1:A3").setValues([["Migrate sessions to Redis 7"], ["Reduce churn from 5% to 3%"], [""]]);
    sheet.getRange("B1").setFormula("=OKR_ROADMAP_CHECK(A1:A3, Roadmap!A2:B4)");
    expect(sheet.getRange("B1:C3").getValues()).toEqual([
      ["duplicate", "R-1 Redis 7 migration"],
      ["ok", ""],
      ["", ""],
    ]);
  });

  it("explains an empty roadmap range", async () => {
    const harness = await trackerWithRoadmap();
    const sheet = harness.spreadsheet.insertSheet("Draft");
    sheet.getRange("B1").setFormula('=OKR_ROADMAP_CHECK("Ship it", Roadmap!A50:B51)');
    expect(sheet.getRange("B1").getValue()).toBe("#ERROR!");
    expect(harness.workbook.errorMessage(sheet.model, 1, 2)).toBe(
      "OKR_ROADMAP_CHECK: roadmap_range is empty. Give the Roadmap sheet's ID and Item columns, e.g. Roadmap!A2:B.",
    );
  });
});
