/**
 * The company roll-up across spreadsheets (issue 11 item 6), through the built bundle on the
 * emulator: two team trackers and a company tracker on one drive, joined only by IMPORTRANGE
 * formulas and the Allow access step (the script never opens another spreadsheet).
 */
import { readFileSync } from "node:fs";
import { CONNECT_MESSAGE, Drive } from "../../dev/emulator";
import type { Range } from "../../dev/emulator/range";
import type { Harness } from "../../dev/harness/harness";
import { apiData, newTracker, rows, snapshot } from "../support/tracker";

const ANN = "ann@example.com";

function tracker(drive: Drive, name: string): Harness {
  return newTracker({ drive, name, owner: ANN });
}

async function objective(harness: Harness, title: string, parent = ""): Promise<string> {
  const { id } = await apiData<{ id: string }>(harness, "createObjective", {
    title,
    cycle: "2026-Q4",
    team: harness.spreadsheet.getName(),
    keyResults: [{ title: "Progress on " + title, type: "increase", start: 0, target: 100 }],
  });
  if (parent) setParent(harness, id, parent);
  return id;
}

/** A person types the Parent: a company objective's is accepted as it is (no warning note). */
function setParent(harness: Harness, id: string, parent: string): void {
  const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
  const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Parent") + 1;
  const row =
    sheet
      .getRange("A:A")
      .getValues()
      .findIndex(([cell]) => cell === id) + 1;
  harness.edit(sheet.getRange(row, column), parent);
  expect(sheet.getRange(row, column).getNote()).toBe("");
}

function lastAlert(harness: Harness): string {
  return harness.ui.alerts[harness.ui.alerts.length - 1]?.prompt ?? "";
}

/** Roll-up's rows as "Align with | Team | ID | Objective | Progress | Status". */
function rollup(company: Harness): string[] {
  return rows(company, "Roll-up").map((r) =>
    [
      r["Align with"],
      r.Team,
      r.ID,
      r.Objective,
      r.Progress === "" ? "" : Math.round(Number(r.Progress) * 100) + "%",
      r.Status,
    ].join(" | "),
  );
}

/** Each status's background in a sheet's Status column, as its conditional format rules paint it. */
function statusBackgrounds(harness: Harness, sheetName: string): Record<string, string> {
  const sheet = harness.spreadsheet.getSheetByName(sheetName)!;
  const column = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0].indexOf("Status") + 1;
  return Object.fromEntries(
    sheet
      .getConditionalFormatRules()
      .filter((rule) => (rule.getRanges() as Range[]).some((r) => r.getColumn() === column && r.getNumColumns() === 1))
      .map((rule) => [rule.getBooleanCondition()!.getCriteriaValues()[0], rule.getBooleanCondition()!.getBackground()]),
  );
}

async function company(drive: Drive, teams: [string, string, number | ""][]): Promise<Harness> {
  const harness = tracker(drive, "Company");
  await objective(harness, "Win the mid-market");
  await objective(harness, "Be the payments platform people trust");
  harness.clickMenu("Set up as company tracker");
  harness.spreadsheet.getRange("Teams!A2:C" + (teams.length + 1)).setValues(teams);
  harness.clickMenu("Set up as company tracker");
  return harness;
}

describe("two team trackers and a company tracker", () => {
  const drive = new Drive();
  let payments: Harness;
  let platform: Harness;
  /** Nobody allowed its imports yet. */
  let waiting: Harness;
  /** Both imports allowed. */
  let connected: Harness;

  beforeAll(async () => {
    payments = tracker(drive, "Payments");
    platform = tracker(drive, "Platform");
    await objective(payments, "Make checkout fast", "Company O-1");
    await objective(payments, "Cut card fraud", "Company O-2");
    await objective(payments, "Tidy the backlog");
    await objective(payments, "Old idea", "Company O-1");
    await apiData(payments, "setArchived", { kind: "objective", id: "O-4", archived: true });
    await objective(platform, "Deploy without downtime", "Company O-2");
    await apiData(payments, "checkIn", { krId: "KR-2.1", value: 30 });
    await apiData(platform, "checkIn", { krId: "KR-1.1", value: 60 });
    const teams: [string, string, number | ""][] = [
      ["Payments", payments.spreadsheet.getUrl(), ""],
      ["Platform", platform.spreadsheet.getUrl(), 2],
    ];
    waiting = await company(drive, teams);
    connected = await company(drive, teams);
    connected.allowAccess("Teams!D2");
    connected.allowAccess("Teams!D3");
  }, 900_000);

  it("each team tracker shares its active objectives in Summary, parent included", () => {
    expect(rows(payments, "Summary").map((r) => [r["Objective ID"], r.Objective, r.Team, r.Cycle, r.Parent])).toEqual([
      ["O-1", "Make checkout fast", "Payments", "2026-Q4", "Company O-1"],
      ["O-2", "Cut card fraud", "Payments", "2026-Q4", "Company O-2"],
      ["O-3", "Tidy the backlog", "Payments", "2026-Q4", ""],
    ]);
    expect(payments.spreadsheet.getRangeByName("OKR_Summary")!.getA1Notation()).toBe("A2:H1000");
    expect(payments.values("Summary!J2")).toEqual([[3]]);
  });

  it("before anyone allows access: each team shows the connect prompt, the roll-up only the company's own objectives", () => {
    expect(waiting.values("Teams!D2:E3")).toEqual([
      ["#REF!", expect.stringMatching(/^Not connected: click D2 and Allow access/)],
      ["#REF!", expect.stringMatching(/^Not connected: click D3 and Allow access/)],
    ]);
    expect(waiting.errorMessage("Teams!D2")).toBe(CONNECT_MESSAGE);
    expect(lastAlert(waiting)).toMatch(
      /with 2 teams\. In Teams, click each #REF! under Objectives shared and choose Allow access/,
    );
    expect(rollup(waiting)).toEqual([
      "Company O-1 | Company | O-1 | Win the mid-market | 0% | No check-in yet",
      "Company O-2 | Company | O-2 | Be the payments platform people trust | 0% | No check-in yet",
    ]);
  });

  it("after Allow access: the company's objectives with their team children, progress rolled up by team weight", () => {
    expect(connected.values("Teams!D2:E3")).toEqual([
      [3, "Connected"],
      [1, "Connected"],
    ]);
    const lines = rollup(connected);
    expect(lines.map((line) => line.split(" | ").slice(0, 4).join(" | "))).toEqual([
      "Company O-1 | Company | O-1 | Win the mid-market",
      "Company O-1 | Payments | O-1 | Make checkout fast",
      "Company O-2 | Company | O-2 | Be the payments platform people trust",
      "Company O-2 | Payments | O-2 | Cut card fraud",
      "Company O-2 | Platform | O-1 | Deploy without downtime",
    ]);
    // (30% × 1 + 60% × 2) / 3: Platform's weight is 2.
    expect(lines.slice(2).map((line) => line.split(" | ")[4])).toEqual(["50%", "30%", "60%"]);
    expect(rows(connected, "Roll-up")[2].Status).not.toBe("No check-in yet");
  });

  it("statuses are coloured as in the team trackers, on Roll-up and on Team objectives", () => {
    const team = statusBackgrounds(payments, "Objectives");
    expect(team["Off track"]).toBe("#fce8e6");
    expect(Object.keys(team)).toHaveLength(5);
    expect(statusBackgrounds(connected, "Roll-up")).toEqual(team);
    expect(statusBackgrounds(connected, "Team objectives")).toEqual(team);
  });

  it("a team's check-in changes the company's number", async () => {
    const companyRow = () => rows(connected, "Roll-up")[0];
    const before = Number(companyRow().Progress);
    const now = Number(rows(payments, "Key Results")[0].Current || 0);
    await apiData(payments, "checkIn", { krId: "KR-1.1", value: now + 25 });
    expect(Number(companyRow().Progress)).toBeCloseTo(before + 0.25);
    expect(companyRow().Status).not.toBe("No check-in yet");
  }, 120_000);
});

describe("Teams that can't be used are refused, and nothing is written", () => {
  const drive = new Drive();
  let url: string;
  let head: Harness;
  beforeAll(() => {
    url = tracker(drive, "Payments").spreadsheet.getUrl();
    head = tracker(drive, "Company");
    head.clickMenu("Set up as company tracker");
  }, 600_000);

  const other = "https://docs.google.com/spreadsheets/d/another-spreadsheet-id/edit";
  it.each([
    [
      "a URL that is not a spreadsheet's",
      [["Payments", "https://example.com/sheet", ""]],
      /^Teams row 2 \("Payments"\): "https:\/\/example.com\/sheet" is not a Google Sheets address/,
    ],
    [
      "a duplicate team",
      [
        ["Payments", () => url, ""],
        ["payments", other, ""],
      ],
      /^Teams rows 2 and 3 both name "payments"\. Give each team one row\.$/,
    ],
    [
      "one spreadsheet twice",
      [
        ["Payments", () => url, ""],
        ["Platform", () => url + "#gid=0", ""],
      ],
      /^Teams rows 2 and 3 list the same spreadsheet\. Give each team one row\.$/,
    ],
    [
      "the company's own spreadsheet",
      [["Us", () => head.spreadsheet.getUrl(), ""]],
      /^Teams row 2 \("Us"\): that is this company tracker's own address/,
    ],
    [
      "a weight below zero",
      [["Payments", () => url, -1]],
      /^Teams row 2 \("Payments"\): Weight must be a number above 0, or blank for 1\.$/,
    ],
    ["a team without a name", [["", () => url, ""]], /^Teams row 2: the team has no name/],
  ])(
    "%s",
    (_what, teams, message) => {
      const cells = [...teams, ["", "", ""], ["", "", ""]]
        .slice(0, 3)
        .map((row) => row.map((c) => (typeof c === "function" ? c() : c)));
      head.spreadsheet.getRange("Teams!A2:C4").setValues(cells);
      const before = snapshot(head);
      head.clickMenu("Set up as company tracker");
      expect(lastAlert(head)).toMatch(message);
      expect(snapshot(head)).toBe(before);
    },
    120_000,
  );
});

test("the add-on never opens another spreadsheet (spreadsheets.currentonly couldn't): it only writes IMPORTRANGE formulas", () => {
  const code = readFileSync("dist/Code.js", "utf8");
  for (const call of ["openById", "openByUrl", "DriveApp", "UrlFetchApp"]) expect(code).not.toContain(call);
  expect(code).toContain("IMPORTRANGE(");
});
