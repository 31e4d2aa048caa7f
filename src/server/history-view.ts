import { isoDate } from "../core/cell-values";
import { HISTORY } from "../core/layout";
import { openTracker, readTable } from "./tables";

export interface HistoryEntry {
  when: string;
  previous: number | string;
  value: number | string;
  confidence: number | string;
  note: string;
  author: string;
  source: string;
}

/** The latest records of one key result, newest first, for the check-in form. */
export function keyResultHistory(krId: string, limit: number): HistoryEntry[] {
  const table = readTable(openTracker(), HISTORY);
  table.require(["Timestamp", "KR ID", "Previous value", "New value"]);
  const entries: HistoryEntry[] = [];
  for (let r = table.values.length - 1; r >= 1 && entries.length < limit; r--) {
    if (table.text(r, "KR ID") !== krId) continue;
    const when = table.cell(r, "Timestamp");
    const number = (h: string) => (typeof table.cell(r, h) === "number" ? (table.cell(r, h) as number) : table.text(r, h));
    entries.push({
      when: Object.prototype.toString.call(when) === "[object Date]" ? isoDate(when as Date) : table.text(r, "Timestamp"),
      previous: number("Previous value"),
      value: number("New value"),
      confidence: number("Confidence"),
      note: table.text(r, "Note"),
      author: table.text(r, "Author"),
      source: table.text(r, "Source"),
    });
  }
  return entries;
}
