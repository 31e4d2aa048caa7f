/** Several spreadsheets and IMPORTRANGE: what the fidelity probes don't cover (saving, order of arrival, cycles, errors). */
import { createEmulator, Drive, fromJSON, toJSON } from "../../dev/emulator";

const ANN = "ann@example.com";

function source(drive: Drive) {
  const emu = createEmulator({ drive, owner: ANN, name: "Team A" });
  const sheet = emu.spreadsheet.getSheets()[0];
  sheet.getRange("A1:C2").setValues([
    ["O-1", "Ship it", 0.5],
    ["O-2", "Learn", new Date(Date.UTC(2026, 9, 1))],
  ]);
  emu.spreadsheet.setNamedRange("Summary", sheet.getRange("A1:C2"));
  return emu;
}

function importer(drive: Drive, url: string, rangeString = "Summary") {
  const emu = createEmulator({ drive, owner: ANN, name: "Company" });
  const sheet = emu.spreadsheet.getSheets()[0];
  sheet.getRange("A1").setFormula(`=IMPORTRANGE("${url}","${rangeString}")`);
  const allow = () => emu.workbook.allowImportAccess(emu.workbook.sheets[0], 1, 1, ANN);
  return { emu, sheet, allow };
}

test("imported values keep their types: text, numbers, Dates; the result spills", () => {
  const drive = new Drive();
  const team = source(drive);
  const company = importer(drive, team.spreadsheet.getUrl());
  company.allow();
  expect(company.sheet.getRange("A1:C2").getValues()).toEqual([
    ["O-1", "Ship it", 0.5],
    ["O-2", "Learn", new Date(Date.UTC(2026, 9, 1))],
  ]);
});

test("a connected pair survives saving and loading: the grant is kept and the values follow the source", () => {
  const drive = new Drive();
  const team = source(drive);
  const company = importer(drive, team.spreadsheet.getUrl());
  company.allow();
  const saved = [toJSON(team.workbook), toJSON(company.emu.workbook)];

  const again = new Drive();
  // The importing spreadsheet first: its cell fills in when the source joins the drive.
  const company2 = createEmulator({ workbook: fromJSON(saved[1], { drive: again }) });
  expect(company2.spreadsheet.getSheets()[0].getRange("A1").getValue()).toBe("#REF!");
  const team2 = createEmulator({ workbook: fromJSON(saved[0], { drive: again }) });
  expect(company2.spreadsheet.getSheets()[0].getRange("A1:B1").getValues()).toEqual([["O-1", "Ship it"]]);
  team2.spreadsheet.getSheets()[0].getRange("B1").setValue("Shipped");
  expect(company2.spreadsheet.getSheets()[0].getRange("B1").getValue()).toBe("Shipped");
});

test("errors: a range that does not parse, a missing sheet, a URL of no spreadsheet, wrong arguments", () => {
  const drive = new Drive();
  const team = source(drive);
  const url = team.spreadsheet.getUrl();
  const company = importer(drive, url, "Nowhere!A1:B2");
  company.allow();
  const cell = company.sheet.getRange("A1");
  const message = () => company.emu.workbook.errorMessage(company.emu.workbook.sheets[0], 1, 1);
  expect([cell.getValue(), message()]).toEqual(["#REF!", "Unable to parse range: Nowhere!A1:B2"]);
  cell.setFormula(`=IMPORTRANGE("${url}","not a range")`);
  expect([cell.getValue(), message()]).toEqual(["#REF!", "Unable to parse range: not a range"]);
  cell.setFormula('=IMPORTRANGE("https://docs.google.com/spreadsheets/d/nothing-here/edit","A1")');
  expect([cell.getValue(), message()]).toEqual(["#REF!", "You don't have permissions to access that sheet."]);
  cell.setFormula(`=IMPORTRANGE("${url}")`);
  expect(cell.getValue()).toBe("#VALUE!");
});

test("a prompt hidden by IFERROR offers no Allow access; a second source needs its own", () => {
  const drive = new Drive();
  const team = source(drive);
  const other = source(drive);
  const company = importer(drive, team.spreadsheet.getUrl());
  const wb = company.emu.workbook;
  company.sheet.getRange("E1").setFormula(`=IFERROR(IMPORTRANGE("${team.spreadsheet.getUrl()}","A1"),"waiting")`);
  expect(company.sheet.getRange("E1").getValue()).toBe("waiting");
  expect(() => wb.allowImportAccess(wb.sheets[0], 1, 5, ANN)).toThrow("Sheet1!E1 shows no Allow access prompt.");
  company.allow();
  expect(company.sheet.getRange("E1").getValue()).toBe("O-1");
  company.sheet.getRange("G1").setFormula(`=IMPORTRANGE("${other.spreadsheet.getUrl()}","A1")`);
  expect(wb.errorMessage(wb.sheets[0], 1, 7)).toBe("You need to connect these sheets.");
});

test("two spreadsheets importing from each other settle instead of looping", () => {
  const drive = new Drive();
  const a = createEmulator({ drive, owner: ANN });
  const b = createEmulator({ drive, owner: ANN });
  const sa = a.spreadsheet.getSheets()[0];
  const sb = b.spreadsheet.getSheets()[0];
  sa.getRange("A1").setValue(1);
  sb.getRange("A1").setFormula(`=IMPORTRANGE("${a.spreadsheet.getUrl()}","A1")+1`);
  b.workbook.allowImportAccess(b.workbook.sheets[0], 1, 1, ANN);
  sa.getRange("B1").setFormula(`=IMPORTRANGE("${b.spreadsheet.getUrl()}","A1")+1`);
  a.workbook.allowImportAccess(a.workbook.sheets[0], 1, 2, ANN);
  expect([sb.getRange("A1").getValue(), sa.getRange("B1").getValue()]).toEqual([2, 3]);
  sa.getRange("A1").setValue(10);
  expect([sb.getRange("A1").getValue(), sa.getRange("B1").getValue()]).toEqual([11, 12]);
});
