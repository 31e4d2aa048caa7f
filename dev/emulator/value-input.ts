/**
 * How Sheets interprets a value written by setValue/setValues or typed by a user (en_US locale):
 * "=..." is a formula, a leading apostrophe keeps text, "45%" / "1,200" / "TRUE" / dates are parsed,
 * unless the cell is formatted as plain text ("@").
 */
import { partsToSerial } from "./dates";

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

const NUMBER = /^[+-]?(\d{1,3}(,\d{3})+|\d*)(\.\d+)?([eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([AaPp][Mm])?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function validDate(y: number, m: number, d: number, h: number, mi: number, s: number): boolean {
  if (m < 1 || m > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  return new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
}

function parseNumber(text: string): { value: number; grouped: boolean; decimals: number } | null {
  const t = text.trim();
  if (!t || !NUMBER.test(t) || !/\d/.test(t)) return null;
  const grouped = t.includes(",");
  const dot = t.indexOf(".");
  const decimals = dot < 0 ? 0 : t.replace(/[eE].*$/, "").length - dot - 1;
  return { value: Number(t.replace(/,/g, "")), grouped, decimals };
}

export function interpretText(text: string, cellFormat: string | undefined): Interpreted {
  if (cellFormat === "@") return { value: text };
  if (text.startsWith("'")) return { value: text.slice(1) };
  if (text.startsWith("=") && text.length > 1) return { formula: text, value: null };
  if (text === "") return { value: null };
  const upper = text.trim().toUpperCase();
  if (upper === "TRUE" || upper === "FALSE") return { value: upper === "TRUE" };

  const trimmed = text.trim();
  if (trimmed.endsWith("%")) {
    const n = parseNumber(trimmed.slice(0, -1));
    if (n) return { value: n.value / 100, autoFormat: n.decimals > 0 ? "0.00%" : "0%" };
  }
  const currency = /^([+-]?)\$(.*)$/.exec(trimmed);
  if (currency) {
    const n = parseNumber(currency[2]);
    if (n) return { value: (currency[1] === "-" ? -1 : 1) * n.value, autoFormat: '"$"#,##0.00' };
  }
  const n = parseNumber(trimmed);
  if (n) return { value: n.value, autoFormat: n.grouped ? (n.decimals > 0 ? "#,##0.00" : "#,##0") : undefined };

  const iso = ISO_DATE.exec(trimmed);
  const us = US_DATE.exec(trimmed);
  if (iso || us) {
    const [y, m, d] = iso
      ? [Number(iso[1]), Number(iso[2]), Number(iso[3])]
      : [Number(us![3]), Number(us![1]), Number(us![2])];
    const t = (iso ?? us)!;
    const h = Number(t[4] ?? 0);
    const mi = Number(t[5] ?? 0);
    const s = Number(t[6] ?? 0);
    if (validDate(y, m, d, h, mi, s)) {
      const hasTime = t[4] !== undefined;
      const fmt = iso
        ? hasTime
          ? t[6]
            ? "yyyy-mm-dd hh:mm:ss"
            : "yyyy-mm-dd hh:mm"
          : "yyyy-mm-dd"
        : hasTime
          ? "M/d/yyyy H:mm:ss"
          : "M/d/yyyy";
      return { value: partsToSerial(y, m, d, h, mi, s), autoFormat: fmt, isDate: true };
    }
  }
  const time = TIME.exec(trimmed);
  if (time) {
    let h = Number(time[1]);
    const mi = Number(time[2]);
    const sec = Number(time[3] ?? 0);
    const ampm = time[4]?.toLowerCase();
    if (ampm && h >= 1 && h <= 12) h = (h % 12) + (ampm === "pm" ? 12 : 0);
    if (h < 24 && mi < 60 && sec < 60 && (!ampm || Number(time[1]) <= 12)) {
      const fmt = ampm ? (time[3] ? "h:mm:ss am/pm" : "h:mm am/pm") : time[3] ? "h:mm:ss" : "h:mm";
      // A time alone is a fraction of a day (Apps Script reads it as a Date on 1899-12-30).
      return { value: (h * 3600 + mi * 60 + sec) / 86400, autoFormat: fmt, isDate: true };
    }
  }
  return { value: text };
}
