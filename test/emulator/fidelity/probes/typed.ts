/** Strings written with setValue are read as if typed (the spreadsheet's locale: en_US here). */
import type { Probe } from "../probe";
import { sheet, typed } from "../probe";
import { S } from "../sources";

export const typedProbes: Probe[] = [
  {
    id: '"0042" is the number 42',
    source: S.gspreadCassettes,
    says: 'WorksheetTest.test_update_cell: "0042" written USER_ENTERED reads back FORMATTED_VALUE "42"',
    expected: { value: 42, display: "42" },
    actual: () => typed("0042"),
  },
  {
    id: '"2,000,000.01" is a grouped number',
    source: S.gspreadCassettes,
    says: 'CellTest.test_numeric_value: "2,000,000.01" reads back "2,000,000.01", numeric value 2000000.01',
    expected: { value: 2000000.01, display: "2,000,000.01" },
    actual: () => typed("2,000,000.01"),
  },
  {
    id: '"= 1 / 1024" is a formula shown with ten decimals',
    source: S.gspreadCassettes,
    says: 'CellTest.test_numeric_value: "= 1 / 1024" reads back "0.0009765625"',
    expected: { value: 0.0009765625, display: "0.0009765625" },
    actual: () => typed("= 1 / 1024"),
  },
  {
    id: '"=3/2" and "=4/2" show 1.5 and 2',
    source: S.gspreadCassettes,
    says: 'test_get_all_values_date_time_render_options: "=4/2" → 2 / "2", "=3/2" → 1.5 / "1.5"',
    expected: [
      { value: 2, display: "2" },
      { value: 1.5, display: "1.5" },
    ],
    actual: () => [typed("=4/2"), typed("=3/2")],
  },
  {
    id: '"2020-01-01" is a date shown as typed',
    source: S.gspreadCassettes,
    says: 'test_get_all_values_date_time_render_options: "2020-01-01" → serial 43831, FORMATTED "2020-01-01"',
    expected: { value: "Date 2020-01-01", display: "2020-01-01", serial: 43831 },
    actual: () => {
      const serial = sheet().getRange("A1").setValue("2020-01-01").setNumberFormat("0").getValue();
      return { ...typed("2020-01-01"), serial };
    },
  },
  {
    id: '"1999-01-02" is serial 36162',
    source: S.gspreadCassettes,
    says: 'test_get_all_values_date_time_render_options: "1999-01-02" → 36162',
    expected: 36162,
    actual: () => {
      return sheet().getRange("A1").setValue("1999-01-02").setNumberFormat("0").getValue();
    },
  },
  {
    id: "a number written as a number shows as such",
    source: S.gspreadCassettes,
    says: 'test_get_all_records_value_render_options: 0.12 → 0.12 / "0.12", 53 → 53 / "53"',
    expected: [
      [0.12, 53],
      ["0.12", "53"],
    ],
    actual: () => {
      const r = sheet()
        .getRange("A1:B1")
        .setValues([[0.12, 53]]);
      return [r.getValues()[0], r.getDisplayValues()[0]];
    },
  },
  {
    id: '"6.10" is the number 6.1',
    source: S.gspreadPandas26,
    says: 'my string value "6.10" was being interpreted as a float and getting converted to "6.1" in the google sheet',
    expected: { value: 6.1, display: "6.1" },
    actual: () => typed("6.10"),
  },
  {
    id: "ordinary text stays text",
    source: S.gspreadCassettes,
    says: 'CellTest.test_numeric_value: "Non-numeric value" reads back as that text',
    expected: { value: "Non-numeric value", display: "Non-numeric value" },
    actual: () => typed("Non-numeric value"),
  },
  {
    id: '"true" is the boolean TRUE',
    source: S.nodeGoogleSpreadsheet,
    says: "rows.test.ts: addRow({ col1: 'true' }) reads back 'TRUE' (\"internally its treating as a boolean\"); raw: 'true'",
    expected: { value: true, display: "TRUE" },
    actual: () => typed("true"),
  },
  {
    id: "a leading apostrophe keeps text, without the apostrophe",
    source: S.nodeGoogleSpreadsheet696,
    says: "if you type 0001 ... it coerces it to a number 1, but if you type '0001 it will keep the leading zeros and treat it as a string",
    expected: [
      { value: 1, display: "1" },
      { value: "0001", display: "0001" },
    ],
    actual: () => [typed("0001"), typed("'0001")],
  },
  {
    id: '"$20.50", "$15", "$100" are currency amounts',
    source: S.basicWriting,
    says: 'values "$20.50", "$15", "$100" written USER_ENTERED; the resulting sheet shows $20.50, $15, $100',
    expected: [
      { value: 20.5, display: "$20.50" },
      { value: 15, display: "$15" },
      { value: 100, display: "$100" },
    ],
    actual: () => [typed("$20.50"), typed("$15"), typed("$100")],
  },
  {
    id: '"$100.15" is a number with currency formatting',
    source: S.valueInputOption,
    says: 'USER_ENTERED: Formats may also be inferred, so "$100.15" becomes a number with currency formatting.',
    expected: { value: 100.15, display: "$100.15" },
    actual: () => typed("$100.15"),
  },
  {
    id: '"3/1/2016" is a date (en_US: month first)',
    source: S.basicWriting,
    says: 'Ship Date "3/1/2016" written USER_ENTERED is the date March 1, 2016',
    expected: { value: "Date 2016-03-01", display: "3/1/2016" },
    actual: () => typed("3/1/2016"),
  },
  {
    id: '"Mar 1 2016" is a date',
    source: S.valueInputOption,
    says: 'USER_ENTERED: The input is parsed exactly as if it were entered into the Google Sheets UI, so "Mar 1 2016" becomes a date',
    expected: "Date 2016-03-01",
    actual: () => typed("Mar 1 2016").value,
  },
  {
    id: '"=1+2" is a formula',
    source: S.valueInputOption,
    says: 'USER_ENTERED: "=1+2" becomes a formula',
    expected: [3, "=1+2"],
    actual: () => {
      const c = sheet().getRange("A1").setValue("=1+2");
      return [c.getValue(), c.getFormula()];
    },
  },
  {
    id: '"=SUM(B2:B4)" written with setValues is a formula',
    source: S.basicWriting,
    says: '"Totals" row: "=SUM(B2:B4)", "=SUM(C2:C4)" written USER_ENTERED are formulas',
    expected: 7,
    actual: () => {
      const s = sheet();
      s.getRange("C2:C5").setValues([["4"], ["2"], ["1"], ["=SUM(C2:C4)"]]);
      return s.getRange("C5").getValue();
    },
  },
  {
    id: 'digits, "e" and digits ("7e30", "1e5") are numbers',
    source: S.gspreadDataframe26,
    says: 'whenever a sha1 reference happens to be something like "7e30" or "9e50", the cells are filled with the corresponding number in scientific notation',
    expected: [7e30, 9e50, 100000],
    actual: () => [typed("7e30").value, typed("9e50").value, typed("1e5").value],
  },
  {
    id: 'letters and digits without a leading number ("fe3a", "e6005095") stay text',
    source: S.gspreadDataframe26,
    says: 'exporting sha1 references such as "1234", "abcd", "fe3a" ... whenever one happens to be something like "7e30" or "9e50" [it becomes a number]: letters-first ones stay text',
    expected: ["fe3a", "abcd", "e6005095"],
    actual: () => [typed("fe3a").value, typed("abcd").value, typed("e6005095").value],
  },
  {
    id: '"1940 10 5" is a date',
    source: S.odkDocs1095,
    says: "This prevents Google Sheets from guessing at the data type ... (e.g. making 1940 10 5 into a date ...)",
    expected: "Date 1940-10-05",
    actual: () => typed("1940 10 5").value,
  },
  {
    id: "in a plain-text (@) cell, typed values stay text",
    source: S.odkCollect3703,
    says: "The apostrophe is not needed if we send data to a sheet [where] Plain Text is used as a formatting option",
    expected: ["1940 10 5", "0042", "=1+2"],
    actual: () => {
      const r = sheet().getRange("A1:C1").setNumberFormat("@");
      r.setValues([["1940 10 5", "0042", "=1+2"]]);
      return r.getValues()[0];
    },
  },
];
