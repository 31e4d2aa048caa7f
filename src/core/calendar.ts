/**
 * The spreadsheet's calendar. Sheets shows and stores dates in the spreadsheet's time zone, while
 * the script runs in its manifest's zone (UTC): a Date written as script midnight shows as the
 * day before in a US spreadsheet, and a date typed in Berlin reads back as the day before here.
 * Date-only cells go through this calendar; timestamps (History) are instants and need nothing.
 */
import { MS_PER_DAY as DAY } from "./vocabulary";

/** A date cell is its day's midnight; this margin absorbs a daylight-saving hour either way. */
const MARGIN = 90 * 60_000;

/**
 * The zone's offset from UTC at an instant, as Apps Script's `Utilities.formatDate(at, zone, "Z")`
 * writes it ("+0100", "-0800"). Passed in, so this file needs no Apps Script service.
 */
export type ZoneOffsetText = (at: Date) => string;

function offsetMs(text: string): number {
  const sign = text.charAt(0) === "-" ? -1 : 1;
  return sign * (Number(text.slice(1, 3)) * 60 + Number(text.slice(3, 5))) * 60_000;
}

// Looked up once: dayNumberOf runs for every cell of a column.
const floor = Math.floor;

/** 1970-01-01 as Sheets numbers days (from 1899-12-30). */
const SHEETS_EPOCH_DAY = 25_569;

/** Day number `n` (days since 1970-01-01) as the script's local midnight, which the core's date maths use. */
function scriptDay(n: number): Date {
  const utc = new Date(n * DAY);
  return new Date(utc.getUTCFullYear(), utc.getUTCMonth(), utc.getUTCDate());
}

export class SheetCalendar {
  private readonly nowOffset: number;

  constructor(
    private readonly offsetAt: ZoneOffsetText,
    private readonly now = new Date(),
  ) {
    this.nowOffset = offsetMs(offsetAt(now));
  }

  /** Today, in the spreadsheet's zone. */
  today(): Date {
    return scriptDay(Math.floor((this.now.getTime() + this.nowOffset) / DAY));
  }

  /** The day a date cell holds, as Sheets shows it. */
  dayOf(cell: Date): Date {
    return scriptDay(Math.floor((cell.getTime() + this.nowOffset + MARGIN) / DAY));
  }

  /** The day a date cell holds, as Sheets numbers it (days since 1899-12-30): dayOf without a Date, for long columns. */
  dayNumberOf(cell: Date): number {
    return floor((cell.getTime() + this.nowOffset + MARGIN) / DAY) + SHEETS_EPOCH_DAY;
  }

  /** The day an instant (a History timestamp) falls on in the spreadsheet's zone. */
  dayOfInstant(at: Date): Date {
    return scriptDay(Math.floor((at.getTime() + this.nowOffset) / DAY));
  }

  /** The Date to write into a date cell so that Sheets shows `day`: that day's midnight in the spreadsheet's zone. */
  cellFor(day: Date): Date {
    const midnightUtc = Date.UTC(day.getFullYear(), day.getMonth(), day.getDate());
    return new Date(midnightUtc - offsetMs(this.offsetAt(new Date(midnightUtc + DAY / 2))));
  }
}
