/**
 * How Sheets interprets a value written by setValue/setValues or typed by a user, in the
 * spreadsheet's locale: "=..." is a formula, a leading apostrophe keeps text, numbers, percentages,
 * currency amounts, booleans, dates and times are read as such, unless the cell is formatted as
 * plain text ("@"). Each form and its source: docs/EMULATOR.md and test/emulator/fidelity/.
 */
import { partsToSerial } from "./dates";
import type { SheetLocale } from "./locale";
import { DEFAULT_LOCALE, localeFor } from "./locale";

export type Scalar = number | string | boolean | null;

export interface Interpreted {
  /** Formula text including the leading "="; absent for plain values. */
  formula?: string;
  value: Scalar;
  /** A number format Sheets would pick automatically (only applied when the cell's format is automatic). */
  autoFormat?: string;
  /** The value is a Date: stored as a serial number, read back as Date. */
  isDate?: boolean;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** 1-12 for an English month name or its three-letter abbreviation ("Sept" too), else 0. */
function monthNumber(name: string): number {
  const n = name.toLowerCase();
  return MONTHS.findIndex((full) => full === n || full.slice(0, 3) === n || (n === "sept" && full === "september")) + 1;
}
const CURRENCY_SYMBOLS = ["$", "£", "€"];

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

interface ParsedNumber {
  value: number;
  grouped: boolean;
  decimals: number;
  exponent: boolean;
}

/**
 * A number as typed in the locale: optional sign, digits (grouped by threes or not), decimals,
 * an exponent. An exponent needs digits before it: "1e5" is a number, "e6005095" is text.
 */
export function parseLocaleNumber(text: string, locale: SheetLocale): ParsedNumber | null {
  const t = text.trim();
  const m = patterns(locale).number.exec(t);
  if (!m) return null;
  const [, sign, int, frac, exp] = m;
  if (!int && !frac) return null;
  const digits = int.replace(/\D/g, "");
  const value = Number(`${sign}${digits || "0"}.${frac ?? ""}e${exp ?? "0"}`);
  return { value, grouped: digits.length !== int.length, decimals: frac?.length ?? 0, exponent: exp !== undefined };
}

function numberFormat(n: ParsedNumber): string | undefined {
  if (n.exponent) return "0.00E+00";
  if (n.grouped) return n.decimals > 0 ? "#,##0.00" : "#,##0";
  return undefined;
}

interface LocalePatterns {
  number: RegExp;
  numericDate: RegExp;
  time: RegExp;
  currencyBefore: RegExp;
  currencyAfter: RegExp;
}

const compiled = new Map<string, LocalePatterns>();

/** The locale's patterns, built once (interpretText runs for every string written). */
function patterns(locale: SheetLocale): LocalePatterns {
  let p = compiled.get(locale.id);
  if (!p) {
    const groups = locale.groupTyped.map(escape).join("|");
    const dec = escape(locale.decimal);
    const sep = escape(locale.dateSeparator);
    const ampm = locale.decimal === "." ? "\\s*([AaPp][Mm])?" : "()";
    const symbols = [...new Set([locale.currency.symbol, ...CURRENCY_SYMBOLS])].map(escape).join("|");
    p = {
      number: new RegExp(`^([+-]?)(\\d{1,3}(?:(?:${groups})\\d{3})+|\\d*)(?:${dec}(\\d*))?(?:[eE]([+-]?\\d+))?$`),
      numericDate: new RegExp(`^(\\d{1,2})${sep}\\s?(\\d{1,2})${sep}\\s?(\\d{4})(?: ${TIME})?$`),
      time: new RegExp(`^${TIME}${ampm}$`),
      currencyBefore: new RegExp(`^([+-]?)(${symbols})\\s?(.+)$`),
      currencyAfter: new RegExp(`^(.+?)[\\s\\u00a0]?(${symbols})$`),
    };
    compiled.set(locale.id, p);
  }
  return p;
}

function validDate(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

const TIME = "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?";
const ISO_DATE = new RegExp(`^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:[ T]${TIME})?$`);

function dateValue(
  y: number,
  m: number,
  d: number,
  time: string[] | undefined,
  dateFormat: string,
): Interpreted | null {
  const [h, mi, s] = [Number(time?.[0] ?? 0), Number(time?.[1] ?? 0), Number(time?.[2] ?? 0)];
  if (!validDate(y, m, d, h, mi, s)) return null;
  const fmt = time ? `${dateFormat} ${time[2] !== undefined ? "H:mm:ss" : "H:mm"}` : dateFormat;
  return { value: partsToSerial(y, m, d, h, mi, s), autoFormat: fmt, isDate: true };
}

function parseDate(t: string, locale: SheetLocale): Interpreted | null {
  const iso = ISO_DATE.exec(t);
  if (iso) {
    const time = iso[4] === undefined ? undefined : [iso[4], iso[5], iso[6]];
    const fmt = !time ? "yyyy-mm-dd" : time[2] !== undefined ? "yyyy-mm-dd hh:mm:ss" : "yyyy-mm-dd hh:mm";
    const v = dateValue(Number(iso[1]), Number(iso[2]), Number(iso[3]), time, "");
    return v && { ...v, autoFormat: fmt };
  }
  const numeric = patterns(locale).numericDate.exec(t);
  if (numeric) {
    const [a, b] = [Number(numeric[1]), Number(numeric[2])];
    const [m, d] = locale.dateOrder === "MDY" ? [a, b] : [b, a];
    const time = numeric[4] === undefined ? undefined : [numeric[4], numeric[5], numeric[6]];
    return dateValue(Number(numeric[3]), m, d, time, locale.dateFormat);
  }
  // "1940 10 5": year, month and day separated by spaces.
  const spaced = /^(\d{4}) (\d{1,2}) (\d{1,2})$/.exec(t);
  if (spaced) return dateValue(Number(spaced[1]), Number(spaced[2]), Number(spaced[3]), undefined, locale.dateFormat);
  if (locale.decimal === ".") {
    // English month names: "Mar 1 2016", "March 1, 2016", "1 Mar 2016".
    const monthFirst = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4})$/.exec(t);
    const dayFirst = /^(\d{1,2}) ([A-Za-z]{3,9})\.?,? (\d{4})$/.exec(t);
    const found = monthFirst
      ? { name: monthFirst[1], d: monthFirst[2], y: monthFirst[3] }
      : dayFirst
        ? { name: dayFirst[2], d: dayFirst[1], y: dayFirst[3] }
        : null;
    if (found) {
      const m = monthNumber(found.name);
      if (m > 0) return dateValue(Number(found.y), m, Number(found.d), undefined, locale.dateFormat);
    }
  }
  return null;
}

function parseTime(t: string, locale: SheetLocale): Interpreted | null {
  const time = patterns(locale).time.exec(t);
  if (!time) return null;
  let h = Number(time[1]);
  const mi = Number(time[2]);
  const sec = Number(time[3] ?? 0);
  const mark = time[4]?.toLowerCase();
  if (mark && (h < 1 || h > 12)) return null;
  if (mark) h = (h % 12) + (mark === "pm" ? 12 : 0);
  if (h > 23 || mi > 59 || sec > 59) return null;
  const fmt = mark ? (time[3] ? "h:mm:ss am/pm" : "h:mm am/pm") : time[3] ? "h:mm:ss" : "h:mm";
  // A time alone is a fraction of a day (Apps Script reads it as a Date on 1899-12-30).
  return { value: (h * 3600 + mi * 60 + sec) / 86400, autoFormat: fmt, isDate: true };
}

function parseCurrency(t: string, locale: SheetLocale): Interpreted | null {
  const before = patterns(locale).currencyBefore.exec(t);
  const after = before ? null : patterns(locale).currencyAfter.exec(t);
  const amount = before ? before[3] : after?.[1];
  if (amount === undefined) return null;
  const n = parseLocaleNumber(amount, locale);
  // One sign only: "-$5" or "$-5", not "-$-5".
  if (!n || n.exponent || (before?.[1] && /^[+-]/.test(amount.trim()))) return null;
  const mask = n.decimals > 0 ? "#,##0.00" : "#,##0";
  if (before) return { value: (before[1] === "-" ? -1 : 1) * n.value, autoFormat: `"${before[2]}"${mask}` };
  return { value: n.value, autoFormat: `${mask}" ${after![2]}"` };
}

export function interpretText(text: string, cellFormat: string | undefined, locale?: SheetLocale): Interpreted {
  const loc = locale ?? localeFor(DEFAULT_LOCALE);
  if (cellFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text, value: null };
  if (text === "") return { value: null };
  const trimmed = text.trim();
  const upper = trimmed.toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };
  // Without a digit it cannot be a number, date or time: most text, decided at once.
  if (!/\d/.test(trimmed)) return { value: text };

  const percent = /^(.*?)\s?%$/.exec(trimmed);
  if (percent) {
    const n = parseLocaleNumber(percent[1], loc);
    if (n && !n.exponent) return { value: n.value / 100, autoFormat: n.decimals > 0 ? "0.00%" : "0%" };
  }
  const currency = parseCurrency(trimmed, loc);
  if (currency) return currency;
  const n = parseLocaleNumber(trimmed, loc);
  if (n) return { value: n.value, autoFormat: numberFormat(n) };
  return parseDate(trimmed, loc) ?? parseTime(trimmed, loc) ?? { value: text };
}
