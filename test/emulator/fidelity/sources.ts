/**
 * Where the fidelity probes' expected values come from. Nothing here is the emulator's own
 * opinion: each entry is Google's documentation, or Sheets / Apps Script behaviour observed live
 * and recorded by another public project (a test run against live Apps Script, a recorded
 * Sheets API response, a maintainer's report), or CLDR data.
 */
export type SourceKind = "reference" | "google-docs" | "live-test" | "live-report" | "cldr";

export interface Source {
  kind: SourceKind;
  /** A URL, or repository + path for a file in a public repository. */
  where: string;
  /** What it is, in a few words. */
  what: string;
}

const ref = (path: string, what: string): Source => ({
  kind: "reference",
  where: `developers.google.com/apps-script/reference/${path}`,
  what,
});

export const S = {
  rangeRef: ref("spreadsheet/range", "Apps Script reference, class Range"),
  sheetRef: ref("spreadsheet/sheet", "Apps Script reference, class Sheet"),
  spreadsheetRef: ref("spreadsheet/spreadsheet", "Apps Script reference, class Spreadsheet"),
  protectionRef: ref("spreadsheet/protection", "Apps Script reference, class Protection"),
  dvBuilderRef: ref("spreadsheet/data-validation-builder", "Apps Script reference, DataValidationBuilder"),
  lockRef: ref("lock/lock", "Apps Script reference, class Lock"),
  cacheRef: ref("cache/cache", "Apps Script reference, class Cache"),
  filterHelp: {
    kind: "google-docs",
    where: "support.google.com/docs/answer/3093197 (FILTER function)",
    what: "Docs Editors Help: FILTER, its sample usage and notes",
  },
  events: {
    kind: "google-docs",
    where: "developers.google.com/apps-script/guides/triggers/events (Edit)",
    what: "Apps Script guide, event objects",
  },
  quotas: {
    kind: "google-docs",
    where: "developers.google.com/apps-script/guides/services/quotas",
    what: "Apps Script quotas: properties 9 KB a value, 500 KB a store",
  },
  valueInputOption: {
    kind: "google-docs",
    where: "developers.google.com/sheets/api/guides/values (ValueInputOption USER_ENTERED)",
    what: 'Sheets API guide: "parsed exactly as if it were entered into the Google Sheets UI"',
  },
  valueRenderOption: {
    kind: "google-docs",
    where: "developers.google.com/sheets/api/reference/rest/v4/ValueRenderOption",
    what: "Sheets API reference: FORMATTED_VALUE follows the spreadsheet's locale",
  },
  basicWriting: {
    kind: "google-docs",
    where: "developers.google.com/sheets/api/samples/writing (Write a single range)",
    what: "Sheets API sample: values written USER_ENTERED and the resulting sheet",
  },
  repeatCell: {
    kind: "google-docs",
    where: "developers.google.com/sheets/api/reference/rest/v4/spreadsheets/request#RepeatCellRequest",
    what: "Sheets API reference: a formula written over a range increments per cell",
  },
  protectedRangeApi: {
    kind: "google-docs",
    where: "developers.google.com/sheets/api/reference/rest/v4/spreadsheets/sheets#ProtectedRange",
    what: 'Sheets API reference: "Editors are not supported with warningOnly protection"',
  },
  gasFakesSheets: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testsheets.js",
    what: "gas-fakes test suite, run against live Apps Script as well as the fake (SpreadsheetApp.isFake branches)",
  },
  gasFakesValues: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testsheetsvalues.js",
    what: "gas-fakes test suite (live Apps Script)",
  },
  gasFakesText: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testsheetstext.js",
    what: "gas-fakes test suite (live Apps Script)",
  },
  gasFakesValidation: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testsheetsdatavalidations.js",
    what: 'gas-fakes test suite (live Apps Script): "apps script converts everything to strings in a value list"',
  },
  gasFakesPermissions: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testsheetspermissions.js",
    what: "gas-fakes test suite, protections of a live test spreadsheet",
  },
  gasFakesLock: {
    kind: "live-test",
    where: "github.com/brucemcpherson/gas-fakes test/testlock.js, src/services/lock/fakelock.js",
    what: "gas-fakes lock tests (live Apps Script: waitLock failure matches /Lock timeout/)",
  },
  gspreadCassettes: {
    kind: "live-test",
    where: "github.com/burnash/gspread tests/cassettes/*.json",
    what: "gspread's recorded live Sheets API responses (USER_ENTERED writes read back)",
  },
  nodeGoogleSpreadsheet: {
    kind: "live-test",
    where: "github.com/theoephraim/node-google-spreadsheet src/test/*.test.ts",
    what: "node-google-spreadsheet integration tests against a live spreadsheet",
  },
  nodeGoogleSpreadsheet696: {
    kind: "live-report",
    where: "github.com/theoephraim/node-google-spreadsheet/issues/696",
    what: "maintainer: typing 0001 gives the number 1, '0001 keeps the text",
  },
  gspreadDataframe26: {
    kind: "live-report",
    where: "github.com/robin900/gspread-dataframe/issues/26",
    what: 'sha1 strings like "7e30", "9e50" written USER_ENTERED became numbers; "abcd", "fe3a" stayed text',
  },
  gspreadPandas26: {
    kind: "live-report",
    where: "github.com/aiguofer/gspread-pandas/issues/26",
    what: 'the string "6.10" written USER_ENTERED was read as a number and shown as "6.1"',
  },
  odkDocs1095: {
    kind: "live-report",
    where: "github.com/getodk/docs/pull/1095",
    what: 'ODK maintainers: Sheets makes "1940 10 5" into a date',
  },
  odkCollect3703: {
    kind: "live-report",
    where: "github.com/getodk/collect/issues/3703",
    what: "no apostrophe is needed in a Plain Text formatted sheet: values are not parsed",
  },
  propertyQuotaReport: {
    kind: "live-report",
    where: "github.com/nakaone/library authMenu/1.0.0/underdev/20240509/server.verifySignature.js",
    what: "a single property value over 9 KB failed with the storage-quota message",
  },
  infoinspiredScaling: {
    kind: "live-report",
    where: "infoinspired.com/google-docs/spreadsheet/format-numbers-to-millions-and-thousands-in-google-sheets",
    what: 'omitting placeholders after the thousands separator abbreviates to thousands (#,##0,"K")',
  },
  localeSyntax: {
    kind: "live-report",
    where: "stackoverflow.com/q/73767719 (locale differences in google sheets)",
    what: "28 locales (incl. United States, United Kingdom) use ',' between arguments, the rest ';'; ';' is corrected to ',' in comma locales",
  },
  englishFunctionNames: {
    kind: "live-report",
    where: "es.stackoverflow.com/q/527698",
    what: "formulas added with Apps Script use English function names whatever the locale",
  },
  importRangeHelp: {
    kind: "google-docs",
    where: "support.google.com/docs/answer/3093340 (IMPORTRANGE)",
    what: "Docs Editors Help: syntax, Permission & access, Technical details (updates, chains)",
  },
  importRangeNamed: {
    kind: "google-docs",
    where: "support.google.com/docs/answer/3093340?hl=ja (IMPORTRANGE, sample usage)",
    what: 'Docs Editors Help, sample usage with a named range: IMPORTRANGE(url, "Sales_total")',
  },
  cldr: {
    kind: "cldr",
    where: "CLDR via Node's ICU (Intl.NumberFormat / Intl.DateTimeFormat)",
    what: "locale separators and date order",
  },
} satisfies Record<string, Source>;
