/** Extensions → OKR Tracker → Set up tracker, on an empty spreadsheet and on one with data. */
import { isComputed, KEY_RESULTS } from "../../src/core/layout";
import { Harness } from "../../dev/harness/harness";
import { api, newTracker, rows, snapshot } from "../support/tracker";

const TRACKER_SHEETS = ["Objectives", "Key Results", "History", "Cycles", "Roadmap", "KPIs", "People"];

describe("set up on an empty spreadsheet", () => {
  const harness = newTracker();
  const sheet = (name: string) => harness.spreadsheet.getSheetByName(name)!;

  it("adds the add-on menu on open", () => {
    expect(harness.ui.menuItems().map((m) => m.path)).toEqual([
      expect.stringMatching(/Open sidebar$/),
      expect.stringMatching(/Set up tracker$/),
      expect.stringMatching(/Repair tracker$/),
      expect.stringMatching(/Set up as company tracker$/),
      expect.stringMatching(/Check OKRs against roadmap$/),
      expect.stringMatching(/Rebuild dashboard$/),
      expect.stringMatching(/Close cycle…$/),
      expect.stringMatching(/Reopen cycle…$/),
    ]);
  });

  it("creates every tracker sheet with its headers, and says so", () => {
    for (const name of TRACKER_SHEETS) expect(harness.spreadsheet.getSheetByName(name)).not.toBeNull();
    expect(sheet("Key Results").getRange("A1:H1").getValues()[0]).toEqual([
      "ID",
      "Objective ID",
      "Key result",
      "Type",
      "Start",
      "Target",
      "Current",
      "Confidence",
    ]);
    expect(harness.ui.alerts[0]?.prompt).toMatch(
      /^Created sheets: Objectives, Key Results, History, Cycles, Roadmap, KPIs, People, Dashboard, Summary\./,
    );
  });

  it("sizes a new History to its own columns and a few spares: every record costs a row of cells", () => {
    const history = sheet("History");
    const header = history.getRange("1:1").getValues()[0];
    expect(header.filter(String)).toHaveLength(11);
    expect(history.getMaxColumns()).toBe(16); // not a new sheet's 26
    expect(history.getMaxRows()).toBe(101);
  });

  it("freezes and styles the header row and notes what each column is for", () => {
    const objectives = sheet("Objectives");
    expect(objectives.getFrozenRows()).toBe(1);
    expect(objectives.getRange("A1").getFontWeight()).toBe("bold");
    expect(objectives.getRange("B1").getNote()).toMatch(/different this quarter/);
  });

  it("fills this quarter and the next into Cycles", () => {
    const cycles = rows(harness, "Cycles");
    expect(cycles.map((c) => c.Cycle)).toHaveLength(2);
    expect(cycles[0].Cycle).toMatch(/^\d{4}-Q[1-4]$/);
    expect(cycles[0].Start).toBeInstanceOf(Date);
  });

  it("formats progress as a percentage and offers dropdowns for type, state, cycle and objective", () => {
    const krs = sheet("Key Results");
    const progressCol = krs.getRange("1:1").getValues()[0].indexOf("Progress") + 1;
    expect(krs.getRange(2, progressCol).getNumberFormat()).toBe("0%");
    expect(krs.getRange("D2").getDataValidation()?.getCriteriaValues()[0]).toEqual([
      "increase",
      "decrease",
      "percentage",
      "milestone",
    ]);
    const objectiveRule = krs.getRange("B2").getDataValidation()!;
    // An open-ended A2:A source, which Sheets reports with the sheet's current last row.
    const source = objectiveRule.getCriteriaValues()[0] as GoogleAppsScript.Spreadsheet.Range;
    expect([source.getSheet().getName(), source.getA1Notation()]).toEqual([
      "Objectives",
      "A2:A" + sheet("Objectives").getMaxRows(),
    ]);
    expect(String(sheet("Objectives").getRange("C2").getDataValidation()?.getCriteriaType())).toBe("VALUE_IN_RANGE");
  });

  it("protects computed columns with a warning, and colours status", () => {
    const krs = sheet("Key Results");
    const protections = krs.getProtections(harness.emu.services.SpreadsheetApp.ProtectionType.RANGE);
    expect(protections.every((p) => p.isWarningOnly())).toBe(true);
    // Adjacent computed columns share one protection; every computed column is covered, no input column.
    const header = krs.getRange(1, 1, 1, krs.getLastColumn()).getValues()[0].map(String);
    const protectedHeaders = header.filter((_, i) =>
      protections.some((p) => {
        const range = p.getRange() as GoogleAppsScript.Spreadsheet.Range;
        return range.getColumn() <= i + 1 && i + 1 < range.getColumn() + range.getNumColumns();
      }),
    );
    const computed = KEY_RESULTS.columns.filter(isComputed).map((column) => column.header);
    expect(protectedHeaders).toEqual(header.filter((h) => computed.includes(h)));
    expect(protectedHeaders).toEqual(expect.arrayContaining(["Progress", "Status", "Checked in"]));
    expect(protectedHeaders).not.toContain("Current");
    const statusTexts = krs.getConditionalFormatRules().map((r) => r.getBooleanCondition()?.getCriteriaValues()[0]);
    expect(statusTexts).toEqual(
      expect.arrayContaining(["Done", "On track", "At risk", "Off track", "No check-in yet"]),
    );
  });

  it("is safe to run twice: the second run changes nothing and says the tracker is complete", () => {
    const before = snapshot(harness);
    harness.clickMenu("Set up tracker");
    expect(snapshot(harness)).toBe(before);
    expect(harness.ui.alerts[harness.ui.alerts.length - 1]?.prompt).toBe(
      "The tracker is complete: nothing needed repair.",
    );
  });
});

describe("set up on a spreadsheet that already has data", () => {
  it("leaves the person's own sheets alone", () => {
    const harness = new Harness();
    const own = harness.spreadsheet.getSheets()[0];
    own.getRange("A1:C2").setValues([
      ["Plan", "Owner", "Budget"],
      ["=1+1", "Ann", 1200],
    ]);
    harness.open();
    harness.clickMenu("Set up tracker");
    expect(own.getRange("A1:C2").getValues()).toEqual([
      ["Plan", "Owner", "Budget"],
      [2, "Ann", 1200],
    ]);
    expect(own.getRange("A2").getFormula()).toBe("=1+1");
  });

  it("keeps a note and colour a person gave their own column's header", () => {
    const harness = newTracker();
    const sheet = harness.spreadsheet.getSheetByName("Objectives")!;
    const own = sheet.getLastColumn() + 1;
    sheet.getRange(1, own).setValue("Budget");
    sheet.getRange(1, own).setNote("EUR, approved by finance");
    sheet.getRange(1, own).setBackground("#fff2cc");
    harness.clickMenu("Repair tracker");
    expect([sheet.getRange(1, own).getNote(), sheet.getRange(1, own).getBackground()]).toEqual([
      "EUR, approved by finance",
      "#fff2cc",
    ]);
  });

  it("keeps existing tracker data and adds only what is missing", () => {
    const harness = new Harness();
    const objectives = harness.spreadsheet.insertSheet("Objectives");
    objectives.getRange("A1:C2").setValues([
      ["ID", "Objective", "Cycle"],
      ["O-7", "Hand-made objective", "2026-Q4"],
    ]);
    harness.open();
    harness.clickMenu("Set up tracker");
    expect(objectives.getRange("A2:C2").getValues()).toEqual([["O-7", "Hand-made objective", "2026-Q4"]]);
    expect(objectives.getRange("D1").getValue()).toBe("Team");
    expect(harness.ui.alerts[harness.ui.alerts.length - 1]?.prompt).toMatch(
      /Added missing columns: Objectives › Team, Objectives › Owner/,
    );
  });
});

describe("Set up and Repair hold the document lock, like every other write", () => {
  /** An empty spreadsheet, or a tracker whose People sheet was deleted, for Repair to restore. */
  const fresh = () => {
    const harness = new Harness();
    harness.open();
    return harness;
  };
  const damaged = () => {
    const harness = newTracker();
    harness.spreadsheet.deleteSheet(harness.spreadsheet.getSheetByName("People")!);
    return harness;
  };
  const paths: [string, () => Harness, (harness: Harness) => unknown][] = [
    ["Set up tracker, from the menu", fresh, (h) => h.clickMenu("Set up tracker")],
    ["Repair tracker, from the menu", damaged, (h) => h.clickMenu("Repair tracker")],
    ["Set up tracker, from the sidebar", fresh, (h) => api(h, "setUpTracker", {})],
  ];

  it.each(paths)("%s", async (_what, start, run) => {
    const harness = start();
    harness.workbook.lockAudit.enabled = true;
    await run(harness);
    expect(harness.spreadsheet.getSheetByName("People")).not.toBeNull();
    expect(harness.workbook.lockAudit.violations).toEqual([]);
  });

  it("waits for another person's lock and, if it stays taken, says so and changes nothing", () => {
    const harness = damaged();
    const before = snapshot(harness);
    harness.workbook.locks.document = "someone-else";
    harness.clickMenu("Repair tracker");
    harness.workbook.locks.document = null;
    expect(harness.ui.alerts[harness.ui.alerts.length - 1]?.prompt).toMatch(/Someone else is changing the tracker/);
    expect(snapshot(harness)).toBe(before);
  });
});
