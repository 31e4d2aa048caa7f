/** IMPORTRANGE between spreadsheets and its access step, as Google's help page for the function describes them. */
import { Drive } from "../../../../dev/emulator";
import { emulator } from "../probe";
import type { Probe } from "../probe";
import { S } from "../sources";

const OWNER = "owner@example.com";

/** A source spreadsheet (Sheet1 and Data, a named range) and a destination, on one drive. */
function pair(opts: { sourceOwner?: string; sourceEditors?: string[] } = {}) {
  const drive = new Drive();
  const source = emulator({ drive, owner: opts.sourceOwner ?? OWNER, editors: opts.sourceEditors ?? [] });
  const destination = emulator({ drive, user: OWNER });
  const first = source.spreadsheet.getSheets()[0];
  first.getRange("A1:B2").setValues([
    ["first", 1],
    ["sheet", 2],
  ]);
  const data = source.spreadsheet.insertSheet("Data");
  data.getRange("A1:B2").setValues([
    ["Sales", 10],
    ["Costs", 4],
  ]);
  source.spreadsheet.setNamedRange("Sales_total", data.getRange("B1:B2"));
  const url = source.spreadsheet.getUrl();
  const cell = destination.spreadsheet.getSheets()[0].getRange("A1");
  const put = (rangeString: string) => cell.setFormula(`=IMPORTRANGE("${url}","${rangeString}")`);
  const allow = (user = OWNER) => destination.workbook.allowImportAccess(destination.workbook.sheets[0], 1, 1, user);
  const read = (a1 = "A1:B2") => destination.spreadsheet.getSheets()[0].getRange(a1).getValues();
  return { source, destination, url, cell, put, allow, read, data };
}

function message(run: () => unknown): string {
  try {
    run();
    return "no exception";
  } catch (e) {
    return (e as Error).message;
  }
}

export const importRangeProbes: Probe[] = [
  {
    id: "until someone allows access the cell is #REF! asking to connect the sheets",
    source: S.importRangeHelp,
    says: 'Permission & access: "A #REF! error opens and prompts, “You need to connect these sheets. Allow Access.”"',
    expected: ["#REF!", "You need to connect these sheets."],
    actual: () => {
      const p = pair();
      p.put("Data!A1:B2");
      return [p.cell.getValue(), p.destination.workbook.errorMessage(p.destination.workbook.sheets[0], 1, 1)];
    },
  },
  {
    id: "after Allow access the range's values arrive",
    source: S.importRangeHelp,
    says: '"To grant the permission to the source spreadsheet, click Allow Access." Syntax: "[sheet_name!]range", e.g. "Sheet1!A2:B6"',
    expected: [
      ["Sales", 10],
      ["Costs", 4],
    ],
    actual: () => {
      const p = pair();
      p.put("Data!A1:B2");
      p.allow();
      return p.read();
    },
  },
  {
    id: "without a sheet name the range is the first sheet's",
    source: S.importRangeHelp,
    says: '"The sheet_name component of range_string is optional; by default IMPORTRANGE will import from the given range of the first sheet."',
    expected: [
      ["first", 1],
      ["sheet", 2],
    ],
    actual: () => {
      const p = pair();
      p.put("A1:B2");
      p.allow();
      return p.read();
    },
  },
  {
    id: "a named range of the source is a range string",
    source: S.importRangeNamed,
    says: 'Sample usage with a named range: IMPORTRANGE("https://docs.google.com/spreadsheets/d/abcd123abcd123", "Sales_total")',
    expected: [[10], [4]],
    actual: () => {
      const p = pair();
      p.put("Sales_total");
      p.allow();
      return p.read("A1:A2");
    },
  },
  {
    id: "once allowed, any part of the source imports without another prompt",
    source: S.importRangeHelp,
    says: '"Once access is granted, any editor on the destination spreadsheet can use IMPORTRANGE to pull from any part of the source spreadsheet."',
    expected: [["Costs"]],
    actual: () => {
      const p = pair();
      p.put("Data!A1:B2");
      p.allow();
      const other = p.destination.spreadsheet.getSheets()[0].getRange("D1");
      other.setFormula(`=IMPORTRANGE("${p.url}","Data!A2")`);
      return [[other.getValue()]];
    },
  },
  {
    id: "access ends when the person who allowed it is removed from the source",
    source: S.importRangeHelp,
    says: '"The access remains in effect until the user who granted access is removed from the source."',
    expected: ["Sales", "#REF!"],
    actual: () => {
      const p = pair({ sourceOwner: "boss@example.com", sourceEditors: [OWNER] });
      p.put("Data!A1");
      p.allow();
      const before = p.cell.getValue();
      p.source.workbook.editors = [];
      p.put("Data!A1"); // the formula written again: it is evaluated again
      return [before, p.cell.getValue()];
    },
  },
  {
    id: "a person who cannot open the source cannot allow access",
    source: S.importRangeHelp,
    says: "From a spreadsheet you can't open: \"You don't have permissions to access that sheet\" (request access from its owner)",
    expected: ["You don't have permissions to access that sheet.", "#REF!"],
    actual: () => {
      const p = pair({ sourceOwner: "boss@example.com" });
      p.put("Data!A1");
      return [message(() => p.allow()), p.cell.getValue()];
    },
  },
  {
    id: "an update to the source refreshes the receiving spreadsheet",
    source: S.importRangeHelp,
    says: '"Any update to the source document will cause all open receiving documents to refresh"',
    expected: [[10], [99]],
    actual: () => {
      const p = pair();
      p.put("Data!B1");
      p.allow();
      const before = p.cell.getValue();
      p.data.getRange("B1").setValue(99);
      return [[before], [p.cell.getValue()]];
    },
  },
  {
    id: "updates travel along a chain of IMPORTRANGEs",
    source: S.importRangeHelp,
    says: '"If sheet B has an IMPORTRANGE(sheet A) and sheet C has an IMPORTRANGE(sheet B) … Any update to sheet A causes sheet B and sheet C to reload."',
    expected: 7,
    actual: () => {
      const p = pair();
      p.put("Data!B1");
      p.allow();
      const c = emulator({ drive: p.destination.workbook.drive, user: OWNER });
      const cCell = c.spreadsheet.getSheets()[0].getRange("A1");
      cCell.setFormula(`=IMPORTRANGE("${p.destination.spreadsheet.getUrl()}","A1")`);
      c.workbook.allowImportAccess(c.workbook.sheets[0], 1, 1, OWNER);
      p.data.getRange("B1").setValue(7);
      return cCell.getValue();
    },
  },
  {
    id: "the URL may come from a cell",
    source: S.importRangeHelp,
    says: '"The value for spreadsheet_url must either be enclosed in quotation marks or be a reference to a cell containing the URL of a spreadsheet." (IMPORTRANGE(A2,"B2"))',
    expected: "Costs",
    actual: () => {
      const p = pair();
      const sheet = p.destination.spreadsheet.getSheets()[0];
      sheet.getRange("C1").setValue(p.url);
      p.cell.setFormula('=IMPORTRANGE(C1,"Data!A2")');
      p.allow();
      return p.cell.getValue();
    },
  },
];
