/**
 * Reading values as Google Sheets hands them over (numbers, booleans, Dates, "" for blank)
 * and as people type them ("45%", "1,200", "2026-10-01").
 */
import { ISO_DATE, MS_PER_DAY } from "./vocabulary";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Sheets' day zero: serial number 0 is 1899-12-30. */
const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);

// Looked up once: custom functions test every cell of a column.
const toTag = Object.prototype.toString;

/** Realm-safe: a Date made by Sheets' runtime (or another vm context) is still recognised. */
export function isDate(value: unknown): value is Date {
  return toTag.call(value) === "[object Date]";
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

/**
 * How a spreadsheet's locale writes numbers: 1,500.5 in en_US is 1.500,5 in de_DE and 1 500,5 in
 * nb_NO. Separators are CLDR's, through Intl, as Sheets follows the locale
 * (SpreadsheetApp getSpreadsheetLocale; DATEVALUE's help: formats "may depend on region").
 */
export interface NumberStyle {
  /** BCP 47, e.g. de-DE. */
  locale: string;
  decimal: string;
  group: string;
}

export const EN_US: NumberStyle = { locale: "en-US", decimal: ".", group: "," };

/** The number style of a Sheets locale such as de_DE (en_US when Intl doesn't know it). */
export function numberStyleOf(locale: string): NumberStyle {
  const tag = locale.replace(/_/g, "-");
  try {
    const parts = new Intl.NumberFormat(tag).formatToParts(12345.6);
    const decimal = parts.find((p) => p.type === "decimal")?.value ?? ".";
    const group = parts.find((p) => p.type === "group")?.value ?? (decimal === "," ? "." : ",");
    return { locale: tag, decimal, group };
  } catch {
    return EN_US;
  }
}

/** A number as a person would type it in the style (no grouping): 0.07 is "0,07" in de_DE. */
export function numberText(value: number, style: NumberStyle): string {
  return String(value).replace(".", style.decimal);
}

/** Examples of numbers in the style, for messages: "120, 1,200, 3.5 or 45%". */
export function numberExamples(style: NumberStyle): string {
  const group = /\s/.test(style.group) ? " " : style.group;
  return "120, 1" + group + "200, 3" + style.decimal + "5 or 45%";
}

const patterns = new Map<string, RegExp>();

/** Numbers as people type them, in the style: "1,200", "45%", "-3.5", "+2", "−4" (Unicode minus). */
function numberPattern(style: NumberStyle): RegExp {
  const key = style.decimal + style.group;
  let pattern = patterns.get(key);
  if (!pattern) {
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    // Whitespace is removed before matching, so a space-grouped style needs no group separator.
    const grouped = /\s/.test(style.group) ? "" : "\\d{1,3}(?:" + escape(style.group) + "\\d{3})+|";
    pattern = new RegExp("^([+\\-\\u2212]?)(" + grouped + "\\d*)(" + escape(style.decimal) + "\\d+)?(%?)$");
    patterns.set(key, pattern);
  }
  return pattern;
}

/** Where typed numbers get their style when none is given: the server asks the spreadsheet, the sidebar its overview. */
let styleSource: () => NumberStyle = () => EN_US;
let styleInUse: NumberStyle | undefined;

/** Sets where the style of typed numbers comes from; asked once, and only when a text needs it. */
export function useNumberStyle(source: () => NumberStyle): void {
  styleSource = source;
  styleInUse = undefined;
}

export function typedNumberStyle(): NumberStyle {
  return (styleInUse ??= styleSource());
}

/** A number from a cell or a person; text reads in `style`, by default the spreadsheet's (typedNumberStyle). */
export function parseNumber(value: unknown, style?: NumberStyle): Parsed<number> {
  if (typeof value === "number") {
    return Number.isFinite(value) ? { ok: true, value } : { ok: false, problem: "is not a finite number" };
  }
  if (typeof value === "boolean") return { ok: true, value: value ? 1 : 0 };
  if (isDate(value)) return { ok: false, problem: "is a date, not a number" };
  if (typeof value !== "string") return { ok: false, problem: "is not a number" };
  const text = value.trim().replace(/\s+/g, "");
  const upper = text.toUpperCase();
  if (upper === "TRUE") return { ok: true, value: 1 };
  if (upper === "FALSE") return { ok: true, value: 0 };
  const typed = style ?? typedNumberStyle();
  const match = numberPattern(typed).exec(text);
  if (!text || !match || (!match[2] && !match[3])) {
    return { ok: false, problem: "is not a number (write it like " + numberExamples(typed) + ")" };
  }
  const sign = match[1] === "-" || match[1] === "\u2212" ? -1 : 1;
  const digits = match[2].split(typed.group).join("");
  const magnitude = Number(digits + (match[3] ? "." + match[3].slice(typed.decimal.length) : ""));
  return { ok: true, value: (sign * magnitude) / (match[4] ? 100 : 1) };
}

/** A Date from a Date, a Sheets serial day number, or an ISO date text (yyyy-mm-dd, local midnight). */
export function parseDate(value: unknown): Parsed<Date> {
  if (isDate(value)) {
    return Number.isNaN(value.getTime()) ? { ok: false, problem: "is not a valid date" } : { ok: true, value };
  }
  if (typeof value === "number" && Number.isFinite(value)) {
    // Serial days count in the spreadsheet's local calendar, so rebuild the local date.
    const utc = new Date(SHEETS_EPOCH_UTC + Math.round(value * MS_PER_DAY));
    return {
      ok: true,
      value: new Date(
        utc.getUTCFullYear(),
        utc.getUTCMonth(),
        utc.getUTCDate(),
        utc.getUTCHours(),
        utc.getUTCMinutes(),
      ),
    };
  }
  if (typeof value === "string") {
    const match = ISO_DATE.exec(value.trim());
    if (match) {
      const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
      if (date.getMonth() === Number(match[2]) - 1 && date.getDate() === Number(match[3]))
        return { ok: true, value: date };
    }
  }
  return { ok: false, problem: "is not a date (use a date cell or write it as yyyy-mm-dd)" };
}

/** Midnight at the start of the given day, in local time. */
export function startOfDay(date: Date): Date {
  return new Date(date.getFullYear(), date.getMonth(), date.getDate());
}

/** yyyy-mm-dd in local time: the form the API and the sheets exchange dates in. */
export function isoDate(date: Date): string {
  const pad = (n: number) => (n < 10 ? "0" : "") + n;
  return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
}

/** The most of a person's text a message repeats: enough to recognise it, never the whole of a paste. */
export const MAX_QUOTED = 80;

/** How a value is quoted in error messages: short, and visibly a text when it is one. */
export function describeValue(value: unknown): string {
  if (typeof value === "string")
    return JSON.stringify(value.length > MAX_QUOTED ? value.slice(0, MAX_QUOTED - 3) + "..." : value);
  if (isDate(value)) return Number.isNaN(value.getTime()) ? "an invalid date" : isoDate(value);
  return String(value);
}
