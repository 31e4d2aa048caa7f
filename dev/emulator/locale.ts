/**
 * The spreadsheet locales the emulator models: how typed numbers and dates are read and how
 * numbers show. Separators and date order are CLDR's (test/emulator/fidelity/locales.test.ts
 * checks them against the CLDR data in Node's ICU); the formula argument separator follows the
 * Sheets locale groups (stackoverflow.com/q/73767719: "comma is used in 28 locales ... united
 * kingdom ... united states; the rest of them use a semicolon").
 */

export interface SheetLocale {
  id: string;
  /** The same locale as a BCP 47 tag, for CLDR data through Intl (month and day names). */
  bcp47: string;
  /** Decimal separator of typed and displayed numbers. */
  decimal: "." | ",";
  /** Grouping separator shown by #,##0 patterns. */
  group: string;
  /** Grouping separators accepted in typed numbers. */
  groupTyped: string[];
  /** Order of day and month in typed numeric dates. */
  dateOrder: "MDY" | "DMY";
  /** Separator of typed numeric dates (besides ISO yyyy-mm-dd). */
  dateSeparator: "/" | ".";
  /** The automatic format of a date typed or written by script: CLDR's short date with a 4-digit year. */
  dateFormat: string;
  /** Its currency symbol, and whether it is written before the number. */
  currency: { symbol: string; before: boolean };
  /** Function argument separator in formulas. */
  argSeparator: "," | ";";
}

const NBSP = "\u00a0";

export const LOCALES: Record<string, SheetLocale> = {
  en_US: {
    id: "en_US",
    bcp47: "en-US",
    decimal: ".",
    group: ",",
    groupTyped: [","],
    dateOrder: "MDY",
    dateSeparator: "/",
    dateFormat: "M/d/yyyy",
    currency: { symbol: "$", before: true },
    argSeparator: ",",
  },
  en_GB: {
    id: "en_GB",
    bcp47: "en-GB",
    decimal: ".",
    group: ",",
    groupTyped: [","],
    dateOrder: "DMY",
    dateSeparator: "/",
    dateFormat: "dd/MM/yyyy",
    currency: { symbol: "£", before: true },
    argSeparator: ",",
  },
  de_DE: {
    id: "de_DE",
    bcp47: "de-DE",
    decimal: ",",
    group: ".",
    groupTyped: ["."],
    dateOrder: "DMY",
    dateSeparator: ".",
    dateFormat: "dd.MM.yyyy",
    currency: { symbol: "€", before: false },
    argSeparator: ";",
  },
  nb_NO: {
    id: "nb_NO",
    bcp47: "nb-NO",
    decimal: ",",
    group: NBSP,
    groupTyped: [NBSP, " ", "\u202f"],
    dateOrder: "DMY",
    dateSeparator: ".",
    dateFormat: "dd.MM.yyyy",
    currency: { symbol: "kr", before: false },
    argSeparator: ";",
  },
};

export const DEFAULT_LOCALE = "en_US";

/** The modelled locale for a Sheets locale code ("de_DE"); unknown codes are refused. */
export function localeFor(id: string): SheetLocale {
  const found = LOCALES[id];
  if (!found) {
    throw new Error(`The emulator does not model the locale "${id}" (it models ${Object.keys(LOCALES).join(", ")}).`);
  }
  return found;
}
