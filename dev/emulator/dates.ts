/**
 * Sheets stores dates as serial numbers (days since 1899-12-30) in the spreadsheet's time zone;
 * Apps Script hands scripts JavaScript Dates for the same wall-clock time in that zone.
 */

/** English month and day names, for display formats and Utilities.formatDate. */
export const EN_MONTHS = [
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
export const EN_DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

const EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86400000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: tz,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(tz, f);
  }
  return f;
}

const offsets = new Map<string, number>();
const QUARTER_HOUR = 900000;

/** The wall clock of `instant` in `tz`, expressed as if it were UTC milliseconds. */
export function wallMs(instant: number, tz: string): number {
  if (tz === "Etc/UTC" || tz === "UTC" || tz === "GMT" || tz === "Etc/GMT") return instant;
  // Zone offsets only change on quarter-hour boundaries: cache them (Intl is slow).
  const bucket = `${tz}|${Math.floor(instant / QUARTER_HOUR)}`;
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const start = Math.floor(instant / QUARTER_HOUR) * QUARTER_HOUR;
    offset = intlWallMs(start, tz) - start;
    if (offsets.size > 100000) offsets.clear();
    offsets.set(bucket, offset);
  }
  return instant + offset;
}

function intlWallMs(instant: number, tz: string): number {
  const parts: Record<string, number> = {};
  for (const p of formatter(tz).formatToParts(new Date(instant))) {
    if (p.type !== "literal") parts[p.type] = Number(p.value);
  }
  const ms = ((instant % 1000) + 1000) % 1000;
  return Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second, ms);
}

/** The instant whose wall clock in `tz` is `wall` (UTC-style milliseconds). */
export function instantFromWall(wall: number, tz: string): number {
  let instant = wall - (wallMs(wall, tz) - wall);
  const drift = wallMs(instant, tz) - wall;
  if (drift !== 0) instant -= drift;
  return instant;
}

export function serialToDate(serial: number, tz: string): Date {
  const wall = Math.round(EPOCH_MS + serial * DAY_MS);
  return new Date(instantFromWall(wall, tz));
}

export function dateToSerial(date: Date, tz: string): number {
  return (wallMs(date.getTime(), tz) - EPOCH_MS) / DAY_MS;
}

/** Wall-clock fields of a serial number (no time zone involved). */
export function serialParts(serial: number): {
  y: number;
  m: number;
  d: number;
  h: number;
  mi: number;
  s: number;
  ms: number;
  dow: number;
} {
  const t = new Date(Math.round(EPOCH_MS + serial * DAY_MS));
  return {
    y: t.getUTCFullYear(),
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    ms: t.getUTCMilliseconds(),
    dow: t.getUTCDay(),
  };
}

export function partsToSerial(y: number, m: number, d: number, h = 0, mi = 0, s = 0): number {
  return (Date.UTC(y, m - 1, d, h, mi, s) - EPOCH_MS) / DAY_MS;
}
