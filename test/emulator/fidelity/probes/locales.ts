/**
 * Number formats and the spreadsheet's locale. The locale table (dev/emulator/locale.ts) is checked
 * against CLDR as Node's ICU carries it; what follows from it (typed "1,5" in German is one and a
 * half) is Sheets' documented rule that input is read as typed in the spreadsheet's locale.
 */
import { LOCALES } from "../../../../dev/emulator/locale";
import type { Probe } from "../probe";
import { sheet, typed } from "../probe";
import { S } from "../sources";

const BCP47: Record<string, string> = { en_US: "en-US", en_GB: "en-GB", de_DE: "de-DE", nb_NO: "nb-NO" };

function cldrNumberSymbols(id: string): { decimal: string; group: string } {
  const parts = new Intl.NumberFormat(BCP47[id]).formatToParts(1234567.5);
  return {
    decimal: parts.find((p) => p.type === "decimal")!.value,
    group: parts.find((p) => p.type === "group")!.value,
  };
}

function cldrDateOrder(id: string): string {
  const parts = new Intl.DateTimeFormat(BCP47[id], { dateStyle: "short" }).formatToParts(
    new Date(Date.UTC(2026, 3, 3)),
  );
  return parts
    .filter((p) => p.type === "day" || p.type === "month" || p.type === "year")
    .map((p) => p.type[0].toUpperCase())
    .join("");
}

function cldrDateSeparator(id: string): string {
  const parts = new Intl.DateTimeFormat(BCP47[id], { dateStyle: "short" }).formatToParts(
    new Date(Date.UTC(2026, 3, 3)),
  );
  return parts.find((p) => p.type === "literal")!.value.trim();
}

const localeData: Probe[] = Object.values(LOCALES).flatMap((l) => [
  {
    id: `${l.id}: decimal and grouping separators are CLDR's`,
    source: S.cldr,
    says: `Intl.NumberFormat("${BCP47[l.id]}") formats 1234567.5 with these separators`,
    expected: cldrNumberSymbols(l.id),
    actual: () => ({ decimal: l.decimal, group: l.group }),
  },
  {
    id: `${l.id}: day/month order and date separator are CLDR's`,
    source: S.cldr,
    says: `Intl.DateTimeFormat("${BCP47[l.id]}", { dateStyle: "short" }) orders and separates day, month, year so`,
    expected: { order: cldrDateOrder(l.id), separator: cldrDateSeparator(l.id) },
    actual: () => ({ order: `${l.dateOrder}`, separator: l.dateSeparator }),
  },
]);

export const formatProbes: Probe[] = [
  {
    id: 'a trailing "," after the digits scales by a thousand ("#,##0,\\"K\\"")',
    source: S.infoinspiredScaling,
    says: 'If you omit any placeholder after the thousand separator, the number will be abbreviated to thousands ("#,##0,\\"K\\"")',
    expected: ["1,500K", "2K"],
    actual: () => {
      const r = sheet()
        .getRange("A1:B1")
        .setValues([[1500000, 1500]]);
      r.setNumberFormat('#,##0,"K"');
      return r.getDisplayValues()[0];
    },
  },
  {
    id: 'two trailing commas scale by a million ("0.0,,\\"M\\"")',
    source: S.infoinspiredScaling,
    says: "each thousands separator with no placeholder after it abbreviates by a thousand: two for millions",
    expected: "2.5M",
    actual: () => sheet().getRange("A1").setValue(2500000).setNumberFormat('0.0,,"M"').getDisplayValue(),
  },
  {
    id: "displayed values follow the spreadsheet's locale, not the script's",
    source: S.valueRenderOption,
    says: "FORMATTED_VALUE: Formatting is based on the spreadsheet's locale, not the requesting user's locale.",
    expected: ["1,234.50", "1.234,50", "1\u00a0234,50"],
    actual: () =>
      ["en_US", "de_DE", "nb_NO"].map((locale) =>
        sheet({ locale }).getRange("A1").setValue(1234.5).setNumberFormat("#,##0.00").getDisplayValue(),
      ),
  },
  {
    id: "the locale is a language_COUNTRY code, read back as set",
    source: S.spreadsheetRef,
    says: 'getSpreadsheetLocale(): Gets the spreadsheet locale (codes like "en_US"); setSpreadsheetLocale(locale): Sets the spreadsheet locale.',
    expected: ["en_US", "de_DE"],
    actual: () => {
      const ss = sheet().getParent();
      const before = ss.getSpreadsheetLocale();
      ss.setSpreadsheetLocale("de_DE");
      return [before, ss.getSpreadsheetLocale()];
    },
  },
  ...localeData,
  {
    id: "en_US and en_GB separate arguments with commas, de_DE and nb_NO with semicolons",
    source: S.localeSyntax,
    says: "comma , is used in 28 locales: ... united kingdom ... united states; the rest of them use a semicolon ; (germany, norway (bokmal) among them)",
    expected: { en_US: ",", en_GB: ",", de_DE: ";", nb_NO: ";" },
    actual: () => Object.fromEntries(Object.values(LOCALES).map((l) => [l.id, l.argSeparator])),
  },
  {
    id: "in a comma locale a semicolon between arguments is corrected to a comma",
    source: S.localeSyntax,
    says: "google sheets can auto-correct semicolons into commas if your locale is one of those 28 that use commas",
    expected: [3, "=SUM(1,2)"],
    actual: () => {
      const c = sheet().getRange("A1").setValue("=SUM(1;2)");
      return [c.getValue(), c.getFormula()];
    },
  },
  {
    id: "in a semicolon locale a comma is never read as an argument separator",
    source: S.localeSyntax,
    says: "keep in mind that a comma is never autocorrected into a semicolon if you are on the dark side of spreadsheets",
    expected: [3.5, "#ERROR!"],
    actual: () => {
      const s = sheet({ locale: "de_DE" });
      s.getRange("A1").setValue("=SUM(1,5;2)");
      s.getRange("A2").setValue("=SUM(1,2;A1,B1)");
      return [s.getRange("A1").getValue(), s.getRange("A2").getValue()];
    },
  },
  {
    id: "formulas written by script use English function names in any locale",
    source: S.englishFunctionNames,
    says: "cuando se agregan fórmulas usando Google Apps Script ... se debe usar los nombres de las funciones en inglés (SUM, not SUMA)",
    expected: 3,
    actual: () => sheet({ locale: "de_DE" }).getRange("A1").setValue("=SUM(1;2)").getValue(),
  },
  {
    id: 'typed "1,5" and "1.500" in de_DE: one and a half, fifteen hundred',
    source: S.valueInputOption,
    says: "USER_ENTERED values are parsed as if typed into the UI (in the spreadsheet's locale: de decimal ',', group '.')",
    expected: [1.5, 1500, 1500.25],
    actual: () => [typed("1,5", "de_DE").value, typed("1.500", "de_DE").value, typed("1.500,25", "de_DE").value],
  },
  {
    id: 'typed "1,500" in en_US is fifteen hundred',
    source: S.valueInputOption,
    says: "USER_ENTERED values are parsed as if typed into the UI (en_US group ',')",
    expected: 1500,
    actual: () => typed("1,500", "en_US").value,
  },
  {
    id: "typed dates follow the locale's day/month order",
    source: S.valueInputOption,
    says: "USER_ENTERED values are parsed as if typed into the UI (CLDR order: en_US M/d, en_GB d/M, de_DE d.M)",
    expected: ["Date 2026-04-03", "Date 2026-03-04", "Date 2026-04-03", "Date 2026-04-03"],
    actual: () => [
      typed("4/3/2026", "en_US").value,
      typed("4/3/2026", "en_GB").value,
      typed("3.4.2026", "de_DE").value,
      typed("3.4.2026", "nb_NO").value,
    ],
  },
  {
    id: "nb_NO groups typed thousands with a space",
    source: S.valueInputOption,
    says: "USER_ENTERED values are parsed as if typed into the UI (CLDR nb: decimal ',', group no-break space)",
    expected: [1234.5, 1234.5],
    actual: () => [typed("1 234,5", "nb_NO").value, typed("1\u00a0234,5", "nb_NO").value],
  },
];
