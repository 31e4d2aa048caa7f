/**
 * The spreadsheet's locale (issue 10 item 5, the add-on's side), through the built bundle: numbers
 * typed as text in the sidebar's fields, in custom functions' text arguments and into the sheet read
 * as Sheets reads them there (getSpreadsheetLocale). In German or Norwegian 1,5 is one and a half; in
 * English (US) 1,500 is fifteen hundred. The overview tells the sidebar the locale, so it validates
 * and shows numbers the same way.
 */
import type { Harness } from "../../dev/harness/harness";
import { api, apiData, newTracker, rows } from "../support/tracker";

async function trackerIn(locale: string, target: string): Promise<Harness> {
  const harness = newTracker();
  harness.spreadsheet.setSpreadsheetLocale(locale);
  await apiData(harness, "createObjective", {
    title: "Grow",
    cycle: "2026-Q4",
    keyResults: [{ title: "Weekly users", type: "increase", start: 0, target }],
  });
  return harness;
}

const current = (harness: Harness) => rows(harness, "Key Results")[0].Current;

describe("in a German spreadsheet", () => {
  let harness: Harness;
  beforeAll(async () => {
    harness = await trackerIn("de_DE", "2.000");
  }, 60_000);

  it("a target typed 2.000 is two thousand; the overview names the locale", async () => {
    expect(rows(harness, "Key Results")[0].Target).toBe(2000);
    expect((await apiData<{ locale: string }>(harness, "getOverview", {})).locale).toBe("de_DE");
  });

  it("check-ins of 1,5 and 1.500,5 are one and a half and fifteen hundred and a half", async () => {
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: "1,5" });
    expect(current(harness)).toBe(1.5);
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: "1.500,5" });
    expect(current(harness)).toBe(1500.5);
  });

  it("1.5 is refused, with examples written the German way", async () => {
    const result = await api(harness, "checkIn", { krId: "KR-1.1", value: "1.5" });
    expect(result).toMatchObject({
      ok: false,
      code: "invalid-input",
      message: 'The new value "1.5" is not a number (write it like 120, 1.200, 3,5 or 45%).',
    });
  });

  it("a value typed into the sheet as 7,5 is recorded as seven and a half", () => {
    harness.edit("'Key Results'!G2", "7,5");
    expect(rows(harness, "History").pop()).toMatchObject({ "New value": 7.5, Source: "typed in sheet" });
  });

  it("custom functions read text arguments the German way", () => {
    const sheet = harness.spreadsheet.insertSheet("Sums");
    sheet.getRange("A1:C1").setNumberFormat("@");
    sheet.getRange("A1:C1").setValues([["1,5", "3", "0"]]);
    sheet.getRange("D1").setFormula("=OKR_PROGRESS(A1;B1;C1)");
    expect(sheet.getRange("D1").getValue()).toBe(0.5);
  });
});

describe("in a Norwegian spreadsheet", () => {
  it("1 500,5 is fifteen hundred and a half", async () => {
    const harness = await trackerIn("nb_NO", "2 000");
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: "1 500,5" });
    expect(current(harness)).toBe(1500.5);
  });
});

describe("in an English (US) spreadsheet", () => {
  it("1,500 is fifteen hundred and 1,5 is refused", async () => {
    const harness = newTracker();
    await apiData(harness, "createObjective", {
      title: "Grow",
      cycle: "2026-Q4",
      keyResults: [{ title: "Weekly users", type: "increase", start: 0, target: 2000 }],
    });
    await apiData(harness, "checkIn", { krId: "KR-1.1", value: "1,500" });
    expect(current(harness)).toBe(1500);
    const result = await api(harness, "checkIn", { krId: "KR-1.1", value: "1,5" });
    expect(result).toMatchObject({ ok: false, message: expect.stringContaining("120, 1,200, 3.5 or 45%") });
  });
});
