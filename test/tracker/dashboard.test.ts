/**
 * The Dashboard sheet through the built bundle: its charts and their data ranges after Set up, its
 * tables following check-ins (formulas only, no script run), Repair and 'Rebuild dashboard' putting it
 * back, and nothing a person entered touched. A past cycle (2025-Q1) makes every date fixed.
 */
import type { Harness } from "../../dev/harness/harness";
import type { EmbeddedChart } from "../../dev/emulator/charts";
import { apiData, newTracker, SAMPLE_OBJECTIVE, snapshot } from "../support/tracker";

const CYCLE = "2025-Q1";
const dashboard = (harness: Harness) => harness.spreadsheet.getSheetByName("Dashboard")!;

function describeCharts(harness: Harness) {
  return (dashboard(harness).getCharts() as unknown as EmbeddedChart[]).map((chart) => ({
    title: chart.getOptions().get("title"),
    type: chart.modify().getChartType(),
    ranges: (chart.getRanges() as { getA1Notation(): string }[]).map((r) => r.getA1Notation()),
    anchor: [chart.getContainerInfo().getAnchorRow(), chart.getContainerInfo().getAnchorColumn()],
  }));
}

const CHARTS = [
  { title: "Objectives' progress against expected", type: "LINE", ranges: ["A47:L63"], anchor: [10, 1] },
  { title: "Objectives now: progress and expected", type: "BAR", ranges: ["A67:A77", "C67:D77"], anchor: [10, 7] },
  { title: "Objectives by status, per team", type: "BAR", ranges: ["A81:F93"], anchor: [28, 1] },
  {
    title: "Confidence over time (average of the week's check-ins, 1–10)",
    type: "LINE",
    ranges: ["A47:A63", "N47:N63"],
    anchor: [28, 7],
  },
];

/** Values of a Dashboard range, dates as yyyy-mm-dd and numbers to 4 decimals. */
function read(harness: Harness, a1: string): unknown[][] {
  return dashboard(harness)
    .getRange(a1)
    .getValues()
    .map((row) =>
      row.map((v) =>
        v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === "number" ? Math.round(v * 1e4) / 1e4 : v,
      ),
    );
}

/** A tracker with the cycle 2025-Q1 chosen on the Dashboard: O-1 (Payments, the sample's 3 KRs), O-2 (Growth). */
async function pastCycleTracker(): Promise<Harness> {
  const harness = newTracker();
  const cycles = harness.spreadsheet.getSheetByName("Cycles")!;
  cycles.appendRow([CYCLE, "2025-01-01", "2025-03-31"]);
  await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: CYCLE });
  await apiData(harness, "createObjective", {
    ...SAMPLE_OBJECTIVE,
    cycle: CYCLE,
    team: "Growth",
    title: "Grow the thing people love",
  });
  expect(harness.edit("Dashboard!B4", CYCLE).accepted).toBe(true);
  return harness;
}

/** A History row as a check-in on that day would have left it (the Dashboard reads no seal). */
function pastCheckIn(
  harness: Harness,
  when: string,
  krId: string,
  previous: number,
  value: number,
  confidence: number,
) {
  const history = harness.spreadsheet.getSheetByName("History")!;
  history.appendRow([
    history.getLastRow(),
    new Date(when),
    krId,
    "",
    previous,
    value,
    confidence,
    "",
    "",
    "sidebar",
    "",
  ]);
}

describe("the Dashboard after Set up", () => {
  const harness = newTracker();

  it("holds four charts over its tables, placed in a grid", () => {
    expect(describeCharts(harness)).toEqual(CHARTS);
  });

  it("sets the options a manager reads them by: percent axes, the expected line dashed, statuses stacked", () => {
    const options = (dashboard(harness).getCharts() as unknown as EmbeddedChart[]).map((chart) => {
      const o = chart.getOptions();
      return [
        o.get("vAxis.format") ?? o.get("hAxis.format"),
        o.get("series"),
        o.get("isStacked"),
        o.get("legend.position"),
      ];
    });
    expect(options).toEqual([
      ["0%", { 0: { lineDashStyle: [4, 4] } }, null, "bottom"],
      ["0%", null, null, "bottom"],
      ["0", null, true, "bottom"],
      [null, null, null, "bottom"],
    ]);
    expect(dashboard(harness).getCharts()[3].getOptions().get("vAxis.viewWindow.max")).toBe(10);
  });

  it("shows the cycle running today with its dates, and says so when nothing is chosen", () => {
    const today = harness.spreadsheet.getSheetByName("Cycles")!.getRange("A2:C2").getValues()[0];
    expect(read(harness, "A4:C7")).toEqual([
      ["Cycle", "", today[0]],
      ["Team", "", "every team"],
      ["From", (today[1] as Date).toISOString().slice(0, 10), ""],
      ["To", (today[2] as Date).toISOString().slice(0, 10), ""],
    ]);
    expect(dashboard(harness).getRange("B4").getDataValidation()?.getCriteriaValues()[0]).toBeTruthy();
  });
});

describe("the Dashboard's tables as people work", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await pastCycleTracker();
    // KR-1.1 (3000 → 1000 ms) went to 2600 on 10 January and 2200 on 12 February, then 2000 today.
    pastCheckIn(harness, "2025-01-10T10:00:00Z", "KR-1.1", 3000, 2600, 8);
    pastCheckIn(harness, "2025-02-12T10:00:00Z", "KR-1.1", 2600, 2200, 6);
    harness.spreadsheet.getRange("'Key Results'!G2").setValue(2200);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 2000, confidence: 5, note: "CDN" });
    await apiData(harness, "checkIn", { krId: "KR-2.3", value: 1, confidence: 9, note: "published" });
  }, 60_000);

  it("lists the cycle's objectives with their progress and expected, as the Objectives sheet has them", () => {
    expect(read(harness, "A68:F70")).toEqual([
      ["O-1 Make checkout fast enough that people s…", "Payments", 0.1667, 1, "Off track", "O-1"],
      ["O-2 Grow the thing people love", "Growth", 0.3333, 1, "Off track", "O-2"],
      ["", "", "", "", "", ""],
    ]);
  });

  it("draws each objective's progress on the cycle's dates from History, ending at today's progress", () => {
    const weeks = read(harness, "A48:D62");
    expect(weeks.map((w) => w[0])).toEqual([
      ...["2025-01-01", "2025-01-08", "2025-01-15", "2025-01-22", "2025-01-29", "2025-02-05", "2025-02-12"],
      ...["2025-02-19", "2025-02-26", "2025-03-05", "2025-03-12", "2025-03-19", "2025-03-26", "2025-04-01", ""],
    ]);
    // Expected rises evenly to 100% the day after the cycle's last day.
    expect(weeks.map((w) => w[1]).slice(0, 3)).toEqual([0, 0.0778, 0.1556]);
    expect(weeks[13][1]).toBe(1);
    // O-1: 0 until 10 January, a fifth of KR-1.1 (a third of O-1) from then, two fifths from 12 February.
    expect(weeks.map((w) => w[2])).toEqual([
      0,
      0,
      0.0667,
      0.0667,
      0.0667,
      0.0667,
      0.0667,
      0.1333,
      ...Array(6).fill(0.1333),
      "",
    ]);
    // O-2's milestone was done today, after the cycle's dates.
    expect(weeks.map((w) => w[3]).slice(0, 14)).toEqual(Array(14).fill(0));
  });

  it("counts each week's check-ins and averages their confidence", () => {
    const weeks = read(harness, "M48:N62");
    expect(weeks[2]).toEqual([1, 8]); // 8–14 January: the check-in of the 10th
    expect(weeks[7]).toEqual([1, 6]); // 12–18 February
    expect(weeks[1]).toEqual([0, ""]);
  });

  it("counts objectives by status, per team", () => {
    expect(read(harness, "A82:F84")).toEqual([
      ["Payments", 0, 0, 0, 1, 0],
      ["Growth", 0, 0, 0, 1, 0],
      ["", "", "", "", "", ""],
    ]);
  });

  it("follows a check-in at once, with no script run", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: 1000, confidence: 9 });
    expect(read(harness, "C68")).toEqual([[0.3333]]);
    expect(read(harness, "C60:C61")).toEqual([[0.1333], [0.1333]]);
    expect(read(harness, "B82:F82")).toEqual([[0, 0, 0, 1, 0]]);
  });

  it("shows one team's objectives when a team is chosen", () => {
    harness.spreadsheet.getRange("Dashboard!B5").setValue("Growth");
    expect(read(harness, "A68:B69")).toEqual([
      ["O-2 Grow the thing people love", "Growth"],
      ["", ""],
    ]);
    expect(read(harness, "C47:D47")).toEqual([["O-2 Grow the thing people love", ""]]);
    harness.spreadsheet.getRange("Dashboard!B5").setValue("");
  });
});

describe("Repair and Rebuild dashboard", () => {
  const others = (harness: Harness) =>
    JSON.parse(snapshot(harness)).filter(([name]: [string]) => name !== "Dashboard") as unknown[];

  it("Repair puts back a deleted chart and keeps a person's own chart and choices", async () => {
    const harness = await pastCycleTracker();
    const sheet = dashboard(harness);
    sheet.removeChart(sheet.getCharts()[0]);
    sheet.insertChart(
      sheet.newChart().asColumnChart().setOption("title", "My chart").addRange(sheet.getRange("A1:B2")).build(),
    );
    harness.spreadsheet.getRange("Dashboard!B5").setValue("Growth");
    const before = others(harness);
    harness.clickMenu("Repair tracker");
    const titles = describeCharts(harness).map((c) => c.title);
    expect(titles).toHaveLength(5);
    expect(titles).toEqual(expect.arrayContaining(["My chart", ...CHARTS.map((c) => c.title)]));
    expect(read(harness, "B4:B5")).toEqual([[CYCLE], ["Growth"]]);
    expect(others(harness)).toEqual(before);
  });

  it("Repair rebuilds a deleted Dashboard sheet", () => {
    const harness = newTracker();
    harness.spreadsheet.deleteSheet(dashboard(harness));
    harness.clickMenu("Repair tracker");
    expect(harness.ui.alerts.at(-1)?.prompt).toMatch(/^Created sheets: Dashboard\./);
    expect(describeCharts(harness)).toEqual(CHARTS);
  });

  it("Rebuild dashboard rewrites the tables and charts only", async () => {
    const harness = await pastCycleTracker();
    const sheet = dashboard(harness);
    sheet.getRange("A48").setValue("typed over");
    for (const chart of sheet.getCharts()) sheet.removeChart(chart);
    const before = others(harness);
    harness.clickMenu("Rebuild dashboard");
    expect(harness.ui.alerts.at(-1)?.prompt).toBe("The Dashboard sheet is rebuilt: its tables and its 4 charts.");
    expect(describeCharts(harness)).toEqual(CHARTS);
    expect(read(harness, "A48:A49")).toEqual([["2025-01-01"], ["2025-01-08"]]);
    expect(others(harness)).toEqual(before);
  });

  it("Rebuild dashboard on a spreadsheet that isn't set up says what to do", () => {
    const harness = newTracker();
    harness.spreadsheet.deleteSheet(harness.spreadsheet.getSheetByName("History")!);
    harness.clickMenu("Rebuild dashboard");
    expect(harness.ui.alerts.at(-1)?.prompt).toBe("The History sheet is missing. Run Set up tracker first.");
  });
});
