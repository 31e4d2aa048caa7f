/** Display strings for values under a Sheets number format (the subset an add-on uses). */
import { EN_DAYS, EN_MONTHS, serialParts } from "./dates";

/** True when the pattern shows a date or time (then getValues returns a Date). */
export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern || pattern === "@") return false;
  const stripped = pattern.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dyhs]|m{1,4}/i.test(stripped.replace(/General/gi, "")) && !/[0#]/.test(stripped);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

const names = new Map<string, { months: string[]; monthsShort: string[]; days: string[]; daysShort: string[] }>();

/** Month and day names in the locale (CLDR through Intl); English when none is given. */
function namesFor(bcp47: string | undefined) {
  if (!bcp47) {
    return {
      months: EN_MONTHS,
      monthsShort: EN_MONTHS.map((m) => m.slice(0, 3)),
      days: EN_DAYS,
      daysShort: EN_DAYS.map((d) => d.slice(0, 3)),
    };
  }
  let found = names.get(bcp47);
  if (!found) {
    const fmt = (o: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(bcp47, { ...o, timeZone: "UTC" });
    const month = (i: number) => new Date(Date.UTC(2026, i, 15));
    const day = (i: number) => new Date(Date.UTC(2026, 2, 1 + i)); // 2026-03-01 is a Sunday
    const twelve = Array.from({ length: 12 }, (_, i) => i);
    const seven = Array.from({ length: 7 }, (_, i) => i);
    found = {
      months: twelve.map((i) => fmt({ month: "long" }).format(month(i))),
      monthsShort: twelve.map((i) => fmt({ month: "short" }).format(month(i))),
      days: seven.map((i) => fmt({ weekday: "long" }).format(day(i))),
      daysShort: seven.map((i) => fmt({ weekday: "short" }).format(day(i))),
    };
    names.set(bcp47, found);
  }
  return found;
}

export function formatDate(serial: number, pattern: string, bcp47?: string): string {
  const p = serialParts(serial);
  const n = namesFor(bcp47);
  const hasAmPm = /am\/pm|a\/p/i.test(pattern);
  const tokens =
    pattern.match(/"[^"]*"|\\.|am\/pm|a\/p|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|hh|h|ss|s|\.0+|[^]/gi) ?? [];
  const out: string[] = [];
  tokens.forEach((tok, i) => {
    const low = tok.toLowerCase();
    // "m" means minutes right after an hour token or right before a seconds token.
    const prev = tokens
      .slice(0, i)
      .reverse()
      .find((t) => /^[a-z]/i.test(t));
    const next = tokens.slice(i + 1).find((t) => /^[a-z]/i.test(t));
    const isMinute = (low === "m" || low === "mm") && ((prev && /^h/i.test(prev)) || (next && /^s/i.test(next)));
    const hour12 = p.h % 12 === 0 ? 12 : p.h % 12;
    if (tok.startsWith('"')) out.push(tok.slice(1, -1));
    else if (tok.startsWith("\\")) out.push(tok.slice(1));
    else if (low === "am/pm") out.push(p.h < 12 ? "AM" : "PM");
    else if (low === "a/p") out.push(p.h < 12 ? "A" : "P");
    else if (low === "yyyy") out.push(pad(p.y, 4));
    else if (low === "yy") out.push(pad(p.y % 100, 2));
    else if (isMinute) out.push(low === "mm" ? pad(p.mi, 2) : String(p.mi));
    else if (low === "mmmm") out.push(n.months[p.m - 1]);
    else if (low === "mmm") out.push(n.monthsShort[p.m - 1]);
    else if (low === "mm") out.push(pad(p.m, 2));
    else if (low === "m") out.push(String(p.m));
    else if (low === "dddd") out.push(n.days[p.dow]);
    else if (low === "ddd") out.push(n.daysShort[p.dow]);
    else if (low === "dd") out.push(pad(p.d, 2));
    else if (low === "d") out.push(String(p.d));
    else if (low === "hh") out.push(pad(hasAmPm ? hour12 : p.h, 2));
    else if (low === "h") out.push(String(hasAmPm ? hour12 : p.h));
    else if (low === "ss") out.push(pad(p.s, 2));
    else if (low === "s") out.push(String(p.s));
    else if (/^\.0+$/.test(tok)) out.push("." + pad(p.ms, 3).slice(0, tok.length - 1));
    else out.push(tok);
  });
  return out.join("");
}

/** The separators numbers show with (the spreadsheet's locale; en_US when none is given). */
export interface NumberSymbols {
  decimal: string;
  group: string;
  /** For month and day names (CLDR through Intl). */
  bcp47?: string;
}

const EN: NumberSymbols = { decimal: ".", group: "," };

function group(intPart: string, sep: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

const literal = (s: string) => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");

/** Digits of `v` under a mask: "0" always shown, "#" only when significant. */
function fixedDigits(v: number, decMask: string): { ip: string; dp: string | undefined } {
  const required = (decMask.match(/0/g) ?? []).length;
  const optional = decMask.length;
  let fixed = Math.abs(v).toFixed(optional);
  if (optional > required) {
    const [ip, dp = ""] = fixed.split(".");
    let trimmed = dp;
    while (trimmed.length > required && trimmed.endsWith("0")) trimmed = trimmed.slice(0, -1);
    fixed = trimmed ? `${ip}.${trimmed}` : ip + (decMask ? "." : "");
  }
  const [ip, dp] = fixed.split(".");
  return { ip, dp };
}

/**
 * Numeric patterns: literal text, "%", grouping "," between digit placeholders, decimal places
 * from 0/# after ".", scaling by a thousand per "," right after the digits ("0.0,,\"M\""), and
 * scientific "0.00E+00". Separators shown are the locale's.
 */
export function formatNumberPattern(value: number, pattern: string, symbols: NumberSymbols = EN): string {
  const sections = pattern.split(";");
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length > 2) section = sections[2];
  const m =
    /^((?:"[^"]*"|\\.|[^0#?,.%])*)([0#?,]*)(\.([0#?]*))?(,*)((?:[Ee][+-][0#]+)?)((?:"[^"]*"|\\.|[^0#?])*)$/.exec(
      section,
    );
  if (!m) return String(value);
  const [, prefix, rawIntMask, , decMask = "", trailing, expMask, suffix] = m;
  // Commas closing the digit mask scale by a thousand each; commas inside it group.
  const scaleCommas = (/,+$/.exec(rawIntMask)?.[0].length ?? 0) + trailing.length;
  const intMask = rawIntMask.replace(/,+$/, "");
  const percent = (prefix + suffix).includes("%") ? (prefix + suffix).split("%").length - 1 : 0;
  v = (v * Math.pow(100, percent)) / Math.pow(1000, scaleCommas);
  let exponent = "";
  if (expMask) {
    const e = v === 0 ? 0 : Math.floor(Math.log10(Math.abs(v)));
    v = v / Math.pow(10, e);
    const digits = (expMask.match(/[0#]/g) ?? []).length;
    const sign = e < 0 ? "-" : expMask[1] === "+" ? "+" : "";
    exponent = `${expMask[0]}${sign}${String(Math.abs(e)).padStart(digits, "0")}`;
  }
  const digits = fixedDigits(v, decMask);
  let ip = digits.ip;
  const minInt = (intMask.match(/0/g) ?? []).length;
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (intMask.includes(",")) ip = group(ip, symbols.group);
  const shown = Number(`${digits.ip}.${digits.dp ?? ""}`);
  const sign = v < 0 && shown !== 0 ? "-" : "";
  const decimals = digits.dp !== undefined ? symbols.decimal + digits.dp : "";
  return `${sign}${literal(prefix)}${ip}${decimals}${exponent}${literal(suffix)}`;
}

/** Sheets' automatic ("General") display: up to ~10 significant digits, no grouping. */
export function formatGeneral(value: number, symbols: NumberSymbols = EN): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-10) {
    return value.toExponential(2).replace("e+", "E+").replace("e-", "E-").replace(".", symbols.decimal);
  }
  const digitsBefore = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, Math.min(10, 11 - digitsBefore));
  return String(Number(value.toFixed(decimals))).replace(".", symbols.decimal);
}

export function formatValue(
  value: number | string | boolean | null,
  pattern: string | undefined,
  symbols: NumberSymbols = EN,
): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!pattern || /^general$/i.test(pattern) || pattern === "@") return formatGeneral(value, symbols);
  if (isDateFormat(pattern)) return formatDate(value, pattern, symbols.bcp47);
  return formatNumberPattern(value, pattern, symbols);
}
