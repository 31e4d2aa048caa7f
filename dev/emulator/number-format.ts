/** Display strings for values under a Sheets number format (the subset an add-on uses). */
import { serialParts } from "./dates";

const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

/** True when the pattern shows a date or time (then getValues returns a Date). */
export function isDateFormat(pattern: string | undefined): boolean {
  if (!pattern || pattern === "@") return false;
  const stripped = pattern.replace(/"[^"]*"/g, "").replace(/\\./g, "");
  return /[dyhs]|m{1,4}/i.test(stripped.replace(/General/gi, "")) && !/[0#]/.test(stripped);
}

function pad(n: number, w: number): string {
  return String(n).padStart(w, "0");
}

export function formatDate(serial: number, pattern: string): string {
  const p = serialParts(serial);
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
    else if (low === "mmmm") out.push(MONTHS[p.m - 1]);
    else if (low === "mmm") out.push(MONTHS[p.m - 1].slice(0, 3));
    else if (low === "mm") out.push(pad(p.m, 2));
    else if (low === "m") out.push(String(p.m));
    else if (low === "dddd") out.push(DAYS[p.dow]);
    else if (low === "ddd") out.push(DAYS[p.dow].slice(0, 3));
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

function group(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** Numeric patterns: literal text, "%", thousands ",", decimal places from 0/# after ".". */
export function formatNumberPattern(value: number, pattern: string): string {
  const sections = pattern.split(";");
  let section = sections[0];
  let v = value;
  if (value < 0 && sections.length > 1) {
    section = sections[1];
    v = -value;
  } else if (value === 0 && sections.length > 2) section = sections[2];
  const literal = (s: string) => s.replace(/"([^"]*)"/g, "$1").replace(/\\(.)/g, "$1");
  const m = /^((?:"[^"]*"|\\.|[^0#?,.%])*)([0#?,]*)(\.([0#?]*))?((?:"[^"]*"|\\.|[^0#?])*)$/.exec(section);
  if (!m) return String(value);
  const [, prefix, intMask, , decMask = "", suffix] = m;
  const percent = (prefix + suffix).includes("%") ? (prefix + suffix).split("%").length - 1 : 0;
  v = v * Math.pow(100, percent);
  const required = (decMask.match(/0/g) ?? []).length;
  const optional = decMask.length;
  let fixed = Math.abs(v).toFixed(optional);
  if (optional > required) {
    const [ip, dp = ""] = fixed.split(".");
    let trimmed = dp;
    while (trimmed.length > required && trimmed.endsWith("0")) trimmed = trimmed.slice(0, -1);
    fixed = trimmed ? `${ip}.${trimmed}` : ip + (decMask ? "." : "");
  }
  const parts = fixed.split(".");
  let ip = parts[0];
  const dp = parts[1];
  const minInt = (intMask.match(/0/g) ?? []).length;
  if (ip === "0" && minInt === 0) ip = "";
  ip = ip.padStart(minInt, "0");
  if (intMask.includes(",")) ip = group(ip);
  const sign = v < 0 && Number(fixed) !== 0 ? "-" : "";
  return `${sign}${literal(prefix)}${ip}${dp !== undefined ? "." + dp : ""}${literal(suffix)}`;
}

/** Sheets' automatic ("General") display: up to ~10 significant digits, no grouping. */
export function formatGeneral(value: number): string {
  if (value === 0) return "0";
  const abs = Math.abs(value);
  if (abs >= 1e15 || abs < 1e-10) return value.toExponential(2).replace("e+", "E+").replace("e-", "E-");
  const digitsBefore = Math.max(1, Math.floor(Math.log10(abs)) + 1);
  const decimals = Math.max(0, Math.min(10, 11 - digitsBefore));
  return String(Number(value.toFixed(decimals)));
}

export function formatValue(value: number | string | boolean | null, pattern: string | undefined): string {
  if (value === null || value === "") return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  if (!pattern || /^general$/i.test(pattern) || pattern === "@") return formatGeneral(value);
  if (isDateFormat(pattern)) return formatDate(value, pattern);
  return formatNumberPattern(value, pattern);
}
