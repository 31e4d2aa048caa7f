/** Utilities.formatDate: Java SimpleDateFormat patterns (the common letters). */
import { EN_DAYS, EN_MONTHS, wallMs } from "./dates";

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? "-" : "+";
  const a = Math.abs(minutes);
  const hh = String(Math.floor(a / 60)).padStart(2, "0");
  const mm = String(a % 60).padStart(2, "0");
  return `${sign}${hh}${colon ? ":" : ""}${mm}`;
}

export function formatJavaDate(date: Date, timeZone: string, pattern: string): string {
  if (!(date instanceof Date) || Number.isNaN(date.getTime())) throw new Error("Invalid argument: date");
  const wall = new Date(wallMs(date.getTime(), timeZone));
  const offsetMin = Math.round((wall.getTime() - date.getTime()) / 60000);
  const f = {
    y: wall.getUTCFullYear(),
    M: wall.getUTCMonth() + 1,
    d: wall.getUTCDate(),
    H: wall.getUTCHours(),
    m: wall.getUTCMinutes(),
    s: wall.getUTCSeconds(),
    S: wall.getUTCMilliseconds(),
    E: wall.getUTCDay(),
  };
  let out = "";
  const re = /'([^']*)'|(y+|M+|d+|H+|h+|k+|K+|m+|s+|S+|E+|a+|z+|Z+|X+|u+)|([^'])/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(pattern))) {
    if (m[1] !== undefined) {
      out += m[1] === "" ? "'" : m[1];
      continue;
    }
    if (m[3] !== undefined) {
      out += m[3];
      continue;
    }
    const tok = m[2];
    const n = tok.length;
    const pad = (v: number) => String(v).padStart(n, "0");
    switch (tok[0]) {
      case "y":
        out += n === 2 ? String(f.y % 100).padStart(2, "0") : pad(f.y);
        break;
      case "M":
        out += n >= 4 ? EN_MONTHS[f.M - 1] : n === 3 ? EN_MONTHS[f.M - 1].slice(0, 3) : pad(f.M);
        break;
      case "d":
        out += pad(f.d);
        break;
      case "H":
        out += pad(f.H);
        break;
      case "k":
        out += pad(f.H === 0 ? 24 : f.H);
        break;
      case "K":
        out += pad(f.H % 12);
        break;
      case "h":
        out += pad(f.H % 12 === 0 ? 12 : f.H % 12);
        break;
      case "m":
        out += pad(f.m);
        break;
      case "s":
        out += pad(f.s);
        break;
      case "S":
        out += String(f.S).padStart(3, "0").slice(0, Math.max(3, n)).padEnd(n, "0");
        break;
      case "E":
        out += n >= 4 ? EN_DAYS[f.E] : EN_DAYS[f.E].slice(0, 3);
        break;
      case "u":
        out += String(f.E === 0 ? 7 : f.E);
        break;
      case "a":
        out += f.H < 12 ? "AM" : "PM";
        break;
      case "Z":
        out += offsetText(offsetMin, false);
        break;
      case "X":
        out += offsetMin === 0 ? "Z" : offsetText(offsetMin, n >= 3);
        break;
      case "z":
        out += offsetMin === 0 ? "UTC" : `GMT${offsetText(offsetMin, true)}`;
        break;
    }
  }
  return out;
}
