/** Calendar quarters, the cycles the tracker offers and adds on its own. */
import { CYCLE_ID, isCycleId } from "./vocabulary";

export interface Cycle {
  id: string;
  start: Date;
  end: Date;
}

/** The calendar quarter containing a date, e.g. 2026-Q4 from Oct 1 to Dec 31. */
export function quarterOf(date: Date): Cycle {
  const quarter = Math.floor(date.getMonth() / 3);
  const year = date.getFullYear();
  return {
    id: year + "-Q" + (quarter + 1),
    start: new Date(year, quarter * 3, 1),
    end: new Date(year, quarter * 3 + 3, 0),
  };
}

/** The quarter a cycle ID such as 2026-Q4 names, or null when it names none (or a year out of range). */
export function quarterNamed(id: string): Cycle | null {
  const match = CYCLE_ID.exec(id);
  return match && isCycleId(id) ? quarterOf(new Date(Number(match[1]), (Number(match[2]) - 1) * 3, 1)) : null;
}
