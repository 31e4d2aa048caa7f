import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { createEmulator, fromJSON, loadWorkbook, saveWorkbook, toJSON } from "../../dev/emulator";

test("a workbook survives a save/load round trip through a JSON file", () => {
  const emu = createEmulator({ name: "OKRs", timeZone: "Europe/Paris" });
  const { SpreadsheetApp, PropertiesService } = emu.services;
  const sh = emu.spreadsheet.insertSheet("KRs");
  sh.getRange("A1:D3").setValues([
    ["KR", "Start", "Current", "Due"],
    ["Revenue", 0, "45%", "2024-06-30"],
    ["'=literal", 1, 2, "2024-07-01"],
  ]);
  sh.getRange("E1").setValue('=ARRAYFORMULA(IF(ROW(A:A)=1,"Progress",IF(A:A="",,C:C-B:B)))');
  sh.getRange("B2:B3").setNumberFormat("0.00");
  sh.getRange("A2").setNote("owner: ann");
  sh.getRange("F2").setDataValidation(
    SpreadsheetApp.newDataValidation().requireValueInList(["On track", "Late"]).setAllowInvalid(false).build(),
  );
  sh.getRange("A1:E1").protect().setDescription("header").setWarningOnly(true);
  sh.setFrozenRows(1);
  sh.setConditionalFormatRules([
    SpreadsheetApp.newConditionalFormatRule()
      .whenNumberLessThan(0.3)
      .setBackground("#f4c7c3")
      .setRanges([sh.getRange("E2:E")])
      .build(),
  ]);
  emu.spreadsheet.setNamedRange("KRNames", sh.getRange("A2:A3"));
  PropertiesService.getDocumentProperties().setProperty("schema", "3");
  PropertiesService.getUserProperties().setProperty("pref", "compact");

  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "emu-")), "book.json");
  saveWorkbook(emu.workbook, file);
  const again = createEmulator({ workbook: loadWorkbook(file) });
  const sh2 = again.spreadsheet.getSheetByName("KRs")!;

  expect(sh2.getRange("A1:E3").getValues()).toEqual(sh.getRange("A1:E3").getValues());
  expect(sh2.getRange("A1:E3").getDisplayValues()).toEqual(sh.getRange("A1:E3").getDisplayValues());
  expect(sh2.getRange("A1:E3").getFormulas()).toEqual(sh.getRange("A1:E3").getFormulas());
  expect(sh2.getRange("A3").getValue()).toBe("=literal");
  expect(sh2.getRange("A2").getNote()).toBe("owner: ann");
  expect(sh2.getRange("F2").getDataValidation()!.getCriteriaValues()).toEqual([["On track", "Late"], true]);
  expect(sh2.getRange("F2").getDataValidation()!.getAllowInvalid()).toBe(false);
  const [p] = sh2.getProtections(again.services.SpreadsheetApp.ProtectionType.RANGE);
  expect([p.getDescription(), p.isWarningOnly()]).toEqual(["header", true]);
  expect(sh2.getFrozenRows()).toBe(1);
  expect(sh2.getConditionalFormatRules()[0].getBooleanCondition().getBackground()).toBe("#f4c7c3");
  expect(again.spreadsheet.getRangeByName("KRNames")!.getA1Notation()).toBe("A2:A3");
  expect(again.spreadsheet.getSpreadsheetTimeZone()).toBe("Europe/Paris");
  expect(again.services.PropertiesService.getDocumentProperties().getProperty("schema")).toBe("3");
  expect(again.services.PropertiesService.getUserProperties().getProperty("pref")).toBe("compact");
  expect(sh2.getSheetId()).toBe(sh.getSheetId());
});

test("the file is sparse: a row keeps its run of filled cells, a column's format is one entry", () => {
  const emu = createEmulator();
  const sh = emu.spreadsheet.insertSheet("KRs");
  sh.getRange("B2:C999").setNumberFormat("0%");
  sh.getRange("D2:D999").setDataValidation(
    emu.services.SpreadsheetApp.newDataValidation().requireNumberBetween(0, 10).setHelpText("0 to 10").build(),
  );
  sh.getRange("A1:C2").setValues([
    ["KR", "Start", "Now"],
    ["Conversion", "7%", "8%"],
  ]);
  sh.getRange("F7").setValue("far away");
  const saved = toJSON(emu.workbook).sheets.find((s) => s.name === "KRs")!;
  expect(saved.runs).toEqual([
    [1, 1, ["'KR", "'Start", "'Now"]],
    [2, 1, ["'Conversion", 0.07, 0.08]],
    [7, 6, ["'far away"]],
  ]);
  expect(saved.meta).toHaveLength(2); // B2:C999 and D2:D999

  const again = createEmulator({ workbook: fromJSON(toJSON(emu.workbook)) }).spreadsheet.getSheetByName("KRs")!;
  expect(again.getRange("C500").getNumberFormat()).toBe("0%");
  expect(again.getRange("D999").getDataValidation()!.getHelpText()).toBe("0 to 10");
  expect(again.getRange("E999").getDataValidation()).toBeNull();
  expect(again.getRange("A2:C2").getDisplayValues()).toEqual([["Conversion", "7%", "8%"]]);
  expect(again.getRange("F7").getValue()).toBe("far away");
});

test("a workbook file of the first format (one entry per cell) still loads", () => {
  const v1 = {
    version: 1,
    id: "old",
    name: "Old file",
    timeZone: "Etc/UTC",
    owner: "owner@example.com",
    editors: [],
    activeSheetId: 0,
    namedRanges: [],
    documentProperties: {},
    scriptProperties: {},
    userProperties: {},
    sheets: [
      {
        ...{ id: 0, name: "Sheet1", maxRows: 1000, maxColumns: 26, frozenRows: 1, frozenColumns: 0 },
        ...{ hidden: false, tabColor: null, columnWidths: [], conditionalRules: [], protections: [] },
        cells: [
          [1, 1, "'Share", { fontWeight: "bold" }],
          [2, 1, 0.25, { format: "0%" }],
          [3, 1, "=A2*2", null],
          [4, 1, null, { note: "empty but noted" }],
        ],
      },
    ],
  };
  const sheet = createEmulator({ workbook: fromJSON(v1 as never) }).spreadsheet.getSheetByName("Sheet1")!;
  expect(sheet.getRange("A1:A3").getDisplayValues()).toEqual([["Share"], ["25%"], ["0.5"]]);
  expect(sheet.getRange("A1").getFontWeight()).toBe("bold");
  expect(sheet.getRange("A4").getNote()).toBe("empty but noted");
});

test("a workbook keeps its locale: formulas and typed text read the same after loading", () => {
  const emu = createEmulator({ locale: "de_DE" });
  const sheet = emu.spreadsheet.getSheets()[0];
  sheet.getRange("A1:B1").setValues([["1,5", "=ROUND(A1*3;0)"]]);
  const again = fromJSON(toJSON(emu.workbook));
  const range = createEmulator({ workbook: again }).spreadsheet.getSheets()[0].getRange("A1:B1");
  expect([again.locale.id, range.getValues(), range.getFormulas()[0][1]]).toEqual([
    "de_DE",
    [[1.5, 5]],
    "=ROUND(A1*3;0)",
  ]);
});
