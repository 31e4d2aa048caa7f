/**
 * Spreadsheets live in their owners' time zones while the script runs in UTC (its manifest): the
 * dates the add-on writes and reads are the days Sheets shows, on either side of UTC.
 */
import { apiData, newTracker, SAMPLE_OBJECTIVE } from "../support/tracker";

const todayIn = (timeZone: string) =>
  new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date());

describe.each(["America/Los_Angeles", "Europe/Berlin", "Asia/Tokyo"])("a spreadsheet in %s", (timeZone) => {
  const harness = newTracker({ timeZone });
  const today = todayIn(timeZone);
  const [year, month] = today.split("-").map(Number);
  const quarter = Math.floor((month - 1) / 3);
  const quarterStart = year + "-" + String(quarter * 3 + 1).padStart(2, "0") + "-01";

  it("writes this quarter's cycle with the dates the sheet should show", () => {
    const [cycle, start] = harness.spreadsheet.getRange("Cycles!A2:B2").getDisplayValues()[0];
    expect([cycle, start]).toEqual([year + "-Q" + (quarter + 1), quarterStart]);
  });

  it("stamps a check-in with today's date there", async () => {
    await apiData(harness, "createObjective", { ...SAMPLE_OBJECTIVE, cycle: year + "-Q" + (quarter + 1) });
    const result = await apiData<{ keyResult: { lastCheckIn: string } }>(harness, "checkIn", {
      krId: "KR-1.1",
      value: 2000,
    });
    expect(result.keyResult.lastCheckIn).toBe(today);
    expect(harness.spreadsheet.getRange("'Key Results'!I2").getDisplayValue()).toBe(today);
  });

  it("gives =OKR_EXPECTED the same today and the same cycle days as the sidebar", async () => {
    const sheet = harness.spreadsheet.insertSheet("Formulas " + timeZone);
    sheet.getRange("A1").setFormula("=OKR_EXPECTED(Cycles!B2, Cycles!C2)");
    const overview = await apiData<{ cycles: { id: string; expected: number }[] }>(harness, "getOverview", {});
    expect(sheet.getRange("A1").getValue()).toBeCloseTo(overview.cycles[0].expected, 12);
  });

  it("reads a date typed into the sheet as the day typed", async () => {
    harness.edit("Cycles!A4:C4", [["2031-Q1", "2031-01-01", "2031-03-31"]]);
    const overview = await apiData<{ cycles: { id: string; start: string; end: string }[] }>(
      harness,
      "getOverview",
      {},
    );
    expect(overview.cycles.find((c) => c.id === "2031-Q1")).toMatchObject({ start: "2031-01-01", end: "2031-03-31" });
    expect(overview.cycles.find((c) => c.id === year + "-Q" + (quarter + 1))?.start).toBe(quarterStart);
  });
});
