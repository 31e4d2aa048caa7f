/** Reading and writing values: types, blanks, data range, appendRow, A1 notation, number formats. */
import type { Probe } from "../probe";
import { emulator, isoLocal, sheet } from "../probe";
import { S } from "../sources";

export const valueProbes: Probe[] = [
  {
    id: "getValues: empty cells are empty strings",
    source: S.rangeRef,
    says: "getValues(): Empty cells are represented by an empty string in the array.",
    expected: [["x", ""]],
    actual: () => {
      const s = sheet();
      s.getRange("A1").setValue("x");
      return s.getRange("A1:B1").getValues();
    },
  },
  {
    id: "getValues: Number, Boolean, Date or String",
    source: S.rangeRef,
    says: "getValues(): The values may be of type Number, Boolean, Date, or String, depending on the value of the cell.",
    expected: ["number", "boolean", "Date", "string"],
    actual: () => {
      const s = sheet();
      s.getRange("A1:D1").setValues([[1.5, true, new Date(Date.UTC(2026, 0, 2)), "text"]]);
      return s
        .getRange("A1:D1")
        .getValues()[0]
        .map((v) => (v instanceof Date ? "Date" : typeof v));
    },
  },
  {
    id: "getDataRange of an empty sheet reads [['']]",
    source: S.gasFakesSheets,
    says: 'sort() on an empty sheet: sheet.getDataRange().getValues() deep-equals [[""]]',
    expected: [[""]],
    actual: () => sheet().getDataRange().getValues(),
  },
  {
    id: "getDataRange spans A1 to the last row and column with content",
    source: S.gasFakesValues,
    says: "getDataRange(): lastRow = values.length, lastColumn = values[0].length, A1 notation starts at A1",
    expected: "A1:C4",
    actual: () => {
      const s = sheet();
      s.getRange("B4").setValue(1);
      s.getRange("C2").setValue(2);
      return s.getDataRange().getA1Notation();
    },
  },
  {
    id: "appendRow writes the first row of an empty sheet",
    source: S.gasFakesText,
    says: "appendRow(data): getLastRow() is 1, getLastColumn() is data.length, the row reads back as data",
    expected: [1, 3, [["sample1", "sample2", "sample3"]]],
    actual: () => {
      const s = sheet();
      s.appendRow(["sample1", "sample2", "sample3"]);
      return [s.getLastRow(), s.getLastColumn(), s.getRange(1, 1, 1, 3).getValues()];
    },
  },
  {
    id: "appendRow: a cell starting with = is a formula",
    source: S.sheetRef,
    says: "appendRow(rowContents): If a cell's content begins with =, it's interpreted as a formula.",
    expected: ["=1+1", 2],
    actual: () => {
      const s = sheet();
      s.appendRow(["=1+1"]);
      return [s.getRange("A1").getFormula(), s.getRange("A1").getValue()];
    },
  },
  {
    id: "blank rows inserted in the data do not move getLastRow",
    source: S.gasFakesText,
    says: "insertRowAfter / insertRowsBefore ...: blank row so lastrow doesnt increase",
    expected: 1,
    actual: () => {
      const s = sheet();
      s.appendRow(["a", "b", "c"]);
      s.insertRowAfter(2);
      s.insertRowsBefore(2, 2);
      return s.getLastRow();
    },
  },
  {
    id: "a column inserted inside the data moves getLastColumn",
    source: S.gasFakesText,
    says: "insertColumnAfter(2): getLastColumn() is cb + 1",
    expected: 4,
    actual: () => {
      const s = sheet();
      s.appendRow(["a", "b", "c"]);
      s.insertColumnAfter(2);
      return s.getLastColumn();
    },
  },
  {
    id: "A1 notation is case-insensitive and drops $",
    source: S.gasFakesValues,
    says: 'sheet.getRange("$aa$11").getA1Notation() is "AA11"',
    expected: ["AA11", 11, 27],
    actual: () => {
      const s = sheet();
      s.insertColumnsAfter(26, 2);
      const r = s.getRange("$aa$11");
      return [r.getA1Notation(), r.getRow(), r.getColumn()];
    },
  },
  {
    id: "a range's last row and column",
    source: S.gasFakesValues,
    says: 'getRange("C11:AB20"): getLastRow() 20, getLastColumn() 28',
    expected: [20, 28, 10, 26],
    actual: () => {
      const s = sheet();
      s.insertColumnsAfter(26, 2);
      const r = s.getRange("C11:AB20");
      return [r.getLastRow(), r.getLastColumn(), r.getNumRows(), r.getNumColumns()];
    },
  },
  {
    id: 'setNumberFormat("general") reads back as 0.###############',
    source: S.gasFakesSheets,
    says: 'NumberFormat: "because we set general, but receive this default in return": "0.###############"',
    expected: "0.###############",
    actual: () => sheet().getRange("A1").setNumberFormat("general").getNumberFormat(),
  },
  {
    id: "a custom number format reads back as set",
    source: S.gasFakesSheets,
    says: 'range.setNumberFormat("0.#"); range.getNumberFormat() is "0.#"',
    expected: ["0.#", "0.00", "#,##0.00"],
    actual: () => {
      const r = sheet().getRange("B15:D15");
      r.setNumberFormats([["0.#", "0.00", "#,##0.00"]]);
      return r.getNumberFormats()[0];
    },
  },
  {
    id: "a number pattern '#.00' shows two decimals",
    source: S.nodeGoogleSpreadsheet,
    says: "cells.test.ts: numberFormat { type: 'NUMBER', pattern: '#.00' }: formattedValue is value.toFixed(2)",
    expected: "3.58",
    actual: () => {
      const s = sheet();
      s.getRange("A1:B1").setValues([[1.2345, 2.3456]]);
      const c = s.getRange("C1").setValue("=A1 + B1");
      c.setNumberFormat("#.00");
      return c.getDisplayValue();
    },
  },
  {
    id: "a formula's value and its formula",
    source: S.nodeGoogleSpreadsheet,
    says: "cells.test.ts: c1.value = '=2' reads back value 2 and formula '=2'",
    expected: [2, "=2"],
    actual: () => {
      const c = sheet().getRange("A1").setValue("=2");
      return [c.getValue(), c.getFormula()];
    },
  },
  {
    id: "a date cell reads back as a Date",
    source: S.rangeRef,
    says: "getValue(): Returns the value of the top-left cell in the range. The value may be of type Number, Boolean, Date, or String",
    expected: "Date 2026-01-02",
    actual: () => {
      const c = sheet()
        .getRange("A1")
        .setValue(new Date(Date.UTC(2026, 0, 2)));
      const v = c.getValue();
      return v instanceof Date ? `Date ${isoLocal(v)}` : v;
    },
  },
  {
    id: "getLastRow counts content, not notes or formats",
    source: S.sheetRef,
    says: "getLastRow(): Returns the position of the last row that has content.",
    expected: 2,
    actual: () => {
      const s = emulator().spreadsheet.getSheets()[0];
      s.getRange("A2").setValue("x");
      s.getRange("A5").setNote("a note");
      s.getRange("A7").setBackground("#ff0000");
      return s.getLastRow();
    },
  },
];
