/**
 * Reading values as Google Sheets hands them over (numbers, booleans, Dates, "" for blank)
 * and as people type them ("45%", "1,200", "2026-10-01").
 */
import { ISO_DATE, MS_PER_DAY } from "./vocabulary";

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Sheets' day zero: serial number 0 is 1899-12-30. */
const SHEETS_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** Realm-safe: a Date made by Sheets' runtime (or another vm context) is still recognised. */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

export function isBlank(value: unknown): boolean {
  return value === "" || value === null || value === undefined;
}

/** Numbers as people type them: "1,200", "45%", "-3.5", "+2", "−4" (Unicode minus). */
const NUMBER_TEXT = /^([+\-\u2212]?)(\d{1,3}(?:,\d{3})+|\d*)(\.\d+)?(%?)$/;

export function parseNumber(value: unknown): Parsed<number> {
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
  const match = NUMBER_TEXT.exec(text);
  if (!text || !match || (!match[2] && !match[3])) {
    return { ok: false, problem: "is not a number (write it like 120, 1,200, 3.5 or 45%)" };
  }
  const sign = match[1] === "-" || match[1] === "\u2212" ? -1 : 1;
  const magnitude = Number(match[2].replace(/,/g, "") + (match[3] ?? ""));
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
